import DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { byKeys, LoaderRegistry } from '@civitas/api/core';
import { PracticeArea, PracticeCity, PracticePerson, PracticeStatusChange } from './practice.types';
import { AreaRow, CITY_COLUMNS, CityRow, toArea, toCity } from './practice-rows';
import { PracticesService } from './practices.service';

/** Request-scoped batches for the practices' field resolvers: one query per kind, per request. */
@Injectable()
export class PracticeLoaders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly practices: PracticesService,
  ) {}

  city(loaders: LoaderRegistry) {
    return loaders.get(
      'practiceCity',
      () =>
        new DataLoader<string, PracticeCity | null>(async (ids) => {
          const rows: CityRow[] = await this.db.query(
            `SELECT ${CITY_COLUMNS} FROM organisation o
             LEFT JOIN voivodeship v ON v.code = o.voivodeship_code WHERE o.id = ANY($1::uuid[])`,
            [ids],
          );
          return byKeys(ids, rows.map(toCity), (c) => c.id);
        }),
    );
  }

  partners(loaders: LoaderRegistry) {
    return loaders.get(
      'practicePartners',
      () =>
        new DataLoader<string, PracticeCity[]>(async (ids) => {
          const rows: (CityRow & { practice_id: string })[] = await this.db.query(
            `SELECT gp.practice_id, ${CITY_COLUMNS} FROM good_practice_partner gp
             JOIN organisation o ON o.id = gp.organisation_id
             LEFT JOIN voivodeship v ON v.code = o.voivodeship_code
             WHERE gp.practice_id = ANY($1::uuid[]) ORDER BY o.name`,
            [ids],
          );
          return ids.map((id) => rows.filter((r) => r.practice_id === id).map(toCity));
        }),
    );
  }

  area(loaders: LoaderRegistry) {
    return loaders.get(
      'practiceArea',
      () =>
        new DataLoader<string, PracticeArea | null>(async (codes) => {
          const rows: AreaRow[] = await this.db.query(
            `SELECT code, name, name_en, position, active FROM practice_area WHERE code = ANY($1::text[])`,
            [codes],
          );
          return byKeys(codes, rows.map(toArea), (a) => a.code);
        }),
    );
  }

  person(loaders: LoaderRegistry) {
    return loaders.get(
      'practicePerson',
      () =>
        new DataLoader<string, PracticePerson | null>(async (ids) => {
          const rows: {
            id: string;
            name: string;
            position: string | null;
            organisation_id: string;
          }[] = await this.db.query(
            `SELECT id, name, position, organisation_id FROM app_user WHERE id = ANY($1::uuid[])`,
            [ids],
          );
          return byKeys(
            ids,
            rows.map((r) => ({
              id: r.id,
              name: r.name,
              position: r.position,
              organisationId: r.organisation_id,
            })),
            (p) => p.id,
          );
        }),
    );
  }

  history(loaders: LoaderRegistry) {
    return loaders.get(
      'practiceHistory',
      () =>
        new DataLoader<string, (PracticeStatusChange & { actorId: string | null })[]>(
          async (ids) => {
            const rows = await this.practices.history(ids);
            return ids.map((id) =>
              rows
                .filter((r) => r.practice_id === id)
                .map((r) => ({
                  id: r.id,
                  fromStatus: r.from_status,
                  toStatus: r.to_status,
                  comment: r.comment,
                  actor: null,
                  actorId: r.actor_id,
                  createdAt: r.created_at,
                })),
            );
          },
        ),
    );
  }

  /** The caller's bookmarks and their city's interest among these practices. */
  viewer(loaders: LoaderRegistry, userId: string, organisationId: string) {
    return loaders.get(
      'practiceViewer',
      () =>
        new DataLoader<string, { bookmarked: boolean; interested: boolean }>(async (ids) => {
          const rows: { id: string; bookmarked: boolean; interested: boolean }[] =
            await this.db.query(
              `SELECT x AS id,
                 EXISTS (SELECT 1 FROM practice_bookmark WHERE user_id = $2 AND practice_id = x) AS bookmarked,
                 EXISTS (SELECT 1 FROM practice_interest WHERE organisation_id = $3 AND practice_id = x) AS interested
               FROM unnest($1::uuid[]) x`,
              [ids, userId, organisationId],
            );
          return ids.map(
            (id) => rows.find((r) => r.id === id) ?? { bookmarked: false, interested: false },
          );
        }),
    );
  }
}
