import { MigrationInterface, QueryRunner } from 'typeorm';
import { addNotificationKinds, removeNotificationKinds } from './notification-kinds';

const EVENT_KINDS = ['EVENT_REMINDER', 'EVENT_PROMOTED'];

/**
 * Events (issue 9): the association's calendar, the cities invited to an event, registrations
 * with a waiting list (the registrant's city and position as they were when registering), and
 * the daily reminder's run log. The tribunal's calendar token becomes the one personal feed
 * token every domain's calendar entries are served under.
 */
export class Events1764410000000 implements MigrationInterface {
  name = 'Events1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE association_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('CONFERENCE', 'SEMINAR', 'WORKSHOP',
          'INFORMATION_MEETING', 'WORKING_GROUP_MEETING')),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text CHECK (length(place) <= 300),
        online_url text CHECK (online_url ~ '^https?://' AND length(online_url) <= 2000),
        capacity integer CHECK (capacity BETWEEN 1 AND 10000),
        registration_deadline timestamptz,
        audience text NOT NULL CHECK (audience IN ('ALL_MEMBERS', 'WORKING_GROUP',
          'MEMBERS_AND_INVITED_CITIES')),
        -- The group whose members are the audience; its coordinators organise the meeting.
        group_id uuid REFERENCES working_group(id) ON DELETE CASCADE,
        created_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT association_event_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT association_event_deadline_by_start
          CHECK (registration_deadline IS NULL OR registration_deadline <= starts_at),
        CONSTRAINT association_event_somewhere CHECK (place IS NOT NULL OR online_url IS NOT NULL),
        CONSTRAINT association_event_group_audience
          CHECK ((audience = 'WORKING_GROUP') = (group_id IS NOT NULL)),
        CONSTRAINT association_event_group_meeting
          CHECK (type <> 'WORKING_GROUP_MEETING' OR audience = 'WORKING_GROUP')
      );
      CREATE INDEX association_event_starts_idx ON association_event (starts_at, id);
      CREATE INDEX association_event_group_idx ON association_event (group_id, starts_at)
        WHERE group_id IS NOT NULL;

      CREATE TABLE association_event_city (
        event_id uuid NOT NULL REFERENCES association_event(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, organisation_id)
      );
      CREATE INDEX association_event_city_org_idx ON association_event_city (organisation_id);

      CREATE TABLE event_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES association_event(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
        -- As they were when the person registered (erasure blanks them).
        city_name text,
        position text,
        -- Waiting-list order: first come, first promoted.
        created_at timestamptz NOT NULL DEFAULT now(),
        promoted_at timestamptz,
        cancelled_at timestamptz,
        reminded_at timestamptz,
        CONSTRAINT event_registration_cancelled_time
          CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      );
      -- One live registration per person and event: a second one is a conflict, even racing.
      CREATE UNIQUE INDEX event_registration_live ON event_registration (event_id, user_id)
        WHERE status <> 'CANCELLED';
      CREATE INDEX event_registration_queue_idx ON event_registration (event_id, status, created_at, id);
      CREATE INDEX event_registration_user_idx ON event_registration (user_id, created_at);

      CREATE TABLE event_reminder_run (
        run_date date PRIMARY KEY,
        ran_at timestamptz NOT NULL DEFAULT now(),
        reminders integer NOT NULL DEFAULT 0
      );

      -- One personal calendar feed for every domain (was the tribunal's): same tokens, same URLs.
      ALTER TABLE tribunal_calendar_token RENAME TO calendar_feed_token;
      ALTER INDEX tribunal_calendar_token_pkey RENAME TO calendar_feed_token_pkey;
      ALTER INDEX tribunal_calendar_token_token_hash_key RENAME TO calendar_feed_token_token_hash_key;
    `);
    await addNotificationKinds(q, EVENT_KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeNotificationKinds(q, EVENT_KINDS);
    await q.query(`
      ALTER INDEX calendar_feed_token_token_hash_key RENAME TO tribunal_calendar_token_token_hash_key;
      ALTER INDEX calendar_feed_token_pkey RENAME TO tribunal_calendar_token_pkey;
      ALTER TABLE calendar_feed_token RENAME TO tribunal_calendar_token;
      DROP TABLE event_reminder_run, event_registration, association_event_city, association_event;
    `);
  }
}
