import { Readable } from "node:stream";
import { type FastifyInstance, type FastifyReply } from "fastify";
import { type Database, forPublic } from "../db/database.js";
import { datasetNamed, datasets } from "./datasets.js";
import { catalog } from "./catalog.js";
import { dataDictionary } from "./dictionary.js";
import { EXPORT_PAGE_SIZE, exportFilter, exportPages, fileChunks, type FileFormat, OpenDataInputError } from "./export.js";
import { ChangeFeed, changePosition, feedTime } from "../changes/change-feed.js";
import { ComplianceIndex, ReportsPendingError } from "../compliance/compliance-index.js";
import { chinaDate } from "../compliance/working-days.js";
import { OpenDataSnapshots, SNAPSHOT_NAME, SNAPSHOTS_KEPT } from "./snapshot.js";
import { readConsistently } from "./consistent-read.js";
import { ExportSlots, watchedForCuts } from "./export-slots.js";
import { heldAlready, PUBLIC_CACHE_CONTROL } from "../protection/http-cache.js";

/**
 * A response body that asks for a chunk (a page of up to 2,500 rows) only when the one before has
 * gone on: a slow client holds the page being sent and the one read ahead, never more.
 */
const oneChunkAhead = <T>(chunks: AsyncIterable<T>) => Readable.from(chunks, { highWaterMark: 1 });

/**
 * Bulk files of every dataset, streamed from the disclosure projection, and their dictionary. Each
 * request reads where the public path reads (a read replica when any is configured: forPublic); the
 * snapshot is built, and the compliance reports brought up to date, on the primary.
 */
export function registerOpenData(
  app: FastifyInstance,
  database: Database,
  clock: () => Date = () => new Date(),
  complianceIndex = new ComplianceIndex(database),
  snapshots = new OpenDataSnapshots(database, { clock, complianceCurrent: () => complianceIndex.current(chinaDate(clock())) }),
  slots = new ExportSlots(4),
): void {
  const cutReported = (what: string) => (error: unknown) => {
    const filesCut = slots.noteCut();
    // The cause by its code or kind only: a database error's message may hold the statement.
    const cause = (error as { code?: unknown })?.code ?? (error instanceof Error ? error.name : typeof error);
    app.log.warn({ export: { file: what, cause: String(cause), filesCut } }, "open-data file cut by a failure: the client got an incomplete response");
  };
  const complianceCurrent = () =>
    complianceIndex.current(chinaDate(clock())).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ReportsPendingError) return false;
        throw error;
      },
    );
  app.get("/open-data/dictionary.json", async (_request, reply) => {
    reply.header("cache-control", "public, max-age=300").header("x-generated-at", clock().toISOString());
    return dataDictionary();
  });

  app.get("/open-data/catalog.jsonld", async (request, reply) => {
    reply.header("content-type", "application/ld+json; charset=utf-8").header("cache-control", PUBLIC_CACHE_CONTROL).header("x-generated-at", clock().toISOString());
    const reads = forPublic(database);
    return catalog(reads, `${request.protocol}://${request.host}`, { now: clock(), complianceCurrent, snapshot: await snapshots.latest(reads) });
  });

  // The bulk snapshot. None kept yet (a new database, or a withholding dropped them): one is built,
  // and the client is told to come back.
  const noSnapshot = (reply: FastifyReply) => {
    snapshots.ensure();
    return reply.code(503).header("retry-after", "30").send({ error: { code: "SNAPSHOT_PENDING", message: "No snapshot is ready yet: one is being built. Try again shortly." } });
  };
  app.get("/open-data/snapshot.json", async (_request, reply) => {
    const latest = await snapshots.latest(forPublic(database));
    if (!latest) return noSnapshot(reply);
    reply.header("cache-control", PUBLIC_CACHE_CONTROL);
    return { ...latest.manifest, archive: { url: `/open-data/snapshots/${latest.name}.zip`, bytes: latest.byteSize, sha256: latest.sha256 } };
  });
  app.get("/open-data/snapshot", async (_request, reply) => {
    const latest = await snapshots.latest(forPublic(database));
    if (!latest) return noSnapshot(reply);
    return reply.header("cache-control", PUBLIC_CACHE_CONTROL).redirect(`/open-data/snapshots/${latest.name}.zip`, 302);
  });
  app.get<{ Params: { file: string } }>("/open-data/snapshots/:file", async (request, reply) => {
    const name = request.params.file.replace(/\.zip$/, "");
    const reads = forPublic(database);
    const snapshot = SNAPSHOT_NAME.test(name) && request.params.file.endsWith(".zip") ? await snapshots.named(name, reads) : null;
    if (!snapshot) return reply.code(404).send({ error: { code: "NOT_FOUND", message: `No such snapshot. The latest is at /open-data/snapshot, its manifest at /open-data/snapshot.json; the latest ${SNAPSHOTS_KEPT} are kept.` } });
    // A snapshot never changes, but one that a withholding dropped is gone (404): a cache asks each
    // time, and a copy it holds is confirmed by its checksum without a byte of the archive sent.
    const etag = `"${snapshot.sha256}"`;
    reply.header("etag", etag).header("cache-control", PUBLIC_CACHE_CONTROL);
    if (heldAlready(request.headers["if-none-match"], etag)) return reply.code(304).send();
    if (!slots.take(reply)) return slots.refuse(reply);
    reply
      .header("content-type", "application/zip")
      .header("content-length", snapshot.byteSize)
      .header("content-disposition", `attachment; filename="open-data-${snapshot.name}.zip"`)
      .header("x-checksum-sha256", snapshot.sha256);
    return reply.send(oneChunkAhead(watchedForCuts(snapshots.archive(snapshot, reads), cutReported(`snapshots/${snapshot.name}.zip`))));
  });

  app.get<{ Querystring: Record<string, string> }>("/open-data/changes.ndjson", async (request, reply) => {
    let position: number;
    let since: Date | undefined;
    const unknown = Object.keys(request.query).filter((key) => key !== "after" && key !== "since");
    if (unknown.length) return reply.code(400).send({ error: { code: "BAD_USER_INPUT", message: `Unknown parameter ${unknown.join(", ")}; the feed takes only after and since.` } });
    try {
      position = changePosition(request.query.after);
    } catch {
      return reply.code(400).send({ error: { code: "BAD_USER_INPUT", message: "after must be a cursor of the change feed." } });
    }
    try {
      since = feedTime(request.query.since);
    } catch {
      return reply.code(400).send({ error: { code: "BAD_USER_INPUT", message: "since must be an ISO 8601 date and time with its offset, e.g. 2026-01-01T00:00:00Z." } });
    }
    if (!slots.take(reply)) return slots.refuse(reply);
    const feed = new ChangeFeed(forPublic(database));
    async function* lines() {
      for (let more = true; more; ) {
        const page = await feed.page(position, EXPORT_PAGE_SIZE, since);
        if (page.entries.length) yield page.entries.map((entry) => JSON.stringify(entry) + "\n").join("");
        more = page.hasMore;
        if (page.entries.length) position = changePosition(page.entries.at(-1)!.cursor);
      }
    }
    reply.header("content-type", "application/x-ndjson; charset=utf-8").header("x-generated-at", clock().toISOString()).header("cache-control", "no-cache");
    return reply.send(oneChunkAhead(watchedForCuts(lines(), cutReported("changes.ndjson"))));
  });

  app.get<{ Params: { file: string }; Querystring: Record<string, string> }>("/open-data/:file", async (request, reply) => {
    // <name>.excel.csv: the CSV file with a byte-order mark, for spreadsheets.
    const match = /^([a-z-]+)\.(csv|ndjson|excel\.csv)$/.exec(request.params.file);
    const dataset = match ? datasetNamed(match[1]!) : undefined;
    if (!match || !dataset) {
      return reply.code(404).send({ error: { code: "NOT_FOUND", message: `No such file. The datasets are: ${datasets.map((d) => d.name).join(", ")}; each as .csv, .excel.csv (with a byte-order mark, for spreadsheets) or .ndjson.` } });
    }
    let filter;
    try {
      filter = exportFilter(dataset, request.query);
    } catch (error) {
      if (error instanceof OpenDataInputError) return reply.code(400).send({ error: { code: "BAD_USER_INPUT", message: error.message } });
      throw error;
    }
    if (!slots.take(reply)) return slots.refuse(reply);
    // The compliance report as of today: the kept reports are brought up to date first (a 503 with
    // Retry-After if that cannot be waited for), so that no decision's results are missing or old.
    if (dataset.name === "compliance-results") {
      await complianceIndex.current(chinaDate(clock()));
      reply.header("x-assessed-on", chinaDate(clock()));
    }
    const format = match[2] as FileFormat;
    const csv = format !== "ndjson";
    reply
      .header("content-type", csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8")
      .header("content-disposition", `attachment; filename="${dataset.name}.${format}"`)
      .header("x-generated-at", clock().toISOString())
      // Read afresh each time: a shared cache must not go on sending a row after its withholding.
      .header("cache-control", PUBLIC_CACHE_CONTROL);
    // The feed's cursor first, read with the file: follow the change feed from there to stay in step with it.
    const reads = forPublic(database);
    const body = readConsistently(reads, async function* (read) {
      yield await new ChangeFeed(reads).latest(read);
      yield* fileChunks(dataset, format, slots.counted(dataset.name, exportPages(dataset, filter, format, read, reads.consistentReads)));
    });
    const cursor = await body.next();
    if (!cursor.done) reply.header("x-changes-cursor", cursor.value);
    return reply.send(oneChunkAhead(watchedForCuts(body, cutReported(`${dataset.name}.${format}`))));
  });
}
