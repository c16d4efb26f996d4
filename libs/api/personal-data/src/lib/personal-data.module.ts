import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentLog } from './consent-log.service';
import { ConsentRecord } from './consent-record.entity';
import { PersonalDataRegistry } from './personal-data.registry';

/** The consent log and the registry of personal-data contributors, one per process. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ConsentRecord])],
  providers: [ConsentLog, PersonalDataRegistry],
  exports: [ConsentLog, PersonalDataRegistry],
})
export class PersonalDataModule {}
