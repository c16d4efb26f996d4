import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, LoaderRegistry } from '@civitas/api/core';
import { OpinionRequestsService } from './opinion-requests.service';
import { OpinionCity, OpinionPerson, OpinionRequestTransition } from './opinion.types';

/** Request-scoped batches for the opinion field resolvers: one statement per kind. */
@Injectable()
export class OpinionLoaders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: OpinionRequestsService,
  ) {}

  person(loaders: LoaderRegistry) {
    return loaders.get(
      'opinionPerson',
      () =>
        new DataLoader<string, OpinionPerson | null>(async (ids) => {
          const rows: {
            id: string;
            name: string;
            position: string | null;
            organisation_name: string;
          }[] = await this.db.query(
            `SELECT u.id, u.name, u.position, o.name AS organisation_name
               FROM app_user u JOIN organisation o ON o.id = u.organisation_id
               WHERE u.id = ANY($1::uuid[])`,
            [ids],
          );
          return byKeys(
            ids,
            rows.map((r) => ({
              id: r.id,
              name: r.name,
              position: r.position,
              organisationName: r.organisation_name,
            })),
            (p) => p.id,
          );
        }),
    );
  }

  city(loaders: LoaderRegistry) {
    return loaders.get(
      'opinionCity',
      () =>
        new DataLoader<string, OpinionCity | null>(async (ids) => {
          const rows: OpinionCity[] = await this.db.query(
            `SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`,
            [ids],
          );
          return byKeys(ids, rows, (c) => c.id);
        }),
    );
  }

  transitions(loaders: LoaderRegistry) {
    return loaders.get(
      'opinionTransitions',
      () =>
        new DataLoader<string, OpinionRequestTransition[]>(async (ids) => {
          const rows = await this.requests.transitionsOf(ids);
          return ids.map((id) => rows.filter((r) => r.requestId === id));
        }),
    );
  }
}
