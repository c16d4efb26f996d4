import MarkdownIt from 'markdown-it';
import { badUserInput } from '@civitas/api/core';
import { sanitizeRenderedHtml } from './sanitize';

/** The longest text accepted, in UTF-16 code units (what a browser's `maxlength` counts). */
export const MARKDOWN_MAX_LENGTH = 20000;

export interface Mentionable {
  id: string;
  name: string;
}

export interface RenderMarkdownOptions {
  /**
   * The people who may be mentioned here (members of the forum, chat, …), keyed by
   * their user id in lower case. Mentions of anyone else stay plain text.
   */
  mentionables?: ReadonlyMap<string, Mentionable>;
}

export interface RenderedMarkdown {
  /** Sanitised HTML, safe to store and display as it is. */
  html: string;
  /** Ids of the people mentioned, each once, in order of first mention. */
  mentions: string[];
  /**
   * The text without markup, for search indexing and notification previews. It is
   * text, not HTML: escape it wherever it is put into HTML.
   */
  plainText: string;
}

/*
 * Mentions
 * --------
 * One syntax: `@[Display Name](user:<uuid>)`, which the editor's autocomplete inserts.
 * The id decides who is mentioned; the rendered name is the person's current name from
 * `mentionables`, never the typed label, so a mention cannot be made to show someone
 * else's name. A known person becomes
 *   <span class="mention" data-user-id="<uuid>">@Name</span>
 * and an unknown one (not in `mentionables`) the plain text `@Display Name`.
 * Mentions are not recognised inside code spans and code blocks.
 */
const MENTION =
  /@\[([^[\]\n]{1,100})\]\(user:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/y;

interface MentionMeta {
  label: string;
  id: string;
  person?: Mentionable;
}

interface Env {
  mentionables?: ReadonlyMap<string, Mentionable>;
  mentions: Set<string>;
}

/** Only absolute http(s) and mailto links become links; anything else stays text. */
const LINKABLE = /^(?:https?:\/\/|mailto:)/i;

function mentionRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  MENTION.lastIndex = state.pos;
  const match = MENTION.exec(state.src);
  if (!match) return false;
  if (!silent) {
    const token = state.push('mention', '', 0);
    const meta: MentionMeta = { label: match[1].trim(), id: match[2].toLowerCase() };
    token.meta = meta;
  }
  state.pos += match[0].length;
  return true;
}

/** Resolves mentions against `mentionables` and records who was mentioned. */
function resolveMentions(state: MarkdownIt.StateCore): void {
  const env = state.env as Env;
  for (const block of state.tokens) {
    for (const token of block.children ?? []) {
      if (token.type !== 'mention') continue;
      const meta = token.meta as MentionMeta;
      meta.person = env.mentionables?.get(meta.id);
      if (meta.person) env.mentions.add(meta.person.id);
    }
  }
}

/** h1 → h3, h2 → h4 … (at most h6): a post never outranks the page's own headings. */
function downgradeHeadings(state: MarkdownIt.StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Number(token.tag.slice(1));
      token.tag = `h${Math.min(level + 2, 6)}`;
    }
  }
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt('default', {
    html: false, // raw HTML is shown as text, never passed through
    linkify: true, // GFM autolinks: www.…, https://…, e-mail addresses
    typographer: false,
    breaks: true, // a line break in a post or chat message is a line break
  });
  md.validateLink = (url) => LINKABLE.test(url.trim());
  md.inline.ruler.before('link', 'mention', mentionRule);
  md.core.ruler.push('mention_resolve', resolveMentions);
  md.core.ruler.push('heading_downgrade', downgradeHeadings);

  const escape = md.utils.escapeHtml;
  md.renderer.rules['mention'] = (tokens, idx) => {
    const { label, person } = tokens[idx].meta as MentionMeta;
    return person
      ? `<span class="mention" data-user-id="${escape(person.id)}">@${escape(person.name)}</span>`
      : escape(`@${label}`);
  };
  // GFM strikethrough is <del>; markdown-it writes <s>.
  md.renderer.rules['s_open'] = () => '<del>';
  md.renderer.rules['s_close'] = () => '</del>';
  // No images in posts: `![alt](https://…)` becomes a link to the picture.
  md.renderer.rules['image'] = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = token.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
    return `<a href="${escape(src)}">${escape(alt)}</a>`;
  };
  return md;
}

const md = createRenderer();

function inlineText(tokens: MarkdownIt.Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'image':
        text += inlineText(token.children ?? []) || (token.attrGet('src') ?? '');
        break;
      case 'mention': {
        const { label, person } = token.meta as MentionMeta;
        text += `@${person ? person.name : label}`;
        break;
      }
    }
  }
  return text;
}

function toPlainText(tokens: MarkdownIt.Token[]): string {
  const lines: string[] = [];
  let row: string[] | null = null;
  for (const token of tokens) {
    if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      lines.push(row.join(' '));
      row = null;
    } else if (token.type === 'inline') {
      const text = inlineText(token.children ?? []);
      if (row) row.push(text);
      else lines.push(text);
    } else if (token.type === 'fence' || token.type === 'code_block') {
      lines.push(token.content.replace(/\n$/, ''));
    }
  }
  return lines
    .join('\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Markdown (CommonMark with GFM tables, strikethrough and autolinks) to sanitised HTML.
 * Throws BAD_USER_INPUT when the text is longer than MARKDOWN_MAX_LENGTH.
 */
export function renderMarkdown(
  source: string,
  options: RenderMarkdownOptions = {},
): RenderedMarkdown {
  if (source.length > MARKDOWN_MAX_LENGTH) {
    throw badUserInput(
      `The text is too long: ${source.length} characters, at most ${MARKDOWN_MAX_LENGTH} are allowed`,
    );
  }
  const env: Env = { mentionables: options.mentionables, mentions: new Set() };
  const tokens = md.parse(source, env);
  const html = sanitizeRenderedHtml(md.renderer.render(tokens, md.options, env));
  return { html, mentions: [...env.mentions], plainText: toPlainText(tokens) };
}
