import { createHash } from "node:crypto";
import { pgTable, uuid } from "drizzle-orm/pg-core";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasets } from "../src/open-data/datasets.js";
import { OpenDataSnapshots, SNAPSHOT_FORMATS, SNAPSHOTS_KEPT, type SnapshotManifest } from "../src/open-data/snapshot.js";
import { TestApi } from "./support/api.js";
import { CANARY, loadCanaryFiles } from "./support/canary-file.js";

interface Served extends SnapshotManifest {
  archive: { url: string; bytes: number; sha256: string };
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

describe("the bulk snapshot of every open-data file", () => {
  let api: TestApi;
  // Each builder stands for an instance: they share nothing but the database. Their clock moves a
  // second a build (a snapshot is named by the second), after the server's own build.
  let at = Date.now() + 60_000;
  const clock = () => new Date((at += 1000));
  const builder = (options: ConstructorParameters<typeof OpenDataSnapshots>[1] = {}) => new OpenDataSnapshots(api.database, { clock, ...options });
  const served = async () => {
    const response = await api.get("/open-data/snapshot.json");
    expect(response.status, response.body.slice(0, 200)).toBe(200);
    return JSON.parse(response.body) as Served;
  };
  const archive = async (url: string) => {
    const response = await api.get(url);
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    return response.rawPayload;
  };
  /** After a 503, the build it started: asked for until it is there. */
  const builtMeanwhile = async () => {
    let status = 503;
    for (let tries = 0; status === 503 && tries < 100_000; tries++) {
      await new Promise((resolve) => setImmediate(resolve));
      status = (await api.get("/open-data/snapshot.json")).status;
    }
    expect(status).toBe(200);
  };
  const snapshotCount = async () => (await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM open_data_snapshots"))[0]!.n;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("answers 503 with Retry-After while none is kept, and builds one meanwhile", async () => {
    const none = await api.get("/open-data/snapshot.json");
    expect(none.status).toBe(503);
    expect(none.headers["retry-after"]).toBeDefined();
    expect(JSON.parse(none.body).error.code).toBe("SNAPSHOT_PENDING");
    expect((await api.get("/open-data/snapshot")).status).toBe(503);
    await builtMeanwhile();
  });

  it("holds every dataset's files as served at that moment, with right rows, sizes and checksums", async () => {
    expect(await builder().build()).toBe("built");
    const manifest = await served();
    expect(manifest.files.map((f) => f.path).sort()).toEqual(datasets.flatMap((d) => SNAPSHOT_FORMATS.map((format) => `${d.name}.${format}`)).sort());
    const latest = await api.get("/open-data/snapshot");
    expect(latest.status).toBe(302);
    expect(latest.headers.location).toBe(manifest.archive.url);
    expect(manifest.archive.url).toBe(`/open-data/snapshots/${manifest.name}.zip`);
    const zip = await archive(manifest.archive.url);
    expect(zip.length).toBe(manifest.archive.bytes);
    expect(sha256(zip)).toBe(manifest.archive.sha256);
    const files = unzipSync(new Uint8Array(zip));
    const inside = JSON.parse(Buffer.from(files["manifest.json"]!).toString("utf8")) as SnapshotManifest;
    expect(inside).toEqual({ name: manifest.name, builtAt: manifest.builtAt, changesCursor: manifest.changesCursor, files: manifest.files });
    // Nothing was written since: the feed's cursor and every file are as a single download gives them.
    const single = await api.get("/open-data/decisions.ndjson");
    expect(single.headers["x-changes-cursor"]).toBe(manifest.changesCursor);
    for (const file of manifest.files) {
      const bytes = files[file.path]!;
      expect(bytes, file.path).toBeDefined();
      const text = Buffer.from(bytes).toString("utf8");
      expect(text, file.path).toBe((await api.get(`/open-data/${file.path}`)).body);
      expect(file.bytes, file.path).toBe(bytes.length);
      expect(file.sha256, file.path).toBe(sha256(bytes));
      const lines = text.split(file.format === "csv" ? "\r\n" : "\n").filter(Boolean).length;
      expect(file.rows, file.path).toBe(file.format === "csv" ? lines - 1 : lines);
    }
    expect(manifest.files.find((f) => f.path === "decisions.csv")!.rows).toBeGreaterThan(10);
    expect(manifest.files.find((f) => f.path === "compliance-results.csv")!.rows).toBeGreaterThan(10);
    // The catalog lists it as a distribution, and takes each file's rows and bytes from its manifest; the site shows them.
    const catalog = JSON.parse((await api.get("/open-data/catalog.jsonld")).body);
    const decisions = catalog["dcat:dataset"].find((d: { "dct:identifier": string }) => d["dct:identifier"] === "decisions");
    const zipped = decisions["dcat:distribution"].find((d: Record<string, unknown>) => d["dcat:packageFormat"]);
    expect(zipped["dcat:downloadURL"]["@id"]).toMatch(new RegExp(`${manifest.archive.url}$`));
    expect(zipped["dcat:byteSize"]["@value"]).toBe(manifest.archive.bytes);
    expect(zipped["dct:issued"]["@value"]).toBe(manifest.builtAt);
    expect(decisions["void:entities"]["@value"]).toBe(manifest.files.find((f) => f.path === "decisions.csv")!.rows);
    const csvDistribution = decisions["dcat:distribution"].find((d: { "dcat:downloadURL"?: { "@id": string } }) => d["dcat:downloadURL"]?.["@id"].endsWith("/decisions.csv"));
    expect(csvDistribution["dcat:byteSize"]["@value"]).toBe(manifest.files.find((f) => f.path === "decisions.csv")!.bytes);
    const page = (await api.get("/open-data", { accept: "text/html" })).body;
    expect(page).toContain(manifest.archive.bytes.toLocaleString("en-US"));
    expect(page).toContain(manifest.files.find((f) => f.path === "comments.ndjson")!.bytes.toLocaleString("en-US"));
  });

  it("lets a cache keep the archive but ask before each use: while it is kept, its checksum gets a 304", async () => {
    const { archive: kept } = await served();
    const first = await api.get(kept.url);
    expect(first.headers["cache-control"]).toBe("public, no-cache");
    expect(first.headers.etag).toBe(`"${kept.sha256}"`);
    const again = await api.get(kept.url, { "if-none-match": `W/"other", "${kept.sha256}"` });
    expect(again.status).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await api.get(kept.url, { "if-none-match": '"other"' })).status).toBe(200);
    for (const url of ["/open-data/snapshot.json", "/open-data/snapshot"]) expect((await api.get(url)).headers["cache-control"], url).toBe("public, no-cache");
  });

  it("builds one snapshot when two instances build at once", async () => {
    const before = await snapshotCount();
    const outcomes = await Promise.all([builder().build(), builder().build()]);
    expect(outcomes.sort()).toEqual(["built", "busy"]);
    expect(await snapshotCount()).toBe(Math.min(before + 1, SNAPSHOTS_KEPT));
  });

  it("keeps serving the previous snapshot when a build fails, and frees the lease", async () => {
    const previous = await served();
    const broken = { ...datasets[0]!, name: "broken", view: pgTable("no_such_view", { id: uuid("id") }) };
    const errors: unknown[] = [];
    await expect(builder({ datasets: [...datasets, broken], onError: (e) => errors.push(e) }).build()).rejects.toThrow();
    expect((await served()).name).toBe(previous.name);
    expect((await archive(previous.archive.url)).length).toBe(previous.archive.bytes);
    // The next build is not kept waiting for a lease that the failed one held.
    expect(await builder().build()).toBe("built");
  });

  it("drops every snapshot at a new withholding, throws away a build that read before one, and holds nothing withheld", async () => {
    const old = await served();
    // A withholding made while a build holds its lease: the build is thrown away.
    let ids: Awaited<ReturnType<typeof loadCanaryFiles>> | undefined;
    expect(await builder({ complianceCurrent: async () => (ids = await loadCanaryFiles(api.database)) }).build()).toBe("withdrawn");
    expect(ids?.whole).toBeTruthy();
    expect(await snapshotCount()).toBe(0);
    expect((await api.get("/open-data/snapshot.json")).status).toBe(503);
    expect((await api.get(old.archive.url)).status).toBe(404);
    // A cache that asks with the dropped archive's checksum is told it is gone, not that its copy is current.
    expect((await api.get(old.archive.url, { "if-none-match": `"${old.archive.sha256}"` })).status).toBe(404);
    // Built again (the request above started it), with the canary decisions in: no withheld value, no withheld record's id.
    await builtMeanwhile();
    const files = unzipSync(new Uint8Array(await archive((await served()).archive.url)));
    const hidden = await api.database.query<{ id: string }>("SELECT record_id::text AS id FROM withholdings WHERE field IS NULL AND decision_id IN ($1, $2)", [ids!.parts, ids!.whole]);
    expect(hidden.length).toBeGreaterThan(3);
    for (const [path, bytes] of Object.entries(files)) {
      const text = Buffer.from(bytes).toString("utf8");
      expect(text.includes(CANARY), path).toBe(false);
      expect(text.includes("7777777"), path).toBe(false);
      if (!path.endsWith(".ndjson")) continue;
      const strings = text.split("\n").filter(Boolean).flatMap((line) => Object.values(JSON.parse(line) as Record<string, unknown>)).filter((v): v is string => typeof v === "string");
      const named = new Set(strings.map((v) => Buffer.from(v, "base64url").toString("utf8").split(":")[1]).filter(Boolean));
      for (const { id } of hidden) expect(named.has(id), `${path} names ${id}`).toBe(false);
    }
    expect(Object.keys(files)).toContain("withholding-notices.csv");
  });

  it("refuses a snapshot that is not kept, or a name that is not one, with a clear 404", async () => {
    for (const path of ["/open-data/snapshots/20000101T000000Z.zip", "/open-data/snapshots/latest.zip", "/open-data/snapshots/..%2Fsecrets"]) {
      const response = await api.get(path);
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.body).error.code).toBe("NOT_FOUND");
    }
  });
});
