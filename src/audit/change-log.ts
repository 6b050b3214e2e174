import { sql } from "drizzle-orm";
import { type AppDb } from "../db/database.js";

const CHANGE_LOG_LOCK = 7130714;

/**
 * Serialises writers from the start of a write to its commit: what the public saw before a write
 * stays true until its changes are recorded, and both sequences of the change log follow commit order.
 * What the public sees change is recorded by src/records/public-changes.ts, and nowhere else.
 */
export async function lockChangeLog(db: AppDb): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
}
