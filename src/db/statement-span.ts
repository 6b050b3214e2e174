import { type Attributes, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { tracingStarted } from "../operations/tracing.js";

/*
 * A client span for each SQL statement, by the database semantic conventions. postgres.js and PGlite
 * have no maintained OpenTelemetry instrumentation (instrumentation-pg patches `pg`), so the drivers'
 * clients are wrapped where they are made, the one place every statement of either passes. Only the
 * API is used: with tracing off the clients are not wrapped at all.
 */

const tracer = trace.getTracer("decision-disclosure-api/db");

/** Where statements go: the database's name, and the server's host and port (none for PGlite, in the process). */
export interface StatementTarget {
  namespace: string;
  address?: string;
  port?: number;
}

/** The target a connection URL names; never its user or password. */
export function targetOfUrl(url: string): StatementTarget {
  try {
    const parsed = new URL(url);
    const namespace = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || "postgres";
    return { namespace, address: parsed.hostname || "localhost", port: Number(parsed.port || 5432) };
  } catch {
    return { namespace: "postgres" };
  }
}

/** The statement's command (SELECT, INSERT, WITH, BEGIN …): its first keyword. */
const operationOf = (text: string) => /^[\s(]*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Starts a span for a statement sent now and ends it when `sent` settles. The text is the statement
 * as written, its values travelling apart as parameters, which are never recorded; of a failure only
 * the SQLSTATE or the error's class is, never the message (a database's quotes the row).
 */
function observe<T extends PromiseLike<unknown>>(target: StatementTarget, text: string, sent: () => T): T {
  const operation = operationOf(text);
  const attributes: Attributes = {
    "db.system.name": "postgresql",
    "db.system": "postgresql",
    "db.namespace": target.namespace,
    "db.operation.name": operation,
    "db.query.text": text,
  };
  if (target.address) Object.assign(attributes, { "server.address": target.address, "server.port": target.port });
  const span = tracer.startSpan(`${operation} ${target.namespace}`, { kind: SpanKind.CLIENT, attributes });
  const query = sent();
  query.then(
    () => span.end(),
    (error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      const type = typeof code === "string" && SQLSTATE.test(code) ? code : error instanceof Error && /^\w{1,64}$/.test(error.name) ? error.name : "error";
      span.setAttributes({ "error.type": type, ...(typeof code === "string" && SQLSTATE.test(code) ? { "db.response.status_code": code } : {}) });
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  );
  return query;
}

type Method = (...args: never[]) => unknown;

/**
 * `client` with `statements` replaced by traced ones and the callbacks of `scopes` (transactions)
 * handed a traced client too. Other members are the client's own, bound to it (PGlite keeps
 * private fields, which a proxy as `this` cannot read).
 */
function traced<C extends object>(client: C, target: StatementTarget, statements: readonly string[], scopes: readonly string[]): C {
  return new Proxy(client, {
    get(object, property) {
      const member = Reflect.get(object, property, object) as unknown;
      if (typeof member !== "function") return member;
      const method = (member as Method).bind(object) as (...args: unknown[]) => unknown;
      if (statements.includes(property as string)) return (text: string, ...rest: unknown[]) => observe(target, text, () => method(text, ...rest) as PromiseLike<unknown>);
      if (scopes.includes(property as string)) {
        return (...args: unknown[]) => {
          const body = args.at(-1);
          if (typeof body !== "function") return method(...args);
          return method(...args.slice(0, -1), (inner: object) => (body as (c: object) => unknown)(traced(inner, target, statements, scopes)));
        };
      }
      return method;
    },
  });
}

/** A postgres.js client whose statements are traced (transactions and savepoints included), when tracing is on. */
export function tracedPostgres<C extends object>(client: C, target: StatementTarget): C {
  return tracingStarted() ? traced(client, target, ["unsafe"], ["begin", "savepoint"]) : client;
}

/** A PGlite client whose statements are traced (in transactions too), when tracing is on. */
export function tracedPglite<C extends object>(client: C): C {
  return tracingStarted() ? traced(client, { namespace: "postgres" }, ["query", "exec"], ["transaction"]) : client;
}
