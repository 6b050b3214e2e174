import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";
import { GIN_PENDING_LIST_KB } from "./search-document.table.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });

/**
 * The text the public may search, one document per decision and moment it became public, kept by the
 * database itself in the transaction of every write that could change it (triggers built with the
 * projection, see src/disclosure/public-search.sql.ts): a search reads these rows instead of working
 * out, for each of thousands of candidates, whether its record, its field and its decision are public.
 * One per decision, not one per field: a common term's matches then lie on as many heap pages as
 * decisions (at 100,000, 1,352 rows on 1,322 pages, against 3,168 fields on 1,787), and the rows to
 * rank are already one per decision. Each carries its decision's public sort keys, so that a search
 * ranks its matches without reading the decisions. The public role reads them only through the views
 * disclosure.search_documents and disclosure.search_matches; only the triggers write them.
 */
export const publicSearchDocuments = pgTable(
  "public_search_documents",
  {
    decisionId: decisionIdColumn(),
    /**
     * From when the text is public: '-infinity' unless a withholding over it has a release dated
     * later than its writing, which the views compare with the reading transaction's time.
     */
    publicFrom: moment("public_from").notNull(),
    /**
     * Until when this document is the decision's current one: the next document's moment, or
     * 'infinity'. Visibility only grows with time, so the later document holds every field of the
     * earlier: a search reads the current one alone, one row per decision, with nothing to dedupe.
     */
    publicUntil: moment("public_until").notNull().default(sql`'infinity'`),
    /**
     * The search keys (search-key.ts) of the decision's fields public from that moment, one per line:
     * a key holds no line break, so a search's key matches within one field, never across two.
     */
    key: text("key").notNull(),
    /**
     * Those fields' grams (search_documents.grams) end to end, repeats and all: a query's grams are
     * all in it only if they are all in the text, as search_grams() keeps no gram with a space in it.
     * Compared bytewise, like search_documents.grams (COLLATE "C", migration 0040); the key and
     * grams compressed with lz4 where the server has it (migration 0041).
     */
    grams: text("grams").array().notNull(),
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
  (t) => [primaryKey({ columns: [t.decisionId, t.publicFrom] }), index("public_search_documents_gram_set_idx").using("gin", t.grams).with({ gin_pending_list_limit: GIN_PENDING_LIST_KB })],
);
