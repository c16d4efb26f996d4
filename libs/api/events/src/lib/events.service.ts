import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { stringify } from 'csv-stringify/sync';
import ical, { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DataSource, EntityManager } from 'typeorm';
import {
  ConsentPurpose,
  ConsentSource,
  EVENT_CANCELLATION_REASON_MAX,
  EVENT_CANCELLATION_REASON_MIN,
  EVENT_TIME_ZONE,
  EventAudience,
  EventRegistrationStatus,
  EventType,
  hasPermission,
  Permission,
  Role,
} from '@civitas/shared/domain';
import {
  badUserInput,
  conflict,
  decodeCursor,
  DomainEvent,
  notFound,
  toConnection,
} from '@civitas/api/core';
import type {
  Connection,
  PageArgs,
  EventCancelledEvent,
  EventWaitlistPromotedEvent,
} from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { renderMarkdown } from '@civitas/api/markdown';
import { ConsentLog } from '@civitas/api/personal-data';
import { MailQueue } from '@civitas/api/mail';
import { formatInTimeZone } from 'date-fns-tz';
import type {
  CancelEventInput,
  EventInput,
  EventMessageInput,
  EventsArgs,
  RegisterForEventInput,
} from './dto/events.inputs';
import type {
  AssociationEvent,
  EventInvitedCity,
  EventMailResult,
  EventParticipant,
  EventRegistration,
} from './events.types';

/** Whom the caller is, as far as event visibility goes. */
export interface EventViewer {
  id: string;
  role: Role;
  organisationId: string;
}

export interface EventRow {
  id: string;
  title: string;
  type: EventType;
  description: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  capacity: number | null;
  registration_deadline: Date | null;
  audience: EventAudience;
  group_id: string | null;
  group_name: string | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

const EVENT_COLUMNS = `e.id, e.title, e.type, e.description, e.starts_at, e.ends_at, e.place,
  e.online_url, e.capacity, e.registration_deadline, e.audience, e.group_id,
  (SELECT g.name FROM working_group g WHERE g.id = e.group_id) AS group_name,
  e.cancelled_at, e.cancellation_reason, e.created_at, e.updated_at`;

/**
 * SQL: whether the viewer ($1 user id, $2 organisation id, $3 sees all: the office, $4 sees
 * members' events: the office, experts and people of member cities) may see event `e`.
 * Visibility follows the audience; anything else answers NOT_FOUND.
 */
export const VISIBLE_SQL = `($3 OR (e.audience <> 'WORKING_GROUP' AND $4)
  OR (e.audience = 'WORKING_GROUP' AND EXISTS (SELECT 1 FROM group_membership gm
      WHERE gm.group_id = e.group_id AND gm.user_id = $1))
  OR (e.audience = 'MEMBERS_AND_INVITED_CITIES' AND EXISTS (SELECT 1 FROM association_event_city ec
      WHERE ec.event_id = e.id AND ec.organisation_id = $2)))`;

/** SQL: the latest EVENT_DATA_SHARING consent of registration `r`'s person is a grant. */
const SHARES_SQL = `coalesce((SELECT c.action = 'GRANTED' FROM consent_record c
  WHERE c.user_id = r.user_id AND c.purpose = 'EVENT_DATA_SHARING'
  ORDER BY c.created_at DESC, c.id DESC LIMIT 1), false)`;

/** SQL: a WAITLISTED registration `r`'s place in its queue (1: next). */
const WAITLIST_POSITION_SQL = `CASE WHEN r.status = 'WAITLISTED' THEN (SELECT count(*)::int
  FROM event_registration w WHERE w.event_id = r.event_id AND w.status = 'WAITLISTED'
    AND (w.created_at, w.id) <= (r.created_at, r.id)) END`;

/** An instant as Polish wall time, for people (mails, CSV, messages). */
export const warsaw = (d: Date) => formatInTimeZone(d, EVENT_TIME_ZONE, 'yyyy-MM-dd HH:mm');

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly consents: ConsentLog,
    private readonly mail: MailQueue,
    private readonly emitter: EventEmitter2,
  ) {}

  /** The person a signed link was made for, unless their account is deactivated (or gone). */
  async viewer(userId: string): Promise<EventViewer | null> {
    const [row]: EventViewer[] = await this.db.query(
      `SELECT id, role, organisation_id AS "organisationId" FROM app_user
       WHERE id = $1 AND deactivated_at IS NULL`,
      [userId],
    );
    return row ?? null;
  }

  /** [user, organisation, sees all, sees members' events] for VISIBLE_SQL. */
  async visibilityParams(
    viewer: EventViewer,
    q: EntityManager = this.db.manager,
  ): Promise<[string, string, boolean, boolean]> {
    const office = viewer.role === Role.OFFICE_ADMIN;
    let member = office || viewer.role === Role.EXPERT;
    if (!member && viewer.role !== Role.GUEST) {
      const [org]: { member: boolean }[] = await q.query(
        `SELECT membership_status = 'MEMBER' AS member FROM organisation WHERE id = $1`,
        [viewer.organisationId],
      );
      member = !!org?.member;
    }
    return [viewer.id, viewer.organisationId, office, member];
  }

  toEvent(row: EventRow): AssociationEvent {
    return {
      id: row.id,
      title: row.title,
      type: row.type,
      description: row.description,
      descriptionHtml: renderMarkdown(row.description).html,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      place: row.place,
      onlineUrl: row.online_url,
      capacity: row.capacity,
      registrationDeadline: row.registration_deadline,
      audience: row.audience,
      groupId: row.group_id,
      groupName: row.group_name,
      cancelledAt: row.cancelled_at,
      cancellationReason: row.cancellation_reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** The event if the viewer may see it; NOT_FOUND otherwise. `lock`: FOR UPDATE of the row. */
  async row(
    viewer: EventViewer,
    id: string,
    q: EntityManager = this.db.manager,
    lock = false,
  ): Promise<EventRow> {
    const params = await this.visibilityParams(viewer, q);
    const [row]: EventRow[] = await q.query(
      `SELECT ${EVENT_COLUMNS} FROM association_event e WHERE e.id = $5 AND ${VISIBLE_SQL}
       ${lock ? 'FOR UPDATE OF e' : ''}`,
      [...params, id],
    );
    if (!row) throw notFound('Event');
    return row;
  }

  async get(viewer: EventViewer, id: string): Promise<AssociationEvent> {
    return this.toEvent(await this.row(viewer, id));
  }

  /** Events the viewer may see, by start time; `from`/`to` bound a month or a list. */
  async list(viewer: EventViewer, args: EventsArgs): Promise<Connection<AssociationEvent>> {
    const params: unknown[] = await this.visibilityParams(viewer);
    const where = [VISIBLE_SQL];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (args.from) add((n) => `e.ends_at >= $${n}`, args.from);
    if (args.to) add((n) => `e.starts_at < $${n}`, args.to);
    if (args.types?.length) add((n) => `e.type = ANY($${n}::text[])`, args.types);
    const filter = where.join(' AND ');
    const countParams = [...params];
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      params.push(at, id);
      where.push(
        `(e.starts_at, e.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(args.first + 1);
    const [rows, [{ count }]]: [EventRow[], { count: number }[]] = await Promise.all([
      this.db.query(
        `SELECT ${EVENT_COLUMNS} FROM association_event e WHERE ${where.join(' AND ')}
         ORDER BY e.starts_at, e.id LIMIT $${params.length}`,
        params,
      ),
      this.db.query(
        `SELECT count(*)::int AS count FROM association_event e WHERE ${filter}`,
        countParams,
      ),
    ]);
    return toConnection(
      rows.map((r) => this.toEvent(r)),
      args.first,
      count,
      (e) => [e.startsAt.toISOString(), e.id],
    );
  }

  /** Whether the viewer organises the event: the office, or the coordinators of its group. */
  async organises(
    viewer: EventViewer,
    groupId: string | null,
    q: EntityManager = this.db.manager,
  ): Promise<boolean> {
    if (viewer.role === Role.OFFICE_ADMIN) return true;
    if (!groupId) return false;
    const [row] = await q.query(
      `SELECT 1 FROM group_membership WHERE group_id = $1 AND user_id = $2 AND role = 'COORDINATOR'`,
      [groupId, viewer.id],
    );
    return !!row;
  }

  /** For each group, whether the user coordinates it (batched). */
  async coordinates(userId: string, groupIds: readonly string[]): Promise<boolean[]> {
    const rows: { group_id: string }[] = await this.db.query(
      `SELECT group_id FROM group_membership
       WHERE user_id = $1 AND group_id = ANY($2::uuid[]) AND role = 'COORDINATOR'`,
      [userId, groupIds],
    );
    return groupIds.map((id) => rows.some((r) => r.group_id === id));
  }

  /**
   * The event the viewer organises; NOT_FOUND if they may not see it or do not organise it
   * (editing, cancelling, deleting and the organiser's tools all refuse so).
   */
  async organised(
    viewer: EventViewer,
    id: string,
    q: EntityManager = this.db.manager,
    lock = false,
  ): Promise<EventRow> {
    const row = await this.row(viewer, id, q, lock);
    if (!(await this.organises(viewer, row.group_id, q))) {
      throw notFound('Event');
    }
    return row;
  }

  /** Checks an input against the rules the columns also enforce, naming the field. */
  private async validate(user: AuthUser, input: EventInput, q: EntityManager): Promise<void> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) {
      throw badUserInput('The event must end after it starts', [
        { field: 'endsAt', problems: ['before or at the start'] },
      ]);
    }
    if (
      input.registrationDeadline &&
      input.registrationDeadline.getTime() > input.startsAt.getTime()
    ) {
      throw badUserInput('Registration must close by the time the event starts', [
        { field: 'registrationDeadline', problems: ['after the start'] },
      ]);
    }
    if (!input.place?.trim() && !input.onlineUrl?.trim()) {
      throw badUserInput('Give a place or an online meeting link', [
        { field: 'place', problems: ['neither a place nor a link'] },
      ]);
    }
    if ((input.audience === EventAudience.WORKING_GROUP) !== !!input.groupId) {
      throw badUserInput('A working group meeting names its group, and only it does', [
        { field: 'groupId', problems: ['required exactly for the WORKING_GROUP audience'] },
      ]);
    }
    if (
      input.type === EventType.WORKING_GROUP_MEETING &&
      input.audience !== EventAudience.WORKING_GROUP
    ) {
      throw badUserInput("A working group meeting is for the group's members", [
        { field: 'audience', problems: ['must be WORKING_GROUP'] },
      ]);
    }
    if (
      input.invitedCityIds.length &&
      input.audience !== EventAudience.MEMBERS_AND_INVITED_CITIES
    ) {
      throw badUserInput('Only an event for members and invited cities invites cities', [
        { field: 'invitedCityIds', problems: ['audience is not MEMBERS_AND_INVITED_CITIES'] },
      ]);
    }
    if (input.invitedCityIds.length) {
      const found: { id: string }[] = await q.query(
        `SELECT id FROM organisation WHERE id = ANY($1::uuid[]) AND membership_status <> 'MEMBER'
           AND kind <> 'ASSOCIATION_OFFICE'`,
        [input.invitedCityIds],
      );
      const missing = input.invitedCityIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) {
        throw badUserInput('Invite non-member cities only', [
          {
            field: 'invitedCityIds',
            problems: missing.map((id) => `${id}: not a non-member city`),
          },
        ]);
      }
    }
    if (input.groupId) {
      const [group] = await q.query(`SELECT 1 FROM working_group WHERE id = $1`, [input.groupId]);
      if (!group || !(await this.organises(user, input.groupId, q)))
        throw notFound('Working group');
    } else if (user.role !== Role.OFFICE_ADMIN) {
      // Coordinators organise their group's meetings; everything else is the office's.
      throw notFound('Working group');
    }
    renderMarkdown(input.description);
  }

  private values(input: EventInput): unknown[] {
    return [
      input.title.trim(),
      input.type,
      input.description,
      input.startsAt,
      input.endsAt,
      input.place?.trim() || null,
      input.onlineUrl?.trim() || null,
      input.capacity ?? null,
      input.registrationDeadline ?? null,
      input.audience,
      input.groupId ?? null,
    ];
  }

  async create(user: AuthUser, input: EventInput): Promise<AssociationEvent> {
    const id = await this.db.transaction(async (tx) => {
      await this.validate(user, input, tx);
      const [{ id }]: { id: string }[] = await tx.query(
        `INSERT INTO association_event (title, type, description, starts_at, ends_at, place,
           online_url, capacity, registration_deadline, audience, group_id, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [...this.values(input), user.id],
      );
      await this.setCities(tx, id, input.invitedCityIds);
      return id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, input: EventInput): Promise<AssociationEvent> {
    const promoted = await this.db.transaction(async (tx) => {
      const event = await this.organised(user, id, tx, true);
      if (event.cancelled_at)
        throw conflict('This event has been cancelled; it can no longer be edited');
      await this.validate(user, input, tx);
      await tx.query(
        `UPDATE association_event SET title = $1, type = $2, description = $3, starts_at = $4,
           ends_at = $5, place = $6, online_url = $7, capacity = $8, registration_deadline = $9,
           audience = $10, group_id = $11, updated_at = now() WHERE id = $12`,
        [...this.values(input), id],
      );
      await tx.query(`DELETE FROM association_event_city WHERE event_id = $1`, [id]);
      await this.setCities(tx, id, input.invitedCityIds);
      // More seats: the waiting list moves up at once.
      return this.fillSeats(tx, id);
    });
    await this.announcePromotions(promoted);
    return this.get(user, id);
  }

  private async setCities(tx: EntityManager, id: string, cityIds: string[]): Promise<void> {
    if (!cityIds.length) return;
    await tx.query(
      `INSERT INTO association_event_city (event_id, organisation_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, cityIds],
    );
  }

  async invitedCities(eventIds: readonly string[]): Promise<EventInvitedCity[][]> {
    const rows: { event_id: string; id: string; name: string }[] = await this.db.query(
      `SELECT ec.event_id, o.id, o.name FROM association_event_city ec
       JOIN organisation o ON o.id = ec.organisation_id
       WHERE ec.event_id = ANY($1::uuid[]) ORDER BY o.name_folded`,
      [eventIds],
    );
    return eventIds.map((id) =>
      rows.filter((r) => r.event_id === id).map((r) => ({ id: r.id, name: r.name })),
    );
  }

  /** Registered counts per event (batched). */
  async registeredCounts(
    eventIds: readonly string[],
  ): Promise<{ registered: number; waitlisted: number }[]> {
    const rows: { event_id: string; registered: number; waitlisted: number }[] =
      await this.db.query(
        `SELECT event_id, count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
       FROM event_registration WHERE event_id = ANY($1::uuid[]) AND status <> 'CANCELLED'
       GROUP BY event_id`,
        [eventIds],
      );
    return eventIds.map(
      (id) => rows.find((r) => r.event_id === id) ?? { registered: 0, waitlisted: 0 },
    );
  }

  /** The viewer's live registrations for the events (batched). */
  async viewerRegistrations(
    userId: string,
    eventIds: readonly string[],
  ): Promise<(EventRegistration | null)[]> {
    const rows: (EventRegistration & { event_id: string })[] = await this.db.query(
      `SELECT r.id, r.event_id, r.event_id AS "eventId", r.status, r.created_at AS "createdAt",
              r.promoted_at AS "promotedAt", ${WAITLIST_POSITION_SQL} AS "waitlistPosition"
       FROM event_registration r
       WHERE r.user_id = $1 AND r.event_id = ANY($2::uuid[]) AND r.status <> 'CANCELLED'`,
      [userId, eventIds],
    );
    return eventIds
      .map((id) => rows.find((r) => r.event_id === id) ?? null)
      .map((r) => {
        if (!r) return null;
        const { event_id: _, ...registration } = r;
        return registration;
      });
  }

  private async registration(q: EntityManager, id: string): Promise<EventRegistration> {
    const [row]: EventRegistration[] = await q.query(
      `SELECT r.id, r.event_id AS "eventId", r.status, r.created_at AS "createdAt",
              r.promoted_at AS "promotedAt", ${WAITLIST_POSITION_SQL} AS "waitlistPosition"
       FROM event_registration r WHERE r.id = $1`,
      [id],
    );
    return row;
  }

  /**
   * Registers the viewer. The event row is locked, so two people taking the last seat at
   * once are served one after the other: one registered, one waitlisted.
   */
  async register(
    user: AuthUser,
    eventId: string,
    input: RegisterForEventInput,
  ): Promise<EventRegistration> {
    if (input.shareData && !input.consentTextVersion) {
      throw badUserInput('Sharing needs the consent wording you agreed to', [
        { field: 'consentTextVersion', problems: ['required when sharing'] },
      ]);
    }
    return this.db.transaction(async (tx) => {
      const event = await this.row(user, eventId, tx, true);
      if (event.cancelled_at) {
        throw conflict('This event has been cancelled; registration is closed');
      }
      const closes = event.registration_deadline ?? event.starts_at;
      if (Date.now() > closes.getTime()) {
        throw conflict(`Registration for this event closed on ${warsaw(closes)} (Polish time)`);
      }
      const [existing] = await tx.query(
        `SELECT 1 FROM event_registration WHERE event_id = $1 AND user_id = $2 AND status <> 'CANCELLED'`,
        [eventId, user.id],
      );
      if (existing)
        throw conflict('You are already registered for this event (or on its waiting list)');
      const [{ registered }]: { registered: number }[] = await tx.query(
        `SELECT count(*)::int AS registered FROM event_registration
         WHERE event_id = $1 AND status = 'REGISTERED'`,
        [eventId],
      );
      const status =
        event.capacity === null || registered < event.capacity
          ? EventRegistrationStatus.REGISTERED
          : EventRegistrationStatus.WAITLISTED;
      const [{ id }]: { id: string }[] = await tx.query(
        // clock_timestamp(), not now(): the queue's order is the order the lock was taken in,
        // not when each transaction began.
        `INSERT INTO event_registration (event_id, user_id, status, city_name, position, created_at)
         SELECT $1, u.id, $3, o.name, u.position, clock_timestamp() FROM app_user u
         JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $2 RETURNING id`,
        [eventId, user.id, status],
      );
      await this.recordSharing(user.id, input, tx);
      return this.registration(tx, id);
    });
  }

  /** Records the sharing choice when it differs from the person's current one. */
  private async recordSharing(
    userId: string,
    input: RegisterForEventInput,
    tx: EntityManager,
  ): Promise<void> {
    const subject = { userId };
    const granted = await this.consents.isGranted(subject, ConsentPurpose.EVENT_DATA_SHARING, tx);
    if (input.shareData && !granted) {
      await this.consents.grant(
        subject,
        ConsentPurpose.EVENT_DATA_SHARING,
        input.consentTextVersion!,
        ConsentSource.EVENT_REGISTRATION,
        tx,
      );
    } else if (!input.shareData && granted) {
      await this.consents.withdraw(
        subject,
        ConsentPurpose.EVENT_DATA_SHARING,
        ConsentSource.EVENT_REGISTRATION,
        tx,
      );
    }
  }

  /**
   * Cancels the viewer's own registration; a freed seat goes to the first on the waiting list
   * in the same transaction. Someone else's registration: NOT_FOUND.
   */
  async cancel(user: AuthUser, registrationId: string): Promise<AssociationEvent> {
    const { eventId, promoted } = await this.db.transaction(async (tx) => {
      const [own]: { event_id: string }[] = await tx.query(
        `SELECT event_id FROM event_registration WHERE id = $1 AND user_id = $2 AND status <> 'CANCELLED'`,
        [registrationId, user.id],
      );
      if (!own) throw notFound('Registration');
      const event = await this.row(user, own.event_id, tx, true);
      if (Date.now() >= event.starts_at.getTime()) {
        throw conflict('The event has started; a registration can no longer be cancelled');
      }
      const promoted = await this.cancelAndPromote(tx, registrationId, own.event_id);
      return { eventId: own.event_id, promoted };
    });
    await this.announcePromotions(promoted);
    return this.get(user, eventId);
  }

  /**
   * Cancels a registration and fills the seats now free; the caller holds the event row's
   * lock. Returns who was promoted.
   */
  async cancelAndPromote(
    tx: EntityManager,
    registrationId: string,
    eventId: string,
  ): Promise<PromotedRow[]> {
    await tx.query(
      `UPDATE event_registration SET status = 'CANCELLED', cancelled_at = now() WHERE id = $1`,
      [registrationId],
    );
    return this.fillSeats(tx, eventId);
  }

  /**
   * Moves the first waitlisted people up while seats are free (event row locked); nobody
   * moves up to a cancelled event.
   */
  private async fillSeats(tx: EntityManager, eventId: string): Promise<PromotedRow[]> {
    return tx.query(
      `WITH event AS (SELECT capacity FROM association_event WHERE id = $1),
       free AS (SELECT CASE WHEN e.capacity IS NULL THEN NULL ELSE e.capacity - (SELECT count(*)
                  FROM event_registration WHERE event_id = $1 AND status = 'REGISTERED') END AS n
                FROM event e),
       next AS (SELECT r.id FROM event_registration r WHERE r.event_id = $1 AND r.status = 'WAITLISTED'
                  AND NOT EXISTS (SELECT 1 FROM association_event c WHERE c.id = $1
                                    AND c.cancelled_at IS NOT NULL)
                ORDER BY r.created_at, r.id
                LIMIT (SELECT CASE WHEN n IS NULL THEN NULL ELSE greatest(n, 0) END FROM free)),
       promoted AS (UPDATE event_registration r SET status = 'REGISTERED', promoted_at = now()
                    FROM next WHERE r.id = next.id RETURNING r.user_id)
       -- A SELECT around the UPDATE, so the driver answers rows (not [rows, count]).
       SELECT p.user_id AS "userId", e.id AS "eventId", e.title, e.starts_at AS "startsAt"
       FROM promoted p CROSS JOIN association_event e WHERE e.id = $1`,
      [eventId],
    );
  }

  async announcePromotions(promoted: PromotedRow[]): Promise<void> {
    if (!promoted.length) return;
    const event: EventWaitlistPromotedEvent = {
      eventId: promoted[0].eventId,
      eventTitle: promoted[0].title,
      startsAt: warsaw(promoted[0].startsAt),
      recipientIds: promoted.map((p) => p.userId),
    };
    this.emitter.emit(DomainEvent.EVENT_WAITLIST_PROMOTED, event);
  }

  /**
   * SQL: which registrations `r` the viewer ($3) sees, $2 telling whether they organise the
   * event. The organiser (and the office) see everyone — they need the data to run the event;
   * a registered participant sees the participants who consented to share, and themselves;
   * anyone else only themselves.
   */
  private static readonly PARTICIPANTS_SEEN_SQL = `($2::boolean OR r.user_id = $3
    OR (r.status = 'REGISTERED' AND ${SHARES_SQL}
        AND EXISTS (SELECT 1 FROM event_registration me WHERE me.event_id = r.event_id
                      AND me.user_id = $3 AND me.status = 'REGISTERED')))`;

  /**
   * The participant list, then the waiting list (in the order of the queue), a page at a time.
   * A cursor belongs to its event: another event's, or a forged one, answers BAD_USER_INPUT.
   */
  async participants(
    viewer: EventViewer,
    event: { id: string; groupId: string | null },
    args: PageArgs,
  ): Promise<Connection<EventParticipant>> {
    const organiser = await this.organises(viewer, event.groupId);
    let after: [number, string, string] | [null, null, null] = [null, null, null];
    if (args.after) {
      const [eventId, waitlisted, at, id] = decodeCursor(args.after, 4);
      if (eventId !== event.id || (waitlisted !== 0 && waitlisted !== 1) || !isUUID(id)) {
        throw badUserInput('The cursor is not valid; start again from the first page', [
          { field: 'after', problems: ['not a cursor of this event’s participants'] },
        ]);
      }
      after = [waitlisted, String(at), String(id)];
    }
    const base = `FROM event_registration r JOIN app_user u ON u.id = r.user_id
       WHERE r.event_id = $1 AND r.status <> 'CANCELLED' AND ${EventsService.PARTICIPANTS_SEEN_SQL}`;
    const [rows, [{ count }]]: [
      (EventParticipant & { waitlisted: number; created_key: string })[],
      { count: number }[],
    ] = await Promise.all([
      this.db.query(
        // created_key: the exact instant (microseconds), so the next page starts right after.
        `SELECT r.id, r.user_id AS "userId", u.name, r.city_name AS "cityName", r.position,
                r.status, r.created_at AS "registeredAt", ${SHARES_SQL} AS "sharesData",
                ${WAITLIST_POSITION_SQL} AS "waitlistPosition",
                (r.status = 'WAITLISTED')::int AS waitlisted, r.created_at::text AS created_key
         ${base} AND ($4::int IS NULL OR ((r.status = 'WAITLISTED')::int, r.created_at, r.id)
                                         > ($4::int, $5::timestamptz, $6::uuid))
         ORDER BY r.status = 'WAITLISTED', r.created_at, r.id LIMIT $7`,
        [event.id, organiser, viewer.id, ...after, args.first + 1],
      ),
      this.db.query(`SELECT count(*)::int AS count ${base}`, [event.id, organiser, viewer.id]),
    ]);
    const connection = toConnection(rows, args.first, count, (r) => [
      event.id,
      r.waitlisted,
      r.created_key,
      r.id,
    ]);
    return {
      ...connection,
      edges: connection.edges.map(({ cursor, node }) => {
        const { waitlisted: _w, created_key: _c, ...participant } = node;
        return { cursor, node: participant };
      }),
    };
  }

  /** Whether the viewer may export the full participant list: an organiser with events:organise. */
  async exportsParticipants(viewer: EventViewer, groupId: string | null): Promise<boolean> {
    return (
      hasPermission(viewer.role, Permission.EVENTS_ORGANISE) &&
      (await this.organises(viewer, groupId))
    );
  }

  /**
   * The organiser's CSV (everyone, registered then waitlisted; bounded by capacity and the
   * waiting list): UTF-8 with a BOM (Excel), fields quoted as needed, and cells that a
   * spreadsheet would run as a formula (= + - @) prefixed with an apostrophe.
   */
  async participantsCsv(viewer: EventViewer, id: string): Promise<{ title: string; csv: string }> {
    const event = await this.row(viewer, id);
    if (!(await this.exportsParticipants(viewer, event.group_id))) throw notFound('Event');
    const rows: EventParticipant[] = await this.db.query(
      `SELECT u.name, r.city_name AS "cityName", r.position, r.status,
              r.created_at AS "registeredAt", ${SHARES_SQL} AS "sharesData",
              ${WAITLIST_POSITION_SQL} AS "waitlistPosition"
       FROM event_registration r JOIN app_user u ON u.id = r.user_id
       WHERE r.event_id = $1 AND r.status <> 'CANCELLED'
       ORDER BY r.status = 'WAITLISTED', r.created_at, r.id`,
      [id],
    );
    const csv = stringify(
      rows.map((r) => [
        r.name,
        r.cityName ?? '',
        r.position ?? '',
        r.status === EventRegistrationStatus.REGISTERED ? 'zarejestrowany' : 'lista rezerwowa',
        r.waitlistPosition ?? '',
        warsaw(r.registeredAt),
        r.sharesData ? 'tak' : 'nie',
      ]),
      {
        header: true,
        columns: [
          'Imię i nazwisko',
          'Miasto',
          'Stanowisko',
          'Status',
          'Miejsce na liście rezerwowej',
          'Zgłoszenie',
          'Zgoda na udostępnienie danych',
        ],
        record_delimiter: '\r\n',
        escape_formulas: true,
      },
    );
    return { title: event.title, csv: `\uFEFF${csv}` };
  }

  /** The organiser's message to participants, one mail each through the mail queue. */
  async mailParticipants(
    viewer: AuthUser,
    id: string,
    input: EventMessageInput,
    appUrl: string,
  ): Promise<EventMailResult> {
    const event = await this.organised(viewer, id);
    const { html } = renderMarkdown(input.body);
    const statuses = input.includeWaitlist ? ['REGISTERED', 'WAITLISTED'] : ['REGISTERED'];
    const recipients = await this.recipients(this.db.manager, id, statuses);
    const link = new URL(`/events/${id}`, appUrl).toString();
    const to = recipients.filter((r) => !r.restricted);
    for (const r of to) {
      await this.mail.enqueue({
        to: r.email,
        subject: `${input.subject} — ${event.title}`,
        text: `${input.body}\n\n${event.title}, ${warsaw(event.starts_at)}: ${link}`,
        html: `${html}\n<p><a href="${link}">${escapeHtml(event.title)}</a></p>`,
      });
    }
    return { queued: to.length, restricted: recipients.length - to.length };
  }

  /**
   * Whom the organiser's mail reaches: live registrations of `statuses`, deactivated accounts
   * left out; `restricted`: processing restricted, so not mailed (only counted).
   */
  private recipients(
    q: EntityManager,
    eventId: string,
    statuses: string[],
  ): Promise<{ userId: string; email: string; restricted: boolean }[]> {
    return q.query(
      `SELECT u.id AS "userId", u.email, u.processing_restricted_at IS NOT NULL AS restricted
       FROM event_registration r JOIN app_user u ON u.id = r.user_id
       WHERE r.event_id = $1 AND r.status = ANY($2::text[]) AND u.deactivated_at IS NULL
       ORDER BY r.created_at`,
      [eventId, statuses],
    );
  }

  /**
   * The organiser cancels an event that has not ended. It stays, marked (who, when, why);
   * registrations stay too, so people's calendars learn of it. Everyone registered or
   * waitlisted is told in-app and mailed as the organiser's messages are.
   */
  async cancelEvent(
    user: AuthUser,
    id: string,
    input: CancelEventInput,
    appUrl: string,
  ): Promise<AssociationEvent> {
    const reason = input.reason.trim();
    // Characters as PostgreSQL counts them (code points), as the column's CHECK does.
    const length = [...reason].length;
    if (length < EVENT_CANCELLATION_REASON_MIN || length > EVENT_CANCELLATION_REASON_MAX) {
      throw badUserInput(
        `Give a reason of ${EVENT_CANCELLATION_REASON_MIN} to ${EVENT_CANCELLATION_REASON_MAX} characters`,
        [{ field: 'reason', problems: ['too short or too long'] }],
      );
    }
    const { event, recipients } = await this.db.transaction(async (tx) => {
      const event = await this.organised(user, id, tx, true);
      if (event.cancelled_at) throw conflict('This event has already been cancelled');
      if (Date.now() >= event.ends_at.getTime()) {
        throw conflict('The event has ended; it can no longer be cancelled');
      }
      await tx.query(
        `UPDATE association_event SET cancelled_at = now(), cancelled_by_id = $2,
           cancellation_reason = $3, updated_at = now() WHERE id = $1`,
        [id, user.id, reason],
      );
      return { event, recipients: await this.recipients(tx, id, ['REGISTERED', 'WAITLISTED']) };
    });
    const cancelled: EventCancelledEvent = {
      eventId: id,
      eventTitle: event.title,
      startsAt: warsaw(event.starts_at),
      reason,
      byUserId: user.id,
      recipientIds: recipients.map((r) => r.userId),
    };
    this.emitter.emit(DomainEvent.EVENT_CANCELLED, cancelled);
    const link = new URL(`/events/${id}`, appUrl).toString();
    const when = warsaw(event.starts_at);
    for (const r of recipients.filter((r) => !r.restricted)) {
      await this.mail.enqueue({
        to: r.email,
        subject: `Wydarzenie odwołane / Event cancelled — ${event.title}`,
        text:
          `Wydarzenie „${event.title}” (${when}, czas polski) zostało odwołane.\nPowód: ${reason}\n\n` +
          `The event “${event.title}” (${when}, Polish time) has been cancelled.\nReason: ${reason}\n\n${link}`,
        html:
          `<p>Wydarzenie „${escapeHtml(event.title)}” (${when}, czas polski) zostało odwołane.<br>` +
          `Powód: ${escapeHtml(reason)}</p>\n<p>The event “${escapeHtml(event.title)}” (${when}, ` +
          `Polish time) has been cancelled.<br>Reason: ${escapeHtml(reason)}</p>\n` +
          `<p><a href="${link}">${escapeHtml(event.title)}</a></p>`,
      });
    }
    return this.get(user, id);
  }

  /**
   * The organiser deletes an event nobody is registered or waitlisted for, with its invited
   * cities and cancelled registrations; once people take part, it is cancelled instead.
   */
  async deleteEvent(user: AuthUser, id: string): Promise<string> {
    await this.db.transaction(async (tx) => {
      await this.organised(user, id, tx, true);
      const [live] = await tx.query(
        `SELECT 1 FROM event_registration WHERE event_id = $1 AND status <> 'CANCELLED' LIMIT 1`,
        [id],
      );
      if (live) {
        throw conflict('People are registered for this event; cancel it instead of deleting it');
      }
      await tx.query(`DELETE FROM association_event WHERE id = $1`, [id]);
    });
    return id;
  }

  /** A single event as an .ics file. */
  async ics(
    viewer: EventViewer,
    id: string,
    appUrl: string,
  ): Promise<{ title: string; ics: string }> {
    const row = await this.row(viewer, id);
    const calendar = ical({
      name: row.title,
      method: ICalCalendarMethod.PUBLISH,
      x: [{ key: 'X-WR-TIMEZONE', value: EVENT_TIME_ZONE }],
      prodId: { company: 'Civitas', product: 'events', language: 'PL' },
    });
    addEvent(calendar, row, appUrl);
    return { title: row.title, ics: calendar.toString() };
  }
}

export interface PromotedRow {
  userId: string;
  eventId: string;
  title: string;
  startsAt: Date;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * One event in a calendar. Times are UTC instants (…Z): exact whatever the DST and the
 * reader's zone (ical-generator would write plain Dates in the server's zone under a TZID).
 */
export function addEvent(
  calendar: ICalCalendar,
  row: Pick<
    EventRow,
    | 'id'
    | 'title'
    | 'description'
    | 'starts_at'
    | 'ends_at'
    | 'place'
    | 'online_url'
    | 'updated_at'
    | 'cancelled_at'
    | 'cancellation_reason'
  >,
  appUrl: string,
): void {
  const url = new URL(`/events/${row.id}`, appUrl).toString();
  // Same UID when cancelled: calendars mark the entry they already hold.
  const cancelled = row.cancelled_at
    ? `ODWOŁANE / CANCELLED: ${row.cancellation_reason ?? ''}`
    : null;
  calendar.createEvent({
    id: `event-${row.id}@civitas`,
    start: row.starts_at,
    end: row.ends_at,
    stamp: row.updated_at,
    // A higher SEQUENCE than the entry as first published, so an import replaces it.
    ...(row.cancelled_at ? { status: ICalEventStatus.CANCELLED, sequence: 1 } : {}),
    summary: row.cancelled_at ? `[ODWOŁANE / CANCELLED] ${row.title}` : row.title,
    description: [cancelled, row.description, row.online_url, url].filter(Boolean).join('\n\n'),
    location: row.place ?? row.online_url ?? undefined,
    url,
  });
}
