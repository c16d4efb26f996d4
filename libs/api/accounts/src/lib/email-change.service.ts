import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import {
  EMAIL_CHANGE_REQUESTS_PER_HOUR,
  EMAIL_CHANGE_TTL_HOURS,
  ErrorCode,
} from '@civitas/shared/domain';
import {
  APP_CONFIG,
  badUserInput,
  conflict,
  DomainEvent,
  domainError,
  isUniqueViolation,
  tooManyRequests,
} from '@civitas/api/core';
import type { AccountPasswordReplacedEvent, AppConfig } from '@civitas/api/core';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser, ClientInfo, IssuedSession } from '@civitas/api/auth';
import {
  hashSecretToken,
  newSecretToken,
  PasswordService,
  SessionService,
  User,
} from '@civitas/api/auth';
import { composeMail, MailQueue } from '@civitas/api/mail';
import { ConsentLog, PersonalDataRegistry } from '@civitas/api/personal-data';
import { PendingEmailChange, RequestEmailChangeInput } from './dto/email-change.inputs';
import { EmailChangeRequest } from './email-change-request.entity';

const HOUR_MS = 60 * 60 * 1000;

const addressTaken = () =>
  conflict('This e-mail address is already used by another Civitas account. Choose another one.');

/**
 * Self-service correction of one's e-mail address (RODO art. 16). Asked for with the
 * password; a single-use link goes to the new address and a notice to the current one. The
 * address changes only when the link is opened by the same person, signed in — so a typo
 * that reaches a stranger's mailbox cannot hand them the account — and then every other
 * session ends, as after a password change, since the address is how one signs in.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly mail: MailQueue,
    private readonly personalData: PersonalDataRegistry,
    private readonly consents: ConsentLog,
  ) {}

  async pending(user: AuthUser): Promise<PendingEmailChange | null> {
    const row = await this.db.getRepository(EmailChangeRequest).findOneBy({
      userId: user.id,
      confirmedAt: IsNull(),
      supersededAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
    return row && this.toPending(row);
  }

  async request(user: AuthUser, input: RequestEmailChangeInput): Promise<PendingEmailChange> {
    const newEmail = input.newEmail.trim().toLowerCase();
    await this.passwords.verifyCurrent(user.id, input.password);
    const account = await this.db.getRepository(User).findOneByOrFail({ id: user.id });
    if (newEmail === account.email) {
      const problem = 'is already your e-mail address';
      throw badUserInput(`This ${problem}`, [{ field: 'newEmail', problems: [problem] }]);
    }
    const { token, hash } = newSecretToken();
    const request = await this.db.transaction(async (tx) => {
      // One request at a time per person: the count and the superseding below see each other.
      await tx.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
      if (await tx.getRepository(User).existsBy({ email: newEmail })) throw addressTaken();
      const [recent]: { n: number; oldest: Date | null }[] = await tx.query(
        `SELECT count(*)::int AS n, min(created_at) AS oldest FROM email_change_request
         WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
        [user.id],
      );
      if (recent.n >= EMAIL_CHANGE_REQUESTS_PER_HOUR) {
        const waitMs = new Date(recent.oldest!).getTime() + HOUR_MS - Date.now();
        throw tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
      }
      await this.supersedePending(user.id, tx);
      const created = await tx.getRepository(EmailChangeRequest).save({
        userId: user.id,
        newEmail,
        tokenHash: hash,
        expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_HOURS * HOUR_MS),
      });
      await this.audit.record(
        {
          actorId: user.id,
          action: 'account.email_change.requested',
          entityType: 'app_user',
          entityId: user.id,
          details: { newEmail },
        },
        tx,
      );
      return created;
    });

    const url = `${this.config.appUrl}/privacy/confirm-email?token=${encodeURIComponent(token)}`;
    await this.mail.enqueue(
      composeMail(newEmail, {
        subject: 'Civitas: potwierdź nowy adres e-mail / confirm your new e-mail address',
        paragraphs: [
          `Dzień dobry, ${account.name}. Aby ten adres stał się adresem Twojego konta w Civitas (zamiast ${account.email}), otwórz link, będąc zalogowanym(-ą). Link jest ważny ${EMAIL_CHANGE_TTL_HOURS} godziny i działa jeden raz. Jeśli to nie Ty, zignoruj tę wiadomość: nic się nie zmieni.`,
          `Hello ${account.name}. To make this the address of your Civitas account (instead of ${account.email}), open the link while signed in. The link works once, within ${EMAIL_CHANGE_TTL_HOURS} hours. If it was not you, ignore this message: nothing changes.`,
        ],
        action: { label: 'Potwierdź nowy adres / Confirm the new address', url },
      }),
    );
    await this.mail.enqueue(
      composeMail(account.email, {
        subject: 'Civitas: prośba o zmianę adresu e-mail / e-mail change requested',
        paragraphs: [
          `Dzień dobry, ${account.name}. Poproszono o zmianę adresu e-mail Twojego konta w Civitas na ${newEmail}. Adres zmieni się dopiero po otwarciu linku wysłanego na nowy adres. Jeśli to nie Ty, od razu ustaw nowe hasło — to wyloguje wszystkie urządzenia — i powiadom biuro Związku.`,
          `Hello ${account.name}. A change of your Civitas account's e-mail address to ${newEmail} was requested. The address changes only when the link sent to the new address is opened. If it was not you, set a new password at once — that signs out every device — and tell the association's office.`,
        ],
        action: {
          label: 'Ustaw nowe hasło / Set a new password',
          url: `${this.config.appUrl}/forgot-password`,
        },
      }),
    );
    return this.toPending(request);
  }

  /** Checks the link and the address before changing anything; then starts a fresh session. */
  async confirm(user: AuthUser, token: string, client: ClientInfo): Promise<IssuedSession> {
    let previous = '';
    let session: IssuedSession;
    try {
      session = await this.db.transaction(async (tx) => {
        const request = await tx.getRepository(EmailChangeRequest).findOne({
          where: { tokenHash: hashSecretToken(token) },
          lock: { mode: 'pessimistic_write' },
        });
        // Someone else's link is as unknown to this person as a made-up one.
        if (!request || request.userId !== user.id) {
          throw domainError(
            ErrorCode.TOKEN_INVALID,
            'This confirmation link is not valid. Ask for the change again.',
          );
        }
        if (request.confirmedAt) {
          throw domainError(
            ErrorCode.TOKEN_USED,
            'This confirmation link has already been used: your address was changed.',
          );
        }
        if (request.supersededAt) {
          throw domainError(
            ErrorCode.TOKEN_INVALID,
            'This link was cancelled by a newer change request or by a new password. Ask for the change again if you still want it.',
          );
        }
        if (request.expiresAt <= new Date()) {
          throw domainError(
            ErrorCode.TOKEN_EXPIRED,
            'This confirmation link has expired. Ask for the change again.',
          );
        }
        const [account]: { email: string }[] = await tx.query(
          `SELECT email FROM app_user WHERE id = $1 FOR UPDATE`,
          [user.id],
        );
        previous = account.email;
        if (await tx.getRepository(User).existsBy({ email: request.newEmail })) {
          throw addressTaken();
        }
        await tx.getRepository(User).update(user.id, { email: request.newEmail });
        await tx.getRepository(EmailChangeRequest).update(request.id, { confirmedAt: new Date() });
        // What other domains keep by address (the newsletter) follows the person, and the
        // consent log keeps what it holds under the old address theirs: all or nothing.
        const change = { from: previous, to: request.newEmail };
        for (const contributor of this.personalData.all()) {
          await contributor.emailChanged?.(user.id, change, tx);
        }
        await this.consents.leaveAddress(user.id, previous, tx);
        await this.audit.record(
          {
            actorId: user.id,
            action: 'account.email_change.confirmed',
            entityType: 'app_user',
            entityId: user.id,
            details: { from: previous, to: request.newEmail },
          },
          tx,
        );
        await this.sessions.endAll(user.id, 'email-change', tx);
        const fresh = await tx.getRepository(User).findOneByOrFail({ id: user.id });
        return this.sessions.start(fresh, client, tx);
      });
    } catch (e) {
      // Another account took the address between the check and the update.
      if (isUniqueViolation(e)) throw addressTaken();
      throw e;
    }
    await this.mail.enqueue(
      composeMail(previous, {
        subject: 'Civitas: adres e-mail został zmieniony / your e-mail address was changed',
        paragraphs: [
          `Dzień dobry, ${session.user.name}. Adres e-mail Twojego konta w Civitas to teraz ${session.user.email}; na ten adres nie będą już przychodzić wiadomości. Pozostałe urządzenia zostały wylogowane. Jeśli to nie Ty, skontaktuj się z biurem Związku.`,
          `Hello ${session.user.name}. Your Civitas account's e-mail address is now ${session.user.email}; this address will no longer receive mail. Your other devices were signed out. If it was not you, contact the association's office.`,
        ],
        action: { label: 'Otwórz Civitas / Open Civitas', url: `${this.config.appUrl}/sign-in` },
      }),
    );
    return session;
  }

  /**
   * A new password (reset or changed) cancels a pending change: whoever asked for it with
   * the old password — perhaps someone who took over a session — loses it with the password.
   */
  @OnEvent(DomainEvent.ACCOUNT_PASSWORD_REPLACED, { suppressErrors: false })
  async passwordReplaced({ userId, manager }: AccountPasswordReplacedEvent): Promise<void> {
    await this.supersedePending(userId, manager);
  }

  private async supersedePending(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE email_change_request SET superseded_at = now()
       WHERE user_id = $1 AND confirmed_at IS NULL AND superseded_at IS NULL`,
      [userId],
    );
  }

  private toPending(row: EmailChangeRequest): PendingEmailChange {
    return { newEmail: row.newEmail, requestedAt: row.createdAt, expiresAt: row.expiresAt };
  }
}
