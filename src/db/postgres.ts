import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DISCLOSURE_ROLE, WRITER_ROLE, type AppDb, type Database, StatementCounter } from "./database.js";
import { PoolGate } from "./pool-gate.js";
import * as tables from "./tables.js";

export interface PostgresOptions {
  max?: number;
  /** The public role's statement_timeout: a slow public query is stopped and its connection freed. */
  statementTimeoutMs?: number;
  /** How long a request may wait for a free connection before it is refused (503). */
  acquireTimeoutMs?: number;
}

export const defaultPostgresOptions = { max: 10, statementTimeoutMs: 5_000, acquireTimeoutMs: 2_000 };

/**
 * Every connection's session. No JIT compilation: it pays off for long analytical queries, and its
 * threshold is a plan's estimated cost, which a generic plan guesses: the search's first page
 * compiled 183 functions on every execution (19 → 66 ms).
 */
export const serviceSession = { application_name: "decisions-api", jit: "off" };

/**
 * The public pool's session: the restricted role, the statement timeout, and generic plans. The
 * projection's views make planning dear (the withholding notices, a union over every kind of
 * record, take ~60 ms to plan and ~1 ms to run); the public sends few statements, over and over,
 * so each is planned once per connection (see `preparing`) instead of on every execution.
 */
export const publicSession = (statementTimeoutMs: number) => ({ ...serviceSession, role: DISCLOSURE_ROLE, statement_timeout: statementTimeoutMs, plan_cache_mode: "force_generic_plan" });

/**
 * Drizzle sends its statements unnamed, so PostgreSQL plans them on every execution; through this
 * client each statement text is prepared once per connection and its plan kept (postgres.js
 * caches prepared statements by text; connections are recycled after `max_lifetime`).
 */
export function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "unsafe") return Reflect.get(target, property, receiver);
      return (query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, params, { ...options, prepare: true });
    },
  });
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const statements = new StatementCounter();
  const logger = { logQuery: (q: string, params: unknown[]) => statements.record(q, params) };
  const { max, statementTimeoutMs, acquireTimeoutMs } = { ...defaultPostgresOptions, ...options };
  // A database that does not answer is reported within seconds, not after the driver's 30.
  const common = { max, onnotice: () => {}, connect_timeout: 5, connection: serviceSession };
  const privileged = postgres(url, common);
  // Every connection of this pool starts as the restricted role (a startup parameter), so the
  // public path never runs with the privileges of the owner of the base tables.
  const openDisclosed = () => postgres(url, { ...common, connection: { ...common.connection, ...publicSession(statementTimeoutMs) } });
  let disclosed = openDisclosed();
  // The statement timeout stops a slow public query; the deadline catches a call the driver never settles.
  // A call the driver never settled (seen after a backend was terminated) leaves a connection that
  // cannot be trusted: the public pool is replaced whole, and the old one ended without waiting.
  const recycle = () => {
    const old = disclosed;
    disclosed = openDisclosed();
    disclosedDb = drizzle({ client: preparing(disclosed), schema: tables, logger }) as unknown as AppDb;
    void old.end({ timeout: 0 }).catch(() => undefined);
  };
  const publicGate = new PoolGate(max, acquireTimeoutMs, statementTimeoutMs + 3_000, recycle);
  const privilegedGate = new PoolGate(max, acquireTimeoutMs, 60_000);
  const db = drizzle({ client: privileged, schema: tables, logger }) as unknown as AppDb;
  let disclosedDb = drizzle({ client: preparing(disclosed), schema: tables, logger }) as unknown as AppDb;
  return {
    kind: "postgres",
    db,
    statements,
    readDisclosed: (read) => publicGate.run(() => read(disclosedDb)),
    asWriter: (work) =>
      privilegedGate.run(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql.raw(`SET LOCAL ROLE ${WRITER_ROLE}`));
          return work(tx as unknown as AppDb);
        }),
      ),
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      statements.record(text, params);
      const rows = await privileged.unsafe(text, (params ?? []) as never[]);
      return rows as unknown as T[];
    },
    close: async () => {
      await Promise.all([privileged.end({ timeout: 5 }), disclosed.end({ timeout: 5 })]);
    },
  };
}
