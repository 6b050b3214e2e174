import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearData, loadSampleData } from "../seeds/load.js";
import { generatedDecisions, stagePhrases } from "../seeds/generated.js";
import { sampleBodies } from "../seeds/sample/bodies.js";
import { sampleRegions } from "../seeds/sample/regions.js";
import { addDays } from "../src/compliance/working-days.js";
import { decisionStage } from "../src/decisions/decision.table.js";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { TestApi } from "./support/api.js";

const stages = decisionStage.enumValues;
/** Words of a generated summary and the stage a decision must have reached to say them. */
const claims: [string, (typeof stages)[number]][] = [
  ["公眾參與", "PUBLIC_PARTICIPATION"],
  ["專家論證", "EXPERT_ARGUMENTATION"],
  ["風險評估", "RISK_ASSESSMENT"],
  ["合法性審查", "LEGALITY_REVIEW"],
  ["集體討論", "DELIBERATION"],
  ["公布", "PUBLICATION"],
  ["實施", "IMPLEMENTATION"],
  ["後評估", "POST_EVALUATION"],
];

const noonOf = (day: string) => new Date(`${day}T04:00:00Z`);
/** The history of a sample loaded on another day ends at the close of that day's office hours. */
const endOf = (day: string) => new Date(`${day}T10:00:00Z`);

/**
 * The sample as loaded on two days: by the test setup on today's date, and again on a day of our
 * choosing through the same loader `npm run seed` uses. On each, the decisions in progress are
 * where a resident can act, the generated files say only what they reached, and the history is
 * spread over past months in the order the feed numbers it.
 */
describe.each([
  ["the day the tests run", null],
  ["a day chosen by the test", "2026-06-18"],
])("the sample loaded on %s", (_, chosen) => {
  let api: TestApi;
  let today: string;
  let loadedAt: Date;
  beforeAll(async () => {
    let now = new Date();
    api = await TestApi.start({ clock: () => now });
    if (chosen) {
      await clearData(api.database);
      await loadSampleData(api.database, { today: chosen });
    }
    [{ today }] = (await api.database.query<{ today: string }>("SELECT loaded_on::text AS today FROM disclosure.sample_mark")) as [{ today: string }];
    if (chosen) expect(today).toBe(chosen);
    loadedAt = chosen ? endOf(today) : new Date();
    now = noonOf(today);
  }, 180_000);
  afterAll(() => api?.stop());

  const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => api.database.query<T>(sql, params);

  it("has a comment period open on the load day for weeks yet, and another closing within the week", async () => {
    const open = await query<{ id: string; left: number }>(
      "SELECT id, closes_on - $1::date AS left FROM disclosure.consultations WHERE method = 'ONLINE_COMMENT' AND opens_on <= $1::date AND closes_on >= $1::date ORDER BY closes_on",
      [today],
    );
    expect(open.some((c) => c.left >= 14 && c.left <= 28)).toBe(true);
    expect(open.some((c) => c.left <= 7)).toBe(true);
  });

  it("has a hearing ahead whose participants and materials were published at least 7 days before it, and a legality review due within two weeks", async () => {
    const hearings = await query<{ ahead: number; notice: number }>(
      "SELECT opens_on - $1::date AS ahead, opens_on - materials_provided_on AS notice FROM disclosure.consultations WHERE method = 'HEARING' AND opens_on > $1::date AND participants_published_on <= $1::date AND materials_provided_on <= $1::date",
      [today],
    );
    expect(hearings.length).toBeGreaterThan(0);
    expect(hearings.every((h) => h.notice >= 7)).toBe(true);
    const due = await query("SELECT 1 FROM disclosure.legality_reviews WHERE completed_on IS NULL AND due_on BETWEEN $1::date AND $1::date + 14", [today]);
    expect(due.length).toBeGreaterThan(0);
  });

  it("gives every generated decision a summary that claims no step it has not reached, a title with its own catalogue number or none, and no date after the load day but a review's due date", async () => {
    const generated = await query<{ title: string; summary: string; stage: string; catalog_year: number; catalog_number: number }>(
      "SELECT title, summary, stage::text, catalog_year, catalog_number FROM disclosure.decisions WHERE catalog_number > 100",
    );
    expect(generated.length).toBeGreaterThan(100);
    for (const decision of generated) {
      for (const [words, stage] of claims) if (decision.summary.includes(words)) expect(stages.indexOf(decision.stage as never), `${decision.summary} (${decision.stage})`).toBeGreaterThanOrEqual(stages.indexOf(stage));
      expect(decision.summary).toContain(stagePhrases[decision.stage as keyof typeof stagePhrases]);
      const numbers = [...decision.title.matchAll(/(\d{4})年第(\d+)號/g)];
      expect(numbers.length).toBeLessThanOrEqual(1);
      if (numbers[0]) expect([Number(numbers[0][1]), Number(numbers[0][2])]).toEqual([decision.catalog_year, decision.catalog_number]);
      else expect(decision.title).not.toMatch(/第\d+號/);
    }
    const [late] = await query<{ n: number }>(
      `SELECT (SELECT count(*) FROM disclosure.decisions WHERE initiated_on > $1::date)
            + (SELECT count(*) FROM disclosure.legality_reviews WHERE submitted_on > $1::date OR completed_on > $1::date)
            + (SELECT count(*) FROM disclosure.deliberations WHERE held_on > $1::date)
            + (SELECT count(*) FROM disclosure.publications WHERE published_on > $1::date) AS n`,
      [today],
    );
    expect(Number(late!.n)).toBe(0);
    const years = await query<{ year: number }>("SELECT DISTINCT catalog_year AS year FROM disclosure.decisions WHERE catalog_number > 100");
    expect(Math.max(...years.map((y) => y.year))).toBe(Number(today.slice(0, 4)));
  });

  it("dates every record's createdAt and updatedAt, and every decision's lastActivityAt, over the past months and none after the load", async () => {
    for (const { recordType } of recordDisclosures) {
      const [span] = await query<{ earliest: Date | null; latest: Date | null; months: number }>(
        `SELECT least(min(created_at), min(updated_at)) AS earliest, greatest(max(created_at), max(updated_at)) AS latest, count(DISTINCT date_trunc('month', updated_at))::int AS months FROM public.${recordType}`,
      );
      if (!span!.latest) continue;
      expect(new Date(span!.latest).getTime(), recordType).toBeLessThanOrEqual(loadedAt.getTime());
    }
    const [decisions] = await query<{ months: number; earliest: Date; latest: Date; recent: number }>(
      `SELECT count(DISTINCT date_trunc('month', last_activity_at))::int AS months, min(created_at) AS earliest, max(last_activity_at) AS latest,
              count(*) FILTER (WHERE last_activity_at >= $1::date - 90)::int AS recent FROM disclosure.decisions`,
      [today],
    );
    expect(decisions!.months).toBeGreaterThan(12);
    expect(new Date(decisions!.earliest).getTime()).toBeLessThan(noonOf(addDays(today, -365)).getTime());
    expect(new Date(decisions!.latest).getTime()).toBeLessThanOrEqual(loadedAt.getTime());
    expect(decisions!.recent).toBeGreaterThan(5);
  });

  it("numbers the change feed in time order, and a month back from the load day gives some of it but not all", async () => {
    const times: number[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { changes }: { changes: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { occurredAt: string }[] } } = await api.data(
        `query($after: String) { changes(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { occurredAt } } }`,
        { after },
      );
      if (after === null) total = changes.totalCount;
      times.push(...changes.nodes.map((n) => Date.parse(n.occurredAt)));
      after = changes.pageInfo.hasNextPage ? changes.pageInfo.endCursor : null;
    } while (after);
    expect(times.length).toBe(total);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(loadedAt.getTime());
    const since = noonOf(addDays(today, -30)).toISOString();
    const { changes } = await api.data(`query($since: DateTimeISO) { changes(first: 1, since: $since) { totalCount } }`, { since });
    expect(changes.totalCount).toBeGreaterThan(0);
    expect(changes.totalCount).toBeLessThan(total);
    const { decisions } = await api.data(`query($since: DateTimeISO) { decisions(first: 1, filter: { lastActivitySince: $since }) { totalCount } }`, { since });
    expect(decisions.totalCount).toBeGreaterThan(0);
    expect(decisions.totalCount).toBeLessThan(160);
  });

  it("shows revisions in the history (titles and summaries corrected, budgets released) and no trace of the decision withheld whole", async () => {
    const revised = await query<{ field: string; released: boolean }>("SELECT field, old_value IS NULL AS released FROM disclosure.decision_revisions");
    for (const field of ["title", "summary", "stage", "budgetYuan"]) expect(revised.some((r) => r.field === field), field).toBe(true);
    expect(revised.some((r) => r.field === "budgetYuan" && r.released)).toBe(true);
    const [secret] = await query<{ id: string }>("SELECT record_id AS id FROM public.withholdings WHERE record_type = 'decisions' AND field IS NULL AND released_at IS NULL LIMIT 1");
    expect(await query("SELECT 1 FROM disclosure.changes WHERE decision_id = $1 OR record_id = $1", [secret!.id])).toEqual([]);
    expect(await query("SELECT 1 FROM disclosure.decision_revisions WHERE decision_id = $1", [secret!.id])).toEqual([]);
  });

  it("takes a resident's comment on the load day (after the history was checked: the comment is today's)", async () => {
    const [longest] = await query<{ id: string }>("SELECT id FROM disclosure.consultations WHERE method = 'ONLINE_COMMENT' AND opens_on <= $1::date AND closes_on >= $1::date ORDER BY closes_on DESC LIMIT 1", [today]);
    const { commentSubmit } = await api.data(`mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { receipt { number } userErrors { code message } } }`, {
      input: { consultationId: Buffer.from(`Consultation:${longest!.id}`).toString("base64url"), stakeholderCategory: "INDIVIDUAL", text: "建議公布停車收費收入的年度使用情況。" },
    });
    expect(commentSubmit.userErrors).toEqual([]);
    expect(commentSubmit.receipt.number).toBeTruthy();
  });

  it("says it is an illustrative sample in the API, on every page, on the open-data page and in the catalog, and stops saying so once the data is emptied", async () => {
    const shown = async () => {
      const { dataset } = await api.data(`{ dataset { illustrativeSample sampleLoadedOn notice noticeEnglish } }`);
      const pages = await Promise.all(["/", "/open-data", "/explorer", "/no-such-page"].map((path) => api.get(path, { accept: "text/html" })));
      const catalog = JSON.parse((await api.get("/open-data/catalog.jsonld")).body) as Record<string, unknown>;
      return { dataset, pages: pages.map((p) => p.body.includes('class="sample-data"')), catalog: "rdfs:comment" in catalog };
    };
    const marked = await shown();
    expect(marked.dataset).toMatchObject({ illustrativeSample: true, sampleLoadedOn: today, notice: expect.stringContaining("虛構"), noticeEnglish: expect.stringContaining("invented") });
    expect(marked.pages).toEqual([true, true, true, true]);
    expect(marked.catalog).toBe(true);
    await clearData(api.database);
    const plain = await shown();
    expect(plain.dataset).toEqual({ illustrativeSample: false, sampleLoadedOn: null, notice: null, noticeEnglish: null });
    expect(plain.pages).toEqual([false, false, false, false]);
    expect(plain.catalog).toBe(false);
  });
});

describe("the generated decisions", () => {
  it("are the same for the same load day and move with another", () => {
    const of = (today: string) => generatedDecisions(150, sampleRegions, sampleBodies, today);
    expect(of("2026-12-07")).toEqual(of("2026-12-07"));
    expect(of("2026-12-07").map((d) => d.initiatedOn)).not.toEqual(of("2027-12-07").map((d) => d.initiatedOn));
  });
});
