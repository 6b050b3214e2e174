import { sql } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";
import { lockChangeLog } from "../src/audit/change-log.js";
import { arrayLiteral } from "../src/db/array-literal.js";
import { type AppDb, WRITER_ROLE } from "../src/db/database.js";
import { rowsOf } from "../src/db/rows.js";
import { type RecordType } from "../src/disclosure/record-types.js";
import { recordPublicChanges } from "../src/records/public-changes.js";
import { RecordWriter, type WithholdingInput } from "../src/records/record-writer.js";
import { type FileStep, stepsInOrder } from "./file-step.js";

/** The writer of one step, noting which records it created and which withholdings it released, and when. */
class DatedWriter extends RecordWriter {
  at = new Date(0);
  readonly created = new Map<string, { table: string; at: Date }>();
  readonly released = new Map<string, Date>();

  override async insert<T extends PgTable>(recordType: RecordType, table: T, values: T["$inferInsert"]) {
    const row = await super.insert(recordType, table, values);
    this.created.set(row.id, { table: recordType, at: this.at });
    return row;
  }

  override async withhold(input: WithholdingInput) {
    const row = await super.withhold(input);
    this.created.set(row.id, { table: "withholdings", at: this.at });
    return row;
  }

  override async release(withholdingId: string, reason: string) {
    const row = await super.release(withholdingId, reason);
    this.released.set(withholdingId, this.at);
    return row;
  }
}

/** Where the feed and the revisions stood after a step, and when the step happened. */
interface Mark {
  at: Date;
  changeId: number;
  revisionSeq: number;
}

/**
 * Writes the steps in time order, each as the product's writer with its public changes recorded by
 * the product's recorder (so the feed, revisions and withholding rules are the product's own), then,
 * as the tables' owner in the same transaction, dates what each step wrote at the step's moment: the
 * whole load runs at one database time. Only the seed may do this: it needs the owner, which no
 * request path has, and it moves only rows this transaction wrote.
 */
export async function writeHistory(tx: AppDb, steps: readonly FileStep[], loadedAt: Date): Promise<void> {
  const writer = new DatedWriter(tx);
  const marks: Mark[] = [];
  const touched = new Map<string, Date>();
  await tx.execute(sql.raw(`SET LOCAL ROLE ${WRITER_ROLE}`));
  await lockChangeLog(tx);
  for (const step of stepsInOrder(steps)) {
    writer.at = step.at > loadedAt ? loadedAt : step.at;

    await step.write(writer);
    const recorded = await recordPublicChanges(tx);
    for (const id of recorded.touched) touched.set(id, writer.at);
    const [mark] = await rowsOf<{ change: string | null; revision: string | null }>(
      tx,
      sql`SELECT (SELECT max(id) FROM public.change_log)::text AS change, (SELECT max(seq) FROM public.public_revisions)::text AS revision`,
    );
    marks.push({ at: writer.at, changeId: Number(mark!.change ?? 0), revisionSeq: Number(mark!.revision ?? 0) });
  }
  await tx.execute(sql`RESET ROLE`);
  await dateFeed(tx, marks);
  await dateRecords(tx, writer, touched);
}

/** Each feed entry and revision at the moment of the step that wrote it: ids and times in one order. */
async function dateFeed(tx: AppDb, marks: Mark[]): Promise<void> {
  const ranges = (key: "changeId" | "revisionSeq") => {
    const lows: number[] = [];
    const highs: number[] = [];
    const times: Date[] = [];
    marks.forEach((mark, i) => {
      const low = (marks[i - 1]?.[key] ?? 0) + 1;
      if (mark[key] >= low) [lows, highs, times].forEach((list, j) => (list as unknown[]).push([low, mark[key], mark.at][j]));
    });
    return sql`unnest(${arrayLiteral(lows)}::bigint[], ${arrayLiteral(highs)}::bigint[], ${arrayLiteral(times)}::timestamptz[]) AS m(low, high, at)`;
  };
  await tx.execute(sql`UPDATE public.change_log c SET occurred_at = m.at FROM ${ranges("changeId")} WHERE c.id BETWEEN m.low AND m.high`);
  await tx.execute(sql`UPDATE public.public_revisions r SET changed_at = m.at FROM ${ranges("revisionSeq")} WHERE r.seq BETWEEN m.low AND m.high`);
}

/**
 * Every record created at its step and updated at its last public change (as the recorder moves it);
 * a release at its step; a decision's last activity at its latest feed entry.
 */
async function dateRecords(tx: AppDb, writer: DatedWriter, touched: Map<string, Date>): Promise<void> {
  const byTable = new Map<string, { ids: string[]; created: Date[]; updated: Date[] }>();
  for (const [id, { table, at }] of writer.created) {
    const rows = byTable.get(table) ?? { ids: [], created: [], updated: [] };
    rows.ids.push(id);
    rows.created.push(at);
    rows.updated.push(touched.get(id) ?? writer.released.get(id) ?? at);
    byTable.set(table, rows);
  }
  for (const [table, rows] of byTable) {
    await tx.execute(sql`UPDATE ${sql.identifier("public")}.${sql.identifier(table)} x SET created_at = v.created, updated_at = v.updated
      FROM unnest(${arrayLiteral(rows.ids)}::uuid[], ${arrayLiteral(rows.created)}::timestamptz[], ${arrayLiteral(rows.updated)}::timestamptz[]) AS v(id, created, updated)
      WHERE x.id = v.id`);
  }
  const released = [...writer.released];
  if (released.length > 0) {
    await tx.execute(sql`UPDATE public.withholdings w SET released_at = v.at
      FROM unnest(${arrayLiteral(released.map(([id]) => id))}::uuid[], ${arrayLiteral(released.map(([, at]) => at))}::timestamptz[]) AS v(id, at) WHERE w.id = v.id`);
  }
  await tx.execute(sql`UPDATE public.decisions d SET last_activity_at = greatest(d.created_at, (SELECT max(c.occurred_at) FROM public.change_log c WHERE c.decision_id = d.id))`);
}
