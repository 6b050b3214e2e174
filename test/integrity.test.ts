import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import { decisions } from "../src/decisions/decision.table.js";
import { RecordWriter } from "../src/records/record-writer.js";
import { TestApi } from "./support/api.js";
import { expectPublicSearchKept } from "./support/public-search.js";

/** Guards the database keeps itself, so that bad data cannot open a path around the projection. */
describe("the database refuses data that would defeat the projection", () => {
  let api: TestApi;
  let publicDecision: string;
  beforeAll(async () => {
    api = await TestApi.start();
    const [open] = await api.database.query<{ id: string }>("SELECT id FROM decisions WHERE id NOT IN (SELECT record_id FROM withholdings) AND budget_yuan IS NOT NULL LIMIT 1");
    publicDecision = open!.id;
  });
  afterAll(() => api.stop());

  const refused = (sql: string, params: unknown[]) => api.database.query(sql, params).then(() => "accepted", (e: Error) => e.message);

  it("refuses a withholding of a field the projection does not know (a misspelt field would otherwise publish the value)", async () => {
    const [body] = await api.database.query<{ id: string }>("SELECT id FROM public_bodies LIMIT 1");
    const outcome = await refused(
      `INSERT INTO withholdings (record_type, record_id, decision_id, field, ground, article, explanation, decided_by_body_id, withheld_since, review_due)
       VALUES ('decisions', $1, $1, 'budget_yuan', 'COMMERCIAL_SECRET', 'x', 'x', $2, '2024-01-01', '2025-01-01')`,
      [publicDecision, body!.id],
    );
    expect(outcome).toMatch(/withholdings_field_withholdable/);
  });

  it("refuses a comment whose decision is not its consultation's", async () => {
    const [consultation] = await api.database.query<{ id: string }>("SELECT id FROM consultations WHERE decision_id <> $1 LIMIT 1", [publicDecision]);
    const outcome = await refused(
      `INSERT INTO comments (consultation_id, decision_id, stakeholder_category, text, moderation_state) VALUES ($1, $2, 'INDIVIDUAL', 'x', 'PUBLISHED')`,
      [consultation!.id, publicDecision],
    );
    expect(outcome).toMatch(/comments_consultation_decision_fk/);
  });

  it("keeps a value withheld until a release dated later actually comes", async () => {
    const [withholding] = await api.database.query<{ id: string; record_id: string }>(
      "SELECT id, record_id FROM withholdings WHERE record_type = 'deliberations' AND field = 'dissent' LIMIT 1",
    );
    await api.database.query("UPDATE withholdings SET released_at = now() + interval '1 day' WHERE id = $1", [withholding!.id]);
    const { node } = await api.data(`query($id: ID!) { node(id: $id) { ... on Deliberation { dissent withheld { field } } } }`, { id: toGlobalId("Deliberation", withholding!.record_id) });
    expect(node).toEqual({ dissent: null, withheld: [{ field: "dissent" }] });
  });

  it("keeps a searchable text out of search until a release dated later comes, whoever writes the withholding", async () => {
    // As the tables' owner writes (a bulk load, a migration, an operator), not through the API: the
    // kept public search documents follow the withholding all the same.
    const title = "完整性測試專用標題";
    await new RecordWriter(api.database.db).update("decisions", decisions, publicDecision, { title });
    const found = async () => (await api.data(`query($q: String!) { decisions(filter: { search: $q }) { nodes { id } } }`, { q: title })).decisions.nodes.map((n: { id: string }) => n.id);
    const id = toGlobalId("Decision", publicDecision);
    expect(await found()).toEqual([id]);
    const [body] = await api.database.query<{ id: string }>("SELECT id FROM public_bodies LIMIT 1");
    const [withholding] = await api.database.query<{ id: string }>(
      `INSERT INTO withholdings (record_type, record_id, decision_id, field, ground, article, explanation, decided_by_body_id, withheld_since, review_due)
       VALUES ('decisions', $1, $1, 'title', 'PROCESS_INFORMATION', 'x', 'x', $2, '2024-01-01', '2025-01-01') RETURNING id`,
      [publicDecision, body!.id],
    );
    expect(await found()).toEqual([]);
    await expectPublicSearchKept(api.database, [publicDecision]);
    await api.database.query("UPDATE withholdings SET released_at = now() + interval '1 day' WHERE id = $1", [withholding!.id]);
    expect(await found()).toEqual([]);
    await expectPublicSearchKept(api.database, [publicDecision]);
    await api.database.query("UPDATE withholdings SET released_at = now() - interval '1 second' WHERE id = $1", [withholding!.id]);
    expect(await found()).toEqual([id]);
    await expectPublicSearchKept(api.database, [publicDecision]);
  });

  it("does not let a search document filed under another decision find that decision", async () => {
    await api.database.query(
      "UPDATE search_documents SET decision_id = $1, key = 'misfiled-text' WHERE id = (SELECT id FROM search_documents WHERE record_type = 'basis_items' AND decision_id <> $1 LIMIT 1)",
      [publicDecision],
    );
    const { decisions } = await api.data(`{ decisions(filter: { search: "misfiled-text" }) { totalCount } }`);
    expect(decisions.totalCount).toBe(0);
  });
});
