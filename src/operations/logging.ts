import { type FastifyServerOptions } from "fastify";
import { errorChain } from "../db/database-error.js";

type Destination = { write(line: string): void };

/** Frames of a stack without its first line, which repeats the message. */
const framesOf = (error: Error) => error.stack?.split("\n").slice(1, 8).map((line) => line.trim());

/**
 * An error as the log may hold it. A database error's message and detail can quote the values that
 * were sent (a withheld value, a commenter's name), and a failed query's error lists its parameters:
 * of those only the SQLSTATE, the names of what was involved and the SQL text (without values) are kept.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const failedQuery = (error as { query?: unknown }).query;
  const database = databaseErrorIn(error);
  if (database || typeof failedQuery === "string") {
    return {
      type: error.name,
      sqlState: database?.code,
      table: database?.table_name ?? database?.table,
      constraint: database?.constraint_name ?? database?.constraint,
      column: database?.column_name ?? database?.column,
      query: typeof failedQuery === "string" ? failedQuery : undefined,
      stack: framesOf(error),
    };
  }
  return { type: error.name, message: error.message, stack: framesOf(error) };
}

type DatabaseFields = { code?: string; table_name?: string; table?: string; constraint_name?: string; constraint?: string; column_name?: string; column?: string };

function databaseErrorIn(error: Error): DatabaseFields | null {
  for (const current of errorChain(error)) if (typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code)) return current as DatabaseFields;
  return null;
}

/**
 * Structured JSON logs (pino, through Fastify) with the request id on every line. A request is logged
 * by method and path only: a GET's query string holds the GraphQL document and its variables. The
 * Authorization header never reaches a line.
 */
export function loggerOptions(level: string, destination?: Destination): FastifyServerOptions["logger"] {
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization"], censor: "[redacted]" },
    serializers: {
      req: (request: { method: string; url: string; ip?: string; id?: string }) => ({ method: request.method, path: request.url.split("?")[0], remoteAddress: request.ip }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: loggableError as never,
    },
  };
}
