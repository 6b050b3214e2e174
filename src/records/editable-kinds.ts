import { ID, Int } from "type-graphql";
import { GraphQLBoolean, GraphQLString } from "graphql";
import { NonNegativeFloatResolver, NonNegativeIntResolver, PositiveIntResolver } from "graphql-scalars";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { type KeyRole } from "../access/viewer.js";
import { AttachmentKind } from "../attachments/attachment.type.js";
import { BasisKind } from "../basis/basis-item.type.js";
import { StakeholderCategory } from "../consultations/comment.type.js";
import { ConsultationMethod } from "../consultations/consultation.type.js";
import { DecisionCategory, DecisionStatus } from "../decisions/decision.type.js";
import { DeliberationBodyKind, DeliberationOutcome } from "../deliberations/deliberation.type.js";
import { disclosureOf, type RecordDisclosure, type RecordType } from "../disclosure/record-types.js";
import { ExpertReviewMethod, ReviewerKind } from "../expert-reviews/expert-review.type.js";
import { AdjustmentCircumstance, AdjustmentProcedure, ImplementationReportKind } from "../implementation/implementation-report.type.js";
import { LegalityResult } from "../legality-reviews/legality-review.type.js";
import { EvaluationRecommendation } from "../post-evaluations/post-evaluation.type.js";
import { RiskControllability, RiskDimension, RiskLevel } from "../risk-assessments/risk-assessment.type.js";
import { type NodeTypeName } from "../store/node-types.js";
import { VillageCommitteeRole, VillageConsultationLevel, VillageConsultationRating, VillageConsultationStepKind } from "../village-consultations/village-consultation.type.js";

/** One editable field: its GraphQL input type, whether creation needs it, and how it is checked. */
export interface FieldSpec {
  type: () => unknown;
  description: string;
  required?: boolean;
  /** An id of an object of this type, stored as that object's database key. */
  idOf?: NodeTypeName;
  /** Longest accepted text. */
  maxLength?: number;
  /** Must be an http(s) address (no javascript: or data: links reach the public). */
  url?: boolean;
  /** What null stores, for fields that cannot be empty in the database (lists, yes/no facts). */
  empty?: unknown;
  /** Accepted range of a number (the database's column holds no more). */
  range?: readonly [number, number];
}

export interface EditableKind {
  typeName: NodeTypeName;
  recordType: RecordType;
  /** The parent a new record is created under: its type and the column (drizzle key) that points at it. */
  parent: { typeName: NodeTypeName; key: string } | null;
  /** Roles that may create and update this kind (STYLE's table in issue 3). */
  writers: readonly KeyRole[];
  /** Fields accepted on create (with `required`) and on update (all optional). */
  fields: Record<string, FieldSpec>;
  /** Fields only settable at creation. */
  createOnly?: readonly string[];
  /** Fields only settable by an update. */
  updateOnly?: readonly string[];
}

const text = (description: string, required = false, maxLength = 20_000): FieldSpec => ({ type: () => GraphQLString, description, required, maxLength });
const name = (description: string, required = false): FieldSpec => text(description, required, 500);
const date = (description: string, required = false): FieldSpec => ({ type: () => LocalDateScalar, description, required });
const choice = (type: object, description: string, required = false): FieldSpec => ({ type: () => type, description, required });
const id = (idOf: NodeTypeName, description: string, required = false): FieldSpec => ({ type: () => ID, description, required, idOf });

const count = (description: string): FieldSpec => ({ type: () => NonNegativeIntResolver, description, range: [0, 2_147_483_647] });
const fact = (description: string): FieldSpec => ({ type: () => GraphQLBoolean, description, empty: false });
const groups = (description: string): FieldSpec => ({ type: () => [StakeholderCategory], description, empty: [] });

const editors: KeyRole[] = ["EDITOR"];

export const editableKinds: EditableKind[] = [
  {
    typeName: "Decision",
    recordType: "decisions",
    parent: null,
    writers: editors,
    fields: {
      catalogYear: { type: () => Int, description: "Year of the decision catalog (art. 3).", required: true, range: [1949, 2200] },
      catalogNumber: { type: () => Int, description: "Number in the deciding body's catalog for that year.", required: true, range: [1, 1_000_000] },
      title: name("Title.", true),
      summary: text("Plain-language summary.", true),
      category: choice(DecisionCategory, "Kind of decision (art. 3).", true),
      regionId: id("Region", "The region the decision concerns.", true),
      decidingBodyId: id("PublicBody", "The deciding body.", true),
      undertakingBodyId: id("PublicBody", "The undertaking body.", true),
      budgetYuan: { type: () => NonNegativeFloatResolver, description: "Budget or investment in yuan (below 10^14).", range: [0, 99_999_999_999_999] },
      initiatedOn: date("When the procedure was initiated.", true),
      status: choice(DecisionStatus, "Where the decision stands (on update; new decisions are IN_PROGRESS)."),
      catalogPublishedOn: date("When the decision catalog listing it was published (art. 3)."),
      professionalOrTechnical: fact("The matter is professional or technical: expert argumentation required (art. 19)."),
      affectsMarketActors: fact("The draft concerns market actors' economic activity: its fair-competition review goes to the meeting (art. 29)."),
      fairCompetitionReviewedOn: date("When the fair-competition review (公平竞争审查) of the draft was completed (art. 29)."),
      widePublicConcern: fact("The matter is of wide public concern: its publication explains how opinions were adopted (art. 32)."),
      affectsStabilityOrSafety: fact("The decision may affect social stability or public safety: risk assessment required (art. 22)."),
      speciallyAffectedGroups: groups("Groups whose interests the decision specially affects, who must be heard (art. 14)."),
    },
    updateOnly: ["status"],
  },
  {
    typeName: "BasisItem",
    recordType: "basis_items",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      kind: choice(BasisKind, "Legal, policy or factual.", true),
      position: { type: () => Int, description: "Position in the list.", required: true, range: [0, 100_000] },
      title: name("Title of the law, document or fact.", true),
      citation: name("Citation."),
      content: text("The relevant text or data."),
    },
  },
  {
    typeName: "Consultation",
    recordType: "consultations",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      method: choice(ConsultationMethod, "How the public is consulted.", true),
      opensOn: date("First day of the period, or the day of the meeting.", true),
      closesOn: date("Last day on which comments are taken.", true),
      shortPeriodReason: text("Why an online comment period is shorter than 30 days (art. 15).", false, 2000),
      shortPeriodReasonStatedOn: date("The day that reason was stated (art. 15(1): by the day the period opens)."),
      place: name("Where."),
      participants: text("Who takes part (art. 16: published in advance for hearings)."),
      participantCount: { type: () => NonNegativeIntResolver, description: "Number of participants.", range: [0, 2_147_483_647] },
      summary: text("Summary of what was said."),
      adoptionFeedback: text("How the opinions were adopted (意见采纳情况反馈)."),
      consultedGroups: groups("The groups this consultation heard (art. 14)."),
      materialsProvidedOn: date("For a hearing: when the materials reached the participants (art. 16: at least 7 days before)."),
      participantsPublishedOn: date("For a hearing: when the participants were published (art. 16: in advance)."),
    },
  },
  {
    typeName: "ExpertReview",
    recordType: "expert_reviews",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      reviewerKind: choice(ReviewerKind, "Expert or institution.", true),
      reviewerName: name("Name of the expert or institution."),
      method: choice(ExpertReviewMethod, "How the argumentation was held.", true),
      reviewedOn: date("Date of the opinion.", true),
      necessityOpinion: text("Opinion on necessity."),
      feasibilityOpinion: text("Opinion on feasibility."),
      soundnessOpinion: text("Opinion on scientific soundness."),
      conclusion: text("Conclusion."),
      signed: { type: () => GraphQLBoolean, description: "Signed or stamped (art. 21).", required: true },
    },
  },
  {
    typeName: "RiskAssessment",
    recordType: "risk_assessments",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      assessor: name("Who assessed."),
      assessedOn: date("Date of the report.", true),
      overallLevel: choice(RiskLevel, "Overall risk level.", true),
      controllability: choice(RiskControllability, "Controllability conclusion (art. 24).", true),
      riskPoints: text("Risk points."),
      measures: text("Measures."),
      contingencyPlan: text("Contingency plan."),
      conclusion: text("Conclusion."),
    },
  },
  {
    typeName: "RiskFinding",
    recordType: "risk_findings",
    parent: { typeName: "RiskAssessment", key: "riskAssessmentId" },
    writers: editors,
    fields: {
      dimension: choice(RiskDimension, "The dimension assessed.", true),
      level: choice(RiskLevel, "Risk level on this dimension.", true),
      findings: text("What was found."),
    },
    createOnly: ["dimension"],
  },
  {
    typeName: "LegalityReview",
    recordType: "legality_reviews",
    parent: { typeName: "Decision", key: "decisionId" },
    // Separation of duties: the legal affairs office records the review, not the drafting editors.
    writers: ["LEGAL_REVIEWER"],
    fields: {
      reviewingBodyId: id("PublicBody", "The reviewing body.", true),
      submittedOn: date("When the draft was submitted for review.", true),
      completedOn: date("When the review was completed."),
      result: choice(LegalityResult, "The result."),
      opinion: text("The review opinion."),
      dueOn: date("The date by which the review is asked for (art. 26: generally at least 7 working days after submission)."),
      shortTimeReason: text("Why the review is given less than 7 working days (art. 26(2): generally).", false, 2000),
      shortTimeReasonStatedOn: date("The day that reason was stated (by the day the draft is submitted)."),
      meetingScheduledOn: date("The meeting scheduled to deliberate the draft, as known when it was sent for review (not before submittedOn): the review is to be done before it (art. 25(1))."),
    },
  },
  {
    typeName: "Deliberation",
    recordType: "deliberations",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      meeting: name("The meeting.", true),
      heldOn: date("Date of the meeting.", true),
      outcome: choice(DeliberationOutcome, "What the meeting decided.", true),
      dissent: text("Dissenting views recorded (art. 30)."),
      bodyKind: { type: () => DeliberationBodyKind, description: "Which kind of body met (by default the government's executive meeting, art. 30(1)).", empty: "GOVERNMENT_EXECUTIVE_MEETING" },
      entitledCount: count("Members entitled to attend (应到): the base of a villagers', representatives' or residents' meeting's quorum."),
      countedByHousehold: fact("A villagers' meeting attended by households' representatives: the counts are of households (村民委员会组织法 art. 22(1))."),
      presentCount: count("Members present (实到), at most entitledCount."),
      votesFor: count("Votes for (赞成票), at most presentCount."),
    },
  },
  {
    typeName: "Publication",
    recordType: "publications",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      documentNumber: name("Document number (文号).", true),
      publishedOn: date("Date of publication.", true),
      documentDate: date("The document's date (成文日期): the day the decision was made (Decree 711 art. 26: published within 20 working days of it)."),
      fullText: text("Full text.", false, 200_000),
      adoptionExplanation: text("How public and expert opinions were adopted (art. 32)."),
    },
  },
  {
    typeName: "ImplementationReport",
    recordType: "implementation_reports",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      kind: choice(ImplementationReportKind, "What the report is about.", true),
      reportedOn: date("Date of the report.", true),
      content: text("The report."),
      reason: text("Why the decision was changed, suspended or stopped.", false, 2000),
      circumstance: choice(AdjustmentCircumstance, "What led to the change, suspension or stop (art. 35, 36(4))."),
      procedure: { type: () => AdjustmentProcedure, description: "How it was decided (art. 37); by default NONE_RECORDED.", empty: "NONE_RECORDED" },
      decidedOn: date("The day it was decided, when not the day of the report (not after reportedOn)."),
    },
  },
  {
    typeName: "VillageConsultation",
    recordType: "village_consultations",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      level: choice(VillageConsultationLevel, "The level at which the matter is consulted on (三级协商).", true),
      regionId: id("Region", "The town, village or villager group where it is held."),
      charter: name("The committee's charter and rules of procedure (章程和议事流程): their title, or where they are published."),
      catalogueItem: name("The entry of the village's consultation catalogue (协商共治目录) the matter falls under."),
      matter: text("The matter consulted on (协商事项).", true, 2000),
      startedOn: date("The day the matter was taken up (collected).", true),
      meetingCount: { type: () => NonNegativeIntResolver, description: "How many consultation meetings were held.", range: [0, 10_000] },
      result: text("What the consultation settled (协商结果)."),
      rating: choice(VillageConsultationRating, "How the residents judged the result (成果评议)."),
      evaluation: text("The residents' evaluation in words."),
    },
  },
  {
    typeName: "VillageCommitteeMember",
    recordType: "village_consultation_members",
    parent: { typeName: "VillageConsultation", key: "villageConsultationId" },
    writers: editors,
    fields: {
      role: choice(VillageCommitteeRole, 'The kind of member ("1+N+X").', true),
      memberCount: { type: () => PositiveIntResolver, description: "How many of this kind sat on the committee (or attended).", required: true, range: [1, 10_000] },
      names: text("Their names.", false, 2000),
    },
    createOnly: ["role"],
  },
  {
    typeName: "VillageConsultationStep",
    recordType: "village_consultation_steps",
    parent: { typeName: "VillageConsultation", key: "villageConsultationId" },
    writers: editors,
    fields: {
      step: choice(VillageConsultationStepKind, "Which of the five steps (五步五单).", true),
      takenOn: date("The day the step was taken.", true),
      list: text("The step's list (清单)."),
    },
  },
  {
    typeName: "PostEvaluation",
    recordType: "post_evaluations",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      evaluator: name("Who evaluated."),
      evaluatedOn: date("Date of the evaluation.", true),
      findings: text("Findings."),
      recommendation: choice(EvaluationRecommendation, "Recommendation.", true),
    },
  },
  {
    typeName: "Attachment",
    recordType: "attachments",
    parent: { typeName: "Decision", key: "decisionId" },
    writers: editors,
    fields: {
      kind: choice(AttachmentKind, "Which document it is.", true),
      title: name("Title."),
      mediaType: name("Media type, e.g. application/pdf.", true),
      url: { ...text("Where to download it: an http or https address.", false, 2000), url: true },
      byteSize: { type: () => NonNegativeIntResolver, description: "Size in bytes.", range: [0, Number.MAX_SAFE_INTEGER] },
    },
  },
];

export function editableKind(typeName: string): EditableKind | undefined {
  return editableKinds.find((kind) => kind.typeName === typeName);
}

export const disclosureOfKind = (kind: EditableKind): RecordDisclosure => disclosureOf(kind.recordType);
