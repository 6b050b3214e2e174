import { sql, type SQLWrapper } from "drizzle-orm";
import { type Row } from "../db/by-id.loader.js";
import { cursorValueOf } from "../db/child-pages.loader.js";
import { type CursorValue, type CursorValueCheck, isInteger, isLocalDate, isText, isTimestamp, isUuid } from "../graphql/cursor.js";

export const decisionOrderFields = ["CATALOG", "INITIATED_ON", "UPDATED_AT", "LAST_ACTIVITY_AT", "TITLE"] as const;
export type DecisionOrderField = (typeof decisionOrderFields)[number];

export interface SortKey {
  expression: SQLWrapper;
  sqlType: string;
  valueOf: (row: Row) => CursorValue;
  check: CursorValueCheck;
}

/** The decisions a viewer reads (the projection, a part of it by title, a page of them, or staff's table): the columns the orderings use. */
type DecisionsTable = Record<"id" | "catalogYear" | "catalogNumber" | "initiatedOn" | "updatedAt" | "lastActivityAt" | "title", SQLWrapper>;

/**
 * Sort keys of each ordering, ending with the id as a unique tiebreaker. A withheld title is NULL in
 * the projection and sorts as the empty string: its place does not depend on the withheld value.
 * Titles compare by code point (collation "C"), the same on every server whatever its locale.
 */
export function decisionOrderings(t: DecisionsTable): Record<DecisionOrderField, SortKey[]> {
  // On the table the viewer reads (the projection, or staff's tables): a key of another table would not be in the query.
  const column = (key: keyof DecisionsTable, sqlType: string, check: CursorValueCheck): SortKey => ({
    expression: t[key],
    sqlType,
    valueOf: (row) => cursorValueOf(row[key]),
    check,
  });
  const id = column("id", "uuid", isUuid);
  return {
    CATALOG: [column("catalogYear", "integer", isInteger), column("catalogNumber", "integer", isInteger), id],
    INITIATED_ON: [column("initiatedOn", "date", isLocalDate), id],
    UPDATED_AT: [column("updatedAt", "timestamptz", isTimestamp), id],
    LAST_ACTIVITY_AT: [column("lastActivityAt", "timestamptz", isTimestamp), id],
    TITLE: [{ expression: sql`coalesce(${t.title}, '') COLLATE "C"`, sqlType: "text", valueOf: (row) => (row.title as string | null) ?? "", check: isText }, id],
  };
}
