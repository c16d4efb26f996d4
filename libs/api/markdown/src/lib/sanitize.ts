import sanitizeHtml from 'sanitize-html';

/**
 * The second wall: whatever markdown-it produced goes through sanitize-html with a
 * strict allow-list before it is stored. Raw HTML is already off in the renderer, so
 * nothing here should ever have to be removed; if it is, a renderer rule has a bug.
 */

export const ALLOWED_TAGS: readonly string[] = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'span',
];

export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'rel', 'target'],
  span: ['class', 'data-user-id'],
  ol: ['start'],
};

export const ALLOWED_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

export const LINK_REL = 'nofollow noopener noreferrer';

/** Absolute http(s) and mailto links only: no relative, protocol-relative or other schemes. */
const ALLOWED_HREF = /^(?:https?:\/\/|mailto:)/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const transformLink: sanitizeHtml.Transformer = (_tagName, attribs) => {
  const href = (attribs['href'] ?? '').trim();
  return {
    tagName: 'a',
    attribs: {
      ...(ALLOWED_HREF.test(href) ? { href } : {}),
      rel: LINK_REL,
      target: '_blank',
    },
  };
};

/** A span is only ever a mention; any other span loses its attributes. */
const transformSpan: sanitizeHtml.Transformer = (_tagName, attribs) => {
  const id = attribs['data-user-id'] ?? '';
  const mention: sanitizeHtml.Attributes =
    attribs['class'] === 'mention' && UUID.test(id) ? { class: 'mention', 'data-user-id': id } : {};
  return { tagName: 'span', attribs: mention };
};

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: Object.fromEntries(
    Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]]),
  ),
  allowedClasses: { span: ['mention'] },
  allowedSchemes: [...ALLOWED_URL_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction'],
  allowProtocolRelative: false,
  allowedStyles: {},
  parseStyleAttributes: false,
  disallowedTagsMode: 'discard',
  // Elements whose content is not text a reader should see: dropped with the element.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'template',
    'xmp',
    'iframe',
    'noembed',
    'noframes',
    'object',
    'svg',
    'math',
  ],
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    s: 'del',
    strike: 'del',
    a: transformLink,
    span: transformSpan,
  },
};

export function sanitizeRenderedHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
