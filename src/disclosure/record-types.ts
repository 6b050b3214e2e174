import { getTableColumns } from "drizzle-orm";
import { type PgTable } from "drizzle-orm/pg-core";
import { attachments } from "../attachments/attachment.table.js";
import { basisItems } from "../basis/basis-item.table.js";
import { commentConfidentialColumns, comments } from "../consultations/comment.table.js";
import { consultations } from "../consultations/consultation.table.js";
import { decisions } from "../decisions/decision.table.js";
import { deliberations } from "../deliberations/deliberation.table.js";
import { expertReviews } from "../expert-reviews/expert-review.table.js";
import { implementationReports } from "../implementation/implementation-report.table.js";
import { legalityReviews } from "../legality-reviews/legality-review.table.js";
import { postEvaluations } from "../post-evaluations/post-evaluation.table.js";
import { publications } from "../publications/publication.table.js";
import { riskAssessments, riskFindings } from "../risk-assessments/risk-assessment.table.js";
import { villageConsultationMembers, villageConsultations, villageConsultationSteps } from "../village-consultations/village-consultation.table.js";
import { type recordType } from "./withholding.table.js";

export type RecordType = (typeof recordType.enumValues)[number];

/**
 * What the law lets the public see of one kind of record, in one place: the projection's SQL,
 * the GraphQL notices, the write-side validation and the canary tests are all derived from it.
 */
export interface RecordDisclosure {
  recordType: RecordType;
  table: PgTable;
  /** The GraphQL object type, which is also the prefix of its global ids. */
  typeName: string;
  /** The kind of record in Chinese (for the open-data catalog and dictionary). */
  titleZh: string;
  /** The field of `Decision` under which these records appear (named in whole-record notices). */
  decisionField: string | null;
  /**
   * Where a notice of this record being withheld whole is shown, when not on its decision:
   * the parent record type, the column pointing at it and the parent's field listing these records.
   */
  noticeParent?: { recordType: RecordType; column: string; field: string };
  /**
   * Fields always public: the procedure's structure, dates and outcomes. Every column is classified
   * as published, withholdable or confidential; an unclassified column stops the projection from
   * being built, so a new column is never published by default.
   */
  published: readonly string[];
  /** Fields (by their GraphQL name, which is the drizzle column key) that may be withheld. */
  withholdable: readonly string[];
  /** Columns never disclosed to anyone outside the administration (besides record keeping, see confidentialOf). */
  confidential?: readonly string[];
  /** Fields whose text is indexed for search. */
  searchable?: readonly string[];
  /**
   * Further conditions for the record to be public at all, on alias `t` (besides not being
   * withheld whole and its decision not being withheld whole), at time `at` (an SQL expression).
   */
  eligibility?: (at: string) => string;
}

/**
 * A withholding is in force until its release time has come (a release dated later does not release
 * now). `at` is the moment asked about: now for the projection's views; the kept public search asks
 * it of each release time, to learn from when a document is public (see publicSearchStatements).
 */
export const inForce = (alias: string, at = "now()") => `(${alias}.released_at IS NULL OR ${alias}.released_at > ${at})`;

/** The parent record has not been withdrawn from the file. */
export const notWithdrawn = (table: string, idExpression: string) => `NOT EXISTS (SELECT 1 FROM public.${table} p WHERE p.id = ${idExpression} AND p.withdrawn_at IS NOT NULL)`;

/** A field of the record is withheld. */
export const fieldWithheld = (type: RecordType, idExpression: string, field: string, at?: string) =>
  `EXISTS (SELECT 1 FROM public.withholdings x WHERE x.record_type = '${type}' AND x.record_id = ${idExpression} AND x.field = '${field}' AND ${inForce("x", at)})`;

export const notWithheldWhole = (type: RecordType, idExpression: string, at?: string) =>
  `NOT EXISTS (SELECT 1 FROM public.withholdings x WHERE x.record_type = '${type}' AND x.record_id = ${idExpression} AND x.field IS NULL AND ${inForce("x", at)})`;

/** The parent record (its type is its table's name) is itself neither withheld whole nor withdrawn. */
const parentPublic = (type: RecordType, column: string) => (at: string) => `${notWithheldWhole(type, `t.${column}`, at)} AND ${notWithdrawn(type, `t.${column}`)}`;

const timestamps = ["createdAt", "updatedAt"];
/** What every part of a decision's file publishes: its id, its decision and its timestamps. */
const part = ["id", "decisionId", ...timestamps];
/** Staff's record keeping (versions, withdrawals) is not part of the public record of any kind. */
const recordKeeping = ["version", "withdrawnAt", "withdrawalReason"];

/** Columns never disclosed: the record keeping of every record, and the kind's own confidential columns. */
export function confidentialOf(record: RecordDisclosure): readonly string[] {
  return [...recordKeeping, ...(record.confidential ?? [])];
}

export const recordDisclosures: readonly RecordDisclosure[] = [
  {
    recordType: "decisions",
    titleZh: "重大行政决策事项",
    published: ["id", "catalogYear", "catalogNumber", "category", "regionId", "decidingBodyId", "undertakingBodyId", "stage", "status", "initiatedOn", "catalogPublishedOn", "professionalOrTechnical", "affectsMarketActors", "fairCompetitionReviewedOn", "widePublicConcern", "affectsStabilityOrSafety", "speciallyAffectedGroups", ...timestamps, "lastActivityAt"],
    table: decisions,
    typeName: "Decision",
    decisionField: null,
    withholdable: ["title", "summary", "budgetYuan"],
    searchable: ["title", "summary"],
  },
  { recordType: "basis_items", titleZh: "决策依据", published: [...part, "kind", "position"], table: basisItems, typeName: "BasisItem", decisionField: "basis", withholdable: ["title", "citation", "content"], searchable: ["title"] },
  {
    recordType: "consultations",
    titleZh: "公众参与",
    published: [...part, "method", "opensOn", "closesOn", "shortPeriodReason", "shortPeriodReasonStatedOn", "participantCount", "consultedGroups", "materialsProvidedOn", "participantsPublishedOn"],
    table: consultations,
    typeName: "Consultation",
    decisionField: "consultations",
    withholdable: ["place", "participants", "summary", "adoptionFeedback"],
  },
  {
    recordType: "comments",
    titleZh: "公众意见及采纳情况",
    published: [...part, "consultationId", "stakeholderCategory", "moderationState", "adoptionResult", "submittedAt", "answeredAt"],
    table: comments,
    typeName: "Comment",
    decisionField: "consultations",
    withholdable: ["text", "reply"],
    confidential: commentConfidentialColumns,
    noticeParent: { recordType: "consultations", column: "consultation_id", field: "comments" },
    // Only moderated comments are published, and only under a consultation that is itself public.
    eligibility: (at) => `t.moderation_state = 'PUBLISHED' AND ${parentPublic("consultations", "consultation_id")(at)}`,
  },
  {
    recordType: "expert_reviews",
    titleZh: "专家论证",
    published: [...part, "reviewerKind", "method", "reviewedOn", "signed"],
    table: expertReviews,
    typeName: "ExpertReview",
    decisionField: "expertReviews",
    withholdable: ["reviewerName", "necessityOpinion", "feasibilityOpinion", "soundnessOpinion", "conclusion"],
  },
  {
    recordType: "risk_assessments",
    titleZh: "风险评估",
    published: [...part, "assessedOn", "overallLevel", "controllability"],
    table: riskAssessments,
    typeName: "RiskAssessment",
    decisionField: "riskAssessments",
    withholdable: ["assessor", "riskPoints", "measures", "contingencyPlan", "conclusion"],
  },
  {
    recordType: "risk_findings",
    titleZh: "风险评估分项结论",
    published: [...part, "riskAssessmentId", "dimension", "level"],
    table: riskFindings,
    typeName: "RiskFinding",
    decisionField: "riskAssessments",
    withholdable: ["findings"],
    noticeParent: { recordType: "risk_assessments", column: "risk_assessment_id", field: "findings" },
    eligibility: parentPublic("risk_assessments", "risk_assessment_id"),
  },
  { recordType: "legality_reviews", titleZh: "合法性审查", published: [...part, "reviewingBodyId", "submittedOn", "completedOn", "result", "dueOn", "shortTimeReason", "shortTimeReasonStatedOn", "meetingScheduledOn"], table: legalityReviews, typeName: "LegalityReview", decisionField: "legalityReviews", withholdable: ["opinion"] },
  { recordType: "deliberations", titleZh: "集体讨论决定", published: [...part, "heldOn", "outcome", "bodyKind", "entitledCount", "countedByHousehold", "presentCount", "votesFor"], table: deliberations, typeName: "Deliberation", decisionField: "deliberations", withholdable: ["meeting", "dissent"] },
  {
    recordType: "publications",
    titleZh: "决策公布",
    published: [...part, "documentNumber", "publishedOn", "documentDate"],
    table: publications,
    typeName: "Publication",
    decisionField: "publication",
    withholdable: ["fullText", "adoptionExplanation"],
    searchable: ["fullText"],
  },
  { recordType: "implementation_reports", titleZh: "决策执行和调整", published: [...part, "kind", "reportedOn", "circumstance", "procedure", "decidedOn"], table: implementationReports, typeName: "ImplementationReport", decisionField: "implementationReports", withholdable: ["content", "reason"] },
  {
    recordType: "village_consultations",
    titleZh: "村级协商",
    published: [...part, "level", "regionId", "charter", "catalogueItem", "startedOn", "meetingCount", "rating"],
    table: villageConsultations,
    typeName: "VillageConsultation",
    decisionField: "villageConsultations",
    withholdable: ["matter", "result", "evaluation"],
    searchable: ["matter"],
  },
  {
    recordType: "village_consultation_members",
    titleZh: "村级协商委员会组成",
    published: [...part, "villageConsultationId", "role", "memberCount"],
    table: villageConsultationMembers,
    typeName: "VillageCommitteeMember",
    decisionField: "villageConsultations",
    withholdable: ["names"],
    noticeParent: { recordType: "village_consultations", column: "village_consultation_id", field: "committee" },
    eligibility: parentPublic("village_consultations", "village_consultation_id"),
  },
  {
    recordType: "village_consultation_steps",
    titleZh: "村级协商步骤及清单",
    published: [...part, "villageConsultationId", "step", "takenOn"],
    table: villageConsultationSteps,
    typeName: "VillageConsultationStep",
    decisionField: "villageConsultations",
    withholdable: ["list"],
    noticeParent: { recordType: "village_consultations", column: "village_consultation_id", field: "steps" },
    eligibility: parentPublic("village_consultations", "village_consultation_id"),
  },
  { recordType: "post_evaluations", titleZh: "决策后评估", published: [...part, "evaluatedOn", "recommendation"], table: postEvaluations, typeName: "PostEvaluation", decisionField: "postEvaluations", withholdable: ["evaluator", "findings"] },
  { recordType: "attachments", titleZh: "决策附件", published: [...part, "kind", "mediaType", "byteSize"], table: attachments, typeName: "Attachment", decisionField: "attachments", withholdable: ["title", "url"] },
];

export function disclosureOf(type: RecordType): RecordDisclosure {
  const found = recordDisclosures.find((r) => r.recordType === type);
  if (!found) throw new Error(`no disclosure rules for record type ${type}`);
  return found;
}

/** The database column behind a field (the drizzle key, which is also the GraphQL field name). */
export function columnName(disclosure: RecordDisclosure, field: string): string {
  const column = getTableColumns(disclosure.table)[field];
  if (!column) throw new Error(`${disclosure.typeName} has no field ${field}`);
  return column.name;
}
