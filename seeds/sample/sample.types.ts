// The shape of the sample data: plain values, loaded through the same writer the product uses.
// Enum values are those of the tables in src/ (see each *.table.ts).
import { type attachmentKind } from "../../src/attachments/attachment.table.js";
import { type basisKind } from "../../src/basis/basis-item.table.js";
import { type publicBodyKind } from "../../src/bodies/public-body.table.js";
import { type adoptionResult, type moderationState, type stakeholderCategory } from "../../src/consultations/comment.table.js";
import { type consultationMethod } from "../../src/consultations/consultation.table.js";
import { type decisionCategory, type decisionStage, type decisionStatus } from "../../src/decisions/decision.table.js";
import { type deliberationBodyKind, type deliberationOutcome } from "../../src/deliberations/deliberation.table.js";
import { type withholdingGround } from "../../src/disclosure/withholding.table.js";
import { type expertReviewMethod, type reviewerKind } from "../../src/expert-reviews/expert-review.table.js";
import { type adjustmentCircumstance, type adjustmentProcedure, type implementationReportKind } from "../../src/implementation/implementation-report.table.js";
import { type legalityResult } from "../../src/legality-reviews/legality-review.table.js";
import { type evaluationRecommendation } from "../../src/post-evaluations/post-evaluation.table.js";
import { type regionLevel } from "../../src/regions/region.table.js";
import { type riskControllability, type riskDimension, type riskLevel } from "../../src/risk-assessments/risk-assessment.table.js";
import { type villageCommitteeRole, type villageConsultationLevel, type villageConsultationRating, type villageConsultationStep } from "../../src/village-consultations/village-consultation.table.js";

type Values<E extends { enumValues: readonly string[] }> = E["enumValues"][number];
/** ISO date, "2024-03-15". */
type LocalDate = string;

export interface SampleRegion {
  code: string;
  name: string;
  level: Values<typeof regionLevel>;
  parentCode: string | null;
}

export interface SampleBody {
  name: string;
  kind: Values<typeof publicBodyKind>;
  regionCode: string;
}

/**
 * A withholding of the part it is attached to: of one field when `field` is given (the field's
 * name as in this file, e.g. "summary"), of the whole part otherwise.
 */
export interface SampleWithholding {
  field?: string;
  ground: Values<typeof withholdingGround>;
  /** The article cited, e.g. "《中華人民共和國政府信息公開條例》第十五條". */
  article: string;
  explanation: string;
  /** Name of the body that decided to withhold (one of the sample bodies). */
  decidedBy: string;
  since: LocalDate;
  reviewDue: LocalDate;
  /** Released on review (art. 18): the value becomes public from that day. */
  releasedOn?: LocalDate;
  releaseReason?: string;
}

interface Withholdable {
  withheld?: SampleWithholding[];
}

export interface SampleComment extends Withholdable {
  stakeholderCategory: Values<typeof stakeholderCategory>;
  text: string;
  moderationState: Values<typeof moderationState>;
  adoptionResult?: Values<typeof adoptionResult>;
  reply?: string;
  commenterName?: string;
  commenterContact?: string;
  /** ISO date-time. */
  submittedAt: string;
  /** ISO date-time of the first decided answer; by default five days after submission when decided. */
  answeredAt?: string | null;
}

export interface SampleConsultation extends Withholdable {
  method: Values<typeof consultationMethod>;
  opensOn: LocalDate;
  closesOn: LocalDate;
  shortPeriodReason?: string;
  /** The day the reason was stated; absent: with the call for comments (the day the period opens). */
  shortPeriodReasonStatedOn?: LocalDate | null;
  place?: string;
  participants?: string;
  participantCount?: number;
  summary?: string;
  adoptionFeedback?: string;
  /** Art. 14: the groups heard; by default the categories of its comments. */
  consultedGroups?: Values<typeof stakeholderCategory>[];
  /** Art. 16, hearings: by default ten days before the hearing. */
  materialsProvidedOn?: LocalDate | null;
  participantsPublishedOn?: LocalDate | null;
  comments?: SampleComment[];
}

export interface SampleDecision extends Withholdable {
  catalogYear: number;
  catalogNumber: number;
  title: string;
  summary: string;
  category: Values<typeof decisionCategory>;
  regionCode: string;
  decidingBody: string;
  undertakingBody: string;
  stage: Values<typeof decisionStage>;
  status: Values<typeof decisionStatus>;
  budgetYuan?: number;
  initiatedOn: LocalDate;
  /** Art. 3: by default 15 January of the catalog year; null when not published. */
  catalogPublishedOn?: LocalDate | null;
  /** Art. 19: by default, whether it has expert reviews. */
  professionalOrTechnical?: boolean;
  /** Art. 29 (一): by default false; fairCompetitionReviewedOn by default null. */
  affectsMarketActors?: boolean;
  fairCompetitionReviewedOn?: LocalDate | null;
  /** Art. 32: by default, whether its publication explains how opinions were adopted. */
  widePublicConcern?: boolean;
  /** Art. 22: by default, whether it has risk assessments. */
  affectsStabilityOrSafety?: boolean;
  speciallyAffectedGroups?: Values<typeof stakeholderCategory>[];
  /** The day the decision reached its stage and status, where no record of its file marks it; by default its last record's. */
  settledOn?: LocalDate;
  /** Published first as `earlier`, corrected to the value above on `on`: the public revision history shows it. */
  corrections?: { on: LocalDate; field: "title" | "summary"; earlier: string }[];
  basis?: (Withholdable & { kind: Values<typeof basisKind>; title: string; citation?: string; content?: string })[];
  consultations?: SampleConsultation[];
  expertReviews?: (Withholdable & {
    reviewerKind: Values<typeof reviewerKind>;
    reviewerName?: string;
    method: Values<typeof expertReviewMethod>;
    reviewedOn: LocalDate;
    necessityOpinion?: string;
    feasibilityOpinion?: string;
    soundnessOpinion?: string;
    conclusion?: string;
    signed: boolean;
  })[];
  riskAssessments?: (Withholdable & {
    assessor?: string;
    assessedOn: LocalDate;
    overallLevel: Values<typeof riskLevel>;
    controllability: Values<typeof riskControllability>;
    riskPoints?: string;
    measures?: string;
    contingencyPlan?: string;
    conclusion?: string;
    findings: (Withholdable & { dimension: Values<typeof riskDimension>; level: Values<typeof riskLevel>; findings?: string })[];
  })[];
  legalityReviews?: (Withholdable & {
    reviewingBody: string;
    submittedOn: LocalDate;
    dueOn?: LocalDate;
    shortTimeReason?: string;
    /** By default the day of submission when a reason is given. */
    shortTimeReasonStatedOn?: LocalDate | null;
    meetingScheduledOn?: LocalDate;
    completedOn?: LocalDate;
    result?: Values<typeof legalityResult>;
    opinion?: string;
  })[];
  deliberations?: (Withholdable & {
    meeting: string;
    heldOn: LocalDate;
    outcome: Values<typeof deliberationOutcome>;
    dissent?: string;
    /** By default GOVERNMENT_EXECUTIVE_MEETING. */
    bodyKind?: Values<typeof deliberationBodyKind>;
    entitledCount?: number;
    countedByHousehold?: boolean;
    presentCount?: number;
    votesFor?: number;
  })[];
  /** documentDate: by default the day of the deliberation that adopted the decision. */
  publication?: Withholdable & { documentNumber: string; publishedOn: LocalDate; documentDate?: LocalDate | null; fullText?: string; adoptionExplanation?: string };
  implementationReports?: (Withholdable & {
    kind: Values<typeof implementationReportKind>;
    reportedOn: LocalDate;
    content?: string;
    reason?: string;
    circumstance?: Values<typeof adjustmentCircumstance>;
    /** By default NONE_RECORDED. */
    procedure?: Values<typeof adjustmentProcedure>;
    decidedOn?: LocalDate;
  })[];
  villageConsultations?: SampleVillageConsultation[];
  postEvaluations?: (Withholdable & { evaluator?: string; evaluatedOn: LocalDate; findings?: string; recommendation: Values<typeof evaluationRecommendation> })[];
  attachments?: (Withholdable & { kind: Values<typeof attachmentKind>; title?: string; mediaType: string; url?: string; byteSize?: number })[];
}

/** A village consultation ("11355"): its committee by kind of member and its steps with their lists. */
export interface SampleVillageConsultation extends Withholdable {
  level: Values<typeof villageConsultationLevel>;
  regionCode?: string;
  charter?: string;
  catalogueItem?: string;
  matter: string;
  startedOn: LocalDate;
  meetingCount?: number;
  result?: string;
  rating?: Values<typeof villageConsultationRating>;
  evaluation?: string;
  committee: (Withholdable & { role: Values<typeof villageCommitteeRole>; memberCount: number; names?: string })[];
  steps: (Withholdable & { step: Values<typeof villageConsultationStep>; takenOn: LocalDate; list?: string })[];
}
