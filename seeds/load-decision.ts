import { attachments } from "../src/attachments/attachment.table.js";
import { basisItems } from "../src/basis/basis-item.table.js";
import { comments } from "../src/consultations/comment.table.js";
import { consultations } from "../src/consultations/consultation.table.js";
import { decisions } from "../src/decisions/decision.table.js";
import { deliberations } from "../src/deliberations/deliberation.table.js";
import { type RecordType } from "../src/disclosure/record-types.js";
import { expertReviews } from "../src/expert-reviews/expert-review.table.js";
import { implementationReports } from "../src/implementation/implementation-report.table.js";
import { legalityReviews } from "../src/legality-reviews/legality-review.table.js";
import { postEvaluations } from "../src/post-evaluations/post-evaluation.table.js";
import { publications } from "../src/publications/publication.table.js";
import { addDays } from "../src/compliance/working-days.js";
import { type RecordWriter } from "../src/records/record-writer.js";
import { riskAssessments, riskFindings } from "../src/risk-assessments/risk-assessment.table.js";
import { villageConsultationMembers, villageConsultations, villageConsultationSteps } from "../src/village-consultations/village-consultation.table.js";
import { type SampleDecision, type SampleWithholding } from "./sample/sample.types.js";

/** Names and codes of the reference data, resolved to ids. */
export interface References {
  regionId(code: string): string;
  bodyId(name: string): string;
}

/** Writes one decision's whole file, with its withholdings, through the product's writer. */
export async function loadDecision(writer: RecordWriter, refs: References, sample: SampleDecision): Promise<string> {
  const withholdLater: { recordType: RecordType; recordId: string; withheld: SampleWithholding[] }[] = [];
  const note = (recordType: RecordType, recordId: string, withheld: SampleWithholding[] | undefined) => {
    if (withheld?.length) withholdLater.push({ recordType, recordId, withheld });
  };
  const { basis, consultations: rounds, expertReviews: reviews, riskAssessments: risks, legalityReviews: legal, deliberations: meetings } = sample;

  const decision = await writer.insert("decisions", decisions, {
    catalogYear: sample.catalogYear,
    catalogNumber: sample.catalogNumber,
    title: sample.title,
    summary: sample.summary,
    category: sample.category,
    regionId: refs.regionId(sample.regionCode),
    decidingBodyId: refs.bodyId(sample.decidingBody),
    undertakingBodyId: refs.bodyId(sample.undertakingBody),
    stage: sample.stage,
    status: sample.status,
    budgetYuan: sample.budgetYuan ?? null,
    initiatedOn: sample.initiatedOn,
    catalogPublishedOn: sample.catalogPublishedOn === undefined ? `${sample.catalogYear}-01-15` : sample.catalogPublishedOn,
    professionalOrTechnical: sample.professionalOrTechnical ?? Boolean(reviews?.length),
    affectsMarketActors: sample.affectsMarketActors ?? false,
    fairCompetitionReviewedOn: sample.fairCompetitionReviewedOn ?? null,
    widePublicConcern: sample.widePublicConcern ?? Boolean(sample.publication?.adoptionExplanation),
    affectsStabilityOrSafety: sample.affectsStabilityOrSafety ?? Boolean(risks?.length),
    speciallyAffectedGroups: sample.speciallyAffectedGroups ?? [],
  });
  const decisionId = decision.id;
  note("decisions", decisionId, sample.withheld);

  for (const [position, { withheld, ...item }] of (basis ?? []).entries()) {
    const row = await writer.insert("basis_items", basisItems, { ...item, decisionId, position: position + 1 });
    note("basis_items", row.id, withheld);
  }
  for (const { withheld, comments: said, ...round } of rounds ?? []) {
    const hearingNotice = round.method === "HEARING" ? addDays(round.opensOn, -10) : null;
    const row = await writer.insert("consultations", consultations, {
      ...round,
      consultedGroups: round.consultedGroups ?? [...new Set((said ?? []).map((c) => c.stakeholderCategory))],
      materialsProvidedOn: round.materialsProvidedOn === undefined ? hearingNotice : round.materialsProvidedOn,
      participantsPublishedOn: round.participantsPublishedOn === undefined ? hearingNotice : round.participantsPublishedOn,
      shortPeriodReasonStatedOn: round.shortPeriodReasonStatedOn === undefined ? (round.shortPeriodReason ? round.opensOn : null) : round.shortPeriodReasonStatedOn,
      decisionId,
    });
    note("consultations", row.id, withheld);
    for (const { withheld: commentWithheld, submittedAt, answeredAt, ...comment } of said ?? []) {
      const decided = comment.adoptionResult !== undefined && comment.adoptionResult !== "UNDER_CONSIDERATION";
      const answered = answeredAt === undefined ? (decided ? new Date(Date.parse(submittedAt) + 5 * 86_400_000) : null) : answeredAt ? new Date(answeredAt) : null;
      const c = await writer.insert("comments", comments, { ...comment, submittedAt: new Date(submittedAt), answeredAt: answered, consultationId: row.id, decisionId });
      note("comments", c.id, commentWithheld);
    }
  }
  for (const { withheld, ...review } of reviews ?? []) note("expert_reviews", (await writer.insert("expert_reviews", expertReviews, { ...review, decisionId })).id, withheld);
  for (const { withheld, findings, ...assessment } of risks ?? []) {
    const row = await writer.insert("risk_assessments", riskAssessments, { ...assessment, decisionId });
    note("risk_assessments", row.id, withheld);
    for (const { withheld: findingWithheld, ...finding } of findings) {
      note("risk_findings", (await writer.insert("risk_findings", riskFindings, { ...finding, riskAssessmentId: row.id, decisionId })).id, findingWithheld);
    }
  }
  for (const { withheld, reviewingBody, ...review } of legal ?? []) {
    const shortTimeReasonStatedOn = review.shortTimeReasonStatedOn === undefined ? (review.shortTimeReason ? review.submittedOn : null) : review.shortTimeReasonStatedOn;
    const row = await writer.insert("legality_reviews", legalityReviews, { ...review, shortTimeReasonStatedOn, reviewingBodyId: refs.bodyId(reviewingBody), decisionId });
    note("legality_reviews", row.id, withheld);
  }
  for (const { withheld, ...meeting } of meetings ?? []) note("deliberations", (await writer.insert("deliberations", deliberations, { ...meeting, decisionId })).id, withheld);
  if (sample.publication) {
    const { withheld, ...publication } = sample.publication;
    const adopted = (meetings ?? []).filter((m) => m.outcome === "ADOPTED" || m.outcome === "ADOPTED_WITH_CHANGES").map((m) => m.heldOn).sort()[0] ?? null;
    const documentDate = publication.documentDate === undefined ? adopted : publication.documentDate;
    note("publications", (await writer.insert("publications", publications, { ...publication, documentDate, decisionId })).id, withheld);
  }
  for (const { withheld, ...report } of sample.implementationReports ?? []) {
    note("implementation_reports", (await writer.insert("implementation_reports", implementationReports, { ...report, decisionId })).id, withheld);
  }
  for (const { withheld, committee, steps, regionCode, ...consultation } of sample.villageConsultations ?? []) {
    const row = await writer.insert("village_consultations", villageConsultations, { ...consultation, regionId: regionCode ? refs.regionId(regionCode) : null, decisionId });
    note("village_consultations", row.id, withheld);
    for (const { withheld: memberWithheld, ...member } of committee) {
      note("village_consultation_members", (await writer.insert("village_consultation_members", villageConsultationMembers, { ...member, villageConsultationId: row.id, decisionId })).id, memberWithheld);
    }
    for (const { withheld: stepWithheld, ...step } of steps) {
      note("village_consultation_steps", (await writer.insert("village_consultation_steps", villageConsultationSteps, { ...step, villageConsultationId: row.id, decisionId })).id, stepWithheld);
    }
  }
  for (const { withheld, ...evaluation } of sample.postEvaluations ?? []) {
    note("post_evaluations", (await writer.insert("post_evaluations", postEvaluations, { ...evaluation, decisionId })).id, withheld);
  }
  for (const { withheld, ...attachment } of sample.attachments ?? []) {
    note("attachments", (await writer.insert("attachments", attachments, { ...attachment, decisionId })).id, withheld);
  }

  for (const { recordType, recordId, withheld } of withholdLater) {
    for (const w of withheld) {
      await writer.withhold({
        recordType,
        recordId,
        field: w.field,
        ground: w.ground,
        article: w.article,
        explanation: w.explanation,
        decidedByBodyId: refs.bodyId(w.decidedBy),
        since: w.since,
        reviewDue: w.reviewDue,
      });
    }
  }
  return decisionId;
}
