import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";

const QUERY = "{ decisions(first: 3, orderBy: { field: CATALOG, direction: ASC }) { nodes { id title } } }";
const PREFLIGHT = { "apollo-require-preflight": "true" };

describe("HTTP caching: GET, persisted queries, Cache-Control and ETags", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  const get = (params: Record<string, string>, headers: Record<string, string> = PREFLIGHT) => api.inject({ method: "GET", url: `/graphql?${new URLSearchParams(params).toString()}`, headers });

  it("answers the public's GET queries with an answer anyone may store but must revalidate, with an ETag, and 304 on revalidation", async () => {
    const first = await get({ query: QUERY });
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, no-cache");
    expect(first.headers["vary"]).toContain("authorization");
    const etag = first.headers["etag"] as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await get({ query: QUERY }, { ...PREFLIGHT, "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    const changed = await get({ query: QUERY }, { ...PREFLIGHT, "if-none-match": 'W/"something-else"' });
    expect(changed.status).toBe(200);
  });

  it("keeps Apollo's CSRF prevention on: a GET without a preflight-forcing header is refused", async () => {
    const refused = await get({ query: QUERY }, {});
    expect(refused.status).toBe(400);
  });

  it("marks anything asked with a credential private and never stored", async () => {
    const secret = await api.secretFor("EDITOR");
    const staff = await get({ query: QUERY }, { ...PREFLIGHT, authorization: `Bearer ${secret}` });
    expect(staff.status).toBe(200);
    expect(staff.headers["cache-control"]).toBe("private, no-store");
    expect(staff.headers["vary"]).toContain("authorization");
    const researcher = await get({ query: QUERY }, { ...PREFLIGHT, authorization: `Bearer ${await api.secretFor("RESEARCHER")}` });
    expect(researcher.headers["cache-control"]).toBe("private, no-store");
    const badKey = await get({ query: QUERY }, { ...PREFLIGHT, authorization: "Bearer dd_not-a-key" });
    expect(badKey.status).toBe(401);
    expect(badKey.headers["cache-control"]).toBe("no-store");
  });

  it("does not let errors or mutations be stored, and has the change feed's head revalidated like any answer", async () => {
    const failed = await get({ query: '{ decisions(after: "forged") { totalCount } }' });
    expect(failed.headers["cache-control"]).toBe("no-store");
    const feed = await get({ query: "{ changes(first: 5) { nodes { kind } } }" });
    expect(feed.headers["cache-control"]).toBe("public, no-cache");
    const hidden = await get({ query: "query { decisions(first: 1) { totalCount } ...Feed } fragment Feed on Query { ... on Query { changes(first: 5) { nodes { kind } } } }" });
    expect(hidden.status).toBe(200);
    expect(hidden.headers["cache-control"]).toBe("public, no-cache");
    const mutation = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: 'mutation { commentSubmit(input: { consultationId: "eA", stakeholderCategory: INDIVIDUAL, text: "t" }) { userErrors { code } } }' }) });
    expect(mutation.headers["cache-control"]).toBe("no-store");
  });

  it("takes automatic persisted queries: an unknown hash is refused, a registered one answers over GET", async () => {
    const hash = createHash("sha256").update(QUERY).digest("hex");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const unknown = await get({ extensions });
    expect(JSON.parse(unknown.body).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query: QUERY, extensions: JSON.parse(extensions) }) });
    expect(registered.status).toBe(200);
    const byHash = await get({ extensions });
    expect(byHash.status).toBe(200);
    expect(JSON.parse(byHash.body).data.decisions.nodes).toHaveLength(3);
    expect(byHash.headers["cache-control"]).toBe("public, no-cache");
  });

  it("tells caches to ask again before reusing an open-data file or the catalog: a withholding must reach them at once", async () => {
    for (const url of ["/open-data/decisions.csv", "/open-data/comments.ndjson", "/open-data/decisions.excel.csv?catalogYear=2024", "/open-data/catalog.jsonld"]) {
      const response = await api.get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers["cache-control"], url).toBe("public, no-cache");
    }
    // The dictionary describes columns, not records: it may be kept for five minutes.
    expect((await api.get("/open-data/dictionary.json")).headers["cache-control"]).toBe("public, max-age=300");
  });

  it("gzips files, API answers and pages when asked, and keeps the same ETag for both encodings", async () => {
    const gzip = { "accept-encoding": "gzip" };
    for (const url of ["/open-data/decisions.csv", "/open-data/comments.ndjson", "/open-data/dictionary.json", "/open-data"]) {
      const plain = await api.inject({ method: "GET", url });
      const packed = await api.inject({ method: "GET", url, headers: gzip });
      expect(plain.headers["content-encoding"], url).toBeUndefined();
      expect(packed.headers["content-encoding"], url).toBe("gzip");
      expect(packed.headers["vary"], url).toContain("accept-encoding");
      expect(gunzipSync(packed.rawPayload).toString("utf8"), url).toBe(plain.body);
      expect(packed.rawPayload.length, url).toBeLessThan(Buffer.byteLength(plain.body));
    }
    // Answers under 1 KB are sent as they are: gzip would not make them smaller.
    const LARGE = "{ decisions(first: 40, orderBy: { field: CATALOG, direction: ASC }) { nodes { id title summary } } }";
    const plain = await get({ query: LARGE });
    const packed = await get({ query: LARGE }, { ...PREFLIGHT, ...gzip });
    expect(packed.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(packed.rawPayload).toString("utf8"))).toEqual(JSON.parse(plain.body));
    // The ETag is the answer's, whatever its encoding: a copy kept plain revalidates a gzipped request.
    expect(packed.headers["etag"]).toBe(plain.headers["etag"]);
    expect((await get({ query: LARGE }, { ...PREFLIGHT, ...gzip, "if-none-match": plain.headers["etag"] as string })).status).toBe(304);
    const posted = await api.inject({ method: "POST", headers: { "content-type": "application/json", ...gzip }, payload: { query: LARGE } });
    expect(posted.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(posted.rawPayload).toString("utf8")).data.decisions.nodes).toHaveLength(40);
    const small = await get({ query: QUERY }, { ...PREFLIGHT, ...gzip });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});
