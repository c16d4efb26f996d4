import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode } from '@civitas/shared/domain';

/** One field's problems, as the API reports them under `extensions.fields`. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * What the UI needs to know about a failed request, independent of how it failed
 * (GraphQL error, HTTP error from a REST route, network failure).
 */
export interface ApiProblem {
  /** `extensions.code`, or NETWORK / UNKNOWN when the server gave none. */
  code: string;
  message: string;
  fields: FieldProblem[];
  /** TOO_MANY_REQUESTS: seconds to wait. */
  retryAfter?: number;
  /** WEAK_PASSWORD: which rules the password breaks. */
  problems?: string[];
}

export const NETWORK_ERROR = 'NETWORK';
export const UNKNOWN_ERROR = 'UNKNOWN';

interface RawError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function fromRaw(error: RawError): ApiProblem {
  const ext = error.extensions ?? {};
  const code = typeof ext['code'] === 'string' ? ext['code'] : UNKNOWN_ERROR;
  const fields = Array.isArray(ext['fields'])
    ? (ext['fields'] as unknown[]).filter(isFieldProblem)
    : [];
  const problem: ApiProblem = {
    code,
    message: typeof error.message === 'string' ? error.message : '',
    fields,
  };
  if (typeof ext['retryAfter'] === 'number') problem.retryAfter = ext['retryAfter'];
  if (Array.isArray(ext['problems'])) {
    problem.problems = (ext['problems'] as unknown[]).filter(
      (p): p is string => typeof p === 'string',
    );
  }
  return problem;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v['field'] === 'string' && Array.isArray(v['problems']);
}

function parseBody(bodyText: string): RawError | undefined {
  try {
    const body = JSON.parse(bodyText) as { errors?: RawError[]; code?: unknown; message?: unknown };
    if (Array.isArray(body.errors) && body.errors.length) return body.errors[0];
    // REST routes answer `{ code, message }`.
    if (typeof body.code === 'string')
      return { message: body.message, extensions: { code: body.code } };
  } catch {
    // not JSON: fall through
  }
  return undefined;
}

/** Reads the first meaningful error out of anything Apollo, fetch or our own code threw. */
export function toApiProblem(error: unknown): ApiProblem | null {
  if (error == null) return null;
  if (error instanceof ApiRequestError) return error.problem;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    return first ? fromRaw(first) : { code: UNKNOWN_ERROR, message: error.message, fields: [] };
  }
  if (ServerError.is(error)) {
    const raw = parseBody(error.bodyText);
    if (raw) return fromRaw(raw);
    const code =
      error.statusCode === 401
        ? ErrorCode.UNAUTHENTICATED
        : error.statusCode === 403
          ? ErrorCode.FORBIDDEN
          : error.statusCode === 429
            ? ErrorCode.TOO_MANY_REQUESTS
            : UNKNOWN_ERROR;
    return { code, message: error.message, fields: [] };
  }
  if (error instanceof TypeError) {
    // fetch rejects with a TypeError when the network is down.
    return { code: NETWORK_ERROR, message: error.message, fields: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: UNKNOWN_ERROR, message, fields: [] };
}

/** The problems the API reported for one input field (matched on the last path segment). */
export function fieldProblems(problem: ApiProblem | null, field: string): string[] {
  if (!problem) return [];
  return problem.fields
    .filter((f) => f.field === field || f.field.endsWith(`.${field}`))
    .flatMap((f) => f.problems);
}

/** Thrown by our own fetch helpers (refresh, uploads) so every path reports an ApiProblem. */
export class ApiRequestError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(problem.message || problem.code);
    this.name = 'ApiRequestError';
  }
}

/** Builds an ApiProblem from a JSON body (`{ errors }` or `{ code, message }`) and an HTTP status. */
export function problemFromResponse(status: number, bodyText: string): ApiProblem {
  const raw = parseBody(bodyText);
  if (raw) return fromRaw(raw);
  const code =
    status === 401
      ? ErrorCode.UNAUTHENTICATED
      : status === 403
        ? ErrorCode.FORBIDDEN
        : status === 404
          ? ErrorCode.NOT_FOUND
          : status === 413
            ? ErrorCode.BAD_USER_INPUT
            : status === 429
              ? ErrorCode.TOO_MANY_REQUESTS
              : UNKNOWN_ERROR;
  return { code, message: `HTTP ${status}`, fields: [] };
}

export function isUnauthenticatedResult(result: {
  errors?: ReadonlyArray<RawError> | null;
}): boolean {
  return !!result.errors?.some((e) => e.extensions?.['code'] === ErrorCode.UNAUTHENTICATED);
}
