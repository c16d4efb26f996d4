import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
import { MembershipStatus, OrganisationKind } from '@civitas/shared/domain';
import {
  badUserInput,
  Connection,
  decodeCursor,
  nameStartsWith,
  notFound,
  toConnection,
} from '@civitas/api/core';
import { AuditService } from '@civitas/api/audit';
import type { AuthUser } from '@civitas/api/auth';
import { ChangeMembershipInput, UpdateOrganisationProfileInput } from './dto/organisation.inputs';
import { OrganisationsArgs } from './dto/organisations.args';
import { Organisation, Voivodeship } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(args: OrganisationsArgs): Promise<Connection<Organisation>> {
    const filtered = this.db.getRepository(Organisation).createQueryBuilder('o');
    this.applyFilters(filtered, args);
    const page = filtered
      .clone()
      .orderBy('o.name_folded', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(args.first + 1);
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      page.andWhere('(o.name_folded, o.id) > (:name, :id)', { name, id });
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    return toConnection(rows, args.first, total, (o) => [o.nameFolded, o.id]);
  }

  private applyFilters(qb: SelectQueryBuilder<Organisation>, args: OrganisationsArgs) {
    const search = args.search?.trim();
    if (search) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where(...nameStartsWith('o.name_folded', search))
            .orWhere('o.teryt_code = :teryt', { teryt: search }),
        ),
      );
    }
    if (args.voivodeshipCode)
      qb.andWhere('o.voivodeship_code = :voivodeship', { voivodeship: args.voivodeshipCode });
    if (args.membershipStatus?.length)
      qb.andWhere('o.membership_status IN (:...statuses)', { statuses: args.membershipStatus });
    if (args.kind) qb.andWhere('o.kind = :kind', { kind: args.kind });
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.db.getRepository(Organisation).findOneBy({ id });
    if (!organisation) throw notFound('Organisation');
    return organisation;
  }

  byIds(ids: readonly string[]): Promise<Organisation[]> {
    return this.db.getRepository(Organisation).findBy({ id: In([...ids]) });
  }

  voivodeships(): Promise<Voivodeship[]> {
    return this.db.getRepository(Voivodeship).find({ order: { name: 'ASC' } });
  }

  async updateProfile(
    actor: AuthUser,
    id: string,
    input: UpdateOrganisationProfileInput,
  ): Promise<Organisation> {
    const changes = Object.fromEntries(
      Object.entries(input)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v]),
    );
    return this.db.transaction(async (tx) => {
      const before = await tx.getRepository(Organisation).findOneBy({ id });
      if (!before) throw notFound('Organisation');
      await tx.getRepository(Organisation).update(id, changes);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'organisation.profile.update',
          entityType: 'organisation',
          entityId: id,
          details: { changes },
        },
        tx,
      );
      return tx.getRepository(Organisation).findOneByOrFail({ id });
    });
  }

  async changeMembership(
    actor: AuthUser,
    id: string,
    input: ChangeMembershipInput,
  ): Promise<Organisation> {
    return this.db.transaction(async (tx) => {
      const before = await tx
        .getRepository(Organisation)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('Organisation');
      if (before.kind === OrganisationKind.ASSOCIATION_OFFICE) {
        throw badUserInput("The association's office has no membership status");
      }
      const member = input.status === MembershipStatus.MEMBER;
      if (
        member &&
        input.accessionDate &&
        input.accessionDate > new Date().toISOString().slice(0, 10)
      ) {
        throw badUserInput('The accession date cannot be in the future', [
          { field: 'accessionDate', problems: ['is in the future'] },
        ]);
      }
      const after = {
        membershipStatus: input.status,
        // A former member keeps the record of when and by which resolution it joined.
        accessionDate: member
          ? input.accessionDate!
          : input.status === MembershipStatus.FORMER
            ? before.accessionDate
            : null,
        membershipResolution: member
          ? input.resolutionNumber!.trim()
          : input.status === MembershipStatus.FORMER
            ? before.membershipResolution
            : null,
      };
      await tx.getRepository(Organisation).update(id, after);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'organisation.membership.change',
          entityType: 'organisation',
          entityId: id,
          details: {
            from: {
              status: before.membershipStatus,
              accessionDate: before.accessionDate,
              resolution: before.membershipResolution,
            },
            to: after,
          },
        },
        tx,
      );
      return tx.getRepository(Organisation).findOneByOrFail({ id });
    });
  }
}
