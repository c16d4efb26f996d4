import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import contentDisposition from 'content-disposition';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { DOCUMENT_PREVIEW_TYPES, DocumentOwnerKind, Permission } from '@civitas/shared/domain';
import { badUserInput, notFound, ParseIdPipe } from '@civitas/api/core';
import type { AuthUser } from '@civitas/api/auth';
import { CurrentUser, Public, RequirePermission } from '@civitas/api/auth';
import { DocumentLinks } from './document-links';
import { DocumentUploadService, UploadResult, UploadTarget } from './document-upload.service';
import { DocumentsService } from './documents.service';
import { StorageDriver } from './storage/storage-driver';

const uuid = z.string().uuid();
const newDocumentQuery = z.object({
  ownerKind: z.nativeEnum(DocumentOwnerKind).default(DocumentOwnerKind.GROUP_LIBRARY),
  ownerId: uuid,
  folderId: uuid.optional(),
  name: z.string().max(1000),
});
const versionQuery = z.object({
  name: z.string().max(1000).optional(),
  note: z.string().max(500).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw badUserInput(
    'The upload is missing or has malformed parameters',
    parsed.error.issues.map((i) => ({ field: i.path.join('.'), problems: [i.message] })),
  );
}

/** bytes=a-b, bytes=a-, bytes=-n; one range only (several fall back to the whole file). */
function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'invalid' {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (!m[1] && !m[2])) return null;
  let start: number;
  let end: number;
  if (!m[1]) {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

/**
 * Bytes in and out of documents over plain HTTP (GraphQL is not for bytes).
 *
 * Uploads: the body is the file itself (any Content-Type; the content is sniffed), with
 * the bearer access token. Downloads: with the bearer token, or through the signed links
 * GraphQL gives (`downloadUrl`, `previewUrl`) so that browsers can follow them.
 */
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly uploads: DocumentUploadService,
    private readonly documents: DocumentsService,
    private readonly links: DocumentLinks,
    private readonly storage: StorageDriver,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** A new document: POST /api/documents?ownerKind=GROUP_LIBRARY&ownerId=…&folderId=…&name=… */
  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Post()
  @HttpCode(201)
  async create(
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: AuthUser,
  ): Promise<UploadResult> {
    return this.guarded(req, res, () => {
      const q = parse(newDocumentQuery, query);
      return this.uploads.upload(user, req, q);
    });
  }

  /** A new version: POST /api/documents/:id/versions?note=… */
  @RequirePermission(Permission.DOCUMENTS_WRITE)
  @Post(':id/versions')
  @HttpCode(201)
  async version(
    @Param('id', new ParseIdPipe('Document')) id: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() user: AuthUser,
  ): Promise<UploadResult> {
    return this.guarded(req, res, () => {
      const q = parse(versionQuery, query);
      const target: UploadTarget = { documentId: id, name: q.name, note: q.note };
      return this.uploads.upload(user, req, target);
    });
  }

  /**
   * A refused upload is answered at once and the connection closed: the rest of the body
   * is never read (a 1 GB file refused by its Content-Length costs nothing).
   */
  private async guarded<T>(req: Request, res: Response, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      // Interrupted by the client: nobody is left to answer.
      if (req.socket.destroyed) return undefined as T;
      if (!req.complete) {
        res.setHeader('Connection', 'close');
        // Node destroys the socket as soon as the answer is written; with the body still
        // arriving, that close sends a reset, and a client still sending can lose the answer.
        // Linger instead: half-close after the answer, read and drop what still comes for up
        // to 2 s (Node's request dump reads it), then destroy.
        const socket = req.socket;
        socket.destroySoon = () => {
          socket.end();
          setTimeout(() => socket.destroy(), 2000).unref();
        };
      }
      throw e;
    }
  }

  /** The current version, or ?version=<id>; ?inline=1 for a preview (PDF and images). */
  @RequirePermission(Permission.DOCUMENTS_READ)
  @Get(':id/content')
  async content(
    @Param('id', new ParseIdPipe('Document')) id: string,
    @Query('version') versionId: string | undefined,
    @Query('inline') inline: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    const doc = await this.documents.readableRow(user, id);
    const version = versionId ?? doc.v_id;
    if (!uuid.safeParse(version).success) throw notFound('Document version');
    await this.send(req, res, doc.id, version, inline === '1' || inline === 'true');
  }

  /** A signed link from GraphQL (downloadUrl, previewUrl); access is checked again. */
  @Public()
  @Get('files/:token')
  async file(
    @Param('token') token: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const claims = this.links.verify(token);
    if (!claims) throw notFound('Download link (it may have expired: reload the page)');
    const [user]: {
      id: string;
      role: AuthUser['role'];
      organisation_id: string;
      is_legal_officer: boolean;
      deactivated_at: Date | null;
    }[] = await this.db.query(
      `SELECT id, role, organisation_id, is_legal_officer, deactivated_at FROM app_user WHERE id = $1`,
      [claims.u],
    );
    if (!user || user.deactivated_at) throw notFound('Document');
    const [owner]: { document_id: string }[] = await this.db.query(
      `SELECT document_id FROM document_version WHERE id = $1`,
      [claims.v],
    );
    if (!owner) throw notFound('Document');
    const doc = await this.documents.readableRow(
      {
        id: user.id,
        role: user.role,
        organisationId: user.organisation_id,
        isLegalOfficer: user.is_legal_officer,
      },
      owner.document_id,
    );
    await this.send(req, res, doc.id, claims.v, claims.i);
  }

  private async send(
    req: Request,
    res: Response,
    documentId: string,
    versionId: string,
    inline: boolean,
  ) {
    const [v]: {
      storage_key: string;
      size: string;
      content_type: string;
      name: string;
    }[] = await this.db.query(
      `SELECT v.storage_key, v.size, v.content_type, d.name FROM document_version v
         JOIN document d ON d.id = v.document_id WHERE v.id = $1 AND v.document_id = $2`,
      [versionId, documentId],
    );
    if (!v) throw notFound('Document version');
    const size = Number(v.size);
    // Inline only for what a browser shows without running it: PDF and raster images.
    const showInline = inline && DOCUMENT_PREVIEW_TYPES.includes(v.content_type);
    const range = parseRange(req.headers.range, size);
    if (range === 'invalid') {
      res.status(416).setHeader('Content-Range', `bytes */${size}`).end();
      return;
    }
    const body = await this.storage.read(v.storage_key, range ?? undefined);
    res.status(range ? 206 : 200);
    res.setHeader('Content-Type', v.content_type);
    res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : size));
    res.setHeader('Accept-Ranges', 'bytes');
    if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    res.setHeader(
      'Content-Disposition',
      contentDisposition(v.name, { type: showInline ? 'inline' : 'attachment' }),
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // A version's bytes never change: its id is a strong validator.
    res.setHeader('ETag', `"${versionId}"`);
    res.setHeader('Cache-Control', 'private, no-cache');
    // Whatever a file holds, it runs nothing on our origin.
    res.setHeader(
      'Content-Security-Policy',
      showInline
        ? "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; object-src 'self'"
        : "sandbox; default-src 'none'",
    );
    res.removeHeader('Content-Security-Policy-Report-Only');
    await pipeline(body, res).catch(() => body.destroy());
  }
}
