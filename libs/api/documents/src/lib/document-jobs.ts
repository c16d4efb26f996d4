import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_TRASH_DAYS, DocumentOwnerKind } from '@civitas/shared/domain';
import { APP_CONFIG } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import { StorageDriver, TMP_PREFIX } from './storage/storage-driver';
import { extractText, hasExtractor, TEXT_MAX_FILE_BYTES } from './text-extraction';

/** Temporary upload bytes older than this belong to no upload still running. */
const TMP_MAX_AGE_MS = 6 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const PREFIX = 'civitas';

/**
 * The documents' background work: text extraction after each upload, and every hour the
 * purge of what has been in the trash for 30 days and the sweep of temporary bytes left
 * by interrupted uploads. With REDIS_URL both are BullMQ queues shared by every API
 * process (a job scheduler fires the hourly one once for all); without, they run in this
 * process. Tests call the methods directly; the hourly timer is off in tests.
 */
@Injectable()
export class DocumentJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentJobs');
  private queue?: Queue;
  private worker?: Worker;
  private timer?: NodeJS.Timeout;
  /** In-process extraction: one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly storage: StorageDriver,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.redisUrl) {
      const connection = { url: this.config.redisUrl, maxRetriesPerRequest: null };
      this.queue = new Queue('documents', {
        connection,
        prefix: PREFIX,
        defaultJobOptions: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 10_000 },
          removeOnComplete: 1000,
          removeOnFail: 5000,
        },
      });
      this.worker = new Worker(
        'documents',
        async (job) => {
          if (job.name === 'extract') await this.extract(job.data.versionId as string);
          if (job.name === 'maintenance') await this.maintenance();
        },
        { connection, prefix: PREFIX, concurrency: 1 },
      );
      this.worker.on('error', (e) => this.logger.error(`documents worker: ${e.message}`));
      if (this.config.env !== 'test') {
        await this.queue.upsertJobScheduler(
          'documents-maintenance',
          { every: HOUR_MS },
          { name: 'maintenance' },
        );
      }
    } else if (this.config.env !== 'test') {
      this.timer = setInterval(
        () => void this.maintenance().catch((e) => this.logger.error(e)),
        HOUR_MS,
      );
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.worker?.close();
    await this.queue?.close();
    await this.chain;
  }

  /** Queues text extraction of a version (after its upload committed). */
  extractText(versionId: string): void {
    if (this.queue) {
      this.queue
        .add('extract', { versionId })
        .catch((e: Error) => this.logger.error(`queue: ${e.message}`));
      return;
    }
    this.chain = this.chain.then(() => (this.closed ? undefined : this.extract(versionId)));
  }

  /** Resolves when the in-process extractions queued so far are done (tests). */
  idle(): Promise<void> {
    return this.chain;
  }

  async extract(versionId: string): Promise<void> {
    const [v]: { storage_key: string; content_type: string; size: string; text_status: string }[] =
      await this.db.query(
        `SELECT storage_key, content_type, size, text_status FROM document_version WHERE id = $1`,
        [versionId],
      );
    if (!v || v.text_status !== 'PENDING') return;
    if (!hasExtractor(v.content_type) || Number(v.size) > TEXT_MAX_FILE_BYTES) {
      await this.db.query(`UPDATE document_version SET text_status = 'NONE' WHERE id = $1`, [
        versionId,
      ]);
      return;
    }
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await this.storage.read(v.storage_key))
        chunks.push(chunk as Buffer);
      const text = (await extractText(v.content_type, Buffer.concat(chunks))) ?? '';
      await this.db.query(
        `UPDATE document_version SET text_status = 'DONE', text_content = $2,
           text_vector = setweight(to_tsvector('civitas_search', $2), 'B')
         WHERE id = $1`,
        [versionId, text],
      );
    } catch (e) {
      this.logger.warn(
        `text of version ${versionId} (${v.content_type}) not extracted: ${(e as Error).message}`,
      );
      await this.db.query(`UPDATE document_version SET text_status = 'FAILED' WHERE id = $1`, [
        versionId,
      ]);
    }
  }

  /** The hourly run: purge the trash, sweep abandoned temporary bytes. */
  async maintenance(now = new Date()): Promise<{ purged: number; swept: number }> {
    const purged = await this.purgeTrash(now);
    const swept = await this.sweepTemporary(now);
    if (purged || swept)
      this.logger.log(
        `purged ${purged} document(s) from the trash, swept ${swept} temporary file(s)`,
      );
    return { purged, swept };
  }

  /** Deletes documents and folders in the trash for 30 days, and bytes no version uses. */
  async purgeTrash(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - DOCUMENT_TRASH_DAYS * 24 * HOUR_MS);
    const { keys, n } = await this.db.transaction(async (tx) => {
      const removed = await this.removeDocuments(tx, `d.deleted_at < $1`, [before]);
      // Folders deleted with a folder go with it (ON DELETE CASCADE).
      await tx.query(
        `DELETE FROM document_folder WHERE deleted_at < $1 AND trashed_with_id IS NULL`,
        [before],
      );
      return removed;
    });
    await this.deleteStored(keys);
    return n;
  }

  /**
   * An owner is being deleted: its documents (in the trash or not, every version) and folders
   * go, inside the owner's transaction. Answers the storage keys no version uses any more;
   * give them to `deleteStored` once that transaction commits.
   */
  async removeOwned(
    tx: EntityManager,
    ownerKind: DocumentOwnerKind,
    ownerIds: readonly string[],
  ): Promise<string[]> {
    const { keys } = await this.removeDocuments(
      tx,
      `d.owner_kind = $1 AND d.owner_id = ANY($2::uuid[])`,
      [ownerKind, ownerIds],
    );
    await tx.query(
      `DELETE FROM document_folder WHERE owner_kind = $1 AND owner_id = ANY($2::uuid[])`,
      [ownerKind, ownerIds],
    );
    return keys;
  }

  /**
   * Deletes bytes whose rows are gone, after that deletion committed: a failure here leaves
   * bytes without rows (logged), never rows without bytes.
   */
  async deleteStored(keys: readonly string[]): Promise<void> {
    for (const key of keys)
      await this.storage.delete(key).catch((e: Error) => this.logger.warn(`${key}: ${e.message}`));
  }

  /** Deletes the documents `where` says (alias d) and answers the keys no version still uses. */
  private async removeDocuments(
    tx: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<{ keys: string[]; n: number }> {
    const gone: { storage_key: string }[] = await tx.query(
      `SELECT DISTINCT v.storage_key FROM document_version v JOIN document d ON d.id = v.document_id
       WHERE ${where}`,
      params,
    );
    const [{ n }]: { n: number }[] = await tx.query(
      `WITH deleted AS (DELETE FROM document d WHERE ${where} RETURNING id) SELECT count(*)::int AS n FROM deleted`,
      params,
    );
    if (!gone.length) return { keys: [], n };
    // Bytes a remaining version still uses (a restore shares its key) stay.
    const kept: { storage_key: string }[] = await tx.query(
      `SELECT DISTINCT storage_key FROM document_version WHERE storage_key = ANY($1::text[])`,
      [gone.map((g) => g.storage_key)],
    );
    const keep = new Set(kept.map((k) => k.storage_key));
    return { keys: gone.map((g) => g.storage_key).filter((k) => !keep.has(k)), n };
  }

  /** Deletes temporary upload bytes older than `maxAgeMs` (interrupted uploads). */
  async sweepTemporary(now = new Date(), maxAgeMs = TMP_MAX_AGE_MS): Promise<number> {
    let swept = 0;
    for await (const object of this.storage.list(TMP_PREFIX)) {
      if (now.getTime() - object.lastModified.getTime() < maxAgeMs) continue;
      await this.storage.delete(object.key);
      swept++;
    }
    return swept;
  }
}
