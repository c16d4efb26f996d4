import { Controller, Get, Injectable, Param, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { Permission } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, RequirePermission } from '@civitas/api/auth';
import { notFound, ParseIdPipe } from '@civitas/api/core';
import { StorageDriver } from '@civitas/api/documents';
import { ConsentLog, PersonalDataFile, PersonalDataRegistry } from '@civitas/api/personal-data';
import { exportAccount } from './account-data';
import { DataExportLink } from './privacy.types';

/** How long a download link lives: long enough to click, short enough not to linger. */
const EXPORT_LINK_MS = 15 * 60 * 1000;

/** A file name safe in any unzipper: no folders, no control characters, not empty. */
const safeName = (name: string) =>
  name
    .replace(/[/\\\p{Cc}]/gu, '_')
    .replace(/^\.+/, '_')
    .slice(0, 200) || 'file';

/**
 * A stream that asks storage for the file only when the zip first reads from it. JSZip
 * writes entries one after another and resumes only the one it is writing, so a person
 * with many files holds one open file (or S3 request) at a time, not one per file.
 */
function openWhenRead(open: () => Promise<Readable>): Readable {
  return Readable.from(
    (async function* () {
      yield* await open();
    })(),
    { objectMode: false },
  );
}

/**
 * The data export (RODO art. 15 and 20): `data.json` (the account and every registered
 * domain's section, machine-readable) and the person's files under `files/<section>/`, one
 * zip streamed as it is built. A link is made for the person and downloadable only by them,
 * for a quarter of an hour; anyone else's id answers 404.
 */
@Injectable()
export class DataExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly consents: ConsentLog,
    private readonly storage: StorageDriver,
  ) {}

  async createLink(user: AuthUser): Promise<DataExportLink> {
    const [row]: { id: string; expires_at: Date }[] = await this.db.query(
      `INSERT INTO data_export (user_id, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
       RETURNING id, expires_at`,
      [user.id, EXPORT_LINK_MS],
    );
    // Expired links of anyone are of no use: drop them while here.
    await this.db.query(`DELETE FROM data_export WHERE expires_at < now() - interval '1 day'`);
    return { id: row.id, path: `/api/privacy/exports/${row.id}`, expiresAt: row.expires_at };
  }

  /** Whether `exportId` is a live link of `user`'s. */
  async isOwnLiveLink(user: AuthUser, exportId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT 1 FROM data_export WHERE id = $1 AND user_id = $2 AND expires_at > now()`,
      [exportId, user.id],
    );
    return !!row;
  }

  /** The archive, built in one read-only snapshot so its parts agree with each other. */
  async archive(userId: string): Promise<JSZip> {
    const zip = new JSZip();
    const files: { section: string; file: PersonalDataFile }[] = [];
    const data = await this.db.transaction('REPEATABLE READ', async (tx) => {
      const sections: Record<string, unknown> = {};
      for (const contributor of this.registry.all()) {
        const part = await contributor.export(userId, tx);
        sections[contributor.section] = part.data;
        for (const file of part.files ?? []) files.push({ section: contributor.section, file });
      }
      return {
        exportedAt: new Date().toISOString(),
        format: 'civitas-personal-data/1',
        ...(await exportAccount(userId, tx, this.consents)),
        sections,
      };
    });
    const keys: { id: string; storage_key: string }[] = files.length
      ? await this.db.query(
          `SELECT d.id, v.storage_key FROM document d
           JOIN document_version v ON v.id = d.current_version_id WHERE d.id = ANY($1::uuid[])`,
          [files.map((f) => f.file.documentId)],
        )
      : [];
    const keyOf = new Map(keys.map((k) => [k.id, k.storage_key]));
    const taken = new Set<string>();
    const listed: { section: string; documentId: string; path: string }[] = [];
    for (const { section, file } of files) {
      const key = keyOf.get(file.documentId);
      if (!key) continue;
      let path = `files/${safeName(section)}/${safeName(file.name)}`;
      for (let n = 2; taken.has(path); n++) {
        path = `files/${safeName(section)}/${n}-${safeName(file.name)}`;
      }
      taken.add(path);
      listed.push({ section, documentId: file.documentId, path });
      zip.file(
        path,
        openWhenRead(() => this.storage.read(key)),
        { binary: true },
      );
    }
    zip.file('data.json', JSON.stringify({ ...data, files: listed }, null, 2));
    return zip;
  }
}

@Controller('api/privacy/exports')
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Get(':id')
  @RequirePermission(Permission.PROFILE_OWN)
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseIdPipe('Data export')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.exports.isOwnLiveLink(user, id))) throw notFound('Data export');
    const zip = await this.exports.archive(user.id);
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition(`civitas-dane-${day}.zip`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const body = zip.generateNodeStream({
      type: 'nodebuffer',
      streamFiles: true,
      compression: 'DEFLATE',
    });
    await pipeline(body, res);
  }
}
