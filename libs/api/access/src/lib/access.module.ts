import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service';
import { GroupRoomAccess } from './group-room-access.service';

@Global()
@Module({ providers: [AccessService, GroupRoomAccess], exports: [AccessService, GroupRoomAccess] })
export class AccessModule {}
