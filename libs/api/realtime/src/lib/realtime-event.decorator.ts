import { applyDecorators, SetMetadata } from '@nestjs/common';
import { SubscribeMessage } from '@nestjs/websockets';
import type { RealtimeEventName } from './realtime.types';

export const REALTIME_EVENT_KEY = 'civitas:realtime-event';

/**
 * A socket event handler. The permission it requires comes from the shared contract's
 * `REALTIME_EVENT_PERMISSIONS` and is checked by `RealtimeServer.handle`; at start-up the
 * API refuses to run when a gateway subscribes to an event without this decorator (deny by
 * default, as `@RequirePermission` for GraphQL).
 */
export const RealtimeEvent = (event: RealtimeEventName) =>
  applyDecorators(SubscribeMessage(event), SetMetadata(REALTIME_EVENT_KEY, event));
