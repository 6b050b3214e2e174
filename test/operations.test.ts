import { connect } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { write } from "./support/fixtures.js";

const CANARY = "!!OPS-CANARY";

describe("operations: health, readiness, shutdown, logs, CORS", () => {
  let api: TestApi;
  const lines: string[] = [];
  const lifecycle = { shuttingDown: false };
  let now = new Date("2026-03-10T02:00:00Z");

  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now, lifecycle, log: { write: (line) => void lines.push(line) } });
  });
  afterAll(() => api.stop());

  it("says it is alive at /healthz and ready at /readyz, and not ready once shutting down or behind on migrations", async () => {
    expect(JSON.parse((await api.get("/healthz")).body)).toEqual({ status: "ok" });
    const ready = await api.get("/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: "ready", checks: { database: true, migrations: true, accepting: true } });

    lifecycle.shuttingDown = true;
    const leaving = await api.get("/readyz");
    expect(leaving.status).toBe(503);
    expect(JSON.parse(leaving.body).checks.accepting).toBe(false);
    lifecycle.shuttingDown = false;

    const [last] = await api.database.query<{ id: number; hash: string; created_at: string }>("SELECT id, hash, created_at::text FROM drizzle.__drizzle_migrations ORDER BY id DESC LIMIT 1");
    await api.database.query("DELETE FROM drizzle.__drizzle_migrations WHERE id = $1", [last!.id]);
    const behind = await api.get("/readyz");
    expect(behind.status).toBe(503);
    expect(JSON.parse(behind.body).checks).toMatchObject({ database: true, migrations: false });
    await api.database.query("INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES ($1, $2, $3)", [last!.id, last!.hash, last!.created_at]);
    expect((await api.get("/readyz")).status).toBe(200);
  });

  it("answers a browser's CORS preflight with an explicit policy", async () => {
    const preflight = await api.inject({
      method: "OPTIONS" as "GET",
      headers: { origin: "https://newsroom.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(String(preflight.headers["access-control-allow-headers"])).toContain("authorization");
    expect(String(preflight.headers["access-control-allow-methods"])).toContain("POST");
    const answer = await api.inject({ method: "POST", headers: { origin: "https://newsroom.example", "content-type": "application/json" }, payload: JSON.stringify({ query: "{ complianceRules { id } }" }) });
    expect(answer.headers["access-control-expose-headers"]).toContain("x-ratelimit-remaining");
  });

  it("logs JSON lines with the request id, and never a key, a commenter's details, a query's variables or a value a failed statement carried", async () => {
    lines.length = 0;
    const secret = await api.secretFor("EDITOR");
    const keyed = await api.inject({ method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, payload: JSON.stringify({ query: "{ complianceRules { id } }" }) });
    const requestId = keyed.headers["x-request-id"];
    expect(requestId).toBeTruthy();
    await api.inject({ method: "GET", url: `/graphql?${new URLSearchParams({ query: `{ decisions(filter: { search: "${CANARY}-search" }) { totalCount } }` })}`, headers: { "apollo-require-preflight": "true" } });
    const decision = await write(api, "EDITOR", "decisionCreate", {
      catalogYear: 2026, catalogNumber: 8801, title: "日誌測試", summary: "日誌測試", category: "PUBLIC_POLICY",
      regionId: (await api.data(`{ regions { id } }`)).regions[0].id,
      decidingBodyId: (await api.data(`{ bodies { id } }`)).bodies[0].id,
      undertakingBodyId: (await api.data(`{ bodies { id } }`)).bodies[0].id,
      initiatedOn: "2026-01-10",
    });
    const consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-03-01", closesOn: "2026-04-05" });
    await api.data(`mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { userErrors { code } } }`, {
      input: { consultationId: consultation.id, stakeholderCategory: "INDIVIDUAL", text: `${CANARY}-text`, name: `${CANARY}-name`, contact: `${CANARY}-contact` },
    });
    // A failed statement whose parameter is a secret value: the database's error quotes it; the log must not.
    const failure = await api.database.query("SELECT $1::uuid", [`${CANARY}-parameter`]).catch((error: unknown) => error);
    api.log.error({ err: failure }, "unexpected error");

    expect(lines.length).toBeGreaterThan(5);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.some((line) => line.reqId === requestId)).toBe(true);
    expect(parsed.find((line) => line.msg === "unexpected error")).toMatchObject({ err: { sqlState: "22P02" } });
    const all = lines.join("\n");
    expect(all).not.toContain(CANARY);
    expect(all).not.toContain(secret);
  });

  it("takes a request's id from X-Request-Id or makes a UUID, gives it back, and logs GraphQL errors under it by code", async () => {
    lines.length = 0;
    const given = await api.inject({ method: "POST", headers: { "content-type": "application/json", "x-request-id": "lb-7f3a.42" }, payload: JSON.stringify({ query: `{ decisions(first: -1, filter: { search: "${CANARY}" }) { totalCount } }` }) });
    expect(given.headers["x-request-id"]).toBe("lb-7f3a.42");
    const made = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "{ regions { id } }" }) });
    const again = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "{ regions { id } }" }) });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(made.headers["x-request-id"]).toMatch(uuid);
    expect(again.headers["x-request-id"]).not.toBe(made.headers["x-request-id"]);
    // An id that is not one (too long, or a line break to forge a log line) is replaced.
    for (const bad of ["x".repeat(129), "a b", "a\u2028b"]) {
      const response = await api.inject({ method: "POST", headers: { "content-type": "application/json", "x-request-id": bad }, payload: JSON.stringify({ query: "{ regions { id } }" }) });
      expect(response.headers["x-request-id"]).toMatch(uuid);
    }
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const errorLine = parsed.find((line) => line.msg === "graphql error");
    expect(errorLine).toMatchObject({ reqId: "lb-7f3a.42", graphqlError: { code: "BAD_USER_INPUT" } });
    expect(lines.join("\n")).not.toContain(CANARY);
  });

  it("finishes the requests in flight when it shuts down, then takes no more", async () => {
    const address = await api.listen();
    // Hold the decisions table, so that a request reading it is in flight for as long as we like.
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (locked = resolve));
    const holding = api.database.db.transaction(async (tx) => {
      await tx.execute(sql`LOCK TABLE public.decisions IN ACCESS EXCLUSIVE MODE`);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await held;
    const arrived = api.nextRequestArrives();
    const inFlight = fetch(`${address}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ decisions(first: 5) { nodes { id } } }" }) });
    await arrived;
    let closed = false;
    const closing = api.closeServer().then(() => (closed = true));
    // The request waits for the lock this test holds, so the close cannot finish before the release,
    // however fast or slow the machine: one turn of the event loop lets a wrong close show itself.
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    await holding;
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { decisions: { nodes: unknown[] } } }).data.decisions.nodes).toHaveLength(5);
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
  });

  it("drops a request that does not arrive whole in time, with 408", async () => {
    const slow = await TestApi.start({ requestTimeoutMs: 500 });
    try {
      const address = new URL(await slow.listen());
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(Number(address.port), address.hostname, () => socket.write("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
        let received = "";
        socket.on("data", (chunk) => (received += chunk.toString()));
        socket.on("close", () => resolve(received));
        socket.on("error", () => resolve(received));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.stop();
    }
  });
});
