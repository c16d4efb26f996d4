import { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Permission, REALTIME_EVENT_PERMISSIONS } from '@civitas/shared/domain';
import { REALTIME_EVENT_KEY } from './realtime-event.decorator';

/** `@nestjs/websockets` metadata names (constants it does not export from its index). */
const GATEWAY_METADATA = 'websockets:is_gateway';
const MESSAGE_MAPPING_METADATA = 'websockets:message_mapping';
const MESSAGE_METADATA = 'message';

export interface RealtimeEventHandler {
  event: string;
  gateway: string;
  /** Null: any signed-in person (the handshake already checked the token). */
  permission: Permission | null;
}

/**
 * Every socket event some gateway handles, with the permission it requires. Throws when a
 * handler is not declared with `@RealtimeEvent` or its event is not in the shared
 * contract's permission map: deny by default.
 */
export function realtimeEventHandlers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): RealtimeEventHandler[] {
  const handlers: RealtimeEventHandler[] = [];
  for (const wrapper of discovery.getProviders()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype || !Reflect.getMetadata(GATEWAY_METADATA, metatype)) continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = prototype[name];
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, method)) continue;
      const message = Reflect.getMetadata(MESSAGE_METADATA, method) as string;
      const declared = reflector.get<string | undefined>(REALTIME_EVENT_KEY, method);
      if (declared !== message || !(message in REALTIME_EVENT_PERMISSIONS)) {
        throw new Error(
          `${metatype.name}.${name} handles socket event "${message}" without @RealtimeEvent and a permission in REALTIME_EVENT_PERMISSIONS`,
        );
      }
      handlers.push({
        event: message,
        gateway: metatype.name,
        permission: REALTIME_EVENT_PERMISSIONS[message as keyof typeof REALTIME_EVENT_PERMISSIONS],
      });
    }
  }
  return handlers.sort((a, b) => a.event.localeCompare(b.event));
}

/** The same list from a running app (the permission snapshot). */
export function realtimeEventsOf(app: INestApplicationContext): RealtimeEventHandler[] {
  return realtimeEventHandlers(
    app.get(DiscoveryService),
    app.get(MetadataScanner),
    app.get(Reflector),
  );
}
