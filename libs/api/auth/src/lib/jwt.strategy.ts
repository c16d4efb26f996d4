import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { User } from './user.entity';

/** Bearer access tokens; the account is re-read so deactivation and "sign out everywhere" act at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthUser | false> {
    const user = await this.db.getRepository(User).findOne({
      where: { id: claims.sub },
      select: {
        id: true,
        role: true,
        organisationId: true,
        isLegalOfficer: true,
        sessionVersion: true,
        deactivatedAt: true,
      },
    });
    if (!user || user.deactivatedAt || user.sessionVersion !== claims.sv) return false;
    return {
      id: user.id,
      role: user.role,
      organisationId: user.organisationId,
      isLegalOfficer: user.isLegalOfficer,
    };
  }
}
