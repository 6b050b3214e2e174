import { date, index, integer, pgEnum, pgTable, text, unique } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { stakeholderCategory } from "./stakeholder-category.js";
import { idColumn, recordKeepingColumns, timestampColumns, withdrawnIndex } from "../db/columns.js";
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
  /** The day that reason was stated: an exception is lawful only with a reason given when the period opens. */
  shortPeriodReasonStatedOn: date("short_period_reason_stated_on", { mode: "string" }),
  place: text("place"),
  participants: text("participants"),
  participantCount: integer("participant_count"),
  summary: text("summary"),
  adoptionFeedback: text("adoption_feedback"),
  /** Art. 14: the groups this consultation heard (people's and social organisations, enterprises, residents…). */
  consultedGroups: stakeholderCategory("consulted_groups").array().notNull().default(sql`'{}'`),
  /** Art. 16: when a hearing's materials reached its participants (at least 7 days before). */
  materialsProvidedOn: date("materials_provided_on", { mode: "string" }),
  /** Art. 16: when a hearing's participants were published (in advance). */
  participantsPublishedOn: date("participants_published_on", { mode: "string" }),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const consultations = pgTable(
  "consultations",
  consultationsColumns(),
  (t) => [
    index("consultations_decision_idx").on(t.decisionId, t.opensOn, t.id),
    // Decisions with a hearing on record (the hasHearing filter): hearings are few among consultations.
    index("consultations_hearing_idx").on(t.decisionId).where(sql`${t.method} = 'HEARING'`),
    // Consultations taking comments on a day: the few that close on it or later.
    index("consultations_period_idx").on(t.closesOn, t.opensOn),
    withdrawnIndex("consultations", t),
    // Lets a comment's decision be checked against its consultation's (see comments).
    unique("consultations_id_decision_key").on(t.id, t.decisionId),
  ],
);
