export * from './lib/personal-data.module';
export * from './lib/consent-log.service';
export * from './lib/consent-record.entity';
export * from './lib/personal-data.registry';
