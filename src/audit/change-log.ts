import { sql } from "drizzle-orm";
import { type AppDb, type Database } from "../db/database.js";
import { recordDisclosures } from "../disclosure/record-types.js";
import { changeLog, type changeKind } from "./change-log.table.js";
import { rowsOf } from "../db/rows.js";

const CHANGE_LOG_LOCK = 7130714;

type Kind = (typeof changeKind.enumValues)[number];

export interface Change {
  decisionId: string;
  recordType: string;
  recordId: string;
  kind: Kind;
}

/** Whether the public sees the record (or the decision) now, read in the writer's own transaction. */
export async function isPublic(db: AppDb, recordType: string, recordId: string): Promise<boolean> {
  // Only record types of the registry have a projection view (the name is never client input).
  if (!recordDisclosures.some((r) => r.recordType === recordType)) return false;
  const [row] = await rowsOf<{ public: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM ${sql.identifier("disclosure")}.${sql.identifier(recordType)} WHERE id = ${recordId}) AS public`);
  return Boolean(row?.public);
}

export const decisionIsPublic = (db: AppDb, decisionId: string) => isPublic(db, "decisions", decisionId);

/**
 * Serialises writers from the start of a write to its commit: visibility read at the start stays true
 * until the change is logged, and both sequences of the log follow commit order.
 */
export async function lockChangeLog(db: AppDb): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK})`);
}

/** A write that may log changes: run as the writer role, with the change-log lock taken before anything else. */
export function asLoggedWriter<T>(database: Database, work: (db: AppDb) => Promise<T>): Promise<T> {
  return database.asWriter(async (db) => {
    await lockChangeLog(db);
    return work(db);
  });
}

export interface Visibility {
  recordBefore: boolean;
  decisionBefore: boolean;
}

/**
 * Appends a change, deciding once what the public sees of it: the record and the kind if the record
 * was public before or is after; a WITHHELD entry on the decision if only the decision is public;
 * nothing at all otherwise.
 */
export async function appendChange(db: AppDb, change: Change, before: Visibility): Promise<void> {
  await lockChangeLog(db);
  const recordAfter = await isPublic(db, change.recordType, change.recordId);
  const decisionAfter = await decisionIsPublic(db, change.decisionId);
  let entry: { recordType: string; recordId: string; kind: Kind } | null = null;
  if (recordAfter) entry = { recordType: change.recordType, recordId: change.recordId, kind: change.kind };
  else if (before.recordBefore) entry = { recordType: change.recordType, recordId: change.recordId, kind: change.kind === "WITHDRAWN" ? "WITHDRAWN" : "WITHHELD" };
  else if (before.decisionBefore || decisionAfter) entry = { recordType: "decisions", recordId: change.decisionId, kind: "WITHHELD" };
  await db.insert(changeLog).values({
    ...change,
    publicSeq: entry ? sql`nextval('change_log_public_seq')` : null,
    publicRecordType: entry?.recordType ?? null,
    publicRecordId: entry?.recordId ?? null,
    publicKind: entry?.kind ?? null,
  });
}

/** Reads what is public of the record and its decision before a change. */
export async function visibilityBefore(db: AppDb, recordType: string, recordId: string, decisionId: string): Promise<Visibility> {
  await lockChangeLog(db);
  return { recordBefore: await isPublic(db, recordType, recordId), decisionBefore: await decisionIsPublic(db, decisionId) };
}
