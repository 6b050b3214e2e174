import { boolean, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../db/columns.js";
import { decisionIdColumn } from "./decision-part.columns.js";

/**
 * One changed field of a decision, kept for its public revision history. Whether each value was
 * public at the time is recorded with it: the history never shows a value that was withheld when it
 * was current, nor any value of a field withheld now.
 */
export const decisionRevisions = pgTable(
  "decision_revisions",
  {
    id: idColumn(),
    decisionId: decisionIdColumn(),
    field: text("field").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
    oldDisclosed: boolean("old_disclosed").notNull(),
    newDisclosed: boolean("new_disclosed").notNull(),
  },
  (t) => [index("decision_revisions_decision_idx").on(t.decisionId, t.changedAt, t.id)],
);
