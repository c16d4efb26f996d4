import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { renderMarkdown } from './render-markdown';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, sanitizeRenderedHtml } from './sanitize';
import { MARKDOWN_XSS_PAYLOADS, OWASP_XSS_PAYLOADS } from './xss-payloads.spec-data';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ANNA = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const mentionables = new Map([[ANNA, { id: ANNA, name: 'Anna "<b>" Nowak' }]]);

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const visit = (current: Node) => {
    if ('tagName' in current) found.push(current);
    if ('childNodes' in current) current.childNodes.forEach(visit);
    if ('content' in current && current.content) visit(current.content);
  };
  visit(node);
  return found;
}

/**
 * Parses the HTML as a browser would (parse5 implements the WHATWG algorithm) and lists
 * everything that breaks the rules: elements outside the allow-list, attributes outside
 * the element's allow-list, event handlers, style, and URLs with other schemes.
 */
function violations(html: string): string[] {
  const problems: string[] = [];
  const fragment = parseFragment(html);
  for (const element of elements(fragment)) {
    const tag = element.tagName;
    if (!ALLOWED_TAGS.includes(tag)) problems.push(`element <${tag}>`);
    for (const { name, value } of element.attrs) {
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag}>`);
      if (name === 'style') problems.push(`style attribute on <${tag}>`);
      if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) {
        problems.push(`attribute ${name} on <${tag}>`);
      }
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) {
        let protocol = '(unparseable)';
        try {
          protocol = new URL(value).protocol;
        } catch {
          // a relative URL, also not allowed
        }
        if (!ALLOWED_PROTOCOLS.has(protocol) || !/^(https?:\/\/|mailto:)/i.test(value)) {
          problems.push(`${name}="${value}" on <${tag}>`);
        }
      }
    }
    if (tag === 'a') {
      const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
      if (attr('rel') !== LINK_REL) problems.push(`<a> without rel="${LINK_REL}"`);
      if (attr('target') !== '_blank') problems.push('<a> without target="_blank"');
    }
    if (tag === 'span') {
      const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
      if (attr('class') !== undefined && attr('class') !== 'mention') {
        problems.push(`span class="${attr('class')}"`);
      }
      const id = attr('data-user-id');
      if (id !== undefined && !UUID.test(id)) problems.push(`data-user-id="${id}"`);
    }
  }
  return problems;
}

describe('the safety check itself', () => {
  it('catches what it is meant to catch', () => {
    expect(
      violations(
        '<p>fine <a href="https://x.org" rel="' + LINK_REL + '" target="_blank">x</a></p>',
      ),
    ).toEqual([]);
    expect(violations('<img src=x onerror=alert(1)>')).toEqual(
      expect.arrayContaining([
        'element <img>',
        'event handler onerror on <img>',
        'attribute src on <img>',
        'src="x" on <img>',
      ]),
    );
    expect(violations('<p style="x" ONCLICK="y">')).toEqual(
      expect.arrayContaining(['style attribute on <p>', 'event handler onclick on <p>']),
    );
    expect(
      violations('<a href=" JaVaScRiPt:alert(1)" rel="' + LINK_REL + '" target="_blank">'),
    ).toEqual(['href=" JaVaScRiPt:alert(1)" on <a>']);
    expect(violations('<svg><a href="/x"></a></svg>')).toEqual(
      expect.arrayContaining(['element <svg>', 'href="/x" on <a>']),
    );
  });
});

describe.each([
  ['OWASP cheat sheet', OWASP_XSS_PAYLOADS],
  ['Markdown', MARKDOWN_XSS_PAYLOADS],
])('XSS payloads (%s)', (_set, payloads) => {
  it('has enough payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(40);
  });

  it.each(payloads.map((payload) => [payload]))('renderMarkdown makes safe: %s', (payload) => {
    const { html } = renderMarkdown(payload, { mentionables });
    expect(violations(html)).toEqual([]);
    // Raw HTML never becomes markup: no payload element survives in any form.
    expect(html).not.toMatch(/<(script|img|iframe|svg|style|body|meta|object|embed)\b/i);
  });

  it.each(payloads.map((payload) => [payload]))('the sanitiser alone makes safe: %s', (payload) => {
    expect(violations(sanitizeRenderedHtml(payload))).toEqual([]);
  });

  it('are still safe wrapped in Markdown around them', () => {
    for (const payload of payloads) {
      for (const source of [
        `> ${payload}`,
        `**${payload}**`,
        `- ${payload}`,
        `[${payload}](https://example.org)`,
      ]) {
        expect(violations(renderMarkdown(source, { mentionables }).html)).toEqual([]);
      }
    }
  });
});

describe('the sanitiser as the second wall', () => {
  it('keeps allowed markup, maps h1/h2 down and adds rel and target to links', () => {
    expect(
      sanitizeRenderedHtml(
        '<h1>a</h1><h2>b</h2><p><s>c</s> <a href="https://x.org" rel="opener" target="_self">d</a></p>',
      ),
    ).toBe(
      `<h3>a</h3><h4>b</h4><p><del>c</del> <a href="https://x.org" rel="${LINK_REL}" target="_blank">d</a></p>`,
    );
  });

  it('drops dangerous elements with their content and keeps the text of harmless ones', () => {
    expect(sanitizeRenderedHtml('<div>kept <script>alert(1)</script><style>x</style></div>')).toBe(
      'kept ',
    );
    expect(sanitizeRenderedHtml('<p>a<iframe>b</iframe><svg><text>c</text></svg>d</p>')).toBe(
      '<p>ad</p>',
    );
  });

  it('keeps a mention span only with a uuid', () => {
    expect(sanitizeRenderedHtml(`<span class="mention" data-user-id="${ANNA}">@A</span>`)).toBe(
      `<span class="mention" data-user-id="${ANNA}">@A</span>`,
    );
    expect(
      sanitizeRenderedHtml('<span class="mention big" data-user-id="javascript:x">@A</span>'),
    ).toBe('<span>@A</span>');
  });

  it('removes hrefs that are not absolute http(s) or mailto', () => {
    for (const href of [
      '/x',
      '//evil.example',
      'javascript:alert(1)',
      'tel:123',
      'ftp://x',
      '#top',
    ]) {
      expect(sanitizeRenderedHtml(`<a href="${href}">x</a>`)).toBe(
        `<a rel="${LINK_REL}" target="_blank">x</a>`,
      );
    }
  });
});
