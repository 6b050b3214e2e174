import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ComplianceIndex } from "../src/compliance/compliance-index.js";
import { chinaDate } from "../src/compliance/working-days.js";
import { rowsOf } from "../src/db/rows.js";
import { type Database } from "../src/db/database.js";
import { DisclosureEpoch } from "../src/db/disclosure-epoch.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";

const PAGE = `query($id: ID!) { decision(id: $id) { id title summary withheld { field ground } } }`;
const json = { "content-type": "application/json" };

/** Statements the API sent since the last reset, apart from the epoch's own reads on its timer. */
const ran = (database: Database) => database.statements.statements.filter((text) => !text.includes("disclosure_epoch")).length;
/** What a server sees of its database when every notification is lost. */
const deaf = (database: Database): Database => ({ ...database, listen: async (_channel, _onNotify, onListen) => (onListen(), async () => {}) });
const committedEpoch = async (database: Database) => Number((await database.query<{ epoch: string }>("SELECT epoch::text AS epoch FROM shared_state.disclosure_epoch"))[0]!.epoch);

describe("the public response cache, kept under the disclosure epoch", () => {
  let api: TestApi;
  let decisionId: string;
  const post = (target: TestApi, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    target.inject({ method: "POST", headers: { ...json, ...headers }, payload: JSON.stringify({ query: PAGE, variables }) });

  beforeAll(async () => {
    // Deaf to notifications and its timer an hour away: whatever it knows of a new epoch, it knows
    // from the write it made itself, before that write was answered.
    api = await TestApi.start({ responseCacheMb: 16, epochPollMs: 3_600_000, wrapDatabase: deaf });
    const [row] = await api.database.query<{ id: string }>("SELECT d.id FROM disclosure.decisions d WHERE d.summary IS NOT NULL ORDER BY d.id LIMIT 1");
    decisionId = toGlobalId("Decision", row!.id);
  });
  afterAll(() => api.stop());

  async function update(fields: Record<string, unknown>): Promise<void> {
    const { decision } = await api.dataAs<{ decision: { version: number } }>("EDITOR", `query($id: ID!) { decision(id: $id) { version } }`, { id: decisionId });
    const done = await api.dataAs("EDITOR", `mutation($input: DecisionUpdateInput!) { decisionUpdate(input: $input) { userErrors { code message } } }`, {
      input: { id: decisionId, expectedVersion: decision.version, ...fields },
    });
    expect(done.decisionUpdate.userErrors).toEqual([]);
  }

  async function withholdSummary(): Promise<void> {
    const [body] = await api.database.query<{ id: string }>("SELECT id FROM public_bodies ORDER BY id LIMIT 1");
    const made = await api.dataAs("EDITOR", `mutation($input: WithholdingCreateInput!) { withholdingCreate(input: $input) { userErrors { message } } }`, {
      input: { recordId: decisionId, field: "summary", ground: "PROCESS_INFORMATION", article: "《政府信息公开条例》第十六条第二款", explanation: "过程性信息", decidedByBodyId: toGlobalId("PublicBody", body!.id), reviewDue: "2099-01-01" },
    });
    expect(made.withholdingCreate.userErrors).toEqual([]);
  }

  it("answers a repeated public query from memory: the same bytes, and not one statement run", async () => {
    const first = await post(api, { id: decisionId });
    expect(first.status).toBe(200);
    api.database.statements.reset();
    const again = await post(api, { id: decisionId });
    expect(again.status).toBe(200);
    expect(again.body).toBe(first.body);
    expect(again.headers["etag"]).toBe(first.headers["etag"]);
    expect(again.headers["cache-control"]).toBe("public, no-cache");
    expect(ran(api.database)).toBe(0);
  });

  it("keys by the document's meaning and the variables' values, not their spelling or order", async () => {
    await post(api, { id: decisionId });
    api.database.statements.reset();
    const respelled = await api.inject({ method: "POST", headers: json, payload: JSON.stringify({ query: `query ($id: ID!) {\n  decision(id: $id) {\n    id, title summary\n    withheld { field ground } } }`, variables: { id: decisionId } }) });
    expect(respelled.status).toBe(200);
    expect(ran(api.database)).toBe(0);
    const other = await post(api, { id: toGlobalId("Decision", "00000000-0000-4000-8000-000000000000") });
    expect(JSON.parse(other.body).data.decision).toBeNull();
    expect(ran(api.database)).toBeGreaterThan(0);
  });

  it("answers a conditional request with the current ETag 304 without running the query", async () => {
    const first = await post(api, { id: decisionId });
    api.database.statements.reset();
    const revalidated = await post(api, { id: decisionId }, { "if-none-match": first.headers["etag"] as string });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe("");
    expect(ran(api.database)).toBe(0);
  });

  it("keeps a researcher's answers apart from the anonymous public's, and never a staff answer", async () => {
    const researcher = { authorization: `Bearer ${await api.secretFor("RESEARCHER")}` };
    await post(api, { id: decisionId }, researcher);
    api.database.statements.reset();
    expect((await post(api, { id: decisionId }, researcher)).status).toBe(200);
    // The key is checked (one statement), the query is not run.
    expect(api.database.statements.statements.filter((text) => text.includes("disclosure.")).length).toBe(0);
    const editor = { authorization: `Bearer ${await api.secretFor("EDITOR")}` };
    await post(api, { id: decisionId }, editor);
    api.database.statements.reset();
    const staff = await post(api, { id: decisionId }, editor);
    expect(staff.headers["cache-control"]).toBe("private, no-store");
    expect(ran(api.database)).toBeGreaterThan(1);
  });

  it("keeps nothing read outside the public projection: a comment's receipt, or the caller's own key", async () => {
    for (const query of ['{ commentReceipt(number: "0000-0000-0000") { moderationState } }', "{ viewer { role } }"]) {
      const ask = () => api.inject({ method: "POST", headers: json, payload: JSON.stringify({ query }) });
      expect((await ask()).status).toBe(200);
      api.database.statements.reset();
      await ask();
      expect(ran(api.database), query).toBeGreaterThan(0);
    }
  });

  it("shows a change the public sees in the very next answer, and a withholding at once", async () => {
    await post(api, { id: decisionId });
    const before = await committedEpoch(api.database);
    await update({ title: "缓存之后改过的标题" });
    expect(await committedEpoch(api.database)).toBe(before + 1);
    expect(JSON.parse((await post(api, { id: decisionId })).body).data.decision.title).toBe("缓存之后改过的标题");
    await withholdSummary();
    const withheld = JSON.parse((await post(api, { id: decisionId })).body).data.decision;
    expect(withheld.summary).toBeNull();
    expect(withheld.withheld).toContainEqual({ field: "summary", ground: "PROCESS_INFORMATION" });
  });

  it("leaves the epoch alone for a change the public cannot see, so no cache emptied tells of it", async () => {
    // By now the summary is withheld (the test before): a new summary is a change out of public view.
    const kept = await post(api, { id: decisionId });
    const before = await committedEpoch(api.database);
    await update({ summary: "CANARY-unseen-summary-0713" });
    expect(await committedEpoch(api.database)).toBe(before);
    api.database.statements.reset();
    const after = await post(api, { id: decisionId });
    expect(after.body).toBe(kept.body);
    expect(after.body).not.toContain("CANARY");
    expect(ran(api.database)).toBe(0);
  });

});

describe("instances learn a new epoch from one another", () => {
  let writer: TestApi;
  beforeAll(async () => {
    writer = await TestApi.start({ responseCacheMb: 16 });
  });
  afterAll(() => writer.stop());

  /** A second instance on the same database, with an epoch of its own (PGlite's one connection is shared by both). */
  const beside = async (options: Parameters<typeof TestApi.beside>[1], wrap: (database: Database) => Database = (d) => d) =>
    writer.database.kind === "pglite" ? TestApi.on(wrap({ ...writer.database, epoch: new DisclosureEpoch(), close: async () => {} }), { responseCacheMb: 16, ...options })
      : TestApi.beside(writer, { responseCacheMb: 16, ...options, wrapDatabase: wrap });

  async function retitle(title: string, id: string): Promise<number> {
    const { decision } = await writer.dataAs<{ decision: { version: number } }>("EDITOR", `query($id: ID!) { decision(id: $id) { version } }`, { id });
    const done = await writer.dataAs("EDITOR", `mutation($input: DecisionUpdateInput!) { decisionUpdate(input: $input) { userErrors { code } } }`, { input: { id, expectedVersion: decision.version, title } });
    expect(done.decisionUpdate.userErrors).toEqual([]);
    return committedEpoch(writer.database);
  }

  const firstDecision = async () => toGlobalId("Decision", (await writer.database.query<{ id: string }>("SELECT id FROM disclosure.decisions ORDER BY id LIMIT 1"))[0]!.id);
  const titleThrough = async (target: TestApi, id: string) => (await target.data<{ decision: { title: string } }>(`query($id: ID!) { decision(id: $id) { title } }`, { id })).decision.title;

  /**
   * A reader keeps a decision's answer; `change` gives it a new title and says the epoch that committed
   * it. The reader comes to know that epoch, and then serves the new title, not the kept one.
   */
  async function readerFollows(reader: TestApi, change: (id: string) => Promise<{ epoch: number; title: string }>): Promise<void> {
    try {
      const id = await firstDecision();
      await titleThrough(reader, id);
      const { epoch, title } = await change(id);
      await vi.waitFor(() => expect(reader.database.epoch.current(performance.now(), 3_600_000)).toBe(epoch), { timeout: 20_000, interval: 10 });
      expect(await titleThrough(reader, id)).toBe(title);
    } finally {
      await reader.stop();
    }
  }

  it("by notification: a reader whose timer would not come for an hour serves the new title once it hears", async () => {
    await readerFollows(await beside({ epochPollMs: 3_600_000 }), async (id) => ({ epoch: await retitle("通知之后的标题", id), title: "通知之后的标题" }));
  });

  it("stops serving what it kept once the tables' owner writes directly (a reload, an operator's fix)", async () => {
    await readerFollows(await beside({ epochPollMs: 3_600_000 }), async () => {
      const before = await committedEpoch(writer.database);
      await writer.database.query("UPDATE decisions SET title = '直接改写的标题' WHERE id = (SELECT id FROM decisions ORDER BY id LIMIT 1)");
      const advanced = await committedEpoch(writer.database);
      expect(advanced).toBeGreaterThan(before);
      return { epoch: advanced, title: "直接改写的标题" };
    });
  });

  it("by its timer, when notifications are lost", async () => {
    await readerFollows(await beside({ epochPollMs: 50 }, deaf), async (id) => ({ epoch: await retitle("定时读到的标题", id), title: "定时读到的标题" }));
  });
});

describe("a kept answer and the rate limit", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ responseCacheMb: 16, rateLimits: { windowSeconds: 60, anonymous: 100 } });
  });
  afterAll(() => api.stop());

  it("costs no points: a budget that pays for a few runs serves the same answer on and on", async () => {
    const ask = (first: number) =>
      api.inject({ method: "POST", headers: json, remoteAddress: "203.0.113.77", payload: JSON.stringify({ query: "query($n: Int!) { decisions(first: $n) { nodes { id title } } }", variables: { n: first } }) });
    const ran = await ask(5);
    expect(ran.status).toBe(200);
    const spent = 100 - Number(ran.headers["x-ratelimit-remaining"]);
    expect(spent).toBeGreaterThan(1);
    const repeats = Math.ceil(100 / spent) + 3;
    for (let i = 0; i < repeats; i++) expect((await ask(5)).status).toBe(200);
    // Queries that run still pay: the budget left after the first is spent within as many new ones.
    const statuses: number[] = [];
    for (let n = 6; statuses.at(-1) !== 429 && n < 6 + repeats; n++) statuses.push((await ask(n)).status);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("the disclosure epoch in the database", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ responseCacheMb: 0 });
  });
  afterAll(() => api.stop());

  it("is advanced by a statement trigger on every table the public projection reads", async () => {
    const read = await api.database.query<{ table_name: string }>("SELECT DISTINCT table_name FROM information_schema.view_table_usage WHERE view_schema = 'disclosure' AND table_schema = 'public'");
    const triggered = await api.database.query<{ table_name: string }>(
      // Every table's INSERT, UPDATE and DELETE (the compliance reports' in a trigger each, which looks for a public row).
      "SELECT event_object_table AS table_name FROM information_schema.triggers WHERE trigger_name LIKE 'disclosure\\_epoch\\_on\\_%' AND action_orientation = 'STATEMENT' GROUP BY 1 HAVING count(DISTINCT event_manipulation) = 3",
    );
    expect(read.length).toBeGreaterThan(20);
    // Kept by the triggers of the tables it is derived from, in the same transaction.
    const derived = ["public_search_documents"];
    expect(triggered.map((t) => t.table_name).sort()).toEqual(expect.arrayContaining(read.map((t) => t.table_name).filter((name) => !derived.includes(name)).sort()));
  });

  it("advances once, at commit, however many statements wrote: a long transaction holds no other writer back", async () => {
    const before = await committedEpoch(api.database);
    const seenInside = await api.database.db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await tx.execute(sql`UPDATE public_bodies SET name = name WHERE id = (SELECT id FROM public_bodies ORDER BY id LIMIT 1)`);
      const [row] = await rowsOf<{ epoch: string; pending: number }>(tx as never, sql`SELECT epoch::text AS epoch, (SELECT count(*) FROM shared_state.disclosure_epoch_pending)::int AS pending FROM shared_state.disclosure_epoch`);
      return row!;
    });
    // Not yet advanced while the transaction ran (its row was not locked), noted once as pending.
    expect(Number(seenInside.epoch)).toBe(before);
    expect(seenInside.pending).toBe(1);
    expect(await committedEpoch(api.database)).toBe(before + 1);
    expect((await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM shared_state.disclosure_epoch_pending"))[0]!.n).toBe(0);
  });

  it("is left alone by a compliance refresh that rewrites only a hidden decision's staff report, and advanced by a public one's", async () => {
    const today = chinaDate(new Date());
    const reassessed = (id: string) => api.database.query<{ audience: string; assessed_on: string }>("SELECT audience::text, assessed_on::text FROM compliance_assessments WHERE decision_id = $1 ORDER BY audience", [id]);
    const dueToday = (id: string) => api.database.query("UPDATE compliance_assessments SET reassess_on = $2::date, assessed_on = '2000-01-01' WHERE decision_id = $1", [id, today]);
    await new ComplianceIndex(api.database).refresh(today);
    // A decision withheld whole: staff have its report, the public nothing of it.
    const [hidden] = await api.database.query<{ id: string }>("SELECT d.id FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM disclosure.decisions v WHERE v.id = d.id) ORDER BY d.id LIMIT 1");
    const [shown] = await api.database.query<{ id: string }>("SELECT id FROM disclosure.decisions ORDER BY id LIMIT 1");
    // Its reassessment day comes (set here by the tables' owner, which advances the epoch itself).
    await dueToday(hidden!.id);
    const before = await committedEpoch(api.database);
    await new ComplianceIndex(api.database).refresh(today);
    expect(await reassessed(hidden!.id)).toEqual([{ audience: "STAFF", assessed_on: today }]);
    expect(await committedEpoch(api.database)).toBe(before);
    // A public decision's day rewrites its public report too: the public may see that change.
    await dueToday(shown!.id);
    const beforePublic = await committedEpoch(api.database);
    await new ComplianceIndex(api.database).refresh(today);
    expect(await reassessed(shown!.id)).toEqual([{ audience: "PUBLIC", assessed_on: today }, { audience: "STAFF", assessed_on: today }]);
    expect(await committedEpoch(api.database)).toBe(beforePublic + 1);
  });

  it("is trusted only while the database confirms it: an instance cut off from the primary serves no kept answer", () => {
    const epoch = new DisclosureEpoch();
    expect(epoch.current(0, 5_000)).toBeNull();
    epoch.confirm(7, 1_000);
    expect(epoch.current(5_000, 5_000)).toBe(7);
    epoch.learn(9);
    epoch.learn(8);
    expect(epoch.current(5_000, 5_000)).toBe(9);
    expect(epoch.current(6_001, 5_000)).toBeNull();
  });
});
