import { index, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 决策依据: legal provisions, policy documents, facts and data. */
export const basisKind = pgEnum("basis_kind", ["LEGAL", "POLICY", "FACTUAL"]);

export const basisItemsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  kind: basisKind("kind").notNull(),
  position: integer("position").notNull(),
  title: text("title").notNull(),
  citation: text("citation"),
  content: text("content"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const basisItems = pgTable(
  "basis_items",
  basisItemsColumns(),
  (t) => [index("basis_items_decision_idx").on(t.decisionId, t.position, t.id)],
);
