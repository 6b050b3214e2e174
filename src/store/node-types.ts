import { type DisclosedTables } from "../disclosure/disclosed.tables.js";
import { type RecordType } from "../disclosure/record-types.js";

/** Every GraphQL type that is a `Node`: its projection table and, if it can be withheld, its record type. */
export const nodeTypes = {
  Region: { table: "regions", recordType: null },
  PublicBody: { table: "publicBodies", recordType: null },
  Decision: { table: "decisions", recordType: "decisions" },
  BasisItem: { table: "basisItems", recordType: "basis_items" },
  Consultation: { table: "consultations", recordType: "consultations" },
  Comment: { table: "comments", recordType: "comments" },
  ExpertReview: { table: "expertReviews", recordType: "expert_reviews" },
  RiskAssessment: { table: "riskAssessments", recordType: "risk_assessments" },
  RiskFinding: { table: "riskFindings", recordType: "risk_findings" },
  LegalityReview: { table: "legalityReviews", recordType: "legality_reviews" },
  Deliberation: { table: "deliberations", recordType: "deliberations" },
  Publication: { table: "publications", recordType: "publications" },
  ImplementationReport: { table: "implementationReports", recordType: "implementation_reports" },
  VillageConsultation: { table: "villageConsultations", recordType: "village_consultations" },
  VillageCommitteeMember: { table: "villageConsultationMembers", recordType: "village_consultation_members" },
  VillageConsultationStep: { table: "villageConsultationSteps", recordType: "village_consultation_steps" },
  PostEvaluation: { table: "postEvaluations", recordType: "post_evaluations" },
  Attachment: { table: "attachments", recordType: "attachments" },
  DecisionRevision: { table: "decisionRevisions", recordType: null },
} as const satisfies Record<string, { table: keyof DisclosedTables; recordType: RecordType | null }>;

export type NodeTypeName = keyof typeof nodeTypes;

export const isNodeTypeName = (name: string): name is NodeTypeName => Object.hasOwn(nodeTypes, name);

/** The GraphQL type of a record type (table name), e.g. "risk_assessments" → "RiskAssessment". */
export function typeNameOfRecord(recordType: string): NodeTypeName {
  const entry = Object.entries(nodeTypes).find(([, type]) => type.recordType === recordType);
  if (!entry) throw new Error(`no node type for record type ${recordType}`);
  return entry[0] as NodeTypeName;
}

export function nodeTypeOfTable(table: keyof DisclosedTables): NodeTypeName {
  const entry = Object.entries(nodeTypes).find(([, type]) => type.table === table);
  if (!entry) throw new Error(`no node type reads ${table}`);
  return entry[0] as NodeTypeName;
}
