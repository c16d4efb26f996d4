import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupModerationAction } from '@civitas/shared/domain';
import { GroupModerationLogEntry } from './group.entity';

export interface ModerationAct {
  groupId: string;
  actorId: string;
  action: GroupModerationAction;
  targetUserId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes a group's moderation log, inside the transaction of the act it records. */
@Injectable()
export class ModerationLogService {
  async record(manager: EntityManager, act: ModerationAct): Promise<void> {
    const repo = manager.getRepository(GroupModerationLogEntry);
    await repo.save(
      repo.create({
        groupId: act.groupId,
        actorId: act.actorId,
        action: act.action,
        targetUserId: act.targetUserId ?? null,
        targetType: act.targetType ?? null,
        targetId: act.targetId ?? null,
        reason: act.reason?.trim() || null,
        details: act.details ?? {},
      }),
    );
  }
}
