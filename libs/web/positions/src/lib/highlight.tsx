/** One piece of a highlighted title or snippet: plain text, or a match to mark. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The API's highlight (HTML-escaped text with matches in `<mark>…</mark>`) as parts React
 * renders as text: only `<mark>` is read as markup, nothing is parsed as HTML.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let mark = false;
  for (const token of html.split(/(<\/?mark>)/i)) {
    const lower = token.toLowerCase();
    if (lower === '<mark>') mark = true;
    else if (lower === '</mark>') mark = false;
    else if (token) {
      const text = token.replace(
        /&(amp|lt|gt|quot|#39);/gi,
        (_, n: string) => ENTITIES[n.toLowerCase()],
      );
      parts.push({ text, mark });
    }
  }
  return parts;
}

export function Highlighted({ html }: { html: string }) {
  return (
    <>{highlightParts(html).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</>
  );
}
