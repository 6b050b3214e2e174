import { date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 决策后评估 recommendation (art. 36). */
export const evaluationRecommendation = pgEnum("evaluation_recommendation", ["CONTINUE", "ADJUST", "SUSPEND", "TERMINATE"]);

export const postEvaluationsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  evaluator: text("evaluator"),
  evaluatedOn: date("evaluated_on", { mode: "string" }).notNull(),
  findings: text("findings"),
  recommendation: evaluationRecommendation("recommendation").notNull(),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const postEvaluations = pgTable(
  "post_evaluations",
  postEvaluationsColumns(),
  (t) => [index("post_evaluations_decision_idx").on(t.decisionId, t.evaluatedOn, t.id)],
);
