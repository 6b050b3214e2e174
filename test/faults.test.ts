import { type FastifyInstance } from "fastify";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleData } from "../seeds/load.js";
import { type Database } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { openPostgres } from "../src/db/postgres.js";
import { rowsOf } from "../src/db/rows.js";
import { createKey } from "../src/access/api-key.service.js";
import { sql } from "drizzle-orm";
import { buildServer } from "../src/server.js";
import { databaseUrlFor } from "./support/database-url.js";
import { TcpProxy } from "./support/tcp-proxy.js";

/**
 * Faults of a real PostgreSQL server (run when DATABASE_URL is set; see vitest.config.ts): the server
 * reaches PostgreSQL through a TCP proxy that the test can cut (the database "stops") and restore,
 * while the test holds locks and kills backends from a connection of its own.
 */
const adminUrl = process.env.DATABASE_URL!;

describe("faults of the database (real PostgreSQL)", () => {
  const name = `decisions_faults_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let direct: ReturnType<typeof postgres>;
  let proxy: TcpProxy;
  let database: Database;
  let app: FastifyInstance;

  const ask = async (query = "{ decisions(first: 3) { totalCount nodes { id title } } }", server = app) => {
    const response = await server.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query }) });
    return { status: response.statusCode, body: JSON.parse(response.body) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] }, raw: response.body, headers: response.headers };
  };
  /** Waits until `check` holds, however long a busy machine takes (the test's timeout guards against a hang). */
  const eventually = async (check: () => Promise<boolean>) => {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
    return true;
  };
  /** Holds the decisions table until the returned function is called. */
  const holdDecisions = async (): Promise<() => Promise<void>> => {
    const reserved = await direct.reserve();
    await reserved`BEGIN`;
    await reserved`LOCK TABLE public.decisions IN ACCESS EXCLUSIVE MODE`;
    return async () => {
      await reserved`ROLLBACK`;
      reserved.release();
    };
  };

  beforeAll(async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(databaseUrlFor(adminUrl, name));
    direct = postgres(url.toString(), { max: 2, onnotice: () => {} });
    proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.start();
    // The data goes in directly; only the server under test goes through the proxy.
    const setup = openPostgres(url.toString());
    await migrate(setup);
    await loadSampleData(setup);
    await setup.close();
    url.port = String(proxy.port);
    database = openPostgres(url.toString(), { max: 2, statementTimeoutMs: 3_000, staffStatementTimeoutMs: 3_000, idleInTransactionTimeoutMs: 7_000, acquireTimeoutMs: 300 });
    // The database path is what faults here: no kept answer may stand in for it (response-cache.test.ts).
    app = await buildServer({ database, responseCacheMb: 0 });
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await database.close();
    await direct.end({ timeout: 1 });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("answers 503 with a code while the database is gone, stays up, and recovers by itself when it returns", async () => {
    expect((await ask()).status).toBe(200);
    await proxy.stop();
    const down = await ask();
    expect(down.status).toBe(503);
    expect(down.headers["retry-after"]).toBe("5");
    expect(down.body.errors![0]!.extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(down.raw).not.toMatch(/ECONNREFUSED|select|127\.0\.0\.1|postgres/i);
    expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(503);
    expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    await proxy.start();
    expect(await eventually(async () => (await ask()).status === 200)).toBe(true);
    expect((await app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
  });

  it("answers 503 when its connection is killed mid-request, and the next request is served", async () => {
    const release = await holdDecisions();
    const inFlight = ask();
    expect(await eventually(async () => (await direct`SELECT 1 FROM pg_stat_activity WHERE datname = ${name} AND application_name = 'decisions-api' AND wait_event_type = 'Lock'`).length > 0)).toBe(true);
    await direct`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name} AND application_name = 'decisions-api'`;
    const killed = await inFlight;
    await release();
    expect(killed.status).toBe(503);
    expect(killed.body.errors![0]!.extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(await eventually(async () => (await ask()).status === 200)).toBe(true);
  });

  it("stops a slow public query at the statement timeout, and the connection serves the next request", async () => {
    const release = await holdDecisions();
    const started = Date.now();
    const slow = await ask();
    const took = Date.now() - started;
    await release();
    expect(slow.status).toBe(503);
    expect(slow.body.errors![0]!.extensions.code).toBe("QUERY_TIMEOUT");
    // Not before the statement timeout (3 s); how long after it depends on the machine, so is not asserted.
    expect(took).toBeGreaterThanOrEqual(2_900);
    // The pool (max 2, and each of these requests reads twice at once) has its connections back.
    for (let i = 0; i < 3; i++) expect((await ask()).status).toBe(200);
  });

  it("stops a keyed request's query at the staff statement timeout, and the next keyed request is served", async () => {
    const { secret } = await database.asWriter((db) => createKey(db, "值班編輯", "EDITOR"));
    const keyed = async () => {
      const response = await app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, payload: JSON.stringify({ query: "{ decisions(first: 3) { totalCount nodes { id title } } }" }) });
      return { status: response.statusCode, body: JSON.parse(response.body) as { errors?: { extensions: { code: string } }[] } };
    };
    const release = await holdDecisions();
    const started = Date.now();
    const slow = await keyed();
    const took = Date.now() - started;
    await release();
    expect(slow.status).toBe(503);
    expect(slow.body.errors![0]!.extensions.code).toBe("QUERY_TIMEOUT");
    expect(took).toBeGreaterThanOrEqual(2_900);
    expect((await keyed()).status).toBe(200);
  });

  it("gives every pool's sessions the idle-in-transaction timeout it was configured with", async () => {
    const [privileged] = await database.query<{ value: string }>("SELECT current_setting('idle_in_transaction_session_timeout') AS value");
    expect(privileged!.value).toBe("7s");
    const [publicSession] = await database.readDisclosed((db) => rowsOf<{ value: string }>(db, sql`SELECT current_setting('idle_in_transaction_session_timeout') AS value`));
    expect(publicSession!.value).toBe("7s");
    const [consistent] = await database.readDisclosedSnapshot((db) => rowsOf<{ value: string }>(db, sql`SELECT current_setting('idle_in_transaction_session_timeout') AS value`));
    expect(consistent!.value).toBe("7s");
  });

  it("fails fast when every connection is taken, instead of queueing without end", async () => {
    // An instance whose statements outlast the test: on a busy machine the holders below could
    // otherwise reach their statement timeout before both are seen holding their connections.
    const patient = openPostgres(databaseUrlFor(adminUrl, name), { max: 2, statementTimeoutMs: 120_000, acquireTimeoutMs: 300 });
    const server = await buildServer({ database: patient, responseCacheMb: 0 });
    const release = await holdDecisions();
    try {
      // More requests than connections, each reading the held table: every connection is taken
      // (each waits on the lock until it is released).
      const holders = [ask(undefined, server), ask(undefined, server), ask(undefined, server)];
      // A holder gives its connection back when its statement ends (at the release); one more
      // holder than connections is itself refused as busy.
      let connectionsGivenBack = 0;
      for (const holder of holders) void holder.then((answer) => answer.body.errors?.[0]?.extensions.code !== "SERVICE_UNAVAILABLE" && connectionsGivenBack++);
      // Both public connections (max 2) waiting on the lock: a request's first statement is its budget's,
      // on the privileged pool, so the holders reach the public pool one after another.
      expect(await eventually(async () => (await direct`SELECT 1 FROM pg_stat_activity WHERE datname = ${name} AND application_name = 'decisions-api' AND wait_event_type = 'Lock' AND backend_type = 'client backend'`).length >= 2)).toBe(true);
      const refused = await ask("{ regions { name } }", server);
      expect(refused.status).toBe(503);
      expect(refused.body.errors![0]!.extensions.code).toBe("SERVICE_UNAVAILABLE");
      // Refused while every connection was still taken: it did not wait for one to come free.
      expect(connectionsGivenBack).toBe(0);
      await release();
      await Promise.all(holders);
      expect((await ask("{ regions { name } }", server)).status).toBe(200);
    } finally {
      await release().catch(() => undefined);
      await server.close();
      await patient.close();
    }
  });
});
