import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry } from '@civitas/api/personal-data';
import type {
  AfterErasure,
  PersonalDataContributor,
  PersonalDataSection,
} from '@civitas/api/personal-data';
import { EventsService, PromotedRow } from './events.service';

/**
 * The events' part of a person's data. Export: every registration (event, status, when, the
 * city and position recorded). Erasure: registrations for events still to come are deleted
 * (a freed seat goes to the waiting list, as on a cancellation); on past events the row stays —
 * the organiser's attendance count must not change — with the city and position blanked, and
 * the person behind it anonymised with the account. Those moved up are told after the erasure
 * commits.
 */
@Injectable()
export class EventsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'events';

  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly events: EventsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<PersonalDataSection> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT e.id AS "eventId", e.title AS "eventTitle", e.type AS "eventType",
              e.starts_at AS "eventStartsAt", r.status, r.created_at AS "registeredAt",
              r.promoted_at AS "promotedAt", r.cancelled_at AS "cancelledAt",
              r.city_name AS "cityName", r.position
       FROM event_registration r JOIN association_event e ON e.id = r.event_id
       WHERE r.user_id = $1 ORDER BY r.created_at, r.id`,
      [userId],
    );
    return {
      data: {
        registrations: rows.map((r) => ({
          ...r,
          eventStartsAt: (r['eventStartsAt'] as Date).toISOString(),
          registeredAt: (r['registeredAt'] as Date).toISOString(),
          promotedAt: (r['promotedAt'] as Date | null)?.toISOString() ?? null,
          cancelledAt: (r['cancelledAt'] as Date | null)?.toISOString() ?? null,
        })),
      },
    };
  }

  async erase(userId: string, manager: EntityManager): Promise<AfterErasure> {
    const future: { id: string; event_id: string; status: string }[] = await manager.query(
      `SELECT r.id, r.event_id, r.status FROM event_registration r
       JOIN association_event e ON e.id = r.event_id
       WHERE r.user_id = $1 AND e.starts_at > now() ORDER BY r.event_id
       FOR UPDATE OF e`,
      [userId],
    );
    const promoted: PromotedRow[] = [];
    for (const r of future) {
      if (r.status !== 'CANCELLED') {
        promoted.push(...(await this.events.cancelAndPromote(manager, r.id, r.event_id)));
      }
      await manager.query(`DELETE FROM event_registration WHERE id = $1`, [r.id]);
    }
    await manager.query(
      `UPDATE event_registration SET city_name = NULL, position = NULL WHERE user_id = $1`,
      [userId],
    );
    // Told once the erasure commits: a rolled-back erasure promoted nobody.
    return async () => {
      for (const event of new Set(promoted.map((p) => p.eventId))) {
        await this.events.announcePromotions(promoted.filter((p) => p.eventId === event));
      }
    };
  }
}
