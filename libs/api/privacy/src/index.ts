export * from './lib/privacy.module';
export { ErasureService } from './lib/erasure.service';
export { PrivacyRequestAlerts } from './lib/privacy-request-alerts';
