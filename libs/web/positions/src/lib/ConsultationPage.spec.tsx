import { Role } from '@civitas/shared/domain';
import {
  AddConsultationCommentDocument,
  PositionConsultationDocument,
  PositionConsultationDocumentsDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsultationPage } from './ConsultationPage';
import { comment, consultation } from './fixtures';
import { renderPage, signedInAs } from './testing';

const noDocuments = {
  request: { query: PositionConsultationDocumentsDocument, variables: { ownerId: 'c1' } },
  result: { data: { documents: { __typename: 'DocumentConnection' as const, edges: [] } } },
};
const get = (data: ReturnType<typeof consultation>) => ({
  request: { query: PositionConsultationDocument, variables: { id: 'c1' } },
  result: { data: { positionConsultation: data } },
});
const comments = (nodes: ReturnType<typeof comment>[]) => ({
  __typename: 'ConsultationCommentConnection' as const,
  totalCount: nodes.length,
  edges: nodes.map((node) => ({ __typename: 'ConsultationCommentEdge' as const, node })),
});

describe('ConsultationPage', () => {
  it('a member city official who has not commented sees the counts, the closing time in Warsaw, and comments', async () => {
    renderPage(<ConsultationPage />, {
      path: '/positions/consultations/:id',
      route: '/positions/consultations/c1',
      session: signedInAs(Role.CITY_OFFICIAL),
      mocks: [
        get(consultation()),
        noDocuments,
        {
          request: {
            query: AddConsultationCommentDocument,
            variables: { consultationId: 'c1', input: { bodyMarkdown: 'Poznań: bez uwag.' } },
          },
          result: { data: { addConsultationComment: comment({ id: 'k9', viewerMayEdit: true }) } },
        },
        get(
          consultation({
            commentCount: 4,
            viewerHasCommented: true,
            viewerMaySeeComments: true,
            comments: comments([
              comment(),
              comment({
                id: 'k9',
                bodyHtml: '<p>Poznań: bez uwag.</p>',
                viewerMayEdit: true,
                author: {
                  __typename: 'ConsultationCommentAuthor',
                  id: 'u-CITY_OFFICIAL',
                  name: 'Maria Wiśniewska',
                  cityName: 'Poznań',
                },
              }),
            ]),
          }),
        ),
      ],
    });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Projekt stanowiska w sprawie dochodów JST',
      }),
    ).toBeTruthy();
    // 15:00 UTC on 1 December is 16:00 in Warsaw.
    expect(screen.getByText('Uwagi do: 2026-12-01 16:00 (czasu polskiego)')).toBeTruthy();
    expect(screen.getByText('3 uwagi z 2 miast')).toBeTruthy();
    expect(screen.getByText(/Uwagi innych miast zobaczysz po zgłoszeniu własnej/)).toBeTruthy();
    expect(screen.queryByText('Łódź popiera.')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Działania Biura' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Twoja uwaga (Markdown)'), {
      target: { value: 'Poznań: bez uwag.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zgłoś uwagę' }));
    expect(await screen.findByText('Łódź popiera.')).toBeTruthy();
    expect(screen.getByText('Poznań: bez uwag.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Edytuj' })).toHaveLength(1));
  });

  it('the office sees every comment and its actions; a closed consultation takes no comments', async () => {
    renderPage(<ConsultationPage />, {
      path: '/positions/consultations/:id',
      route: '/positions/consultations/c1',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        get(
          consultation({
            status: 'CLOSED',
            viewerMayComment: false,
            viewerMaySeeComments: true,
            comments: comments([comment()]),
          }),
        ),
        noDocuments,
      ],
    });
    expect(await screen.findByText('Łódź popiera.')).toBeTruthy();
    expect(screen.getByText('Zamknięta: 2026-12-01 16:00 (czasu polskiego)')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Działania Biura' })).toBeTruthy();
    expect(screen.getByLabelText('Nowy termin uwag (czasu polskiego)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Zamknij teraz' })).toBeNull();
    expect(
      screen.getByRole('link', { name: /Zarząd przyjął stanowisko/ }).getAttribute('href'),
    ).toBe('/positions/consultations/c1/adopt');
    expect(screen.queryByLabelText('Twoja uwaga (Markdown)')).toBeNull();
  });
});
