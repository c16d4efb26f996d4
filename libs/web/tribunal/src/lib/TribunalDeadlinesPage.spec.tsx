import { Role } from '@civitas/shared/domain';
import { TribunalDeadlinesDocument, TribunalStage } from '@civitas/web/data-access';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TribunalDeadlinesPage } from './TribunalDeadlinesPage';
import { renderPage, signedInAs } from './testing';

const row = (over: Record<string, unknown>) => ({
  __typename: 'TribunalDeadline' as const,
  caseId: 'c1',
  caseTitle: 'Janosikowe',
  signature: 'Tw 12/25',
  stageEntryId: 'e1',
  stage: TribunalStage.DefectsCall,
  deliveredOn: '2025-04-14',
  deadline: '2025-04-22',
  daysLeft: -3,
  overdue: true,
  ...over,
});

describe('TribunalDeadlinesPage', () => {
  it('lists deadlines in the API order, overdue first, with days left in words', async () => {
    renderPage(<TribunalDeadlinesPage />, {
      path: '/',
      session: signedInAs(Role.CITY_ADMIN),
      mocks: [
        {
          request: { query: TribunalDeadlinesDocument },
          result: {
            data: {
              tribunalDeadlines: [
                row({}),
                row({
                  caseId: 'c2',
                  caseTitle: 'Subwencja oświatowa',
                  stageEntryId: 'e2',
                  stage: TribunalStage.Refusal,
                  deadline: '2030-01-08',
                  daysLeft: 5,
                  overdue: false,
                }),
              ],
            },
          },
        },
      ],
    });
    const rows = await screen.findAllByTestId('tribunal-deadline');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Janosikowe' })).toBeTruthy();
    expect(within(rows[0]).getByText('22 kwietnia 2025')).toBeTruthy();
    expect(within(rows[0]).getByText('przekroczony o 3 d.')).toBeTruthy();
    expect(rows[0].getAttribute('style')).toContain('inset');
    expect(within(rows[1]).getByText('5 dni')).toBeTruthy();
    expect(within(rows[1]).getByText('Odmowa nadania biegu')).toBeTruthy();
    expect(rows[1].getAttribute('style') ?? '').not.toContain('inset');
  });
});
