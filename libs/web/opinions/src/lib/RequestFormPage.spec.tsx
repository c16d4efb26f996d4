import { OpinionRequestAction, Role } from '@civitas/shared/domain';
import {
  CreateOpinionRequestDocument,
  DocumentOwnerKind,
  OpinionDocumentsDocument,
  OpinionRequestDocument,
  OpinionRequestSimilarDocument,
  SubmitOpinionRequestDocument,
  UpdateOpinionRequestDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { opinionRequest, publishedOpinion } from './fixtures';
import { RequestFormPage } from './RequestFormPage';
import { renderPage, signedInAs } from './testing';

const officer = () => signedInAs(Role.CITY_OFFICIAL, { legalOfficer: true });

const similar = (id: string) => ({
  request: { query: OpinionRequestSimilarDocument, variables: { id } },
  maxUsageCount: 10,
  result: {
    data: {
      opinionRequest: {
        __typename: 'OpinionRequest',
        id,
        similarPublishedOpinions: [
          {
            __typename: 'PublishedOpinion',
            id: 'p1',
            subject: 'Zmiana nazwy ulicy a koszty wymiany dokumentów mieszkańców',
            year: 2025,
            areaOfLaw: publishedOpinion().areaOfLaw,
          },
        ],
      },
    },
  },
});

describe('RequestFormPage', () => {
  it('creates the draft on the first pause in typing, then autosaves changes, and says so', async () => {
    const creates: unknown[] = [];
    const updates: unknown[] = [];
    renderPage(<RequestFormPage />, {
      path: '/opinions/new',
      session: officer(),
      mocks: [
        {
          request: { query: CreateOpinionRequestDocument, variables: () => true },
          result: (vars: { input: unknown }) => {
            creates.push(vars.input);
            return { data: { createOpinionRequest: opinionRequest() } };
          },
        },
        {
          request: { query: UpdateOpinionRequestDocument, variables: () => true },
          maxUsageCount: 5,
          result: (vars: { id: string; input: { question?: string } }) => {
            updates.push(vars);
            return {
              data: {
                updateOpinionRequest: opinionRequest({ questionSource: vars.input.question ?? '' }),
              },
            };
          },
        },
        similar('r1'),
      ],
    });

    expect(screen.getByText('Szkic zapisze się po wpisaniu treści.')).toBeTruthy();
    expect(screen.getByText('Załączniki można dodać po zapisaniu szkicu.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Temat/), { target: { value: 'Zmiana nazwy' } });
    fireEvent.change(screen.getByLabelText(/^Temat/), {
      target: { value: 'Zmiana nazwy ulicy' },
    });
    // Debounced: nothing is sent while typing goes on.
    expect(creates).toEqual([]);

    const status = await screen.findByText(/^Szkic zapisany o/, undefined, { timeout: 4000 });
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(creates).toHaveLength(1);
    expect(creates[0]).toMatchObject({ subject: 'Zmiana nazwy ulicy', legalBasis: [] });
    // The similar opinions panel follows the saved draft.
    expect(
      await screen.findByRole('link', {
        name: 'Zmiana nazwy ulicy a koszty wymiany dokumentów mieszkańców',
      }),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Pytanie/), {
      target: { value: 'Czy gmina pokrywa koszty?' },
    });
    await waitFor(() => expect(updates).toHaveLength(1), { timeout: 4000 });
    expect(updates[0]).toMatchObject({
      id: 'r1',
      input: { subject: 'Zmiana nazwy ulicy', question: 'Czy gmina pokrywa koszty?' },
    });
    expect(creates).toHaveLength(1);
    expect(screen.getByLabelText('Plik do dodania')).toBeTruthy();
  });

  it('shows the fields the API says are missing when submitting', async () => {
    const draft = opinionRequest({ subject: 'Zmiana nazwy ulicy' });
    renderPage(<RequestFormPage />, {
      path: '/opinions/:id/edit',
      route: '/opinions/r1/edit',
      session: officer(),
      mocks: [
        {
          request: { query: OpinionRequestDocument, variables: { id: 'r1' } },
          result: { data: { opinionRequest: draft } },
        },
        similar('r1'),
        {
          request: { query: SubmitOpinionRequestDocument, variables: { id: 'r1' } },
          result: {
            errors: [
              new GraphQLError('The request is incomplete: question, facts, areaOfLaw', {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [
                    { field: 'question', problems: ['is required to submit the request'] },
                    { field: 'facts', problems: ['is required to submit the request'] },
                    { field: 'areaOfLaw', problems: ['is required to submit the request'] },
                  ],
                },
              }),
            ],
          },
        },
      ],
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Złóż wniosek' }));
    const summary = await screen.findByText('Popraw błędy w formularzu:');
    const alert = summary.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('Pytanie (pytania): To pole jest wymagane do złożenia');
    expect(alert.textContent).toContain('Stan faktyczny: To pole jest wymagane');
    expect(alert.textContent).toContain('Dziedzina prawa: To pole jest wymagane');
    expect(alert.textContent).not.toContain('Temat:');
    expect(screen.getByLabelText(/^Pytanie/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Temat/).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('offers no form for a request the city can no longer edit', async () => {
    renderPage(<RequestFormPage />, {
      path: '/opinions/:id/edit',
      route: '/opinions/r1/edit',
      session: officer(),
      mocks: [
        {
          request: { query: OpinionRequestDocument, variables: { id: 'r1' } },
          result: {
            data: {
              opinionRequest: opinionRequest({
                state: 'SUBMITTED' as never,
                availableActions: [OpinionRequestAction.WITHDRAW],
              }),
            },
          },
        },
        similar('r1'),
      ],
    });
    expect(await screen.findByText('Tego wniosku nie można już edytować.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Złóż wniosek' })).toBeNull();
  });

  it('removes an attachment from the draft', async () => {
    const updates: unknown[] = [];
    const draft = opinionRequest({ attachmentDocumentIds: ['d1'] });
    renderPage(<RequestFormPage />, {
      path: '/opinions/:id/edit',
      route: '/opinions/r1/edit',
      session: officer(),
      mocks: [
        {
          request: { query: OpinionRequestDocument, variables: { id: 'r1' } },
          result: { data: { opinionRequest: draft } },
        },
        similar('r1'),
        {
          request: {
            query: OpinionDocumentsDocument,
            variables: { ownerKind: DocumentOwnerKind.OpinionRequest, ownerId: 'r1' },
          },
          result: {
            data: {
              documents: {
                __typename: 'DocumentConnection',
                edges: [
                  {
                    __typename: 'DocumentEdge',
                    node: {
                      __typename: 'Document',
                      id: 'd1',
                      name: 'uchwala.pdf',
                      size: 4096,
                      extension: 'pdf',
                      downloadUrl: '/api/documents/d1/content?sig=x',
                      createdAt: '2026-11-27T10:00:00Z',
                    },
                  },
                ],
              },
            },
          },
        },
        {
          request: { query: UpdateOpinionRequestDocument, variables: () => true },
          result: (vars: unknown) => {
            updates.push(vars);
            return { data: { updateOpinionRequest: opinionRequest() } };
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Usuń załącznik uchwala.pdf' }));
    expect(await screen.findByText('Usunięto załącznik uchwala.pdf.')).toBeTruthy();
    expect(updates).toEqual([{ id: 'r1', input: { attachmentDocumentIds: [] } }]);
  });
});
