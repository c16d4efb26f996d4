export * from './lib/privacy.module';
export { ErasureService } from './lib/erasure.service';
