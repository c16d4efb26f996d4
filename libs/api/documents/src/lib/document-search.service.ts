import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentOwnerKind } from '@civitas/shared/domain';
import type { AuthUser } from '@civitas/api/auth';
import { DocumentAccessRegistry } from './document-access.registry';
import { DocumentsService } from './documents.service';
import { DocumentSearchArgs, DocumentSearchHit } from './document.types';

const START = '\u0001';
const STOP = '\u0002';
/** Candidates read per round before the access filter; at most a few rounds. */
const BATCH = 200;
const ROUNDS = 5;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Full-text search over document names and extracted text with the shared
 * `civitas_search` configuration (unaccented Polish lemmas where the server has the
 * dictionary, `simple` + unaccent elsewhere; the API says which at start). Hits are
 * filtered through the owners' access checkers in batches: only what the searcher may
 * read is returned, and the rest is not counted.
 */
@Injectable()
export class DocumentSearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: DocumentAccessRegistry,
    private readonly documents: DocumentsService,
  ) {}

  async search(user: AuthUser, args: DocumentSearchArgs): Promise<DocumentSearchHit[]> {
    const query = args.query.trim();
    if (!query) return [];
    const picked: { id: string; rank: number }[] = [];
    for (let round = 0; round < ROUNDS && picked.length < args.first; round++) {
      const params: unknown[] = [query, BATCH, round * BATCH];
      let scope = '';
      if (args.groupId) {
        params.push(args.groupId);
        scope = `AND d.quota_scope = $4`;
      }
      const candidates: {
        id: string;
        owner_kind: DocumentOwnerKind;
        owner_id: string;
        rank: number;
      }[] = await this.db.query(
        `WITH q AS (SELECT websearch_to_tsquery('civitas_search', $1) AS q)
           SELECT d.id, d.owner_kind, d.owner_id,
             ts_rank(d.name_vector || coalesce(v.text_vector, ''::tsvector), q.q) AS rank
           FROM q, document d JOIN document_version v ON v.id = d.current_version_id
           WHERE d.deleted_at IS NULL AND (d.name_vector @@ q.q OR v.text_vector @@ q.q) ${scope}
           ORDER BY rank DESC, d.id LIMIT $2 OFFSET $3`,
        params,
      );
      const byKind = new Map<DocumentOwnerKind, string[]>();
      for (const c of candidates)
        byKind.set(c.owner_kind, [...(byKind.get(c.owner_kind) ?? []), c.owner_id]);
      const readable = new Map<DocumentOwnerKind, Set<string>>();
      for (const [kind, ids] of byKind)
        readable.set(kind, await this.registry.allowed('read', user, kind, ids));
      for (const c of candidates) {
        if (readable.get(c.owner_kind)!.has(c.owner_id) && picked.length < args.first) {
          picked.push({ id: c.id, rank: Number(c.rank) });
        }
      }
      if (candidates.length < BATCH) break;
    }
    if (!picked.length) return [];
    const headlines: { id: string; headline: string }[] = await this.db.query(
      `WITH q AS (SELECT websearch_to_tsquery('civitas_search', $1) AS q)
       SELECT d.id, search_headline(
           CASE WHEN coalesce(v.text_content, '') = '' THEN d.name ELSE left(v.text_content, 50000) END,
           q.q, 'StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "') AS headline
       FROM q, document d JOIN document_version v ON v.id = d.current_version_id
       WHERE d.id = ANY($2::uuid[])`,
      [query, picked.map((p) => p.id)],
    );
    const rows = await this.documents.rowsByIds(picked.map((p) => p.id));
    const docs = new Map((await this.documents.present(user, rows)).map((d) => [d.id, d]));
    const lines = new Map(headlines.map((h) => [h.id, h.headline]));
    return picked
      .filter((p) => docs.has(p.id))
      .map((p) => ({
        document: docs.get(p.id)!,
        rank: p.rank,
        headline: escapeHtml(lines.get(p.id) ?? '')
          .replaceAll(START, '<mark>')
          .replaceAll(STOP, '</mark>'),
      }));
  }
}
