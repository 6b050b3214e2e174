import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScaleData } from "../seeds/scale/scale-data.js";
import { withKeysAndGramIndexesSetAside } from "../seeds/scale/set-aside.js";
import { type Database } from "../src/db/database.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";
import { expectPublicSearchKept } from "./support/public-search.js";
import { openTestDatabase } from "./support/test-database.js";

const DECISIONS = 300;
const contentOf = async (database: Database) =>
  database.query<{ decisions: string; comments: string; withheld: number; count: number }>(
    `SELECT (SELECT md5(string_agg(d::text, '|' ORDER BY d.id)) FROM decisions d JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS decisions,
            (SELECT md5(string_agg(c::text, '|' ORDER BY c.id)) FROM comments c JOIN decisions d ON d.id = c.decision_id JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS comments,
            (SELECT count(*)::int FROM withholdings w JOIN decisions d ON d.id = w.decision_id JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS withheld,
            (SELECT count(*)::int FROM decisions d JOIN regions r ON r.id = d.region_id WHERE r.path LIKE '/99%') AS count`,
  );

/**
 * Every table the load writes or a trigger fills from it, and the public projection of them: row
 * count and digest. Left out are the times the load leaves to the database's clock (created_at and
 * updated_at of regions, bodies, withholdings and search documents), which differ from run to run.
 */
const loaded: Record<string, string[]> = {
  regions: ["created_at", "updated_at"],
  public_bodies: ["created_at", "updated_at"],
  decisions: [],
  consultations: [],
  comments: [],
  expert_reviews: [],
  risk_assessments: [],
  risk_findings: [],
  legality_reviews: [],
  deliberations: [],
  publications: [],
  withholdings: ["created_at", "updated_at"],
  search_documents: ["created_at", "updated_at"],
  compliance_unassessed: [],
  open_data_snapshot_state: [],
  "disclosure.decisions": [],
  "disclosure.comments": [],
  "disclosure.risk_assessments": [],
  "disclosure.search_documents": ["created_at", "updated_at"],
  "disclosure.withholding_notices": ["created_at", "updated_at"],
};
const everyTable = async (database: Database) => {
  const tables: Record<string, { rows: number; digest: string }> = {};
  for (const [table, clock] of Object.entries(loaded)) {
    const row = `(to_jsonb(t) - '{${clock.join(",")}}'::text[])::text`;
    const [content] = await database.query<{ rows: number; digest: string }>(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM ${table} t`);
    tables[table] = content!;
  }
  return tables;
};

/** The public schema's foreign keys (checked or not) and indexes, as the catalogue defines them. */
const keysAndIndexes = async (database: Database) => ({
  foreignKeys: await database.query<{ name: string; definition: string; checked: boolean }>(
    "SELECT conrelid::regclass::text || '.' || conname AS name, pg_get_constraintdef(oid) AS definition, convalidated AS checked FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1",
  ),
  indexes: await database.query<{ name: string; definition: string }>(
    "SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index JOIN pg_class c ON c.oid = indexrelid WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1",
  ),
});
const ginIndexes = (catalogue: Awaited<ReturnType<typeof keysAndIndexes>>) => catalogue.indexes.filter((index) => index.definition.includes("USING gin"));

describe("the scale data generator (npm run seed:scale)", () => {
  let api: TestApi;
  let rows = 0;
  let catalogue: { before: Awaited<ReturnType<typeof keysAndIndexes>>; during: Awaited<ReturnType<typeof keysAndIndexes>>; after: Awaited<ReturnType<typeof keysAndIndexes>> };
  beforeAll(async () => {
    api = await TestApi.start();
    const before = await keysAndIndexes(api.database);
    let during = before;
    // As seed:scale loads, in batches of 70: five, written two at a time.
    ({ rows } = await withKeysAndGramIndexesSetAside(api.database, async () => {
      during = await keysAndIndexes(api.database);
      return loadScaleData(api.database, { decisions: DECISIONS, seed: 7, commentsPerDecision: 10, batch: 70 });
    }));
    catalogue = { before, during, after: await keysAndIndexes(api.database) };
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

  it("sets the foreign keys and gram indexes aside while it writes, and puts the same ones back, checked", async () => {
    expect(catalogue.before.foreignKeys.length).toBeGreaterThan(20);
    expect(ginIndexes(catalogue.before).map((index) => index.name)).toEqual(["public_search_documents_gram_set_idx", "search_documents_gram_set_idx"]);
    expect(catalogue.during.foreignKeys).toEqual([]);
    expect(ginIndexes(catalogue.during)).toEqual([]);
    expect(catalogue.during.indexes.length).toBe(catalogue.before.indexes.length - 2);
    expect(catalogue.after).toEqual(catalogue.before);
  });

  it("puts them back when a load fails, and a row written without its parent fails the load with its key's error", async () => {
    await expect(withKeysAndGramIndexesSetAside(api.database, () => Promise.reject(new Error("the load broke")))).rejects.toThrow("the load broke");
    expect(await keysAndIndexes(api.database)).toEqual(catalogue.before);

    const orphan = "00000000-0000-7000-8000-00000000000f";
    await expect(
      withKeysAndGramIndexesSetAside(api.database, () =>
        api.database.query(`INSERT INTO search_documents (decision_id, record_type, record_id, field, key) VALUES ('${orphan}', 'decisions', '${orphan}', 'title', 'x')`),
      ),
    ).rejects.toThrow(/search_documents_decision_id_decisions_id_fk/);
    // The key is back, enforced for new rows though not yet checked over the old ones.
    const afterOrphan = await keysAndIndexes(api.database);
    expect(afterOrphan.foreignKeys.filter((key) => !key.checked).map((key) => key.name)).toEqual(["search_documents.search_documents_decision_id_decisions_id_fk"]);
    await api.database.query(`DELETE FROM search_documents WHERE decision_id = '${orphan}'`);
    await api.database.query("ALTER TABLE search_documents VALIDATE CONSTRAINT search_documents_decision_id_decisions_id_fk");
    expect(await keysAndIndexes(api.database)).toEqual(catalogue.before);
  });

  it("writes by COPY the same rows as the inserts it replaced, and what triggers derive from them: deterministic by seed, ids included", async () => {
    // The rows above were written with the keys and gram indexes set aside; these with them in place.
    const other = await openTestDatabase();
    try {
      await loadScaleData(other, { decisions: DECISIONS, seed: 7, commentsPerDecision: 10, batch: 70, writer: "insert" });
      expect(await contentOf(other)).toEqual(await contentOf(api.database));
      const copied = await everyTable(api.database);
      expect(copied.search_documents!.rows).toBeGreaterThan(DECISIONS * 2);
      expect(copied["disclosure.search_documents"]!.rows).toBeLessThan(copied.search_documents!.rows);
      expect(await everyTable(other)).toEqual(copied);
    } finally {
      await other.close();
    }
  });

  it("keeps the public search documents of its batches as the rules give them (a batch's many decisions worked out together)", async () => {
    await expectPublicSearchKept(api.database);
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
