import { Role } from '@civitas/shared/domain';
import {
  AddConsultationCommentDocument,
  PositionConsultationDocument,
  PositionConsultationDocumentsDocument,
} from '@civitas/web/data-access';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COMMENTS_PAGE, ConsultationPage } from './ConsultationPage';
import { comment, consultation } from './fixtures';
import { renderPage, signedInAs } from './testing';

const noDocuments = {
  request: { query: PositionConsultationDocumentsDocument, variables: { ownerId: 'c1' } },
  result: { data: { documents: { __typename: 'DocumentConnection' as const, edges: [] } } },
};
const get = (data: ReturnType<typeof consultation>, commentsAfter?: string) => ({
  request: {
    query: PositionConsultationDocument,
    variables: { id: 'c1', commentsFirst: COMMENTS_PAGE, ...(commentsAfter && { commentsAfter }) },
  },
  result: { data: { positionConsultation: data } },
});
const comments = (
  nodes: ReturnType<typeof comment>[],
  page: { totalCount?: number; endCursor?: string; hasNextPage?: boolean } = {},
) => ({
  __typename: 'ConsultationCommentConnection' as const,
  totalCount: page.totalCount ?? nodes.length,
  pageInfo: {
    __typename: 'PageInfo' as const,
    hasNextPage: page.hasNextPage ?? false,
    endCursor: page.endCursor ?? null,
  },
  edges: nodes.map((node) => ({
    __typename: 'ConsultationCommentEdge' as const,
    cursor: `cursor-${node.id}`,
    node,
  })),
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

  it('"Pokaż więcej" appends the next page, announces it and moves focus to the first new comment', async () => {
    const by = (id: string, name: string, city: string, body: string) =>
      comment({
        id,
        bodyHtml: `<p>${body}</p>`,
        author: { __typename: 'ConsultationCommentAuthor', id: `u-${id}`, name, cityName: city },
      });
    const first = [
      by('k1', 'Ewa Łódzka', 'Łódź', 'Łódź popiera.'),
      by('k2', 'Jan Poznański', 'Poznań', 'Poznań ma uwagi.'),
    ];
    const next = [by('k3', 'Anna Krakowska', 'Kraków', 'Kraków prosi o zmianę art. 5.')];
    const page = (nodes: typeof first, hasNextPage: boolean, endCursor: string) =>
      consultation({
        status: 'CLOSED',
        commentCount: 3,
        viewerMayComment: false,
        viewerMaySeeComments: true,
        comments: comments(nodes, { totalCount: 3, hasNextPage, endCursor }),
      });
    renderPage(<ConsultationPage />, {
      path: '/positions/consultations/:id',
      route: '/positions/consultations/c1',
      session: signedInAs(Role.OFFICE_ADMIN),
      mocks: [
        get(page(first, true, 'cursor-k2')),
        noDocuments,
        get(page(next, false, 'cursor-k3'), 'cursor-k2'),
      ],
    });
    expect(await screen.findByText('Poznań ma uwagi.')).toBeTruthy();
    expect(screen.queryByText('Kraków prosi o zmianę art. 5.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Pokaż więcej' }));
    expect(await screen.findByText('Kraków prosi o zmianę art. 5.')).toBeTruthy();
    // Appended, in order, each once; the last page leaves no button.
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Ewa Łódzka, Łódź',
      'Jan Poznański, Poznań',
      'Anna Krakowska, Kraków',
    ]);
    await waitFor(() =>
      expect(screen.getByText('Wczytano 1 kolejną uwagę; widać 3 z 3.').getAttribute('role')).toBe(
        'status',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Pokaż więcej' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('article', { name: 'Anna Krakowska, Kraków' }),
      ),
    );
  });
});
