import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { AccessTokenClaims, AuthUser } from './auth-user';

/** Bearer access tokens; the account is re-read so deactivation and "sign out everywhere" act at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken otherwise tries the string as a PEM public
      // key on every request (it throws and falls back), a tenth of a thread page's CPU time.
      // passport-jwt hands it to jsonwebtoken untouched; its types only know string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthUser | false> {
    // Plain SQL: this runs on every request, and TypeORM's find builds its query each time.
    const [user]: {
      id: string;
      role: AuthUser['role'];
      organisation_id: string;
      is_legal_officer: boolean;
      session_version: number;
      deactivated_at: Date | null;
    }[] = await this.db.query(
      `SELECT id, role, organisation_id, is_legal_officer, session_version, deactivated_at
       FROM app_user WHERE id = $1`,
      [claims.sub],
    );
    if (!user || user.deactivated_at || user.session_version !== claims.sv) return false;
    return {
      id: user.id,
      role: user.role,
      organisationId: user.organisation_id,
      isLegalOfficer: user.is_legal_officer,
    };
  }
}
