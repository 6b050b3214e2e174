import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";

// The connection, then 10 decisions and their 10 regions: 21 points.
const LIST = "{ decisions(first: 10) { nodes { id region { name } } } }";

describe("rate limits, in cost points per window, by tier", () => {
  let api: TestApi;
  let now = new Date("2026-03-02T02:00:00Z");
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now, rateLimits: { windowSeconds: 60, anonymous: 100, researcher: 1_000, staff: 10_000 } });
  });
  afterAll(() => api.stop());

  const ask = (headers: Record<string, string>, remoteAddress = "203.0.113.1") =>
    api.inject({ method: "POST", headers: { "content-type": "application/json", ...headers }, payload: JSON.stringify({ query: LIST }), remoteAddress });

  it("reports the budget on every response and refuses with 429 and Retry-After once it is spent", async () => {
    const first = await ask({});
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).extensions.cost).toEqual({ requested: 21, limit: 500_000 });
    expect(first.headers["x-ratelimit-limit"]).toBe("100");
    expect(first.headers["x-ratelimit-remaining"]).toBe("79");
    for (let i = 0; i < 3; i++) expect((await ask({})).status).toBe(200);
    const refused = await ask({});
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // 16 points are left: not enough for this query, enough for a smaller one.
    expect(refused.headers["x-ratelimit-remaining"]).toBe("16");
    const body = JSON.parse(refused.body);
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].extensions.cost).toEqual({ requested: 21, limit: 500_000 });
  });

  it("keeps one budget per client address for the public, and one per key", async () => {
    expect((await ask({}, "203.0.113.2")).status).toBe(200);
    const researcher = `Bearer ${await api.secretFor("RESEARCHER")}`;
    const keyed = await ask({ authorization: researcher }, "203.0.113.1");
    expect(keyed.status).toBe(200);
    expect(keyed.headers["x-ratelimit-limit"]).toBe("1000");
    const staff = await ask({ authorization: `Bearer ${await api.secretFor("EDITOR")}` }, "203.0.113.1");
    expect(staff.headers["x-ratelimit-limit"]).toBe("10000");
  });

  it("gives the budget back when the window has passed", async () => {
    expect((await ask({})).status).toBe(429);
    now = new Date(now.getTime() + 61_000);
    const again = await ask({});
    expect(again.status).toBe(200);
    expect(again.headers["x-ratelimit-remaining"]).toBe("79");
  });

  it("refuses a query dearer than the whole window's budget as too costly, not as 'retry later'", async () => {
    now = new Date(now.getTime() + 61_000);
    const response = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: "{ decisions(first: 100) { nodes { id } } }" }), remoteAddress: "203.0.113.9" });
    expect(response.status).toBe(400);
    const error = JSON.parse(response.body).errors[0];
    expect(error.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 100, found: 101 });
  });
});

describe("the client's address behind a reverse proxy (TRUST_PROXY)", () => {
  const LIMITS = { windowSeconds: 60, anonymous: 30, researcher: 1_000, staff: 10_000 };
  // A clock that stands still: however slowly the machine runs the test, no window passes.
  const clock = () => new Date("2026-03-02T02:00:00Z");
  let behindProxy: TestApi;
  let oneHop: TestApi;
  let direct: TestApi;
  beforeAll(async () => {
    behindProxy = await TestApi.start({ clock, rateLimits: LIMITS, trustProxy: "10.0.0.0/8" });
    // One proxy in front (TRUST_PROXY=1).
    oneHop = await TestApi.start({ clock, rateLimits: LIMITS, trustProxy: 1 });
    direct = await TestApi.start({ clock, rateLimits: LIMITS });
  });
  afterAll(() => Promise.all([behindProxy, oneHop, direct].map((api) => api?.stop())));

  const ask = (api: TestApi, forwardedFor: string) =>
    api.inject({ method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor }, payload: JSON.stringify({ query: LIST }), remoteAddress: "10.0.0.5" });

  it("counts residents apart by X-Forwarded-For from a trusted proxy", async () => {
    // 21 points each: a second request from the same address does not fit in 30.
    expect((await ask(behindProxy, "198.51.100.1")).status).toBe(200);
    expect((await ask(behindProxy, "198.51.100.2")).status).toBe(200);
    expect((await ask(behindProxy, "198.51.100.1")).status).toBe(429);
    // A client cannot choose its address by writing the header: the proxy appends the real one.
    expect((await ask(behindProxy, "198.51.100.9, 198.51.100.1")).status).toBe(429);
  });

  it("counts only the hop the trusted proxy appended, when one proxy is trusted", async () => {
    expect((await ask(oneHop, "203.0.113.7, 198.51.100.3")).status).toBe(200);
    expect((await ask(oneHop, "203.0.113.8, 198.51.100.3")).status).toBe(429);
  });

  it("does not believe the header from a peer that is not trusted: everyone behind it shares its budget", async () => {
    expect((await ask(direct, "198.51.100.1")).status).toBe(200);
    expect((await ask(direct, "198.51.100.2")).status).toBe(429);
  });
});

describe("the residents' site: page views charged to a page budget, the API's budget untouched", () => {
  // The API's budget fits one decision page's reads at most; the page budget 150 views.
  const LIMITS = { windowSeconds: 60, anonymous: 5_000, researcher: 1_000, staff: 10_000, pages: 150 };
  const clock = () => new Date("2026-03-02T02:00:00Z");
  const office = "198.51.100.7";
  let api: TestApi;
  let decision: string;
  beforeAll(async () => {
    api = await TestApi.start({ clock, rateLimits: LIMITS });
    decision = (await api.data(`{ decisions(first: 1) { nodes { id } } }`)).decisions.nodes[0].id;
  });
  afterAll(() => api.stop());

  const page = (path: string, remoteAddress = office) => api.inject({ method: "GET", url: path, headers: { accept: "text/html" }, remoteAddress });
  const query = (remoteAddress: string, headers: Record<string, string> = {}) =>
    api.inject({ method: "POST", headers: { "content-type": "application/json", ...headers }, payload: JSON.stringify({ query: LIST }), remoteAddress });

  it("serves 100 page views in a minute from one address, then still holds the API to its own budget from it", async () => {
    const paths = [`/decisions/${decision}`, "/", `/consultations/none/comments`, "/comments/status"];
    for (let i = 0; i < 100; i++) {
      const response = await page(paths[i % paths.length]!);
      expect(response.status, `page ${i + 1}`).toBe(paths[i % paths.length]!.startsWith("/consultations") ? 404 : 200);
    }
    // The pages spent nothing of the address's API budget, and the API still meets it.
    const first = await query(office);
    expect(first.status).toBe(200);
    expect(first.headers["x-ratelimit-remaining"]).toBe(String(LIMITS.anonymous - 21));
    let served = 1;
    while ((await query(office)).status === 200) served += 1;
    expect(served).toBe(Math.floor(LIMITS.anonymous / 21));
    // The site's mark cannot be written by a client.
    expect((await query(office, { "x-site-page": "anything" })).status).toBe(429);
    // 100 pages and their reads: on a busy machine this takes longer than a test's default.
  }, 120_000);

  it("refuses a scraper past the page budget with a page saying when to come back (429, Retry-After), and only at its address", async () => {
    let views = 100;
    let refused: Awaited<ReturnType<typeof page>> | null = null;
    while (!refused && views < 1_000) {
      // The lightest page: the budget counts views, whatever they read.
      const response = await page("/comments/status");
      if (response.status === 429) refused = response;
      else views += 1;
    }
    expect(views).toBe(LIMITS.pages);
    expect(Number(refused!.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused!.headers["content-type"]).toMatch(/^text\/html/);
    expect(refused!.body).toContain("請稍後再試");
    expect((await page(`/decisions/${decision}`, "198.51.100.8")).status).toBe(200);
  });

  it("charges what a resident runs in the explorer to the API budget, like any query", async () => {
    const resident = "198.51.100.9";
    const ran = await api.inject({ method: "POST", url: "/explorer", headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams({ query: LIST }).toString(), remoteAddress: resident });
    expect(ran.status).toBe(200);
    expect((await query(resident)).headers["x-ratelimit-remaining"]).toBe(String(LIMITS.anonymous - 2 * 21));
  });
});
