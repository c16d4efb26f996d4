import { Global, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { OpinionDiscussionGateway } from './opinion-discussion.gateway';
import { realtimeEventHandlers } from './realtime-events';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeServer } from './realtime.server';

/**
 * Socket.io for the whole app (one namespace). Global, so domain gateways (the chat's) on
 * the same namespace use `RealtimeServer` without importing this module.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [RealtimeServer, RealtimeGateway, OpinionDiscussionGateway],
  exports: [RealtimeServer],
})
export class RealtimeModule implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Refuses to start with a socket event that declares no permission. */
  onApplicationBootstrap(): void {
    realtimeEventHandlers(this.discovery, this.scanner, this.reflector);
  }
}
