import type { PracticeDetailFragment, PracticeDraftInput } from '@civitas/web/data-access';
import type { Picked } from './pickers';
import { groszeToInput, plnToGrosze } from './practice-rules';

/** What the submission form holds: text as typed, amounts in PLN as typed. */
export interface PracticeFormValues {
  title: string;
  areaCode: string;
  tags: string;
  partnerCities: Picked[];
  problem: string;
  goals: string;
  actions: string;
  results: string;
  cost: string;
  funding: { source: string; amount: string }[];
  periodStart: string;
  periodEnd: string;
  innovation: string;
  transferability: string;
  lessonsLearned: string;
  contactPerson: Picked | null;
  links: { label: string; url: string }[];
}

/** A new practice's form: the author is its contact person until they choose another. */
export function emptyForm(author: Picked | null = null): PracticeFormValues {
  return {
    title: '',
    areaCode: '',
    tags: '',
    partnerCities: [],
    problem: '',
    goals: '',
    actions: '',
    results: '',
    cost: '',
    funding: [],
    periodStart: '',
    periodEnd: '',
    innovation: '',
    transferability: '',
    lessonsLearned: '',
    contactPerson: author,
    links: [],
  };
}

/** A saved practice as form values. */
export function formFromPractice(p: PracticeDetailFragment): PracticeFormValues {
  return {
    title: p.title,
    areaCode: p.area?.code ?? '',
    tags: p.tags.join(', '),
    partnerCities: p.partnerCities.map((c) => ({ id: c.id, name: c.name })),
    problem: p.problem,
    goals: p.goals,
    actions: p.actions,
    results: p.results,
    cost: groszeToInput(p.costGrosze),
    funding: p.funding.map((f) => ({ source: f.source, amount: groszeToInput(f.amountGrosze) })),
    periodStart: p.periodStart ?? '',
    periodEnd: p.periodEnd ?? '',
    innovation: p.innovation,
    transferability: p.transferability,
    lessonsLearned: p.lessonsLearned,
    contactPerson: p.contactPerson ? { id: p.contactPerson.id, name: p.contactPerson.name } : null,
    links: p.links.map((l) => ({ label: l.label, url: l.url })),
  };
}

const TEXT = [
  'title',
  'problem',
  'goals',
  'actions',
  'results',
  'innovation',
  'transferability',
  'lessonsLearned',
] as const;

/** What the API takes as a link's address. */
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * The draft input of the form's values. Amounts that are not amounts, and links without a
 * label or an http(s) address, are left out (the form shows why) and listed in `invalid`
 * (`costGrosze`, `funding.1`, `links.0.url`); empty rows of funding and links are dropped.
 */
export function toDraftInput(values: PracticeFormValues): {
  input: PracticeDraftInput;
  invalid: string[];
} {
  const input: PracticeDraftInput = {};
  const invalid: string[] = [];
  for (const key of TEXT) input[key] = values[key];
  input.areaCode = values.areaCode || null;
  input.tags = values.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  input.periodStart = values.periodStart || null;
  input.periodEnd = values.periodEnd || null;
  if (!values.cost.trim()) input.costGrosze = null;
  else {
    const grosze = plnToGrosze(values.cost);
    if (grosze === null) invalid.push('costGrosze');
    else input.costGrosze = grosze;
  }
  const funding: { source: string; amountGrosze: number | null }[] = [];
  values.funding.forEach((f, i) => {
    if (!f.source.trim() && !f.amount.trim()) return;
    const amountGrosze = f.amount.trim() ? plnToGrosze(f.amount) : null;
    if (f.amount.trim() && amountGrosze === null) invalid.push(`funding.${i}`);
    funding.push({ source: f.source.trim(), amountGrosze });
  });
  if (!invalid.some((f) => f.startsWith('funding.'))) input.funding = funding;
  input.partnerCityIds = values.partnerCities.map((c) => c.id);
  input.contactPersonId = values.contactPerson?.id ?? null;
  const links: { label: string; url: string }[] = [];
  values.links.forEach((l, i) => {
    const label = l.label.trim();
    const url = l.url.trim();
    if (!label && !url) return;
    if (!label) invalid.push(`links.${i}.label`);
    if (!HTTP_URL.test(url)) invalid.push(`links.${i}.url`);
    links.push({ label, url });
  });
  if (!invalid.some((f) => f.startsWith('links.'))) input.links = links;
  return { input, invalid };
}

/** Only the fields that differ from what was last saved (autosave sends no more). */
export function changedFields(
  saved: PracticeDraftInput | null,
  next: PracticeDraftInput,
): PracticeDraftInput {
  if (!saved) return next;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((saved as Record<string, unknown>)[key])) {
      changed[key] = value;
    }
  }
  return changed as PracticeDraftInput;
}
