import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDecision } from "../seeds/load-decision.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { RecordWriter } from "../src/records/record-writer.js";
import { requiredGrams, searchKey } from "../src/search/search-key.js";
import { type SampleWithholding } from "../seeds/sample/sample.types.js";
import { TestApi } from "./support/api.js";
import { addEmptyVillages, references, write } from "./support/fixtures.js";
import { startOnConsultationDay } from "./support/consultation-day.js";

type Row = {
  id: string;
  catalog_year: number;
  region_code: string;
  region_path: string;
  deciding_body_id: string;
  undertaking_body_id: string;
  category: string;
  stage: string;
  status: string;
  initiated_on: string;
  published_on: string | null;
};

/** The public decisions as the database holds them: the expected answer for each filter. */
const PUBLIC_DECISIONS = `
  SELECT d.id, d.catalog_year, r.code AS region_code, r.path AS region_path, d.deciding_body_id, d.undertaking_body_id,
         d.category::text, d.stage::text, d.status::text, d.initiated_on::text, p.published_on::text
  FROM decisions d JOIN regions r ON r.id = d.region_id LEFT JOIN publications p ON p.decision_id = d.id
  WHERE NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.record_id = d.id AND w.field IS NULL AND w.released_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.record_id = p.id AND w.field IS NULL AND w.released_at IS NULL)`;

describe("filtering and searching decisions", () => {
  let api: TestApi;
  let rows: Row[];
  beforeAll(async () => {
    api = await TestApi.start();
    rows = await api.database.query<Row>(PUBLIC_DECISIONS);
  });
  afterAll(() => api.stop());

  const ids = async (filter: object) => {
    const { decisions } = await api.data(`query($f: DecisionFilter) { decisions(filter: $f, first: 100) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { f: filter });
    const found: string[] = decisions.nodes.map((n: any) => n.id);
    let { hasNextPage, endCursor } = decisions.pageInfo;
    while (hasNextPage) {
      const next = await api.data(`query($f: DecisionFilter, $a: String) { decisions(filter: $f, first: 100, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { f: filter, a: endCursor });
      found.push(...next.decisions.nodes.map((n: any) => n.id));
      ({ hasNextPage, endCursor } = next.decisions.pageInfo);
    }
    expect(decisions.totalCount).toBe(found.length);
    return found.sort();
  };
  /** A decision of 2025 with this title and summary, loaded as the sample's loader writes one. */
  const loadedDecision = async (catalogNumber: number, title: string, summary: string, withheld?: SampleWithholding[]) => {
    const [body] = await api.database.query<{ id: string; name: string }>("SELECT id, name FROM public_bodies LIMIT 1");
    const [region] = await api.database.query<{ id: string; code: string }>("SELECT id, code FROM regions LIMIT 1");
    await api.database.db.transaction((tx) =>
      loadDecision(new RecordWriter(tx), { regionId: () => region!.id, bodyId: () => body!.id }, {
        ...{ catalogYear: 2025, catalogNumber, title, summary, category: "PUBLIC_CONSTRUCTION", regionCode: region!.code },
        ...{ decidingBody: body!.name, undertakingBody: body!.name, stage: "INITIATION", status: "IN_PROGRESS", initiatedOn: "2025-01-01" },
        ...(withheld ? { withheld: withheld.map((w) => ({ ...w, decidedBy: body!.name })) } : {}),
      }),
    );
  };
  const expected = (predicate: (row: Row) => boolean) => [...new Set(rows.filter(predicate).map((r) => toGlobalId("Decision", r.id)))].sort();

  it("filters by catalog year, bodies, category, stage and status, each against the database's own answer", async () => {
    const sample = rows.find((r) => r.catalog_year === 2024)!;
    const cases: [object, (r: Row) => boolean][] = [
      [{ catalogYear: 2024 }, (r) => r.catalog_year === 2024],
      [{ decidingBodyId: toGlobalId("PublicBody", sample.deciding_body_id) }, (r) => r.deciding_body_id === sample.deciding_body_id],
      [{ undertakingBodyId: toGlobalId("PublicBody", sample.undertaking_body_id) }, (r) => r.undertaking_body_id === sample.undertaking_body_id],
      [{ category: ["PUBLIC_CONSTRUCTION", "DEVELOPMENT_PLAN"] }, (r) => ["PUBLIC_CONSTRUCTION", "DEVELOPMENT_PLAN"].includes(r.category)],
      [{ stage: ["LEGALITY_REVIEW"] }, (r) => r.stage === "LEGALITY_REVIEW"],
      [{ status: ["WITHDRAWN", "SUSPENDED"] }, (r) => ["WITHDRAWN", "SUSPENDED"].includes(r.status)],
      [{ catalogYear: 2023, stage: ["PUBLICATION", "IMPLEMENTATION"] }, (r) => r.catalog_year === 2023 && ["PUBLICATION", "IMPLEMENTATION"].includes(r.stage)],
    ];
    for (const [filter, predicate] of cases) {
      const want = expected(predicate);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(await ids(filter), JSON.stringify(filter)).toEqual(want);
    }
  });

  it("answers one filter with other values by one statement text, each with its own decisions (built once, run with values)", async () => {
    const texts = new Set<string>();
    const shapes: [object, (r: Row) => boolean][] = [];
    for (const year of [2022, 2023, 2024, 2025])
      for (const categories of [["PUBLIC_CONSTRUCTION", "DEVELOPMENT_PLAN"], ["PUBLIC_POLICY", "RESOURCE_POLICY"]])
        shapes.push([{ catalogYear: year, category: categories }, (r) => r.catalog_year === year && categories.includes(r.category)]);
    let answered = 0;
    for (const [filter, predicate] of shapes) {
      api.database.statements.reset();
      const found = await ids(filter);
      for (const text of api.database.statements.statements) if (/from "disclosure"\."decisions" where/.test(text) && !text.includes("count(")) texts.add(text);
      expect(found, JSON.stringify(filter)).toEqual(expected(predicate));
      answered += found.length;
    }
    expect(answered).toBeGreaterThan(0);
    // The first page and the following pages (with a cursor) are the two shapes; the values are parameters.
    expect(texts.size).toBeLessThanOrEqual(2);
    for (const text of texts) expect(text).not.toMatch(/2024|PUBLIC_POLICY/);
  });

  it("filters by region including every region under it", async () => {
    const [town] = await api.database.query<{ id: string; path: string }>("SELECT id, path FROM regions WHERE code = '340881100000'");
    const found = await ids({ regionId: toGlobalId("Region", town!.id) });
    const want = expected((r) => r.region_path.startsWith(town!.path));
    expect(want.some((id) => rows.find((r) => toGlobalId("Decision", r.id) === id)!.region_path !== town!.path)).toBe(true);
    expect(found).toEqual(want);
  });

  it("filters by region alike whether the region is large (its path in the statement), small (a parameter) or tiny (its decisions read first)", async () => {
    // The sample's regions, and one of the empty villages added below.
    const regionsAgainstTheDatabase = async () => {
      const regions = await api.database.query<{ id: string; path: string }>("SELECT id, path FROM regions WHERE name NOT LIKE '空村%' OR name = '空村1' ORDER BY path");
      for (const region of regions) {
        expect(await ids({ regionId: toGlobalId("Region", region.id) }), region.path).toEqual(expected((r) => r.region_path.startsWith(region.path)));
      }
    };
    await regionsAgainstTheDatabase();
    await addEmptyVillages(api);
    api.database.statements.reset();
    await regionsAgainstTheDatabase();
    // Every way was taken by the lists' pages (a count is one statement for every region).
    const pages = api.database.statements.statements.filter((text) => / order by /.test(text));
    expect(pages.some((text) => /"path" LIKE '\/[0-9/]+%'/.test(text))).toBe(true);
    expect(pages.some((text) => /"path" LIKE \(SELECT/.test(text) && !text.includes("= ANY (ARRAY("))).toBe(true);
    expect(pages.some((text) => text.includes("= ANY (ARRAY(SELECT in_region.id"))).toBe(true);
  });

  it("filters by initiation and publication date ranges, ends included", async () => {
    expect(await ids({ initiatedOn: { from: "2023-03-01", to: "2023-06-30" } })).toEqual(expected((r) => r.initiated_on >= "2023-03-01" && r.initiated_on <= "2023-06-30"));
    expect(await ids({ publishedOn: { from: "2024-01-01" } })).toEqual(expected((r) => r.published_on !== null && r.published_on >= "2024-01-01"));
    expect(await ids({ publishedOn: { to: "2023-12-31" } })).toEqual(expected((r) => r.published_on !== null && r.published_on <= "2023-12-31"));
  });

  it("filters by updatedSince", async () => {
    const [mark] = await api.database.query<{ t: string }>("SELECT to_char(max(updated_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS t FROM decisions");
    expect((await ids({ updatedSince: "2000-01-01T00:00:00Z" })).length).toBe(new Set(rows.map((r) => r.id)).size);
    await api.database.query("UPDATE decisions SET updated_at = now() + interval '1 hour' WHERE id = $1", [rows[0]!.id]);
    expect(await ids({ updatedSince: new Date(Date.parse(mark!.t) + 1).toISOString() })).toEqual([toGlobalId("Decision", rows[0]!.id)]);
  });

  it("finds Traditional text from a Simplified query and Simplified text from a Traditional one", async () => {
    const photovoltaic = await ids({ search: "光伏发电" });
    expect(photovoltaic).toHaveLength(1);
    expect(await ids({ search: "光伏發電" })).toEqual(photovoltaic);

    await loadedDecision(999, "生活垃圾分类处理设施建设", "简体字记录");
    expect(await ids({ search: "垃圾分類處理" })).toHaveLength(1);
    expect(await ids({ search: "垃圾分类处理" })).toHaveLength(1);
  });

  it("matches a query within one field of a decision, never across the end of one field and the start of the next", async () => {
    // A decision's public fields are kept as one document, a field a line: the line break must part them.
    await loadedDecision(997, "界河码头岸线整治", "疏浚航道");
    expect(await ids({ search: "岸线整治" })).toHaveLength(1);
    expect(await ids({ search: "疏浚航道" })).toHaveLength(1);
    // Whichever field comes first, and whether the search is alone (ranked on its matches) or filtered.
    for (const query of ["整治疏浚", "整治 疏浚", "航道界河", "航道 界河"]) {
      expect(await ids({ search: query }), query).toEqual([]);
      expect(await ids({ search: query, catalogYear: 2025 }), query).toEqual([]);
    }
    // The same words inside one field are found.
    await loadedDecision(998, "界河码头岸线整治疏浚工程", "航道");
    expect(await ids({ search: "整治疏浚" })).toHaveLength(1);
    expect(await ids({ search: "整治疏浚", catalogYear: 2025 })).toHaveLength(1);
  });

  it("finds a decision once whose summary a release made public: its earlier document, the title alone, no longer counts", async () => {
    const privacy = { ground: "PERSONAL_PRIVACY", article: "《中華人民共和國政府信息公開條例》第十五條", explanation: "涉及個人隱私。", decidedBy: "", since: "2025-01-01", reviewDue: "2026-01-01" } as const;
    await loadedDecision(996, "渡口栈桥维修加固", "栈桥桩基检测报告", [{ ...privacy, field: "summary" }]);
    expect(await ids({ search: "栈桥桩基" })).toEqual([]);
    const [decision] = await api.database.query<{ id: string; withholding: string }>(
      "SELECT d.id, w.id AS withholding FROM decisions d JOIN withholdings w ON w.record_id = d.id WHERE d.catalog_number = 996 AND w.field = 'summary'",
    );
    await api.database.db.transaction((tx) => new RecordWriter(tx).release(decision!.withholding, "隱私情形已消除。"));
    // Two documents now, the title's from always and the title's and summary's from the release.
    const [documents] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM public_search_documents WHERE decision_id = $1", [decision!.id]);
    expect(documents!.n).toBe(2);
    for (const search of ["渡口栈桥", "栈桥桩基", "栈桥"]) {
      expect(await ids({ search }), search).toEqual([toGlobalId("Decision", decision!.id)]);
      expect(await ids({ search, catalogYear: 2025 }), search).toEqual([toGlobalId("Decision", decision!.id)]);
    }
  });

  it("searches summaries, basis titles and published text, and matches one character, full-width input and mixed case", async () => {
    expect((await ids({ search: "綜合治理" })).length).toBeGreaterThan(0);
    expect((await ids({ search: "暫行條例" })).length).toBeGreaterThan(100);
    expect((await ids({ search: "自公布之日起施行" })).length).toBeGreaterThan(10);
    expect((await ids({ search: "伏" })).length).toBeGreaterThan(0);
    expect(await ids({ search: "  光伏  " })).toEqual(await ids({ search: "光伏" }));
    // Full-width Latin letters and digits fold to half-width, and case does not matter.
    expect(searchKey("ＡＢｃ　２５０")).toBe("abc 250");
    expect(await ids({ search: "２５０" })).toEqual(await ids({ search: "250" }));
    expect((await ids({ search: "250" })).length).toBeGreaterThan(0);
    // A character alone folds as it does inside a word (phrase conversion would not: 乾 → 干, 乾隆 → 乾隆).
    expect(searchKey("乾")).toBe(searchKey("乾隆").slice(0, 1));
    expect(searchKey("看着")).toBe(searchKey("看著"));
  });

  it("finds every public text that contains the query, whatever its length and spaces", async () => {
    // The database's own answer: every public search document whose key contains the query's key.
    const containing = async (key: string) =>
      (await api.database.query<{ decision_id: string }>("SELECT DISTINCT decision_id FROM disclosure.search_documents WHERE strpos(key, $1) > 0", [key]))
        .map((r) => toGlobalId("Decision", r.decision_id))
        .sort();
    for (const query of ["伏", "光伏", "暫行條例", "自公布之日起施行", "治理 ", "年 第", "a 1", "250"]) {
      const key = searchKey(query);
      const expectedIds = await containing(key);
      expect(await ids({ search: query }), query).toEqual(expectedIds);
    }
    expect((await containing(searchKey("暫行條例"))).length).toBeGreaterThan(100);
    // The grams a query asks the index for are among those every text containing it holds.
    for (const key of ["伏", "光伏", "暂行条例", "a 1", "年 第 1", "x  y"]) {
      const [row] = await api.database.query<{ held: boolean }>("SELECT search_grams($1) @> $2::text[] AS held", [`前${key}后`, `{${requiredGrams(key).map((g) => JSON.stringify(g)).join(",")}}`]);
      expect(row!.held, key).toBe(true);
    }
    expect(requiredGrams("农贸市场改造")).toEqual(["农贸", "贸市", "市场", "场改", "改造"]);
    expect(requiredGrams("a 1")).toEqual(["a", "1"]);
  });

  it("keeps the same grams as the character-by-character definition for every kind of text", async () => {
    // The definition of migration 0000, kept here as the reference for the one-pass version (0009).
    await api.database.query(`CREATE OR REPLACE FUNCTION test_reference_grams(key text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $$
      SELECT coalesce(array_agg(DISTINCT gram), '{}'::text[]) FROM (
        SELECT substr(key, i, 1) AS gram FROM generate_series(1, char_length(key)) AS i
        UNION ALL SELECT substr(key, i, 2) FROM generate_series(1, char_length(key) - 1) AS i) AS grams
      WHERE gram !~ '\\s' $$`);
    try {
      const mixed = Array.from({ length: 300 }, (_, i) => "光伏 a\t中文,规划 x".charAt((i * 7) % 16)).join("");
      for (const key of ["", "a", " ", "ab", "a b", "中文字", "  多 空格  ", "x\ty", "規劃規劃", "😀表情🙂", mixed]) {
        const [row] = await api.database.query<{ same: boolean; count: number; expected: number }>(
          "SELECT search_grams($1) @> test_reference_grams($1) AND test_reference_grams($1) @> search_grams($1) AS same, cardinality(search_grams($1)) AS count, cardinality(test_reference_grams($1)) AS expected",
          [key],
        );
        expect(row!.same, JSON.stringify(key)).toBe(true);
        // Each gram once: the stored arrays are as long as the set they hold.
        expect(row!.count, JSON.stringify(key)).toBe(row!.expected);
      }
      const [stored] = await api.database.query<{ same: boolean }>(
        "SELECT bool_and(grams @> test_reference_grams(key) AND test_reference_grams(key) @> grams) AS same FROM search_documents",
      );
      expect(stored!.same).toBe(true);
    } finally {
      await api.database.query("DROP FUNCTION test_reference_grams(text)");
    }
  });

  it("treats LIKE's special characters as plain text", async () => {
    const withPercent = await api.database.query<{ decision_id: string }>("SELECT DISTINCT decision_id FROM search_documents WHERE strpos(key, '%') > 0");
    expect(await ids({ search: "%" })).toEqual(withPercent.map((r) => toGlobalId("Decision", r.decision_id)).sort());
    expect(withPercent.length).toBeLessThan(rows.length);
    expect(await ids({ search: "_" })).toEqual([]);
    expect(await ids({ search: "\\" })).toEqual([]);
  });
});

describe("filtering decisions open for comment", () => {
  let api: TestApi;
  let day: string;
  beforeAll(async () => {
    ({ api, day } = await startOnConsultationDay());
  });
  afterAll(() => api.stop());

  const ids = async (open: boolean) => {
    const found: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { decisions }: any = await api.data(`query($o: Boolean, $a: String) { decisions(filter: { openForComment: $o }, first: 100, after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { o: open, a: after });
      found.push(...decisions.nodes.map((n: { id: string }) => n.id));
      totalCount = decisions.totalCount;
      after = decisions.pageInfo.hasNextPage ? decisions.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(found.length);
    return found.sort();
  };

  it("lists exactly the decisions with a public consultation taking comments that day, and the rest apart", async () => {
    const open = (await api.database.query<{ id: string }>("SELECT DISTINCT decision_id AS id FROM disclosure.consultations WHERE opens_on <= $1 AND closes_on >= $1", [day])).map((r) => toGlobalId("Decision", r.id)).sort();
    const all = (await api.database.query<{ id: string }>("SELECT id FROM disclosure.decisions")).map((r) => toGlobalId("Decision", r.id)).sort();
    expect(open.length).toBeGreaterThan(0);
    expect(await ids(true)).toEqual(open);
    expect(await ids(false)).toEqual(all.filter((id) => !open.includes(id)));
    // The statistics take the same filter.
    const { statistics } = await api.data(`{ statistics(filter: { openForComment: true }) { decisions } }`);
    expect(statistics.decisions).toBe(open.length);
  });
});

/** A record of the table under alias `a` is public: not withdrawn, not withheld whole (the oracle's own terms, on the tables). */
const publicRecord = (a: string) => `${a}.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.record_id = ${a}.id AND w.field IS NULL AND w.released_at IS NULL)`;

describe("filtering decisions on risk, steps on record and budget", () => {
  let api: TestApi;
  let publicIds: string[];
  beforeAll(async () => {
    api = await TestApi.start();
    publicIds = (await api.database.query<{ id: string }>(`SELECT DISTINCT id FROM (${PUBLIC_DECISIONS}) p`)).map((r) => toGlobalId("Decision", r.id)).sort();
  });
  afterAll(() => api.stop());

  const ids = async (filter: object, role: "ANONYMOUS" | "EDITOR" = "ANONYMOUS") => {
    const found: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { decisions }: any = await api.dataAs(role, `query($f: DecisionFilter, $a: String) { decisions(filter: $f, first: 100, after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { f: filter, a: after });
      found.push(...decisions.nodes.map((n: { id: string }) => n.id));
      totalCount = decisions.totalCount;
      after = decisions.pageInfo.hasNextPage ? decisions.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount, JSON.stringify(filter)).toBe(found.length);
    return found.sort();
  };
  /** The public decisions among those the query names (by `decision_id`). */
  const oracle = async (query: string, params: unknown[] = []) => {
    const named = new Set((await api.database.query<{ decision_id: string }>(query, params)).map((r) => toGlobalId("Decision", r.decision_id)));
    return publicIds.filter((id) => named.has(id));
  };
  const without = (some: string[]) => publicIds.filter((id) => !some.includes(id));

  it("filters by a public risk assessment's overall level, and by a public finding's level on a dimension", async () => {
    const overall = (levels: string[]) => oracle(`SELECT ra.decision_id FROM risk_assessments ra WHERE ${publicRecord("ra")} AND ra.overall_level::text = ANY($1)`, [levels]);
    const finding = (dimension: string, levels: string[]) =>
      oracle(`SELECT f.decision_id FROM risk_findings f JOIN risk_assessments ra ON ra.id = f.risk_assessment_id WHERE ${publicRecord("f")} AND ${publicRecord("ra")} AND f.dimension = $1 AND f.level::text = ANY($2)`, [dimension, levels]);
    const low = await overall(["LOW"]);
    expect(low.length).toBeGreaterThan(0);
    expect(await ids({ risk: { level: ["LOW"] } })).toEqual(low);
    expect(await ids({ risk: { level: ["MEDIUM", "HIGH"] } })).toEqual(await overall(["MEDIUM", "HIGH"]));
    const stability = await finding("SOCIAL_STABILITY", ["LOW"]);
    expect(stability.length).toBeGreaterThan(0);
    expect(await ids({ risk: { level: ["LOW"], dimension: "SOCIAL_STABILITY" } })).toEqual(stability);
    expect(await ids({ risk: { level: ["HIGH"], dimension: "ENVIRONMENT" } })).toEqual(await finding("ENVIRONMENT", ["HIGH"]));
    expect(await ids({ risk: { dimension: "PUBLIC_SAFETY" } })).toEqual(await finding("PUBLIC_SAFETY", ["LOW", "MEDIUM", "HIGH"]));
  });

  it("filters by steps on the public record, true and false each the other's complement", async () => {
    const steps: [string, string][] = [
      ["hasExpertReview", `SELECT decision_id FROM expert_reviews e WHERE ${publicRecord("e")}`],
      ["hasHearing", `SELECT decision_id FROM consultations c WHERE ${publicRecord("c")} AND c.method = 'HEARING'`],
      ["hasRiskAssessment", `SELECT decision_id FROM risk_assessments r WHERE ${publicRecord("r")}`],
      ["hasLegalityReview", `SELECT decision_id FROM legality_reviews l WHERE ${publicRecord("l")}`],
    ];
    for (const [filter, query] of steps) {
      const on = await oracle(query);
      expect(on.length, filter).toBeGreaterThan(0);
      expect(without(on).length, filter).toBeGreaterThan(0);
      expect(await ids({ [filter]: true }), filter).toEqual(on);
      expect(await ids({ [filter]: false }), filter).toEqual(without(on));
    }
    // Conditions combine; so do they with the others.
    const hearing = await oracle(steps[1]![1]);
    const review = await oracle(steps[3]![1]);
    expect(await ids({ hasHearing: true, hasLegalityReview: false })).toEqual(hearing.filter((id) => !review.includes(id)));
  });

  it("filters by budget range, ends included, on the budget as the public sees it", async () => {
    const inRange = (min: number | null, max: number | null) =>
      oracle(
        `SELECT d.id AS decision_id FROM decisions d WHERE d.budget_yuan IS NOT NULL AND ($1::numeric IS NULL OR d.budget_yuan >= $1) AND ($2::numeric IS NULL OR d.budget_yuan <= $2)
           AND NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.record_id = d.id AND w.field = 'budgetYuan' AND w.released_at IS NULL)`,
        [min, max],
      );
    const [{ median, least }] = (await api.database.query<{ median: string; least: string }>(
      "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY budget_yuan)::text AS median, min(budget_yuan)::text AS least FROM decisions WHERE budget_yuan IS NOT NULL",
    )) as [{ median: string; least: string }];
    const m = Number(median);
    const below = await inRange(null, m);
    expect(below.length).toBeGreaterThan(0);
    expect(await ids({ budgetYuan: { max: m } })).toEqual(below);
    expect(await ids({ budgetYuan: { min: m } })).toEqual(await inRange(m, null));
    expect(await ids({ budgetYuan: { min: Number(least), max: Number(least) } })).toEqual(await inRange(Number(least), Number(least)));
    expect(await ids({ budgetYuan: { min: 0 } })).toEqual(await inRange(0, null));
  });

  it("finds no decision by its withheld budget, nor counts it, while staff find it by theirs", async () => {
    const refs = await references(api);
    const [row] = await api.database.query<{ id: string; budget: string }>(`SELECT d.id, d.budget_yuan::text AS budget FROM (${PUBLIC_DECISIONS}) p JOIN decisions d ON d.id = p.id WHERE d.budget_yuan IS NOT NULL ORDER BY d.id LIMIT 1`);
    const id = toGlobalId("Decision", row!.id);
    const exactly = { budgetYuan: { min: Number(row!.budget), max: Number(row!.budget) } };
    expect(await ids(exactly)).toContain(id);
    await write(api, "EDITOR", "withholdingCreate", { recordId: id, field: "budgetYuan", ground: "COMMERCIAL_SECRET", article: "第十五條", explanation: "商業秘密。", decidedByBodyId: refs.cityGovernment, reviewDue: "2030-01-01" }, "id");
    expect(await ids(exactly)).not.toContain(id);
    expect(await ids({ budgetYuan: { min: 0 } })).not.toContain(id);
    expect((await api.data(`query($f: DecisionFilter) { decisions(filter: $f, first: 1) { totalCount } }`, { f: exactly })).decisions.totalCount).toBe((await ids(exactly)).length);
    // Staff read the tables: the budget is theirs to filter on.
    expect(await ids(exactly, "EDITOR")).toContain(id);
  });

  it("refuses filters that could only be a mistake, with a clear message and no change", async () => {
    const cases: [object, string][] = [
      [{ risk: {} }, "filter.risk"],
      [{ risk: { level: [] } }, "filter.risk.level"],
      [{ budgetYuan: {} }, "filter.budgetYuan"],
      [{ budgetYuan: { min: 10, max: 1 } }, "filter.budgetYuan"],
      [{ budgetYuan: { min: -1 } }, "filter.budgetYuan.min"],
      [{ budgetYuan: { max: 1e20 } }, "filter.budgetYuan.max"],
      [{ lastActivitySince: "2026-02-01T00:00:00Z", lastActivityBefore: "2026-01-01T00:00:00Z" }, "filter.lastActivitySince"],
    ];
    for (const [filter, field] of cases) {
      const response = await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f, first: 1) { totalCount } }`, { f: filter });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(filter)).toBe("BAD_USER_INPUT");
      expect(response.errors?.[0]?.message, JSON.stringify(filter)).toContain(`"${field}`);
      expect(response.raw).not.toMatch(/select|stack|at \w+ \(/i);
    }
  });
});
