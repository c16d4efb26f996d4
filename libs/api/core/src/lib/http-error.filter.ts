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
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(STATUS[code] ?? 500)
      .json({ code, message: error.message });
  }
}
