import { Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ErrorCode, PASSWORD_RESET_TTL_MINUTES } from '@civitas/shared/domain';
import { APP_CONFIG, DomainEvent, domainError } from '@civitas/api/core';
import type { AccountPasswordReplacedEvent, AppConfig } from '@civitas/api/core';
import { composeMail, MailQueue } from '@civitas/api/mail';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordResetToken } from './password-reset-token.entity';
import { PasswordService } from './password.service';
import { hashSecretToken, newSecretToken } from './secret-token';
import { ClientInfo, IssuedSession, SessionService } from './session.service';
import { User } from './user.entity';

const invalidCredentials = () =>
  domainError(ErrorCode.INVALID_CREDENTIALS, 'The e-mail address or the password is wrong.');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly mail: MailQueue,
    private readonly events: EventEmitter2,
  ) {}

  /** The same answer for an unknown e-mail and a wrong password, so accounts cannot be probed. */
  async signIn(emailInput: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.db.getRepository(User).findOneBy({ email, deactivatedAt: IsNull() });
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, client.ip);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(email);
    return this.sessions.start(user, client);
  }

  /** Always succeeds from the caller's view; mail goes only to an existing, active account. */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.db.getRepository(User).findOneBy({ email, deactivatedAt: IsNull() });
    if (!user || !(await this.throttle.allowResetMail(email))) return;
    const { token, hash } = newSecretToken();
    await this.db.getRepository(PasswordResetToken).insert({
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000),
    });
    const url = `${this.config.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await this.mail.enqueue(
      composeMail(user.email, {
        subject: 'Civitas: ustaw nowe hasło / set a new password',
        paragraphs: [
          `Dzień dobry, ${user.name}. Ktoś (zapewne Pani/Pan) poprosił o zmianę hasła w Civitas. Link jest ważny godzinę i działa jeden raz. Jeśli to nie Pani/Pan, proszę zignorować tę wiadomość.`,
          `Hello ${user.name}. Someone (probably you) asked to reset your Civitas password. The link works once, within an hour. If it was not you, ignore this message.`,
        ],
        action: { label: 'Ustaw nowe hasło / Set a new password', url },
      }),
    );
  }

  /** Checks the token and the new password before changing anything; then ends every session. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const outcome = await this.db.transaction(async (tx) => {
      const reset = await tx.getRepository(PasswordResetToken).findOne({
        where: { tokenHash: hashSecretToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reset)
        return domainError(
          ErrorCode.TOKEN_INVALID,
          'This reset link is not valid. Ask for a new one.',
        );
      if (reset.usedAt)
        return domainError(
          ErrorCode.TOKEN_USED,
          'This reset link has already been used. Ask for a new one.',
        );
      if (reset.expiresAt <= new Date())
        return domainError(
          ErrorCode.TOKEN_EXPIRED,
          'This reset link has expired. Ask for a new one.',
        );
      this.passwords.assertStrong(newPassword);
      await tx
        .getRepository(User)
        .update(reset.userId, { passwordHash: await this.passwords.hash(newPassword) });
      await tx.getRepository(PasswordResetToken).update(reset.id, { usedAt: new Date() });
      await this.sessions.endAll(reset.userId, 'password-reset', tx);
      await this.passwordReplaced(reset.userId, tx);
      return null;
    });
    if (outcome) throw outcome;
  }

  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<IssuedSession> {
    await this.passwords.verifyCurrent(userId, currentPassword);
    this.passwords.assertStrong(newPassword);
    return this.db.transaction(async (tx) => {
      await tx
        .getRepository(User)
        .update(userId, { passwordHash: await this.passwords.hash(newPassword) });
      await this.sessions.endAll(userId, 'password-change', tx);
      await this.passwordReplaced(userId, tx);
      const fresh = await tx.getRepository(User).findOneByOrFail({ id: userId });
      return this.sessions.start(fresh, client, tx);
    });
  }

  /** Other domains drop what the old password vouched for (a pending e-mail change), in `tx`. */
  private async passwordReplaced(userId: string, manager: EntityManager): Promise<void> {
    const event: AccountPasswordReplacedEvent = { userId, manager };
    await this.events.emitAsync(DomainEvent.ACCOUNT_PASSWORD_REPLACED, event);
  }
}
