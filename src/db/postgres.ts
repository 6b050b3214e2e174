import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DISCLOSURE_ROLE, WRITER_ROLE, type AppDb, type Database, StatementCounter } from "./database.js";
import { type QueryOptions } from "../shared/sql-runner.js";
import { PoolGate } from "./pool-gate.js";
import { targetOfUrl, tracedPostgres } from "./statement-span.js";
import * as tables from "./tables.js";

import { defaultPostgresOptions, type PostgresOptions } from "./pool-settings.js";

export { defaultPostgresOptions, type PostgresOptions };

/**
 * The session of a connection for consistent reads: the restricted role, each statement (a page)
 * timed like the public's, and a transaction left idle (a client that stopped reading) ended after a
 * minute by default, so that no slow client holds a snapshot, and with it the vacuum, for long.
 */
export const consistentReadSession = (statementTimeoutMs: number, idleInTransactionTimeoutMs: number) => ({
  ...serviceSession,
  application_name: "decisions-api-consistent-read",
  role: DISCLOSURE_ROLE,
  statement_timeout: statementTimeoutMs,
  idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
});

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
 * How the public path sends a statement: prepared once per connection and its plan kept. Not
 * `simple`, which postgres.js picks by itself for a statement without parameters (the first page
 * of the list): the simple protocol sends the text and plans it on every execution.
 */
export const preparedStatement = { prepare: true, simple: false } as const;

/**
 * Drizzle sends its statements unnamed, so PostgreSQL plans them on every execution; through this
 * client each statement text is prepared once per connection and its plan kept (postgres.js
 * caches prepared statements by text; connections are recycled after `max_lifetime`).
 */
export function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== "unsafe") return Reflect.get(target, property, receiver);
      return (query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => target.unsafe(query, params, { ...options, ...preparedStatement });
    },
  });
}

/** One connection of the public pool, with its own client (so that what is sent to it stays on it). */
interface PublicConnection {
  client: postgres.Sql;
  db: AppDb;
  /** Reads sent to it and not yet answered: a new group of reads goes to the least busy. */
  inFlight: number;
}

type Read = <T>(read: (db: AppDb) => Promise<T>) => Promise<T>;

/** Reads in flight on a connection past which a turn's next group goes to another. */
const TURN_DEPTH = 12;

/** The connection with the fewest reads in flight. */
function leastBusy<C>(pool: readonly C[], inFlight: (connection: C) => number): C {
  return pool.reduce((best, connection) => (inFlight(connection) < inFlight(best) ? connection : best));
}

/**
 * Chooses the connection of a group of reads formed now: the one already chosen in this turn of the
 * event loop while it has fewer than TURN_DEPTH reads in flight, else the least busy. Under load,
 * several requests' waves then leave in one write. The benchmark replays the ceiling this way too.
 */
export function turnSharing<C>(pool: () => readonly C[], inFlight: (connection: C) => number): () => C {
  let turn: C | undefined;
  return () => {
    const connections = pool();
    if (turn !== undefined && inFlight(turn) < TURN_DEPTH && connections.includes(turn)) return turn;
    if (turn === undefined) setImmediate(() => (turn = undefined));
    return (turn = leastBusy(connections, inFlight));
  };
}

/**
 * A group of reads on one connection that holds one slot of the gate while any of them runs: a
 * wave of look-ups is one use of the pool however many statements it sends, so the gate does not
 * let them out one at a time (each in a write of its own).
 */
class SharedConnection {
  private slot: { connection: Promise<PublicConnection>; failed: Promise<never>; release(): void } | undefined;
  private reading = 0;

  constructor(
    private readonly gate: PoolGate,
    private readonly choose: () => PublicConnection,
  ) {}

  readonly read: Read = async (read) => {
    const slot = (this.slot ??= this.open());
    this.reading += 1;
    try {
      const connection = await Promise.race([slot.connection, slot.failed]);
      connection.inFlight += 1;
      try {
        return await Promise.race([read(connection.db), slot.failed]);
      } finally {
        connection.inFlight -= 1;
      }
    } finally {
      this.reading -= 1;
      if (this.reading === 0 && this.slot === slot) {
        this.slot = undefined;
        slot.release();
      }
    }
  };

  private open() {
    let release = () => {};
    let grant!: (connection: PublicConnection) => void;
    const connection = new Promise<PublicConnection>((resolve) => (grant = resolve));
    const held = this.gate.run(() => {
      grant(this.choose());
      return new Promise<void>((resolve) => (release = resolve));
    });
    // Rejects when the gate refuses (busy) or the slot stalls; never settles otherwise.
    const failed = held.then(() => new Promise<never>(() => {}));
    failed.catch(() => undefined);
    return { connection, failed, release: () => release() };
  }
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const statements = new StatementCounter();
  const logger = { logQuery: (q: string, params: unknown[]) => statements.record(q, params) };
  const settings = { ...defaultPostgresOptions, ...options };
  const { max, privilegedMax, statementTimeoutMs, staffStatementTimeoutMs, idleInTransactionTimeoutMs, acquireTimeoutMs, consistentReadsMax, consistentReadMaxMs } = settings;
  // A database that does not answer is reported within seconds, not after the driver's 30.
  const common = { max, onnotice: () => {}, connect_timeout: settings.connectTimeoutSeconds, connection: { ...serviceSession, idle_in_transaction_session_timeout: idleInTransactionTimeoutMs } };
  // No statement timeout on the session: migrations and bulk loads run here too. Each writer's
  // transaction sets its own (asWriter).
  // Each client's statements are spans of the request's trace when tracing is on (statement-span.ts).
  const target = targetOfUrl(url);
  const privileged = tracedPostgres(postgres(url, { ...common, max: privilegedMax }), target);
  // The public pool is `max` clients of one connection each, not one client of `max`: postgres.js
  // hands each statement to an idle connection, so a request's batch of look-ups went out in as
  // many socket writes and came back in as many reads, and on this machine a write to a socket
  // costs more than PostgreSQL's work for a look-up. Statements sent to one client in one turn
  // leave in one write. Every connection starts as the restricted role (a startup parameter), so
  // the public path never runs with the privileges of the owner of the base tables.
  const openPublicPool = (): PublicConnection[] =>
    Array.from({ length: max }, () => {
      const client = tracedPostgres(postgres(url, { ...common, max: 1, connection: { ...common.connection, ...publicSession(statementTimeoutMs) } }), target);
      return { client, db: drizzle({ client: preparing(client), schema: tables, logger }) as unknown as AppDb, inFlight: 0 };
    });
  let publicPool = openPublicPool();
  // The statement timeout stops a slow public query; the deadline catches a call the driver never settles.
  // A call the driver never settled (seen after a backend was terminated) leaves a connection that
  // cannot be trusted: the public pool is replaced whole, and the old one ended without waiting.
  const recycle = () => {
    const old = publicPool;
    publicPool = openPublicPool();
    for (const connection of old) void connection.client.end({ timeout: 0 }).catch(() => undefined);
  };
  const publicGate = new PoolGate(max, acquireTimeoutMs, statementTimeoutMs + 3_000, recycle);
  const privilegedGate = new PoolGate(privilegedMax, acquireTimeoutMs, staffStatementTimeoutMs * 4);
  const db = drizzle({ client: privileged, schema: tables, logger }) as unknown as AppDb;
  // Connections of their own: a file sent to a slow client holds one, and must not hold one the API needs.
  const consistentGate = new PoolGate(consistentReadsMax, acquireTimeoutMs, consistentReadMaxMs);
  const consistentReads = new ConsistentReads(url, { ...common, connection: consistentReadSession(statementTimeoutMs, idleInTransactionTimeoutMs) }, logger);
  const consistentRead = <T>(read: (db: AppDb) => Promise<T>) => consistentGate.run(() => consistentReads.read(read));
  const inFlight = (connection: PublicConnection) => connection.inFlight;
  // Waves of look-ups, and reads known to be quick (an unfiltered list's page: ReadScheduler.readQuick),
  // share a connection within a turn (see turnSharing). Other statements of a request (a search, a
  // filtered walk, an aggregate) may be heavy, and two on one connection run one after the other,
  // so each goes to the least busy connection.
  const forThisTurn = turnSharing(() => publicPool, inFlight);
  const readOn =
    (choose: () => PublicConnection): Read =>
    (read) =>
      publicGate.run(() => {
        const connection = choose();
        connection.inFlight += 1;
        return read(connection.db).finally(() => (connection.inFlight -= 1));
      });
  return {
    kind: "postgres",
    db,
    statements,
    readDisclosed: readOn(() => leastBusy(publicPool, inFlight)),
    // The connection is chosen when the group gets its slot, when the connections' loads are known.
    disclosedConnection: () => new SharedConnection(publicGate, forThisTurn).read,
    readDisclosedSnapshot: consistentRead,
    consistentReads: "transaction",
    poolStats: () => [
      { pool: "public", ...publicGate.stats() },
      { pool: "privileged", ...privilegedGate.stats() },
      { pool: "consistent", ...consistentGate.stats() },
    ],
    asWriter: (work) =>
      privilegedGate.run(() =>
        db.transaction(async (tx) => {
          // One statement for both: the role, and the timeout of every statement of the transaction.
          await tx.execute(sql`SELECT set_config('role', ${WRITER_ROLE}, true), set_config('statement_timeout', ${String(staffStatementTimeoutMs)}, true)`);
          return work(tx as unknown as AppDb);
        }),
      ),
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions) => {
      statements.record(text, params);
      const rows = await privileged.unsafe(text, (params ?? []) as never[], options?.prepare ? { prepare: true } : undefined);
      return rows as unknown as T[];
    },
    close: async () => {
      await Promise.all([privileged.end({ timeout: 5 }), consistentReads.close(), ...publicPool.map((connection) => connection.client.end({ timeout: 5 }))]);
    },
  };
}

/** A connection lost in the middle of a consistent read: what was read after it would be another state. */
export class ConsistentReadLostError extends Error {
  readonly code = "CONSISTENT_READ_LOST";
  constructor() {
    super("the connection of a consistent read was lost");
  }
}

/** A client of one connection for consistent reads, and whether that connection was ever lost. */
interface ConsistentClient {
  client: postgres.Sql;
  lost: boolean;
}

/**
 * Runs reads each in one REPEATABLE READ, READ ONLY transaction, on clients of one connection kept
 * for it (the gate bounds how many are in use). Not postgres.js's `begin`: its ROLLBACK after a lost
 * connection is written to a socket that is gone, an error thrown where nothing can catch it
 * (porsager/postgres#1154). A client whose connection is lost is ended at once, so that no later
 * statement reconnects and reads outside the transaction, and it is never used again.
 */
class ConsistentReads {
  private readonly idle: ConsistentClient[] = [];

  constructor(
    private readonly url: string,
    private readonly options: postgres.Options<Record<string, postgres.PostgresType>>,
    private readonly logger: { logQuery(q: string, params: unknown[]): void },
  ) {}

  async read<T>(read: (db: AppDb) => Promise<T>): Promise<T> {
    const used = this.idle.pop() ?? this.open();
    try {
      await used.client.unsafe("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const result = await read(drizzle({ client: used.client, schema: tables, logger: this.logger }) as unknown as AppDb);
      if (used.lost) throw new ConsistentReadLostError();
      await used.client.unsafe("COMMIT");
      this.idle.push(used);
      return result;
    } catch (error) {
      // Whatever state the failure left the transaction in, the connection is not reused.
      this.discard(used);
      throw used.lost ? new ConsistentReadLostError() : error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((used) => used.client.end({ timeout: 5 })));
  }

  private open(): ConsistentClient {
    const used: ConsistentClient = { client: undefined as never, lost: false };
    used.client = tracedPostgres(postgres(this.url, {
      ...this.options,
      max: 1,
      onclose: () => {
        used.lost = true;
        this.discard(used);
      },
    }), targetOfUrl(this.url));
    return used;
  }

  private discard(used: ConsistentClient): void {
    used.lost = true;
    const at = this.idle.indexOf(used);
    if (at >= 0) this.idle.splice(at, 1);
    void used.client.end({ timeout: 0 }).catch(() => undefined);
  }
}
