export * from './lib/platform.module';
export * from './lib/configure-http';
