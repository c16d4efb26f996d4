import { PositionConsultationStatus, PositionStatementType } from '@civitas/web/data-access';

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
