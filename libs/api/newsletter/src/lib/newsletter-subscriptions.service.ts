import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConsentPurpose,
  ConsentSource,
  currentConsentText,
  ErrorCode,
  isConsentTextVersion,
} from '@civitas/shared/domain';
import { APP_CONFIG, badUserInput, domainError } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { composeMail, MailQueue } from '@civitas/api/mail';
import { ConsentLog } from '@civitas/api/personal-data';
import type { EmailAddressChange } from '@civitas/api/personal-data';
import type { AuthUser } from '@civitas/api/auth';
import { NewsletterThrottle } from './newsletter-throttle';
import { hashLinkToken, LINK_TOKEN, newLinkToken } from './newsletter-tokens';
import {
  MyNewsletterSubscription,
  NewsletterConfirmation,
  NewsletterSubscriptionStatus as Status,
} from './newsletter.types';

/** How long a confirmation link works. */
export const NEWSLETTER_CONFIRMATION_TTL_DAYS = 7;
/** Unconfirmed addresses are deleted this long after the (last) request. */
export const NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const normalise = (email: string) => email.trim().toLowerCase();

export interface SubscriberRow {
  id: string;
  email: string;
  status: Status;
  consent_text_version: string;
  requested_at: Date;
  confirmation_expires_at: Date | null;
  confirmed_at: Date | null;
  unsubscribed_at: Date | null;
  failure_count: number;
  last_error: string | null;
  last_failure_at: Date | null;
  bouncing_at: Date | null;
}

const invalidLink = () =>
  domainError(ErrorCode.TOKEN_INVALID, 'This link is not valid. Subscribe again to get a new one.');

/**
 * Subscribing, confirming and leaving (double opt-in). Consent records, exactly:
 * - subscribing writes none: the address is not yet proven to be the subscriber's, and the
 *   log is append-only, so a stranger's typo would stay in it for good. The row keeps the
 *   wording version the form showed;
 * - the confirmation click writes GRANTED (that version, NEWSLETTER_CONFIRMATION): consent
 *   counts from then;
 * - unsubscribing (link, mail client's one-click) writes WITHDRAWN (NEWSLETTER_UNSUBSCRIBE);
 * - a signed-in person's switch writes GRANTED or WITHDRAWN with source PRIVACY_CENTRE (their
 *   account's address is known to be theirs, so no confirmation mail);
 * - a confirmed change of the account's address moves a confirmed subscription: WITHDRAWN for
 *   the old address, GRANTED for the new, source EMAIL_CHANGE (see `followEmailChange`).
 */
@Injectable()
export class NewsletterSubscriptionsService {
  private readonly logger = new Logger('Newsletter');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consents: ConsentLog,
    private readonly mail: MailQueue,
    private readonly throttle: NewsletterThrottle,
  ) {}

  /**
   * The public form. Always the same answer, whatever the address's state, so the form does
   * not tell who subscribes. New, pending or unsubscribed: a (new) confirmation link goes out,
   * at most NEWSLETTER_CONFIRMATIONS_PER_ADDRESS_HOUR an hour. Already confirmed: nothing
   * changes and nothing is sent (every issue already carries an unsubscribe link).
   */
  async subscribe(emailInput: string, consentTextVersion: string, ip: string): Promise<void> {
    await this.throttle.consumeIp(ip);
    this.assertWording(consentTextVersion);
    const email = normalise(emailInput);
    const { token, hash } = newLinkToken();
    const expiresAt = new Date(Date.now() + NEWSLETTER_CONFIRMATION_TTL_DAYS * DAY_MS);
    const send = await this.db.transaction(async (tx) => {
      const [current]: SubscriberRow[] = await tx.query(
        `SELECT * FROM newsletter_subscriber WHERE email = $1 FOR UPDATE`,
        [email],
      );
      if (current?.status === Status.CONFIRMED) return false;
      if (!(await this.throttle.allowConfirmationMail(email))) return false;
      await tx.query(
        `INSERT INTO newsletter_subscriber
           (email, status, consent_text_version, confirmation_token_hash, confirmation_expires_at)
         VALUES ($1, 'PENDING', $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET status = 'PENDING',
           consent_text_version = EXCLUDED.consent_text_version, requested_at = now(),
           confirmation_token_hash = EXCLUDED.confirmation_token_hash,
           confirmation_expires_at = EXCLUDED.confirmation_expires_at, confirmed_at = NULL`,
        [email, consentTextVersion, hash, expiresAt],
      );
      return true;
    });
    if (!send) return;
    const url = `${this.config.appUrl}/newsletter/confirm?token=${token}`;
    await this.mail.enqueue(
      composeMail(email, {
        subject: 'Potwierdź zapis do newslettera ZMP / Confirm your newsletter subscription',
        paragraphs: [
          `Dzień dobry. Ktoś (zapewne Pani/Pan) zapisał ten adres do newslettera Związku Miast Polskich. Aby zacząć go otrzymywać, proszę potwierdzić zapis. Link działa raz, przez ${NEWSLETTER_CONFIRMATION_TTL_DAYS} dni. Jeśli to nie Pani/Pan, proszę zignorować tę wiadomość: bez potwierdzenia nic nie wyślemy, a adres usuniemy po ${NEWSLETTER_UNCONFIRMED_RETENTION_DAYS} dniach.`,
          `Hello. Someone (probably you) subscribed this address to the newsletter of the Association of Polish Cities. To start receiving it, please confirm. The link works once, for ${NEWSLETTER_CONFIRMATION_TTL_DAYS} days. If it was not you, ignore this message: without confirmation nothing is sent, and the address is deleted after ${NEWSLETTER_UNCONFIRMED_RETENTION_DAYS} days.`,
        ],
        action: { label: 'Potwierdzam zapis / Confirm', url },
      }),
    );
  }

  /** The confirmation click: TOKEN_INVALID, TOKEN_USED or TOKEN_EXPIRED change nothing. */
  async confirm(token: string): Promise<NewsletterConfirmation> {
    if (!LINK_TOKEN.test(token)) throw invalidLink();
    const outcome = await this.db.transaction(async (tx) => {
      const [row]: SubscriberRow[] = await tx.query(
        `SELECT * FROM newsletter_subscriber WHERE confirmation_token_hash = $1 FOR UPDATE`,
        [hashLinkToken(token)],
      );
      if (!row) return invalidLink();
      if (row.status !== Status.PENDING)
        return domainError(
          ErrorCode.TOKEN_USED,
          'This confirmation link has already been used. Your subscription stands as it is.',
        );
      if (row.confirmation_expires_at! <= new Date())
        return domainError(
          ErrorCode.TOKEN_EXPIRED,
          'This confirmation link has expired. Subscribe again to get a new one.',
        );
      await tx.query(
        `UPDATE newsletter_subscriber SET status = 'CONFIRMED', confirmed_at = now(),
           confirmation_expires_at = NULL, unsubscribed_at = NULL,
           failure_count = 0, last_error = NULL, last_failure_at = NULL, bouncing_at = NULL
         WHERE id = $1`,
        [row.id],
      );
      await this.consents.grant(
        { email: row.email },
        ConsentPurpose.NEWSLETTER,
        row.consent_text_version,
        ConsentSource.NEWSLETTER_CONFIRMATION,
        tx,
      );
      return { email: row.email };
    });
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /**
   * Unsubscribes the address an issue was delivered to (the token in that mail), at once.
   * Idempotent: a second click (or the mail client's POST after the link) changes nothing
   * and records nothing. False for an unknown token.
   */
  async unsubscribeByToken(token: string): Promise<boolean> {
    if (!LINK_TOKEN.test(token)) return false;
    return this.db.transaction(async (tx) => {
      const [row]: { id: string; email: string; status: Status }[] = await tx.query(
        `SELECT s.id, s.email, s.status FROM newsletter_delivery d
         JOIN newsletter_subscriber s ON s.id = d.subscriber_id
         WHERE d.unsubscribe_token_hash = $1 FOR UPDATE OF s`,
        [hashLinkToken(token)],
      );
      if (!row) return false;
      await this.leave(row, ConsentSource.NEWSLETTER_UNSUBSCRIBE, tx);
      return true;
    });
  }

  async mine(user: AuthUser): Promise<MyNewsletterSubscription> {
    const email = await this.accountEmail(user.id);
    const [row]: SubscriberRow[] = await this.db.query(
      `SELECT * FROM newsletter_subscriber WHERE email = $1`,
      [email],
    );
    return this.view(email, row);
  }

  /**
   * The account's switch. On: confirmed at once (GRANTED, PRIVACY_CENTRE) with the wording
   * version shown. Off: WITHDRAWN (PRIVACY_CENTRE). Setting what already holds records nothing.
   */
  async setMine(
    user: AuthUser,
    subscribed: boolean,
    consentTextVersion?: string,
  ): Promise<MyNewsletterSubscription> {
    const email = await this.accountEmail(user.id);
    if (subscribed) {
      if (!consentTextVersion)
        throw badUserInput('Show the consent wording and send its version', [
          { field: 'consentTextVersion', problems: ['required to subscribe'] },
        ]);
      this.assertWording(consentTextVersion);
    }
    await this.db.transaction(async (tx) => {
      const [row]: SubscriberRow[] = await tx.query(
        `SELECT * FROM newsletter_subscriber WHERE email = $1 FOR UPDATE`,
        [email],
      );
      if (!subscribed) {
        if (row) await this.leave(row, ConsentSource.PRIVACY_CENTRE, tx);
        return;
      }
      if (row?.status === Status.CONFIRMED && !row.bouncing_at) return;
      await this.confirmKnownAddress(email, consentTextVersion!, ConsentSource.PRIVACY_CENTRE, tx);
    });
    return this.mine(user);
  }

  /**
   * The account's address changed (in the change's transaction). Its subscription row, of
   * whatever status, moves to the new address with its deliveries (old issues' unsubscribe
   * links still work); if the new address already has a row, that row stays and the old one
   * goes. A confirmed subscription stays confirmed — opening the change link proved the new
   * address the person's, as the switch assumes — so the old address's consent is withdrawn
   * and the new one's granted with the wording it was given under (EMAIL_CHANGE), unless the
   * new address is already confirmed on its own. Bounces were the old address's.
   */
  async followEmailChange({ from, to }: EmailAddressChange, tx: EntityManager): Promise<void> {
    const rows: SubscriberRow[] = await tx.query(
      `SELECT * FROM newsletter_subscriber WHERE email IN ($1, $2) ORDER BY email FOR UPDATE`,
      [from, to],
    );
    const old = rows.find((r) => r.email === from);
    const theirs = rows.find((r) => r.email === to);
    if (!old) return;
    if (theirs) {
      await tx.query(`DELETE FROM newsletter_subscriber WHERE id = $1`, [old.id]);
    } else {
      await tx.query(
        `UPDATE newsletter_subscriber SET email = $2,
           failure_count = 0, last_error = NULL, last_failure_at = NULL, bouncing_at = NULL
         WHERE id = $1`,
        [old.id, to],
      );
    }
    if (old.status !== Status.CONFIRMED) return;
    await this.consents.withdraw(
      { email: from },
      ConsentPurpose.NEWSLETTER,
      ConsentSource.EMAIL_CHANGE,
      tx,
    );
    if (theirs?.status === Status.CONFIRMED && !theirs.bouncing_at) return;
    await this.confirmKnownAddress(to, old.consent_text_version, ConsentSource.EMAIL_CHANGE, tx);
  }

  /** The purge job: unconfirmed addresses older than the retention period; how many went. */
  async purgeUnconfirmed(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - NEWSLETTER_UNCONFIRMED_RETENTION_DAYS * DAY_MS);
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM newsletter_subscriber WHERE status = 'PENDING' AND requested_at < $1`,
      [cutoff],
    );
    if (count) this.logger.log(`purged ${count} unconfirmed newsletter addresses`);
    return count;
  }

  /** Export (RODO art. 15): the account's address's subscription and its consent history. */
  async exportFor(userId: string, manager: EntityManager) {
    const email = await this.accountEmail(userId, manager);
    const [row]: SubscriberRow[] = await manager.query(
      `SELECT * FROM newsletter_subscriber WHERE email = $1`,
      [email],
    );
    const history = await this.consents.history({ email }, manager);
    return {
      subscription: row
        ? {
            email: row.email,
            status: row.status,
            consentTextVersion: row.consent_text_version,
            requestedAt: row.requested_at.toISOString(),
            confirmedAt: row.confirmed_at?.toISOString() ?? null,
            unsubscribedAt: row.unsubscribed_at?.toISOString() ?? null,
            failureCount: row.failure_count,
            lastError: row.last_error,
            bouncingSince: row.bouncing_at?.toISOString() ?? null,
          }
        : null,
      consentHistory: history
        .filter((c) => c.purpose === ConsentPurpose.NEWSLETTER)
        .map((c) => ({
          action: c.action,
          textVersion: c.textVersion,
          source: c.source,
          at: c.createdAt.toISOString(),
        })),
    };
  }

  /** Erasure: the subscriber row goes (deliveries keep only counts); consent rows lose the address. */
  async eraseFor(userId: string, manager: EntityManager): Promise<void> {
    const email = await this.accountEmail(userId, manager);
    await manager.query(`DELETE FROM newsletter_subscriber WHERE email = $1`, [email]);
    await this.consents.erase({ email }, manager);
  }

  /**
   * Confirms an address known to be the signed-in person's at once, with the wording
   * `version`, and records the consent: no confirmation mail.
   */
  private async confirmKnownAddress(
    email: string,
    version: string,
    source: ConsentSource,
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO newsletter_subscriber (email, status, consent_text_version, confirmed_at)
       VALUES ($1, 'CONFIRMED', $2, now())
       ON CONFLICT (email) DO UPDATE SET status = 'CONFIRMED',
         consent_text_version = EXCLUDED.consent_text_version, confirmed_at = now(),
         confirmation_token_hash = NULL, confirmation_expires_at = NULL, unsubscribed_at = NULL,
         failure_count = 0, last_error = NULL, last_failure_at = NULL, bouncing_at = NULL`,
      [email, version],
    );
    await this.consents.grant({ email }, ConsentPurpose.NEWSLETTER, version, source, tx);
  }

  private async leave(
    row: { id: string; email: string; status: Status },
    source: ConsentSource,
    tx: EntityManager,
  ): Promise<void> {
    if (row.status === Status.UNSUBSCRIBED) return;
    await tx.query(
      `UPDATE newsletter_subscriber SET status = 'UNSUBSCRIBED', unsubscribed_at = now(),
         confirmation_token_hash = NULL, confirmation_expires_at = NULL WHERE id = $1`,
      [row.id],
    );
    // A pending address never consented: there is nothing to withdraw.
    if (row.status === Status.CONFIRMED)
      await this.consents.withdraw({ email: row.email }, ConsentPurpose.NEWSLETTER, source, tx);
  }

  private assertWording(version: string) {
    if (!isConsentTextVersion(ConsentPurpose.NEWSLETTER, version))
      throw badUserInput(
        `Unknown consent wording "${version}"; reload the page to see the current one (${currentConsentText(ConsentPurpose.NEWSLETTER).version})`,
        [{ field: 'consentTextVersion', problems: ['unknown version'] }],
      );
  }

  private async accountEmail(
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<string> {
    const [user]: { email: string }[] = await manager.query(
      `SELECT email FROM app_user WHERE id = $1`,
      [userId],
    );
    return normalise(user.email);
  }

  private view(email: string, row: SubscriberRow | undefined): MyNewsletterSubscription {
    const since =
      row?.status === Status.CONFIRMED
        ? row.confirmed_at
        : row?.status === Status.UNSUBSCRIBED
          ? row.unsubscribed_at
          : (row?.requested_at ?? null);
    return {
      email,
      subscribed: row?.status === Status.CONFIRMED,
      status: row?.status ?? null,
      since,
      bouncing: !!row?.bouncing_at,
    };
  }
}
