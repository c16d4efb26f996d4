export * from './lib/access.module';
export * from './lib/access.service';
export * from './lib/group-room-access.service';
export * from './lib/opinion-access.service';
export * from './lib/tribunal-access.service';
