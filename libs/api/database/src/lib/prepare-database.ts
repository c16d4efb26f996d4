import { DataSource } from 'typeorm';
import { databaseOptions } from './database.options';
import { seedDemoData, seedReferenceData } from '../seeds';

export interface PreparedDatabase {
  migrationsApplied: string[];
  towns: number;
  demoCreated: boolean;
}

/** Applies pending migrations and the idempotent seeds, then closes its connection. */
export async function prepareDatabase(
  url: string,
  options: { demo: boolean; poolSize?: number },
): Promise<PreparedDatabase> {
  const db = new DataSource(databaseOptions({ url, poolSize: options.poolSize ?? 1 }));
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    const { towns } = await seedReferenceData(db);
    const demo = options.demo ? await seedDemoData(db) : { created: false };
    return { migrationsApplied: applied.map((m) => m.name), towns, demoCreated: demo.created };
  } finally {
    await db.destroy();
  }
}

/** Drops every table of the schema; `db:reset` then migrates and seeds again. */
export async function resetDatabase(url: string): Promise<void> {
  const db = new DataSource(databaseOptions({ url, poolSize: 1 }));
  await db.initialize();
  try {
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await db.destroy();
  }
}
