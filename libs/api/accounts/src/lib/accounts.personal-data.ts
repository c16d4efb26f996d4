import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * E-mail changes in a person's data: each request's new address and what became of it.
 * Erasure deletes them (a pending one holds an address the account never had).
 *
 * Invitations in a person's data: those that brought them in (to their address or accepted
 * by them) and those they sent (without the invitees' addresses: those are the invitees'
 * data). Erasure deletes the invitations to their address; sent ones keep only the id.
 */
@Injectable()
export class AccountsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'emailChanges',
      export: async (userId: string, manager: EntityManager) => ({
        data: await manager.query(
          `SELECT new_email AS "newEmail", created_at AS "requestedAt", expires_at AS "expiresAt",
                  confirmed_at AS "confirmedAt", superseded_at AS "supersededAt"
           FROM email_change_request WHERE user_id = $1 ORDER BY created_at`,
          [userId],
        ),
      }),
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(`DELETE FROM email_change_request WHERE user_id = $1`, [userId]);
      },
    });
    this.registry.register({
      section: 'invitations',
      export: async (userId: string, manager: EntityManager) => {
        const [received, sent] = [
          await manager.query(
            `SELECT i.email, o.name AS organisation, i.role, i.is_legal_officer AS "isLegalOfficer",
                    i.created_at AS "createdAt", i.expires_at AS "expiresAt",
                    i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"
             FROM invitation i JOIN organisation o ON o.id = i.organisation_id
             WHERE i.accepted_user_id = $1 OR i.email = (SELECT email FROM app_user WHERE id = $1)
             ORDER BY i.created_at`,
            [userId],
          ),
          await manager.query(
            `SELECT o.name AS organisation, i.role, i.created_at AS "createdAt",
                    i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt"
             FROM invitation i JOIN organisation o ON o.id = i.organisation_id
             WHERE i.invited_by_id = $1 ORDER BY i.created_at`,
            [userId],
          ),
        ];
        return { data: { received, sent } };
      },
      erase: async (userId: string, manager: EntityManager) => {
        await manager.query(
          `DELETE FROM invitation
           WHERE accepted_user_id = $1 OR email = (SELECT email FROM app_user WHERE id = $1)`,
          [userId],
        );
      },
    });
  }
}
