export * from './chat-test-server';
