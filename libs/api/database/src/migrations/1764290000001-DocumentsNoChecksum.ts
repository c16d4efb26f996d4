import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploads no longer compute a SHA-256 of every file: on the 1 GB benchmark it cost a third of
 * the upload's throughput (hashing runs at ~330 MB/s on the project's machines) for a value
 * nothing used. A version's id is its download's ETag (its bytes never change).
 */
export class DocumentsNoChecksum1764290000001 implements MigrationInterface {
  name = 'DocumentsNoChecksum1764290000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version DROP COLUMN sha256`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_version ADD COLUMN sha256 text NOT NULL DEFAULT ''`);
  }
}
