import { trace } from "@opentelemetry/api";
import { type FastifyServerOptions } from "fastify";
import { errorChain } from "../db/database-error.js";
import { loggableMessage } from "./log-message.js";
import { loggablePath } from "./loggable-path.js";
import { tracingStarted } from "./tracing.js";

type Destination = { write(line: string): void };

/*
 * Logs never hold values (DESIGN.md §3): no statement parameter, record value, commenter's detail,
 * key or query variables. Every part of a line is allow-listed: which keys a line may have, which
 * fields of an error, a request and a reply, and which lines of a stack. An error's message is
 * never kept: drizzle's reads "Failed query: … params: <values>", the database's quote values
 * ("Key (x)=(…) already exists"), Node's own quote their input ("… is not valid JSON"), and ours
 * may name a record's value. What is kept (class, codes, the names of a table, constraint and
 * column, and where the code was) says what failed and where without saying with what.
 */

/** Names: an identifier (an error class, a table, a constraint, a column), or nothing. */
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,62}$/;
/** Codes: SQLSTATE, Node's (ECONNRESET, ERR_INVALID_URL) and drivers' (CONNECTION_CLOSED). */
const CODE = /^[A-Z0-9_]{1,40}$/;

const nameOf = (value: unknown) => (typeof value === "string" && IDENTIFIER.test(value) ? value : undefined);
const codeOf = (value: unknown) => (typeof value === "string" && CODE.test(value) ? value : undefined);
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * A line of a stack that is a frame: `at [async |new ]name (location)` or `at location`, where a
 * location is a file's path or URL ending in line and column, or `<anonymous>`, `native`, `index n`.
 */
const FRAME = /^at (?:async |new )?(?:[^\s()]+(?: \[as [^\]\s]+\])? \((?:(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^()]*:\d+:\d+|<anonymous>|native|index \d+)\)|(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^()]*:\d+:\d+)$/;

/**
 * Where the error was thrown: the frames of its stack, at most seven. A stack starts with the
 * error's name and message, which may run over several lines (drizzle's second line lists the
 * parameters): those lines are skipped by count, and of the rest only lines that are frames are kept,
 * so that a value shaped like a frame inside a message cannot pass either.
 */
function framesOf(error: Error): string[] | undefined {
  if (typeof error.stack !== "string") return undefined;
  const messageLines = String(error.message ?? "").split("\n").length;
  const frames = error.stack.split("\n").slice(messageLines).map((line) => line.trim()).filter((line) => FRAME.test(line));
  return frames.length ? frames.slice(0, 7) : undefined;
}

type DatabaseFields = { code?: unknown; table_name?: unknown; table?: unknown; constraint_name?: unknown; constraint?: unknown; column_name?: unknown; column?: unknown };

function databaseErrorIn(error: Error): DatabaseFields | null {
  for (const current of errorChain(error)) if (typeof current.code === "string" && SQLSTATE.test(current.code)) return current as DatabaseFields;
  return null;
}

/**
 * An error as a log line may hold it, built field by field from what cannot carry a value: the
 * error's class and code, the SQLSTATE and the names of the table, constraint and column of a
 * database error, the classes and codes of the errors it wraps, and its stack's frames.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const database = databaseErrorIn(error);
  const causes = [...errorChain(error)].slice(1).map((cause) => ({ type: nameOf((cause as { name?: unknown }).name), code: codeOf(cause.code) }));
  return {
    type: nameOf(error.name) ?? "Error",
    code: codeOf((error as { code?: unknown }).code),
    sqlState: database ? codeOf(database.code) : undefined,
    table: nameOf(database?.table_name ?? database?.table),
    constraint: nameOf(database?.constraint_name ?? database?.constraint),
    column: nameOf(database?.column_name ?? database?.column),
    causes: causes.length ? causes : undefined,
    stack: framesOf(error),
  };
}

/** A request as logged: its method and path, never a header. */
function loggableRequest(request: { method?: unknown; url?: unknown; ip?: unknown }): Record<string, unknown> {
  return {
    method: typeof request.method === "string" && /^[A-Z]{1,16}$/.test(request.method) ? request.method : undefined,
    path: typeof request.url === "string" ? loggablePath(request.url) : undefined,
    remoteAddress: typeof request.ip === "string" ? request.ip : undefined,
  };
}

const loggableReply = (reply: { statusCode?: unknown }) => ({ statusCode: typeof reply.statusCode === "number" ? reply.statusCode : undefined });

/** What background work reports (`work`): these keys only, each a count or a name, a day or an id. */
const WORK_KEYS = ["event", "holder", "today", "decisions", "assessments", "results", "ms"];
const WORK_TEXT = /^[\w:.-]{1,64}$/;

function loggableWork(work: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    WORK_KEYS.map((key) => [key, work[key]]).filter(([, value]) => (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && WORK_TEXT.test(value))),
  );
}

/**
 * The keys a line's object may have (Fastify's request lines and errors'); any other is dropped
 * before serialisation, so that `log.info({ input }, …)` or `{ headers }` cannot reach a line.
 */
const LINE_KEYS = new Set(["err", "req", "res", "responseTime", "export", "graphqlError", "work", "traceId"]);

/** With tracing on, a line written during a request names its trace: a line leads to the spans, and the spans' request id to the lines. */
function traceOfLine(): { traceId?: string } {
  const span = trace.getActiveSpan();
  return span ? { traceId: span.spanContext().traceId } : {};
}

function allowListed(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => LINE_KEYS.has(key)));
}

/**
 * Every call's message goes through `loggableMessage` (first line, not an error's message), and any
 * arguments for printf-style interpolation are dropped: a message is what the code wrote.
 */
function logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void {
  const [first, second] = args;
  const object = typeof first === "object" && first !== null ? first : undefined;
  const text = typeof first === "string" ? first : typeof second === "string" ? second : undefined;
  // Always a message: given none, pino would take the error's message as the line's.
  const message = loggableMessage(text, object);
  if (object) method.call(this, object, message);
  else method.call(this, message);
}

/**
 * Structured JSON logs (pino, through Fastify) with the request id on every line, each part
 * allow-listed (see above). A request is logged by method and path only; no header reaches a line.
 */
export function loggerOptions(level: string, destination?: Destination): FastifyServerOptions["logger"] {
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    formatters: { log: allowListed },
    ...(tracingStarted() ? { mixin: traceOfLine } : {}),
    hooks: { logMethod },
    serializers: {
      req: loggableRequest as never,
      res: loggableReply as never,
      err: loggableError as never,
      work: loggableWork as never,
    },
  };
}
