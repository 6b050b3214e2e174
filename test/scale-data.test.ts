import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScaleData } from "../seeds/scale/scale-data.js";
import { type Database } from "../src/db/database.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";
import { openTestDatabase } from "./support/test-database.js";

const DECISIONS = 300;
const contentOf = async (database: Database) =>
  database.query<{ decisions: string; comments: string; withheld: number; count: number }>(
    `SELECT (SELECT md5(string_agg(d::text, '|' ORDER BY d.id)) FROM decisions d JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS decisions,
            (SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM comments c JOIN decisions d ON d.id = c.decision_id JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS comments,
            (SELECT count(*)::int FROM withholdings w JOIN decisions d ON d.id = w.decision_id JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS withheld,
            (SELECT count(*)::int FROM decisions d JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS count`,
  );

describe("the scale data generator (npm run seed:scale)", () => {
  let api: TestApi;
  let rows = 0;
  beforeAll(async () => {
    api = await TestApi.start();
    ({ rows } = await loadScaleData(api.database, { decisions: DECISIONS, seed: 7, commentsPerDecision: 10 }));
  });
  afterAll(() => api.stop());

  it("writes the decisions asked for, with about ten comments each where the public was consulted, and withholdings", async () => {
    const [content] = await contentOf(api.database);
    expect(content!.count).toBe(DECISIONS);
    expect(content!.withheld).toBeGreaterThan(0);
    const [{ consulted, comments } = { consulted: 0, comments: 0 }] = await api.database.query<{ consulted: number; comments: number }>(
      "SELECT count(DISTINCT c.decision_id)::int AS consulted, count(*)::int AS comments FROM comments c JOIN regions r ON r.id = (SELECT region_id FROM decisions WHERE id = c.decision_id) WHERE r.path LIKE '/99%'",
    );
    expect(comments / consulted).toBeGreaterThan(8);
    expect(comments / consulted).toBeLessThan(12);
    expect(rows).toBeGreaterThan(DECISIONS * 5);
  });

  it("is deterministic by seed: the same seed writes the same rows, ids included", async () => {
    const other = await openTestDatabase();
    try {
      await loadScaleData(other, { decisions: DECISIONS, seed: 7, commentsPerDecision: 10 });
      expect(await contentOf(other)).toEqual(await contentOf(api.database));
    } finally {
      await other.close();
    }
  });

  it("is served by the API with its withholdings in force", async () => {
    const [withheld] = await api.database.query<{ id: string }>("SELECT w.record_id AS id FROM withholdings w JOIN decisions d ON d.id = w.decision_id WHERE w.field = 'budgetYuan' AND w.released_at IS NULL AND d.budget_yuan IS NOT NULL LIMIT 1");
    expect(withheld).toBeDefined();
    const { decision } = await api.data(`query($id: ID!) { decision(id: $id) { budgetYuan withheld { field ground } } }`, { id: toGlobalId("Decision", withheld!.id) });
    expect(decision.budgetYuan).toBeNull();
    expect(decision.withheld).toContainEqual({ field: "budgetYuan", ground: "COMMERCIAL_SECRET" });
    const { decisions } = await api.data(`{ decisions(first: 5, filter: { search: "規模測試" }) { totalCount nodes { title } } }`);
    expect(decisions.totalCount).toBe(DECISIONS);
  });
});
