import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { Transform, TransformCallback } from 'node:stream';
import * as FileType from 'file-type';
import { DocumentOwnerKind, ErrorCode } from '@civitas/shared/domain';
import { APP_CONFIG, badUserInput } from '@civitas/api/core';
import type { AppConfig } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentJobs } from './document-jobs';
import { DocumentsService, UploadPlan } from './documents.service';
import {
  checkContent,
  cleanFileName,
  CleanName,
  extensionOf,
  fileError,
  looksLikeText,
} from './file-policy';
import { OBJECT_PREFIX, StorageDriver, TMP_PREFIX } from './storage/storage-driver';

/** file-type reads this much to decide; text is judged on the same sample. */
const SAMPLE_BYTES = 4100;

export type UploadTarget =
  | { ownerKind: DocumentOwnerKind; ownerId: string; folderId?: string | null; name?: string }
  | { documentId: string; name?: string; note?: string };

export interface UploadResult {
  documentId: string;
  versionId: string;
  number: number;
  name: string;
  size: number;
  contentType: string;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Counts and limits the bytes on their way to storage. The first bytes are held
 * back until the content is judged, so a refused file never reaches the storage.
 */
class UploadGate extends Transform {
  bytes = 0;
  private sample: Buffer[] | null = [];
  private sampled = 0;

  constructor(
    private readonly limit: { bytes: number; error: () => Error },
    private readonly judge: (sample: Buffer) => void,
  ) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit.bytes) return done(this.limit.error());
    if (this.sample) {
      this.sample.push(chunk);
      this.sampled += chunk.length;
      if (this.sampled < SAMPLE_BYTES) return done();
      return this.release(done);
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.sample) return this.release(done);
    done();
  }

  private release(done: TransformCallback) {
    const held = Buffer.concat(this.sample!);
    this.sample = null;
    try {
      if (held.length) this.judge(held.subarray(0, SAMPLE_BYTES));
    } catch (e) {
      return done(e as Error);
    }
    done(null, held);
  }
}

/**
 * Streams an upload from the request to storage under a temporary key and commits it.
 * Refusals that need no byte (size by Content-Length, quota, access, name) come before
 * the body is read; the content is judged on its first bytes; limits are enforced while
 * streaming. Whatever fails, the temporary bytes are deleted (and swept by the cleanup
 * job if this process dies first), and no row exists.
 */
@Injectable()
export class DocumentUploadService {
  private readonly logger = new Logger('DocumentUpload');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentsService,
    private readonly storage: StorageDriver,
    private readonly jobs: DocumentJobs,
  ) {}

  async upload(user: AuthUser, req: Request, target: UploadTarget): Promise<UploadResult> {
    if (req.readableEnded) {
      // A body parser took it (a form or JSON Content-Type): the bytes are not ours to stream.
      throw badUserInput(
        'Send the file itself as the body, with Content-Type: application/octet-stream',
      );
    }
    const max = this.config.documents.maxFileBytes;
    const header = req.headers['content-length'];
    const declaredLength = header === undefined ? undefined : Number(header);
    if (declaredLength !== undefined && declaredLength > max) {
      throw fileError(
        ErrorCode.FILE_TOO_LARGE,
        `The file is ${mb(declaredLength)}; at most ${mb(max)} is accepted`,
      );
    }
    if (declaredLength === 0) throw fileError(ErrorCode.EMPTY_FILE, 'The file is empty');

    let plan: UploadPlan;
    let declared: CleanName;
    if ('documentId' in target) {
      plan = await this.documents.planUpload(user, { documentId: target.documentId });
      const current = (await this.documents.readableRow(user, target.documentId)).name;
      declared = cleanFileName(target.name ?? current);
      if (declared.extension !== extensionOf(current)) {
        throw fileError(
          ErrorCode.FILE_TYPE_MISMATCH,
          `A new version of "${current}" must be a .${extensionOf(current)} file too`,
        );
      }
      declared = { ...declared, name: current };
    } else {
      declared = cleanFileName(target.name);
      plan = await this.documents.planUpload(user, target);
    }
    if (declaredLength !== undefined && declaredLength > plan.quotaRemaining) {
      throw fileError(
        ErrorCode.QUOTA_EXCEEDED,
        `The group has ${mb(Math.max(0, plan.quotaRemaining))} left of its quota; this file is ${mb(declaredLength)}`,
      );
    }

    const limit =
      plan.quotaRemaining < max
        ? {
            bytes: Math.max(0, plan.quotaRemaining),
            error: () =>
              fileError(
                ErrorCode.QUOTA_EXCEEDED,
                'This upload would take the group past its storage quota',
              ),
          }
        : {
            bytes: max,
            error: () => fileError(ErrorCode.FILE_TOO_LARGE, `At most ${mb(max)} is accepted`),
          };

    // A body with no byte at all (chunked, so no Content-Length said so) has already ended:
    // there is nothing for the stream to announce.
    if (req.complete && req.readableLength === 0) {
      throw fileError(ErrorCode.EMPTY_FILE, 'The file is empty');
    }
    // file-type's stream API: resolves once it has seen the first bytes, passing them on.
    const sniffing = await FileType.stream(req);
    const sniffed = sniffing.fileType?.ext;
    if (sniffed) checkContent(declared, sniffed); // refused before the storage is touched
    const gate = new UploadGate(limit, (sample) => {
      if (!sniffed) checkContent(declared, looksLikeText(sample) ? 'text' : undefined);
    });

    const tmpKey = `${TMP_PREFIX}${randomUUID()}`;
    const finalKey = `${OBJECT_PREFIX}${randomUUID()}`;
    const aborted = new Promise<never>((_, reject) =>
      req.once('aborted', () => reject(new Error('The upload was interrupted'))),
    );
    aborted.catch(() => undefined);
    // The gate's own refusal (type, size, quota) is the answer, whatever the storage makes of it.
    let refused: Error | undefined;
    gate.on('error', (e) => (refused ??= e));
    try {
      sniffing.on('error', (e) => gate.destroy(e));
      await Promise.race([this.storage.write(tmpKey, sniffing.pipe(gate)), aborted]);
      if (gate.bytes === 0) throw fileError(ErrorCode.EMPTY_FILE, 'The file is empty');
      const committed = await this.documents.commitUpload(
        user,
        plan,
        {
          storageKey: tmpKey,
          size: gate.bytes,
          contentType: declared.contentType,
          name: declared.name,
          note: 'documentId' in target ? target.note : undefined,
        },
        finalKey,
      );
      this.jobs.extractText(committed.versionId);
      return {
        ...committed,
        name: declared.name,
        size: gate.bytes,
        contentType: declared.contentType,
      };
    } catch (e) {
      gate.destroy();
      req.unpipe();
      // The final key exists only if the commit failed after moving the bytes.
      for (const key of [tmpKey, finalKey]) {
        await this.storage
          .delete(key)
          .catch((err: Error) =>
            this.logger.warn(`could not delete ${key} (the cleanup job will): ${err.message}`),
          );
      }
      throw refused ?? e;
    }
  }
}
