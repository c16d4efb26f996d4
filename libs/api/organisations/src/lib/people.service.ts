import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, decodeCursor, nameStartsWith, toConnection } from '@civitas/api/core';
import { User } from '@civitas/api/auth';
import { PeopleArgs } from './dto/organisations.args';
import { Person } from './person.model';

/**
 * The people directory: active accounts of member cities and of the office. Experts and
 * guests are not listed, nor anyone who restricted processing of their data.
 */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(args: PeopleArgs): Promise<Connection<Person>> {
    const filtered = this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('organisation', 'o', 'o.id = u.organisation_id')
      .where('u.deactivated_at IS NULL')
      // Restriction of processing (RODO art. 18): not shown in the directory.
      .andWhere('u.processing_restricted_at IS NULL')
      .andWhere(`u.role NOT IN ('EXPERT', 'GUEST')`)
      .andWhere(`(o.membership_status = 'MEMBER' OR o.kind = 'ASSOCIATION_OFFICE')`);
    if (args.organisationId)
      filtered.andWhere('u.organisation_id = :org', { org: args.organisationId });
    const search = args.search?.trim();
    if (search) {
      filtered.andWhere(...nameStartsWith('u.name_folded', search));
    }
    const page = filtered
      .clone()
      .select(['u.id', 'u.name', 'u.nameFolded', 'u.position', 'u.department', 'u.organisationId'])
      .orderBy('u.name_folded', 'ASC')
      .addOrderBy('u.id', 'ASC')
      // limit, not take: the join is one-to-one, so no DISTINCT pre-query is needed.
      .limit(args.first + 1);
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      page.andWhere('(u.name_folded, u.id) > (:cursorName, :cursorId)', {
        cursorName: name,
        cursorId: id,
      });
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    const people: Person[] = rows.map((u) => ({
      id: u.id,
      name: u.name,
      nameFolded: u.nameFolded,
      position: u.position,
      department: u.department,
      organisationId: u.organisationId,
    }));
    return toConnection(people, args.first, total, (p) => [p.nameFolded, p.id]);
  }
}
