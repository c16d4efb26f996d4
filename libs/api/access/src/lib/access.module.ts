import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { GroupRoomAccess } from './group-room-access.service';
import { OpinionAccess } from './opinion-access.service';

@Global()
@Module({
  providers: [AccessService, GroupRoomAccess, OpinionAccess],
  exports: [AccessService, GroupRoomAccess, OpinionAccess],
})
export class AccessModule {}
