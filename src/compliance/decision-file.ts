import { and, eq, getTableColumns, inArray, isNull, ne } from "drizzle-orm";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { type Row } from "../db/by-id.loader.js";
import { type Reader } from "../db/reader.js";
import { type DisclosedTables } from "../disclosure/disclosed.tables.js";
import { type RecordType } from "../disclosure/record-types.js";
import { type NoticeRow } from "../store/record-store.js";

/** Who a report is computed for: the public (from the disclosure projection) or staff (from the records). */
export type Audience = "PUBLIC" | "STAFF";

/** The parts of a decision's file that the procedure rules read. */
export const filePartTables = {
  consultations: "consultations",
  comments: "comments",
  expert_reviews: "expertReviews",
  risk_assessments: "riskAssessments",
  legality_reviews: "legalityReviews",
  deliberations: "deliberations",
  publications: "publications",
  implementation_reports: "implementationReports",
} as const satisfies Partial<Record<RecordType, keyof DisclosedTables>>;

export type FilePart = keyof typeof filePartTables;

/**
 * One decision's file as one audience may see it. For the public it is read from the disclosure
 * projection, so withheld values are already null and withheld records already absent; the
 * notices say which of them are withheld, so that a rule can say "not assessable" instead of
 * "missing". For staff it is read from the records, without withdrawn records and rejected comments.
 */
export interface DecisionFile {
  audience: Audience;
  decision: Row;
  /** The kind of the deciding body (always public): a village or community committee decides matters of self-government. */
  decidingBodyKind: string | null;
  parts: Record<FilePart, Row[]>;
  /** Notices of withheld fields, by record id and field. */
  withheldFields: Map<string, Map<string, NoticeRow>>;
  /** Notices of records withheld whole, by the kind of record withheld. */
  withheldRecords: Map<string, NoticeRow[]>;
  /**
   * Staff only: the values staff see that the public may not (`recordId:field`, or `recordId:*` for a
   * record withheld whole), so that evidence drawn from them is marked and its reading logged.
   */
  hiddenFromPublic: Set<string>;
}

/** Reads the files of many decisions with one statement per kind of record, whatever their number. */
export async function loadDecisionFiles(read: Reader, tables: DisclosedTables, audience: Audience, decisionIds: readonly string[]): Promise<(DecisionFile | null)[]> {
  const ids = [...new Set(decisionIds)];
  const rowsOf = async (table: PgTable, parentKey: string): Promise<Row[]> => {
    const columns = getTableColumns(table) as Record<string, PgColumn>;
    const conditions = [inArray(columns[parentKey]!, ids)];
    // Staff read the tables: what was withdrawn is no longer part of the file, and a rejected comment is no comment.
    if (columns.withdrawnAt) conditions.push(isNull(columns.withdrawnAt));
    if (audience === "STAFF" && table === tables.comments) conditions.push(ne(columns.moderationState!, "REJECTED"));
    return (await read((db) => db.select().from(table).where(and(...conditions)))) as Row[];
  };
  // The deciding body's kind comes with its decision: whether the matter is one of self-government.
  const withdrawnAt = (getTableColumns(tables.decisions) as Record<string, PgColumn>).withdrawnAt;
  const withBodies = read((db) =>
    db
      .select({ decision: tables.decisions, bodyKind: tables.publicBodies.kind })
      .from(tables.decisions)
      .leftJoin(tables.publicBodies, eq(tables.publicBodies.id, tables.decisions.decidingBodyId))
      .where(and(inArray(tables.decisions.id, ids), withdrawnAt ? isNull(withdrawnAt) : undefined)),
  ) as Promise<{ decision: Row; bodyKind: string | null }[]>;
  const [decided, notices, ...partRows] = await Promise.all([
    withBodies,
    rowsOf(tables.withholdingNotices, "decisionId"),
    ...Object.values(filePartTables).map((key) => rowsOf(tables[key], "decisionId")),
  ]);
  const decisions = decided.map((row) => row.decision);
  const bodyKind = new Map(decided.map((row) => [row.decision.id as string, row.bodyKind]));
  const parts = Object.keys(filePartTables) as FilePart[];
  // By decision, once: a refresh reads 250 decisions' files at a time, and scanning every part's rows
  // for each decision was a tenth of its time.
  const decisionById = new Map(decisions.map((row) => [row.id as string, row]));
  const partsByDecision = partRows.map((rows) => byDecision(rows));
  const noticesByDecision = byDecision(notices as unknown as NoticeRow[]);
  return decisionIds.map((id) => {
    const decision = decisionById.get(id);
    if (!decision) return null;
    const file: DecisionFile = {
      audience,
      decision,
      decidingBodyKind: bodyKind.get(id) ?? null,
      parts: Object.fromEntries(parts.map((part, i) => [part, partsByDecision[i]!.get(id) ?? []])) as Record<FilePart, Row[]>,
      withheldFields: new Map(),
      withheldRecords: new Map(),
      hiddenFromPublic: new Set(),
    };
    for (const notice of noticesByDecision.get(id) ?? []) {
      // Staff's notices sit on the withheld record itself; they mark evidence, they do not hide it.
      if (audience === "STAFF") {
        file.hiddenFromPublic.add(`${notice.subjectId}:${notice.withheldRecordType ? "*" : notice.field}`);
        continue;
      }
      if (notice.withheldRecordType) file.withheldRecords.set(notice.withheldRecordType, [...(file.withheldRecords.get(notice.withheldRecordType) ?? []), notice]);
      else {
        const fields = file.withheldFields.get(notice.subjectId) ?? new Map<string, NoticeRow>();
        file.withheldFields.set(notice.subjectId, fields.set(notice.field, notice));
      }
    }
    return file;
  });
}

function byDecision<R extends object>(rows: readonly R[]): Map<unknown, R[]> {
  const groups = new Map<unknown, R[]>();
  for (const row of rows) {
    const key = (row as { decisionId?: unknown }).decisionId;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
