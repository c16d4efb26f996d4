import type {
  PracticeDetailFragment,
  PracticeFacetItemFragment,
  PracticeListItemFragment,
} from '@civitas/web/data-access';

export function practiceItem(
  over: Partial<PracticeListItemFragment> = {},
): PracticeListItemFragment {
  return {
    __typename: 'GoodPractice',
    id: 'p1',
    title: 'Termomodernizacja szkół',
    status: 'PUBLISHED',
    periodStart: '2022-03-01',
    publishedAt: '2024-01-10T10:00:00Z',
    updatedAt: '2024-01-10T10:00:00Z',
    submittedAt: '2023-12-01T10:00:00Z',
    reviewComment: null,
    interestCount: 2,
    city: { __typename: 'PracticeCity', id: 'lodz', name: 'Łódź', voivodeship: 'łódzkie' },
    area: {
      __typename: 'PracticeArea',
      code: 'ENERGY_EFFICIENCY',
      name: 'Efektywność energetyczna',
      nameEn: 'Energy efficiency',
    },
    ...over,
  };
}

export function practiceDetail(over: Partial<PracticeDetailFragment> = {}): PracticeDetailFragment {
  return {
    __typename: 'GoodPractice',
    id: 'p1',
    title: 'Termomodernizacja szkół',
    status: 'DRAFT',
    organisationId: 'lodz',
    tags: [],
    problem: '',
    goals: '',
    actions: '',
    results: '',
    costGrosze: null,
    funding: [],
    periodStart: null,
    periodEnd: null,
    innovation: '',
    transferability: '',
    lessonsLearned: '',
    links: [],
    verificationSource: null,
    verificationNote: null,
    verifiedOn: null,
    reviewComment: null,
    interestCount: 0,
    viewerCanEdit: true,
    viewerBookmarked: false,
    viewerCityInterested: false,
    createdAt: '2024-01-10T10:00:00Z',
    updatedAt: '2024-01-10T10:00:00Z',
    submittedAt: null,
    publishedAt: null,
    city: {
      __typename: 'PracticeCity',
      id: 'lodz',
      name: 'Łódź',
      voivodeship: 'łódzkie',
      sizeClass: 'CITY_WITH_POWIAT_RIGHTS',
    },
    partnerCities: [],
    area: null,
    contactPerson: null,
    author: { __typename: 'PracticePerson', id: 'u1', name: 'Maria Wiśniewska' },
    history: [],
    ...over,
  };
}

export function facet(
  value: string,
  label: string,
  count: number,
  selected = false,
): PracticeFacetItemFragment {
  return { __typename: 'PracticeFacetValue', value, label, count, selected };
}
