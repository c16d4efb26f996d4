import { DataSource } from 'typeorm';
import { databaseOptions } from './database.options';
import { seedDemoData, seedReferenceData } from '../seeds';

export interface PreparedDatabase {
  migrationsApplied: string[];
  towns: number;
  demoCreated: boolean;
  /** What `civitas_search` lemmatises with (see the Search migration). */
  searchDictionary: SearchDictionary;
}

export type SearchDictionary = 'Polish (hunspell)' | 'simple + unaccent (no Polish dictionary)';

/** Whether full-text search knows Polish inflection here or only folds diacritics. */
export async function searchDictionary(db: DataSource): Promise<SearchDictionary> {
  const [{ polish }]: { polish: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM pg_ts_config_map m
                    JOIN pg_ts_config c ON c.oid = m.mapcfg
                    JOIN pg_ts_dict d ON d.oid = m.mapdict
                    WHERE c.cfgname = 'civitas_search' AND d.dictname = 'polish_unaccent') AS polish`,
  );
  return polish ? 'Polish (hunspell)' : 'simple + unaccent (no Polish dictionary)';
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
    return {
      migrationsApplied: applied.map((m) => m.name),
      towns,
      demoCreated: demo.created,
      searchDictionary: await searchDictionary(db),
    };
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
