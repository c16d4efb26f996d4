import { OpinionRequestAction, OpinionRequestState, Role } from '@civitas/shared/domain';
import {
  AcceptOpinionRequestDocument,
  OpinionDashboardDocument,
  OpinionExpertsDocument,
  OpinionRequestDocument,
  OpinionRequestsDocument,
  RejectOpinionRequestDocument,
  RequestOpinionInformationDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connection, opinionRequest } from './fixtures';
import { renderPage, signedInAs } from './testing';
import { TriagePage } from './TriagePage';

const SUBJECT = 'Opłata za zajęcie pasa drogowego';
const submitted = opinionRequest({
  subject: SUBJECT,
  state: OpinionRequestState.SUBMITTED,
  submittedAt: '2026-11-25T09:00:00Z',
  viewerParty: 'OFFICE',
  availableActions: [
    OpinionRequestAction.ACCEPT,
    OpinionRequestAction.REQUEST_INFORMATION,
    OpinionRequestAction.REJECT,
    OpinionRequestAction.VIEW_AUDIT_LOG,
  ],
});
const queue = (nodes: object[]) => ({
  request: {
    query: OpinionRequestsDocument,
    variables: { states: [OpinionRequestState.SUBMITTED], first: 100 },
  },
  result: { data: { opinionRequests: connection('OpinionRequest', nodes as never[]) } },
});
const experts = {
  request: { query: OpinionExpertsDocument },
  result: {
    data: {
      opinionExperts: [
        {
          __typename: 'OpinionPerson',
          id: 'e1',
          name: 'Jan Wójcik',
          organisationName: 'Kancelaria Wójcik',
          position: null,
        },
      ],
    },
  },
};
// The refetches after a decision: the queue empties.
const after = [
  queue([]),
  { request: { query: OpinionDashboardDocument }, error: new Error('not on this page') },
  { request: { query: OpinionRequestDocument, variables: { id: 'r1' } }, error: new Error('-') },
];

function render(mocks: object[]) {
  return renderPage(<TriagePage />, {
    path: '/opinions/triage',
    session: signedInAs(Role.OFFICE_ADMIN),
    mocks: [queue([submitted]), ...(mocks as never[]), ...(after as never[])],
  });
}

describe('TriagePage', () => {
  it('accepts a request with an expert, a due date and the fee in złoty sent as grosze', async () => {
    const calls: unknown[] = [];
    render([
      experts,
      {
        request: { query: AcceptOpinionRequestDocument, variables: () => true },
        result: (vars: unknown) => {
          calls.push(vars);
          return {
            data: {
              acceptOpinionRequest: opinionRequest({
                ...submitted,
                state: OpinionRequestState.ACCEPTED,
                availableActions: [],
              }),
            },
          };
        },
      },
    ]);
    fireEvent.click(
      await screen.findByRole('button', { name: `Przyjmij i przydziel eksperta: ${SUBJECT}` }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Przyjęcie wniosku' });
    // Nothing chosen yet: the dialog says what is missing and sends nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Przyjmij i przydziel eksperta' }));
    expect(await within(dialog).findByText('Podaj kwotę w złotych, np. 2500,00.')).toBeTruthy();
    expect(calls).toEqual([]);

    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Ekspert/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Jan Wójcik (Kancelaria Wójcik)' }));
    fireEvent.change(within(dialog).getByLabelText(/^Termin/), {
      target: { value: '2026-12-15' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Wynagrodzenie w zł/), {
      target: { value: '2 500,50' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Komentarz/), {
      target: { value: 'Pilne' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Przyjmij i przydziel eksperta' }));
    expect(await screen.findByText('Wniosek przyjęty i przydzielony ekspertowi.')).toBeTruthy();
    expect(calls).toEqual([
      {
        id: 'r1',
        input: { expertId: 'e1', dueDate: '2026-12-15', feeGrosze: 250050, comment: 'Pilne' },
      },
    ]);
    await waitFor(() =>
      expect(screen.getByText('Nie ma wniosków czekających na decyzję.')).toBeTruthy(),
    );
  });

  it('asks the city for information with a required question', async () => {
    const calls: unknown[] = [];
    render([
      {
        request: { query: RequestOpinionInformationDocument, variables: () => true },
        result: (vars: unknown) => {
          calls.push(vars);
          return {
            data: {
              requestOpinionInformation: opinionRequest({
                ...submitted,
                state: OpinionRequestState.NEEDS_INFO,
                availableActions: [],
              }),
            },
          };
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Poproś o informacje: ${SUBJECT}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Prośba o uzupełnienie wniosku' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poproś o informacje' }));
    expect(await within(dialog).findByText('To pole jest wymagane.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Pytanie do miasta/), {
      target: { value: 'Ilu operatorów działa w mieście?' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Poproś o informacje' }));
    expect(await screen.findByText('Wysłano prośbę o informacje do miasta.')).toBeTruthy();
    expect(calls).toEqual([{ id: 'r1', question: 'Ilu operatorów działa w mieście?' }]);
  });

  it('rejects with a reason, and says so when another office admin was faster', async () => {
    const { GraphQLError } = await import('graphql');
    render([
      {
        request: {
          query: RejectOpinionRequestDocument,
          variables: { id: 'r1', reason: 'Poza zakresem działania Związku.' },
        },
        result: {
          errors: [new GraphQLError('Not allowed now', { extensions: { code: 'CONFLICT' } })],
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `Odrzuć: ${SUBJECT}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Odrzucenie wniosku' });
    fireEvent.change(within(dialog).getByLabelText(/^Powód odrzucenia/), {
      target: { value: 'Poza zakresem działania Związku.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Odrzuć' }));
    expect(
      await within(dialog).findByText('Tej operacji nie można wykonać w obecnym stanie.'),
    ).toBeTruthy();
  });
});
