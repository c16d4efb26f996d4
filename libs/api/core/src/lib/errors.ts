import { GraphQLError } from 'graphql';
import { ErrorCode } from '@civitas/shared/domain';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function error(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** Unknown ids and things the caller may not see look the same: they do not exist for them. */
export const notFound = (what: string) => error(ErrorCode.NOT_FOUND, `${what} not found`);

export const forbidden = (message: string) => error(ErrorCode.FORBIDDEN, message);

export const conflict = (message: string) => error(ErrorCode.CONFLICT, message);

export const unauthenticated = (message = 'Sign in to continue') =>
  error(ErrorCode.UNAUTHENTICATED, message);

export const badUserInput = (message: string, fields: FieldProblem[] = []) =>
  error(ErrorCode.BAD_USER_INPUT, message, fields.length ? { fields } : {});

export const domainError = (
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) => error(code, message, extra);

/** HTTP 429 with Retry-After, and the same wait in the error's extensions. */
export const tooManyRequests = (retryAfterSeconds: number) =>
  error(
    ErrorCode.TOO_MANY_REQUESTS,
    `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
    {
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  );
