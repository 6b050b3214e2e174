import { date, foreignKey, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns, withdrawnIndex } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

export const riskLevel = pgEnum("risk_level", ["LOW", "MEDIUM", "HIGH"]);

/** Art. 24: an uncontrollable risk means the draft is changed before it goes further. */
export const riskControllability = pgEnum("risk_controllability", ["CONTROLLABLE", "CONTROLLABLE_WITH_MEASURES", "UNCONTROLLABLE"]);

export const riskDimension = pgEnum("risk_dimension", ["SOCIAL_STABILITY", "PUBLIC_SAFETY", "ENVIRONMENT", "ECONOMY"]);

export const riskAssessmentsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  assessor: text("assessor"),
  assessedOn: date("assessed_on", { mode: "string" }).notNull(),
  overallLevel: riskLevel("overall_level").notNull(),
  controllability: riskControllability("controllability").notNull(),
  riskPoints: text("risk_points"),
  measures: text("measures"),
  contingencyPlan: text("contingency_plan"),
  conclusion: text("conclusion"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const riskAssessments = pgTable(
  "risk_assessments",
  riskAssessmentsColumns(),
  (t) => [
    index("risk_assessments_decision_idx").on(t.decisionId, t.assessedOn, t.id),
    // The risk filter by overall level: the decisions assessed at a level, without reading the others.
    index("risk_assessments_level_idx").on(t.overallLevel, t.decisionId),
    withdrawnIndex("risk_assessments", t),
    unique("risk_assessments_id_decision_key").on(t.id, t.decisionId),
  ],
);

export const riskFindingsColumns = () => ({
  id: idColumn(),
  riskAssessmentId: uuid("risk_assessment_id")
    .notNull()
    .references(() => riskAssessments.id, { onDelete: "cascade" }),
  decisionId: decisionIdColumn(),
  dimension: riskDimension("dimension").notNull(),
  level: riskLevel("level").notNull(),
  findings: text("findings"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const riskFindings = pgTable(
  "risk_findings",
  riskFindingsColumns(),
  (t) => [
    unique("risk_findings_dimension_key").on(t.riskAssessmentId, t.dimension),
    index("risk_findings_decision_idx").on(t.decisionId),
    // The risk filter by dimension and level.
    index("risk_findings_dimension_level_idx").on(t.dimension, t.level, t.decisionId),
    // The copied decision id must be the assessment's: the projection trusts it to hide withheld decisions.
    foreignKey({ name: "risk_findings_assessment_decision_fk", columns: [t.riskAssessmentId, t.decisionId], foreignColumns: [riskAssessments.id, riskAssessments.decisionId] }),
  ],
);
