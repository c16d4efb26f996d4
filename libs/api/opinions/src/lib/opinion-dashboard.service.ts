import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpinionRequestState, Role } from '@civitas/shared/domain';
import { forbidden } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { OpinionRequestsService } from './opinion-requests.service';
import { REQUEST_COLUMNS, RequestRow, TODAY_SQL, viewOf } from './opinion-rows';
import { OpinionDashboard, OpinionPerson } from './opinion.types';

const DAYS = `extract(epoch FROM (r.released_at - r.submitted_at)) / 86400`;

@Injectable()
export class OpinionDashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: OpinionRequestsService,
  ) {}

  /** Counts by state, overdue and due-soon lists, time to release overall and by expert. */
  async dashboard(user: AuthUser): Promise<OpinionDashboard> {
    if (user.role !== Role.OFFICE_ADMIN) throw forbidden('The dashboard is the office’s');
    const tx = this.db.manager;
    {
      const [counts, [avg], experts, overdue, dueSoon] = await Promise.all([
        tx.query(
          `SELECT state, count(*)::int AS count FROM opinion_request
           WHERE submitted_at IS NOT NULL GROUP BY state`,
        ) as Promise<{ state: OpinionRequestState; count: number }[]>,
        tx.query(
          `SELECT avg(${DAYS})::float8 AS days FROM opinion_request r WHERE r.state = 'RELEASED'`,
        ) as Promise<{ days: number | null }[]>,
        tx.query(
          `SELECT u.id, u.name, u.position, o.name AS organisation_name,
                  count(*) FILTER (WHERE r.state IN ('ACCEPTED', 'IN_PROGRESS'))::int AS active,
                  count(*) FILTER (WHERE r.state = 'DELIVERED')::int AS delivered,
                  count(*) FILTER (WHERE r.state = 'RELEASED')::int AS released,
                  count(*) FILTER (WHERE r.state IN ('ACCEPTED', 'IN_PROGRESS')
                                   AND r.due_date < ${TODAY_SQL})::int AS overdue,
                  (avg(${DAYS}) FILTER (WHERE r.state = 'RELEASED'))::float8 AS days
           FROM opinion_request r
           JOIN app_user u ON u.id = r.expert_id
           JOIN organisation o ON o.id = u.organisation_id
           GROUP BY u.id, u.name, u.position, o.name ORDER BY u.name, u.id`,
        ) as Promise<
          (OpinionPerson & {
            position: string | null;
            organisation_name: string;
            active: number;
            delivered: number;
            released: number;
            overdue: number;
            days: number | null;
          })[]
        >,
        tx.query(
          `SELECT ${REQUEST_COLUMNS} FROM opinion_request r
           WHERE r.state IN ('ACCEPTED', 'IN_PROGRESS') AND r.due_date < ${TODAY_SQL}
           ORDER BY r.due_date, r.id LIMIT 100`,
        ) as Promise<RequestRow[]>,
        tx.query(
          `SELECT ${REQUEST_COLUMNS} FROM opinion_request r
           WHERE r.state IN ('ACCEPTED', 'IN_PROGRESS') AND r.due_date >= ${TODAY_SQL}
             AND r.due_date <= ${TODAY_SQL} + 3
           ORDER BY r.due_date, r.id LIMIT 100`,
        ) as Promise<RequestRow[]>,
      ]);
      const listed = [...overdue, ...dueSoon].map((r) => r.id);
      await this.requests.recordReads(tx, user, listed, 'opinion_request.list', {
        view: 'dashboard',
      });
      const byState = new Map(counts.map((c) => [c.state, c.count]));
      return {
        countsByState: Object.values(OpinionRequestState)
          .filter((s) => s !== OpinionRequestState.DRAFT)
          .map((state) => ({ state, count: byState.get(state) ?? 0 })),
        overdue: overdue.map((r) => viewOf(r, 'OFFICE')),
        dueSoon: dueSoon.map((r) => viewOf(r, 'OFFICE')),
        averageDaysToRelease: avg.days,
        byExpert: experts.map((e) => ({
          expert: {
            id: e.id,
            name: e.name,
            position: e.position,
            organisationName: e.organisation_name,
          },
          active: e.active,
          delivered: e.delivered,
          released: e.released,
          overdue: e.overdue,
          averageDaysToRelease: e.days,
        })),
      };
    }
  }

  /** Active experts the office may assign, by name. */
  async experts(): Promise<OpinionPerson[]> {
    const rows: { id: string; name: string; position: string | null; organisation_name: string }[] =
      await this.db.query(
        `SELECT u.id, u.name, u.position, o.name AS organisation_name
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
         WHERE u.role = 'EXPERT' AND u.deactivated_at IS NULL ORDER BY u.name_folded, u.id`,
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      organisationName: r.organisation_name,
    }));
  }
}
