import { loadDecision, type References } from "../../seeds/load-decision.js";
import { type Database } from "../../src/db/database.js";
import { type RecordType } from "../../src/disclosure/record-types.js";
import { RecordWriter } from "../../src/records/record-writer.js";
import { type SampleDecision, type SampleWithholding } from "../../seeds/sample/sample.types.js";

/**
 * Decision files whose every withholdable value is a unique canary string, built as sample data and
 * loaded through the product's own writer. A canary starts with "!!" so that, if it leaked into a
 * sort, it would sort first; the test later rewrites them to start with "~~" and compares.
 */
export const CANARY = "CANARY";
export const canary = (scope: string, path: string) => `!!${CANARY}-${scope}-${path}`;
export const CANARY_BUDGET = 7_777_777.77;

const ground = (field?: string): SampleWithholding => ({
  field,
  ground: "COMMERCIAL_SECRET",
  article: "《中華人民共和國政府信息公開條例》第十五條",
  explanation: "測試用的不公開決定。",
  decidedBy: "桐城市人民政府",
  since: "2024-01-01",
  reviewDue: "2025-01-01",
});

/** Withholds each named field of a part (or the whole part when `fields` is "whole"). */
const withhold = (fields: string[] | "whole") => (fields === "whole" ? [ground()] : fields.map((f) => ground(f)));

/** The parts of a decision file, by record type, with every text field a canary. */
function parts(scope: string, fieldsOf: (type: RecordType, fields: string[]) => SampleWithholding[] | undefined): Omit<SampleDecision, keyof DecisionHead> {
  const c = (path: string) => canary(scope, path);
  return {
    basis: [{ kind: "LEGAL", title: c("basis.title"), citation: c("basis.citation"), content: c("basis.content"), withheld: fieldsOf("basis_items", ["title", "citation", "content"]) }],
    consultations: [
      {
        method: "HEARING",
        opensOn: "2024-02-01",
        closesOn: "2024-03-15",
        place: c("consultation.place"),
        participants: c("consultation.participants"),
        summary: c("consultation.summary"),
        adoptionFeedback: c("consultation.adoptionFeedback"),
        withheld: fieldsOf("consultations", ["place", "participants", "summary", "adoptionFeedback"]),
        comments: [
          {
            stakeholderCategory: "ENTERPRISE",
            text: c("comment.text"),
            reply: c("comment.reply"),
            moderationState: "PUBLISHED",
            adoptionResult: "NOT_ADOPTED",
            submittedAt: "2024-02-10T08:00:00.000Z",
            commenterName: c("comment.commenterName"),
            commenterContact: c("comment.commenterContact"),
            withheld: fieldsOf("comments", ["text", "reply"]),
          },
          // Not public whatever is withheld: one awaiting moderation, one rejected.
          ...(["PENDING", "REJECTED"] as const).map((state) => ({
            stakeholderCategory: "INDIVIDUAL" as const,
            text: c(`comment.${state}.text`),
            reply: c(`comment.${state}.reply`),
            moderationState: state,
            submittedAt: "2024-02-11T08:00:00.000Z",
            commenterName: c(`comment.${state}.commenterName`),
            commenterContact: c(`comment.${state}.commenterContact`),
          })),
        ],
      },
    ],
    expertReviews: [
      {
        reviewerKind: "EXPERT",
        reviewerName: c("expertReview.reviewerName"),
        method: "WRITTEN_OPINION",
        reviewedOn: "2024-03-20",
        necessityOpinion: c("expertReview.necessityOpinion"),
        feasibilityOpinion: c("expertReview.feasibilityOpinion"),
        soundnessOpinion: c("expertReview.soundnessOpinion"),
        conclusion: c("expertReview.conclusion"),
        signed: true,
        withheld: fieldsOf("expert_reviews", ["reviewerName", "necessityOpinion", "feasibilityOpinion", "soundnessOpinion", "conclusion"]),
      },
    ],
    riskAssessments: [
      {
        assessor: c("riskAssessment.assessor"),
        assessedOn: "2024-03-25",
        overallLevel: "MEDIUM",
        controllability: "CONTROLLABLE_WITH_MEASURES",
        riskPoints: c("riskAssessment.riskPoints"),
        measures: c("riskAssessment.measures"),
        contingencyPlan: c("riskAssessment.contingencyPlan"),
        conclusion: c("riskAssessment.conclusion"),
        withheld: fieldsOf("risk_assessments", ["assessor", "riskPoints", "measures", "contingencyPlan", "conclusion"]),
        findings: [{ dimension: "SOCIAL_STABILITY", level: "MEDIUM", findings: c("riskFinding.findings"), withheld: fieldsOf("risk_findings", ["findings"]) }],
      },
    ],
    legalityReviews: [
      { reviewingBody: "桐城市司法局", submittedOn: "2024-04-01", completedOn: "2024-04-15", result: "LAWFUL", opinion: c("legalityReview.opinion"), withheld: fieldsOf("legality_reviews", ["opinion"]) },
    ],
    deliberations: [{ meeting: c("deliberation.meeting"), heldOn: "2024-04-20", outcome: "ADOPTED", dissent: c("deliberation.dissent"), withheld: fieldsOf("deliberations", ["meeting", "dissent"]) }],
    implementationReports: [{ kind: "SUSPENSION", reportedOn: "2024-06-01", procedure: "HEAD_DECIDED", circumstance: "FORCE_MAJEURE", content: c("implementationReport.content"), reason: c("implementationReport.reason"), withheld: fieldsOf("implementation_reports", ["content", "reason"]) }],
    villageConsultations: [
      {
        level: "VILLAGE",
        matter: c("villageConsultation.matter"),
        startedOn: "2024-01-10",
        meetingCount: 2,
        result: c("villageConsultation.result"),
        rating: "SATISFIED",
        evaluation: c("villageConsultation.evaluation"),
        withheld: fieldsOf("village_consultations", ["matter", "result", "evaluation"]),
        committee: [{ role: "INTERESTED_PARTY", memberCount: 3, names: c("villageCommitteeMember.names"), withheld: fieldsOf("village_consultation_members", ["names"]) }],
        steps: [{ step: "COLLECTION", takenOn: "2024-01-10", list: c("villageConsultationStep.list"), withheld: fieldsOf("village_consultation_steps", ["list"]) }],
      },
    ],
    postEvaluations: [{ evaluator: c("postEvaluation.evaluator"), evaluatedOn: "2025-05-01", findings: c("postEvaluation.findings"), recommendation: "CONTINUE", withheld: fieldsOf("post_evaluations", ["evaluator", "findings"]) }],
    attachments: [
      { kind: "OTHER", title: c("attachment.title"), mediaType: "application/pdf", url: `https://example.gov.cn/${c("attachment.url")}.pdf`, byteSize: 1000, withheld: fieldsOf("attachments", ["title", "url"]) },
    ],
  };
}

type DecisionHead = Pick<SampleDecision, "catalogYear" | "catalogNumber" | "title" | "summary" | "category" | "regionCode" | "decidingBody" | "undertakingBody" | "stage" | "status" | "budgetYuan" | "initiatedOn" | "withheld" | "publication">;

function head(scope: string, catalogNumber: number, withheld: SampleWithholding[] | undefined): DecisionHead {
  return {
    catalogYear: 2024,
    catalogNumber,
    title: canary(scope, "decision.title"),
    summary: canary(scope, "decision.summary"),
    category: "PUBLIC_CONSTRUCTION",
    regionCode: "340881100201",
    decidingBody: "孔城鎮人民政府",
    undertakingBody: "桐城市住房和城鄉建設局",
    stage: "POST_EVALUATION",
    status: "DECIDED",
    budgetYuan: CANARY_BUDGET,
    initiatedOn: "2024-01-05",
    withheld,
    publication: {
      documentNumber: `孔政〔2024〕${catalogNumber}號`,
      publishedOn: "2024-05-01",
      fullText: canary(scope, "publication.fullText"),
      adoptionExplanation: canary(scope, "publication.adoptionExplanation"),
    },
  };
}

/** A public decision, every withholdable field of every part withheld field by field. */
export function decisionWithWithheldFields(): SampleDecision {
  const file: SampleDecision = { ...head("F", 901, withhold(["title", "summary", "budgetYuan"])), ...parts("F", (_type, fields) => withhold(fields)) };
  file.publication!.withheld = withhold(["fullText", "adoptionExplanation"]);
  return file;
}

/** A public decision with nothing withheld of its own, whose every part is withheld whole. */
export function decisionWithWithheldParts(): SampleDecision {
  const file: SampleDecision = {
    ...head("R", 902, undefined),
    title: "公開的測試決策",
    summary: "此決策本身公開，其各部分記錄整體不公開。",
    budgetYuan: 1000,
    ...parts("R", () => withhold("whole")),
  };
  file.publication!.withheld = withhold("whole");
  return file;
}

/** A decision withheld whole (for example a state secret). */
export function decisionWithheldWhole(): SampleDecision {
  return { ...head("D", 903, [{ ...ground(), ground: "STATE_SECRET", article: "《中華人民共和國政府信息公開條例》第十四條" }]), ...parts("D", () => undefined) };
}

/** Loads the three canary files through the product's writer; returns the decisions' database ids. */
export async function loadCanaryFiles(database: Database): Promise<{ fields: string; parts: string; whole: string }> {
  const [fields, parts, whole] = await loadSampleDecisions(database, [decisionWithWithheldFields(), decisionWithWithheldParts(), decisionWithheldWhole()]);
  return { fields: fields!, parts: parts!, whole: whole! };
}

/** Loads sample decision files through the seeds' loader (the product's writer), in one transaction; returns their ids. */
export async function loadSampleDecisions(database: Database, files: SampleDecision[]): Promise<string[]> {
  const regionIds = new Map<string, string>();
  const bodyIds = new Map<string, string>();
  const region = async (code: string) => (await database.query<{ id: string }>("SELECT id FROM regions WHERE code = $1", [code]))[0]!.id;
  const body = async (name: string) => (await database.query<{ id: string }>("SELECT id FROM public_bodies WHERE name = $1", [name]))[0]!.id;
  for (const file of files) {
    regionIds.set(file.regionCode, await region(file.regionCode));
    const named = [file.decidingBody, file.undertakingBody, "桐城市人民政府", "桐城市司法局", ...(file.legalityReviews ?? []).map((r) => r.reviewingBody)];
    for (const name of named) if (!bodyIds.has(name)) bodyIds.set(name, await body(name));
  }
  const refs: References = { regionId: (code) => regionIds.get(code)!, bodyId: (name) => bodyIds.get(name)! };
  return database.db.transaction(async (tx) => {
    const writer = new RecordWriter(tx);
    const ids: string[] = [];
    for (const file of files) ids.push(await loadDecision(writer, refs, file));
    return ids;
  });
}
