import { date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 集体讨论决定 outcome (art. 30). */
export const deliberationOutcome = pgEnum("deliberation_outcome", ["ADOPTED", "ADOPTED_WITH_CHANGES", "DEFERRED", "REJECTED"]);

export const deliberationsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  meeting: text("meeting").notNull(),
  heldOn: date("held_on", { mode: "string" }).notNull(),
  outcome: deliberationOutcome("outcome").notNull(),
  /** Art. 30: dissenting views are recorded. */
  dissent: text("dissent"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const deliberations = pgTable(
  "deliberations",
  deliberationsColumns(),
  (t) => [index("deliberations_decision_idx").on(t.decisionId, t.heldOn, t.id)],
);
