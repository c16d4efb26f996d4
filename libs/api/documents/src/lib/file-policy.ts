import { DOCUMENT_NAME_MAX, DOCUMENT_TYPES, ErrorCode } from '@civitas/shared/domain';
import { domainError } from '@civitas/api/core';

/**
 * What the magic bytes may say for each declared extension. `file-type` finds OOXML and
 * ODF only when their telltale entry is in the first 4 KB; otherwise it reports a plain
 * ZIP, which is accepted for those extensions (archives are never unpacked here).
 * OLE2 (cfb) is the container of the old Office formats.
 */
const SNIFFED_AS: Readonly<Record<string, readonly string[]>> = {
  pdf: ['pdf'],
  doc: ['cfb'],
  xls: ['cfb'],
  ppt: ['cfb'],
  docx: ['docx', 'zip'],
  xlsx: ['xlsx', 'zip'],
  pptx: ['pptx', 'zip'],
  odt: ['odt', 'zip'],
  ods: ['ods', 'zip'],
  odp: ['odp', 'zip'],
  rtf: ['rtf'],
  png: ['png'],
  jpg: ['jpg'],
  jpeg: ['jpg'],
  gif: ['gif'],
  webp: ['webp'],
  zip: ['zip'],
  // Plain text has no magic bytes: file-type finds nothing, and the sample must be UTF-8.
  csv: ['text'],
  txt: ['text'],
};

const ALLOWED_SNIFFED = new Set(Object.values(SNIFFED_AS).flat());

export const fileError = (code: ErrorCode, message: string) => domainError(code, message);

export interface CleanName {
  name: string;
  extension: string;
  contentType: string;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The name a person gave, made safe to store and show: NFC, trimmed, no path, no control
 * characters, characters Windows refuses replaced, with an extension on the allow-list.
 * A path is refused, not silently cut: "../../etc/passwd" is a mistake or an attack.
 */
export function cleanFileName(raw: string | undefined): CleanName {
  const name = (raw ?? '').normalize('NFC').trim();
  if (!name) throw fileError(ErrorCode.INVALID_FILE_NAME, 'The file needs a name');
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    throw fileError(
      ErrorCode.INVALID_FILE_NAME,
      `"${name.slice(0, 80)}" is a path, not a file name: give the name alone, without / or \\`,
    );
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw fileError(ErrorCode.INVALID_FILE_NAME, 'A file name cannot contain control characters');
  }
  if (name.length > DOCUMENT_NAME_MAX) {
    throw fileError(
      ErrorCode.INVALID_FILE_NAME,
      `A file name has at most ${DOCUMENT_NAME_MAX} characters`,
    );
  }
  const safe = name.replace(/[<>:"|?*]/g, '_');
  if (safe.startsWith('.')) {
    throw fileError(ErrorCode.INVALID_FILE_NAME, 'A file name cannot start with a dot');
  }
  const extension = extensionOf(safe);
  const contentType = DOCUMENT_TYPES[extension];
  if (!contentType) {
    throw fileError(
      ErrorCode.UNSUPPORTED_FILE_TYPE,
      `${extension ? `.${extension} files are` : 'Files without an extension are'} not accepted; ` +
        `allowed: ${Object.keys(DOCUMENT_TYPES).join(', ')}`,
    );
  }
  return { name: safe, extension, contentType };
}

/** A sample is text when it has no NUL byte and is valid UTF-8 (a cut last character allowed). */
export function looksLikeText(sample: Buffer): boolean {
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks what the first bytes are (file-type's answer, or 'text') against the declared
 * extension: something off the allow-list is refused as such (an executable named .pdf),
 * an allowed type under another extension as a mismatch.
 */
export function checkContent(declared: CleanName, sniffed: string | undefined): void {
  const actual = sniffed ?? 'unknown';
  if (!ALLOWED_SNIFFED.has(actual)) {
    throw fileError(
      ErrorCode.UNSUPPORTED_FILE_TYPE,
      `The content of "${declared.name}" is not a document type accepted here` +
        (sniffed ? ` (it is ${sniffed})` : ''),
    );
  }
  if (!SNIFFED_AS[declared.extension].includes(actual)) {
    throw fileError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `"${declared.name}" is named .${declared.extension} but its content is ${actual}`,
    );
  }
}
