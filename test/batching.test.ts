import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECISION_PAGE } from "../bench/operations.js";
import { loadDecision } from "../seeds/load-decision.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { RecordWriter } from "../src/records/record-writer.js";
import { BudgetStore } from "../src/protection/budget-store.js";
import { EpochWatcher } from "../src/public-cache/epoch-watcher.js";
import { TestApi } from "./support/api.js";
import { decisionWithWithheldFields } from "./support/canary-file.js";

const EVERY_RELATION = /* GraphQL */ `
  query EveryRelation($first: Int!) {
    decisions(first: $first, filter: { catalogYear: 2030 }) {
      totalCount
      nodes {
        id title
        region { name parent { name } children { name } }
        decidingBody { name region { name } }
        undertakingBody { name }
        withheld { field ground decidedBy { name } }
        basis { totalCount nodes { title withheld { field } decision { id } } }
        consultations { totalCount nodes { summary withheld { field } comments { totalCount nodes { text withheld { field } } } } }
        expertReviews { totalCount nodes { conclusion withheld { field } } }
        riskAssessments { totalCount nodes { conclusion withheld { field } findings { dimension withheld { field } } } }
        legalityReviews { totalCount nodes { result reviewingBody { name } withheld { field } } }
        deliberations { totalCount nodes { outcome withheld { field } } }
        publication { documentNumber withheld { field } }
        implementationReports { totalCount nodes { content withheld { field } } }
        postEvaluations { totalCount nodes { findings withheld { field } } }
        attachments { totalCount nodes { title withheld { field } } }
        compliance { state results { rule { id } status evidence { recordId value } withheld { ground } } }
      }
    }
  }
`;

describe("batched loading", () => {
  let api: TestApi;
  beforeAll(async () => {
    // Every relation of 100 decisions at once is past the default query cost; the point here is the statements.
    api = await TestApi.start({ limits: { maxCost: 2_000_000 } });
    // 100 decisions that each have every part, so that 5 of them need every kind of read that 100 do.
    const [ref] = await api.database.query<{ region: string; body: string; reviewer: string }>(
      "SELECT (SELECT id FROM regions LIMIT 1) AS region, (SELECT id FROM public_bodies WHERE name = '孔城鎮人民政府') AS body, (SELECT id FROM public_bodies LIMIT 1) AS reviewer",
    );
    await api.database.db.transaction(async (tx) => {
      const writer = new RecordWriter(tx);
      for (let n = 1; n <= 100; n++) {
        await loadDecision(writer, { regionId: () => ref!.region, bodyId: () => ref!.body }, { ...decisionWithWithheldFields(), catalogYear: 2030, catalogNumber: n });
      }
    });
  });
  afterAll(() => api.stop());

  const statementsFor = async (first: number) => {
    await api.data(EVERY_RELATION, { first }); // warm: the schema and first-use costs are not the point
    api.database.statements.reset();
    const data = await api.data(EVERY_RELATION, { first });
    return { count: api.database.statements.count, nodes: data.decisions.nodes.length };
  };

  it("sends the same number of SQL statements for 5 decisions as for 100, every relation selected", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(small.nodes).toBe(5);
    expect(large.nodes).toBe(100);
    expect(large.count).toBe(small.count);
    // One statement per kind of read (PGlite adds a SET LOCAL ROLE before each): a fixed cost, not one per row.
    // The compliance report reads each kind of record of the file once more, for all the decisions at once.
    // Not the request's spend of its rate budget (one statement, whatever the query).
    const reads = api.database.statements.statements.filter((s) => !s.startsWith("SET LOCAL ROLE") && !s.includes("shared_state.rate_budgets"));
    expect(reads.length).toBeLessThanOrEqual(32 + 9);
  });

  it("reads a decision's lists in the decision's own wave of statements, not in a wave after it", async () => {
    const [decision] = await api.database.query<{ id: string }>("SELECT id FROM disclosure.decisions WHERE catalog_year = 2030 ORDER BY catalog_number LIMIT 1");
    const variables = { id: toGlobalId("Decision", decision!.id) };
    await api.data(DECISION_PAGE, variables);
    api.database.statements.reset();
    await api.data(DECISION_PAGE, variables);
    const sent = api.database.statements.sent;
    const waveOf = (table: string, page = true) => sent.find((s) => s.text.includes(`from "disclosure"."${table}"`) && s.text.includes("page_position") === page)?.wave;
    const lists = ["basis_items", "consultations", "expert_reviews", "risk_assessments", "legality_reviews", "deliberations", "attachments"];
    expect(lists.map((table) => [table, waveOf(table)])).toEqual(lists.map((table) => [table, waveOf("decisions", false)]));
    expect(waveOf("decisions", false)).toBeDefined();
  });

  it("refuses a bad page argument of a decision's list on that list's field, though the list is asked for ahead", async () => {
    const [decision] = await api.database.query<{ id: string }>("SELECT id FROM disclosure.decisions WHERE catalog_year = 2030 ORDER BY catalog_number LIMIT 1");
    const response = await api.send({}, `query($id: ID!) { decision(id: $id) { catalogNumber expertReviews(first: -1) { nodes { id } } basis(first: 1) { nodes { title } } } }`, { id: toGlobalId("Decision", decision!.id) });
    expect(response.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.argument])).toEqual([[["decision", "expertReviews"], "BAD_USER_INPUT", "first"]]);
  });

  it("counts no statement that upkeep sends on a timer, so that no count depends on when a timer fires", async () => {
    api.database.statements.reset();
    await new BudgetStore(api.database).sweep(new Date());
    await new EpochWatcher(api.database).poll();
    expect(api.database.statements.count).toBe(0);
    expect(api.database.statements.statements).toEqual([]);
  });

  it("sends a few statement texts whatever the page sizes a client asks for (no text per size for anyone to multiply)", async () => {
    const texts = new Set<string>();
    for (const first of [1, 2, 3, 5, 7, 11, 13, 17, 19, 23]) {
      for (const inner of [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]) {
        api.database.statements.reset();
        await api.data(`query($first: Int!, $inner: Int!) { decisions(first: $first, filter: { catalogYear: 2030 }) { nodes { basis(first: $inner) { nodes { title } } consultations(first: $inner) { nodes { comments(first: $inner) { nodes { text } } } } region { name } } } }`, { first, inner });
        for (const text of api.database.statements.statements) if (!text.startsWith("SET LOCAL ROLE")) texts.add(text);
      }
    }
    // 100 shapes of request: the decisions page at 10 sizes, and for each loader one text per bucket
    // of ids (1, 2, 4, … 32), never one per page size.
    const loaderTexts = [...texts].filter((text) => !/from "disclosure"\."decisions" (where|order)/.test(text) && !text.includes("count(*)"));
    expect(loaderTexts.length).toBeLessThanOrEqual(4 * 6);
  });
});

describe("statements kept built", () => {
  it("forgets the least recently used past its bound, and keeps what is in use", async () => {
    const { builtStatement, MAX_BUILT_STATEMENTS } = await import("../src/db/built-statements.js");
    const handle = {} as Parameters<typeof builtStatement>[0];
    const builds: string[] = [];
    const build = (key: string) => () => ({ prepare: () => (builds.push(key), { execute: async () => key }) });
    const get = (key: string) => builtStatement(handle, key, build(key));
    get("kept");
    for (let i = 0; i < MAX_BUILT_STATEMENTS * 3; i++) {
      get(`shape-${i}`);
      get("kept");
    }
    expect(builds.filter((key) => key === "kept")).toHaveLength(1);
    get("shape-0");
    expect(builds.filter((key) => key === "shape-0")).toHaveLength(2);
  });
});
