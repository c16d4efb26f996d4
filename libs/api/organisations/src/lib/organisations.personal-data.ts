import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';

/**
 * The person among a city's people: which organisation they belong to and whether the
 * people directory lists them. The organisation's own data is not personal; nothing to erase
 * here (the account's name and contact details go with the account).
 */
@Injectable()
export class OrganisationsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'organisation',
      export: async (userId: string, manager: EntityManager) => {
        const [row] = await manager.query(
          `SELECT o.name, o.teryt_code AS "terytCode", o.kind,
                  o.membership_status AS "membershipStatus",
                  (u.deactivated_at IS NULL AND u.processing_restricted_at IS NULL
                   AND u.role NOT IN ('EXPERT', 'GUEST')) AS "listedInPeopleDirectory"
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
          [userId],
        );
        return { data: row ?? null };
      },
      erase: async () => undefined,
    });
  }
}
