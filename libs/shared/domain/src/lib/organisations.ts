export enum MembershipStatus {
  MEMBER = 'MEMBER',
  CANDIDATE = 'CANDIDATE',
  FORMER = 'FORMER',
  NON_MEMBER = 'NON_MEMBER',
}

/** What kind of body an organisation is; towns follow the TERYT RODZ code. */
export enum OrganisationKind {
  /** RODZ 1 in a powiat of its own (POW 61–99). */
  CITY_WITH_POWIAT_RIGHTS = 'CITY_WITH_POWIAT_RIGHTS',
  /** RODZ 1: gmina miejska. */
  URBAN_GMINA = 'URBAN_GMINA',
  /** RODZ 4: miasto inside a gmina miejsko-wiejska. */
  TOWN_IN_URBAN_RURAL_GMINA = 'TOWN_IN_URBAN_RURAL_GMINA',
  /** The association's own office. */
  ASSOCIATION_OFFICE = 'ASSOCIATION_OFFICE',
}

/** TERYT TERC code of a town: WOJ(2) + POW(2) + GMI(2) + RODZ(1). */
export const TERYT_CODE_PATTERN = /^\d{7}$/;
