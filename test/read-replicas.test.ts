import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { loadConfig } from "../src/config.js";
import { type Database, forPublic } from "../src/db/database.js";
import { openPostgres } from "../src/db/postgres.js";
import { rowsOf } from "../src/db/rows.js";
import { TestApi } from "./support/api.js";
import { databaseUrlFor } from "./support/database-url.js";
import { newDecision, references, write } from "./support/fixtures.js";
import { freePort, StreamingReplica } from "./support/streaming-replica.js";
import { TcpProxy } from "./support/tcp-proxy.js";

/**
 * Read replicas on a real streaming replica (run when DATABASE_URL is set; see vitest.config.ts): a
 * second cluster made with pg_basebackup -R from the server at DATABASE_URL, on another port. Two
 * instances (A and B) read from it; a third (P) knows no replica, so that a write through P is not
 * waited for and the replica can be held behind the primary (replay paused) to show where a read came from.
 */
const adminUrl = process.env.DATABASE_URL!;
const name = `rep_replicas_${process.pid}`;
const primaryUrl = databaseUrlFor(adminUrl, name);

const DECISION = `query($id: ID!) { node(id: $id) { ... on Decision { title budgetYuan withheld { field } } } }`;

describe("DATABASE_READ_URL", () => {
  it("names replicas comma-separated, and only beside a DATABASE_URL", () => {
    const primary = "postgres://u@db:5432/d";
    expect(loadConfig({ DATABASE_URL: primary }).databaseReadUrls).toEqual([]);
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: " postgres://u@r1/d, postgres://u@r2/d ," }).databaseReadUrls).toEqual(["postgres://u@r1/d", "postgres://u@r2/d"]);
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://u@r1/d" })).toThrow(/set DATABASE_URL to their primary/);
  });
});

describe("read replicas (a real streaming replica)", () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let replica: StreamingReplica | undefined;
  let onReplica: postgres.Sql;
  const opened: Database[] = [];
  const apis: TestApi[] = [];
  let a: TestApi;
  let b: TestApi;
  let p: TestApi;

  const instance = async (readUrls: string[], options: Parameters<typeof openPostgres>[1] = {}, apiOptions: Parameters<typeof TestApi.on>[1] = {}) => {
    const database = openPostgres(primaryUrl, { max: 2, privilegedMax: 2, consistentReadsMax: 2, ...options }, readUrls);
    opened.push(database);
    const api = await TestApi.on(database, apiOptions);
    apis.push(api);
    return api;
  };
  /** The replica has replayed everything the primary has written so far (the event, not a duration). */
  const replicaCaughtUp = async () => {
    const [{ lsn }] = await admin.unsafe<[{ lsn: string }]>("SELECT pg_current_wal_lsn()::text AS lsn");
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const [{ replayed }] = await onReplica.unsafe<[{ replayed: boolean }]>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed", [lsn]);
      if (replayed) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the replica did not replay the primary's WAL within a minute");
  };
  const pauseReplay = () => onReplica.unsafe("SELECT pg_wal_replay_pause()");
  const resumeReplay = () => onReplica.unsafe("SELECT pg_wal_replay_resume()");
  const applyDelay = async (delay: string) => {
    await onReplica.unsafe(`ALTER SYSTEM SET recovery_min_apply_delay = '${delay}'`);
    await onReplica.unsafe("SELECT pg_reload_conf()");
  };

  beforeAll(async () => {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    replica = await StreamingReplica.start(adminUrl);
    onReplica = postgres(replica.urlFor(primaryUrl), { max: 1, onnotice: () => {} });
    await replicaCaughtUp();
    const replicaUrl = replica.urlFor(primaryUrl);
    a = await instance([replicaUrl]);
    b = await instance([replicaUrl]);
    p = await instance([]);
  });

  afterAll(async () => {
    for (const api of apis) await api.stop().catch(() => undefined);
    await Promise.all(opened.map((database) => database.close().catch(() => undefined)));
    await onReplica?.end().catch(() => undefined);
    await replica?.stop();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("runs the public's reads on the standby, as the restricted role, in a read-only session", async () => {
    const [row] = await forPublic(opened[0]!).readDisclosed((db) =>
      rowsOf<{ standby: boolean; role: string; readOnly: string }>(db, sql`SELECT pg_is_in_recovery() AS standby, current_user AS role, current_setting('transaction_read_only') AS "readOnly"`),
    );
    expect(row).toEqual({ standby: true, role: "disclosure_reader", readOnly: "on" });
    const [snapshot] = await forPublic(opened[0]!).readDisclosedSnapshot((db) => rowsOf<{ standby: boolean }>(db, sql`SELECT pg_is_in_recovery() AS standby`));
    expect(snapshot).toEqual({ standby: true });
  });

  it("answers the public from the replica, the writer from the primary; the public sees the write once replayed", async () => {
    await replicaCaughtUp();
    await pauseReplay();
    try {
      // Written through P, which waits for no replica: the paused replica does not have it.
      const decision = await newDecision(p, 901, { budgetYuan: 1_500_000 });
      const [{ onPrimary }] = await admin.unsafe<[{ onPrimary: string }]>("SELECT pg_current_wal_lsn()::text AS \"onPrimary\"");
      const [{ behind }] = await onReplica.unsafe<[{ behind: boolean }]>("SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind", [onPrimary]);
      expect(behind).toBe(true);
      // The writer reads its write (staff read on the primary), through either instance.
      expect((await p.dataAs("EDITOR", DECISION, { id: decision.id })).node.title).toBe("測試決策第901號");
      expect((await a.dataAs("EDITOR", DECISION, { id: decision.id })).node.title).toBe("測試決策第901號");
      // The public, through A and B, reads the replica, which does not have it yet; through P, the primary, which has.
      expect((await a.data(DECISION, { id: decision.id })).node).toBeNull();
      expect((await b.as("RESEARCHER", DECISION, { id: decision.id })).data!.node).toBeNull();
      expect((await p.data(DECISION, { id: decision.id })).node.title).toBe("測試決策第901號");
      // The files too: read from the replica through A.
      const fromReplica = await a.get("/open-data/decisions.csv");
      const fromPrimary = await p.get("/open-data/decisions.csv");
      expect([fromReplica.status, fromPrimary.status]).toEqual([200, 200]);
      expect(fromReplica.body).not.toContain("測試決策第901號");
      expect(fromPrimary.body).toContain("測試決策第901號");
      await resumeReplay();
      await replicaCaughtUp();
      expect((await a.data(DECISION, { id: decision.id })).node.title).toBe("測試決策第901號");
      expect((await a.get("/open-data/decisions.csv")).body).toContain("測試決策第901號");
    } finally {
      await resumeReplay();
    }
  });

  it("answers a write only once the replica has applied it: a withholding made through A is withheld through B at once", async () => {
    const decision = await newDecision(p, 902, { budgetYuan: 2_500_000 });
    await replicaCaughtUp();
    expect((await b.data(DECISION, { id: decision.id })).node.budgetYuan).toBe(2_500_000);
    // The replica applies each commit two seconds late: without the wait, B would read the budget.
    await applyDelay("2s");
    try {
      await withholdBudget(a, decision.id);
      // No waiting here: the write's answer came after the replica had replayed it.
      const seen = (await b.data(DECISION, { id: decision.id })).node;
      expect(seen.budgetYuan).toBeNull();
      expect(seen.withheld.map((notice: { field: string }) => notice.field)).toContain("budgetYuan");
      expect((await b.get("/open-data/decisions.csv")).body).not.toContain("2500000");
    } finally {
      await applyDelay("0");
    }
  });

  it("brings the compliance reports up to date on the primary and reads them from the replica once it has them", async () => {
    await applyDelay("1s");
    try {
      const decision = await newDecision(a, 905);
      // B brings the reports up to date for the new decision, then reads the file from the replica.
      const file = await b.get("/open-data/compliance-results.csv");
      expect(file.status, file.body).toBe(200);
      expect(file.body).toContain(decision.id);
    } finally {
      await applyDelay("0");
    }
  });

  it("stops reading from a replica that could not be seen to apply a write, until it has", async () => {
    // A short wait for the replica: a public statement's timeout.
    const writer = await instance([replica!.urlFor(primaryUrl)], { statementTimeoutMs: 1_000 });
    const decision = await newDecision(p, 903, { budgetYuan: 3_500_000 });
    await replicaCaughtUp();
    expect((await writer.data(DECISION, { id: decision.id })).node.budgetYuan).toBe(3_500_000);
    await pauseReplay();
    try {
      await withholdBudget(writer, decision.id);
      // The replica still holds the value; the writer's instance no longer reads there.
      const [held] = await onReplica.unsafe<{ budget: string | null }[]>("SELECT budget_yuan::text AS budget FROM disclosure.decisions WHERE title = '測試決策第903號'");
      expect(held!.budget).not.toBeNull();
      expect((await writer.data(DECISION, { id: decision.id })).node.budgetYuan).toBeNull();
      expect((await writer.get("/open-data/decisions.csv")).body).not.toContain("3500000");
    } finally {
      await resumeReplay();
    }
  });

  it("keeps no region a replica read before it had reached the epoch the instance knows", async () => {
    const reader = await instance([replica!.urlFor(primaryUrl)], {}, { responseCacheMb: 16, sharedNodes: true });
    const decision = await newDecision(p, 907);
    await replicaCaughtUp();
    // Each time another document, so that no kept answer is served: the region is read, or taken from the kept nodes.
    const regionOf = async (n: number) => {
      const found = await reader.data(`query($id: ID!) { node(id: $id) { ... on Decision { r${n}: region { name } } } }`, { id: decision.id });
      return found.node[`r${n}`].name as string;
    };
    const kept = await regionOf(1);
    await pauseReplay();
    try {
      // Renamed on the primary as its owner: the epoch advances, the reader hears of it; the paused replica has neither.
      await p.database.query("UPDATE regions SET name = '副本之后的名字' WHERE id = (SELECT region_id FROM decisions WHERE title = '測試決策第907號')");
      const epoch = (await p.database.query<{ epoch: string }>("SELECT epoch::text AS epoch FROM shared_state.disclosure_epoch"))[0]!.epoch;
      await vi.waitFor(() => expect(reader.database.epoch.current(performance.now(), 3_600_000)).toBe(Number(epoch)), { timeout: 20_000, interval: 10 });
      // Read from the replica under the new epoch: the old name, which must not be kept under it.
      expect(await regionOf(2)).toBe(kept);
    } finally {
      await resumeReplay();
    }
    await replicaCaughtUp();
    expect(await regionOf(3)).toBe("副本之后的名字");
  });

  it("keeps serving the public when a replica in use goes away", async () => {
    const proxy = new TcpProxy({ host: "127.0.0.1", port: replica!.port });
    await proxy.start();
    try {
      const reader = await instance([`postgres://postgres@127.0.0.1:${proxy.port}/${name}`]);
      const decision = await newDecision(p, 906);
      await replicaCaughtUp();
      expect((await reader.data(DECISION, { id: decision.id })).node.title).toBe("測試決策第906號");
      await proxy.stop();
      expect((await reader.data(DECISION, { id: decision.id })).node.title).toBe("測試決策第906號");
      const file = await reader.get("/open-data/decisions.csv");
      expect(file.status).toBe(200);
      expect(file.body).toContain("測試決策第906號");
    } finally {
      await proxy.stop().catch(() => undefined);
    }
  });

  it("serves the public from the primary while a replica cannot be reached", async () => {
    const down = `postgres://postgres@127.0.0.1:${await freePort()}/${name}`;
    const lonely = await instance([down], { connectTimeoutSeconds: 2 });
    const refs = await references(lonely);
    expect(refs.town).toMatch(/.+/);
    const file = await lonely.get("/open-data/decisions.csv");
    expect(file.status).toBe(200);
    expect(file.body).toContain("測試決策第901號");
    const decision = await newDecision(lonely, 904);
    expect((await lonely.data(DECISION, { id: decision.id })).node.title).toBe("測試決策第904號");
    // The operator sees it: no replica serving, reads moved to the primary.
    const metrics = (await lonely.get("/metrics")).body;
    expect(metrics).toMatch(/^db_read_replicas\{state="configured"\} 1$/m);
    expect(metrics).toMatch(/^db_read_replicas\{state="serving"\} 0$/m);
    expect(Number(/^db_replica_fallbacks_total (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThan(0);
  });
});

async function withholdBudget(api: TestApi, decisionId: string): Promise<void> {
  const refs = await references(api);
  await write(api, "EDITOR", "withholdingCreate", {
    recordId: decisionId,
    field: "budgetYuan",
    ground: "COMMERCIAL_SECRET",
    article: "《政府信息公開條例》第十五條",
    explanation: "中標單位報價，涉及商業秘密。",
    decidedByBodyId: refs.cityGovernment,
    reviewDue: "2027-06-30",
  }, "id");
}
