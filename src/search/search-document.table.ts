import { sql } from "drizzle-orm";
import { index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";
import { recordType } from "../disclosure/withholding.table.js";

/**
 * The most a gram index keeps in its pending list (kB) before merging it (4 MB by default). The
 * planner counts the list's pages into an index scan's cost: after a bulk load, a search planned
 * with up to 512 pages pending could cost more than reading the table whole, and a generic plan
 * keeps that choice for its connection's life. 128 pages at most; inserts about 3 % slower.
 */
export const GIN_PENDING_LIST_KB = 1024;

/**
 * One normalised search key per searchable field of a record, so that withholding a field removes
 * exactly its text from search (the disclosure projection drops the row).
 */
export const searchDocumentsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  recordType: recordType("record_type").notNull(),
  recordId: uuid("record_id").notNull(),
  field: text("field").notNull(),
  /** NFKC, lower case, Traditional folded to Simplified (see search/search-key.ts). */
  key: text("key").notNull(),
  /**
   * The key's 1- and 2-character grams, kept beside it: the index narrows by them and its recheck
   * compares arrays, instead of recomputing `search_grams(key)` for every candidate row. Compared
   * bytewise (COLLATE "C", migration 0040, which drizzle's columns cannot say), the cheaper compare
   * for the index to sort them by; the key and grams are compressed with lz4 where the server has
   * it (migration 0041).
   */
  grams: text("grams").array().generatedAlwaysAs(sql`search_grams(key)`),
  ...timestampColumns(),
});

export const searchDocuments = pgTable(
  "search_documents",
  searchDocumentsColumns(),
  (t) => [
    unique("search_documents_field_key").on(t.recordId, t.field),
    index("search_documents_decision_idx").on(t.decisionId),
    // search_grams() is created by the custom migration that precedes the tables.
    index("search_documents_gram_set_idx").using("gin", t.grams).with({ gin_pending_list_limit: GIN_PENDING_LIST_KB }),
  ],
);
