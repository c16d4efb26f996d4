export * from './lib/roles';
export * from './lib/organisations';
export * from './lib/limits';
export * from './lib/password-policy';
export * from './lib/search-text';
export * from './lib/errors';
export * from './lib/groups';
export * from './lib/forum';
