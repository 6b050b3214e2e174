import { addDays } from "../src/compliance/working-days.js";
import { decisionCategory, decisionStage } from "../src/decisions/decision.table.js";
import { ART_15 } from "./sample/names.js";
import { type SampleBody, type SampleDecision, type SampleRegion } from "./sample/sample.types.js";

/** A small deterministic generator (mulberry32), so the generated decisions are the same on every load of a day. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

type Random = ReturnType<typeof randomSource>;
type Stage = (typeof decisionStage.enumValues)[number];

const subjects = ["農村公路", "飲用水安全", "垃圾分類", "老舊小區", "學校布局", "養老服務", "菜市場", "停車設施", "河道整治", "文化廣場", "衛生院", "產業園區", "污水管網", "公共交通", "防汛設施", "農田水利"];
const actions = ["提質改造工程", "專項規劃", "實施方案", "管理辦法", "建設項目", "補助政策", "三年行動計劃", "布局調整方案"];
const governing: SampleBody["kind"][] = ["PEOPLES_GOVERNMENT", "TOWN_GOVERNMENT", "SUBDISTRICT_OFFICE", "VILLAGE_COMMITTEE", "COMMUNITY_COMMITTEE"];
const stages = decisionStage.enumValues;
const at = (stage: Stage) => stages.indexOf(stage);

/**
 * What a generated summary says of where the decision stands: only the step it has reached, in the
 * words a test can check (公眾參與, 專家論證, 風險評估, 合法性審查, 集體討論, 公布, 實施, 後評估).
 */
export const stagePhrases: Record<Stage, string> = {
  INITIATION: "承辦單位正在調查研究、起草方案。",
  PUBLIC_PARTICIPATION: "方案草案已形成，目前處於公眾參與階段。",
  EXPERT_ARGUMENTATION: "目前處於專家論證階段。",
  RISK_ASSESSMENT: "目前處於風險評估階段。",
  LEGALITY_REVIEW: "決策草案已送合法性審查。",
  DELIBERATION: "決策草案已通過合法性審查，提交集體討論決定。",
  PUBLICATION: "決策已經集體討論決定並公布。",
  IMPLEMENTATION: "決策已經集體討論決定並公布，正在組織實施。",
  POST_EVALUATION: "決策已公布實施，正在開展決策後評估。",
};

/** The dated facts of one generated file: each step a number of days after the one before. */
interface Dates {
  initiatedOn: string;
  /** The day its current stage was reached, where no record marks it. */
  settledOn: string;
  review?: { submittedOn: string; completedOn?: string; dueOn?: string };
  heldOn?: string;
  publishedOn?: string;
}

/**
 * Plain decisions across the last five years up to `today`, places, bodies, categories and stages:
 * enough to exercise paging and every filter. Those decided were initiated any time in those years;
 * those in progress reached their stage within the last months. Every date of a file follows the
 * one before and none is after `today` but a review's due date. The hand-written decisions carry the rich records.
 */
export function generatedDecisions(count: number, regions: readonly SampleRegion[], bodies: readonly SampleBody[], today: string, seed = 713): SampleDecision[] {
  const random = randomSource(seed);
  const deciders = bodies.filter((b) => governing.includes(b.kind));
  const departments = bodies.filter((b) => b.kind === "GOVERNMENT_DEPARTMENT");
  const reviewer = bodies.find((b) => b.kind === "LEGAL_AFFAIRS_OFFICE") ?? bodies[0]!;
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const numbers = new Map<string, number>();

  return Array.from({ length: count }, (): SampleDecision => {
    const decider = random.pick(deciders);
    const stage = random.pick(stages);
    const decided = at(stage) >= at("PUBLICATION");
    const status = decided ? (random.next() < 0.05 ? "SUSPENDED" : "DECIDED") : random.next() < 0.04 ? "WITHDRAWN" : "IN_PROGRESS";
    const dates = datesOf(random, stage, status === "IN_PROGRESS", today);
    const year = Number(dates.initiatedOn.slice(0, 4));
    const catalogKey = `${decider.name}:${year}`;
    const catalogNumber = (numbers.get(catalogKey) ?? 100) + 1;
    numbers.set(catalogKey, catalogNumber);
    const name = `${regionName.get(decider.regionCode) ?? ""}${random.pick(subjects)}${random.pick(actions)}`;
    // The catalogue's own number, or none: never another.
    const title = random.next() < 0.65 ? `${name}（${year}年第${catalogNumber}號）` : name;
    const listed = `${decider.name}將本事項列入${year}年度重大行政決策事項目錄。`;
    const reviewed = dates.review?.completedOn ? "合法性審查結論為合法。" : dates.review ? "審查正在進行。" : "";
    const summary = `${listed}${stagePhrases[stage]}${stage === "LEGALITY_REVIEW" ? reviewed : ""}`;
    const budgetYuan = random.next() < 0.5 ? random.int(10, 5000) * 10_000 : undefined;
    const lastDay = [dates.settledOn, dates.review?.completedOn, dates.heldOn, dates.publishedOn].filter((d): d is string => Boolean(d)).sort().at(-1)!;
    return {
      catalogYear: year,
      catalogNumber,
      title,
      summary,
      category: random.pick(decisionCategory.enumValues),
      regionCode: decider.regionCode,
      decidingBody: decider.name,
      undertakingBody: random.pick(departments.length ? departments : deciders).name,
      stage,
      status,
      budgetYuan,
      initiatedOn: dates.initiatedOn,
      catalogPublishedOn: random.next() < 0.95 ? [`${year}-01-15`, dates.initiatedOn].sort()[0] : null,
      settledOn: dates.settledOn,
      // Some concern enterprises, who are then to be heard (art. 14); these generated files record no consultation.
      speciallyAffectedGroups: random.next() < 0.1 ? ["ENTERPRISE"] : undefined,
      basis: [{ kind: "LEGAL", title: "《重大行政決策程序暫行條例》", citation: "國務院令第713號" }],
      legalityReviews: dates.review && [
        {
          reviewingBody: reviewer.name,
          ...dates.review,
          ...(dates.review.completedOn ? { result: "LAWFUL" as const, opinion: "經審查，該決策草案符合法定權限和程序。" } : {}),
        },
      ],
      deliberations: dates.heldOn ? [{ ...meetingOf(decider.name), heldOn: dates.heldOn, outcome: "ADOPTED", dissent: random.next() < 0.9 ? "無不同意見。" : undefined }] : undefined,
      publication: dates.publishedOn
        ? {
            documentNumber: `桐政〔${dates.publishedOn.slice(0, 4)}〕${catalogNumber}號`,
            publishedOn: dates.publishedOn,
            fullText: `${name}自公布之日起施行。`,
            adoptionExplanation: random.next() < 0.9 ? "公眾意見和專家意見的採納情況已在起草說明中逐條說明。" : undefined,
          }
        : undefined,
      // A believable history: some summaries brought up to date when the stage moved on, some titles
      // corrected after publication in the catalogue, some budgets withheld while tendering and released after.
      corrections: [
        ...(stage !== "INITIATION" && random.next() < 0.3 ? [{ on: lastDay, field: "summary" as const, earlier: `${listed}${stagePhrases.INITIATION}` }] : []),
        ...(random.next() < 0.08 ? [{ on: addDays(dates.initiatedOn, random.int(2, 12)), field: "title" as const, earlier: `${name.replace("方案", "工作方案")}（初稿）` }] : []),
      ].filter((c) => c.on <= today),
      withheld:
        budgetYuan !== undefined && random.next() < 0.1 && lastDay > dates.initiatedOn
          ? [
              {
                field: "budgetYuan",
                ground: "COMMERCIAL_SECRET",
                article: ART_15,
                explanation: "項目預算在招標完成前公開將影響投標人報價，招標結束後公開。",
                decidedBy: decider.name,
                since: dates.initiatedOn,
                reviewDue: addDays(dates.initiatedOn, 180),
                releasedOn: lastDay,
                releaseReason: "招標已完成，預算金額不再影響公平競爭。",
              },
            ]
          : undefined,
    };
  });

  /** A government deliberates at its executive meeting; a village or community decides at its villagers' representative or residents' meeting. */
  function meetingOf(decider: string): Pick<NonNullable<SampleDecision["deliberations"]>[number], "meeting" | "bodyKind" | "entitledCount" | "presentCount" | "votesFor"> {
    const kind = bodies.find((b) => b.name === decider)?.kind;
    if (kind === "VILLAGE_COMMITTEE") return { meeting: `${decider}村民代表會議`, bodyKind: "VILLAGER_REPRESENTATIVES_MEETING", entitledCount: 35, presentCount: 31, votesFor: 28 };
    if (kind === "COMMUNITY_COMMITTEE") return { meeting: `${decider}居民會議`, bodyKind: "RESIDENTS_MEETING", entitledCount: 420, presentCount: 236, votesFor: 201 };
    return { meeting: `${decider}常務會議`, bodyKind: "GOVERNMENT_EXECUTIVE_MEETING" };
  }
}

/**
 * The file's dates, in procedure order. A file in progress reached its stage in the last four months
 * (a pending review is due in the weeks ahead); a decided or withdrawn one was initiated in the last
 * five years, early enough for all its steps to lie before today.
 */
function datesOf(random: Random, stage: Stage, inProgress: boolean, today: string): Dates {
  const gaps = {
    settle: [0, random.int(20, 40), random.int(50, 70), random.int(70, 90)][Math.min(at(stage), 3)]!,
    submit: random.int(45, 75),
    review: random.int(12, 25),
    deliberate: random.int(5, 20),
    publish: random.int(7, 20),
    implement: random.int(20, 90),
    evaluate: random.int(365, 500),
  };
  const pending = stage === "LEGALITY_REVIEW" && inProgress && random.next() < 0.5;
  const span = (() => {
    if (at(stage) < at("LEGALITY_REVIEW")) return gaps.settle;
    let days = gaps.submit + (pending ? 0 : gaps.review);
    if (at(stage) >= at("DELIBERATION")) days += gaps.deliberate;
    if (at(stage) >= at("PUBLICATION")) days += gaps.publish;
    if (stage === "IMPLEMENTATION") days += gaps.implement;
    if (stage === "POST_EVALUATION") days += gaps.evaluate;
    return days;
  })();
  const back = pending ? span + random.int(1, 15) : inProgress ? span + random.int(1, 120) : span + random.int(5, Math.max(5, 5 * 365 - span));
  const initiatedOn = addDays(today, -back);
  if (at(stage) < at("LEGALITY_REVIEW")) return { initiatedOn, settledOn: addDays(initiatedOn, gaps.settle) };
  const submittedOn = addDays(initiatedOn, gaps.submit);
  const completedOn = pending ? undefined : addDays(submittedOn, gaps.review);
  const review = { submittedOn, completedOn, dueOn: pending ? addDays(submittedOn, 20) : undefined };
  const heldOn = at(stage) >= at("DELIBERATION") ? addDays(completedOn!, gaps.deliberate) : undefined;
  const publishedOn = at(stage) >= at("PUBLICATION") ? addDays(heldOn!, gaps.publish) : undefined;
  const settledOn = addDays(initiatedOn, span);
  return { initiatedOn, settledOn, review, heldOn, publishedOn };
}
