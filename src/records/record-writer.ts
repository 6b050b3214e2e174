import { and, eq, getTableColumns, isNull, sql } from "drizzle-orm";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { type AppDb } from "../db/database.js";
import { disclosureOf, type RecordType } from "../disclosure/record-types.js";
import { type withholdingGround, withholdings } from "../disclosure/withholding.table.js";
import { searchDocuments } from "../search/search-document.table.js";
import { searchKey } from "../search/search-key.js";

export interface WithholdingInput {
  recordType: RecordType;
  recordId: string;
  /** Omitted: the whole record. */
  field?: string;
  ground: (typeof withholdingGround.enumValues)[number];
  article: string;
  explanation: string;
  decidedByBodyId: string;
  since: string;
  reviewDue: string;
}

/**
 * Writes records of a decision's file on the privileged connection, keeping what is derived from them
 * (search documents) in step. Sample data is loaded through it, as editors' writes will be.
 */
export class RecordWriter {
  constructor(private readonly db: AppDb) {}

  async insert<T extends PgTable>(recordType: RecordType, table: T, values: T["$inferInsert"]): Promise<T["$inferSelect"] & { id: string }> {
    const [row] = (await this.db.insert(table).values(values).returning()) as (T["$inferSelect"] & { id: string })[];
    await this.index(recordType, row!);
    return row!;
  }

  /** Changes a record's values and keeps its search documents in step. */
  async update<T extends PgTable>(recordType: RecordType, table: T, id: string, values: Partial<T["$inferInsert"]>): Promise<void> {
    const idColumn = getTableColumns(table).id as PgColumn;
    const [row] = (await this.db.update(table).set(values).where(eq(idColumn, id)).returning()) as (Record<string, unknown> & { id: string })[];
    if (!row) throw new Error(`no ${recordType} ${id}`);
    await this.reindex(recordType, row);
  }

  /** Withholds a field or a whole record; the field must be one the law's registry lets be withheld. */
  async withhold(input: WithholdingInput): Promise<typeof withholdings.$inferSelect> {
    const disclosure = disclosureOf(input.recordType);
    if (input.field !== undefined && !disclosure.withholdable.includes(input.field)) {
      throw new Error(`${disclosure.typeName}.${input.field} cannot be withheld; withholdable: ${disclosure.withholdable.join(", ")}`);
    }
    const columns = getTableColumns(disclosure.table);
    const [record] = await this.db
      .select({ id: columns.id as PgColumn, decisionId: (columns.decisionId ?? columns.id) as PgColumn })
      .from(disclosure.table)
      .where(eq(columns.id as PgColumn, input.recordId));
    if (!record) throw new Error(`no ${disclosure.typeName} ${input.recordId}`);
    const [row] = await this.db
      .insert(withholdings)
      .values({
        recordType: input.recordType,
        recordId: input.recordId,
        decisionId: record.decisionId as string,
        field: input.field ?? null,
        ground: input.ground,
        article: input.article,
        explanation: input.explanation,
        decidedByBodyId: input.decidedByBodyId,
        withheldSince: input.since,
        reviewDue: input.reviewDue,
      })
      .returning();
    return row!;
  }

  /** Releases a withholding: recorded with its reason and time, never deleted (art. 18 review). */
  async release(withholdingId: string, reason: string): Promise<typeof withholdings.$inferSelect> {
    const [released] = await this.db
      .update(withholdings)
      // The transaction's own time, to the millisecond the column keeps: the release is in force for the rest of this transaction already,
      // so that the public-change recorder sees the record as the public will after the commit.
      .set({ releasedAt: sql`date_trunc('milliseconds', now())`, releaseReason: reason })
      .where(and(eq(withholdings.id, withholdingId), isNull(withholdings.releasedAt)))
      .returning();
    if (!released) throw new Error(`no active withholding ${withholdingId}`);
    return released;
  }

  /** Replaces a record's search documents after its text changed. */
  async reindex(recordType: RecordType, row: Record<string, unknown> & { id: string }): Promise<void> {
    await this.db.delete(searchDocuments).where(eq(searchDocuments.recordId, row.id));
    await this.index(recordType, row);
  }

  private async index(recordType: RecordType, row: Record<string, unknown> & { id: string }): Promise<void> {
    const searchable = disclosureOf(recordType).searchable ?? [];
    const documents = searchable
      .filter((field) => typeof row[field] === "string" && (row[field] as string).trim() !== "")
      .map((field) => ({
        decisionId: (row.decisionId ?? row.id) as string,
        recordType,
        recordId: row.id,
        field,
        key: searchKey(row[field] as string),
      }));
    if (documents.length > 0) await this.db.insert(searchDocuments).values(documents);
  }
}
