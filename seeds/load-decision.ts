import { attachments } from "../src/attachments/attachment.table.js";
import { basisItems } from "../src/basis/basis-item.table.js";
import { addDays } from "../src/compliance/working-days.js";
import { comments } from "../src/consultations/comment.table.js";
import { consultations } from "../src/consultations/consultation.table.js";
import { decisions, decisionStage } from "../src/decisions/decision.table.js";
import { deliberations } from "../src/deliberations/deliberation.table.js";
import { type RecordType } from "../src/disclosure/record-types.js";
import { expertReviews } from "../src/expert-reviews/expert-review.table.js";
import { implementationReports } from "../src/implementation/implementation-report.table.js";
import { legalityReviews } from "../src/legality-reviews/legality-review.table.js";
import { postEvaluations } from "../src/post-evaluations/post-evaluation.table.js";
import { publications } from "../src/publications/publication.table.js";
import { type PgTable } from "drizzle-orm/pg-core";
import { type RecordWriter } from "../src/records/record-writer.js";
import { riskAssessments, riskFindings } from "../src/risk-assessments/risk-assessment.table.js";
import { villageConsultationMembers, villageConsultations, villageConsultationSteps } from "../src/village-consultations/village-consultation.table.js";
import { type SampleDecision, type SampleWithholding } from "./sample/sample.types.js";
import { type FileStep, onDay, stepsInOrder } from "./file-step.js";

/** Names and codes of the reference data, resolved to ids. */
export interface References {
  regionId(code: string): string;
  bodyId(name: string): string;
}

type Stage = (typeof decisionStage.enumValues)[number];
const stages = decisionStage.enumValues;

/** Writes one decision's whole file, with its withholdings, through the product's writer, step by step. */
export async function loadDecision(writer: RecordWriter, refs: References, sample: SampleDecision): Promise<string> {
  const file = decisionFile(refs, sample);
  for (const step of stepsInOrder(file.steps)) await step.write(writer);
  return file.decisionId();
}

/**
 * A decision's file as the dated steps in which it was recorded: the decision when initiated (at its
 * first stage), each record on its own day, answers and results when given, the stage moving on with
 * the records that mark it, corrections and releases on their days. `today` leaves what is due after
 * it (a consultation's summary, a review's result) with the record itself.
 */
export function decisionFile(refs: References, sample: SampleDecision, today = "9999-12-31"): { steps: FileStep[]; decisionId: () => string } {
  const steps: FileStep[] = [];
  let decisionId = "";
  let stage: Stage = "INITIATION";
  const finalStage = stages.indexOf(sample.stage);
  const withholdingIds = new Map<SampleWithholding, string>();
  let status: SampleDecision["status"] = "IN_PROGRESS";
  const step = (at: Date, write: (writer: RecordWriter) => Promise<void>, after?: FileStep): FileStep => {
    const made: FileStep = { at: after && at <= after.at ? new Date(after.at.getTime() + 1) : at, write };
    steps.push(made);
    return made;
  };
  const withhold = async (writer: RecordWriter, recordType: RecordType, recordId: string, withheld: SampleWithholding[] | undefined) => {
    for (const w of withheld ?? []) {
      const row = await writer.withhold({ recordType, recordId, field: w.field, ground: w.ground, article: w.article, explanation: w.explanation, decidedByBodyId: refs.bodyId(w.decidedBy), since: w.since, reviewDue: w.reviewDue });
      withholdingIds.set(w, row.id);
    }
  };
  /** Moves the decision on to `next` when a record marks it, never past the stage it has reached. */
  const advance = async (writer: RecordWriter, next: Stage) => {
    if (stages.indexOf(next) <= stages.indexOf(stage) || stages.indexOf(next) > finalStage) return;
    stage = next;
    status = next === "PUBLICATION" && sample.status !== "IN_PROGRESS" ? "DECIDED" : status;
    await writer.update("decisions", decisions, decisionId, { stage, status });
  };
  const later = (due: string | undefined) => due !== undefined && due <= today;
  /** A record of its own, written on its day, moving the decision on to the stage it marks. */
  const record = <T extends PgTable>(at: Date, recordType: RecordType, table: T, values: () => T["$inferInsert"], withheld: SampleWithholding[] | undefined, marks?: Stage) =>
    step(
      at,
      async (writer) => {
        await withhold(writer, recordType, (await writer.insert(recordType, table, values())).id, withheld);
        if (marks) await advance(writer, marks);
      },
      created,
    );

  const earlier = (field: "title" | "summary") => sample.corrections?.find((c) => c.field === field)?.earlier ?? sample[field];
  const created = step(onDay(sample.initiatedOn, "09:00"), async (writer) => {
    const decision = await writer.insert("decisions", decisions, {
      catalogYear: sample.catalogYear,
      catalogNumber: sample.catalogNumber,
      title: earlier("title"),
      summary: earlier("summary"),
      category: sample.category,
      regionId: refs.regionId(sample.regionCode),
      decidingBodyId: refs.bodyId(sample.decidingBody),
      undertakingBodyId: refs.bodyId(sample.undertakingBody),
      stage,
      status: "IN_PROGRESS",
      budgetYuan: sample.budgetYuan ?? null,
      initiatedOn: sample.initiatedOn,
      catalogPublishedOn: sample.catalogPublishedOn === undefined ? `${sample.catalogYear}-01-15` : sample.catalogPublishedOn,
      professionalOrTechnical: sample.professionalOrTechnical ?? Boolean(sample.expertReviews?.length),
      affectsMarketActors: sample.affectsMarketActors ?? false,
      fairCompetitionReviewedOn: sample.fairCompetitionReviewedOn ?? null,
      widePublicConcern: sample.widePublicConcern ?? Boolean(sample.publication?.adoptionExplanation),
      affectsStabilityOrSafety: sample.affectsStabilityOrSafety ?? Boolean(sample.riskAssessments?.length),
      speciallyAffectedGroups: sample.speciallyAffectedGroups ?? [],
    });
    decisionId = decision.id;
    await withhold(writer, "decisions", decisionId, sample.withheld);
    for (const [position, { withheld, ...item }] of (sample.basis ?? []).entries()) {
      const row = await writer.insert("basis_items", basisItems, { ...item, decisionId, position: position + 1 });
      await withhold(writer, "basis_items", row.id, withheld);
    }
  });

  for (const { withheld, comments: said, ...round } of sample.consultations ?? []) {
    const hearingNotice = round.method === "HEARING" ? addDays(round.opensOn, -10) : null;
    const materialsProvidedOn = round.materialsProvidedOn === undefined ? hearingNotice : round.materialsProvidedOn;
    const participantsPublishedOn = round.participantsPublishedOn === undefined ? hearingNotice : round.participantsPublishedOn;
    // A hearing is on record from its notice; a summary and feedback come after the round closes.
    const announced = [participantsPublishedOn, materialsProvidedOn, round.opensOn].filter((d): d is string => Boolean(d)).sort()[0]!;
    const reported = addDays(round.closesOn, 3);
    const afterwards = later(reported) ? { summary: round.summary, adoptionFeedback: round.adoptionFeedback } : {};
    let consultationId = "";
    const opened = step(
      onDay(announced, "09:30"),
      async (writer) => {
        const row = await writer.insert("consultations", consultations, {
          ...round,
          ...(later(reported) ? { summary: null, adoptionFeedback: null } : {}),
          consultedGroups: round.consultedGroups ?? [...new Set((said ?? []).map((c) => c.stakeholderCategory))],
          materialsProvidedOn,
          participantsPublishedOn,
          shortPeriodReasonStatedOn: round.shortPeriodReasonStatedOn === undefined ? (round.shortPeriodReason ? round.opensOn : null) : round.shortPeriodReasonStatedOn,
          decisionId,
        });
        consultationId = row.id;
        await withhold(writer, "consultations", row.id, withheld);
        await advance(writer, "PUBLIC_PARTICIPATION");
      },
      created,
    );
    if (afterwards.summary !== undefined || afterwards.adoptionFeedback !== undefined) {
      step(onDay(reported, "16:00"), (writer) => writer.update("consultations", consultations, consultationId, { summary: afterwards.summary ?? null, adoptionFeedback: afterwards.adoptionFeedback ?? null }), opened);
    }
    for (const { withheld: commentWithheld, submittedAt, answeredAt, ...comment } of said ?? []) {
      const decided = comment.adoptionResult !== undefined && comment.adoptionResult !== "UNDER_CONSIDERATION";
      const answered = answeredAt === undefined ? (decided ? new Date(Date.parse(submittedAt) + 5 * 86_400_000) : null) : answeredAt ? new Date(answeredAt) : null;
      const answerLater = answered !== null && later(answered.toISOString().slice(0, 10));
      const answer = { adoptionResult: comment.adoptionResult, reply: comment.reply ?? null, answeredAt: answered };
      let commentId = "";
      const submitted = step(
        new Date(submittedAt),
        async (writer) => {
          const values = { ...comment, submittedAt: new Date(submittedAt), answeredAt: answered, consultationId, decisionId };
          const row = await writer.insert("comments", comments, answerLater ? { ...values, adoptionResult: undefined, reply: null, answeredAt: null } : values);
          commentId = row.id;
          await withhold(writer, "comments", row.id, commentWithheld);
        },
        opened,
      );
      if (answerLater) step(answered!, (writer) => writer.update("comments", comments, commentId, answer), submitted);
    }
  }
  for (const { withheld, ...review } of sample.expertReviews ?? []) {
    record(onDay(review.reviewedOn, "15:00"), "expert_reviews", expertReviews, () => ({ ...review, decisionId }), withheld, "EXPERT_ARGUMENTATION");
  }
  for (const { withheld, findings, ...assessment } of sample.riskAssessments ?? []) {
    step(
      onDay(assessment.assessedOn, "15:30"),
      async (writer) => {
        const row = await writer.insert("risk_assessments", riskAssessments, { ...assessment, decisionId });
        await withhold(writer, "risk_assessments", row.id, withheld);
        for (const { withheld: findingWithheld, ...finding } of findings) {
          await withhold(writer, "risk_findings", (await writer.insert("risk_findings", riskFindings, { ...finding, riskAssessmentId: row.id, decisionId })).id, findingWithheld);
        }
        await advance(writer, "RISK_ASSESSMENT");
      },
      created,
    );
  }
  for (const { withheld, reviewingBody, ...review } of sample.legalityReviews ?? []) {
    const shortTimeReasonStatedOn = review.shortTimeReasonStatedOn === undefined ? (review.shortTimeReason ? review.submittedOn : null) : review.shortTimeReasonStatedOn;
    const resultLater = review.completedOn !== undefined && review.completedOn > review.submittedOn && later(review.completedOn);
    const result = { completedOn: review.completedOn ?? null, result: review.result ?? null, opinion: review.opinion ?? null };
    let reviewId = "";
    const submitted = step(
      onDay(review.submittedOn, "10:00"),
      async (writer) => {
        const values = { ...review, shortTimeReasonStatedOn, reviewingBodyId: refs.bodyId(reviewingBody), decisionId };
        const row = await writer.insert("legality_reviews", legalityReviews, resultLater ? { ...values, completedOn: null, result: null, opinion: null } : values);
        reviewId = row.id;
        await withhold(writer, "legality_reviews", row.id, withheld);
        await advance(writer, "LEGALITY_REVIEW");
      },
      created,
    );
    if (resultLater) step(onDay(review.completedOn!, "16:30"), (writer) => writer.update("legality_reviews", legalityReviews, reviewId, result), submitted);
  }
  for (const { withheld, ...meeting } of sample.deliberations ?? []) {
    record(onDay(meeting.heldOn, "17:00"), "deliberations", deliberations, () => ({ ...meeting, decisionId }), withheld, "DELIBERATION");
  }
  if (sample.publication) {
    const { withheld, ...publication } = sample.publication;
    const adopted = (sample.deliberations ?? []).filter((m) => m.outcome === "ADOPTED" || m.outcome === "ADOPTED_WITH_CHANGES").map((m) => m.heldOn).sort()[0] ?? null;
    const documentDate = publication.documentDate === undefined ? adopted : publication.documentDate;
    record(onDay(publication.publishedOn, "10:30"), "publications", publications, () => ({ ...publication, documentDate, decisionId }), withheld, "PUBLICATION");
  }
  for (const { withheld, ...report } of sample.implementationReports ?? []) {
    record(onDay(report.reportedOn, "14:00"), "implementation_reports", implementationReports, () => ({ ...report, decisionId }), withheld, "IMPLEMENTATION");
  }
  for (const { withheld, committee, steps: taken, regionCode, ...consultation } of sample.villageConsultations ?? []) {
    let villageConsultationId = "";
    const started = step(
      onDay(consultation.startedOn, "09:45"),
      async (writer) => {
        const row = await writer.insert("village_consultations", villageConsultations, { ...consultation, regionId: regionCode ? refs.regionId(regionCode) : null, decisionId });
        villageConsultationId = row.id;
        await withhold(writer, "village_consultations", row.id, withheld);
        for (const { withheld: memberWithheld, ...member } of committee) {
          await withhold(writer, "village_consultation_members", (await writer.insert("village_consultation_members", villageConsultationMembers, { ...member, villageConsultationId, decisionId })).id, memberWithheld);
        }
      },
      created,
    );
    for (const { withheld: stepWithheld, ...taking } of taken) {
      step(
        onDay(taking.takenOn, "15:45"),
        async (writer) => {
          await withhold(writer, "village_consultation_steps", (await writer.insert("village_consultation_steps", villageConsultationSteps, { ...taking, villageConsultationId, decisionId })).id, stepWithheld);
        },
        started,
      );
    }
  }
  for (const { withheld, ...evaluation } of sample.postEvaluations ?? []) {
    record(onDay(evaluation.evaluatedOn, "14:30"), "post_evaluations", postEvaluations, () => ({ ...evaluation, decisionId }), withheld, "POST_EVALUATION");
  }
  for (const { withheld, ...attachment } of sample.attachments ?? []) {
    record(onDay(attachmentDay(sample, attachment.kind), "11:30"), "attachments", attachments, () => ({ ...attachment, decisionId }), withheld);
  }
  for (const correction of sample.corrections ?? []) {
    step(onDay(correction.on, "10:15"), (writer) => writer.update("decisions", decisions, decisionId, { [correction.field]: sample[correction.field] }), created);
  }
  for (const w of releasedWithholdings(sample)) {
    step(onDay(w.releasedOn!, "11:00"), async (writer) => void (await writer.release(withholdingIds.get(w)!, w.releaseReason ?? "經複查，不公開的理由已消除。")), created);
  }
  // The final stage and status, on the day the file says they were reached (or with its last record).
  const last = steps.reduce((a, b) => (a.at > b.at ? a : b));
  step(sample.settledOn ? onDay(sample.settledOn, "17:30") : last.at, async (writer) => {
    if (stage === sample.stage && status === sample.status) return;
    [stage, status] = [sample.stage, sample.status];
    await writer.update("decisions", decisions, decisionId, { stage, status });
  }, last);
  return { steps, decisionId: () => decisionId };
}

/** Every withholding of the file that a later review released (art. 18), wherever it is attached. */
function releasedWithholdings(part: unknown): SampleWithholding[] {
  if (Array.isArray(part)) return part.flatMap(releasedWithholdings);
  if (typeof part !== "object" || part === null) return [];
  const own = ((part as { withheld?: SampleWithholding[] }).withheld ?? []).filter((w) => w.releasedOn);
  return [...own, ...Object.entries(part).filter(([key]) => key !== "withheld").flatMap(([, value]) => releasedWithholdings(value))];
}

/** The day an attachment came with the file: a draft with the call for comments, a report with its step. */
function attachmentDay(sample: SampleDecision, kind: NonNullable<SampleDecision["attachments"]>[number]["kind"]): string {
  const first = (days: (string | undefined)[]) => days.filter((d): d is string => Boolean(d)).sort()[0];
  const byKind: Partial<Record<typeof kind, string | undefined>> = {
    DRAFT: first((sample.consultations ?? []).map((c) => c.opensOn)),
    DRAFTING_EXPLANATION: first((sample.consultations ?? []).map((c) => c.opensOn)),
    EXPERT_OPINION: first((sample.expertReviews ?? []).map((r) => r.reviewedOn)),
    RISK_ASSESSMENT_REPORT: first((sample.riskAssessments ?? []).map((r) => r.assessedOn)),
    DECISION_DOCUMENT: sample.publication?.publishedOn,
  };
  return byKind[kind] ?? sample.publication?.publishedOn ?? sample.initiatedOn;
}
