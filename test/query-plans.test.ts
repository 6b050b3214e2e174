import { getTableColumns, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmarkOperations, type BenchOperation, largestRegion } from "../bench/operations.js";
import { indexesRead, LARGE_TABLE_ROWS, sequentialScans, wholeIndexWalks, wholeSorts } from "../bench/query-plans.js";
import { loadScaleData } from "../seeds/scale/scale-data.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { datasets } from "../src/open-data/datasets.js";
import { type GraphQLResponse, TestApi } from "./support/api.js";

// Enough generated decisions that the decisions table, the comments and the search documents each
// hold more than LARGE_TABLE_ROWS rows: a plan that reads one of them whole is then a missing index.
const DECISIONS = 10_500;

describe("query plans of the benchmark's operations over generated data", () => {
  let api: TestApi;
  let operations: BenchOperation[];
  beforeAll(async () => {
    api = await TestApi.start();
    await loadScaleData(api.database, { decisions: DECISIONS, seed: 11, commentsPerDecision: 6 });
    await api.database.query("ANALYZE");
    operations = await benchmarkOperations(api.database);
  }, 600_000);
  afterAll(() => api?.stop());

  it("has tables large enough for the check to mean something", async () => {
    const [sizes] = await api.database.query<{ decisions: number; comments: number; documents: number; public_documents: number }>(
      "SELECT (SELECT count(*)::int FROM decisions) AS decisions, (SELECT count(*)::int FROM comments) AS comments, (SELECT count(*)::int FROM search_documents) AS documents, (SELECT count(*)::int FROM public_search_documents) AS public_documents",
    );
    expect(sizes!.decisions).toBeGreaterThan(LARGE_TABLE_ROWS);
    expect(sizes!.comments).toBeGreaterThan(LARGE_TABLE_ROWS);
    expect(sizes!.documents).toBeGreaterThan(LARGE_TABLE_ROWS);
    expect(sizes!.public_documents).toBeGreaterThan(LARGE_TABLE_ROWS);
  });

  it("reads no table of more than 10,000 rows whole in any operation", async () => {
    const found: string[] = [];
    for (const operation of operations) {
      api.database.statements.reset();
      const status = operation.method === "GET" ? (await api.get(operation.path)).status : (await api.send({}, operation.body!.query, operation.body!.variables)).status;
      expect(status, operation.name).toBe(200);
      const sent = [...api.database.statements.sent];
      expect(sent.length, `${operation.name} sent statements`).toBeGreaterThan(0);
      for (const scan of await sequentialScans(api.database, sent)) found.push(`${operation.name}: ${scan.table} (${scan.rows} rows) in ${scan.statement}`);
    }
    expect(found).toEqual([]);
  });

  it("writes every page size into the statement, where a generic plan can see it", async () => {
    // The public pool keeps generic plans, which plan a parameter's LIMIT as a tenth of the rows.
    const parameterLimits: string[] = [];
    for (const operation of operations) {
      api.database.statements.reset();
      if (operation.method === "GET") await api.get(operation.path);
      else await api.send({}, operation.body!.query, operation.body!.variables);
      for (const { text } of api.database.statements.sent) if (/\blimit \$\d+/i.test(text)) parameterLimits.push(`${operation.name}: ${text}`);
    }
    expect(parameterLimits).toEqual([]);
  });

  it("writes today into the statement of decisions open for comment, and reads no table whole for it", async () => {
    // With the day as a parameter, a generic plan walked every decision in page order (345 ms at 100k).
    api.database.statements.reset();
    const response = await api.send({}, `{ decisions(first: 20, filter: { openForComment: true }) { totalCount nodes { id } } }`);
    expect(response.status).toBe(200);
    const sent = [...api.database.statements.sent];
    expect(sent.filter((s) => s.text.includes("closes_on")).every((s) => /"closes_on" >= '\d{4}-\d{2}-\d{2}'::date/.test(s.text))).toBe(true);
    expect(sent.some((s) => s.text.includes("closes_on"))).toBe(true);
    expect(await sequentialScans(api.database, sent)).toEqual([]);
  });

  it("orders by title through the title index, both ways and page after page, rather than sorting every decision", async () => {
    // The order is that of the projected title; ordered over the whole view, it sorted every decision (~210 ms a page at 100k).
    for (const direction of ["ASC", "DESC"]) {
      let after: string | null = null;
      for (const page of [1, 2]) {
        api.database.statements.reset();
        const response: GraphQLResponse = await api.send({}, `query($after: String) { decisions(first: 20, after: $after, orderBy: { field: TITLE, direction: ${direction} }) { nodes { id title } pageInfo { endCursor } } }`, { after });
        expect(response.status).toBe(200);
        expect(response.data!.decisions.nodes).toHaveLength(20);
        after = response.data!.decisions.pageInfo.endCursor;
        const sent = [...api.database.statements.sent];
        expect(await indexesRead(api.database, sent), `${direction} page ${page}`).toContain("decisions_title_order_idx");
        expect(await sequentialScans(api.database, sent), `${direction} page ${page}`).toEqual([]);
      }
    }
  });

  it("pages through the whole city's decisions by walking the order's index, not by sorting them all", async () => {
    // With the region as a parameter, a generic plan read a large region's decisions and sorted them on
    // every page after the first (360–460 ms at 100k); its path written into the statement, it walks.
    const city = await largestRegion(api.database);
    let after: string | null = null;
    for (const page of [1, 2]) {
      api.database.statements.reset();
      const response: GraphQLResponse = await api.send({}, `query($r: ID!, $after: String) { decisions(first: 20, after: $after, filter: { regionId: $r }) { nodes { id } pageInfo { endCursor } } }`, { r: toGlobalId("Region", city!), after });
      expect(response.data!.decisions.nodes).toHaveLength(20);
      after = response.data!.decisions.pageInfo.endCursor;
      const sent = [...api.database.statements.sent];
      const indexes = await indexesRead(api.database, sent);
      expect(indexes, `page ${page}`).toContain("decisions_catalog_idx");
      expect(indexes, `page ${page}`).not.toContain("decisions_region_idx");
    }
  });

  it("reads no table whole for a file of a town's comments or of the whole city's", async () => {
    // As a join, each page of a town's comments read every comment (6.8 s for a town's 13,025 at 100k).
    const city = await largestRegion(api.database);
    const [town] = await api.database.query<{ id: string }>("SELECT id FROM regions WHERE parent_id = $1 LIMIT 1", [city!]);
    for (const region of [town!.id, city!]) {
      api.database.statements.reset();
      const response = await api.get(`/open-data/comments.csv?regionId=${toGlobalId("Region", region)}`);
      expect(response.status).toBe(200);
      expect(response.body.split("\n").length).toBeGreaterThan(100);
      // The whole city's decisions are every decision: its file's one statement (a cursor) lists them once.
      const scans = await sequentialScans(api.database, [...api.database.statements.sent]);
      expect(scans.filter((scan) => !(region === city && scan.table === "public.decisions" && /^DECLARE\b/.test(scan.statement)))).toEqual([]);
    }
  });

  it("reads every file, whole or by a year, a town or the city, in its order through an index: none sorted whole, no table read whole, a year's or a town's rows sought rather than kept from a walk", async () => {
    // Sorted whole, a file sends nothing until it has read every row (a year's comments at 100k: the
    // view worked out for every comment first, 8.8 s); a file is read through one cursor on PostgreSQL.
    const city = await largestRegion(api.database);
    const [town] = await api.database.query<{ id: string }>("SELECT id FROM regions WHERE parent_id = $1 LIMIT 1", [city!]);
    const [year] = await api.database.query<{ year: number }>("SELECT max(catalog_year) AS year FROM decisions");
    const found: string[] = [];
    for (const dataset of datasets.filter((d) => d.name !== "compliance-results")) {
      const columns = getTableColumns(dataset.view) as Record<string, { name: string }>;
      const order = dataset.key.map((key) => columns[key]!.name);
      const queries = dataset.byDecision ? ["", `?catalogYear=${year!.year}`, `?regionId=${toGlobalId("Region", town!.id)}`, `?regionId=${toGlobalId("Region", city!)}`] : [""];
      for (const query of queries) {
        api.database.statements.reset();
        const response = await api.get(`/open-data/${dataset.name}.csv${query}`);
        expect(response.status, `${dataset.name}${query}`).toBe(200);
        const sent = [...api.database.statements.sent];
        expect(sent.some((statement) => /^DECLARE\b/.test(statement.text)), `${dataset.name}${query} read through a cursor`).toBe(true);
        const scans = (await sequentialScans(api.database, sent)).map((scan) => ({ ...scan, sorted: false }));
        const sorts = (await wholeSorts(api.database, sent, order)).map((scan) => ({ ...scan, sorted: true }));
        // A year's or a town's rows are sought, not kept from a walk of every row in the file's order.
        const walks = query.startsWith("?catalogYear=") || query.includes(toGlobalId("Region", town!.id)) ? (await wholeIndexWalks(api.database, sent)).map((scan) => ({ ...scan, sorted: false, walked: true })) : [];
        for (const scan of [...scans, ...sorts, ...walks]) {
          // The whole city's decisions are every decision: its file's one statement lists them once.
          if (query.includes(toGlobalId("Region", city!)) && scan.table === "public.decisions" && /^DECLARE\b/.test(scan.statement)) continue;
          // The notices are a union (the withheld fields, then a branch per kind of record withheld
          // whole), which no index gives in the file's order: their few rows are sorted, once. Each
          // notice's record is looked up by its key; no table is read whole for them.
          if (dataset.name === "withholding-notices" && scan.sorted) continue;
          found.push(`${dataset.name}${query}: ${scan.table} (${scan.rows} rows)${scan.sorted ? " sorted" : ""}${"walked" in scan ? " walked in order" : ""} in ${scan.statement.slice(0, 200)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("finds the notices of a page's records by their keys, however few withholdings there are", async () => {
    // The notices are asked for by the record that carries them (subject_id): a withheld field's
    // record, found through the index on the withholdings' record. At 100,000 decisions, a view whose
    // subject was worked out row by row read them whole and cost the decision page a third of its
    // requests a second; here the table is too small for the general check (LARGE_TABLE_ROWS) to see it.
    const page = operations.find((operation) => operation.name === "decision page")!;
    api.database.statements.reset();
    expect((await api.send({}, page.body!.query, page.body!.variables)).status).toBe(200);
    const notices = api.database.statements.sent.filter((statement) => statement.text.includes('"withholding_notices"'));
    expect(notices.length).toBeGreaterThan(0);
    const [withholdings] = await api.database.query<{ count: number }>("SELECT count(*)::int AS count FROM withholdings");
    expect(withholdings!.count).toBeGreaterThan(100);
    expect((await sequentialScans(api.database, notices, 0)).filter((scan) => scan.table === "public.withholdings")).toEqual([]);
    // Sought on the record, not walked: withholdings_record_idx leads with the kind of record.
    expect(await indexesRead(api.database, notices)).toContain("withholdings_record_id_idx");
  });

  it("expects as many withholdings of a kind of record withheld whole as there are, which the views' checks plan by", async () => {
    // Taken apart, "of risk assessments" and "whole" look independent: a handful expected, and a
    // year's risk-findings file compared each of its rows with every one of them in memory.
    const kinds = await api.database.query<{ type: string; whole: boolean; count: number }>(
      "SELECT record_type::text AS type, field IS NULL AS whole, count(*)::int AS count FROM withholdings GROUP BY 1, 2 HAVING count(*) >= 50",
    );
    expect(kinds.some((kind) => kind.whole)).toBe(true);
    for (const { type, whole, count } of kinds) {
      const [plan] = await api.database.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
        `EXPLAIN (FORMAT JSON) SELECT 1 FROM withholdings WHERE record_type = '${type}' AND field IS ${whole ? "" : "NOT "}NULL`,
      );
      const expected = plan!["QUERY PLAN"][0].Plan["Plan Rows"];
      expect(expected / count, `${type}, ${whole ? "whole" : "by field"}: ${expected} expected, ${count} there`).toBeGreaterThan(0.5);
      expect(expected / count, `${type}, ${whole ? "whole" : "by field"}: ${expected} expected, ${count} there`).toBeLessThan(2);
    }
  });

  // Long: the first request waits for the kept reports of every generated decision.
  it("reads no table whole for the compliance-results file of a town or of every decision, page after page on its key", { timeout: 600_000 }, async () => {
    const city = await largestRegion(api.database);
    const [town] = await api.database.query<{ id: string }>("SELECT id FROM regions WHERE parent_id = $1 LIMIT 1", [city!]);
    for (const query of [`?regionId=${toGlobalId("Region", town!.id)}`, ""]) {
      // The kept reports are brought up to date first: asked until they are (503 while they are not).
      for (let tries = 0; tries < 100 && (await api.get(`/open-data/compliance-results.csv${query}`)).status === 503; tries++);
      api.database.statements.reset();
      const response = await api.get(`/open-data/compliance-results.csv${query}`);
      expect(response.status, response.body.slice(0, 200)).toBe(200);
      expect(response.body.split("\n").length).toBeGreaterThan(100);
      const sent = [...api.database.statements.sent].filter((statement) => statement.text.includes("compliance_result_rows"));
      expect(sent.length).toBeGreaterThan(0);
      expect(await sequentialScans(api.database, sent), query).toEqual([]);
      expect(await indexesRead(api.database, sent), query).toContain("compliance_results_pkey");
      expect(await wholeSorts(api.database, sent, ["decision_id", "rule"]), query).toEqual([]);
    }
  });

  it("lists a catalogue year's decisions in every order through an index of that order", async () => {
    // The order's own index alone walked the years before the one asked (a first page at 100k: ~50 ms).
    const indexOfOrder = { CATALOG: "decisions_catalog_idx", INITIATED_ON: "decisions_year_initiated_idx", UPDATED_AT: "decisions_year_updated_idx", LAST_ACTIVITY_AT: "decisions_year_last_activity_idx", TITLE: "decisions_title_order_idx" };
    const [year] = await api.database.query<{ year: number }>("SELECT max(catalog_year) AS year FROM decisions");
    for (const [field, index] of Object.entries(indexOfOrder)) {
      api.database.statements.reset();
      const response: GraphQLResponse = await api.send({}, `query($y: Int!) { decisions(first: 20, filter: { catalogYear: $y }, orderBy: { field: ${field}, direction: ASC }) { nodes { id } } }`, { y: year!.year });
      expect(response.data!.decisions.nodes, field).toHaveLength(20);
      expect(await indexesRead(api.database, [...api.database.statements.sent]), field).toContain(index);
    }
  });

  it("searches in every order, both ways, through the kept public search documents' gram index, reading no table whole", async () => {
    // A search ranks all its matches before cutting a page: each order must read the matches by the
    // gram index of the kept public documents, not walk the decisions in the order's index.
    const found: string[] = [];
    for (const field of ["CATALOG", "INITIATED_ON", "UPDATED_AT", "LAST_ACTIVITY_AT", "TITLE"]) {
      for (const direction of ["ASC", "DESC"]) {
        let after: string | null = null;
        for (const page of [1, 2]) {
          api.database.statements.reset();
          const response: GraphQLResponse = await api.send({}, `query($a: String) { decisions(first: 20, after: $a, filter: { search: "农贸市场改造" }, orderBy: { field: ${field}, direction: ${direction} }) { totalCount nodes { id } pageInfo { endCursor } } }`, { a: after });
          expect(response.errors, response.raw).toBeUndefined();
          expect(response.data!.decisions.nodes, `${field} ${direction}`).toHaveLength(20);
          after = response.data!.decisions.pageInfo.endCursor;
          const sent = [...api.database.statements.sent];
          const label = `${field} ${direction} page ${page}`;
          expect(await indexesRead(api.database, sent), label).toContain("public_search_documents_gram_set_idx");
          for (const scan of await sequentialScans(api.database, sent)) found.push(`${label}: ${scan.table} in ${scan.statement}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("keeps both tables' grams in the bytewise collation, which their gram indexes sort by at every write", async () => {
    const columns = await api.database.query<{ table_name: string; collation_name: string | null }>(
      "SELECT table_name, collation_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'grams' ORDER BY table_name",
    );
    expect(columns).toEqual([
      { table_name: "public_search_documents", collation_name: "C" },
      { table_name: "search_documents", collation_name: "C" },
    ]);
  });

  it("compresses the search documents' long texts with lz4 (this file runs on PostgreSQL; PGlite, without lz4, keeps pglz)", async () => {
    const columns = await api.database.query<{ column: string; compression: string }>(
      "SELECT attrelid::regclass || '.' || attname AS column, attcompression AS compression FROM pg_attribute WHERE attrelid IN ('public.search_documents'::regclass, 'public.public_search_documents'::regclass) AND attname IN ('key', 'grams') ORDER BY 1",
    );
    expect(columns).toEqual(["public_search_documents.grams", "public_search_documents.key", "search_documents.grams", "search_documents.key"].map((column) => ({ column, compression: "l" })));
    // Written by the load: every compressed one with lz4 (a short one is not compressed at all).
    const [written] = await api.database.query<{ lz4: number; pglz: number }>(
      "SELECT count(*) FILTER (WHERE pg_column_compression(grams) = 'lz4')::int AS lz4, count(*) FILTER (WHERE pg_column_compression(grams) = 'pglz')::int AS pglz FROM public_search_documents",
    );
    expect(written).toEqual({ lz4: expect.any(Number), pglz: 0 });
    expect(written!.lz4).toBeGreaterThan(LARGE_TABLE_ROWS);
  });

  it("runs the writes' public-state and public-search functions on generic plans, made once a session", async () => {
    const functions = await api.database.query<{ name: string; config: string[] }>(
      "SELECT p.oid::regproc::text AS name, p.proconfig AS config FROM pg_proc p WHERE p.oid IN ('disclosure.public_state'::regproc, 'public.refresh_public_search'::regproc) ORDER BY 1",
    );
    expect(functions.map((f) => [f.name, f.config.includes("plan_cache_mode=force_generic_plan")])).toEqual([
      ["disclosure.public_state", true],
      ["refresh_public_search", true],
    ]);
  });

  it("bounds the gram indexes' pending lists, whose pages a search's plan counts, so that a search planned after a load still reads the index", async () => {
    const indexes = await api.database.query<{ name: string; options: string[] }>(
      "SELECT relname AS name, reloptions AS options FROM pg_class WHERE relname IN ('search_documents_gram_set_idx', 'public_search_documents_gram_set_idx') ORDER BY 1",
    );
    expect(indexes).toEqual([
      { name: "public_search_documents_gram_set_idx", options: ["gin_pending_list_limit=1024"] },
      { name: "search_documents_gram_set_idx", options: ["gin_pending_list_limit=1024"] },
    ]);
  });

  it("filters on risk, steps on record, budget and last activity page after page through indexes, reading no table whole", async () => {
    const [{ median }] = (await api.database.query<{ median: string }>("SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY budget_yuan)::text AS median FROM decisions WHERE budget_yuan IS NOT NULL")) as [{ median: string }];
    const [{ recent }] = (await api.database.query<{ recent: string }>(
      "SELECT to_char(max(last_activity_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS recent FROM decisions",
    )) as [{ recent: string }];
    const filters: [object, boolean][] = [
      // [filter, whether its totalCount is asked too]. A page walks the order's index and probes each
      // decision's parts by their decision_id index. Counting a risk level or a time, which a generic
      // plan guesses a third of the rows match, reads the decisions whole (as counting updatedSince
      // does): those counts are left out here, the selective ones are checked.
      [{ risk: { level: ["HIGH"] } }, false],
      [{ risk: { level: ["HIGH"], dimension: "SOCIAL_STABILITY" } }, false],
      [{ hasHearing: true }, true],
      [{ hasExpertReview: true }, false],
      [{ hasRiskAssessment: false }, false],
      [{ hasLegalityReview: true, hasExpertReview: false }, false],
      [{ budgetYuan: { min: Number(median), max: Number(median) } }, true],
      [{ budgetYuan: { min: Number(median) } }, false],
      [{ lastActivitySince: recent }, false],
    ];
    const found: string[] = [];
    for (const [filter, counted] of filters) {
      let after: string | null = null;
      for (const page of [1, 2]) {
        api.database.statements.reset();
        const response: GraphQLResponse = await api.send({}, `query($f: DecisionFilter, $a: String) { decisions(first: 20, after: $a, filter: $f) { ${counted ? "totalCount" : ""} nodes { id } pageInfo { endCursor } } }`, { f: filter, a: after });
        expect(response.errors, response.raw).toBeUndefined();
        after = response.data!.decisions.pageInfo.endCursor;
        for (const scan of await sequentialScans(api.database, [...api.database.statements.sent])) found.push(`${JSON.stringify(filter)} page ${page}: ${scan.table} in ${scan.statement}`);
      }
    }
    expect(found).toEqual([]);
    // The budget through its index, the last activity through its own.
    api.database.statements.reset();
    await api.send({}, `query($f: DecisionFilter) { decisions(first: 20, filter: $f) { totalCount nodes { id } } }`, { f: { budgetYuan: { min: Number(median), max: Number(median) } } });
    expect(await indexesRead(api.database, [...api.database.statements.sent])).toContain("decisions_budget_idx");
    for (const direction of ["ASC", "DESC"]) {
      let after: string | null = null;
      for (const page of [1, 2]) {
        api.database.statements.reset();
        const response: GraphQLResponse = await api.send({}, `query($a: String) { decisions(first: 20, after: $a, orderBy: { field: LAST_ACTIVITY_AT, direction: ${direction} }) { nodes { id } pageInfo { endCursor } } }`, { a: after });
        expect(response.data!.decisions.nodes).toHaveLength(20);
        after = response.data!.decisions.pageInfo.endCursor;
        const sent = [...api.database.statements.sent];
        expect(await indexesRead(api.database, sent), `${direction} page ${page}`).toContain("decisions_last_activity_idx");
        expect(await sequentialScans(api.database, sent), `${direction} page ${page}`).toEqual([]);
      }
    }
    // The change feed from a time.
    api.database.statements.reset();
    const feed = await api.get(`/open-data/changes.ndjson?since=${encodeURIComponent(recent)}`);
    expect(feed.status).toBe(200);
    expect(await sequentialScans(api.database, [...api.database.statements.sent])).toEqual([]);
  });

  it("finds a comment by its receipt number through the number's unique index, reading no table whole", async () => {
    const [row] = await api.database.query<{ receipt_number: string }>("SELECT receipt_number FROM comments ORDER BY id LIMIT 1");
    api.database.statements.reset();
    const response = await api.send({}, `query($n: String!) { commentReceipt(number: $n) { moderationState comment { id } } }`, { n: row!.receipt_number });
    expect(response.status).toBe(200);
    // The lookup reads as the writer role: its SET LOCAL ROLE has no plan.
    const sent = api.database.statements.sent.filter((statement) => /^\s*select/i.test(statement.text));
    expect(sent.length).toBeGreaterThan(0);
    expect(await sequentialScans(api.database, sent)).toEqual([]);
    expect(await indexesRead(api.database, sent)).toContain("comments_receipt_number");
  });

  it("keeps generic plans and compiles none of them on the public pool", async () => {
    // A generic plan's guessed cost passed jit_above_cost: each search compiled its plan anew (19 → 66 ms).
    const settings = await api.database.readDisclosed((db) => db.execute(sql`SELECT current_setting('jit') AS jit, current_setting('plan_cache_mode') AS plans`));
    expect([...(settings as unknown as Record<string, string>[])]).toEqual([{ jit: "off", plans: "force_generic_plan" }]);
  });

  it("finds a sequential scan where there is one (the check itself works)", async () => {
    const scans = await sequentialScans(api.database, [{ text: "select count(*) from comments where text like $1", params: ["%意見%"], wave: 0 }]);
    expect(scans.map((s) => s.table)).toEqual(["public.comments"]);
  });
});
