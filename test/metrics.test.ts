import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";

/** The value of one series in Prometheus's text format (0 when it is not there yet). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("metrics for operators at /metrics", () => {
  let api: TestApi;
  let guarded: TestApi;
  const scrape = async () => {
    const response = await api.get("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain/);
    return response.body;
  };
  beforeAll(async () => {
    api = await TestApi.start({ rateLimits: { windowSeconds: 60, anonymous: 3_000 } });
    guarded = await TestApi.start({ metricsToken: "scrape-secret" });
  });
  afterAll(async () => {
    await api.stop();
    await guarded.stop();
  });

  it("times requests by route, operation name and status, and counts GraphQL errors by code", async () => {
    const before = await scrape();
    const named = { route: "/graphql", operation: "RegionsForMetrics", status: "200" };
    await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "query RegionsForMetrics { regions { id } }" }) });
    await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "query BadPage { decisions(first: -1) { totalCount } }" }) });
    const after = await scrape();
    expect(sample(after, "http_request_duration_seconds_count", named) - sample(before, "http_request_duration_seconds_count", named)).toBe(1);
    expect(sample(after, "graphql_errors_total", { code: "BAD_USER_INPUT" }) - sample(before, "graphql_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(after).toContain("process_cpu_seconds_total");
  });

  it("counts the rows of open-data files by dataset, and refusals by status and code", async () => {
    const before = await scrape();
    const file = await api.get("/open-data/regions.csv");
    const rows = file.body.trim().split("\r\n").length - 1;
    // Over the budget: a costly query is refused with 429.
    let refused = 0;
    for (let i = 0; i < 50 && refused === 0; i++) {
      const response = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "{ decisions(first: 100) { nodes { id title } } }" }) });
      if (response.status === 429) refused += 1;
    }
    expect(refused).toBe(1);
    const after = await scrape();
    expect(sample(after, "open_data_rows_total", { dataset: "regions" }) - sample(before, "open_data_rows_total", { dataset: "regions" })).toBe(rows);
    expect(sample(after, "http_refusals_total", { status: "429" }) - sample(before, "http_refusals_total", { status: "429" })).toBe(1);
  });

  it("keeps the number of operation-name series bounded whatever names clients send", async () => {
    // On the other server: this one's budget is spent by now.
    for (let i = 0; i < 210; i++) {
      await guarded.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: `query Name${i} { __typename }` }) });
    }
    const text = (await guarded.get("/metrics", { authorization: "Bearer scrape-secret" })).body;
    const names = new Set(text.split("\n").filter((l) => l.startsWith("http_request_duration_seconds_count{")).map((l) => /operation="([^"]*)"/.exec(l)![1]));
    expect(names.has("_other")).toBe(true);
    expect(names.size).toBeLessThanOrEqual(203);
  });

  if (process.env.DATABASE_URL) {
    it("shows each database pool's use", async () => {
      const text = await scrape();
      for (const pool of ["public", "privileged", "consistent"]) expect(text).toContain(`db_pool_in_use{pool="${pool}"}`);
      expect(text).toContain("db_pool_refusals_total");
    });
  }

  it("asks for the configured token, and answers with it", async () => {
    expect((await guarded.get("/metrics")).status).toBe(401);
    expect((await guarded.get("/metrics", { authorization: "Bearer wrong-secret!" })).status).toBe(401);
    expect((await guarded.get("/metrics", { authorization: "Bearer scrape-secret" })).status).toBe(200);
  });
});
