export * from './lib/realtime.module';
export * from './lib/realtime.server';
export * from './lib/realtime.types';
export * from './lib/realtime-event.decorator';
export * from './lib/realtime-events';
export * from './lib/realtime-io.adapter';
export * from './lib/realtime.gateway';
export * from './lib/opinion-discussion.gateway';
