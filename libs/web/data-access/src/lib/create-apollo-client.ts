import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { RefreshSessionDocument } from '../gql/graphql';
import { createAuthLink } from './auth-link';
import { AuthSession, webLocksExclusive } from './auth-session';
import { postGraphQL } from './graphql-fetch';

export const GRAPHQL_PATH = '/graphql';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          organisations: relayStylePagination([
            'search',
            'voivodeshipCode',
            'membershipStatus',
            'kind',
          ]),
          people: relayStylePagination(['search', 'organisationId']),
          invitations: relayStylePagination(['status']),
          groups: relayStylePagination(['search']),
          myGroups: relayStylePagination(['search']),
          discoverGroups: relayStylePagination(['search']),
          myJoinRequests: relayStylePagination(),
          myGroupInvitations: relayStylePagination(),
          groupMembers: relayStylePagination(['groupId', 'search']),
          groupJoinRequests: relayStylePagination(['groupId', 'status']),
          groupInvitations: relayStylePagination(['groupId']),
          groupBans: relayStylePagination(['groupId']),
          moderationLog: relayStylePagination(['groupId']),
          forumThreads: relayStylePagination(['groupId']),
          // notifications: no field policy on purpose. The bell's latest few and the page's
          // longer list are separate entries (by first/after/unreadOnly), so opening the bell
          // never cuts the page's list short; the page appends its pages with updateQuery.
        },
      },
      Organisation: {
        fields: { members: relayStylePagination() },
      },
      Voivodeship: { keyFields: ['code'] },
    },
  });
}

/** The session whose refresh posts `refreshSession` straight to the API, outside Apollo. */
export function createAuthSession(
  options: { uri?: string; fetch?: typeof fetch } = {},
): AuthSession {
  const uri = options.uri ?? GRAPHQL_PATH;
  return new AuthSession({
    requestRefresh: async () =>
      (await postGraphQL(RefreshSessionDocument, {}, { uri, fetch: options.fetch })).refreshSession,
    exclusive: webLocksExclusive(),
  });
}

export function createApolloClient(
  session: AuthSession,
  options: { uri?: string } = {},
): ApolloClient {
  const http = new HttpLink({ uri: options.uri ?? GRAPHQL_PATH, credentials: 'same-origin' });
  return new ApolloClient({
    link: ApolloLink.from([createAuthLink(session), http]),
    cache: createCache(),
  });
}
