import { type ChildOrdering } from "../db/child-pages.loader.js";
import { type DisclosedTables } from "../disclosure/disclosed.tables.js";
import { isInteger, isLocalDate, isTimestamp, isUuid } from "../graphql/cursor.js";
import { type NodeTypeName } from "./node-types.js";

export interface ChildList {
  table: keyof DisclosedTables;
  typeName: NodeTypeName;
  parentKey: string;
  ordering: ChildOrdering;
}

const byDate = (name: string, key: string): ChildOrdering => ({ name, keys: [key, "id"], checks: [isLocalDate, isUuid] });

/** The growable lists under a record, each in its procedural order with the id as tiebreaker. */
export const childLists = {
  basis: { table: "basisItems", typeName: "BasisItem", parentKey: "decisionId", ordering: { name: "basis", keys: ["position", "id"], checks: [isInteger, isUuid] } },
  consultations: { table: "consultations", typeName: "Consultation", parentKey: "decisionId", ordering: byDate("consultations", "opensOn") },
  comments: { table: "comments", typeName: "Comment", parentKey: "consultationId", ordering: { name: "comments", keys: ["submittedAt", "id"], checks: [isTimestamp, isUuid] } },
  expertReviews: { table: "expertReviews", typeName: "ExpertReview", parentKey: "decisionId", ordering: byDate("expertReviews", "reviewedOn") },
  riskAssessments: { table: "riskAssessments", typeName: "RiskAssessment", parentKey: "decisionId", ordering: byDate("riskAssessments", "assessedOn") },
  legalityReviews: { table: "legalityReviews", typeName: "LegalityReview", parentKey: "decisionId", ordering: byDate("legalityReviews", "submittedOn") },
  deliberations: { table: "deliberations", typeName: "Deliberation", parentKey: "decisionId", ordering: byDate("deliberations", "heldOn") },
  implementationReports: { table: "implementationReports", typeName: "ImplementationReport", parentKey: "decisionId", ordering: byDate("implementationReports", "reportedOn") },
  villageConsultations: { table: "villageConsultations", typeName: "VillageConsultation", parentKey: "decisionId", ordering: byDate("villageConsultations", "startedOn") },
  postEvaluations: { table: "postEvaluations", typeName: "PostEvaluation", parentKey: "decisionId", ordering: byDate("postEvaluations", "evaluatedOn") },
  attachments: { table: "attachments", typeName: "Attachment", parentKey: "decisionId", ordering: { name: "attachments", keys: ["createdAt", "id"], checks: [isTimestamp, isUuid] } },
  revisions: { table: "decisionRevisions", typeName: "DecisionRevision", parentKey: "decisionId", ordering: { name: "revisions", keys: ["changedAt", "id"], checks: [isTimestamp, isUuid] } },
} as const satisfies Record<string, ChildList>;

export type ChildListName = keyof typeof childLists;
