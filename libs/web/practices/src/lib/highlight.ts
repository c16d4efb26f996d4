/** One piece of a highlighted title or snippet: plain text, or a match to mark. */
export interface HighlightPart {
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
  return text.replace(
    /&(#x27|#39|amp|lt|gt|quot|apos);/gi,
    (_, name: string) => ENTITIES[name.toLowerCase()],
  );
}

/**
 * The API's highlight (HTML-escaped text with matches in `<mark>…</mark>`) as parts that
 * React renders as text. Only `<mark>` and `</mark>` are read as markup; everything else,
 * even a tag that slipped through unescaped, stays visible text and is never parsed as HTML.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let mark = false;
  for (const token of html.split(/(<\/?mark>)/i)) {
    const lower = token.toLowerCase();
    if (lower === '<mark>') mark = true;
    else if (lower === '</mark>') mark = false;
    else if (token) parts.push({ text: decodeEntities(token), mark });
  }
  return parts;
}
