import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Pass the transaction's manager so the entry commits (or not) with the change it describes. */
  async record(entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    const row: Partial<AuditEntry> = { ...entry, details: entry.details ?? {} };
    await manager.getRepository(AuditEntry).save(manager.getRepository(AuditEntry).create(row));
  }

  /**
   * One entry per entity, in one statement: the reads of a listed page (each listed confidential
   * thing is a read on record). Nothing for no ids.
   */
  async recordMany(
    entry: Omit<AuditRecord, 'entityId'> & { entityIds: readonly string[] },
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    if (entry.entityIds.length === 0) return;
    await manager.query(
      `INSERT INTO audit_entry (actor_id, action, entity_type, entity_id, details)
       SELECT $1, $2, $3, unnest($4::uuid[]), $5::jsonb`,
      [
        entry.actorId,
        entry.action,
        entry.entityType,
        entry.entityIds,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  async forEntity(entityType: string, entityId: string): Promise<AuditEntry[]> {
    return this.db.getRepository(AuditEntry).find({
      where: { entityType, entityId },
      order: { createdAt: 'ASC' },
    });
  }
}
