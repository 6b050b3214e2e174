import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";
import { recordType } from "../disclosure/withholding.table.js";
import { searchDocuments } from "./search-document.table.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * The search documents the public may find, kept by the database itself in the transaction of every
 * write that could change which ones those are (triggers built with the projection, see
 * src/disclosure/public-search.sql.ts): a search reads these rows instead of working out, for each of
 * thousands of candidates, whether its record, its field and its decision are public. Each carries
 * its decision's public sort keys, so that a search ranks its matches without reading the decisions.
 * The public role reads them only through the views disclosure.search_documents and
 * disclosure.search_matches; only the triggers write them.
 */
export const publicSearchDocuments = pgTable(
  "public_search_documents",
  {
    id: uuid("id")
      .primaryKey()
      .references(() => searchDocuments.id, { onDelete: "cascade" }),
    decisionId: decisionIdColumn(),
    recordType: recordType("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    field: text("field").notNull(),
    key: text("key").notNull(),
    /** A copy of search_documents.grams (a generated column there, a plain one here). */
    grams: text("grams").array().notNull(),
    /**
     * From when the document is public: '-infinity' unless a withholding over it has a release dated
     * later than its writing, which the views compare with the reading transaction's time.
     */
    publicFrom: moment("public_from").notNull(),
    // The decision's sort keys (decision-order.ts), all published fields but the title.
    catalogYear: integer("catalog_year").notNull(),
    catalogNumber: integer("catalog_number").notNull(),
    initiatedOn: date("initiated_on", { mode: "string" }).notNull(),
    decisionUpdatedAt: moment("decision_updated_at").notNull(),
    lastActivityAt: moment("last_activity_at").notNull(),
    /** The decision's title, shown by the views from `title_public_from` on (NULL: withheld with no release). */
    title: text("title"),
    titlePublicFrom: moment("title_public_from"),
  },
  (t) => [index("public_search_documents_decision_idx").on(t.decisionId), index("public_search_documents_gram_set_idx").using("gin", t.grams)],
);
