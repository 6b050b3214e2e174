import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { idColumn } from "../db/columns.js";

/**
 * The append-only trail of every change (art. 33: the whole record is archived): who, when, what,
 * before and after. The server's database role may insert and read it, never update or delete it.
 */
export const auditEntries = pgTable(
  "audit_entries",
  {
    id: idColumn(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
    /** The API key that made the change; NULL for an anonymous resident's comment. */
    actorKeyId: uuid("actor_key_id"),
    actorRole: text("actor_role").notNull(),
    /** The mutation, e.g. "decisionUpdate". */
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    decisionId: uuid("decision_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_entries_record_idx").on(t.recordId, t.occurredAt), index("audit_entries_occurred_idx").on(t.occurredAt)],
);

/** Every read of withheld material by a privileged viewer: who, which record and field, when. */
export const accessLog = pgTable(
  "access_log",
  {
    id: idColumn(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
    keyId: uuid("key_id").notNull(),
    role: text("role").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    /** The field read; NULL when the read was of a record withheld whole. */
    field: text("field"),
  },
  (t) => [index("access_log_key_idx").on(t.keyId, t.occurredAt), index("access_log_record_idx").on(t.recordId)],
);
