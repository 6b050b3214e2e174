import "reflect-metadata";
import { setTimeout } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKey } from "../src/access/api-key.service.js";
import { publicBodies } from "../src/bodies/public-body.table.js";
import { chinaDate } from "../src/compliance/working-days.js";
import { type Database } from "../src/db/database.js";
import { isMigrated } from "../src/db/migrate.js";
import { Lease } from "../src/operations/lease.js";
import { openPostgres } from "../src/db/postgres.js";
import { regions } from "../src/regions/region.table.js";
import { freshDatabaseEnv } from "./support/fresh-database.js";
import { type ProjectCommand, runProjectCommand } from "./support/project-command.js";

// Issue 22: the service as it runs in production — two separate processes behind a load balancer on
// one PostgreSQL database. What test/shared-limits.test.ts shows in one process, here with real ones.
// PostgreSQL only (see vitest.config.ts): PGlite serves one process.

/** A few cost points a request (the connection and its ten nodes), against a low anonymous budget (a comment costs some too). */
const LIST = "{ decisions(first: 10) { nodes { id } } }";
const BUDGET = 100;
// No response cache: the shared budget is spent by queries that run (a kept answer costs no points),
// and a withholding through A is asked of B at once, inside the moment B takes to hear of it by
// notification (docs/operations.md); the cache across instances is in response-cache.test.ts.
// No open-data snapshot built at start: a build first has the compliance reports brought up to date,
// and that run waits for the refresh lease. Begun after the test took the lease (CI, under load, once),
// it waited for as long as the test held it, and kept its instance's background refresh from running
// and so from logging the skip the test waits for: the test hung until its timeout.
const INSTANCE_ENV = { PORT: "0", LOG_LEVEL: "info", MIGRATE_ON_START: "true", TRUST_PROXY: "true", RATE_LIMIT_ANONYMOUS: String(BUDGET), COMPLIANCE_REFRESH_SECONDS: "1", RESPONSE_CACHE_MB: "0", OPEN_DATA_SNAPSHOT_HOURS: "0" };

interface Instance {
  process: ProjectCommand;
  endpoint: string;
}

/** The background work an instance logged: `work` of each JSON line of its standard output that has one. */
const workOf = (instance: Instance) =>
  instance.process
    .standardOutput()
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { work?: { event: string; decisions?: number } }).work)
    .filter((work) => work !== undefined);

describe("two instances started together on one empty PostgreSQL database", () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let database: Database;
  beforeAll(async () => {
    const fresh = await freshDatabaseEnv("mig-cluster");
    env = { ...fresh.env, ...INSTANCE_ENV };
    cleanup = fresh.cleanup;
  });
  afterAll(async () => {
    await database?.close();
    await cleanup();
  });

  const post = async (instance: Instance, body: object, headers: Record<string, string> = {}) => {
    const response = await fetch(instance.endpoint, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    return { status: response.status, remaining: response.headers.get("x-ratelimit-remaining"), body: (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] } };
  };

  // One test: the processes live for the whole of it (a process is ended when its test ends). Two
  // starts of tsx and a migration of an empty database: the timeout is a guard against a hang.
  it("migrate at once without a crash, share budgets, the throttle and the refresh, and see each other's withholding at once", async () => {
    const started = [runProjectCommand("src/main.ts", [], env), runProjectCommand("src/main.ts", [], env)];
    const [a, b] = (await Promise.all(started.map(async (process) => ({ process, endpoint: (await process.printed(/GraphQL endpoint: (\S+)/))[1]! })))) as [Instance, Instance];
    database = openPostgres(env.DATABASE_URL!, { max: 2 });
    expect(await isMigrated(database)).toBe(true);
    const [twice] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT created_at FROM drizzle.__drizzle_migrations GROUP BY created_at HAVING count(*) > 1) t");
    expect(twice!.n).toBe(0);

    // The refresh's lease held by someone else (as a third instance would): both instances must skip.
    // Taken as an instance takes it: an instance's run (with nothing to do yet) may hold it for a moment.
    const lease = new Lease(database, "compliance-refresh", 3_600);
    while (!(await lease.take())) await setTimeout(20);
    // Skips from here on: instances started together may each have skipped once already, at start.
    const held = [a, b].map((instance) => instance.process.output().length);

    // Reference data as an import would write it (the API has no mutation for regions and bodies), and staff keys.
    const [city] = await database.db.insert(regions).values({ code: "340881000000", name: "桐城市", level: "CITY", parentId: null, path: "/340881000000/", depth: 0 }).returning();
    await database.db.insert(publicBodies).values([
      { name: "桐城市人民政府", kind: "PEOPLES_GOVERNMENT", regionId: city!.id },
      { name: "桐城市住房和城鄉建設局", kind: "GOVERNMENT_DEPARTMENT", regionId: city!.id },
    ]);
    const { secret } = await database.asWriter((db) => createKey(db, "cluster editor", "EDITOR"));
    const editor = { authorization: `Bearer ${secret}` };
    const write = async (instance: Instance, mutation: string, input: Record<string, unknown>, field: string) => {
      const type = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
      const answer = await post(instance, { query: `mutation($input: ${type}!) { ${mutation}(input: $input) { ${field} { id } userErrors { message } } }`, variables: { input } }, editor);
      expect(answer.body.errors, JSON.stringify(answer.body)).toBeUndefined();
      expect(answer.body.data![mutation].userErrors).toEqual([]);
      return answer.body.data![mutation][field].id as string;
    };
    const refs = (await post(a, { query: "{ regions { id } bodies { id name } }" }, editor)).body.data!;
    const body = (name: string) => refs.bodies.find((b: { name: string }) => b.name === name).id as string;
    const decisionId = await write(a, "decisionCreate", { catalogYear: 2026, catalogNumber: 1, title: "城區供水管網改造", summary: "改造老城區供水管網。", category: "PUBLIC_CONSTRUCTION", regionId: refs.regions[0].id, decidingBodyId: body("桐城市人民政府"), undertakingBodyId: body("桐城市住房和城鄉建設局"), initiatedOn: "2026-01-05", budgetYuan: 1200000 }, "decision");

    // One anonymous budget: requests alternating between the instances are refused past it, not past twice it.
    const client = { "x-forwarded-for": "203.0.113.7" };
    const first = await post(a, { query: LIST }, client);
    expect(first.status).toBe(200);
    const cost = BUDGET - Number(first.remaining);
    let served = 1;
    for (let i = 1; ; i++) {
      const answer = await post(i % 2 ? b : a, { query: LIST }, client);
      if (answer.status !== 200) {
        expect(answer.status).toBe(429);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
        break;
      }
      served += 1;
    }
    expect(served).toBe(Math.floor(BUDGET / cost));
    expect((await post(a, { query: LIST }, client)).status).toBe(429);
    expect((await post(b, { query: LIST }, client)).status).toBe(429);

    // One comment throttle (5 per 10 minutes by default): the sixth comment from one address is refused, whichever instance takes it.
    const today = chinaDate(new Date());
    const closes = chinaDate(new Date(Date.now() + 40 * 86_400_000));
    const consultationId = await write(b, "consultationCreate", { decisionId, method: "ONLINE_COMMENT", opensOn: today, closesOn: closes, acknowledgeBreaches: true }, "consultation");
    const resident = { "x-forwarded-for": "198.51.100.9" };
    const submit = (instance: Instance, n: number) =>
      post(instance, { query: "mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { receipt { number } userErrors { code } } }", variables: { input: { consultationId, text: `第${n}條意見`, stakeholderCategory: "RESIDENT_REPRESENTATIVE" } } }, resident);
    for (let n = 1; n <= 5; n++) {
      const accepted = await submit(n % 2 ? a : b, n);
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.data!.commentSubmit.userErrors).toEqual([]);
    }
    for (const instance of [a, b]) expect((await submit(instance, 6)).status).toBe(429);

    // A withholding made through one instance is in force at once through the other.
    const budget = `query($id: ID!) { decision(id: $id) { budgetYuan withheld { field } } }`;
    const reader = { "x-forwarded-for": "192.0.2.44" };
    expect((await post(b, { query: budget, variables: { id: decisionId } }, reader)).body.data!.decision.budgetYuan).toBe(1200000);
    await write(a, "withholdingCreate", { recordId: decisionId, field: "budgetYuan", ground: "COMMERCIAL_SECRET", article: "《政府信息公開條例》第十五條", explanation: "中標單位報價，涉及商業秘密。", decidedByBodyId: body("桐城市人民政府"), reviewDue: closes }, "withholding");
    const after = (await post(b, { query: budget, variables: { id: decisionId } }, reader)).body.data!.decision;
    expect(after.budgetYuan).toBeNull();
    expect(after.withheld).toContainEqual({ field: "budgetYuan" });

    // While the lease is another's, both skipped; given back, one instance runs the refresh and the other does not redo it.
    await Promise.all([a, b].map((instance, i) => instance.process.printed(/compliance_refresh_skipped/, held[i])));
    await lease.release();
    await Promise.race([a, b].map((instance) => instance.process.printed(/compliance_refresh_done/)));
    for (const instance of [a, b]) {
      instance.process.stop();
      expect(await instance.process.exited).toBe(0);
    }
    const runs = [a, b].map((instance) => workOf(instance).filter((work) => work.event === "compliance_refresh_done"));
    expect(runs.flat()).toHaveLength(1);
    expect(runs.flat()[0]!.decisions).toBe(1);
  }, 600_000);
});
