import { date, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 决策执行和调整 (art. 34–35). */
export const implementationReportKind = pgEnum("implementation_report_kind", ["PROGRESS", "ADJUSTMENT", "SUSPENSION", "RESUMPTION", "COMPLETION"]);

export const implementationReportsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  kind: implementationReportKind("kind").notNull(),
  reportedOn: date("reported_on", { mode: "string" }).notNull(),
  content: text("content"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const implementationReports = pgTable(
  "implementation_reports",
  implementationReportsColumns(),
  (t) => [index("implementation_reports_decision_idx").on(t.decisionId, t.reportedOn, t.id)],
);
