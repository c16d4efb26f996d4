import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupMemberOrganisation, GroupPerson } from './group.entity';

/**
 * People and organisations as groups show them, read with SQL: the groups library does
 * not import the organisations or accounts libraries.
 */
@Injectable()
export class GroupPeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async peopleByIds(ids: readonly string[]): Promise<GroupPerson[]> {
    const rows: { id: string; name: string; position: string | null; organisation_id: string }[] =
      await this.db.query(
        `SELECT id, name, position, organisation_id FROM app_user WHERE id = ANY($1::uuid[])`,
        [ids],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      organisationId: r.organisation_id,
    }));
  }

  organisationsByIds(ids: readonly string[]): Promise<GroupMemberOrganisation[]> {
    return this.db.query(`SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`, [ids]);
  }
}
