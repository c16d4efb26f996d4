export * from './lib/test-app';
export * from './lib/flaky-smtp-server';
export * from './lib/redis';
export * from './lib/realtime-client';
export * from './lib/api-process';
export * from './lib/storage-race';
