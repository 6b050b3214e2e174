import { sql } from "drizzle-orm";
import { bigint, index, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const changeKind = pgEnum("change_kind", ["CREATED", "UPDATED", "WITHHELD", "RELEASED", "WITHDRAWN"]);

/** Numbers only the changes the public may see, so public cursors count nothing hidden. */
export const publicChangeSequence = pgSequence("change_log_public_seq");

/**
 * Every change to a decision's file. What the public sees of a change is decided once, when it is
 * written, and never rewritten: the feed is append-only. Writers hold one lock from the start of the
 * write to commit, so both sequences follow commit order.
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
    /** Position in the public feed; NULL when the public may not see this change at all. */
    publicSeq: bigint("public_seq", { mode: "number" }).unique(),
    /** The record the public entry names: the record itself if public before or after, else its decision. */
    publicRecordType: text("public_record_type"),
    publicRecordId: uuid("public_record_id"),
    publicKind: changeKind("public_kind"),
  },
  (t) => [
    index("change_log_decision_idx").on(t.decisionId),
    // The feed from a time (`since`): the public entries from that time on.
    index("change_log_public_occurred_idx").on(t.occurredAt, t.publicSeq).where(sql`${t.publicSeq} IS NOT NULL`),
  ],
);
