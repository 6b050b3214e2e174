import { bigint, date, integer, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { attachmentsColumns } from "../attachments/attachment.table.js";
import { basisItemsColumns } from "../basis/basis-item.table.js";
import { publicBodiesColumns } from "../bodies/public-body.table.js";
import { commentConfidentialColumns, commentsColumns } from "../consultations/comment.table.js";
import { consultationsColumns } from "../consultations/consultation.table.js";
import { decisionsColumns } from "../decisions/decision.table.js";
import { deliberationsColumns } from "../deliberations/deliberation.table.js";
import { expertReviewsColumns } from "../expert-reviews/expert-review.table.js";
import { implementationReportsColumns } from "../implementation/implementation-report.table.js";
import { legalityReviewsColumns } from "../legality-reviews/legality-review.table.js";
import { postEvaluationsColumns } from "../post-evaluations/post-evaluation.table.js";
import { publicationsColumns } from "../publications/publication.table.js";
import { regionsColumns } from "../regions/region.table.js";
import { riskAssessmentsColumns, riskFindingsColumns } from "../risk-assessments/risk-assessment.table.js";
import { withholdingGround } from "./withholding.table.js";
import { complianceState, ruleStatus } from "../compliance/compliance.table.js";
import { villageConsultationMembersColumns, villageConsultationsColumns, villageConsultationStepsColumns } from "../village-consultations/village-consultation.table.js";

/**
 * The views of the disclosure projection (built by projection.sql.ts), described to drizzle as
 * tables of schema "disclosure" so that the public read path queries them with the query builder.
 * drizzle-kit never sees this file: it is not part of the migrated model.
 */
const disclosure = pgSchema("disclosure");

/** A record table's columns as the projection has them: without the confidential ones. */
function disclosedColumns<C extends Record<string, unknown>, K extends string = never>(columns: C, confidential: readonly K[] = []) {
  const hidden = new Set<string>(["version", "withdrawnAt", "withdrawalReason", ...confidential]);
  return Object.fromEntries(Object.entries(columns).filter(([key]) => !hidden.has(key))) as Omit<C, "version" | "withdrawnAt" | "withdrawalReason" | K>;
}

/** The columns of the notices views (disclosure.withholding_notices and staff.withholding_notices). */
export const noticeColumns = () => ({
    id: uuid("id").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    field: text("field").notNull(),
    withheldRecordType: text("withheld_record_type"),
    ground: withholdingGround("ground").notNull(),
    article: text("article").notNull(),
    explanation: text("explanation").notNull(),
    withheldSince: date("withheld_since", { mode: "string" }).notNull(),
    reviewDue: date("review_due", { mode: "string" }).notNull(),
    decidedByBodyId: uuid("decided_by_body_id").notNull(),
    decisionId: uuid("decision_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
});

/** A revision as the public sees it: values only where they were public then and the field is public now. */
export const revisionColumns = () => ({
  id: uuid("id").notNull(),
  decisionId: uuid("decision_id").notNull(),
  field: text("field").notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
  oldValue: text("old_value"),
  newValue: text("new_value"),
});

/** Kept compliance reports (see src/compliance): the public's computed from this projection only. */
export const complianceAssessmentColumns = () => ({
  decisionId: uuid("decision_id").notNull(),
  state: complianceState("state").notNull(),
  assessedOn: date("assessed_on", { mode: "string" }).notNull(),
});
export const complianceResultColumns = () => ({
  decisionId: uuid("decision_id").notNull(),
  rule: text("rule").notNull(),
  status: ruleStatus("status").notNull(),
});

/** The decisions view's two parts for the order by title (see `titleOrderViews` in projection.sql.ts). */
export const TITLE_PUBLIC_VIEW = "decisions_title_public";
export const TITLE_WITHHELD_VIEW = "decisions_title_withheld";
/** The decisions whose budget is public, for the budget range filter (see `titleOrderViews` in projection.sql.ts). */
export const BUDGET_PUBLIC_VIEW = "decisions_budget_public";

const decisionsView = disclosure.table("decisions", disclosedColumns(decisionsColumns()));

export const disclosed = {
  regions: disclosure.table("regions", regionsColumns()),
  publicBodies: disclosure.table("public_bodies", publicBodiesColumns()),
  decisions: decisionsView,
  // Typed as the decisions view, whose columns they have: queries over either part are built alike.
  decisionsTitlePublic: disclosure.table(TITLE_PUBLIC_VIEW, disclosedColumns(decisionsColumns())) as unknown as typeof decisionsView,
  decisionsTitleWithheld: disclosure.table(TITLE_WITHHELD_VIEW, disclosedColumns(decisionsColumns())) as unknown as typeof decisionsView,
  decisionsBudgetPublic: disclosure.table(BUDGET_PUBLIC_VIEW, disclosedColumns(decisionsColumns())) as unknown as typeof decisionsView,
  basisItems: disclosure.table("basis_items", disclosedColumns(basisItemsColumns())),
  consultations: disclosure.table("consultations", disclosedColumns(consultationsColumns())),
  comments: disclosure.table("comments", disclosedColumns(commentsColumns(), commentConfidentialColumns)),
  expertReviews: disclosure.table("expert_reviews", disclosedColumns(expertReviewsColumns())),
  riskAssessments: disclosure.table("risk_assessments", disclosedColumns(riskAssessmentsColumns())),
  riskFindings: disclosure.table("risk_findings", disclosedColumns(riskFindingsColumns())),
  legalityReviews: disclosure.table("legality_reviews", disclosedColumns(legalityReviewsColumns())),
  deliberations: disclosure.table("deliberations", disclosedColumns(deliberationsColumns())),
  publications: disclosure.table("publications", disclosedColumns(publicationsColumns())),
  implementationReports: disclosure.table("implementation_reports", disclosedColumns(implementationReportsColumns())),
  villageConsultations: disclosure.table("village_consultations", disclosedColumns(villageConsultationsColumns())),
  villageConsultationMembers: disclosure.table("village_consultation_members", disclosedColumns(villageConsultationMembersColumns())),
  villageConsultationSteps: disclosure.table("village_consultation_steps", disclosedColumns(villageConsultationStepsColumns())),
  postEvaluations: disclosure.table("post_evaluations", disclosedColumns(postEvaluationsColumns())),
  attachments: disclosure.table("attachments", disclosedColumns(attachmentsColumns())),
  // The kept public search documents (public-search.sql.ts), and their matches with the decisions' sort keys.
  searchDocuments: disclosure.table("search_documents", {
    decisionId: uuid("decision_id").notNull(),
    /** The decision's public search keys, one per line. */
    key: text("key").notNull(),
    grams: text("grams").array().notNull(),
  }),
  searchMatches: disclosure.table("search_matches", {
    /** The decision's id. */
    id: uuid("id").notNull(),
    key: text("key").notNull(),
    grams: text("grams").array().notNull(),
    catalogYear: integer("catalog_year").notNull(),
    catalogNumber: integer("catalog_number").notNull(),
    initiatedOn: date("initiated_on", { mode: "string" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
    title: text("title"),
  }),
  withholdingNotices: disclosure.table("withholding_notices", noticeColumns()),
  decisionRevisions: disclosure.table("decision_revisions", revisionColumns()),
  complianceAssessments: disclosure.table("compliance_assessments", complianceAssessmentColumns()),
  complianceResults: disclosure.table("compliance_results", complianceResultColumns()),
  /** The compliance-results open-data file (see complianceViews). */
  complianceResultRows: disclosure.table("compliance_result_rows", {
    decisionId: uuid("decision_id").notNull(),
    rule: text("rule").notNull(),
    article: text("article").notNull(),
    force: text("force").notNull(),
    status: ruleStatus("status").notNull(),
    findingZh: text("finding_zh").notNull(),
    findingEn: text("finding_en").notNull(),
  }),
  openDataSnapshots: disclosure.table("open_data_snapshots", {
    id: uuid("id").notNull(),
    name: text("name").notNull(),
    builtAt: timestamp("built_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
    manifest: jsonb("manifest").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
  }),
  changes: disclosure.table("changes", {
    id: bigint("id", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
    decisionId: uuid("decision_id").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    kind: text("kind").notNull(),
  }),
};

/** Staff read the decisions table itself, whose titles the title index orders: they have no parts by title, and search all documents. */
type TitleParts = "decisionsTitlePublic" | "decisionsTitleWithheld" | "decisionsBudgetPublic" | "searchMatches";
export type DisclosedTables = Omit<typeof disclosed, TitleParts> & Partial<Pick<typeof disclosed, TitleParts>>;
