import type { Request, Response } from 'express';
import { AppConfig } from '@civitas/api/core';
import { IssuedSession } from './session.service';

export const REFRESH_COOKIE = 'civitas_refresh';
/** The cookie travels only to the GraphQL endpoint, where refresh and sign-out live. */
const COOKIE_PATH = '/graphql';

export function setRefreshCookie(res: Response, session: IssuedSession, config: AppConfig): void {
  res.cookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: COOKIE_PATH,
    expires: session.refreshTokenExpiresAt,
  });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: COOKIE_PATH,
  });
}

export function readRefreshCookie(req: Request): string | undefined {
  const value: unknown = req.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
