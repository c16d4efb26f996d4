import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { DocumentAccessRegistry } from './document-access.registry';
import { DocumentJobs } from './document-jobs';
import { DocumentLinks } from './document-links';
import { DocumentSearchService } from './document-search.service';
import { DocumentUploadService } from './document-upload.service';
import { DocumentsController } from './documents.controller';
import { DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';
import { LocalStorageDriver } from './storage/local-storage.driver';
import { S3StorageDriver } from './storage/s3-storage.driver';
import { StorageDriver } from './storage/storage-driver';
import { DocumentsPersonalData } from './documents.personal-data';

/**
 * Documents, a platform capability: import it once (AppModule); domains inject
 * DocumentAccessRegistry to register the owner kinds they attach documents to, and
 * DocumentsService to list attachments.
 */
@Global()
@Module({
  providers: [
    DocumentsPersonalData,
    DocumentAccessRegistry,
    DocumentLinks,
    {
      provide: StorageDriver,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<StorageDriver> => {
        const logger = new Logger('Documents');
        const { documents } = config;
        if (documents.storage === 's3' && documents.s3) {
          const driver = new S3StorageDriver(documents.s3);
          await driver.ensureBucket();
          logger.log(
            `storage: S3 bucket ${documents.s3.bucket}${documents.s3.endpoint ? ` at ${documents.s3.endpoint}` : ''}`,
          );
          return driver;
        }
        const dir = resolve(documents.dir);
        mkdirSync(dir, { recursive: true });
        logger.log(`storage: local directory ${dir}`);
        return new LocalStorageDriver(dir);
      },
    },
    DocumentsService,
    DocumentJobs,
    DocumentUploadService,
    DocumentSearchService,
    DocumentsResolver,
  ],
  controllers: [DocumentsController],
  exports: [DocumentAccessRegistry, DocumentsService, DocumentJobs, StorageDriver],
})
export class DocumentsModule implements OnApplicationShutdown {
  constructor(@Inject(StorageDriver) private readonly storage: StorageDriver) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
