import { date, index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 决策公布 (art. 32): one published decision document per decision. */
export const publicationsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  documentNumber: text("document_number").notNull(),
  publishedOn: date("published_on", { mode: "string" }).notNull(),
  /** The document's date (成文日期): the day the decision was made, from which Decree 711 art. 26's 20 working days run. */
  documentDate: date("document_date", { mode: "string" }),
  fullText: text("full_text"),
  adoptionExplanation: text("adoption_explanation"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const publications = pgTable(
  "publications",
  publicationsColumns(),
  (t) => [unique("publications_decision_key").on(t.decisionId), index("publications_published_idx").on(t.publishedOn)],
);
