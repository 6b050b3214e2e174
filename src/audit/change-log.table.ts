import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const changeKind = pgEnum("change_kind", ["CREATED", "UPDATED", "WITHHELD", "RELEASED", "WITHDRAWN"]);

/**
 * Every change to a decision's file, in commit order (writers take one lock before appending, held to
 * commit, so the sequence is the order of commits): the change feed is this log as the public may see it.
 */
export const changeLog = pgTable(
  "change_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
    decisionId: uuid("decision_id").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    kind: changeKind("kind").notNull(),
    /** Whether the decision was public just before this change (so its later withholding may be announced). */
    decisionWasPublic: boolean("decision_was_public").notNull(),
  },
  (t) => [index("change_log_decision_idx").on(t.decisionId)],
);
