/**
 * Good practices (Baza Dobrych Praktyk, DOMAIN.md): the states of an entry, how it was
 * verified, the size classes the search facets on, and the limits both sides check.
 */
export enum PracticeStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

/** The only moves a practice makes; any other answers CONFLICT. */
export const PRACTICE_TRANSITIONS: Readonly<Record<PracticeStatus, readonly PracticeStatus[]>> = {
  [PracticeStatus.DRAFT]: [PracticeStatus.SUBMITTED],
  // The office takes it into review, or returns it with comments ("request changes").
  [PracticeStatus.SUBMITTED]: [PracticeStatus.IN_REVIEW, PracticeStatus.DRAFT],
  [PracticeStatus.IN_REVIEW]: [PracticeStatus.PUBLISHED, PracticeStatus.DRAFT],
  [PracticeStatus.PUBLISHED]: [PracticeStatus.ARCHIVED],
  [PracticeStatus.ARCHIVED]: [],
};

/** How a practice was verified before publication. */
export enum PracticeVerificationSource {
  COMPETITION = 'COMPETITION',
  WORKING_GROUP = 'WORKING_GROUP',
  OFFICE = 'OFFICE',
  CITY_RECOMMENDATION = 'CITY_RECOMMENDATION',
}

/**
 * City size for the search facet. The organisation register has no population, so the size
 * class is the town's legal kind (TERYT): a city with powiat rights (the large cities), an
 * urban gmina, a town inside an urban-rural gmina (the smallest).
 */
export enum PracticeCitySize {
  CITY_WITH_POWIAT_RIGHTS = 'CITY_WITH_POWIAT_RIGHTS',
  URBAN_GMINA = 'URBAN_GMINA',
  TOWN_IN_URBAN_RURAL_GMINA = 'TOWN_IN_URBAN_RURAL_GMINA',
}

export enum PracticeSort {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
}

export const PRACTICE_TITLE_MAX = 200;
/** Each long text field (problem, goals, actions, results…). */
export const PRACTICE_TEXT_MAX = 10_000;
export const PRACTICE_TAGS_MAX = 15;
export const PRACTICE_TAG_MAX = 40;
export const PRACTICE_PARTNERS_MAX = 30;
export const PRACTICE_LINKS_MAX = 20;
export const PRACTICE_FUNDING_MAX = 10;
export const PRACTICE_COMMENT_MAX = 4000;
/** A search query; longer ones answer BAD_USER_INPUT. */
export const PRACTICE_QUERY_MAX = 200;
/** Values of one facet a search may select. */
export const PRACTICE_FACET_VALUES_MAX = 20;
export const PRACTICE_SEARCH_PAGE_MAX = 50;
export const PRACTICE_SIMILAR_MAX = 10;
/** Money in grosze stays below this (10 billion PLN), safe in a JavaScript number. */
export const PRACTICE_AMOUNT_MAX_GROSZE = 1_000_000_000_000;
