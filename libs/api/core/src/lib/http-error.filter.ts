import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@civitas/shared/domain';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.FILE_TOO_LARGE]: 413,
  [ErrorCode.QUOTA_EXCEEDED]: 413,
  [ErrorCode.UNSUPPORTED_FILE_TYPE]: 415,
  [ErrorCode.FILE_TYPE_MISMATCH]: 415,
  [ErrorCode.EMPTY_FILE]: 400,
  [ErrorCode.INVALID_FILE_NAME]: 400,
  [ErrorCode.DOCUMENT_IN_TRASH]: 409,
};

/**
 * Services throw GraphQL errors with stable codes; on plain HTTP routes (uploads,
 * downloads) the same errors become the matching status with `{ code, message }`.
 * In GraphQL they pass through untouched.
 */
@Catch(GraphQLError)
export class GraphQLErrorHttpFilter implements ExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() === 'graphql') return error;
    const code = String(error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR');
    const res = host.switchToHttp().getResponse<Response>();
    // A refusal in the middle of a streamed body (an upload): answered once, by whoever first.
    if (res.headersSent) return;
    res.status(STATUS[code] ?? 500).json({ code, message: error.message });
  }
}
