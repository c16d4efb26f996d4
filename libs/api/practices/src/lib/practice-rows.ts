import {
  PracticeCitySize,
  PracticeStatus,
  PracticeVerificationSource,
  Role,
} from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { GoodPractice, PracticeArea, PracticeCity } from './practice.types';

/** The columns of a practice, named as `toPractice` reads them (also as JSON keys). */
export const PRACTICE_COLUMNS = `
  p.id, p.status, p.organisation_id, p.author_id, p.title, p.area_code, p.tags, p.problem,
  p.goals, p.actions, p.results, p.innovation, p.transferability, p.lessons_learned,
  p.cost_grosze::float8 AS cost_grosze, p.funding, p.period_start::text AS period_start,
  p.period_end::text AS period_end, p.contact_person_id, p.links, p.verification_source,
  p.verification_note, p.verified_on::text AS verified_on, p.review_comment, p.interest_count,
  p.created_at, p.updated_at, p.submitted_at, p.published_at`;

/** The same as a json_build_object, for statements that return rows as JSON. */
export const PRACTICE_JSON = `json_build_object(
  'id', p.id, 'status', p.status, 'organisation_id', p.organisation_id, 'author_id', p.author_id,
  'title', p.title, 'area_code', p.area_code, 'tags', p.tags, 'problem', p.problem,
  'goals', p.goals, 'actions', p.actions, 'results', p.results, 'innovation', p.innovation,
  'transferability', p.transferability, 'lessons_learned', p.lessons_learned,
  'cost_grosze', p.cost_grosze::float8, 'funding', p.funding,
  'period_start', p.period_start::text, 'period_end', p.period_end::text,
  'contact_person_id', p.contact_person_id, 'links', p.links,
  'verification_source', p.verification_source, 'verification_note', p.verification_note,
  'verified_on', p.verified_on::text, 'review_comment', p.review_comment,
  'interest_count', p.interest_count, 'created_at', p.created_at, 'updated_at', p.updated_at,
  'submitted_at', p.submitted_at, 'published_at', p.published_at)`;

export interface PracticeRow {
  id: string;
  status: PracticeStatus;
  organisation_id: string;
  author_id: string | null;
  title: string;
  area_code: string | null;
  tags: string[];
  problem: string;
  goals: string;
  actions: string;
  results: string;
  innovation: string;
  transferability: string;
  lessons_learned: string;
  cost_grosze: number | null;
  funding: { source: string; amountGrosze: number | null }[];
  period_start: string | null;
  period_end: string | null;
  contact_person_id: string | null;
  links: { label: string; url: string }[];
  verification_source: PracticeVerificationSource | null;
  verification_note: string | null;
  verified_on: string | null;
  review_comment: string | null;
  interest_count: number;
  created_at: Date | string;
  updated_at: Date | string;
  submitted_at: Date | string | null;
  published_at: Date | string | null;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export function toPractice(r: PracticeRow): GoodPractice {
  return {
    id: r.id,
    status: r.status,
    organisationId: r.organisation_id,
    authorId: r.author_id,
    title: r.title,
    areaCode: r.area_code,
    tags: r.tags,
    problem: r.problem,
    goals: r.goals,
    actions: r.actions,
    results: r.results,
    innovation: r.innovation,
    transferability: r.transferability,
    lessonsLearned: r.lessons_learned,
    costGrosze: r.cost_grosze,
    funding: r.funding.map((f) => ({ source: f.source, amountGrosze: f.amountGrosze ?? null })),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    contactPersonId: r.contact_person_id,
    links: r.links,
    verificationSource: r.verification_source,
    verificationNote: r.verification_note,
    verifiedOn: r.verified_on,
    reviewComment: r.review_comment,
    interestCount: r.interest_count,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    submittedAt: date(r.submitted_at),
    publishedAt: date(r.published_at),
  };
}

export interface CityRow {
  id: string;
  name: string;
  teryt_code: string | null;
  voivodeship: string | null;
  kind: string;
}

export const CITY_COLUMNS = `o.id, o.name, o.teryt_code, v.name AS voivodeship, o.kind`;

export function toCity(r: CityRow): PracticeCity {
  return {
    id: r.id,
    name: r.name,
    terytCode: r.teryt_code,
    voivodeship: r.voivodeship,
    sizeClass: r.kind === 'ASSOCIATION_OFFICE' ? null : (r.kind as PracticeCitySize),
  };
}

export interface AreaRow {
  code: string;
  name: string;
  name_en: string;
  position: number;
  active: boolean;
}

export const toArea = (r: AreaRow): PracticeArea => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  position: r.position,
  active: r.active,
});

/** Published and archived practices are for every reader; the rest only for these people. */
export function mayEdit(user: AuthUser, p: Pick<GoodPractice, 'authorId' | 'organisationId'>) {
  return (
    p.authorId === user.id ||
    (user.role === Role.CITY_ADMIN && p.organisationId === user.organisationId)
  );
}

export function maySee(
  user: AuthUser,
  p: Pick<GoodPractice, 'authorId' | 'organisationId' | 'status'>,
): boolean {
  return (
    p.status === PracticeStatus.PUBLISHED ||
    p.status === PracticeStatus.ARCHIVED ||
    user.role === Role.OFFICE_ADMIN ||
    mayEdit(user, p)
  );
}

/** `maySee` as SQL over alias `p`, with the caller's id at `$me` and city at `$org`. */
export function visibleSql(user: AuthUser, me: string, org: string): string {
  if (user.role === Role.OFFICE_ADMIN) return 'true';
  const cityAdmin =
    user.role === Role.CITY_ADMIN
      ? ` OR p.organisation_id = ${org}::uuid`
      : ` OR ${org}::uuid IS NULL`;
  return `(p.status IN ('PUBLISHED', 'ARCHIVED') OR p.author_id = ${me}::uuid${cityAdmin})`;
}
