import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764230000000 implements MigrationInterface {
  name = 'Foundation1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE voivodeship (
        code char(2) PRIMARY KEY,
        name text NOT NULL
      );

      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        teryt_code text UNIQUE CHECK (teryt_code ~ '^[0-9]{7}$'),
        name text NOT NULL,
        name_folded text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CITY_WITH_POWIAT_RIGHTS', 'URBAN_GMINA',
          'TOWN_IN_URBAN_RURAL_GMINA', 'ASSOCIATION_OFFICE')),
        powiat_name text,
        voivodeship_code char(2) REFERENCES voivodeship(code),
        membership_status text NOT NULL DEFAULT 'NON_MEMBER'
          CHECK (membership_status IN ('MEMBER', 'CANDIDATE', 'FORMER', 'NON_MEMBER')),
        accession_date date,
        membership_resolution text,
        address text,
        website text,
        phone text,
        email text,
        logo_updated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_has_accession CHECK (
          membership_status <> 'MEMBER' OR (accession_date IS NOT NULL AND membership_resolution IS NOT NULL)
        )
      );
      CREATE INDEX organisation_name_idx ON organisation (name_folded, id);
      CREATE INDEX organisation_voivodeship_idx ON organisation (voivodeship_code);
      CREATE INDEX organisation_status_idx ON organisation (membership_status);
      CREATE UNIQUE INDEX organisation_single_office ON organisation (kind) WHERE kind = 'ASSOCIATION_OFFICE';

      CREATE TABLE organisation_logo (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
        content_type text NOT NULL,
        data bytea NOT NULL
      );

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        name text NOT NULL,
        name_folded text NOT NULL,
        position text,
        department text,
        phone text,
        role text NOT NULL CHECK (role IN ('OFFICE_ADMIN', 'EXPERT', 'CITY_ADMIN', 'CITY_OFFICIAL', 'GUEST')),
        is_legal_officer boolean NOT NULL DEFAULT false,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        locale text NOT NULL DEFAULT 'pl' CHECK (locale IN ('pl', 'en')),
        session_version integer NOT NULL DEFAULT 0,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX app_user_organisation_idx ON app_user (organisation_id, name_folded, id);
      CREATE INDEX app_user_name_idx ON app_user (name_folded, id);

      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text,
        ip text
      );
      CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
      CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);

      CREATE TABLE password_reset_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );

      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email)),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        role text NOT NULL CHECK (role IN ('OFFICE_ADMIN', 'EXPERT', 'CITY_ADMIN', 'CITY_OFFICIAL', 'GUEST')),
        is_legal_officer boolean NOT NULL DEFAULT false,
        token_hash text NOT NULL UNIQUE,
        invited_by_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES app_user(id),
        revoked_at timestamptz
      );
      CREATE INDEX invitation_organisation_idx ON invitation (organisation_id, created_at);

      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_entry, invitation, password_reset_token, refresh_token, app_user,
        organisation_logo, organisation, voivodeship;
    `);
  }
}
