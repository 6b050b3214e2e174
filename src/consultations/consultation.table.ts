import { date, index, integer, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 公众参与方式 (art. 14–16). */
export const consultationMethod = pgEnum("consultation_method", [
  "ONLINE_COMMENT",
  "HEARING",
  "SYMPOSIUM",
  "QUESTIONNAIRE",
  "CONSULTATION_MEETING",
]);

export const consultationsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  method: consultationMethod("method").notNull(),
  opensOn: date("opens_on", { mode: "string" }).notNull(),
  closesOn: date("closes_on", { mode: "string" }).notNull(),
  /** Art. 15: a comment period shorter than 30 days states its reason when it opens. */
  shortPeriodReason: text("short_period_reason"),
  place: text("place"),
  participants: text("participants"),
  participantCount: integer("participant_count"),
  summary: text("summary"),
  adoptionFeedback: text("adoption_feedback"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const consultations = pgTable(
  "consultations",
  consultationsColumns(),
  (t) => [
    index("consultations_decision_idx").on(t.decisionId, t.opensOn, t.id),
    // Lets a comment's decision be checked against its consultation's (see comments).
    unique("consultations_id_decision_key").on(t.id, t.decisionId),
  ],
);
