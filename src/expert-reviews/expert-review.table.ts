import { boolean, date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

export const reviewerKind = pgEnum("reviewer_kind", ["EXPERT", "INSTITUTION"]);

/** 专家论证方式. */
export const expertReviewMethod = pgEnum("expert_review_method", ["ARGUMENTATION_MEETING", "WRITTEN_OPINION", "SITE_VISIT", "COMMISSIONED_STUDY"]);

export const expertReviewsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  reviewerKind: reviewerKind("reviewer_kind").notNull(),
  reviewerName: text("reviewer_name"),
  method: expertReviewMethod("method").notNull(),
  reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
  necessityOpinion: text("necessity_opinion"),
  feasibilityOpinion: text("feasibility_opinion"),
  soundnessOpinion: text("soundness_opinion"),
  conclusion: text("conclusion"),
  /** Art. 21: opinions are signed by the expert or stamped by the institution. */
  signed: boolean("signed").notNull(),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const expertReviews = pgTable(
  "expert_reviews",
  expertReviewsColumns(),
  (t) => [index("expert_reviews_decision_idx").on(t.decisionId, t.reviewedOn, t.id)],
);
