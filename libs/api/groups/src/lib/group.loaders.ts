import DataLoader from 'dataloader';
import { InjectDataSource } from '@nestjs/typeorm';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { GroupRole } from '@civitas/shared/domain';
import { byKeys, LoaderRegistry } from '@civitas/api/core';
import { GroupMemberOrganisation, GroupPerson, WorkingGroup } from './group.entity';
import { GroupPeopleService } from './group-people.service';

/** Request-scoped batches for the groups' field resolvers: one query per kind, per request. */
@Injectable()
export class GroupLoaders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: GroupPeopleService,
  ) {}

  person(loaders: LoaderRegistry) {
    return loaders.get(
      'groupPerson',
      () =>
        new DataLoader<string, GroupPerson | null>(async (ids) =>
          byKeys(ids, await this.people.peopleByIds(ids), (p) => p.id),
        ),
    );
  }

  organisation(loaders: LoaderRegistry) {
    return loaders.get(
      'groupMemberOrganisation',
      () =>
        new DataLoader<string, GroupMemberOrganisation | null>(async (ids) =>
          byKeys(ids, await this.people.organisationsByIds(ids), (o) => o.id),
        ),
    );
  }

  /** Groups by id; callers list only what the viewer may see. */
  group(loaders: LoaderRegistry) {
    return loaders.get(
      'workingGroup',
      () =>
        new DataLoader<string, WorkingGroup | null>(async (ids) =>
          byKeys(
            ids,
            await this.db.getRepository(WorkingGroup).findBy({ id: In([...ids]) }),
            (g) => g.id,
          ),
        ),
    );
  }

  /** The signed-in person's role in each group (the registry is per request, so per person). */
  viewerRole(loaders: LoaderRegistry, userId: string) {
    return loaders.get(
      'groupViewerRole',
      () =>
        new DataLoader<string, GroupRole | null>(async (groupIds) => {
          const rows: { group_id: string; role: GroupRole }[] = await this.db.query(
            `SELECT group_id, role FROM group_membership
             WHERE user_id = $1 AND group_id = ANY($2::uuid[])`,
            [userId, groupIds],
          );
          return byKeys(groupIds, rows, (r) => r.group_id).map((r) => r?.role ?? null);
        }),
    );
  }

  memberCount(loaders: LoaderRegistry) {
    return loaders.get(
      'groupMemberCount',
      () =>
        new DataLoader<string, number>(async (groupIds) => {
          const rows: { group_id: string; count: number }[] = await this.db.query(
            `SELECT group_id, count(*)::int AS count FROM group_membership
             WHERE group_id = ANY($1::uuid[]) GROUP BY group_id`,
            [groupIds],
          );
          return byKeys(groupIds, rows, (r) => r.group_id).map((r) => r?.count ?? 0);
        }),
    );
  }
}
