import { date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { publicBodies } from "../bodies/public-body.table.js";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 合法性审查结论 (art. 25–28); NULL while the review is under way. */
export const legalityResult = pgEnum("legality_result", ["LAWFUL", "LAWFUL_AFTER_AMENDMENT", "UNLAWFUL", "RETURNED"]);

export const legalityReviewsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  reviewingBodyId: uuid("reviewing_body_id")
    .notNull()
    .references(() => publicBodies.id),
  submittedOn: date("submitted_on", { mode: "string" }).notNull(),
  completedOn: date("completed_on", { mode: "string" }),
  result: legalityResult("result"),
  opinion: text("opinion"),
  /** Art. 26: the date by which the review was asked for (at least 7 working days after submission). */
  dueOn: date("due_on", { mode: "string" }),
  /** Art. 26(2) says "generally": why less than 7 working days are given, and the day that was stated. */
  shortTimeReason: text("short_time_reason"),
  shortTimeReasonStatedOn: date("short_time_reason_stated_on", { mode: "string" }),
  /**
   * The meeting scheduled to deliberate the draft, as known when it was sent for review: art. 25(1)
   * wants the review done before the draft goes to the meeting, so the reviewer's time ends there.
   */
  meetingScheduledOn: date("meeting_scheduled_on", { mode: "string" }),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const legalityReviews = pgTable(
  "legality_reviews",
  legalityReviewsColumns(),
  (t) => [index("legality_reviews_decision_idx").on(t.decisionId, t.submittedOn, t.id)],
);
