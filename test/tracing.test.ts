import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createKey } from "../src/access/api-key.service.js";
import { type Database } from "../src/db/database.js";
import { openPglite } from "../src/db/pglite.js";
import { openPostgres } from "../src/db/postgres.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { tracingConfigured } from "../src/operations/tracing.js";
import { CANARY, canary, loadCanaryFiles } from "./support/canary-file.js";
import { databaseUrlFor } from "./support/database-url.js";
import { OtlpReceiver, type ReceivedSpan } from "./support/otlp-receiver.js";
import { type ProjectCommand, runProjectCommand } from "./support/project-command.js";

/** A database of this file's own for a server process: the sample data, the canary files and a legal reviewer's key. */
async function preparedDatabase(): Promise<{ env: Record<string, string>; decision: string; reviewerKey: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  let env: Record<string, string>;
  let database: Database;
  let cleanup: () => Promise<void>;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), "otl-tracing-"));
    env = { PGLITE_DIR: join(dir, "data") };
    database = await openPglite({ dataDir: env.PGLITE_DIR, loadDataDir: new Blob([await readFile(inject("pgliteDump"))]) });
    cleanup = () => rm(dir, { recursive: true, force: true, maxRetries: 5 });
  } else {
    const name = `otl_tracing_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    env = { DATABASE_URL: databaseUrlFor(url, name) };
    database = openPostgres(env.DATABASE_URL!, { max: 2 });
    cleanup = async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  try {
    const { fields } = await loadCanaryFiles(database);
    const { secret } = await database.asWriter((db) => createKey(db, "tracing test", "LEGAL_REVIEWER"));
    return { env, decision: toGlobalId("Decision", fields), reviewerKey: secret, cleanup };
  } finally {
    await database.close();
  }
}

const preload = pathToFileURL(join(import.meta.dirname, "support/otel-loaded.mjs")).href;

/** The server, as `npm start` runs it, with the preload that reports what of OpenTelemetry it loaded. */
function startServer(env: Record<string, string>): ProjectCommand {
  return runProjectCommand("src/main.ts", [], {
    PORT: "0",
    LOG_LEVEL: "warn",
    COMPLIANCE_REFRESH_SECONDS: "0",
    OPEN_DATA_SNAPSHOT_HOURS: "0",
    OTEL_EXPORTER_OTLP_ENDPOINT: "",
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${preload}`,
    ...env,
  });
}

/** What the preload reported at exit. */
function loadedAtExit(server: ProjectCommand): { sdkModules: number; registered: string[] } {
  const [, report] = server.output().match(/opentelemetry in this process: (\{.*\})/) ?? [];
  expect(report, server.output()).toBeDefined();
  return JSON.parse(report!) as { sdkModules: number; registered: string[] };
}

const post = (endpoint: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** The span's ancestors' ids, nearest first, as far as the received spans go. */
function ancestors(span: ReceivedSpan, spans: ReceivedSpan[]): string[] {
  const ids: string[] = [];
  for (let parent = span.parentSpanId; parent; parent = spans.find((s) => s.spanId === parent)?.parentSpanId) ids.push(parent);
  return ids;
}

/** The HTTP server span of the request with this id (the id the response gave back). */
const serverSpanOf = (spans: ReceivedSpan[], requestId: string) =>
  spans.find((s) => s.kind === 2 && s.scope === "@opentelemetry/instrumentation-http" && (s.attributes["http.response.header.x-request-id"] as unknown[] | undefined)?.[0] === requestId);

describe("OpenTelemetry traces", () => {
  let prepared: Awaited<ReturnType<typeof preparedDatabase>>;
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    prepared = await preparedDatabase();
    receiver = await OtlpReceiver.start();
  }, 300_000);
  afterAll(async () => {
    await receiver?.close();
    await prepared?.cleanup();
  });

  // Starts of a server process: the timeouts guard against a hang and are no speed target.
  it("are exported to the configured OTLP endpoint: HTTP, Fastify, GraphQL and SQL spans of one request, in one trace", async () => {
    const server = startServer({ ...prepared.env, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: "50" });
    const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
    const requestId = `tracing-${randomUUID()}`;
    const searched = canary("F", "decision.title");
    const response = await post(endpoint!, { query: "query TracedDecisions($search: String) { decisions(first: 5, filter: { search: $search }) { totalCount nodes { title } } }", variables: { search: searched } }, { "x-request-id": requestId });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(requestId);

    const { http, fastify, execute, statements, spans } = await receiver.until((received) => {
      const http = serverSpanOf(received, requestId);
      if (!http) return undefined;
      const spans = received.filter((s) => s.traceId === http.traceId);
      const fastify = spans.find((s) => s.scope === "@fastify/otel" && s.name === "request");
      const execute = spans.find((s) => s.scope === "@opentelemetry/instrumentation-graphql" && s.name === "query TracedDecisions");
      const statements = spans.filter((s) => s.kind === 3 && s.attributes["db.system.name"] === "postgresql" && ancestors(s, spans).includes(execute?.spanId ?? "none"));
      return fastify && execute && statements.length > 0 ? { http, fastify, execute, statements, spans } : undefined;
    });
    expect(http.attributes).toMatchObject({ "http.request.method": "POST", "http.route": "/graphql", "http.response.status_code": 200, "url.path": "/graphql" });
    expect(ancestors(fastify, spans)).toContain(http.spanId);
    expect(ancestors(execute, spans)).toContain(http.spanId);
    expect(execute.attributes).toMatchObject({ "graphql.operation.name": "TracedDecisions", "graphql.operation.type": "query" });
    const namespace = process.env.DATABASE_URL ? `otl_tracing_${process.pid}` : "postgres";
    for (const statement of statements) {
      expect(statement.attributes).toMatchObject({ "db.system": "postgresql", "db.namespace": namespace });
      expect(statement.attributes["db.operation.name"]).toMatch(/^[A-Z]+$/);
      expect(statement.name).toBe(`${statement.attributes["db.operation.name"]} ${namespace}`);
      if (process.env.DATABASE_URL) expect(statement.attributes).toMatchObject({ "server.address": "127.0.0.1", "server.port": 5432 });
    }
    // The search's statement is there as written, its value a parameter.
    expect(statements.some((s) => /search_(documents|matches)/.test(String(s.attributes["db.query.text"])) && /\$\d/.test(String(s.attributes["db.query.text"])))).toBe(true);

    server.stop();
    expect(await server.exited).toBe(0);
    expect(loadedAtExit(server).sdkModules).toBeGreaterThan(0);
    expect(loadedAtExit(server).registered).toContain("trace");
  }, 300_000);

  it("carry no withheld value: not from a variable, a literal, a query string, an error's message, nor a result", async () => {
    const server = startServer({ ...prepared.env, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: "50", LOG_LEVEL: "info" });
    const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
    const searched = canary("F", "decision.title");
    const ids = { staff: randomUUID(), get: randomUUID(), invalid: randomUUID(), receipt: randomUUID() };
    // A legal reviewer reads the withheld values (they are in the answer), and passes one as a variable.
    const read = await post(
      endpoint!,
      { query: "query ReviewerRead($id: ID!, $search: String) { node(id: $id) { ... on Decision { title summary budgetYuan } } decisions(first: 1, filter: { search: $search }) { totalCount } }", variables: { id: prepared.decision, search: searched } },
      { authorization: `Bearer ${prepared.reviewerKey}`, "x-request-id": ids.staff },
    );
    expect(await read.text()).toContain(CANARY);
    // In a GET's query string, as a literal of the document.
    const document = `query LiteralSearch { decisions(filter: { search: "${searched}" }) { totalCount } }`;
    const get = await fetch(`${endpoint}?query=${encodeURIComponent(document)}`, { headers: { "apollo-require-preflight": "true", "x-request-id": ids.get } });
    expect(get.status).toBe(200);
    // In a literal that fails validation: graphql-js quotes it in the error's message.
    const invalid = await post(endpoint!, { query: `query BadArgument { decisions(first: "${searched}") { totalCount } }` }, { "x-request-id": ids.invalid });
    expect(invalid.status).toBe(400);
    // In a path: a comment's receipt number is the commenter's to know, like a value.
    const receipt = await fetch(new URL(`/comments/status/${encodeURIComponent(searched)}`, endpoint), { headers: { "x-request-id": ids.receipt } });
    expect(receipt.status).toBeLessThan(500);
    // The SDK sends what it still holds as the server shuts down.
    server.stop();
    expect(await server.exited).toBe(0);

    // Every request's spans are in by now: the server sent them before it exited.
    const spans = receiver.spans;
    for (const id of Object.values(ids)) expect(serverSpanOf(spans, id), id).toBeDefined();
    const traceOf = (id: string) => spans.filter((s) => s.traceId === serverSpanOf(spans, id)!.traceId);
    expect(traceOf(ids.staff).filter((s) => s.kind === 3).length).toBeGreaterThan(0);
    expect(traceOf(ids.get).find((s) => s.name === "query LiteralSearch")?.attributes["graphql.source"]).toContain('search: "*"');
    expect(traceOf(ids.invalid).some((s) => s.name === "graphql.validate")).toBe(true);
    expect(serverSpanOf(spans, ids.receipt)!.attributes["url.path"]).toBe("/comments/status/…");
    // The failed request's log line names its trace.
    const lines = server.standardOutput().split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    const errorLine = lines.find((line) => line.reqId === ids.invalid && line.msg === "graphql error");
    expect(errorLine?.traceId).toBe(serverSpanOf(spans, ids.invalid)!.traceId);
    for (const body of receiver.bodies) expect(body).not.toContain(CANARY);
  }, 300_000);

  it("are configured by either OTLP endpoint variable, and OTEL_SDK_DISABLED turns them off", () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: " " })).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces" })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "TRUE" })).toBe(false);
  });

  it("are off unless an endpoint is configured: none of the SDK is loaded, nothing is registered", async () => {
    const server = startServer({ ...prepared.env, OTEL_SERVICE_NAME: "decisions-off", OTEL_BSP_SCHEDULE_DELAY: "50" });
    const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
    const response = await post(endpoint!, { query: "query Untraced { regions { id } }" });
    expect(response.status).toBe(200);
    server.stop();
    expect(await server.exited).toBe(0);
    expect(loadedAtExit(server)).toEqual({ sdkModules: 0, registered: [] });
  }, 300_000);
});
