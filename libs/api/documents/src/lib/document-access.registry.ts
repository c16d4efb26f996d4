import { Injectable } from '@nestjs/common';
import { DocumentOwnerKind } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import type { EntityManager } from 'typeorm';

/**
 * What a domain answers about the things it lets documents be attached to. Every method
 * is batched over owner ids and returns the subset allowed: a document may be read when
 * its owner may be read, and so on. Owners the caller may not read are treated as if
 * they did not exist (NOT_FOUND), never FORBIDDEN.
 */
export interface DocumentAccessChecker {
  /** Owners whose documents the caller may list, download and search. */
  canRead(user: AuthUser, ownerIds: readonly string[]): Promise<Set<string>>;
  /** Owners the caller may add documents, versions and folders to. */
  canWrite(user: AuthUser, ownerIds: readonly string[]): Promise<Set<string>>;
  /**
   * Owners whose documents the caller manages: rename, move and delete anyone's, restore
   * from the trash (a group's coordinators and the office).
   */
  canManage(user: AuthUser, ownerIds: readonly string[]): Promise<Set<string>>;
  /**
   * Whose quota each owner's bytes count against (a working group's id), or no entry for
   * owners without a quota. Called only for owners the caller may write to.
   */
  quotaScopes(ownerIds: readonly string[]): Promise<Map<string, string>>;
  /** Whether the owner kind has folders (a library) or a flat list (attachments). */
  readonly folders: boolean;
  /**
   * Locks the owner in the upload's final transaction (`FOR SHARE`, against the lock its
   * deletion or change takes) with whatever else the caller's write access rests on that can
   * vanish (a membership), and answers whether the owner still exists and the caller may still
   * add to it: an upload finishing while its owner is deleted, or its uploader removed, then
   * either lands before that change or is refused, never orphaned. Runs on `tx`, never a
   * connection of its own. Required: an owner kind cannot forget it.
   */
  lockOwner(tx: EntityManager, ownerId: string, user: AuthUser): Promise<boolean>;
}

/**
 * Inversion of control between documents (a platform capability) and the domains that use
 * it: each domain registers the checker for its owner kinds when its module starts, and
 * documents never import a domain. An owner kind nobody registered reads as NOT_FOUND.
 */
@Injectable()
export class DocumentAccessRegistry {
  private readonly checkers = new Map<DocumentOwnerKind, DocumentAccessChecker>();

  register(kind: DocumentOwnerKind, checker: DocumentAccessChecker): void {
    if (this.checkers.has(kind)) throw new Error(`Document owner kind ${kind} registered twice`);
    this.checkers.set(kind, checker);
  }

  checker(kind: DocumentOwnerKind): DocumentAccessChecker | undefined {
    return this.checkers.get(kind);
  }

  /** Batched: the owners of one kind the caller may act on at `level`. */
  async allowed(
    level: 'read' | 'write' | 'manage',
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerIds: readonly string[],
  ): Promise<Set<string>> {
    const checker = this.checkers.get(kind);
    if (!checker || ownerIds.length === 0) return new Set();
    const unique = [...new Set(ownerIds)];
    if (level === 'read') return checker.canRead(user, unique);
    if (level === 'write') return checker.canWrite(user, unique);
    return checker.canManage(user, unique);
  }

  async may(
    level: 'read' | 'write' | 'manage',
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerId: string,
  ): Promise<boolean> {
    return (await this.allowed(level, user, kind, [ownerId])).has(ownerId);
  }
}
