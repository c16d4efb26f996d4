import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  DOCUMENT_FOLDERS_MAX,
  DOCUMENT_NAME_MAX,
  DOCUMENT_PREVIEW_TYPES,
  DOCUMENT_TRASH_DAYS,
  DOCUMENT_VERSION_NOTE_MAX,
  DocumentOwnerKind,
  ErrorCode,
} from '@civitas/shared/domain';
import {
  APP_CONFIG,
  badUserInput,
  Connection,
  decodeCursor,
  domainError,
  forbidden,
  notFound,
  toConnection,
} from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from './document-access.registry';
import { DocumentLinks } from './document-links';
import {
  CreateDocumentFolderInput,
  Document,
  DocumentFolder,
  DocumentQuota,
  DocumentsArgs,
  DocumentSort,
  DocumentTextStatus,
  DocumentTrashArgs,
  DocumentVersion,
  DocumentVersionsArgs,
} from './document.types';
import { cleanFileName, extensionOf } from './file-policy';
import { StorageDriver } from './storage/storage-driver';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One statement gives a document with its current version and the people's names. */
const DOCUMENT_SELECT = `
  SELECT d.id, d.owner_kind, d.owner_id, d.folder_id, d.name, d.version_count, d.created_at,
    d.updated_at, d.deleted_at, d.created_by_id, d.trashed_with_id, d.quota_scope,
    cu.name AS created_by_name, d.deleted_by_id, du.name AS deleted_by_name,
    v.id AS v_id, v.number AS v_number, v.size AS v_size, v.content_type AS v_content_type,
    v.note AS v_note, v.created_at AS v_created_at, v.text_status AS v_text_status,
    v.uploaded_by_id AS v_uploaded_by_id, vu.name AS v_uploaded_by_name,
    rv.number AS v_restored_from_number
  FROM document d
  JOIN document_version v ON v.id = d.current_version_id
  LEFT JOIN app_user cu ON cu.id = d.created_by_id
  LEFT JOIN app_user du ON du.id = d.deleted_by_id
  LEFT JOIN app_user vu ON vu.id = v.uploaded_by_id
  LEFT JOIN document_version rv ON rv.id = v.restored_from_id`;

export interface DocumentRow {
  id: string;
  owner_kind: DocumentOwnerKind;
  owner_id: string;
  folder_id: string | null;
  name: string;
  version_count: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  created_by_id: string | null;
  trashed_with_id: string | null;
  quota_scope: string;
  created_by_name: string | null;
  deleted_by_id: string | null;
  deleted_by_name: string | null;
  v_id: string;
  v_number: number;
  v_size: string;
  v_content_type: string;
  v_note: string | null;
  v_created_at: Date;
  v_text_status: DocumentTextStatus;
  v_uploaded_by_id: string | null;
  v_uploaded_by_name: string | null;
  v_restored_from_number: number | null;
}

interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  size: string;
  content_type: string;
  note: string | null;
  created_at: Date;
  text_status: DocumentTextStatus;
  uploaded_by_id: string | null;
  uploaded_by_name: string | null;
  restored_from_number: number | null;
  current_version_id: string;
}

interface FolderRow {
  id: string;
  owner_kind: DocumentOwnerKind;
  owner_id: string;
  parent_id: string | null;
  name: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by_id: string | null;
  deleted_by_name: string | null;
  created_by_id: string | null;
  trashed_with_id: string | null;
}

/** Where an upload goes, decided (and allowed) before its first byte is read. */
export interface UploadPlan {
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  folderId: string | null;
  quotaScope: string;
  /** Bytes the quota still allows. */
  quotaRemaining: number;
  /** A new version of this document, or a new document. */
  documentId?: string;
}

export interface CommittedUpload {
  storageKey: string;
  size: number;
  contentType: string;
  name: string;
  note?: string;
}

const nameVectorSql = (param: string) => `setweight(to_tsvector('civitas_search', ${param}), 'A')`;

/** Splits "report.v2.pdf" into the words a search should find: report v2 pdf. */
const searchableName = (name: string) => name.replace(/[._\-–]+/g, ' ');

function cleanFolderName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name || name.length > DOCUMENT_NAME_MAX || /[/\\\u0000-\u001f\u007f]/.test(name)) {
    throw badUserInput(`A folder name has 1 to ${DOCUMENT_NAME_MAX} characters, without / or \\`, [
      { field: 'name', problems: ['not a valid folder name'] },
    ]);
  }
  return name;
}

/**
 * Documents as a platform capability: folders, documents and versions of any owner kind
 * a domain registered in the DocumentAccessRegistry. Every read goes through the owner's
 * checker; what the caller may not read does not exist for them (NOT_FOUND).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: DocumentAccessRegistry,
    private readonly links: DocumentLinks,
    private readonly storage: StorageDriver,
  ) {}

  // ---------------------------------------------------------------- mapping

  private version(row: VersionRow, user: AuthUser): DocumentVersion {
    return {
      id: row.id,
      documentId: row.document_id,
      number: row.number,
      size: Number(row.size),
      contentType: row.content_type,
      note: row.note,
      restoredFromNumber: row.restored_from_number,
      uploadedBy: row.uploaded_by_id
        ? { id: row.uploaded_by_id, name: row.uploaded_by_name ?? '—' }
        : null,
      createdAt: row.created_at,
      isCurrent: row.id === row.current_version_id,
      textStatus: row.text_status,
      downloadUrl: this.links.url(user.id, row.id, false),
      previewUrl: DOCUMENT_PREVIEW_TYPES.includes(row.content_type)
        ? this.links.url(user.id, row.id, true)
        : null,
    };
  }

  toDocument(row: DocumentRow, user: AuthUser, manages: boolean, writes: boolean): Document {
    const current = this.version(
      {
        id: row.v_id,
        document_id: row.id,
        number: row.v_number,
        size: row.v_size,
        content_type: row.v_content_type,
        note: row.v_note,
        created_at: row.v_created_at,
        text_status: row.v_text_status,
        uploaded_by_id: row.v_uploaded_by_id,
        uploaded_by_name: row.v_uploaded_by_name,
        restored_from_number: row.v_restored_from_number,
        current_version_id: row.v_id,
      },
      user,
    );
    return {
      id: row.id,
      ownerKind: row.owner_kind,
      ownerId: row.owner_id,
      folderId: row.folder_id,
      name: row.name,
      extension: extensionOf(row.name),
      versionCount: row.version_count,
      currentVersion: current,
      size: current.size,
      contentType: current.contentType,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by_id
        ? { id: row.created_by_id, name: row.created_by_name ?? '—' }
        : null,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by_id
        ? { id: row.deleted_by_id, name: row.deleted_by_name ?? '—' }
        : null,
      purgeAt: row.deleted_at
        ? new Date(row.deleted_at.getTime() + DOCUMENT_TRASH_DAYS * DAY_MS)
        : null,
      viewerCanManage: manages,
      viewerCanEdit: manages || (writes && row.created_by_id === user.id),
      downloadUrl: current.downloadUrl,
      previewUrl: current.previewUrl,
      createdById: row.created_by_id,
      trashedWithId: row.trashed_with_id,
    };
  }

  private folder(row: FolderRow): DocumentFolder {
    return {
      id: row.id,
      ownerKind: row.owner_kind,
      ownerId: row.owner_id,
      parentId: row.parent_id,
      name: row.name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by_id
        ? { id: row.deleted_by_id, name: row.deleted_by_name ?? '—' }
        : null,
      createdById: row.created_by_id,
    };
  }

  /** Documents as the caller sees them, with what they may do: two checker calls a page. */
  async present(user: AuthUser, rows: DocumentRow[]): Promise<Document[]> {
    const byKind = new Map<DocumentOwnerKind, string[]>();
    for (const r of rows)
      byKind.set(r.owner_kind, [...(byKind.get(r.owner_kind) ?? []), r.owner_id]);
    const manage = new Map<DocumentOwnerKind, Set<string>>();
    const write = new Map<DocumentOwnerKind, Set<string>>();
    for (const [kind, ids] of byKind) {
      manage.set(kind, await this.registry.allowed('manage', user, kind, ids));
      write.set(kind, await this.registry.allowed('write', user, kind, ids));
    }
    return rows.map((r) =>
      this.toDocument(
        r,
        user,
        manage.get(r.owner_kind)!.has(r.owner_id),
        write.get(r.owner_kind)!.has(r.owner_id),
      ),
    );
  }

  // ---------------------------------------------------------------- access

  private async requireRead(
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerId: string,
    what: string,
  ) {
    if (!(await this.registry.may('read', user, kind, ownerId))) throw notFound(what);
  }

  private async requireWrite(
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerId: string,
    what: string,
  ) {
    await this.requireRead(user, kind, ownerId, what);
    if (!(await this.registry.may('write', user, kind, ownerId))) {
      throw forbidden('You cannot add or change documents here');
    }
  }

  private async requireManage(
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerId: string,
    what: string,
  ) {
    await this.requireRead(user, kind, ownerId, what);
    if (!(await this.registry.may('manage', user, kind, ownerId))) {
      throw forbidden(
        'Only those who manage these documents (coordinators, the office) can do this',
      );
    }
  }

  /** Mine and I may still write here, or I manage the owner. */
  private async requireEdit(
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerId: string,
    createdById: string | null,
    what: string,
  ) {
    await this.requireRead(user, kind, ownerId, what);
    if (await this.registry.may('manage', user, kind, ownerId)) return;
    if (createdById === user.id && (await this.registry.may('write', user, kind, ownerId))) return;
    throw forbidden('Only its author or those who manage these documents can do this');
  }

  /** A document row the caller may read; in the trash only for those who manage it. */
  async readableRow(user: AuthUser, id: string): Promise<DocumentRow> {
    const [row]: DocumentRow[] = await this.db.query(`${DOCUMENT_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw notFound('Document');
    await this.requireRead(user, row.owner_kind, row.owner_id, 'Document');
    if (
      row.deleted_at &&
      !(await this.registry.may('manage', user, row.owner_kind, row.owner_id))
    ) {
      throw notFound('Document');
    }
    return row;
  }

  private async folderRow(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<FolderRow | undefined> {
    const [row]: FolderRow[] = await manager.query(
      `SELECT f.*, du.name AS deleted_by_name FROM document_folder f
       LEFT JOIN app_user du ON du.id = f.deleted_by_id WHERE f.id = $1${lock ? ' FOR UPDATE OF f' : ''}`,
      [id],
    );
    return row;
  }

  /** A live folder of the owner, for placing something in it. */
  private async liveFolder(
    manager: EntityManager,
    id: string,
    kind: DocumentOwnerKind,
    ownerId: string,
  ): Promise<FolderRow> {
    const row = await this.folderRow(manager, id);
    if (!row || row.owner_kind !== kind || row.owner_id !== ownerId) throw notFound('Folder');
    if (row.deleted_at) {
      throw domainError(
        ErrorCode.DOCUMENT_IN_TRASH,
        'This folder is in the trash; restore it first',
      );
    }
    return row;
  }

  // ---------------------------------------------------------------- folders

  async folders(user: AuthUser, groupId: string): Promise<DocumentFolder[]> {
    const kind = DocumentOwnerKind.GROUP_LIBRARY;
    await this.requireRead(user, kind, groupId, 'Working group');
    const rows: FolderRow[] = await this.db.query(
      `SELECT f.*, NULL AS deleted_by_name FROM document_folder f
       WHERE f.owner_kind = $1 AND f.owner_id = $2 AND f.deleted_at IS NULL
       ORDER BY lower(f.name), f.id LIMIT $3`,
      [kind, groupId, DOCUMENT_FOLDERS_MAX],
    );
    return rows.map((r) => this.folder(r));
  }

  async createFolder(user: AuthUser, input: CreateDocumentFolderInput): Promise<DocumentFolder> {
    const kind = DocumentOwnerKind.GROUP_LIBRARY;
    const name = cleanFolderName(input.name);
    await this.requireWrite(user, kind, input.groupId, 'Working group');
    return this.db.transaction(async (tx) => {
      if (input.parentId) await this.liveFolder(tx, input.parentId, kind, input.groupId);
      const [row]: { id: string }[] = await tx.query(
        `INSERT INTO document_folder (owner_kind, owner_id, parent_id, name, created_by_id)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [kind, input.groupId, input.parentId ?? null, name, user.id],
      );
      return this.folder((await this.folderRow(tx, row.id))!);
    });
  }

  /*
   * Changes check access first, then lock and re-read the row in their transaction: the
   * owners' checkers query on their own connections, which must not wait for the
   * transaction's (the embedded database has exactly one).
   */

  private async checkedFolder(user: AuthUser, id: string, level: 'edit' | 'manage') {
    const row = await this.folderRow(this.db.manager, id);
    if (!row) throw notFound('Folder');
    if (level === 'manage') await this.requireManage(user, row.owner_kind, row.owner_id, 'Folder');
    else await this.requireEdit(user, row.owner_kind, row.owner_id, row.created_by_id, 'Folder');
  }

  private async lockedFolder(tx: EntityManager, id: string): Promise<FolderRow> {
    const row = await this.folderRow(tx, id, true);
    if (!row) throw notFound('Folder');
    return row;
  }

  private async checkedDocument(user: AuthUser, id: string, level: 'edit' | 'manage') {
    const row = await this.readableRow(user, id);
    if (level === 'manage')
      await this.requireManage(user, row.owner_kind, row.owner_id, 'Document');
    else await this.requireEdit(user, row.owner_kind, row.owner_id, row.created_by_id, 'Document');
  }

  private async lockedDocument(tx: EntityManager, id: string): Promise<DocumentRow> {
    const [row]: DocumentRow[] = await tx.query(
      `${DOCUMENT_SELECT} WHERE d.id = $1 FOR UPDATE OF d`,
      [id],
    );
    if (!row) throw notFound('Document');
    return row;
  }

  async renameFolder(user: AuthUser, id: string, rawName: string): Promise<DocumentFolder> {
    const name = cleanFolderName(rawName);
    await this.checkedFolder(user, id, 'edit');
    return this.db.transaction(async (tx) => {
      const row = await this.lockedFolder(tx, id);
      if (row.deleted_at)
        throw domainError(ErrorCode.DOCUMENT_IN_TRASH, 'This folder is in the trash');
      await tx.query(`UPDATE document_folder SET name = $2, updated_at = now() WHERE id = $1`, [
        id,
        name,
      ]);
      return this.folder((await this.folderRow(tx, id))!);
    });
  }

  async moveFolder(user: AuthUser, id: string, parentId: string | null): Promise<DocumentFolder> {
    await this.checkedFolder(user, id, 'edit');
    return this.db.transaction(async (tx) => {
      const row = await this.lockedFolder(tx, id);
      if (row.deleted_at)
        throw domainError(ErrorCode.DOCUMENT_IN_TRASH, 'This folder is in the trash');
      if (parentId) {
        await this.liveFolder(tx, parentId, row.owner_kind, row.owner_id);
        const [cycle]: { found: boolean }[] = await tx.query(
          `WITH RECURSIVE up AS (
             SELECT id, parent_id FROM document_folder WHERE id = $1
             UNION ALL SELECT f.id, f.parent_id FROM document_folder f JOIN up ON f.id = up.parent_id)
           SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found`,
          [parentId, id],
        );
        if (cycle.found) {
          throw badUserInput('A folder cannot be moved into itself or one of its subfolders', [
            { field: 'parentId', problems: ['inside the folder being moved'] },
          ]);
        }
      }
      await tx.query(
        `UPDATE document_folder SET parent_id = $2, updated_at = now() WHERE id = $1`,
        [id, parentId],
      );
      return this.folder((await this.folderRow(tx, id))!);
    });
  }

  /** To the trash with everything in it; restored together. */
  async deleteFolder(user: AuthUser, id: string): Promise<DocumentFolder> {
    await this.checkedFolder(user, id, 'edit');
    return this.db.transaction(async (tx) => {
      const row = await this.lockedFolder(tx, id);
      if (row.deleted_at) return this.folder(row);
      await tx.query(
        `WITH RECURSIVE down AS (
           SELECT id FROM document_folder WHERE parent_id = $1 AND deleted_at IS NULL
           UNION ALL SELECT f.id FROM document_folder f JOIN down ON f.parent_id = down.id
             WHERE f.deleted_at IS NULL),
         folders AS (UPDATE document_folder SET deleted_at = now(), deleted_by_id = $2, trashed_with_id = $1
                     WHERE id IN (SELECT id FROM down) RETURNING id)
         UPDATE document SET deleted_at = now(), deleted_by_id = $2, trashed_with_id = $1
         WHERE deleted_at IS NULL AND (folder_id = $1 OR folder_id IN (SELECT id FROM down))`,
        [id, user.id],
      );
      await tx.query(
        `UPDATE document_folder SET deleted_at = now(), deleted_by_id = $2 WHERE id = $1`,
        [id, user.id],
      );
      return this.folder((await this.folderRow(tx, id))!);
    });
  }

  async restoreFolder(user: AuthUser, id: string): Promise<DocumentFolder> {
    await this.checkedFolder(user, id, 'manage');
    return this.db.transaction(async (tx) => {
      const row = await this.lockedFolder(tx, id);
      if (!row.deleted_at) return this.folder(row);
      if (row.trashed_with_id) {
        throw domainError(
          ErrorCode.DOCUMENT_IN_TRASH,
          'This folder went to the trash with the folder around it: restore that one',
        );
      }
      const parent = row.parent_id ? await this.folderRow(tx, row.parent_id) : undefined;
      await tx.query(
        `UPDATE document_folder SET deleted_at = NULL, deleted_by_id = NULL, updated_at = now(),
           parent_id = $2 WHERE id = $1`,
        // Its parent went to the trash since: it comes back at the top of the library.
        [id, parent && !parent.deleted_at ? parent.id : null],
      );
      await tx.query(
        `UPDATE document_folder SET deleted_at = NULL, deleted_by_id = NULL, trashed_with_id = NULL
         WHERE trashed_with_id = $1`,
        [id],
      );
      await tx.query(
        `UPDATE document SET deleted_at = NULL, deleted_by_id = NULL, trashed_with_id = NULL
         WHERE trashed_with_id = $1`,
        [id],
      );
      return this.folder((await this.folderRow(tx, id))!);
    });
  }

  /** The folders in a group's trash (those deleted themselves, not those inside them). */
  async trashedFolders(user: AuthUser, groupId: string): Promise<DocumentFolder[]> {
    const kind = DocumentOwnerKind.GROUP_LIBRARY;
    await this.requireRead(user, kind, groupId, 'Working group');
    const rows: FolderRow[] = await this.db.query(
      `SELECT f.*, du.name AS deleted_by_name FROM document_folder f
       LEFT JOIN app_user du ON du.id = f.deleted_by_id
       WHERE f.owner_kind = $1 AND f.owner_id = $2 AND f.deleted_at IS NOT NULL
         AND f.trashed_with_id IS NULL
       ORDER BY f.deleted_at DESC, f.id LIMIT $3`,
      [kind, groupId, DOCUMENT_FOLDERS_MAX],
    );
    return rows.map((r) => this.folder(r));
  }

  // ---------------------------------------------------------------- documents

  async documents(user: AuthUser, args: DocumentsArgs): Promise<Connection<Document>> {
    await this.requireRead(user, args.ownerKind, args.ownerId, 'Owner');
    if (args.folderId) {
      const folder = await this.folderRow(this.db.manager, args.folderId);
      if (!folder || folder.owner_kind !== args.ownerKind || folder.owner_id !== args.ownerId) {
        throw notFound('Folder');
      }
      if (folder.deleted_at) throw notFound('Folder');
    }
    const sortSql = {
      [DocumentSort.NAME]: 'lower(d.name)',
      [DocumentSort.UPDATED_AT]: 'd.updated_at',
      [DocumentSort.SIZE]: 'v.size',
    }[args.sort];
    const dir = args.descending ? 'DESC' : 'ASC';
    const params: unknown[] = [args.ownerKind, args.ownerId, args.folderId ?? null, args.first + 1];
    let after = '';
    if (args.after) {
      const [value, id] = decodeCursor(args.after, 2);
      const cast =
        args.sort === DocumentSort.UPDATED_AT
          ? '::timestamptz'
          : args.sort === DocumentSort.SIZE
            ? '::bigint'
            : '';
      params.push(value, id);
      after = `AND (${sortSql}, d.id) ${args.descending ? '<' : '>'} ($5${cast}, $6::uuid)`;
    }
    const where = `d.owner_kind = $1 AND d.owner_id = $2 AND d.folder_id IS NOT DISTINCT FROM $3::uuid
      AND d.deleted_at IS NULL`;
    const rows: (DocumentRow & { sort_key: string })[] = await this.db.query(
      `${DOCUMENT_SELECT.replace('SELECT d.id', `SELECT ${sortSql === 'd.updated_at' ? 'to_char(d.updated_at AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\')' : `${sortSql}::text`} AS sort_key, d.id`)}
       WHERE ${where} ${after}
       ORDER BY ${sortSql} ${dir}, d.id ${dir} LIMIT $4`,
      params,
    );
    const [count]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM document d WHERE ${where}`,
      params.slice(0, 3),
    );
    const page = await this.present(user, rows.slice(0, args.first));
    const keys = new Map(rows.map((r) => [r.id, r.sort_key]));
    return toConnection(
      rows.length > args.first ? [...page, page[0]] : page,
      args.first,
      count.n,
      (d) => [keys.get(d.id)!, d.id],
    );
  }

  /** Rows by id, unchecked: for callers that checked access already (search). */
  async rowsByIds(ids: string[]): Promise<DocumentRow[]> {
    return this.db.query(`${DOCUMENT_SELECT} WHERE d.id = ANY($1::uuid[])`, [ids]);
  }

  async document(user: AuthUser, id: string): Promise<Document> {
    const row = await this.readableRow(user, id);
    return (await this.present(user, [row]))[0];
  }

  async versions(user: AuthUser, args: DocumentVersionsArgs): Promise<Connection<DocumentVersion>> {
    const doc = await this.readableRow(user, args.documentId);
    const params: unknown[] = [doc.id, args.first + 1];
    let after = '';
    if (args.after) {
      const [number] = decodeCursor(args.after, 1);
      params.push(Number(number));
      after = 'AND v.number < $3';
    }
    const rows: VersionRow[] = await this.db.query(
      `SELECT v.id, v.document_id, v.number, v.size, v.content_type, v.note, v.created_at,
         v.text_status, v.uploaded_by_id, u.name AS uploaded_by_name, rv.number AS restored_from_number,
         d.current_version_id
       FROM document_version v JOIN document d ON d.id = v.document_id
       LEFT JOIN app_user u ON u.id = v.uploaded_by_id
       LEFT JOIN document_version rv ON rv.id = v.restored_from_id
       WHERE v.document_id = $1 ${after} ORDER BY v.number DESC LIMIT $2`,
      params,
    );
    return toConnection(
      rows.map((r) => this.version(r, user)),
      args.first,
      doc.version_count,
      (v) => [v.number],
    );
  }

  async renameDocument(user: AuthUser, id: string, rawName: string): Promise<Document> {
    await this.checkedDocument(user, id, 'edit');
    await this.db.transaction(async (tx) => {
      const row = await this.lockedDocument(tx, id);
      if (row.deleted_at)
        throw domainError(ErrorCode.DOCUMENT_IN_TRASH, 'This document is in the trash');
      const clean = cleanFileName(rawName);
      if (clean.extension !== extensionOf(row.name)) {
        throw badUserInput(
          `Keep the extension .${extensionOf(row.name)}: it says what the file is`,
          [{ field: 'name', problems: ['another extension'] }],
        );
      }
      await tx.query(
        `UPDATE document SET name = $2, updated_at = now(), name_vector = ${nameVectorSql('$3')}
         WHERE id = $1`,
        [id, clean.name, searchableName(clean.name)],
      );
    });
    return this.document(user, id);
  }

  async moveDocument(user: AuthUser, id: string, folderId: string | null): Promise<Document> {
    await this.checkedDocument(user, id, 'edit');
    await this.db.transaction(async (tx) => {
      const row = await this.lockedDocument(tx, id);
      if (row.deleted_at)
        throw domainError(ErrorCode.DOCUMENT_IN_TRASH, 'This document is in the trash');
      if (folderId) await this.liveFolder(tx, folderId, row.owner_kind, row.owner_id);
      await tx.query(`UPDATE document SET folder_id = $2, updated_at = now() WHERE id = $1`, [
        id,
        folderId,
      ]);
    });
    return this.document(user, id);
  }

  async deleteDocument(user: AuthUser, id: string): Promise<Document> {
    await this.checkedDocument(user, id, 'edit');
    await this.db.transaction(async (tx) => {
      const row = await this.lockedDocument(tx, id);
      if (row.deleted_at) return;
      await tx.query(`UPDATE document SET deleted_at = now(), deleted_by_id = $2 WHERE id = $1`, [
        id,
        user.id,
      ]);
    });
    const row = await this.readableRow(user, id).catch(() => null);
    // The author who is not a manager no longer sees it: answer with what it was.
    const [raw]: DocumentRow[] = row
      ? [row]
      : await this.db.query(`${DOCUMENT_SELECT} WHERE d.id = $1`, [id]);
    return (await this.present(user, [raw]))[0];
  }

  async restoreDocument(user: AuthUser, id: string): Promise<Document> {
    await this.checkedDocument(user, id, 'manage');
    await this.db.transaction(async (tx) => {
      const row = await this.lockedDocument(tx, id);
      if (!row.deleted_at) return;
      if (row.trashed_with_id) {
        throw domainError(
          ErrorCode.DOCUMENT_IN_TRASH,
          'This document went to the trash with its folder: restore the folder',
        );
      }
      const folder = row.folder_id ? await this.folderRow(tx, row.folder_id) : undefined;
      await tx.query(
        `UPDATE document SET deleted_at = NULL, deleted_by_id = NULL, folder_id = $2 WHERE id = $1`,
        // Its folder went to the trash since: it comes back at the top of the library.
        [id, folder && !folder.deleted_at ? folder.id : null],
      );
    });
    return this.document(user, id);
  }

  /** A new version with an old version's bytes (shared, not copied) and text. */
  async restoreVersion(user: AuthUser, documentId: string, versionId: string): Promise<Document> {
    await this.checkedDocument(user, documentId, 'edit');
    await this.db.transaction(async (tx) => {
      const row = await this.lockedDocument(tx, documentId);
      if (row.deleted_at)
        throw domainError(ErrorCode.DOCUMENT_IN_TRASH, 'This document is in the trash');
      const [old]: { id: string }[] = await tx.query(
        `SELECT id FROM document_version WHERE id = $1 AND document_id = $2`,
        [versionId, documentId],
      );
      if (!old) throw notFound('Document version');
      const number = row.version_count + 1;
      const [created]: { id: string }[] = await tx.query(
        `INSERT INTO document_version (document_id, number, storage_key, size, content_type,
           note, restored_from_id, uploaded_by_id, text_status, text_content, text_vector)
         SELECT document_id, $2, storage_key, size, content_type, NULL, id, $3,
           text_status, text_content, text_vector
         FROM document_version WHERE id = $1 RETURNING id`,
        [versionId, number, user.id],
      );
      await tx.query(
        `UPDATE document SET current_version_id = $2, version_count = $3, updated_at = now() WHERE id = $1`,
        [documentId, created.id, number],
      );
    });
    return this.document(user, documentId);
  }

  async trash(user: AuthUser, args: DocumentTrashArgs): Promise<Connection<Document>> {
    const kind = DocumentOwnerKind.GROUP_LIBRARY;
    await this.requireRead(user, kind, args.groupId, 'Working group');
    const params: unknown[] = [kind, args.groupId, args.first + 1];
    let after = '';
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      params.push(at, id);
      after = 'AND (d.deleted_at, d.id) < ($4::timestamptz, $5::uuid)';
    }
    const where = `d.owner_kind = $1 AND d.owner_id = $2 AND d.deleted_at IS NOT NULL AND d.trashed_with_id IS NULL`;
    const rows: DocumentRow[] = await this.db.query(
      `${DOCUMENT_SELECT} WHERE ${where} ${after} ORDER BY d.deleted_at DESC, d.id DESC LIMIT $3`,
      params,
    );
    const [count]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM document d WHERE ${where}`,
      params.slice(0, 2),
    );
    const docs = await this.present(user, rows);
    return toConnection(docs, args.first, count.n, (d) => [d.deletedAt!.toISOString(), d.id]);
  }

  /** Attachments of many owners of one kind at once (a page of forum posts). */
  async attachments(
    user: AuthUser,
    kind: DocumentOwnerKind,
    ownerIds: readonly string[],
  ): Promise<Map<string, Document[]>> {
    const result = new Map<string, Document[]>(ownerIds.map((id) => [id, []]));
    const readable = [...(await this.registry.allowed('read', user, kind, ownerIds))];
    if (!readable.length) return result;
    const rows: DocumentRow[] = await this.db.query(
      `${DOCUMENT_SELECT} WHERE d.owner_kind = $1 AND d.owner_id = ANY($2::uuid[]) AND d.deleted_at IS NULL
       ORDER BY d.created_at, d.id`,
      [kind, readable],
    );
    for (const doc of await this.present(user, rows)) result.get(doc.ownerId)!.push(doc);
    return result;
  }

  // ---------------------------------------------------------------- quota

  async quotaUsed(scope: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [row]: { used: string }[] = await manager.query(
      `SELECT coalesce(sum(size), 0) AS used FROM (
         SELECT DISTINCT ON (v.storage_key) v.size FROM document_version v
         JOIN document d ON d.id = v.document_id WHERE d.quota_scope = $1) s`,
      [scope],
    );
    return Number(row.used);
  }

  async quota(user: AuthUser, groupId: string): Promise<DocumentQuota> {
    await this.requireRead(user, DocumentOwnerKind.GROUP_LIBRARY, groupId, 'Working group');
    return {
      groupId,
      usedBytes: await this.quotaUsed(groupId),
      limitBytes: this.config.documents.groupQuotaBytes,
      maxFileBytes: this.config.documents.maxFileBytes,
    };
  }

  // ---------------------------------------------------------------- uploads

  /** Access, place and quota of an upload, decided before its first byte is read. */
  async planUpload(
    user: AuthUser,
    target:
      | { ownerKind: DocumentOwnerKind; ownerId: string; folderId?: string | null }
      | { documentId: string },
  ): Promise<UploadPlan> {
    let plan: Omit<UploadPlan, 'quotaScope' | 'quotaRemaining'>;
    if ('documentId' in target) {
      const [row]: DocumentRow[] = await this.db.query(`${DOCUMENT_SELECT} WHERE d.id = $1`, [
        target.documentId,
      ]);
      if (!row) throw notFound('Document');
      await this.requireWrite(user, row.owner_kind, row.owner_id, 'Document');
      if (row.deleted_at) {
        if (!(await this.registry.may('manage', user, row.owner_kind, row.owner_id))) {
          throw notFound('Document');
        }
        throw domainError(
          ErrorCode.DOCUMENT_IN_TRASH,
          'This document is in the trash: restore it before uploading a new version',
        );
      }
      plan = {
        ownerKind: row.owner_kind,
        ownerId: row.owner_id,
        folderId: row.folder_id,
        documentId: row.id,
      };
    } else {
      const checker = this.registry.checker(target.ownerKind);
      await this.requireWrite(user, target.ownerKind, target.ownerId, 'Owner');
      if (target.folderId) {
        if (!checker?.folders) throw badUserInput('These documents have no folders');
        await this.liveFolder(this.db.manager, target.folderId, target.ownerKind, target.ownerId);
      }
      plan = {
        ownerKind: target.ownerKind,
        ownerId: target.ownerId,
        folderId: target.folderId ?? null,
      };
    }
    const scopes = await this.registry.checker(plan.ownerKind)!.quotaScopes([plan.ownerId]);
    const quotaScope = scopes.get(plan.ownerId) ?? `${plan.ownerKind}:${plan.ownerId}`;
    const quotaRemaining =
      this.config.documents.groupQuotaBytes - (await this.quotaUsed(quotaScope));
    return { ...plan, quotaScope, quotaRemaining };
  }

  /**
   * Makes a finished upload visible: in one transaction, re-checks that the owner exists
   * under its lock and the quota under the scope's lock, inserts the rows and moves the bytes from their temporary key. When
   * anything fails the transaction rolls back and the caller deletes the bytes.
   */
  async commitUpload(user: AuthUser, plan: UploadPlan, upload: CommittedUpload, finalKey: string) {
    return this.db.transaction(async (tx) => {
      // The owner may have been deleted, or the uploader lost access, since planUpload checked
      // (a long upload).
      const checker = this.registry.checker(plan.ownerKind);
      if (!checker || !(await checker.lockOwner(tx, plan.ownerId, user))) throw notFound('Owner');
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('documents-quota:' || $1))`, [
        plan.quotaScope,
      ]);
      const used = await this.quotaUsed(plan.quotaScope, tx);
      if (used + upload.size > this.config.documents.groupQuotaBytes) {
        throw domainError(
          ErrorCode.QUOTA_EXCEEDED,
          'This upload would take the group past its storage quota',
        );
      }
      let documentId = plan.documentId;
      let number = 1;
      if (documentId) {
        const [doc]: { version_count: number; deleted_at: Date | null; name: string }[] =
          await tx.query(
            `SELECT version_count, deleted_at, name FROM document WHERE id = $1 FOR UPDATE`,
            [documentId],
          );
        if (!doc) throw notFound('Document');
        if (doc.deleted_at) {
          throw domainError(
            ErrorCode.DOCUMENT_IN_TRASH,
            'This document went to the trash during the upload',
          );
        }
        number = doc.version_count + 1;
      } else {
        if (plan.folderId) await this.liveFolder(tx, plan.folderId, plan.ownerKind, plan.ownerId);
        const words = searchableName(upload.name);
        const [doc]: { id: string }[] = await tx.query(
          `INSERT INTO document (owner_kind, owner_id, folder_id, quota_scope, name, created_by_id, name_vector)
           VALUES ($1, $2, $3, $4, $5, $6, ${nameVectorSql('$7')}) RETURNING id`,
          [
            plan.ownerKind,
            plan.ownerId,
            plan.folderId,
            plan.quotaScope,
            upload.name,
            user.id,
            words,
          ],
        );
        documentId = doc.id;
      }
      const [version]: { id: string }[] = await tx.query(
        `INSERT INTO document_version (document_id, number, storage_key, size, content_type, note, uploaded_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          documentId,
          number,
          finalKey,
          upload.size,
          upload.contentType,
          upload.note?.slice(0, DOCUMENT_VERSION_NOTE_MAX) || null,
          user.id,
        ],
      );
      await tx.query(
        `UPDATE document SET current_version_id = $2, version_count = $3, updated_at = now() WHERE id = $1`,
        [documentId, version.id, number],
      );
      await this.storage.promote(upload.storageKey, finalKey);
      return { documentId: documentId!, versionId: version.id, number };
    });
  }
}
