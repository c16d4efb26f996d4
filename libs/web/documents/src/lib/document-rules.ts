import { intlLocale } from '@civitas/web/ui';
import type { TFunction } from 'i18next';
import type { UploadErrorCode } from '@civitas/web/data-access';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Bytes for people: "512 B", "1,5 MB" (binary multiples, one decimal above KB). */
export function formatBytes(bytes: number, language = 'pl'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(intlLocale(language), {
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${UNITS[unit]}`;
}

/** An upload's refusal in words ("plik jest za duży (…)"). */
export function uploadErrorText(
  t: TFunction,
  code: UploadErrorCode,
  maxFileBytes: number,
  language: string,
): string {
  return t(`documents:errors.${code}`, { max: formatBytes(maxFileBytes, language) });
}

/** Whole days until `when` (at least 0). */
export function daysLeft(when: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(when).getTime() - now) / 86_400_000));
}

export interface HighlightPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&#x2F;': '/',
};

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27|#x2F);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * The API's search headline (HTML-escaped text whose only markup is <mark>…</mark>) as
 * plain text parts, for React to render as text: nothing of it ever becomes HTML, so even a
 * headline that broke its promise could not inject anything.
 */
export function highlightParts(headline: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = re.exec(headline); m; m = re.exec(headline)) {
    if (m.index > last) parts.push({ text: unescape(headline.slice(last, m.index)), mark: false });
    parts.push({ text: unescape(m[1]), mark: true });
    last = m.index + m[0].length;
  }
  if (last < headline.length) parts.push({ text: unescape(headline.slice(last)), mark: false });
  return parts;
}

interface FolderLike {
  id: string;
  name: string;
  parentId?: string | null;
}

/** From the top of the library to `folderId` (empty at the top, or for an unknown folder). */
export function folderPath<T extends FolderLike>(
  folders: readonly T[],
  folderId: string | null,
): T[] {
  const byId = new Map(folders.map((f) => [f.id, f]));
  const path: T[] = [];
  const seen = new Set<string>();
  for (let id = folderId; id && !seen.has(id); id = byId.get(id)?.parentId ?? null) {
    seen.add(id);
    const folder = byId.get(id);
    if (!folder) break;
    path.unshift(folder);
  }
  return path;
}

/** The folders under `parentId` (null: the top), by name. */
export function childFolders<T extends FolderLike>(
  folders: readonly T[],
  parentId: string | null,
): T[] {
  return folders
    .filter((f) => (f.parentId ?? null) === parentId)
    .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
}

/** A folder and everything under it (a folder cannot move into itself or its subfolders). */
export function folderAndDescendants(folders: readonly FolderLike[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parentId && out.has(f.parentId) && !out.has(f.id)) {
        out.add(f.id);
        grew = true;
      }
    }
  }
  return out;
}
