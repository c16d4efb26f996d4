import { Role } from '@civitas/shared/domain';
import {
  type TribunalCaseDetailsFragment,
  TribunalCaseDocument,
  TribunalCaseKind,
  TribunalJoinStatus,
  TribunalStage,
  TribunalSupportKind,
} from '@civitas/web/data-access';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TribunalCasePage } from './TribunalCasePage';
import { renderPage, signedInAs } from './testing';

function tribunalCase(over: Partial<TribunalCaseDetailsFragment>): TribunalCaseDetailsFragment {
  return {
    __typename: 'TribunalCase',
    id: 'c1',
    title: 'Janosikowe — wpłaty miast do budżetu państwa',
    kind: TribunalCaseKind.K,
    challengedAct: 'Ustawa o dochodach JST',
    challengedProvisions: 'art. 29',
    constitutionalProvisions: 'art. 167 ust. 1',
    argumentSummary: 'Nieadekwatne dochody.',
    stage: TribunalStage.Preparation,
    nextStages: [TribunalStage.Filed],
    preliminarySignature: null,
    signature: null,
    filedOn: null,
    createdAt: '2025-01-01T10:00:00Z',
    updatedAt: '2025-01-01T10:00:00Z',
    linkedOpinionIds: [],
    linkedOpinions: [],
    linkedCaseIds: [],
    linkedCases: [],
    followed: false,
    viewerIsParty: false,
    viewerMayJoin: false,
    internalNotes: null,
    support: {
      __typename: 'TribunalSupport',
      boardResolutionNumber: '12/2025',
      boardResolutionDate: '2025-01-20',
      kinds: [TribunalSupportKind.LegalPreparation, TribunalSupportKind.Funding],
      amountGrosze: null,
    },
    cities: [
      {
        __typename: 'TribunalCaseCity',
        id: 'k1',
        organisationId: 'krakow',
        cityName: 'Kraków',
        isApplicant: true,
        status: TribunalJoinStatus.Accepted,
        resolutionNumber: 'XV/210/25',
        resolutionDate: '2025-02-10',
        resolutionDocumentId: null,
        declineReason: null,
      },
    ],
    timeline: [],
    ...over,
  };
}

function render(c: TribunalCaseDetailsFragment, role: Role) {
  return renderPage(<TribunalCasePage />, {
    path: '/tribunal/:id',
    route: '/tribunal/c1',
    session: signedInAs(role),
    mocks: [
      {
        request: { query: TribunalCaseDocument, variables: { id: 'c1' } },
        result: { data: { tribunalCase: c } },
      },
    ],
  });
}

describe('TribunalCasePage', () => {
  it('shows the support without an amount to a city that is not a party', async () => {
    render(tribunalCase({}), Role.CITY_OFFICIAL);
    await screen.findByRole('heading', { level: 1, name: /Janosikowe/ });
    expect(screen.getByText('nr 12/2025 z 20 stycznia 2025')).toBeTruthy();
    expect(screen.getByText('przygotowanie prawne, finansowanie')).toBeTruthy();
    expect(screen.queryByText('Kwota')).toBeNull();
    expect(screen.getByText(/Uchwała nr XV\/210\/25 z 10 lutego 2025/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Przystąp do sprawy' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Zapisz kolejny etap' })).toBeNull();
  });

  it('shows the amount to a party, and the join form when the city may join', async () => {
    render(
      tribunalCase({
        viewerMayJoin: true,
        support: { ...tribunalCase({}).support, amountGrosze: 1_200_000 },
      }),
      Role.CITY_ADMIN,
    );
    await screen.findByRole('heading', { level: 1, name: /Janosikowe/ });
    expect(screen.getByText('Kwota')).toBeTruthy();
    expect(screen.getByText(/12\s000,00\szł/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Przystąp do sprawy' })).toBeTruthy();
  });
});
