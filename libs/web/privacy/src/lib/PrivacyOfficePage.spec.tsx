import { Role } from '@civitas/shared/domain';
import {
  PrivacyRequestKind,
  PrivacyRequestsDocument,
  PrivacyRequestStatus,
  ResolvePrivacyRequestDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PrivacyOfficePage } from './PrivacyOfficePage';
import { renderPage, signedInAs } from './testing';

const row = (over: Record<string, unknown>) => ({
  __typename: 'PrivacyRequest' as const,
  id: 'r1',
  kind: PrivacyRequestKind.Other,
  details: 'Proszę o informację, komu przekazano moje dane.',
  status: PrivacyRequestStatus.Open,
  createdAt: '2025-01-31T09:00:00Z',
  dueOn: '2025-02-28',
  overdue: true,
  resolvedAt: null,
  resolutionNote: null,
  personName: 'Celina Nowak',
  personEmail: 'celina@lodz.example.pl',
  ...over,
});
const queue = (rows: ReturnType<typeof row>[]) => ({
  request: { query: PrivacyRequestsDocument, variables: { status: 'OPEN', first: 50 } },
  result: {
    data: {
      privacyRequests: {
        __typename: 'PrivacyRequestConnection',
        totalCount: rows.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: rows.map((node) => ({ __typename: 'PrivacyRequestEdge', node })),
      },
    },
  },
});

describe('PrivacyOfficePage', () => {
  it('lists requests overdue first with their one-month deadline and resolves one with a note', async () => {
    const first = row({});
    const second = row({
      id: 'r2',
      kind: PrivacyRequestKind.Objection,
      details: 'Sprzeciw wobec profilowania',
      createdAt: '2026-11-20T09:00:00Z',
      dueOn: '2026-12-20',
      overdue: false,
      personName: 'Marek Kowalski',
    });
    renderPage(<PrivacyOfficePage />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        queue([first, second]),
        {
          request: {
            query: ResolvePrivacyRequestDocument,
            variables: { input: { id: 'r1', note: 'Przekazano dostawcy poczty.' } },
          },
          result: {
            data: {
              resolvePrivacyRequest: {
                ...first,
                personName: undefined,
                personEmail: undefined,
                status: PrivacyRequestStatus.Resolved,
                resolutionNote: 'Przekazano dostawcy poczty.',
              },
            },
          },
        },
        queue([second]),
      ],
    });
    const rows = await screen.findAllByTestId('privacy-queue-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Celina Nowak')).toBeTruthy();
    expect(within(rows[0]).getByText('28 lutego 2025')).toBeTruthy();
    expect(within(rows[0]).getByText('po terminie')).toBeTruthy();
    expect(within(rows[1]).getByText('Sprzeciw')).toBeTruthy();
    fireEvent.change(within(rows[0]).getByLabelText(/Odpowiedź dla osoby/), {
      target: { value: 'Przekazano dostawcy poczty.' },
    });
    fireEvent.click(within(rows[0]).getByRole('button', { name: 'Rozpatrz' }));
    expect(await screen.findByText('Marek Kowalski')).toBeTruthy();
  });

  it("shows each request's reference, the one the office's notification mail names", async () => {
    renderPage(<PrivacyOfficePage />, {
      path: '/',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [queue([row({ id: '0192f1a2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' })])],
    });
    const [only] = await screen.findAllByTestId('privacy-queue-row');
    expect(within(only).getByText('Nr 0192F1A2')).toBeTruthy();
  });
});
