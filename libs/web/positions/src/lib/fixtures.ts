import {
  PositionConsultationStatus,
  PositionStatementDocument,
  PositionStatementDocumentsDocument,
  PositionStatementType,
} from '@civitas/web/data-access';

export const consultation = (over: Record<string, unknown> = {}) => ({
  __typename: 'PositionConsultation' as const,
  id: 'c1',
  title: 'Projekt stanowiska w sprawie dochodów JST',
  actTitle: 'Projekt ustawy o dochodach JST',
  actReference: 'UD45',
  openedAt: '2026-11-20T09:00:00.000Z',
  closesAt: '2026-12-01T15:00:00.000Z',
  closedEarlyAt: null,
  status: PositionConsultationStatus.Open,
  commentCount: 3,
  cityCount: 2,
  viewerHasCommented: false,
  viewerMayComment: true,
  viewerMaySeeComments: false,
  adoptedPosition: null,
  draftMarkdown: 'Zarząd **postuluje**',
  draftHtml: '<p>Zarząd <strong>postuluje</strong></p>',
  comments: null,
  ...over,
});

export const comment = (over: Record<string, unknown> = {}) => ({
  __typename: 'ConsultationComment' as const,
  id: 'k1',
  bodyMarkdown: 'Łódź popiera.',
  bodyHtml: '<p>Łódź popiera.</p>',
  createdAt: '2026-11-21T08:00:00.000Z',
  updatedAt: '2026-11-21T08:00:00.000Z',
  viewerMayEdit: false,
  author: {
    __typename: 'ConsultationCommentAuthor' as const,
    id: 'u1',
    name: 'Ewa Łódzka',
    cityName: 'Łódź',
  },
  ...over,
});

export const statement = (over: Record<string, unknown> = {}) => ({
  __typename: 'PositionStatement' as const,
  id: 'p1',
  type: PositionStatementType.Position,
  title: 'Stanowisko w sprawie dochodów JST',
  adoptedOn: '2024-06-12',
  actTitle: 'Projekt ustawy o dochodach JST',
  actReference: 'druk nr 609',
  ...over,
});

/** Position p1 as its page reads it (no summary, no consultation unless given). */
export const positionPage = (over: Record<string, unknown> = {}) => ({
  ...statement(),
  summaryMarkdown: '',
  summaryHtml: '',
  consultationId: null,
  consultation: null,
  ...over,
});

/** The API answering position p1's page. */
export const loaded = (position: ReturnType<typeof positionPage>) => ({
  request: { query: PositionStatementDocument, variables: { id: 'p1' } },
  result: { data: { positionStatement: position } },
});

/** The API answering position p1's files, named in order (ids d1, d2…). */
export const filesOf = (...names: string[]) => ({
  request: { query: PositionStatementDocumentsDocument, variables: { ownerId: 'p1' } },
  result: {
    data: {
      documents: {
        __typename: 'DocumentConnection' as const,
        edges: names.map((name, i) => ({
          __typename: 'DocumentEdge' as const,
          node: {
            __typename: 'Document' as const,
            id: `d${i + 1}`,
            name,
            size: 2048,
            downloadUrl: `/api/documents/versions/d${i + 1}`,
          },
        })),
      },
    },
  },
});
