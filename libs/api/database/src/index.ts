export * from './lib/database.options';
export * from './lib/embedded-postgres';
export * from './lib/prepare-database';
export * from './lib/query-counter';
export { DEMO_LOGINS, DEMO_PASSWORD, OFFICE_NAME } from './seeds';
export * from './lib/claim-day';
