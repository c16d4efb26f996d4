import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Permission } from '@civitas/shared/domain';
import { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'civitas:public';
export const PERMISSION_KEY = 'civitas:permission';

/** Open to anyone, signed in or not (sign-in, invitation acceptance, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission an operation requires; operations that declare none are refused. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(PERMISSION_KEY, permission);

export function httpOf(context: ExecutionContext): { req: Request; res: Response } {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request; res: Response }>();
  }
  const http = context.switchToHttp();
  return { req: http.getRequest<Request>(), res: http.getResponse<Response>() };
}

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => httpOf(context).req.user as AuthUser,
);

/** The request and response, for cookies and the client's address. */
export const Http = createParamDecorator((_: unknown, context: ExecutionContext) =>
  httpOf(context),
);
