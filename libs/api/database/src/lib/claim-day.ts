import { EntityManager } from 'typeorm';

/**
 * Claims `day` for a once-a-day job, inside the transaction that does the day's work: false
 * when another process is at it right now (an advisory lock, so it does not wait) or the day
 * is already done (its row in `runTable`, a table with a unique `run_date`). The claim and the
 * work commit together; announce their results only after the commit.
 */
export async function claimDay(
  tx: EntityManager,
  job: string,
  runTable: string,
  day: string,
): Promise<boolean> {
  const [{ locked }]: { locked: boolean }[] = await tx.query(
    `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
    [`civitas:${job}`],
  );
  if (!locked) return false;
  const claimed: unknown[] = await tx.query(
    `INSERT INTO ${runTable} (run_date) VALUES ($1::date)
     ON CONFLICT (run_date) DO NOTHING RETURNING run_date`,
    [day],
  );
  return claimed.length > 0;
}
