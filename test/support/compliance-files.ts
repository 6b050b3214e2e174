import { type SampleDecision, type SampleWithholding } from "../../seeds/sample/sample.types.js";
import { canary } from "./canary-file.js";

/** The catalog year of every compliance fixture, so that filters and counts can single them out. */
export const COMPLIANCE_YEAR = 2031;

const secret = (path: string) => canary("compliance", path);

export const withheldOn = (field?: string): SampleWithholding[] => [
  {
    field,
    ground: "COMMERCIAL_SECRET",
    article: "《中華人民共和國政府信息公開條例》第十五條",
    explanation: "測試用的不公開決定。",
    decidedBy: "桐城市人民政府",
    since: "2024-01-01",
    reviewDue: "2025-01-01",
  },
];

let number = 0;

/**
 * A decision whose file follows every rule: catalogued, the affected enterprises heard, a 36-day
 * comment period, a hearing noticed ten days ahead, every comment answered before publication, a
 * signed expert opinion, a complete risk report, a lawful review given 10 working days, a recorded
 * deliberation and a publication explaining how opinions were adopted. Its texts are public; the
 * withheld cases put a canary in what they withhold.
 */
export function compliantFile(scope: string): SampleDecision {
  const c = (path: string) => `公開的${scope}-${path}`;
  number += 1;
  return {
    catalogYear: COMPLIANCE_YEAR,
    catalogNumber: number,
    title: c("title"),
    summary: c("summary"),
    category: "PUBLIC_CONSTRUCTION",
    regionCode: "340881100201",
    decidingBody: "孔城鎮人民政府",
    undertakingBody: "桐城市住房和城鄉建設局",
    stage: "PUBLICATION",
    status: "DECIDED",
    initiatedOn: "2024-02-01",
    catalogPublishedOn: "2024-01-15",
    professionalOrTechnical: true,
    affectsStabilityOrSafety: true,
    speciallyAffectedGroups: ["ENTERPRISE"],
    consultations: [
      {
        method: "ONLINE_COMMENT",
        opensOn: "2024-03-01",
        closesOn: "2024-04-05",
        summary: c("online.summary"),
        consultedGroups: ["ENTERPRISE", "INDIVIDUAL"],
        comments: [
          { stakeholderCategory: "ENTERPRISE", text: c("comment.text"), reply: c("comment.reply"), moderationState: "PUBLISHED", adoptionResult: "ADOPTED", submittedAt: "2024-03-10T02:00:00.000Z", answeredAt: "2024-04-10T02:00:00.000Z" },
        ],
      },
      { method: "HEARING", opensOn: "2024-04-20", closesOn: "2024-04-20", participants: c("hearing.participants"), materialsProvidedOn: "2024-04-10", participantsPublishedOn: "2024-04-10", consultedGroups: ["RESIDENT_REPRESENTATIVE"] },
    ],
    expertReviews: [
      { reviewerKind: "EXPERT", reviewerName: c("expert.name"), method: "ARGUMENTATION_MEETING", reviewedOn: "2024-04-25", necessityOpinion: c("expert.necessity"), feasibilityOpinion: c("expert.feasibility"), soundnessOpinion: c("expert.soundness"), signed: true },
    ],
    riskAssessments: [
      { assessor: c("risk.assessor"), assessedOn: "2024-04-28", overallLevel: "LOW", controllability: "CONTROLLABLE", riskPoints: c("risk.points"), measures: c("risk.measures"), contingencyPlan: c("risk.plan"), findings: [] },
    ],
    legalityReviews: [{ reviewingBody: "桐城市司法局", submittedOn: "2024-05-06", dueOn: "2024-05-20", completedOn: "2024-05-17", result: "LAWFUL", opinion: c("legal.opinion") }],
    deliberations: [{ meeting: c("meeting"), heldOn: "2024-05-28", outcome: "ADOPTED", dissent: c("dissent") }],
    publication: { documentNumber: `孔政〔2031〕${number}號`, publishedOn: "2024-06-05", fullText: c("publication.text"), adoptionExplanation: c("publication.explanation") },
  };
}

/** The same decision, still in public participation: nothing after it has happened. */
export function earlyFile(scope: string): SampleDecision {
  const file = compliantFile(scope);
  return { ...file, stage: "PUBLIC_PARTICIPATION", status: "IN_PROGRESS", expertReviews: [], riskAssessments: [], legalityReviews: [], deliberations: [], publication: undefined };
}

/**
 * The same file decided by a village committee: its matter is the villagers' own, adopted by their
 * representative meeting of 30 members with 20 present (two thirds exactly) and 11 for (more than half).
 */
export function villageFile(scope: string): SampleDecision {
  const file = compliantFile(scope);
  return { ...file, decidingBody: "孔城鎮桐梓村村民委員會", deliberations: [{ meeting: "桐梓村村民代表會議", heldOn: "2024-05-28", outcome: "ADOPTED", dissent: "無不同意見。", bodyKind: "VILLAGER_REPRESENTATIVES_MEETING", entitledCount: 30, presentCount: 20, votesFor: 11 }] };
}

type Change = (file: SampleDecision) => SampleDecision;
const consultation = (method: string, change: (c: NonNullable<SampleDecision["consultations"]>[number]) => object): Change => (f) => ({
  ...f,
  consultations: f.consultations!.map((c) => (c.method === method ? { ...c, ...change(c) } : c)),
});
const only = <K extends "expertReviews" | "riskAssessments" | "legalityReviews" | "deliberations">(key: K, change: object): Change => (f) => ({ ...f, [key]: f[key]!.map((r) => ({ ...r, ...change })) });
const publication = (change: object): Change => (f) => ({ ...f, publication: { ...f.publication!, ...change } });

export interface RuleCase {
  name: string;
  file: SampleDecision;
  /** What the public's report says, and what staff's says (the same unless something is withheld). */
  public: string;
  staff: string;
}

const bases = { compliant: compliantFile, early: earlyFile, village: villageFile, "early village": (scope: string) => ({ ...earlyFile(scope), decidingBody: "孔城鎮桐梓村村民委員會" }) };
const cases = (rule: string, scenarios: [name: string, base: keyof typeof bases, change: Change, expectPublic: string, expectStaff?: string][]): [string, RuleCase[]] => [
  rule,
  scenarios.map(([name, base, change, expectPublic, expectStaff]) => ({
    name,
    file: change(bases[base](`${rule}-${name}`)),
    public: expectPublic,
    staff: expectStaff ?? expectPublic,
  })),
];

const same: Change = (f) => f;
const secretComments = (c: NonNullable<SampleDecision["consultations"]>[number]) => c.comments!.map((m) => ({ ...m, text: secret("comment.text"), reply: secret("comment.reply") }));

/** For every rule: a decision satisfying it, one violating it, one where it is pending or does not apply, and one where what it needs is withheld. */
export const ruleCases: [string, RuleCase[]][] = [
  cases("CATALOG_LISTED", [
    ["satisfied", "compliant", same, "SATISFIED"],
    // ADVISORY (art. 3(3), 可以): a decision in no published catalogue breaches nothing.
    ["not listed", "compliant", (f) => ({ ...f, catalogPublishedOn: null }), "NOT_APPLICABLE"],
    ["not listed while initiated", "early", (f) => ({ ...f, stage: "INITIATION", consultations: [], catalogPublishedOn: null }), "NOT_APPLICABLE"],
  ]),
  cases("PUBLIC_HEARD", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["deliberated with no public participation", "compliant", (f) => ({ ...f, consultations: [], speciallyAffectedGroups: [] }), "VIOLATED"],
    // The meeting is on 2024-05-28: a consultation opening that day did not come before it.
    ["heard only from the day of the meeting", "compliant", (f) => ({ ...f, consultations: [{ method: "SYMPOSIUM", opensOn: "2024-05-28", closesOn: "2024-05-28", consultedGroups: ["INDIVIDUAL"] }] }), "VIOLATED"],
    ["heard the day before the meeting", "compliant", (f) => ({ ...f, consultations: [{ method: "SYMPOSIUM", opensOn: "2024-05-27", closesOn: "2024-05-27", consultedGroups: ["INDIVIDUAL"] }] }), "SATISFIED"],
    ["pending", "early", (f) => ({ ...f, consultations: [] }), "PENDING"],
    ["withheld", "compliant", (f) => ({ ...f, consultations: f.consultations!.map((c) => ({ ...c, summary: secret("heard.summary"), participants: c.participants && secret("heard.participants"), comments: c.comments && secretComments(c), withheld: withheldOn() })) }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("AFFECTED_GROUPS_HEARD", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", (f) => ({ ...f, speciallyAffectedGroups: ["ENTERPRISE", "PEOPLES_ORGANISATION"] }), "VIOLATED"],
    ["pending", "early", (f) => ({ ...f, speciallyAffectedGroups: ["PEOPLES_ORGANISATION"] }), "PENDING"],
    ["not applicable", "compliant", (f) => ({ ...f, speciallyAffectedGroups: [] }), "NOT_APPLICABLE"],
    ["withheld", "compliant", consultation("ONLINE_COMMENT", (c) => ({ summary: secret("groups.summary"), comments: secretComments(c), withheld: withheldOn() })), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("COMMENT_PERIOD", [
    ["satisfied", "compliant", same, "SATISFIED"],
    // The period opens on 2024-03-01; the Civil Code does not count that day, so 03-31 is day 30.
    ["30 days", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-03-31" })), "SATISFIED"],
    ["violated", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-03-30" })), "VIOLATED"],
    ["shorter with its reason", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-03-20", shortPeriodReason: "汛期將至，情況緊急。" })), "SATISFIED"],
    ["shorter with its reason stated before it opened", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-03-20", shortPeriodReason: "汛期將至，情況緊急。", shortPeriodReasonStatedOn: "2024-02-29" })), "SATISFIED"],
    ["shorter with its reason stated the day after it opened", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-03-20", shortPeriodReason: "汛期將至，情況緊急。", shortPeriodReasonStatedOn: "2024-03-02" })), "VIOLATED"],
    ["shorter with its reason, the day it was stated not recorded", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-03-20", shortPeriodReason: "汛期將至，情況緊急。", shortPeriodReasonStatedOn: null })), "VIOLATED"],
    ["not applicable", "compliant", (f) => ({ ...f, consultations: f.consultations!.filter((c) => c.method !== "ONLINE_COMMENT") }), "NOT_APPLICABLE"],
    ["withheld", "compliant", consultation("ONLINE_COMMENT", (c) => ({ closesOn: "2024-03-20", summary: secret("period.summary"), comments: secretComments(c), withheld: withheldOn() })), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
  cases("HEARING_NOTICE", [
    ["satisfied", "compliant", same, "SATISFIED"],
    // The hearing is on 2024-04-20: materials on 04-13 reach the participants 7 days before it, on 04-14 only 6.
    ["materials 7 days before", "compliant", consultation("HEARING", () => ({ materialsProvidedOn: "2024-04-13" })), "SATISFIED"],
    ["violated", "compliant", consultation("HEARING", () => ({ materialsProvidedOn: "2024-04-14" })), "VIOLATED"],
    ["pending", "early", consultation("HEARING", () => ({ opensOn: "2030-06-01", closesOn: "2030-06-01", materialsProvidedOn: null, participantsPublishedOn: null })), "PENDING"],
    ["not applicable", "compliant", (f) => ({ ...f, consultations: f.consultations!.filter((c) => c.method !== "HEARING") }), "NOT_APPLICABLE"],
    ["withheld", "compliant", consultation("HEARING", () => ({ participants: secret("hearing.participants"), withheld: withheldOn() })), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("COMMENTS_ANSWERED", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", consultation("ONLINE_COMMENT", (c) => ({ comments: c.comments!.map((m) => ({ ...m, answeredAt: "2024-06-10T02:00:00.000Z" })) })), "VIOLATED"],
    ["pending", "early", consultation("ONLINE_COMMENT", (c) => ({ comments: c.comments!.map((m) => ({ ...m, adoptionResult: undefined, reply: undefined })) })), "PENDING"],
    ["withheld", "compliant", consultation("ONLINE_COMMENT", (c) => ({ comments: secretComments(c).map((m) => ({ ...m, withheld: withheldOn() })) })), "NOT_ASSESSABLE", "SATISFIED"],
    // The adopting meeting is on 2024-05-28 (China time): an answer that day was before it, one after it was not.
    ["answered on the day of the meeting", "compliant", consultation("ONLINE_COMMENT", (c) => ({ comments: c.comments!.map((m) => ({ ...m, answeredAt: "2024-05-28T02:00:00.000Z" })) })), "SATISFIED"],
    ["answered after the meeting, before publication", "compliant", consultation("ONLINE_COMMENT", (c) => ({ comments: c.comments!.map((m) => ({ ...m, answeredAt: "2024-05-29T02:00:00.000Z" })) })), "VIOLATED"],
    // Answered after the meeting, with the meeting (and so its date) withheld whole.
    [
      "meeting withheld",
      "compliant",
      (f) => ({ ...consultation("ONLINE_COMMENT", (c) => ({ comments: c.comments!.map((m) => ({ ...m, answeredAt: "2024-06-01T02:00:00.000Z" })) }))(f), deliberations: f.deliberations!.map((d) => ({ ...d, dissent: secret("answered.meeting"), withheld: withheldOn() })) }),
      "NOT_ASSESSABLE",
      "VIOLATED",
    ],
  ]),
  cases("DELIBERATED_AFTER_COMMENT_PERIOD", [
    ["satisfied", "compliant", same, "SATISFIED"],
    // The meeting is on 2024-05-28: a period closing that day was still open at it.
    ["deliberated on the period's last day", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-05-28" })), "VIOLATED"],
    ["deliberated the day after it closed", "compliant", consultation("ONLINE_COMMENT", () => ({ closesOn: "2024-05-27" })), "SATISFIED"],
    ["pending", "early", same, "PENDING"],
    ["not applicable", "compliant", (f) => ({ ...f, consultations: f.consultations!.filter((c) => c.method !== "ONLINE_COMMENT") }), "NOT_APPLICABLE"],
    ["withheld", "compliant", consultation("ONLINE_COMMENT", (c) => ({ closesOn: "2024-06-30", summary: secret("open.summary"), comments: secretComments(c), withheld: withheldOn() })), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
  cases("EXPERT_ARGUMENTATION", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", only("expertReviews", { signed: false }), "VIOLATED"],
    // The adopting meeting is on 2024-05-28.
    ["signed opinion dated the day of the meeting", "compliant", only("expertReviews", { reviewedOn: "2024-05-28" }), "SATISFIED"],
    ["signed opinion dated after the meeting", "compliant", only("expertReviews", { reviewedOn: "2024-05-29" }), "VIOLATED"],
    ["pending", "early", same, "PENDING"],
    ["not applicable", "compliant", (f) => ({ ...f, professionalOrTechnical: false }), "NOT_APPLICABLE"],
    ["withheld", "compliant", only("expertReviews", { necessityOpinion: secret("expert.necessity"), withheld: withheldOn("necessityOpinion") }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("RISK_ASSESSED", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", only("riskAssessments", { contingencyPlan: undefined }), "VIOLATED"],
    ["report dated after the meeting", "compliant", only("riskAssessments", { assessedOn: "2024-05-29" }), "VIOLATED"],
    ["report dated after the meeting, the meeting withheld", "compliant", (f) => ({ ...only("riskAssessments", { assessedOn: "2024-05-29" })(f), deliberations: f.deliberations!.map((d) => ({ ...d, dissent: secret("risk.meeting"), withheld: withheldOn() })) }), "NOT_ASSESSABLE", "VIOLATED"],
    ["pending", "early", same, "PENDING"],
    ["not applicable", "compliant", (f) => ({ ...f, affectsStabilityOrSafety: false }), "NOT_APPLICABLE"],
    ["withheld", "compliant", only("riskAssessments", { contingencyPlan: secret("risk.plan"), withheld: withheldOn("contingencyPlan") }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("UNCONTROLLABLE_RISK", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", only("riskAssessments", { controllability: "UNCONTROLLABLE", overallLevel: "HIGH" }), "VIOLATED"],
    ["pending", "early", (f) => ({ ...f, stage: "RISK_ASSESSMENT", riskAssessments: compliantFile("risk-pending").riskAssessments!.map((r) => ({ ...r, controllability: "UNCONTROLLABLE" as const })) }), "PENDING"],
    ["not applicable", "compliant", (f) => ({ ...f, riskAssessments: [], affectsStabilityOrSafety: false }), "NOT_APPLICABLE"],
    ["withheld", "compliant", only("riskAssessments", { controllability: "UNCONTROLLABLE", assessor: secret("risk.assessor"), riskPoints: secret("risk.points"), withheld: withheldOn() }), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
  cases("LAWFUL_REVIEW_BEFORE_DELIBERATION", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", only("legalityReviews", { result: "UNLAWFUL" }), "VIOLATED"],
    ["reviewed after the meeting", "compliant", only("legalityReviews", { completedOn: "2024-05-29" }), "VIOLATED"],
    // Art. 25 forbids submitting an unreviewed draft to a meeting, whatever the meeting then decides.
    ["unreviewed draft deferred at its meeting", "early", (f) => ({ ...f, stage: "DELIBERATION", deliberations: [{ meeting: "常務會議", heldOn: "2024-05-28", outcome: "DEFERRED", dissent: "無" }] }), "VIOLATED"],
    ["pending", "early", same, "PENDING"],
    ["withheld", "compliant", only("legalityReviews", { opinion: secret("legal.opinion"), withheld: withheldOn() }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("LEGALITY_REVIEW_TIME", [
    ["satisfied", "compliant", same, "SATISFIED"],
    // 2024 National Day: 1–7 October off, Sunday 29 September and Saturday 12 October worked.
    ["satisfied by a make-up working day", "compliant", reviewedAroundNationalDay("2024-10-12"), "SATISFIED"],
    ["violated across a public holiday", "compliant", reviewedAroundNationalDay("2024-10-11"), "VIOLATED"],
    // Submitted 2024-05-06 and due 2024-05-10: 4 working days.
    ["shorter with its reason stated at submission", "compliant", only("legalityReviews", { dueOn: "2024-05-10", completedOn: "2024-05-10", shortTimeReason: "防汛工程須於汛期前開工。" }), "SATISFIED"],
    ["shorter with its reason stated after submission", "compliant", only("legalityReviews", { dueOn: "2024-05-10", completedOn: "2024-05-10", shortTimeReason: "防汛工程須於汛期前開工。", shortTimeReasonStatedOn: "2024-05-07" }), "VIOLATED"],
    ["pending", "early", (f) => ({ ...f, stage: "LEGALITY_REVIEW", legalityReviews: [{ reviewingBody: "桐城市司法局", submittedOn: "2024-05-06" }] }), "PENDING"],
    // Submitted Monday 2024-05-06 (due 2024-05-20); Saturday 11 May was a make-up working day, so the
    // 6th working day after is Monday 13 May and the 7th Tuesday 14 May. A meeting before the due date ends the time.
    ["a meeting scheduled on the 6th working day", "compliant", only("legalityReviews", { meetingScheduledOn: "2024-05-13", completedOn: "2024-05-13" }), "VIOLATED"],
    ["a meeting scheduled on the 7th working day", "compliant", only("legalityReviews", { meetingScheduledOn: "2024-05-14", completedOn: "2024-05-14" }), "SATISFIED"],
    ["a meeting scheduled on the 6th working day, its reason stated at submission", "compliant", only("legalityReviews", { meetingScheduledOn: "2024-05-13", completedOn: "2024-05-13", shortTimeReason: "防汛工程須於汛期前開工。" }), "SATISFIED"],
    ["deliberated on the 6th working day, before the due date", "compliant", (f) => ({ ...only("legalityReviews", { completedOn: "2024-05-10" })(f), deliberations: f.deliberations!.map((d) => ({ ...d, heldOn: "2024-05-13" })) }), "VIOLATED"],
    ["deliberated on the 7th working day, before the due date", "compliant", (f) => ({ ...only("legalityReviews", { completedOn: "2024-05-10" })(f), deliberations: f.deliberations!.map((d) => ({ ...d, heldOn: "2024-05-14" })) }), "SATISFIED"],
    // Without a due date the meeting's day is the last the reviewer has, as in the queue.
    ["no due date, deliberated on the 7th working day", "compliant", (f) => ({ ...only("legalityReviews", { dueOn: undefined, completedOn: "2024-05-10" })(f), deliberations: f.deliberations!.map((d) => ({ ...d, heldOn: "2024-05-14" })) }), "SATISFIED"],
    ["no due date, deliberated on the 6th working day", "compliant", (f) => ({ ...only("legalityReviews", { dueOn: undefined, completedOn: "2024-05-10" })(f), deliberations: f.deliberations!.map((d) => ({ ...d, heldOn: "2024-05-13" })) }), "VIOLATED"],
    // The public cannot tell whether the withheld meeting came before the due date and cut the time short.
    ["the meeting withheld", "compliant", only("deliberations", { dissent: secret("legal.time.meeting"), withheld: withheldOn() }), "NOT_ASSESSABLE", "SATISFIED"],
    ["decided with neither a due date nor a meeting date on record", "compliant", (f) => ({ ...only("legalityReviews", { dueOn: undefined })(f), deliberations: [] }), "VIOLATED"],
    ["withheld", "compliant", only("legalityReviews", { dueOn: "2024-05-08", opinion: secret("legal.time.opinion"), withheld: withheldOn() }), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
  cases("DISSENT_RECORDED", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", only("deliberations", { dissent: undefined }), "VIOLATED"],
    ["pending", "early", same, "PENDING"],
    ["withheld", "compliant", only("deliberations", { dissent: secret("dissent"), withheld: withheldOn("dissent") }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("FAIR_COMPETITION_REVIEWED", [
    // The adopting meeting is on 2024-05-28.
    ["satisfied", "compliant", (f) => ({ ...f, affectsMarketActors: true, fairCompetitionReviewedOn: "2024-05-20" }), "SATISFIED"],
    ["reviewed on the day of the meeting", "compliant", (f) => ({ ...f, affectsMarketActors: true, fairCompetitionReviewedOn: "2024-05-28" }), "SATISFIED"],
    ["reviewed the day after the meeting", "compliant", (f) => ({ ...f, affectsMarketActors: true, fairCompetitionReviewedOn: "2024-05-29" }), "VIOLATED"],
    ["adopted with no review", "compliant", (f) => ({ ...f, affectsMarketActors: true }), "VIOLATED"],
    ["pending", "early", (f) => ({ ...f, affectsMarketActors: true }), "PENDING"],
    ["not applicable", "compliant", same, "NOT_APPLICABLE"],
    ["withheld", "compliant", (f) => ({ ...f, affectsMarketActors: true, fairCompetitionReviewedOn: "2024-05-29", deliberations: f.deliberations!.map((d) => ({ ...d, dissent: secret("fair.meeting"), withheld: withheldOn() })) }), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
  cases("DELIBERATED_BY_EXECUTIVE_MEETING", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["adopted at a plenary meeting", "compliant", only("deliberations", { bodyKind: "GOVERNMENT_PLENARY_MEETING" }), "SATISFIED"],
    ["adopted at another meeting", "compliant", only("deliberations", { bodyKind: "OTHER_MEETING" }), "VIOLATED"],
    ["adopted by a villagers' meeting only", "compliant", only("deliberations", { bodyKind: "VILLAGER_REPRESENTATIVES_MEETING", entitledCount: 30, presentCount: 30, votesFor: 30 }), "VIOLATED"],
    // A villagers' meeting agreed first, then the government's executive meeting adopted it: the latter decides.
    ["a villagers' meeting, then the executive meeting", "compliant", (f) => ({ ...f, deliberations: [{ meeting: "桐梓村村民代表會議", heldOn: "2024-05-20", outcome: "ADOPTED", dissent: "無", bodyKind: "VILLAGER_REPRESENTATIVES_MEETING" }, ...f.deliberations!] }), "SATISFIED"],
    ["decided with no deliberation on record", "compliant", (f) => ({ ...f, deliberations: [] }), "VIOLATED"],
    ["pending", "early", same, "PENDING"],
    ["a village's matter", "village", same, "NOT_APPLICABLE"],
    ["withheld", "compliant", only("deliberations", { bodyKind: "OTHER_MEETING", dissent: secret("body.meeting"), withheld: withheldOn() }), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
  cases("DECIDED_BY_VILLAGERS_MEETING", [
    // The village file: a representatives' meeting of 30, 20 present (two thirds exactly), 11 for.
    ["satisfied", "village", same, "SATISFIED"],
    ["representatives one short of two thirds", "village", only("deliberations", { presentCount: 19, votesFor: 11 }), "VIOLATED"],
    ["votes exactly half of those present", "village", only("deliberations", { votesFor: 10 }), "VIOLATED"],
    ["villagers' meeting with more than half present", "village", only("deliberations", { bodyKind: "VILLAGERS_MEETING", entitledCount: 400, presentCount: 201, votesFor: 101 }), "SATISFIED"],
    ["villagers' meeting with exactly half present", "village", only("deliberations", { bodyKind: "VILLAGERS_MEETING", entitledCount: 400, presentCount: 200, votesFor: 150 }), "VIOLATED"],
    ["households' meeting with two thirds present", "village", only("deliberations", { bodyKind: "VILLAGERS_MEETING", countedByHousehold: true, entitledCount: 120, presentCount: 80, votesFor: 41 }), "SATISFIED"],
    ["households' meeting one short of two thirds", "village", only("deliberations", { bodyKind: "VILLAGERS_MEETING", countedByHousehold: true, entitledCount: 120, presentCount: 79, votesFor: 70 }), "VIOLATED"],
    ["residents' meeting with more than half present", "village", (f) => only("deliberations", { bodyKind: "RESIDENTS_MEETING", entitledCount: 600, presentCount: 301, votesFor: 151 })({ ...f, decidingBody: "孔城鎮孔城社區居民委員會" }), "SATISFIED"],
    ["residents' meeting with exactly half present", "village", (f) => only("deliberations", { bodyKind: "RESIDENTS_MEETING", entitledCount: 600, presentCount: 300, votesFor: 300 })({ ...f, decidingBody: "孔城鎮孔城社區居民委員會" }), "VIOLATED"],
    ["a community's matter decided by a villagers' meeting", "village", (f) => ({ ...f, decidingBody: "孔城鎮孔城社區居民委員會" }), "VIOLATED"],
    ["a village's matter decided by the town's executive meeting", "village", only("deliberations", { bodyKind: "GOVERNMENT_EXECUTIVE_MEETING", entitledCount: undefined, presentCount: undefined, votesFor: undefined }), "VIOLATED"],
    // Attendance is always public: not recorded is not withheld, and staff cannot tell either.
    ["attendance not recorded", "village", only("deliberations", { entitledCount: undefined, presentCount: undefined, votesFor: undefined }), "NOT_ASSESSABLE"],
    ["pending", "early village", same, "PENDING"],
    ["a government's decision", "compliant", same, "NOT_APPLICABLE"],
    ["withheld", "village", only("deliberations", { dissent: secret("village.meeting"), withheld: withheldOn() }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("PUBLISHED_PROMPTLY", [
    ["satisfied", "compliant", same, "SATISFIED"],
    // Adopted on Tuesday 2024-05-28; the Dragon Boat Festival holiday (Monday 10 June) is not counted:
    // the 20th working day after it is Wednesday 26 June.
    ["published on the 20th working day", "compliant", publication({ publishedOn: "2024-06-26" }), "SATISFIED"],
    ["published on the 21st working day", "compliant", publication({ publishedOn: "2024-06-27" }), "VIOLATED"],
    ["counted from the document's date", "compliant", publication({ documentDate: "2024-05-30", publishedOn: "2024-06-27" }), "SATISFIED"],
    ["adopted and never published", "compliant", (f) => ({ ...f, stage: "DELIBERATION", status: "IN_PROGRESS", publication: undefined }), "VIOLATED"],
    ["published with no adopting deliberation before it", "compliant", (f) => ({ ...f, deliberations: [{ ...f.deliberations![0]!, heldOn: "2024-06-10" }] }), "VIOLATED"],
    ["not applicable", "early", same, "NOT_APPLICABLE"],
    ["withheld", "compliant", publication({ fullText: secret("publication.promptly"), withheld: withheldOn() }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("PUBLISHED_WITH_EXPLANATION", [
    ["satisfied", "compliant", same, "SATISFIED"],
    ["violated", "compliant", publication({ adoptionExplanation: undefined }), "VIOLATED"],
    ["of wide public concern only, without explanation", "compliant", (f) => publication({ adoptionExplanation: undefined })({ ...f, professionalOrTechnical: false, widePublicConcern: true }), "VIOLATED"],
    ["neither of wide concern nor technical, without explanation", "compliant", (f) => publication({ adoptionExplanation: undefined })({ ...f, professionalOrTechnical: false, widePublicConcern: false }), "NOT_APPLICABLE"],
    ["pending", "compliant", (f) => ({ ...f, stage: "DELIBERATION", status: "IN_PROGRESS", publication: undefined }), "PENDING"],
    ["withheld", "compliant", publication({ adoptionExplanation: secret("publication.explanation"), withheld: withheldOn("adoptionExplanation") }), "NOT_ASSESSABLE", "SATISFIED"],
  ]),
  cases("ADJUSTED_BY_STATUTORY_PROCEDURE", [
    // Adopted on 2024-05-28, published on 2024-06-05.
    ["no adjustment", "compliant", same, "NOT_APPLICABLE"],
    ["progress reports only", "compliant", reports({ kind: "PROGRESS", reportedOn: "2024-08-01" }), "NOT_APPLICABLE"],
    ["suspended by the head on a changed circumstance", "compliant", reports({ kind: "SUSPENSION", reportedOn: "2024-08-01", procedure: "HEAD_DECIDED", circumstance: "CIRCUMSTANCES_CHANGED" }), "SATISFIED"],
    ["suspended by the head with no circumstance", "compliant", reports({ kind: "SUSPENSION", reportedOn: "2024-08-01", procedure: "HEAD_DECIDED" }), "VIOLATED"],
    // Art. 35(2) gives the public a voice; the head's power to suspend rests on the circumstances of art. 35(1).
    ["suspended by the head on public opinion alone", "compliant", reports({ kind: "SUSPENSION", reportedOn: "2024-08-01", procedure: "HEAD_DECIDED", circumstance: "PUBLIC_OPINION" }), "VIOLATED"],
    ["suspended with no procedure recorded", "compliant", reports({ kind: "SUSPENSION", reportedOn: "2024-08-01", circumstance: "FORCE_MAJEURE" }), "VIOLATED"],
    ["suspended after a new deliberation", "compliant", (f) => redeliberated("2024-07-30")(reports({ kind: "SUSPENSION", reportedOn: "2024-08-01", procedure: "STATUTORY_PROCEDURE" })(f)), "SATISFIED"],
    ["changed the day of its new deliberation", "compliant", (f) => redeliberated("2024-08-01")(reports({ kind: "ADJUSTMENT", reportedOn: "2024-08-01", procedure: "STATUTORY_PROCEDURE", circumstance: "POST_EVALUATION" })(f)), "SATISFIED"],
    ["changed the day before its new deliberation", "compliant", (f) => redeliberated("2024-08-02")(reports({ kind: "ADJUSTMENT", reportedOn: "2024-08-01", procedure: "STATUTORY_PROCEDURE" })(f)), "VIOLATED"],
    // Judged on the day it was decided, not the day of the report.
    ["changed before the deliberation, reported after it", "compliant", (f) => redeliberated("2024-08-05")(reports({ kind: "ADJUSTMENT", reportedOn: "2024-08-10", decidedOn: "2024-08-01", procedure: "STATUTORY_PROCEDURE" })(f)), "VIOLATED"],
    ["changed by the head", "compliant", reports({ kind: "ADJUSTMENT", reportedOn: "2024-08-01", procedure: "HEAD_DECIDED", circumstance: "PROBLEM_FOUND" }), "VIOLATED"],
    ["stopped after a new executive meeting", "compliant", (f) => redeliberated("2024-07-15")(reports({ kind: "TERMINATION", reportedOn: "2024-08-01", procedure: "STATUTORY_PROCEDURE", circumstance: "FORCE_MAJEURE" })(f)), "SATISFIED"],
    ["stopped after another kind of meeting", "compliant", (f) => redeliberated("2024-07-15", "OTHER_MEETING")(reports({ kind: "TERMINATION", reportedOn: "2024-08-01", procedure: "STATUTORY_PROCEDURE" })(f)), "VIOLATED"],
    ["a village's matter changed", "village", reports({ kind: "ADJUSTMENT", reportedOn: "2024-08-01" }), "NOT_APPLICABLE"],
    ["withheld", "compliant", reports({ kind: "SUSPENSION", reportedOn: "2024-08-01", procedure: "HEAD_DECIDED", content: secret("adjustment.content"), reason: secret("adjustment.reason"), withheld: withheldOn() }), "NOT_ASSESSABLE", "VIOLATED"],
  ]),
];

type Report = NonNullable<SampleDecision["implementationReports"]>[number];
function reports(...list: Report[]): Change {
  return (f) => ({ ...f, stage: "IMPLEMENTATION", implementationReports: list });
}

/** The deciding body deliberated the decision again on `heldOn` (after it adopted it on 2024-05-28). */
function redeliberated(heldOn: string, bodyKind: "GOVERNMENT_EXECUTIVE_MEETING" | "OTHER_MEETING" = "GOVERNMENT_EXECUTIVE_MEETING"): Change {
  return (f) => ({ ...f, deliberations: [...f.deliberations!, { meeting: "常務會議（再次討論）", heldOn, outcome: "ADOPTED_WITH_CHANGES", dissent: "無不同意見。", bodyKind }] });
}

/** Submitted on Friday 27 September 2024 and due on `dueOn`; deliberated and published after. */
function reviewedAroundNationalDay(dueOn: string): Change {
  return (f) => ({
    ...f,
    legalityReviews: [{ reviewingBody: "桐城市司法局", submittedOn: "2024-09-27", dueOn, completedOn: "2024-10-10", result: "LAWFUL" }],
    deliberations: [{ meeting: "常務會議", heldOn: "2024-10-15", outcome: "ADOPTED", dissent: "無不同意見。" }],
    publication: { ...f.publication!, publishedOn: "2024-10-20" },
  });
}
