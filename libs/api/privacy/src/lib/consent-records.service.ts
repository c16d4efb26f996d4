import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Connection, decodeCursor, toConnection } from '@civitas/api/core';
import { ConsentRecord } from '@civitas/api/personal-data';
import { ConsentRecordsArgs } from './dto/privacy.inputs';

/** Cursors carry milliseconds (a JS Date); the keyset compares at that precision. */
const MS = `date_trunc('milliseconds', c.created_at)`;

/**
 * The office's read of the consent log, newest first. Read-only: the log has no mutations
 * here, and the database refuses UPDATE and DELETE anyway.
 */
@Injectable()
export class ConsentRecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(args: ConsentRecordsArgs): Promise<Connection<ConsentRecord>> {
    const filtered = this.db.getRepository(ConsentRecord).createQueryBuilder('c');
    if (args.purpose) filtered.andWhere('c.purpose = :purpose', { purpose: args.purpose });
    if (args.action) filtered.andWhere('c.action = :action', { action: args.action });
    if (args.from) filtered.andWhere('c.created_at >= :from', { from: args.from });
    if (args.to) filtered.andWhere('c.created_at < :to', { to: args.to });
    if (args.userId) filtered.andWhere('c.user_id = :userId', { userId: args.userId });
    if (args.email) {
      // The record's own address (newsletter) or the account's (signed-in consents).
      filtered.andWhere(
        `(c.email = :email OR c.user_id IN (SELECT id FROM app_user WHERE email = :email))`,
        { email: args.email.trim().toLowerCase() },
      );
    }
    const page = filtered
      .clone()
      .orderBy(MS, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(args.first + 1);
    if (args.after) {
      const [created, id] = decodeCursor(args.after, 2);
      page.andWhere(`(${MS}, c.id) < (:created::timestamptz, :id::uuid)`, { created, id });
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    return toConnection(rows, args.first, total, (r) => [r.createdAt.toISOString(), r.id]);
  }
}
