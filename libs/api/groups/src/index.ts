export * from './lib/groups.module';
