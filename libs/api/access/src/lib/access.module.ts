import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { GroupRoomAccess } from './group-room-access.service';
import { OpinionAccess } from './opinion-access.service';
import { TribunalAccess } from './tribunal-access.service';

@Global()
@Module({
  providers: [AccessService, GroupRoomAccess, OpinionAccess, TribunalAccess],
  exports: [AccessService, GroupRoomAccess, OpinionAccess, TribunalAccess],
})
export class AccessModule {}
