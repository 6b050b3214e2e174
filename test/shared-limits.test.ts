import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScaleData } from "../seeds/scale/scale-data.js";
import { type Database } from "../src/db/database.js";
import { BudgetStore } from "../src/protection/budget-store.js";
import { TestApi } from "./support/api.js";
import { newDecision, write } from "./support/fixtures.js";
import { LogLines } from "./support/log-lines.js";

// Several instances of the service behind one load balancer, on one database (issue 22): budgets,
// the comment throttle and the compliance refresh are the database's, not a process's.

// The connection, then 10 decisions and their 10 regions: 21 points.
const LIST = "{ decisions(first: 10) { nodes { id region { name } } } }";
const LIMITS = { windowSeconds: 60, anonymous: 100, researcher: 1_000, staff: 10_000 };
/** Within a consultation period; a clock that stands still, so that no window passes however slow the machine. */
const clock = () => new Date("2026-03-10T04:00:00Z");

const ask = (api: TestApi, remoteAddress: string, headers: Record<string, string> = {}) =>
  api.inject({ method: "POST", headers: { "content-type": "application/json", ...headers }, payload: JSON.stringify({ query: LIST }), remoteAddress });

describe("two instances on one database", () => {
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    first = await TestApi.start({ clock, rateLimits: LIMITS, commentLimits: { limit: 3, windowMs: 10 * 60_000 } });
    second = await TestApi.beside(first, { clock, rateLimits: LIMITS, commentLimits: { limit: 3, windowMs: 10 * 60_000 } });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it("spend one budget: what one instance served, the other does not serve again", async () => {
    const address = "203.0.113.10";
    let served = 0;
    while ((await ask(first, address)).status === 200) served += 1;
    // 4 × 21 of 100 points, as on one instance.
    expect(served).toBe(4);
    const refused = await ask(second, address);
    expect(refused.status).toBe(429);
    expect(refused.headers["x-ratelimit-remaining"]).toBe("16");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe("RATE_LIMITED");
    // Another address is untouched on either.
    expect((await ask(second, "203.0.113.11")).status).toBe(200);
  });

  it("keep a spent budget across a restart: a new instance refuses what the old one spent", async () => {
    const address = "203.0.113.12";
    for (let i = 0; i < 4; i++) expect((await ask(second, address)).status).toBe(200);
    await second.stop();
    second = await TestApi.beside(first, { clock, rateLimits: LIMITS, commentLimits: { limit: 3, windowMs: 10 * 60_000 } });
    const after = await ask(second, address);
    expect(after.status).toBe(429);
    expect(after.headers["x-ratelimit-remaining"]).toBe("16");
  });

  it("share the comment throttle, and refuse past it with 429 and Retry-After, on the API and on the site's form", async () => {
    const decision = await newDecision(first, 901);
    const consultation = await write(first, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-03-01", closesOn: "2026-03-31" });
    const resident = "198.51.100.20";
    const submit = (api: TestApi, text: string) =>
      api.inject({
        method: "POST",
        headers: { "content-type": "application/json" },
        payload: { query: "mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { receipt { number } userErrors { code } } }", variables: { input: { consultationId: consultation.id, text, stakeholderCategory: "RESIDENT_REPRESENTATIVE" } } },
        remoteAddress: resident,
      });
    expect((await submit(first, "第一條")).status).toBe(200);
    expect((await submit(second, "第二條")).status).toBe(200);
    expect((await submit(first, "第三條")).status).toBe(200);
    for (const api of [second, first]) {
      const over = await submit(api, "第四條");
      expect(over.status).toBe(429);
      // The window of 10 minutes began at 04:00:00, the clock's time.
      expect(over.headers["retry-after"]).toBe("600");
      const body = JSON.parse(over.body);
      expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining("at most 3 comments per 600 s"), path: ["commentSubmit"], extensions: { code: "RATE_LIMITED" } })]);
    }
    const form = await second.inject({
      method: "POST",
      url: `/decisions/${decision.id}/comments`,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ consultationId: consultation.id, stakeholderCategory: "RESIDENT_REPRESENTATIVE", text: "從網站提交的第五條" }).toString(),
      remoteAddress: resident,
    });
    expect(form.status).toBe(429);
    expect(form.headers["retry-after"]).toBe("600");
    expect(form.body).toContain("請稍後再試");
    // The resident's words are given back in the form, not lost.
    expect(form.body).toContain("從網站提交的第五條");
    const [{ n } = { n: -1 }] = await first.database.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE text IN ('第四條', '從網站提交的第五條')");
    expect(n).toBe(0);
    // What the budgets keep identifies no one: the address is hashed with the database's key.
    const stored = await first.database.query<{ row: string }>("SELECT b::text AS row FROM shared_state.rate_budgets b");
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter(({ row }) => row.includes("198.51.100") || row.includes("203.0.113"))).toEqual([]);
  });

  it("rate-limit requests with an unknown key, charged to the address before the key is looked up", async () => {
    const address = "203.0.113.30";
    const unknown = { authorization: `Bearer dd_${"A".repeat(43)}` };
    const first401 = await ask(first, address, unknown);
    expect(first401.status).toBe(401);
    // An unknown key costs its address the whole budget of 100 here (1,000 points, more than there is).
    first.database.statements.reset();
    const refused = await ask(second, address, unknown);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe("RATE_LIMITED");
    // On PGlite both instances share one statement counter: no statement read api_keys.
    if (first.database.kind === "pglite") {
      expect(first.database.statements.statements.length).toBeGreaterThan(0);
      expect(first.database.statements.statements.filter((statement) => statement.includes("api_keys"))).toEqual([]);
    }
    // A known key is still served from that address (its own budget), and one point of the address's pays for its lookup.
    const researcher = await ask(first, "203.0.113.31", { authorization: `Bearer ${await first.secretFor("RESEARCHER")}` });
    expect(researcher.status).toBe(200);
    expect(researcher.headers["x-ratelimit-limit"]).toBe("1000");
    expect((await ask(second, "203.0.113.31")).headers["x-ratelimit-remaining"]).toBe(String(100 - 1 - 21));
  });

  it("keep the budgets where neither the public role nor the writer role can read them", async () => {
    await expect(first.database.readDisclosed((db) => db.execute(sql`SELECT * FROM shared_state.rate_budgets`))).rejects.toThrow();
    await expect(first.database.asWriter((db) => db.execute(sql`SELECT * FROM shared_state.limit_secret`))).rejects.toThrow();
  });

  it("delete ended windows when swept, and only those", async () => {
    const store = new BudgetStore(first.database);
    const at = new Date("2030-01-01T00:00:30Z");
    await store.spend("sweep:ended", 1, 10, 60_000, at);
    await store.spend("sweep:current", 1, 10, 60_000, new Date("2030-01-01T00:01:10Z"));
    const count = async () => (await first.database.query<{ n: number }>("SELECT count(*)::int AS n FROM shared_state.rate_budgets WHERE window_start >= '2030-01-01'"))[0]!.n;
    expect(await count()).toBe(2);
    await store.sweep(new Date("2030-01-01T00:01:30Z"));
    expect(await count()).toBe(1);
    // The swept holder starts its new window with the whole budget.
    expect((await store.spend("sweep:ended", 1, 10, 60_000, new Date("2030-01-01T00:01:30Z"))).state.remaining).toBe(9);
  });
});

describe("the compliance refresh, started by two instances at once", () => {
  let loader: TestApi;
  let first: TestApi;
  let second: TestApi;
  const firstLog = new LogLines();
  const secondLog = new LogLines();
  afterAll(async () => {
    for (const api of [second, first, loader]) await api?.stop();
  });

  const count = async (database: Database, rows: string) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${rows}`))[0]!.n;

  it("runs on one of them, the other skips and says so; the one that ran logs what it did", async () => {
    loader = await TestApi.start();
    await loadScaleData(loader.database, { decisions: 60, seed: 21, commentsPerDecision: 1 });
    const queued = await count(loader.database, "compliance_unassessed");
    expect(queued).toBeGreaterThanOrEqual(60);
    // Whichever instance takes the lease is held before its first chunk until the other has tried for
    // it: so the two runs overlap whatever the machine's speed, and whichever starts first.
    let oneSkipped!: () => void;
    const skippedOnce = new Promise<void>((resolve) => (oneSkipped = resolve));
    const held = (database: Database): Database => ({ ...database, asWriter: async (work) => (await skippedOnce, database.asWriter(work)) });
    // An hour apart: each instance's first refresh runs when it starts, and no other in this test.
    first = await TestApi.beside(loader, { log: firstLog.destination, complianceRefreshMs: 3_600_000, wrapDatabase: held });
    second = await TestApi.beside(loader, { log: secondLog.destination, complianceRefreshMs: 3_600_000, wrapDatabase: held });
    const [skipped, runner, other] = await Promise.race([
      firstLog.next("compliance_refresh_skipped").then((work) => [work, secondLog, firstLog] as const),
      secondLog.next("compliance_refresh_skipped").then((work) => [work, firstLog, secondLog] as const),
    ]);
    oneSkipped();
    const done = await runner.next("compliance_refresh_done");
    const started = await runner.next("compliance_refresh_started");
    expect(started).toMatchObject({ decisions: queued, holder: done.holder });
    expect(done).toMatchObject({ decisions: queued, assessments: expect.any(Number), results: expect.any(Number) });
    expect(skipped.holder).not.toBe(done.holder);
    expect(other.withEvent("compliance_refresh_started")).toEqual([]);
    // Done once, by the one: every queued decision assessed.
    expect(await count(loader.database, "compliance_unassessed")).toBe(0);
    // At least staff's report for each queued decision (the public's too unless it is withheld whole).
    expect(done.assessments).toBeGreaterThanOrEqual(queued);
    // The lease is given back: a later run (a query's) takes it at once.
    expect(await count(loader.database, "shared_state.leases")).toBe(0);
  }, 120_000);
});
