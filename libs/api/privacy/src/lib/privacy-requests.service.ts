import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CONSENT_TEXTS,
  ConsentPurpose,
  ConsentSource,
  OFFICE_PRIVACY_REQUESTS,
  PrivacyRequestKind,
  PrivacyRequestStatus,
} from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { AuditService } from '@civitas/api/audit';
import { conflict, Connection, decodeCursor, notFound, toConnection } from '@civitas/api/core';
import { ConsentLog } from '@civitas/api/personal-data';
import { PrivacyRequestsArgs, ResolvePrivacyRequestInput } from './dto/privacy.inputs';
import { PrivacyRequestAlerts } from './privacy-request-alerts';
import { REQUEST_DUE_ON_SQL } from './privacy-request-deadline';
import { CurrentConsent, PrivacyCentre, PrivacyRequest } from './privacy.types';

interface RequestRow {
  id: string;
  kind: PrivacyRequestKind;
  details: string | null;
  status: PrivacyRequestStatus;
  created_at: Date;
  due_on: string | null;
  overdue: boolean;
  resolved_at: Date | null;
  resolution_note: string | null;
  person_name?: string;
  person_email?: string;
}

const DUE_ON = `CASE WHEN r.kind = ANY($OFFICE::text[])
  THEN to_char(${REQUEST_DUE_ON_SQL}, 'YYYY-MM-DD') END`;
const COLUMNS = (office: string) => {
  const due = DUE_ON.replace('$OFFICE', office);
  return `r.id, r.kind, r.details, r.status, r.created_at, r.resolved_at, r.resolution_note,
    ${due} AS due_on,
    (r.status = 'OPEN' AND ${due} < to_char(now() AT TIME ZONE 'Europe/Warsaw', 'YYYY-MM-DD')) AS overdue`;
};

const toRequest = (r: RequestRow): PrivacyRequest => ({
  id: r.id,
  kind: r.kind,
  details: r.details,
  status: r.status,
  createdAt: r.created_at,
  dueOn: r.due_on,
  overdue: r.overdue,
  resolvedAt: r.resolved_at,
  resolutionNote: r.resolution_note,
  personName: r.person_name ?? null,
  personEmail: r.person_email ?? null,
});

/**
 * The data-subject rights that are a request: restriction (at once), objection and any
 * free-text request (the office answers within a month), and consents.
 */
@Injectable()
export class PrivacyRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consents: ConsentLog,
    private readonly audit: AuditService,
    private readonly alerts: PrivacyRequestAlerts,
  ) {}

  async centre(user: AuthUser): Promise<PrivacyCentre> {
    const [[account], requests, pending, consents] = await Promise.all([
      this.db.query(`SELECT processing_restricted_at FROM app_user WHERE id = $1`, [user.id]),
      this.db.query(
        `SELECT ${COLUMNS('$2')} FROM privacy_request r WHERE r.user_id = $1
         ORDER BY r.created_at DESC, r.id DESC LIMIT 100`,
        [user.id, OFFICE_PRIVACY_REQUESTS],
      ) as Promise<RequestRow[]>,
      this.db.query(
        `SELECT id, requested_at, due_at FROM erasure_request
         WHERE user_id = $1 AND cancelled_at IS NULL AND performed_at IS NULL`,
        [user.id],
      ) as Promise<{ id: string; requested_at: Date; due_at: Date }[]>,
      this.currentConsents(user.id),
    ]);
    return {
      processingRestricted: !!account.processing_restricted_at,
      processingRestrictedAt: account.processing_restricted_at,
      pendingErasure: pending[0]
        ? { id: pending[0].id, requestedAt: pending[0].requested_at, dueAt: pending[0].due_at }
        : null,
      consents,
      requests: requests.map(toRequest),
    };
  }

  async currentConsents(userId: string, manager?: EntityManager): Promise<CurrentConsent[]> {
    const current = await this.consents.current({ userId }, manager);
    return [...current.values()].map((record) => {
      const text =
        CONSENT_TEXTS[record.purpose].find((t) => t.version === record.textVersion) ??
        CONSENT_TEXTS[record.purpose][0];
      return {
        purpose: record.purpose,
        action: record.action,
        textVersion: record.textVersion,
        textPl: text.pl,
        textEn: text.en,
        recordedAt: record.createdAt,
      };
    });
  }

  /** Withdrawal takes effect at once (every mailing reads the log); CONFLICT if not granted. */
  async withdrawConsent(user: AuthUser, purpose: ConsentPurpose): Promise<CurrentConsent[]> {
    await this.db.transaction(async (tx) => {
      // One withdrawal at a time per person, so two clicks write one record.
      await tx.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [user.id]);
      if (!(await this.consents.isGranted({ userId: user.id }, purpose, tx))) {
        throw conflict('This consent is not given, so there is nothing to withdraw');
      }
      await this.consents.withdraw({ userId: user.id }, purpose, ConsentSource.PRIVACY_CENTRE, tx);
    });
    return this.currentConsents(user.id);
  }

  /** Restriction (art. 18) takes effect at once: directories and mailings skip the person. */
  async restrict(user: AuthUser, reason: string): Promise<PrivacyCentre> {
    await this.db.transaction(async (tx) => {
      const [, changed] = await tx.query(
        `UPDATE app_user SET processing_restricted_at = now()
         WHERE id = $1 AND processing_restricted_at IS NULL`,
        [user.id],
      );
      if (!changed) throw conflict('Processing of your data is already restricted');
      await this.record(tx, user.id, PrivacyRequestKind.RESTRICTION, reason.trim(), true);
    });
    return this.centre(user);
  }

  async liftRestriction(user: AuthUser): Promise<PrivacyCentre> {
    await this.db.transaction(async (tx) => {
      const [, changed] = await tx.query(
        `UPDATE app_user SET processing_restricted_at = NULL
         WHERE id = $1 AND processing_restricted_at IS NOT NULL`,
        [user.id],
      );
      if (!changed) throw conflict('Processing of your data is not restricted');
      await this.record(tx, user.id, PrivacyRequestKind.RESTRICTION_LIFTED, null, true);
    });
    return this.centre(user);
  }

  /** An objection (art. 21) or any other request: into the office's queue, which is told. */
  async file(
    user: AuthUser,
    kind: PrivacyRequestKind.OBJECTION | PrivacyRequestKind.OTHER,
    details: string,
  ): Promise<PrivacyRequest> {
    const id = await this.db.transaction((tx) =>
      this.record(tx, user.id, kind, details.trim(), false),
    );
    const request = await this.one(id);
    await this.alerts.filed(request, user.id);
    return request;
  }

  /** The office's queue: open requests overdue first, then by due date. */
  async queue(args: PrivacyRequestsArgs): Promise<Connection<PrivacyRequest>> {
    const params: unknown[] = [OFFICE_PRIVACY_REQUESTS, args.status, args.first + 1];
    let after = '';
    if (args.after) {
      const [created, id] = decodeCursor(args.after, 2);
      params.push(created, id);
      after = `AND (date_trunc('milliseconds', r.created_at), r.id) > ($4::timestamptz, $5::uuid)`;
    }
    // Oldest receipt first is overdue-first: every request has the same one-month term.
    const [rows, [{ total }]]: [RequestRow[], { total: number }[]] = await Promise.all([
      this.db.query(
        `SELECT ${COLUMNS('$1')}, u.name AS person_name, u.email AS person_email
         FROM privacy_request r JOIN app_user u ON u.id = r.user_id
         WHERE r.kind = ANY($1::text[]) AND r.status = $2 ${after}
         ORDER BY date_trunc('milliseconds', r.created_at), r.id LIMIT $3`,
        params,
      ),
      this.db.query(
        `SELECT count(*)::int AS total FROM privacy_request
         WHERE kind = ANY($1::text[]) AND status = $2`,
        [OFFICE_PRIVACY_REQUESTS, args.status],
      ),
    ]);
    return toConnection(rows.map(toRequest), args.first, total, (r) => [
      r.createdAt.toISOString(),
      r.id,
    ]);
  }

  async resolve(actor: AuthUser, input: ResolvePrivacyRequestInput): Promise<PrivacyRequest> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT status FROM privacy_request WHERE id = $1 AND kind = ANY($2::text[]) FOR UPDATE`,
        [input.id, OFFICE_PRIVACY_REQUESTS],
      );
      if (!row) throw notFound('Privacy request');
      if (row.status !== PrivacyRequestStatus.OPEN)
        throw conflict('This request is already resolved');
      await tx.query(
        `UPDATE privacy_request SET status = 'RESOLVED', resolved_at = now(), resolved_by_id = $2,
           resolution_note = $3 WHERE id = $1`,
        [input.id, actor.id, input.note.trim()],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'privacy.request.resolved',
          entityType: 'privacy_request',
          entityId: input.id,
        },
        tx,
      );
    });
    return this.one(input.id);
  }

  private async one(id: string): Promise<PrivacyRequest> {
    const [row]: RequestRow[] = await this.db.query(
      `SELECT ${COLUMNS('$2')}, u.name AS person_name, u.email AS person_email
       FROM privacy_request r JOIN app_user u ON u.id = r.user_id WHERE r.id = $1`,
      [id, OFFICE_PRIVACY_REQUESTS],
    );
    return toRequest(row);
  }

  private async record(
    tx: EntityManager,
    userId: string,
    kind: PrivacyRequestKind,
    details: string | null,
    done: boolean,
  ): Promise<string> {
    const [row] = await tx.query(
      `INSERT INTO privacy_request (user_id, kind, details, status, resolved_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, kind, details, done ? 'RESOLVED' : 'OPEN', done ? new Date() : null],
    );
    await this.audit.record(
      {
        actorId: userId,
        action: `privacy.request.${kind.toLowerCase()}`,
        entityType: 'privacy_request',
        entityId: row.id,
      },
      tx,
    );
    return row.id;
  }
}
