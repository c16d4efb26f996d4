import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { hasPermission, Permission } from '@civitas/shared/domain';
import { forbidden, unauthenticated } from '@civitas/api/core';
import { AuthUser } from './auth-user';
import { httpOf, PERMISSION_KEY, PUBLIC_KEY } from './decorators';

/**
 * The global guard. Deny by default: an operation is reachable only when it is marked
 * @Public or declares the permission it needs, and the caller's role grants it.
 */
@Injectable()
export class PermissionGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return httpOf(context).req;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      PERMISSION_KEY,
      targets,
    );
    if (!permission) throw forbidden('This operation is not open to anyone');
    await super.canActivate(context);
    const user = httpOf(context).req.user as AuthUser;
    if (!hasPermission(user.role, permission)) throw forbidden('Your role does not allow this');
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) throw unauthenticated();
    return user;
  }
}
