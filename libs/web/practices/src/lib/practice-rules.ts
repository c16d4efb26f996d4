/**
 * "2500", "2 500,50", "2500.5 zł" → whole grosze; null when it is not an amount (negative,
 * more than two decimals, letters).
 */
export function plnToGrosze(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/zł$/i, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Grosze as an amount for the PLN input ("2500,50"; "" for none). */
export function groszeToInput(grosze: number | null | undefined): string {
  if (grosze === null || grosze === undefined) return '';
  const whole = Math.floor(grosze / 100);
  const rest = grosze % 100;
  return rest ? `${whole},${String(rest).padStart(2, '0')}` : String(whole);
}

/** Grosze as złoty, always in Polish notation ("2 500,50 zł"). */
export function formatPln(grosze: number): string {
  return new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }).format(
    grosze / 100,
  );
}

/** The steps of the submission form, in order. */
export const FORM_STEPS = [
  'basics',
  'problem',
  'actions',
  'costs',
  'period',
  'contact',
  'attachments',
] as const;
export type FormStep = (typeof FORM_STEPS)[number];

/** Which step holds each field the API may name in `extensions.fields`. */
export const FIELD_STEP: Record<string, FormStep> = {
  title: 'basics',
  areaCode: 'basics',
  tags: 'basics',
  partnerCityIds: 'basics',
  problem: 'problem',
  goals: 'problem',
  actions: 'actions',
  results: 'actions',
  costGrosze: 'costs',
  funding: 'costs',
  periodStart: 'period',
  periodEnd: 'period',
  innovation: 'period',
  transferability: 'period',
  lessonsLearned: 'period',
  contactPersonId: 'contact',
  links: 'contact',
};

/** The API names a field `input.title` or `title`, a list item `funding.0.amountGrosze`. */
export function fieldName(apiField: string): string {
  return apiField.replace(/^input\./, '').split('.')[0];
}

/** The step of an API field; unknown fields go to the first step so they are still seen. */
export function stepOfField(apiField: string): FormStep {
  return FIELD_STEP[fieldName(apiField)] ?? 'basics';
}

/** The API's field problems grouped by step (in step order), each field once. */
export function problemsByStep(
  fields: readonly { field: string; problems: string[] }[],
): { step: FormStep; fields: string[] }[] {
  return FORM_STEPS.map((step) => ({
    step,
    fields: [
      ...new Set(
        fields.filter((f) => stepOfField(f.field) === step).map((f) => fieldName(f.field)),
      ),
    ],
  })).filter((s) => s.fields.length > 0);
}
