import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { publicBodies } from "../bodies/public-body.table.js";
import { decisions } from "../decisions/decision.table.js";

/**
 * Compliance reports kept for filtering, counting and the legality queue. They are derived data:
 * every row can be recomputed from the records (see compliance-index.ts), and the public rows are
 * computed from the disclosure projection only, never from the tables.
 */
export const complianceAudience = pgEnum("compliance_audience", ["PUBLIC", "STAFF"]);

export const ruleStatus = pgEnum("compliance_rule_status", ["SATISFIED", "VIOLATED", "PENDING", "NOT_APPLICABLE", "NOT_ASSESSABLE"]);

export const complianceState = pgEnum("compliance_state", ["COMPLIANT", "PENDING", "NOT_ASSESSABLE", "VIOLATED"]);

export const legalityQueueState = pgEnum("legality_queue_state", ["NOT_SUBMITTED", "UNDER_REVIEW", "OVERDUE", "FOUND_UNLAWFUL", "RETURNED_FOR_MATERIALS", "DELIBERATED_WITHOUT_LAWFUL_REVIEW"]);

/** What set an open review's real deadline (art. 25(1), 26(2)). */
export const legalityDeadlineSource = pgEnum("legality_deadline_source", ["REQUESTED_DUE_DATE", "DEFAULT_PERIOD", "SCHEDULED_MEETING"]);

/** Art. 26(2): an open review's time under 7 working days, with or without its reason, or not countable yet. */
export const legalityShortPeriod = pgEnum("legality_short_period", ["SHORT_PERIOD", "SHORT_PERIOD_REASON_STATED", "NOT_ASSESSABLE"]);

const decisionReference = () =>
  uuid("decision_id")
    .notNull()
    .references(() => decisions.id, { onDelete: "cascade" });

export const complianceAssessments = pgTable(
  "compliance_assessments",
  {
    decisionId: decisionReference(),
    audience: complianceAudience("audience").notNull(),
    state: complianceState("state").notNull(),
    /** The "today" the report was computed for. */
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    /** The first day on which the passing of time alone can change a result (a period ends, a review falls due). */
    reassessOn: date("reassess_on", { mode: "string" }),
    /** Staff only: where the decision stands in the legality review queue, if it is in it. */
    queueState: legalityQueueState("queue_state"),
    queueDueOn: date("queue_due_on", { mode: "string" }),
    /** The real deadline of an open review: the due date, or the meeting the draft goes to if earlier. */
    queueDeadlineOn: date("queue_deadline_on", { mode: "string" }),
    queueDeadlineSetBy: legalityDeadlineSource("queue_deadline_set_by"),
    queueWorkingDays: integer("queue_working_days"),
    queueShortPeriod: legalityShortPeriod("queue_short_period"),
    queueSubmittedOn: date("queue_submitted_on", { mode: "string" }),
    queueReviewingBodyId: uuid("queue_reviewing_body_id").references(() => publicBodies.id),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "compliance_assessments_pkey", columns: [t.decisionId, t.audience] }),
    index("compliance_assessments_state_idx").on(t.audience, t.state, t.decisionId),
    index("compliance_assessments_reassess_idx").on(t.reassessOn),
    // With the one above, the freshness check (reassessment due, or assessed on a later day than
    // today) reads two indexes instead of every kept report: 29 -> 0.25 ms at 100,000 decisions.
    index("compliance_assessments_assessed_idx").on(t.assessedOn),
    index("compliance_assessments_queue_idx").on(t.queueState, t.queueDeadlineOn, t.decisionId),
  ],
);

export const complianceResults = pgTable(
  "compliance_results",
  {
    decisionId: decisionReference(),
    audience: complianceAudience("audience").notNull(),
    /** The rule's stable id (see rules.ts); text so that a new rule needs no migration. */
    rule: text("rule").notNull(),
    status: ruleStatus("status").notNull(),
    /** What the rule found, as the report says it (the compliance-results open-data file publishes the public's). */
    findingZh: text("finding_zh").notNull(),
    findingEn: text("finding_en").notNull(),
  },
  (t) => [
    primaryKey({ name: "compliance_results_pkey", columns: [t.decisionId, t.audience, t.rule] }),
    index("compliance_results_rule_idx").on(t.audience, t.rule, t.status, t.decisionId),
  ],
);

/**
 * Decisions written since the kept reports were last brought up to date, however they were written:
 * a trigger on insert queues them (migration 0011), and so does a write the change log does not carry
 * (a comment awaiting moderation, markComplianceStale). The API's other writes are in the change log; a
 * bulk load's are not, and finding those by comparing every decision with the kept reports read both
 * tables whole on every compliance query (~125 ms at 100,000 decisions).
 */
export const complianceUnassessed = pgTable("compliance_unassessed", {
  decisionId: uuid("decision_id")
    .primaryKey()
    .references(() => decisions.id, { onDelete: "cascade" }),
  /**
   * The run that is assessing the decision (set before it reads the file): it takes the decision off
   * the queue only if nobody queued it again since (see markComplianceStale).
   */
  claim: uuid("claim"),
});

/** How far the change log has been folded into the kept reports (one row). */
export const complianceWatermark = pgTable("compliance_watermark", {
  id: integer("id").primaryKey(),
  changeId: bigint("change_id", { mode: "number" }).notNull(),
});
