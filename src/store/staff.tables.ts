import { date, integer, pgSchema, uuid } from "drizzle-orm/pg-core";
import { legalityDeadlineSource, legalityQueueState, legalityShortPeriod } from "../compliance/compliance.table.js";
import { attachments } from "../attachments/attachment.table.js";
import { basisItems } from "../basis/basis-item.table.js";
import { publicBodies } from "../bodies/public-body.table.js";
import { comments } from "../consultations/comment.table.js";
import { consultations } from "../consultations/consultation.table.js";
import { decisionRevisions } from "../decisions/decision-revision.table.js";
import { decisions } from "../decisions/decision.table.js";
import { deliberations } from "../deliberations/deliberation.table.js";
import { complianceAssessmentColumns, complianceResultColumns, type DisclosedTables, noticeColumns } from "../disclosure/disclosed.tables.js";
import { expertReviews } from "../expert-reviews/expert-review.table.js";
import { implementationReports } from "../implementation/implementation-report.table.js";
import { legalityReviews } from "../legality-reviews/legality-review.table.js";
import { postEvaluations } from "../post-evaluations/post-evaluation.table.js";
import { publications } from "../publications/publication.table.js";
import { regions } from "../regions/region.table.js";
import { riskAssessments, riskFindings } from "../risk-assessments/risk-assessment.table.js";
import { searchDocuments } from "../search/search-document.table.js";
import { villageConsultationMembers, villageConsultations, villageConsultationSteps } from "../village-consultations/village-consultation.table.js";

const staff = pgSchema("staff");

/** Staff's kept compliance reports, with where each decision stands in the legality review queue. */
export const staffComplianceAssessments = staff.table("compliance_assessments", {
  ...complianceAssessmentColumns(),
  queueState: legalityQueueState("queue_state"),
  queueDueOn: date("queue_due_on", { mode: "string" }),
  queueDeadlineOn: date("queue_deadline_on", { mode: "string" }),
  queueDeadlineSetBy: legalityDeadlineSource("queue_deadline_set_by"),
  queueWorkingDays: integer("queue_working_days"),
  queueShortPeriod: legalityShortPeriod("queue_short_period"),
  queueSubmittedOn: date("queue_submitted_on", { mode: "string" }),
  queueReviewingBodyId: uuid("queue_reviewing_body_id"),
});

/**
 * What privileged viewers read: the tables themselves (withheld material, unpublished comments and
 * withdrawn records included), with every withholding in force noticed on the record it covers.
 * The same shape as the disclosure projection with more columns, so one store reads either.
 */
export const staffTables = {
  regions,
  publicBodies,
  decisions,
  basisItems,
  consultations,
  comments,
  expertReviews,
  riskAssessments,
  riskFindings,
  legalityReviews,
  deliberations,
  publications,
  implementationReports,
  villageConsultations,
  villageConsultationMembers,
  villageConsultationSteps,
  postEvaluations,
  attachments,
  searchDocuments,
  withholdingNotices: staff.table("withholding_notices", noticeColumns()),
  decisionRevisions,
  complianceAssessments: staffComplianceAssessments,
  complianceResults: staff.table("compliance_results", complianceResultColumns()),
} as unknown as DisclosedTables;
