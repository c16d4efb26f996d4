import {
  OpinionAreaOfLaw,
  OpinionRequestAction,
  OpinionRequestState,
} from '@civitas/shared/domain';
import type {
  OpinionRequestDetailsFragment,
  PublishedOpinionItemFragment,
} from '@civitas/web/data-access';

/** Test data of this library's specs: a request as the API answers it. */
export function opinionRequest(
  over: Partial<OpinionRequestDetailsFragment> = {},
): OpinionRequestDetailsFragment {
  return {
    __typename: 'OpinionRequest',
    id: 'r1',
    subject: 'Zmiana nazwy ulicy',
    state: OpinionRequestState.DRAFT,
    availableActions: [
      OpinionRequestAction.EDIT,
      OpinionRequestAction.SUBMIT,
      OpinionRequestAction.WITHDRAW,
    ],
    areaOfLaw: null,
    dueDate: null,
    desiredDate: null,
    dueSoon: false,
    overdue: false,
    submittedAt: null,
    updatedAt: '2026-11-27T10:00:00Z',
    createdAt: '2026-11-27T10:00:00Z',
    city: { __typename: 'OpinionCity', id: 'lodz', name: 'Łódź' },
    expert: null,
    viewerParty: 'CITY_LEGAL_OFFICER',
    questionSource: '',
    questionHtml: '',
    factsSource: '',
    factsHtml: '',
    legalBasis: [],
    attachmentDocumentIds: [],
    feeGrosze: null,
    infoRequest: null,
    rejectionReason: null,
    returnRemarks: null,
    summarySource: null,
    summaryHtml: null,
    opinionDocumentId: null,
    publishedOpinionId: null,
    releasedAt: null,
    requester: {
      __typename: 'OpinionPerson',
      id: 'u-officer',
      name: 'Maria Wiśniewska',
      organisationName: 'Łódź',
      position: null,
    },
    transitions: [],
    ...over,
  };
}

export function publishedOpinion(
  over: Partial<PublishedOpinionItemFragment> = {},
): PublishedOpinionItemFragment {
  return {
    __typename: 'PublishedOpinion',
    id: 'p1',
    subject: 'Zmiana nazwy ulicy a koszty wymiany dokumentów mieszkańców',
    areaOfLaw: OpinionAreaOfLaw.LOCAL_GOVERNMENT,
    year: 2025,
    redacted: false,
    cityName: 'Łódź',
    publishedAt: '2025-06-01T10:00:00Z',
    snippetHtml: null,
    legalBasis: [],
    ...over,
  };
}

/** A connection of `nodes` as the API lists them. */
export function connection<T extends { id: string }>(
  typename: string,
  nodes: T[],
  hasNextPage = false,
) {
  return {
    __typename: `${typename}Connection`,
    totalCount: nodes.length,
    edges: nodes.map((node) => ({ __typename: `${typename}Edge`, cursor: `c-${node.id}`, node })),
    pageInfo: { __typename: 'PageInfo', endCursor: nodes.at(-1)?.id ?? null, hasNextPage },
  };
}
