import type { EntityManager } from 'typeorm';
import { ERASED_PERSON_NAME, foldForSearch } from '@civitas/shared/domain';
import { ConsentLog } from '@civitas/api/personal-data';

/** An erased account's address: unique, never deliverable (.invalid, RFC 2606). */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

/**
 * The account's own part of the export: what the privacy centre itself keeps about the
 * person (the account, sessions, consents, requests, acknowledgements, audit entries) and
 * what core libraries keep (the personal calendar feed).
 */
export async function exportAccount(
  userId: string,
  manager: EntityManager,
  consents: ConsentLog,
): Promise<Record<string, unknown>> {
  const [[account], sessions, requests, acknowledgements, erasures, audit, [calendar], history] = [
    await manager.query(
      `SELECT u.id, u.email, u.name, u.position, u.department, u.phone, u.role,
                u.is_legal_officer AS "isLegalOfficer", u.locale, u.created_at AS "createdAt",
                u.updated_at AS "updatedAt", u.processing_restricted_at AS "processingRestrictedAt",
                o.name AS organisation
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    ),
    await manager.query(
      `SELECT created_at AS "createdAt", expires_at AS "expiresAt", rotated_at AS "rotatedAt",
                revoked_at AS "revokedAt", revoked_reason AS "revokedReason",
                ip, user_agent AS "userAgent"
         FROM refresh_token WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    ),
    await manager.query(
      `SELECT kind, details, status, created_at AS "createdAt", resolved_at AS "resolvedAt",
                resolution_note AS "resolutionNote"
         FROM privacy_request WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    ),
    await manager.query(
      `SELECT n.version, a.acknowledged_at AS "acknowledgedAt"
         FROM privacy_notice_acknowledgement a JOIN privacy_notice n ON n.id = a.notice_id
         WHERE a.user_id = $1 ORDER BY n.version`,
      [userId],
    ),
    await manager.query(
      `SELECT requested_at AS "requestedAt", due_at AS "dueAt", cancelled_at AS "cancelledAt"
         FROM erasure_request WHERE user_id = $1 ORDER BY requested_at`,
      [userId],
    ),
    await manager.query(
      `SELECT action, entity_type AS "entityType", entity_id AS "entityId", details,
                created_at AS "createdAt", (actor_id = $1) AS "byYou"
         FROM audit_entry WHERE actor_id = $1 OR entity_id = $1 ORDER BY created_at`,
      [userId],
    ),
    await manager.query(
      `SELECT created_at AS "since" FROM calendar_feed_token WHERE user_id = $1`,
      [userId],
    ),
    await consents.history({ userId }, manager),
  ];
  return {
    account,
    sessions,
    // With the address of those kept under one the account had before (the newsletter's).
    consents: history.map((c) => ({
      email: c.email,
      purpose: c.purpose,
      action: c.action,
      textVersion: c.textVersion,
      source: c.source,
      createdAt: c.createdAt,
    })),
    privacyRequests: requests,
    privacyNoticeAcknowledgements: acknowledgements,
    erasureRequests: erasures,
    auditEntries: audit,
    calendarFeedSince: calendar?.since ?? null,
  };
}

/**
 * The account's own part of an erasure, after every domain's: sessions, reset tokens, the
 * calendar feed, consent e-mails, the texts of privacy requests, audit details
 * naming the person; the account keeps its id (contributions point to it) under the
 * anonymous name, closed.
 */
export async function eraseAccount(
  userId: string,
  manager: EntityManager,
  consents: ConsentLog,
): Promise<void> {
  const [person]: { email: string; name: string }[] = await manager.query(
    `SELECT email, name FROM app_user WHERE id = $1 FOR UPDATE`,
    [userId],
  );
  await manager.query(`DELETE FROM refresh_token WHERE user_id = $1`, [userId]);
  await manager.query(`DELETE FROM password_reset_token WHERE user_id = $1`, [userId]);
  await manager.query(`DELETE FROM data_export WHERE user_id = $1`, [userId]);
  await manager.query(`DELETE FROM calendar_feed_token WHERE user_id = $1`, [userId]);
  await manager.query(
    `UPDATE privacy_request SET details = NULL, resolution_note = NULL WHERE user_id = $1`,
    [userId],
  );
  // Entries about the person, or whose details name them, keep who-did-what but lose the words.
  await manager.query(
    `UPDATE audit_entry SET details = '{}'::jsonb
     WHERE entity_id = $1 OR strpos(lower(details::text), lower($2)) > 0
        OR strpos(details::text, $3) > 0`,
    [userId, person.email, person.name],
  );
  await consents.erase({ userId }, manager);
  await consents.erase({ email: person.email }, manager);
  await manager.query(
    `UPDATE app_user SET email = $2, name = $3, name_folded = $4, position = NULL,
       department = NULL, phone = NULL, password_hash = '!erased',
       deactivated_at = coalesce(deactivated_at, now()), processing_restricted_at = NULL,
       session_version = session_version + 1, updated_at = now()
     WHERE id = $1`,
    [userId, erasedEmail(userId), ERASED_PERSON_NAME, foldForSearch(ERASED_PERSON_NAME)],
  );
}
