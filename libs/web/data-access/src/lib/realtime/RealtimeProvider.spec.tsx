import { MockedProvider } from '@apollo/client/testing/react';
import { Role } from '@civitas/shared/domain';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatTestServer } from '../../testing';
import { AuthSession } from '../auth-session';
import { SessionProvider } from '../SessionProvider';
import { RealtimeClient } from './realtime-client';
import { RealtimeProvider, useChatUnreadCounts, useConnectionState } from './RealtimeProvider';

const GROUP = '11111111-1111-4111-8111-111111111111';
const MARIA = { id: 'maria', name: 'Maria Wiśniewska', organisationName: 'Poznań' };
const MICHAL = { id: 'michal', name: 'Michał Kamiński', organisationName: 'Warszawa' };

function Counts() {
  const counts = useChatUnreadCounts();
  const state = useConnectionState();
  return (
    <p>
      {state}: {counts ? (counts.get(GROUP)?.unread ?? 'none') : 'unknown'}
    </p>
  );
}

describe('useChatUnreadCounts', () => {
  let server: ChatTestServer;
  let client: RealtimeClient;

  beforeEach(async () => {
    server = await new ChatTestServer({ [GROUP]: ['maria', 'michal'] }).start();
    server.people.set('t-maria', MARIA);
    client = new RealtimeClient({
      url: server.url,
      getToken: () => 't-maria',
      refreshToken: async () => null,
      socketOptions: { transports: ['websocket'] },
    });
  });

  afterEach(async () => {
    client.close();
    await server.stop();
  });

  it('asks once connected and follows my read state', async () => {
    server.store(GROUP, MICHAL, 'jeden');
    server.store(GROUP, MICHAL, 'dwa');
    const session = new AuthSession({ requestRefresh: () => Promise.reject(new Error('no')) });
    session.establish({
      __typename: 'AuthPayload',
      accessToken: 't-maria',
      accessTokenExpiresAt: '2030-01-01T00:00:00Z',
      user: {
        __typename: 'User',
        id: 'maria',
        email: 'maria@civitas.local',
        name: MARIA.name,
        role: Role.CITY_OFFICIAL,
        isLegalOfficer: false,
        locale: 'pl',
        position: null,
        department: null,
        phone: null,
        organisationId: 'org',
        organisation: { __typename: 'Organisation', id: 'org', name: 'Poznań' },
      },
    });
    render(
      <MockedProvider mocks={[]}>
        <SessionProvider session={session}>
          <RealtimeProvider client={client}>
            <Counts />
          </RealtimeProvider>
        </SessionProvider>
      </MockedProvider>,
    );
    await screen.findByText('connected: 2');
    await client.markRead(GROUP, 2);
    await waitFor(() => expect(screen.getByText('connected: 0')).toBeTruthy());
  });
});
