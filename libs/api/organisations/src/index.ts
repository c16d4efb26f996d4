export * from './lib/organisations.module';
export * from './lib/organisation.entity';
