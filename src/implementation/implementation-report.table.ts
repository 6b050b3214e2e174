import { date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 决策执行和调整 (art. 34–37): a change (变更), a suspension (中止执行) and a stop (停止执行) are kept apart, as art. 37 treats them apart. */
export const implementationReportKind = pgEnum("implementation_report_kind", ["PROGRESS", "ADJUSTMENT", "SUSPENSION", "TERMINATION", "RESUMPTION", "COMPLETION"]);

/** What led to an adjustment: the circumstances of art. 35, or a post-decision evaluation (art. 36(4)). */
export const adjustmentCircumstance = pgEnum("adjustment_circumstance", ["PROBLEM_FOUND", "CIRCUMSTANCES_CHANGED", "FORCE_MAJEURE", "PUBLIC_OPINION", "POST_EVALUATION", "OTHER"]);

/** The reports that change, suspend or stop a decision: what art. 37 restricts. */
export const ADJUSTMENT_KINDS: ReadonlySet<string> = new Set(["ADJUSTMENT", "SUSPENSION", "TERMINATION"]);

/** The circumstances art. 37 lets the head suspend in: "本条例第三十五条规定的情形", those art. 35(1) lists (art. 35(2) is the public's voice, not a circumstance). */
export const ART_35_CIRCUMSTANCES: ReadonlySet<string> = new Set(["PROBLEM_FOUND", "CIRCUMSTANCES_CHANGED", "FORCE_MAJEURE"]);

/** How an adjustment was decided (art. 37). */
export const adjustmentProcedure = pgEnum("adjustment_procedure", ["HEAD_DECIDED", "STATUTORY_PROCEDURE", "NONE_RECORDED"]);

export const implementationReportsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  kind: implementationReportKind("kind").notNull(),
  reportedOn: date("reported_on", { mode: "string" }).notNull(),
  content: text("content"),
  /** Why the decision was changed, suspended or stopped. */
  reason: text("reason"),
  circumstance: adjustmentCircumstance("circumstance"),
  procedure: adjustmentProcedure("procedure").notNull().default("NONE_RECORDED"),
  /** The day the adjustment was decided, when not the day of the report. */
  decidedOn: date("decided_on", { mode: "string" }),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const implementationReports = pgTable(
  "implementation_reports",
  implementationReportsColumns(),
  (t) => [index("implementation_reports_decision_idx").on(t.decisionId, t.reportedOn, t.id)],
);
