import { sql } from "drizzle-orm";
import { lockChangeLog } from "../audit/change-log.js";
import { changeLog, type changeKind } from "../audit/change-log.table.js";
import { arrayLiteral } from "../db/array-literal.js";
import { type AppDb, type Database } from "../db/database.js";
import { rowsOf } from "../db/rows.js";
import { publicRevisions } from "../disclosure/public-revision.table.js";
import { columnName, disclosureOf, recordDisclosures } from "../disclosure/record-types.js";
import { toGlobalId } from "../graphql/global-id.js";
import { editableKind } from "./editable-kinds.js";

type Kind = (typeof changeKind.enumValues)[number];

/** One public record as the public-state function describes it. */
interface PublicRecord {
  recordType: string;
  recordId: string;
  digest: string;
  /** Notices on the record, as "id:field:withheld kind". */
  notices: string[];
  state: Record<string, unknown> | null;
}

interface StateRow {
  decision_id: string;
  record_type: string;
  record_id: string;
  digest: string | null;
  notices: string | null;
  state: string | null;
}

export interface PublicChange {
  recordType: string;
  recordId: string;
  kind: Kind;
  /** Public after the write: its public updatedAt moves. */
  present: boolean;
}

/** What the recorder did: when, and which records' public updatedAt it moved. */
export interface RecordedChanges {
  at: Date | null;
  touched: ReadonlySet<string>;
  /** Whether the public sees any change at all (a record withheld or withdrawn is one, though not touched). */
  changed: boolean;
}

/**
 * Runs a write as the writer role under the change-log lock, then records what the public sees
 * change, in the same transaction. Every write of the API goes through here: a write that changed a
 * decision's file any other way is refused at commit by the database (see public_state_before).
 */
export async function asPublicWriter<T>(database: Database, work: (db: AppDb) => Promise<T>): Promise<{ result: T; recorded: RecordedChanges }> {
  const { epoch, ...written } = await database.asWriter(async (db) => {
    // First, before any row lock, so that writers never deadlock; ids of the feed follow commit order.
    await lockChangeLog(db);
    const result = await work(db);
    const recorded = await recordPublicChanges(db);
    return { result, recorded, epoch: recorded.changed ? await advanceEpoch(db) : null };
  });
  // This instance stops serving answers kept under the older epoch before the write is answered;
  // the others hear of it by notification at the commit (public-cache/epoch-watcher.ts).
  if (epoch !== null) database.epoch.learn(epoch);
  // A write is answered once no read replica can still show the public what it changed (a
  // withholding is withheld at every moment after it is answered; DESIGN §3).
  await database.replicasReplayed?.();
  return written;
}

/** Advances the disclosure epoch in this transaction (once, however often asked): the public saw a change. */
async function advanceEpoch(db: AppDb): Promise<number> {
  const [row] = await rowsOf<{ epoch: string }>(db, sql`SELECT public.advance_disclosure_epoch()::text AS epoch`);
  return Number(row!.epoch);
}

/**
 * The one place that decides what the public sees changed: the public state of every decision file
 * the transaction wrote (kept by the trigger before its first change) against the same state now,
 * both read from the disclosure projection. A record whose projected row or notices differ gets one
 * change-feed entry and its public updatedAt moved, and its decision's lastActivityAt with it; nothing
 * else does, so a change the public may not see leaves no trace. The decision's revisions follow the same comparison, field by field.
 */
export async function recordPublicChanges(db: AppDb): Promise<RecordedChanges> {
  const kept = await rowsOf<StateRow>(db, sql`SELECT decision_id::text, record_type, record_id::text, digest, notices, state FROM public.public_state_before`);
  const decisionIds = [...new Set(kept.filter((row) => row.record_type === "*").map((row) => row.decision_id))].sort();
  const touched = new Set<string>();
  if (decisionIds.length === 0) return { at: null, touched, changed: false };
  let changed = false;
  const [clock] = await rowsOf<{ at: string }>(db, sql`SELECT to_char(now()::timestamptz(3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`);
  for (const decisionId of decisionIds) {
    const mine = kept.filter((row) => row.decision_id === decisionId);
    const causes = new Set(mine.filter((row) => row.record_type.startsWith("!")).map((row) => row.record_type));
    const before = recordsOf(mine.filter((row) => row.digest !== null));
    const after = recordsOf(
      await rowsOf<StateRow>(db, sql`SELECT record_type, record_id::text, digest, notices, state FROM disclosure.public_state(${decisionId}::uuid)`),
    );
    const changes = compare(before, after, causes);
    await touch(db, changes);
    await appendEntries(db, decisionId, changes);
    await markActivity(db, decisionId, changes);
    await reviseDecision(db, decisionId, before.get(decisionId) ?? null, after.get(decisionId) ?? null, causes.has("!created"));
    for (const change of changes) if (change.present) touched.add(change.recordId);
    if (changes.length > 0) changed = true;
  }
  await db.execute(sql`DELETE FROM public.public_state_before`);
  return { at: new Date(clock!.at), touched, changed };
}

function recordsOf(rows: StateRow[]): Map<string, PublicRecord> {
  return new Map(
    rows.map((row) => [
      row.record_id,
      { recordType: row.record_type, recordId: row.record_id, digest: row.digest ?? "", notices: row.notices ? row.notices.split(",") : [], state: row.state ? (JSON.parse(row.state) as Record<string, unknown>) : null },
    ]),
  );
}

const typeOrder = new Map(recordDisclosures.map((record, index) => [record.recordType as string, index]));

/** Every record whose public state differs, parents first, with the kind the public is told. */
export function compare(before: Map<string, PublicRecord>, after: Map<string, PublicRecord>, causes: ReadonlySet<string>): PublicChange[] {
  const changes: PublicChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(id);
    const is = after.get(id);
    const recordType = (is ?? was)!.recordType;
    if (was && is && was.digest === is.digest && was.notices.join() === is.notices.join()) continue;
    let kind: Kind;
    if (!was) kind = causes.has("!released") ? "RELEASED" : "CREATED";
    else if (!is) kind = causes.has("!withdrawn") ? "WITHDRAWN" : "WITHHELD";
    else if (is.notices.some((notice) => !was.notices.includes(notice))) kind = "WITHHELD";
    else if (was.notices.some((notice) => !is.notices.includes(notice))) kind = "RELEASED";
    else kind = "UPDATED";
    changes.push({ recordType, recordId: id, kind, present: Boolean(is) });
  }
  return changes.sort((a, b) => typeOrder.get(a.recordType)! - typeOrder.get(b.recordType)! || (a.recordId < b.recordId ? -1 : 1));
}

/** Moves the public updatedAt of the records that changed in public view, and only theirs. */
async function touch(db: AppDb, changes: PublicChange[]): Promise<void> {
  const present = changes.filter((change) => change.present);
  if (present.length === 0) return;
  await db.execute(sql`SELECT set_config('disclosure.touching', 'on', true)`);
  for (const recordType of new Set(present.map((change) => change.recordType))) {
    const ids = present.filter((change) => change.recordType === recordType).map((change) => change.recordId);
    await db.execute(sql`UPDATE ${sql.identifier("public")}.${sql.identifier(recordType)} SET updated_at = now() WHERE id = ANY(${arrayLiteral(ids)}::uuid[])`);
  }
  await db.execute(sql`SELECT set_config('disclosure.touching', 'off', true)`);
}

/**
 * Moves the decision's last activity to the time of the entries just appended: any public change to
 * its file, none for a change out of public view. Staff read the same column.
 */
async function markActivity(db: AppDb, decisionId: string, changes: PublicChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.execute(sql`SELECT set_config('disclosure.touching', 'on', true)`);
  await db.execute(sql`UPDATE public.decisions SET last_activity_at = now() WHERE id = ${decisionId}::uuid`);
  await db.execute(sql`SELECT set_config('disclosure.touching', 'off', true)`);
}

async function appendEntries(db: AppDb, decisionId: string, changes: PublicChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.insert(changeLog).values(
    changes.map((change) => ({
      decisionId,
      recordType: change.recordType,
      recordId: change.recordId,
      kind: change.kind,
      publicSeq: sql`nextval('change_log_public_seq')`,
      publicRecordType: change.recordType,
      publicRecordId: change.recordId,
      publicKind: change.kind,
    })),
  );
}

const decisionDisclosure = disclosureOf("decisions");
const revisedFields = [...decisionDisclosure.published, ...decisionDisclosure.withholdable].filter((field) => !["id", "createdAt", "updatedAt", "lastActivityAt"].includes(field));

/** A field's value as the revision history writes it: ids as global ids, lists comma-separated. */
function asText(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const idOf = editableKind("Decision")?.fields[field]?.idOf;
  if (idOf) return toGlobalId(idOf, String(value));
  return Array.isArray(value) ? value.join(",") : String(value);
}

const visible = (record: PublicRecord | null, field: string) => record !== null && !record.notices.some((notice) => notice.endsWith(`:${field}:`));

/**
 * The public revision history, field by field: a change made in public view is an entry; a field
 * coming into view (a release) is an entry with no old value; a field going out of view erases the
 * new value of its latest entry, which was withheld while current and so is never public again.
 */
async function reviseDecision(db: AppDb, decisionId: string, before: PublicRecord | null, after: PublicRecord | null, created: boolean): Promise<void> {
  const entries: (typeof publicRevisions.$inferInsert)[] = [];
  for (const field of revisedFields) {
    const column = columnName(decisionDisclosure, field);
    const was = visible(before, field) ? asText(field, before!.state![column]) : undefined;
    const is = visible(after, field) ? asText(field, after!.state![column]) : undefined;
    if (was !== undefined && is !== undefined && was !== is) entries.push({ decisionId, field, oldValue: was, newValue: is, changedAt: sql`now()` as never });
    else if (was === undefined && is !== undefined && !created) entries.push({ decisionId, field, oldValue: null, newValue: is, changedAt: sql`now()` as never });
    else if (was !== undefined && is === undefined) {
      await db.execute(
        sql`UPDATE public.public_revisions SET new_value = NULL WHERE id = (SELECT id FROM public.public_revisions WHERE decision_id = ${decisionId}::uuid AND field = ${field} ORDER BY seq DESC LIMIT 1)`,
      );
    }
  }
  if (entries.length > 0) await db.insert(publicRevisions).values(entries);
}
