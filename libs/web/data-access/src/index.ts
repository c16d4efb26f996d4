export * from './gql/graphql';
export * from './lib/api-error';
export * from './lib/auth-session';
export * from './lib/auth-link';
export * from './lib/authorized-fetch';
export * from './lib/create-apollo-client';
export * from './lib/graphql-fetch';
export * from './lib/SessionProvider';
