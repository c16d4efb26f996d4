import { GraphQLError } from 'graphql';
import { ErrorCode } from '@civitas/shared/domain';
import { MARKDOWN_MAX_LENGTH, renderMarkdown } from './render-markdown';

const REL = 'rel="nofollow noopener noreferrer" target="_blank"';
const ANNA = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const PIOTR = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const mentionables = new Map([
  [ANNA, { id: ANNA, name: 'Anna Nowak' }],
  [PIOTR, { id: PIOTR, name: 'Piotr Wiśniewski' }],
]);

const html = (source: string) => renderMarkdown(source).html.trim();

describe('renderMarkdown: Markdown', () => {
  it('renders emphasis, strong, strikethrough and inline code', () => {
    expect(html('*em* _em_ **strong** ~~gone~~ `x < y`')).toBe(
      '<p><em>em</em> <em>em</em> <strong>strong</strong> <del>gone</del> <code>x &lt; y</code></p>',
    );
  });

  it('renders paragraphs and keeps single line breaks', () => {
    expect(html('one\ntwo\n\nthree')).toBe('<p>one<br />\ntwo</p>\n<p>three</p>');
  });

  it('renders bullet and numbered lists, keeping the start number', () => {
    expect(html('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(html('3. c\n4. d')).toBe('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  });

  it('renders links that open in a new tab without passing on the referrer', () => {
    expect(html('[Związek](https://example.org/a?b=1&c=2)')).toBe(
      `<p><a href="https://example.org/a?b=1&amp;c=2" ${REL}>Związek</a></p>`,
    );
    expect(html('[write](mailto:biuro@example.org)')).toBe(
      `<p><a href="mailto:biuro@example.org" ${REL}>write</a></p>`,
    );
  });

  it('drops link titles and leaves relative or protocol-relative links as text', () => {
    expect(html('[x](https://example.org "Title")')).toBe(
      `<p><a href="https://example.org" ${REL}>x</a></p>`,
    );
    expect(html('[r](/forum/1) [p](//evil.example/)')).toBe(
      '<p>[r](/forum/1) [p](//evil.example/)</p>',
    );
  });

  it('turns URLs, www. addresses, e-mail addresses and <autolinks> into links', () => {
    expect(html('See https://example.org, www.example.com or biuro@example.org')).toBe(
      `<p>See <a href="https://example.org" ${REL}>https://example.org</a>, ` +
        `<a href="http://www.example.com" ${REL}>www.example.com</a> or ` +
        `<a href="mailto:biuro@example.org" ${REL}>biuro@example.org</a></p>`,
    );
    expect(html('<https://example.org/x>')).toBe(
      `<p><a href="https://example.org/x" ${REL}>https://example.org/x</a></p>`,
    );
  });

  it('shows images as links to the picture', () => {
    expect(html('![Town hall](https://example.org/hall.png)')).toBe(
      `<p><a href="https://example.org/hall.png" ${REL}>Town hall</a></p>`,
    );
  });

  it('renders fenced and indented code blocks without interpreting them', () => {
    expect(html('```ts\nconst a = <b>1</b>;\n**not bold**\n```')).toBe(
      '<pre><code>const a = &lt;b&gt;1&lt;/b&gt;;\n**not bold**\n</code></pre>',
    );
    expect(html('    indented *code*')).toBe('<pre><code>indented *code*\n</code></pre>');
  });

  it('renders GFM tables (alignment styles are dropped)', () => {
    expect(html('| City | Pop. |\n|:-----|-----:|\n| Łódź | 655 |')).toBe(
      [
        '<table>',
        '<thead>',
        '<tr>',
        '<th>City</th>',
        '<th>Pop.</th>',
        '</tr>',
        '</thead>',
        '<tbody>',
        '<tr>',
        '<td>Łódź</td>',
        '<td>655</td>',
        '</tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('renders quotes, also nested and with Markdown inside', () => {
    expect(html('> Anna wrote:\n> > *earlier*\n>\n> reply')).toBe(
      [
        '<blockquote>',
        '<p>Anna wrote:</p>',
        '<blockquote>',
        '<p><em>earlier</em></p>',
        '</blockquote>',
        '<p>reply</p>',
        '</blockquote>',
      ].join('\n'),
    );
  });

  it('moves headings two levels down, h1 → h3 … never beyond h6', () => {
    expect(html('# one\n## two\n### three\n#### four\n##### five\n###### six')).toBe(
      [
        '<h3>one</h3>',
        '<h4>two</h4>',
        '<h5>three</h5>',
        '<h6>four</h6>',
        '<h6>five</h6>',
        '<h6>six</h6>',
      ].join('\n'),
    );
    expect(html('Title\n=====\n\nSub\n---')).toBe('<h3>Title</h3>\n<h4>Sub</h4>');
  });

  it('renders thematic breaks', () => {
    expect(html('a\n\n---\n\nb')).toBe('<p>a</p>\n<hr />\n<p>b</p>');
  });

  it('escapes < and & in text instead of dropping them', () => {
    const result = renderMarkdown('a < b && c > d, 5 &lt; 6, <b>bold?</b> AT&T');
    expect(result.html.trim()).toBe(
      '<p>a &lt; b &amp;&amp; c &gt; d, 5 &lt; 6, &lt;b&gt;bold?&lt;/b&gt; AT&amp;T</p>',
    );
    expect(result.plainText).toBe('a < b && c > d, 5 < 6, <b>bold?</b> AT&T');
  });

  it('shows raw HTML as text', () => {
    expect(html('<div>x</div>\n\n<em>y</em>')).toBe(
      '<p>&lt;div&gt;x&lt;/div&gt;</p>\n<p>&lt;em&gt;y&lt;/em&gt;</p>',
    );
  });

  it('returns empty results for empty or blank text', () => {
    expect(renderMarkdown('')).toEqual({ html: '', mentions: [], plainText: '' });
    expect(renderMarkdown('  \n\n ')).toEqual({ html: '', mentions: [], plainText: '' });
  });
});

describe('renderMarkdown: mentions', () => {
  it('renders a mention of someone present with their current name', () => {
    const result = renderMarkdown(`Hi @[Ania](user:${ANNA})!`, { mentionables });
    expect(result.html.trim()).toBe(
      `<p>Hi <span class="mention" data-user-id="${ANNA}">@Anna Nowak</span>!</p>`,
    );
    expect(result.mentions).toEqual([ANNA]);
    expect(result.plainText).toBe('Hi @Anna Nowak!');
  });

  it('returns each mentioned id once, in order of first mention, ignoring the id case', () => {
    const result = renderMarkdown(
      `@[Piotr](user:${PIOTR}) @[Anna](user:${ANNA.toUpperCase()}) @[P.](user:${PIOTR})`,
      { mentionables },
    );
    expect(result.mentions).toEqual([PIOTR, ANNA]);
    expect(result.html.match(/class="mention"/g)).toHaveLength(3);
  });

  it('leaves mentions of people not present as plain text', () => {
    const stranger = '00000000-0000-4000-8000-000000000000';
    const result = renderMarkdown(`cc @[Jan Kowalski](user:${stranger})`, { mentionables });
    expect(result.html.trim()).toBe('<p>cc @Jan Kowalski</p>');
    expect(result.mentions).toEqual([]);
    expect(renderMarkdown(`cc @[Anna](user:${ANNA})`).mentions).toEqual([]);
  });

  it('does not let the typed label or the name inject markup', () => {
    const evil = new Map([[ANNA, { id: ANNA, name: '<img src=x onerror=alert(1)>' }]]);
    const result = renderMarkdown(`@[<b>x</b>](user:${ANNA})`, { mentionables: evil });
    expect(result.html.trim()).toBe(
      `<p><span class="mention" data-user-id="${ANNA}">@&lt;img src=x onerror=alert(1)&gt;</span></p>`,
    );
    expect(renderMarkdown(`@[<b>x</b>](user:${PIOTR})`).html.trim()).toBe(
      '<p>@&lt;b&gt;x&lt;/b&gt;</p>',
    );
  });

  it('ignores mentions in code and malformed mentions', () => {
    const result = renderMarkdown(
      `\`@[Anna](user:${ANNA})\` @[Anna](user:not-a-uuid) @jan.kowalski @[](user:${ANNA})`,
      { mentionables },
    );
    expect(result.mentions).toEqual([]);
    expect(result.html).not.toContain('class="mention"');
  });

  it('works inside quotes, lists and emphasis', () => {
    const result = renderMarkdown(`> **@[A](user:${ANNA})**\n\n- @[P](user:${PIOTR})`, {
      mentionables,
    });
    expect(result.mentions).toEqual([ANNA, PIOTR]);
    expect(result.html).toContain(
      `<strong><span class="mention" data-user-id="${ANNA}">@Anna Nowak</span></strong>`,
    );
  });
});

describe('renderMarkdown: plain text', () => {
  it('is the text without markup, one block a line', () => {
    const result = renderMarkdown(
      [
        '# Budget *2025*',
        '',
        'Read [the report](https://example.org/r) and ~~ignore~~ `this`.',
        '',
        '> quoted',
        '',
        '- one',
        '- two',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '```',
        'code()',
        '```',
        '',
        '![chart](https://example.org/c.png)',
      ].join('\n'),
    );
    expect(result.plainText).toBe(
      [
        'Budget 2025',
        'Read the report and ignore this.',
        'quoted',
        'one',
        'two',
        'a b',
        '1 2',
        'code()',
        'chart',
      ].join('\n'),
    );
  });

  it('decodes entities and backslash escapes', () => {
    expect(renderMarkdown('&amp; &copy; \\*not em\\*').plainText).toBe('& © *not em*');
  });
});

describe('renderMarkdown: length limit', () => {
  it(`accepts ${MARKDOWN_MAX_LENGTH} characters`, () => {
    expect(MARKDOWN_MAX_LENGTH).toBe(20000);
    const result = renderMarkdown('a'.repeat(MARKDOWN_MAX_LENGTH));
    expect(result.plainText).toHaveLength(MARKDOWN_MAX_LENGTH);
  });

  it('rejects longer text with BAD_USER_INPUT', () => {
    let error: unknown;
    try {
      renderMarkdown('a'.repeat(MARKDOWN_MAX_LENGTH + 1));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error as GraphQLError).message).toMatch(/too long.*20000/);
  });

  it('renders pathological input at the limit quickly', () => {
    const inputs = [
      '@'.repeat(MARKDOWN_MAX_LENGTH),
      '@['.repeat(MARKDOWN_MAX_LENGTH / 2),
      '>'.repeat(MARKDOWN_MAX_LENGTH),
      '*a'.repeat(MARKDOWN_MAX_LENGTH / 2),
      '[a]('.repeat(MARKDOWN_MAX_LENGTH / 4),
      '- '.repeat(MARKDOWN_MAX_LENGTH / 2),
    ];
    for (const input of inputs) {
      const started = Date.now();
      renderMarkdown(input);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});
