import { sql } from "drizzle-orm";
import { type AppDb } from "../db/database.js";
import { changeLog, type changeKind } from "./change-log.table.js";

const CHANGE_LOG_LOCK = 7130714;

export interface Change {
  decisionId: string;
  recordType: string;
  recordId: string;
  kind: (typeof changeKind.enumValues)[number];
}

/** Whether the decision is public now (read in the writer's transaction, so "before the change" when asked first). */
export async function decisionIsPublic(db: AppDb, decisionId: string): Promise<boolean> {
  const result = (await db.execute(sql`SELECT EXISTS (SELECT 1 FROM disclosure.decisions WHERE id = ${decisionId}) AS public`)) as unknown as { rows?: { public: boolean }[] } & { public: boolean }[];
  return Boolean((result.rows ?? result)[0]?.public);
}

/**
 * Appends a change in the caller's transaction. The lock serialises appenders until they commit, so
 * identity order is commit order and a reader following the feed never skips a later-committed change.
 */
export async function appendChange(db: AppDb, change: Change, decisionWasPublic: boolean): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
  await db.insert(changeLog).values({ ...change, decisionWasPublic });
}
