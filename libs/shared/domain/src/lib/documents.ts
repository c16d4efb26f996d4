/**
 * Documents (issue 5): what both sides need to know about files. The API enforces all of
 * it; the web uses it to refuse early (before sending bytes) with the same words.
 */

/** What a document is attached to. Reading a document = reading its owner. */
export enum DocumentOwnerKind {
  /** A working group's library (owner id: the group's id). */
  GROUP_LIBRARY = 'GROUP_LIBRARY',
  /** An attachment of a forum post (owner id: the post's id). */
  FORUM_POST = 'FORUM_POST',
  /**
   * The opinion an expert delivered (owner id: the opinion request's id): the office and the
   * expert; the requesting city once released; every library reader once published as is.
   */
  OPINION = 'OPINION',
  /** An opinion request's attachments (owner id: the request's id): its parties only. */
  OPINION_REQUEST = 'OPINION_REQUEST',
  /**
   * The redacted copy of an opinion the office publishes (owner id: the request's id): the
   * office; every library reader once published.
   */
  OPINION_PUBLISHED = 'OPINION_PUBLISHED',
  PRACTICE = 'PRACTICE',
  /**
   * A tribunal case's working files (owner id: the case's id): draft motions, internal
   * notes. The office and the applicant and co-applicant cities' legal officers and admins.
   */
  TRIBUNAL_CASE = 'TRIBUNAL_CASE',
  /**
   * The documents of a case's stages (owner id: the case's id): the filed motion, the
   * Tribunal's calls, decisions, judgment. Everyone who may read the case; the office adds.
   */
  TRIBUNAL_STAGE = 'TRIBUNAL_STAGE',
  /**
   * A city council's resolution to take part in a case (owner id: the case's id): everyone
   * who may read the case; a member city's admin or legal officer adds it while the case is
   * prepared, to ask to join.
   */
  TRIBUNAL_RESOLUTION = 'TRIBUNAL_RESOLUTION',
  /**
   * The document of a position, resolution, invitation or programme of the library (owner
   * id: its id): every signed-in reader; the office adds.
   */
  POSITION_STATEMENT = 'POSITION_STATEMENT',
  /**
   * The draft of a position under consultation (owner id: the consultation's id): whoever
   * reads the consultation; the office adds.
   */
  POSITION_CONSULTATION = 'POSITION_CONSULTATION',
}

/**
 * The allow-list: extension → the Content-Type the file is served with. The content
 * must agree with the extension (magic bytes), checked on upload.
 */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  csv: 'text/csv',
  txt: 'text/plain',
  zip: 'application/zip',
};

/** Types the browser may show inline (preview): PDF and raster images. */
export const DOCUMENT_PREVIEW_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

/** Defaults of the API's configuration (DOCUMENTS_MAX_FILE_BYTES, DOCUMENTS_GROUP_QUOTA_BYTES). */
export const DOCUMENT_MAX_FILE_BYTES_DEFAULT = 100 * 1024 * 1024;
export const DOCUMENT_GROUP_QUOTA_BYTES_DEFAULT = 5 * 1024 * 1024 * 1024;
export const DOCUMENT_NAME_MAX = 255;
export const DOCUMENT_VERSION_NOTE_MAX = 500;
/** Days a deleted document or folder stays in the trash before it is purged. */
export const DOCUMENT_TRASH_DAYS = 30;
export const DOCUMENT_SEARCH_MAX = 50;
/** Folders of one library, all listed at once for the tree. */
export const DOCUMENT_FOLDERS_MAX = 1000;
/** Minutes a signed download or preview link (downloadUrl, previewUrl) stays valid. */
export const DOCUMENT_LINK_TTL_MINUTES = 10;

/** The extension of a name, lower-cased, or '' (for early checks on the web). */
export function documentExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
