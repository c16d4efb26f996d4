export * from './lib/positions.module';
