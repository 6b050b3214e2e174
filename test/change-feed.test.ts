import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import { datasets } from "../src/open-data/datasets.js";
import { TestApi } from "./support/api.js";
import { newDecision, references, write } from "./support/fixtures.js";

type Row = Record<string, unknown> & { id: string; decisionId?: string };
type Mirror = Map<string, Map<string, Row>>;

// The files of records, which the feed names by id. Compliance results are derived from a decision's
// whole file and have no id of their own: a copy reads them again for the decisions the feed names.
const byDecision = datasets.filter((d) => d.byDecision && d.columns.some((c) => c.name === "id"));

describe("the change feed keeps a bulk copy exactly in step", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => new Date("2026-02-10T04:00:00Z") });
  });
  afterAll(() => api.stop());

  const ndjson = async (path: string) => {
    const response = await api.get(path);
    expect(response.status, path).toBe(200);
    return { rows: response.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row), headers: response.headers };
  };
  const bulk = async (): Promise<{ mirror: Mirror; cursor: string }> => {
    const mirror: Mirror = new Map();
    let cursor = "";
    for (const dataset of byDecision) {
      const { rows, headers } = await ndjson(`/open-data/${dataset.name}.ndjson`);
      cursor ||= String(headers["x-changes-cursor"]);
      mirror.set(dataset.name, new Map(rows.map((row) => [row.id, row])));
    }
    return { mirror, cursor };
  };

  it("loads the bulk files, follows the feed through writes made by the API, and ends with a fresh bulk file's data", async () => {
    const { mirror, cursor } = await bulk();
    expect(cursor).toBeTruthy();
    const refs = await references(api);

    // Writes through the API, of every kind of change.
    const decision = await newDecision(api, 1201);
    const renamed = await write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, title: "改名" }, "id version updatedAt");
    const same = await write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: renamed.version, title: "改名" }, "id version updatedAt");
    expect(same).toEqual(renamed); // re-saving identical content bumps nothing
    const consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-02-01", closesOn: "2026-03-05" });
    const receipt = await write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "同步測試意見", stakeholderCategory: "INDIVIDUAL" }, "id");
    await write(api, "EDITOR", "commentModerate", { id: receipt.id, expectedVersion: 1, decision: "PUBLISH" });
    const item = await write(api, "EDITOR", "basisItemCreate", { decisionId: decision.id, kind: "LEGAL", position: 1, title: "將撤回" });
    await write(api, "EDITOR", "recordWithdraw", { id: item.id, expectedVersion: item.version, reason: "錄入錯誤。" }, "id");

    const [open] = await api.database.query<{ id: string }>("SELECT d.id FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.decision_id = d.id) AND EXISTS (SELECT 1 FROM risk_assessments r WHERE r.decision_id = d.id) LIMIT 1");
    const [risk] = await api.database.query<{ id: string }>("SELECT id FROM risk_assessments WHERE decision_id = $1 LIMIT 1", [open!.id]);
    const withhold = (recordId: string, field: string | null) =>
      write(api, "EDITOR", "withholdingCreate", { recordId, field, ground: "ENDANGERS_SECURITY_OR_STABILITY", article: "第十四條", explanation: "維穩。", decidedByBodyId: refs.cityGovernment, reviewDue: "2030-01-01" }, "id");
    await withhold(toGlobalId("Decision", open!.id), "summary");
    // Editing only the withheld summary moves no public time and shows as WITHHELD, without the value.
    const readOpen = () => api.data(`query($id: ID!) { decision(id: $id) { updatedAt } }`, { id: toGlobalId("Decision", open!.id) });
    const publicTime = (await readOpen()).decision.updatedAt;
    const staffView = await api.dataAs("EDITOR", `query($id: ID!) { decision(id: $id) { version } }`, { id: toGlobalId("Decision", open!.id) });
    const feedLength = async () => (await ndjson(`/open-data/changes.ndjson?after=${cursor}`)).rows.length;
    const entriesBefore = await feedLength();
    await write(api, "EDITOR", "decisionUpdate", { id: toGlobalId("Decision", open!.id), expectedVersion: staffView.decision.version, summary: "不公開的新摘要" });
    expect((await readOpen()).decision.updatedAt).toBe(publicTime);
    // An edit of withheld material only leaves no entry at all, not even one saying "something withheld changed".
    expect(await feedLength()).toBe(entriesBefore);
    await withhold(toGlobalId("RiskAssessment", risk!.id), null);
    const [dissent] = await api.database.query<{ id: string }>("SELECT id FROM withholdings WHERE field = 'dissent' AND released_at IS NULL LIMIT 1");
    await write(api, "EDITOR", "withholdingRelease", { id: toGlobalId("Withholding", dissent!.id), reason: "復核後公開。" }, "id");
    const [another] = await api.database.query<{ id: string }>("SELECT d.id FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.decision_id = d.id) AND d.id <> $1 LIMIT 1", [open!.id]);
    await withhold(toGlobalId("Decision", another!.id), null);

    // Follow the feed; refetch the file of every decision it names.
    const { rows: changes } = await ndjson(`/open-data/changes.ndjson?after=${cursor}`);
    expect(changes.length).toBeGreaterThan(5);
    // The risk assessment was public before it was withheld whole: the entry names it, so copies drop it.
    expect(changes).toContainEqual(expect.objectContaining({ recordId: toGlobalId("RiskAssessment", risk!.id), kind: "WITHHELD" }));
    expect(changes).toContainEqual(expect.objectContaining({ recordId: toGlobalId("Decision", another!.id), kind: "WITHHELD" }));
    // Its summary withheld, then a part of it withheld whole (a notice on the decision): two entries.
    expect(changes.filter((c) => c.recordId === toGlobalId("Decision", open!.id)).map((c) => c.kind)).toEqual(["WITHHELD", "WITHHELD"]);
    expect(changes).toContainEqual(expect.objectContaining({ recordId: item.id, kind: "WITHDRAWN" }));
    expect(JSON.stringify(changes)).not.toContain("不公開的新摘要");
    const graph = await api.data(`query($after: String) { changes(after: $after, first: 100) { totalCount generatedAt nodes { cursor recordId kind } } }`, { after: cursor });
    expect(graph.changes.nodes.map((c: { cursor: string }) => c.cursor)).toEqual(changes.map((c) => c.cursor));
    expect(graph.changes.totalCount).toBe(changes.length);
    expect(graph.changes.generatedAt).toBe("2026-02-10T04:00:00.000Z");

    for (const decisionId of new Set(changes.map((c) => c.decisionId as string))) {
      for (const dataset of byDecision) {
        const rows = mirror.get(dataset.name)!;
        for (const [id, row] of rows) if ((dataset.byDecision === "self" ? row.id : row.decisionId) === decisionId) rows.delete(id);
        for (const row of (await ndjson(`/open-data/${dataset.name}.ndjson?decisionId=${decisionId}`)).rows) rows.set(row.id, row);
      }
    }
    const fresh = await bulk();
    for (const dataset of byDecision) expect(mirror.get(dataset.name), dataset.name).toEqual(fresh.mirror.get(dataset.name));
    // The feed moved on: the fresh file says where it stands.
    expect(fresh.cursor).toBe(changes.at(-1)!.cursor);

    // What the feed has served never changes, whatever happens later (here: the decision withheld whole).
    await withhold(decision.id, null);
    const again = (await ndjson(`/open-data/changes.ndjson?after=${cursor}`)).rows;
    expect(again.slice(0, changes.length)).toEqual(changes);
    // Every record of it leaves public view, the decision first.
    expect(again[changes.length]).toMatchObject({ recordId: decision.id, kind: "WITHHELD" });
    expect(again.slice(changes.length).every((c) => c.decisionId === decision.id && c.kind === "WITHHELD")).toBe(true);
    // Cursors count only public entries: consecutive, whatever was hidden in between.
    const positions = again.map((c) => Number(/^change:(\d+)$/.exec(Buffer.from(c.cursor as string, "base64url").toString())![1]));
    positions.forEach((p, i) => i > 0 && expect(p).toBe(positions[i - 1]! + 1));
  });

  it("refuses a cursor that is not the feed's", async () => {
    expect((await api.get("/open-data/changes.ndjson?after=nope")).status).toBe(400);
    expect((await api.anonymous(`{ changes(after: "nope") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("a decision's last public activity, and the feed from a time", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const feed = async (query: string) => {
    const response = await api.get(`/open-data/changes.ndjson?${query}`);
    expect(response.status, response.body).toBe(200);
    return response.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row & { occurredAt: string; cursor: string; kind: string; recordId: string });
  };
  const read = async (id: string) => (await api.data(`query($id: ID!) { decision(id: $id) { updatedAt lastActivityAt } }`, { id })).decision as { updatedAt: string; lastActivityAt: string };
  const found = async (filter: object, orderBy?: object) =>
    (await api.data(`query($f: DecisionFilter, $o: DecisionOrder) { decisions(filter: $f, orderBy: $o, first: 100) { totalCount nodes { id } } }`, { f: filter, o: orderBy })).decisions as { totalCount: number; nodes: { id: string }[] };
  const later = (time: string, ms = 1) => new Date(Date.parse(time) + ms).toISOString();

  it("moves lastActivityAt with a new consultation of an old decision, finds it by lastActivitySince and by the feed since that time", async () => {
    const [old] = await api.database.query<{ id: string }>(
      "SELECT d.id FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.decision_id = d.id) AND d.withdrawn_at IS NULL ORDER BY d.catalog_year, d.catalog_number LIMIT 1",
    );
    const id = toGlobalId("Decision", old!.id);
    const before = await read(id);
    // Loaded in bulk: the decision's last activity is its own last change.
    expect(before.lastActivityAt).toBe(before.updatedAt);
    const consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: id, method: "HEARING", opensOn: "2026-03-01", closesOn: "2026-03-01" });
    const entry = (await feed("")).find((e) => e.recordId === consultation.id)!;
    expect(entry).toMatchObject({ kind: "CREATED", decisionId: id });
    const after = await read(id);
    // The decision's own fields did not change; its file did.
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.lastActivityAt).toBe(entry.occurredAt);
    expect(Date.parse(after.lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));

    // The filters and the order.
    expect((await found({ lastActivitySince: entry.occurredAt })).nodes.map((n) => n.id)).toContain(id);
    expect((await found({ lastActivitySince: later(entry.occurredAt) })).nodes.map((n) => n.id)).not.toContain(id);
    expect((await found({ lastActivityBefore: entry.occurredAt })).nodes.map((n) => n.id)).not.toContain(id);
    expect((await found({ lastActivitySince: entry.occurredAt, lastActivityBefore: later(entry.occurredAt) })).nodes.map((n) => n.id)).toEqual([id]);
    expect((await found({ updatedSince: entry.occurredAt })).nodes.map((n) => n.id)).not.toContain(id);
    expect((await found({}, { field: "LAST_ACTIVITY_AT", direction: "DESC" })).nodes[0]!.id).toBe(id);
    // The decisions file says the same.
    const [row] = (await api.get(`/open-data/decisions.ndjson?decisionId=${id}`)).body.split("\n").filter(Boolean).map((line) => JSON.parse(line));
    expect(row.lastActivityAt).toBe(entry.occurredAt);
    // Every file's rows of the decisions active since a time: the consultation's among them, then not.
    const consultations = async (since: string) => (await api.get(`/open-data/consultations.ndjson?lastActivitySince=${encodeURIComponent(since)}`)).body;
    expect(await consultations(entry.occurredAt)).toContain(consultation.id);
    expect(await consultations(later(entry.occurredAt))).not.toContain(consultation.id);
    expect((await api.get("/open-data/decisions.ndjson?lastActivitySince=2026-01-01")).status).toBe(400);
    expect((await api.get("/open-data/regions.ndjson?lastActivitySince=2026-01-01T00:00:00Z")).status).toBe(400);

    // The feed from that time: the entry, and nothing older, in the file and in the graph alike.
    const since = await feed(`since=${encodeURIComponent(entry.occurredAt)}`);
    expect(since.map((e) => e.cursor)).toContain(entry.cursor);
    expect(since.every((e) => e.occurredAt >= entry.occurredAt)).toBe(true);
    expect((await feed(`since=${encodeURIComponent(later(entry.occurredAt))}`)).map((e) => e.cursor)).not.toContain(entry.cursor);
    const graph = await api.data(`query($s: DateTimeISO) { changes(since: $s, first: 100) { totalCount nodes { cursor occurredAt } } }`, { s: entry.occurredAt });
    expect(graph.changes.nodes.map((c: { cursor: string }) => c.cursor)).toEqual(since.map((e) => e.cursor));
    expect(graph.changes.totalCount).toBe(since.length);
    // With a cursor as well, both hold: after the entry itself, from the same time.
    const resumed = await api.data(`query($s: DateTimeISO, $a: String) { changes(since: $s, after: $a) { nodes { cursor } } }`, { s: entry.occurredAt, a: entry.cursor });
    expect(resumed.changes.nodes.map((c: { cursor: string }) => c.cursor)).toEqual(since.slice(since.findIndex((e) => e.cursor === entry.cursor) + 1).map((e) => e.cursor));
    expect((await feed(`since=${encodeURIComponent(entry.occurredAt)}&after=${entry.cursor}`)).map((e) => e.cursor)).toEqual(resumed.changes.nodes.map((c: { cursor: string }) => c.cursor));
  });

  it("moves neither lastActivityAt nor the feed when only a withheld value changes, and finds nothing by a withheld budget", async () => {
    const refs = await references(api);
    const [decision] = await api.database.query<{ id: string; budget: string }>(
      "SELECT d.id, d.budget_yuan::text AS budget FROM decisions d WHERE d.budget_yuan IS NOT NULL AND NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.decision_id = d.id) AND d.withdrawn_at IS NULL ORDER BY d.id LIMIT 1",
    );
    const id = toGlobalId("Decision", decision!.id);
    const byBudget = (yuan: number) => found({ budgetYuan: { min: yuan, max: yuan } });
    expect((await byBudget(Number(decision!.budget))).nodes.map((n) => n.id)).toContain(id);
    await write(api, "EDITOR", "withholdingCreate", { recordId: id, field: "budgetYuan", ground: "COMMERCIAL_SECRET", article: "第十五條", explanation: "商業秘密。", decidedByBodyId: refs.cityGovernment, reviewDue: "2030-01-01" }, "id");
    // Withholding is itself a public change: the notice appears.
    const withheld = await read(id);
    const last = (await feed("")).filter((e) => e.decisionId === id).at(-1)!;
    expect(last.kind).toBe("WITHHELD");
    expect(withheld.lastActivityAt).toBe(last.occurredAt);
    expect((await byBudget(Number(decision!.budget))).totalCount).toBe(0);

    // Now the withheld budget changes: nothing public moves.
    const { decision: staff } = await api.dataAs("EDITOR", `query($id: ID!) { decision(id: $id) { version } }`, { id });
    const secret = 123_456_789.01;
    await write(api, "EDITOR", "decisionUpdate", { id, expectedVersion: staff.version, budgetYuan: secret });
    expect(await read(id)).toEqual(withheld);
    expect((await feed(`since=${encodeURIComponent(later(last.occurredAt))}`)).filter((e) => e.decisionId === id)).toEqual([]);
    expect((await found({ lastActivitySince: later(last.occurredAt) })).nodes.map((n) => n.id)).not.toContain(id);
    expect((await byBudget(secret)).totalCount).toBe(0);
    expect((await found({ budgetYuan: { min: secret - 1 } })).nodes.map((n) => n.id)).not.toContain(id);
    // Staff read the tables: theirs is the real budget, and the same public last activity.
    const staffFound = await api.dataAs("EDITOR", `query($f: DecisionFilter) { decisions(filter: $f, first: 5) { nodes { id lastActivityAt } } }`, { f: { budgetYuan: { min: secret, max: secret } } });
    expect(staffFound.decisions.nodes).toEqual([{ id, lastActivityAt: withheld.lastActivityAt }]);
  });

  it("refuses a time that is not one, saying what it wants, and changes nothing", async () => {
    for (const since of ["nope", "2026-01-01", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "0000-01-01T00:00:00Z"]) {
      const response = await api.get(`/open-data/changes.ndjson?since=${encodeURIComponent(since)}`);
      expect(response.status, since).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ error: { code: "BAD_USER_INPUT", message: "since must be an ISO 8601 date and time with its offset, e.g. 2026-01-01T00:00:00Z." } });
    }
    expect((await api.get("/open-data/changes.ndjson?from=2026-01-01T00:00:00Z")).status).toBe(400);
    for (const since of ["nope", "2026-02-30T00:00:00Z"]) {
      const response = await api.anonymous(`query($s: DateTimeISO) { changes(since: $s) { totalCount } }`, { s: since });
      expect(response.errors?.[0]?.extensions?.code, response.raw).toBe("BAD_USER_INPUT");
      expect(response.raw).not.toMatch(/stack|at \w+ \(/i);
    }
    for (const filter of [{ lastActivitySince: "yesterday" }, { lastActivityBefore: "2026-13-01T00:00:00Z" }]) {
      const response = await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f, first: 1) { totalCount } }`, { f: filter });
      expect(response.errors?.[0]?.extensions?.code, response.raw).toBe("BAD_USER_INPUT");
    }
  });
});
