export * from './lib/access.module';
export * from './lib/access.service';
