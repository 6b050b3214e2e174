import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAppSchema } from "../src/graphql/schema.js";
import { asPublicWriter } from "../src/records/public-changes.js";
import { TestApi } from "./support/api.js";
import { MUTATIONS_MODELLED } from "./support/property-world.js";

/**
 * What the public sees change is decided in one place (src/records/public-changes.ts); these tests
 * show that no write can go around it, whatever its code path.
 */
describe("every write's public trace goes through the public-change recorder", () => {
  let api: TestApi;
  let basisItem: string;
  beforeAll(async () => {
    api = await TestApi.start();
    const [row] = await api.database.query<{ id: string }>("SELECT b.id FROM basis_items b WHERE NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.decision_id = b.decision_id) LIMIT 1");
    basisItem = row!.id;
  });
  afterAll(() => api.stop());

  const titleOf = async () => (await api.database.query<{ title: string; updated_at: string }>("SELECT title, updated_at::text FROM basis_items WHERE id = $1", [basisItem]))[0]!;

  it("refuses at commit a write to a decision's file whose public changes were not recorded", async () => {
    const before = await titleOf();
    const bypass = api.database.asWriter((db) => db.execute(sql`UPDATE basis_items SET title = 'bypass' WHERE id = ${basisItem}`));
    await expect(bypass).rejects.toThrow();
    expect(await titleOf()).toEqual(before);
  });

  it("lets no writer move a public updatedAt: the recorder moves it, and only for what the public saw change", async () => {
    const before = await titleOf();
    await asPublicWriter(api.database, (db) => db.execute(sql`UPDATE basis_items SET updated_at = '2001-01-01', version = version + 1 WHERE id = ${basisItem}`));
    expect((await titleOf()).updated_at).toBe(before.updated_at);
    await asPublicWriter(api.database, (db) => db.execute(sql`UPDATE basis_items SET title = 'seen by the public' WHERE id = ${basisItem}`));
    expect((await titleOf()).updated_at).not.toBe(before.updated_at);
    const [entry] = await api.database.query<{ kind: string }>("SELECT public_kind::text AS kind FROM change_log WHERE public_record_id = $1 ORDER BY id DESC LIMIT 1", [basisItem]);
    expect(entry?.kind).toBe("UPDATED");
  });

  it("has every mutation of the schema either checked against the reference model or writing no record", async () => {
    const mutations = Object.keys((await buildAppSchema()).getMutationType()!.getFields()).sort();
    // Keys change no record of a decision's file. The stage is a published field of the decision whose
    // every write goes through the recorder as any other (the commit check above); its history is
    // tested in test/procedure-rules.test.ts.
    const outsideTheModel = ["apiKeyCreate", "apiKeyRevoke", "decisionAdvanceStage"];
    expect(mutations).toEqual([...MUTATIONS_MODELLED, ...outsideTheModel].sort());
  });
});
