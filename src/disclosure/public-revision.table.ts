import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/**
 * The decision's revision history as the public sees it, written only by the public-change recorder
 * (src/records/public-changes.ts) from the disclosure projection before and after each write: a
 * change made while its field was out of public view has no row here, a release adds one (oldValue
 * NULL), and a value that was withheld while current has its newValue erased when the withholding
 * begins, so that no release can bring it back. Staff's full history is `decision_revisions`.
 */
export const publicRevisions = pgTable(
  "public_revisions",
  {
    id: idColumn(),
    /** Order of writing: which row of a field is its latest, whatever the clock says. */
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    decisionId: decisionIdColumn(),
    field: text("field").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
    oldValue: text("old_value"),
    newValue: text("new_value"),
  },
  (t) => [index("public_revisions_decision_idx").on(t.decisionId, t.changedAt, t.id), index("public_revisions_field_idx").on(t.decisionId, t.field, t.seq)],
);
