import { Readable } from "node:stream";
import { type FastifyInstance } from "fastify";
import { type Database } from "../db/database.js";
import { datasetNamed, datasets } from "./datasets.js";
import { catalog } from "./catalog.js";
import { dataDictionary } from "./dictionary.js";
import { EXPORT_PAGE_SIZE, exportFilter, exportPages, OpenDataInputError } from "./export.js";
import { ChangeFeed, changePosition, feedTime } from "../changes/change-feed.js";
import { csvRecord, ndjsonRecord, UTF8_BOM } from "./formats.js";

/** Bulk files of every dataset, streamed from the disclosure projection, and their dictionary. */
export function registerOpenData(app: FastifyInstance, database: Database, clock: () => Date = () => new Date()): void {
  app.get("/open-data/dictionary.json", async (_request, reply) => {
    reply.header("cache-control", "public, max-age=300").header("x-generated-at", clock().toISOString());
    return dataDictionary();
  });

  app.get("/open-data/catalog.jsonld", async (request, reply) => {
    reply.header("content-type", "application/ld+json; charset=utf-8").header("cache-control", "public, max-age=300").header("x-generated-at", clock().toISOString());
    return catalog(database, `${request.protocol}://${request.host}`);
  });

  const feed = new ChangeFeed(database);
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
    async function* lines() {
      for (let more = true; more; ) {
        const page = await feed.page(position, EXPORT_PAGE_SIZE, since);
        if (page.entries.length) yield page.entries.map((entry) => JSON.stringify(entry) + "\n").join("");
        more = page.hasMore;
        if (page.entries.length) position = changePosition(page.entries.at(-1)!.cursor);
      }
    }
    reply.header("content-type", "application/x-ndjson; charset=utf-8").header("x-generated-at", clock().toISOString()).header("cache-control", "no-cache");
    return reply.send(Readable.from(lines()));
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
    const format = match[2] as "csv" | "excel.csv" | "ndjson";
    const csv = format !== "ndjson";
    const names = dataset.columns.map((c) => c.name);
    const lists = dataset.columns.map((c) => c.type === "enum-list");
    async function* body() {
      if (csv) yield (format === "excel.csv" ? UTF8_BOM : "") + csvRecord(names);
      for await (const page of exportPages(database, dataset!, filter!)) yield page.map((values) => (csv ? csvRecord(values) : ndjsonRecord(names, values, lists))).join("");
    }
    reply
      .header("content-type", csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8")
      .header("content-disposition", `attachment; filename="${dataset.name}.${format}"`)
      .header("x-generated-at", clock().toISOString())
      // Follow the change feed from here to stay in step with this file.
      .header("x-changes-cursor", await feed.latest())
      .header("cache-control", "public, max-age=60");
    return reply.send(Readable.from(body()));
  });
}
