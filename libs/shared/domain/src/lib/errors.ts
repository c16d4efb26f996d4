/** Stable `extensions.code` values of GraphQL errors. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  TOKEN_USED = 'TOKEN_USED',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  /** Documents (HTTP 413): the file is larger than the per-file limit. */
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  /** Documents (HTTP 413): the file would take the owner (group) past its quota. */
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  /** Documents (HTTP 415): the content is not a type on the allow-list. */
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  /** Documents (HTTP 415): the name's extension does not match the content. */
  FILE_TYPE_MISMATCH = 'FILE_TYPE_MISMATCH',
  /** Documents (HTTP 400): a file with no bytes. */
  EMPTY_FILE = 'EMPTY_FILE',
  /** Documents (HTTP 400): a name with a path, control characters or no allowed extension. */
  INVALID_FILE_NAME = 'INVALID_FILE_NAME',
  /** Documents (HTTP 409): the document (or its folder) is in the trash. */
  DOCUMENT_IN_TRASH = 'DOCUMENT_IN_TRASH',
}
