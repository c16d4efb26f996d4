import { OpinionRequestAction, OpinionRequestState } from '@civitas/shared/domain';

/**
 * "2500", "2 500,50", "2500.5" zł → grosze; null when it is not an amount (negative, more
 * than two decimals, letters).
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

/** Grosze as złoty in the given locale ("2 500,50 zł"). */
export function formatGrosze(grosze: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'PLN' }).format(grosze / 100);
}

/** The acts the request buttons stand for, in the order they are shown. */
export const BUTTON_ACTIONS: readonly OpinionRequestAction[] = [
  OpinionRequestAction.SUBMIT,
  OpinionRequestAction.ANSWER_INFORMATION_REQUEST,
  OpinionRequestAction.ACCEPT,
  OpinionRequestAction.REQUEST_INFORMATION,
  OpinionRequestAction.REJECT,
  OpinionRequestAction.START_WORK,
  OpinionRequestAction.DELIVER,
  OpinionRequestAction.RELEASE,
  OpinionRequestAction.RETURN_TO_EXPERT,
  OpinionRequestAction.PUBLISH,
  OpinionRequestAction.WITHDRAW,
];

/** The buttons a request shows: only what the API says the person may do now. */
export function buttonActions(available: readonly OpinionRequestAction[]): OpinionRequestAction[] {
  return BUTTON_ACTIONS.filter((a) => available.includes(a));
}

/** The fields submitting requires, as the API names them in `extensions.fields`. */
export const SUBMIT_FIELDS = ['subject', 'question', 'facts', 'legalBasis', 'areaOfLaw'] as const;
export type SubmitField = (typeof SUBMIT_FIELDS)[number];

/** States a city may still edit the request in. */
export const EDITABLE_STATES: readonly OpinionRequestState[] = [
  OpinionRequestState.DRAFT,
  OpinionRequestState.NEEDS_INFO,
];

/** One piece of a search snippet: plain text, or a match to mark. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x27|#39|amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);
}

/**
 * The API's snippet (HTML-escaped text with matches in `<mark>`) as parts React renders as
 * text: only `<mark>` and `</mark>` are read as markup; anything else, even a tag that
 * slipped through, stays visible text and is never parsed as HTML.
 */
export function snippetParts(snippetHtml: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  for (const token of snippetHtml.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(token)) mark = true;
    else if (/^<\/mark>$/i.test(token)) mark = false;
    else if (token) parts.push({ text: decodeEntities(token), mark });
  }
  return parts;
}
