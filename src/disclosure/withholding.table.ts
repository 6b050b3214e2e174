import { sql } from "drizzle-orm";
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { publicBodies } from "../bodies/public-body.table.js";
import { idColumn, timestampColumns } from "../db/columns.js";
import { decisions } from "../decisions/decision.table.js";

/**
 * Legal grounds for not disclosing (不予公开的理由), Regulations on Open Government Information,
 * State Council Decree 711 (2019): art. 14 shall not disclose; art. 15 third-party interests;
 * art. 16 may withhold internal affairs and process information.
 */
export const withholdingGround = pgEnum("withholding_ground", [
  "STATE_SECRET",
  "PROHIBITED_BY_LAW",
  "ENDANGERS_SECURITY_OR_STABILITY",
  "COMMERCIAL_SECRET",
  "PERSONAL_PRIVACY",
  "INTERNAL_AFFAIRS",
  "PROCESS_INFORMATION",
  "LAW_ENFORCEMENT_CASE_FILE",
]);

/** The kinds of record a withholding can target; the values are the record tables' names. */
export const recordType = pgEnum("record_type", [
  "decisions",
  "basis_items",
  "consultations",
  "comments",
  "expert_reviews",
  "risk_assessments",
  "risk_findings",
  "legality_reviews",
  "deliberations",
  "publications",
  "implementation_reports",
  "post_evaluations",
  "attachments",
  "village_consultations",
  "village_consultation_members",
  "village_consultation_steps",
]);

export const withholdingsColumns = () => ({
  id: idColumn(),
  recordType: recordType("record_type").notNull(),
  recordId: uuid("record_id").notNull(),
  /** The decision the record belongs to, so a decision's notices load in one look-up. */
  decisionId: uuid("decision_id")
    .notNull()
    .references(() => decisions.id, { onDelete: "cascade" }),
  /** The GraphQL name of the withheld field; NULL withholds the whole record. */
  field: text("field"),
  ground: withholdingGround("ground").notNull(),
  article: text("article").notNull(),
  explanation: text("explanation").notNull(),
  decidedByBodyId: uuid("decided_by_body_id")
    .notNull()
    .references(() => publicBodies.id),
  withheldSince: date("withheld_since", { mode: "string" }).notNull(),
  /** Art. 18: withheld information is re-evaluated; this is when. */
  reviewDue: date("review_due", { mode: "string" }).notNull(),
  /** Releasing is recorded, never a delete. */
  releasedAt: timestamp("released_at", { withTimezone: true, precision: 3, mode: "date" }),
  releaseReason: text("release_reason"),
  ...timestampColumns(),
});

export const withholdings = pgTable(
  "withholdings",
  withholdingsColumns(),
  (t) => [
    index("withholdings_record_idx").on(t.recordType, t.recordId, t.field),
    // Records withheld whole, by type in id order: the projection anti-joins a page of records with
    // them, and this small index serves that join in order instead of a read of every withholding.
    index("withholdings_whole_record_idx").on(t.recordType, t.recordId).where(sql`${t.field} IS NULL`),
    index("withholdings_decision_idx").on(t.decisionId),
    // A record's withheld fields whatever its kind: the notices of the records a page shows.
    index("withholdings_record_id_idx").on(t.recordId),
    // One withholding in force per field (or whole record), even when two editors act at once.
    uniqueIndex("withholdings_in_force_key")
      .on(t.recordId, sql`coalesce(${t.field}, '')`)
      .where(sql`${t.releasedAt} IS NULL`),
  ],
);
