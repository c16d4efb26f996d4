export * from './chat-test-server';
export * from './signed-in-as';
export * from './upload-test-server';
