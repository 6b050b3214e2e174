import { decisionCategory, decisionStage } from "../src/decisions/decision.table.js";
import { type SampleBody, type SampleDecision, type SampleRegion } from "./sample/sample.types.js";

/** A small deterministic generator (mulberry32), so the generated decisions are the same on every load. */
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

const subjects = ["農村公路", "飲用水安全", "垃圾分類", "老舊小區", "學校布局", "養老服務", "菜市場", "停車設施", "河道整治", "文化廣場", "衛生院", "產業園區", "污水管網", "公共交通", "防汛設施", "農田水利"];
const actions = ["提質改造工程", "專項規劃", "實施方案", "管理辦法", "建設項目", "補助政策", "三年行動計劃", "布局調整方案"];
const governing: SampleBody["kind"][] = ["PEOPLES_GOVERNMENT", "TOWN_GOVERNMENT", "SUBDISTRICT_OFFICE", "VILLAGE_COMMITTEE", "COMMUNITY_COMMITTEE"];

const isoDate = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/**
 * Plain decisions across years, places, bodies, categories and stages: enough to exercise paging
 * and every filter. The hand-written sample decisions carry the rich records.
 */
export function generatedDecisions(count: number, regions: readonly SampleRegion[], bodies: readonly SampleBody[], seed = 713): SampleDecision[] {
  const random = randomSource(seed);
  const deciders = bodies.filter((b) => governing.includes(b.kind));
  const departments = bodies.filter((b) => b.kind === "GOVERNMENT_DEPARTMENT");
  const reviewer = bodies.find((b) => b.kind === "LEGAL_AFFAIRS_OFFICE") ?? bodies[0]!;
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const numbers = new Map<string, number>();
  const stages = decisionStage.enumValues;
  // A second source for the procedure's facts, so that adding them left the earlier fields as they were.
  const facts = randomSource(seed + 1);

  return Array.from({ length: count }, (_, i): SampleDecision => {
    const sample = base(i);
    const stageIndex = stages.indexOf(sample.stage);
    const [year, month] = [sample.catalogYear, Number(sample.initiatedOn.slice(5, 7))];
    const underReview = sample.stage === "LEGALITY_REVIEW" && facts.next() < 0.5;
    return {
      ...sample,
      catalogPublishedOn: facts.next() < 0.95 ? isoDate(year, 1, 15) : null,
      // Some concern enterprises, who are then to be heard (art. 14); these generated files record no consultation.
      speciallyAffectedGroups: facts.next() < 0.1 ? ["ENTERPRISE"] : undefined,
      legalityReviews: sample.legalityReviews?.map((review) => (underReview ? { ...review, completedOn: undefined, result: undefined, opinion: undefined, dueOn: isoDate(year, month + 2, 12) } : review)),
      deliberations:
        stageIndex >= stages.indexOf("DELIBERATION") && facts.next() < 0.95
          ? [{ ...meetingOf(sample.decidingBody), heldOn: isoDate(year, month + 2, 25), outcome: "ADOPTED", dissent: facts.next() < 0.9 ? "無不同意見。" : undefined }]
          : undefined,
      publication: sample.publication && { ...sample.publication, adoptionExplanation: facts.next() < 0.9 ? "公眾意見和專家意見的採納情況已在起草說明中逐條說明。" : undefined },
    };
  });

  /** A government deliberates at its executive meeting; a village or community decides at its villagers' representative or residents' meeting. */
  function meetingOf(decider: string): Pick<NonNullable<SampleDecision["deliberations"]>[number], "meeting" | "bodyKind" | "entitledCount" | "presentCount" | "votesFor"> {
    const kind = bodies.find((b) => b.name === decider)?.kind;
    if (kind === "VILLAGE_COMMITTEE") return { meeting: `${decider}村民代表會議`, bodyKind: "VILLAGER_REPRESENTATIVES_MEETING", entitledCount: 35, presentCount: 31, votesFor: 28 };
    if (kind === "COMMUNITY_COMMITTEE") return { meeting: `${decider}居民會議`, bodyKind: "RESIDENTS_MEETING", entitledCount: 420, presentCount: 236, votesFor: 201 };
    return { meeting: `${decider}常務會議`, bodyKind: "GOVERNMENT_EXECUTIVE_MEETING" };
  }

  function base(i: number): SampleDecision {
    const decider = random.pick(deciders);
    const year = random.int(2021, 2025);
    const catalogKey = `${decider.name}:${year}`;
    const catalogNumber = (numbers.get(catalogKey) ?? 100) + 1;
    numbers.set(catalogKey, catalogNumber);
    const stageIndex = random.int(0, stages.length - 1);
    const stage = stages[stageIndex]!;
    const decided = stageIndex >= stages.indexOf("PUBLICATION");
    const month = random.int(1, 9);
    const title = `${regionName.get(decider.regionCode) ?? ""}${random.pick(subjects)}${random.pick(actions)}（第${i + 1}號）`;
    return {
      catalogYear: year,
      catalogNumber,
      title,
      summary: `${title}，由${decider.name}列入${year}年度重大行政決策事項目錄，依法履行公眾參與、專家論證、風險評估、合法性審查和集體討論決定程序。`,
      category: random.pick(decisionCategory.enumValues),
      regionCode: decider.regionCode,
      decidingBody: decider.name,
      undertakingBody: random.pick(departments.length ? departments : deciders).name,
      stage,
      status: decided ? (random.next() < 0.05 ? "SUSPENDED" : "DECIDED") : random.next() < 0.04 ? "WITHDRAWN" : "IN_PROGRESS",
      budgetYuan: random.next() < 0.5 ? random.int(10, 5000) * 10_000 : undefined,
      initiatedOn: isoDate(year, month, random.int(1, 28)),
      basis: [{ kind: "LEGAL", title: "《重大行政決策程序暫行條例》", citation: "國務院令第713號" }],
      legalityReviews:
        stageIndex >= stages.indexOf("LEGALITY_REVIEW")
          ? [{ reviewingBody: reviewer.name, submittedOn: isoDate(year, month + 2, 1), completedOn: isoDate(year, month + 2, 20), result: "LAWFUL", opinion: "經審查，該決策草案符合法定權限和程序。" }]
          : undefined,
      publication: decided ? { documentNumber: `桐政〔${year}〕${catalogNumber}號`, publishedOn: isoDate(year, month + 3, 10), fullText: `${title}自公布之日起施行。` } : undefined,
    };
  }
}
