import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DISCLOSURE_ROLE, type AppDb, type DisclosedReads } from "./database.js";
import { ConsistentReads } from "./consistent-reads.js";
import { PoolGate, type GateStats } from "./pool-gate.js";
import { targetOfUrl, tracedPostgres } from "./statement-span.js";
import { type defaultPostgresOptions } from "./pool-settings.js";
import * as tables from "./tables.js";

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


/** What the public pools are opened with: the settings, the driver's options every pool shares, and the statement logger. */
export interface PublicPoolsSetup {
  settings: typeof defaultPostgresOptions;
  common: postgres.Options<Record<string, postgres.PostgresType>>;
  logger: { logQuery(q: string, params: unknown[]): void };
}

/** The public pool and the consistent reads' pool of one server (the primary, or a read replica). */
export interface PublicPools {
  reads: DisclosedReads;
  stats(): { public: GateStats; consistent: GateStats };
  close(): Promise<void>;
}

/**
 * The pools of the public path on the server at `url`: each of its connections runs as the
 * restricted role from its start, and only reads (nothing here writes, makes a temporary table or
 * sets anything beyond the session's startup parameters and REPEATABLE READ READ ONLY), so a hot
 * standby serves them as the primary does.
 */
export function openPublicPools(url: string, { settings, common, logger }: PublicPoolsSetup): PublicPools {
  const { max, statementTimeoutMs, idleInTransactionTimeoutMs, acquireTimeoutMs, consistentReadsMax, consistentReadMaxMs } = settings;
  // The public pool is `max` clients of one connection each, not one client of `max`: postgres.js
  // hands each statement to an idle connection, so a request's batch of look-ups went out in as
  // many socket writes and came back in as many reads, and on this machine a write to a socket
  // costs more than PostgreSQL's work for a look-up. Statements sent to one client in one turn
  // leave in one write. Every connection starts as the restricted role (a startup parameter), so
  // the public path never runs with the privileges of the owner of the base tables.
  const target = targetOfUrl(url);
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
  // Connections of their own: a file sent to a slow client holds one, and must not hold one the API needs.
  const consistentGate = new PoolGate(consistentReadsMax, acquireTimeoutMs, consistentReadMaxMs);
  const consistentReads = new ConsistentReads(url, { ...common, connection: consistentReadSession(statementTimeoutMs, idleInTransactionTimeoutMs) }, logger);
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
    reads: {
      readDisclosed: readOn(() => leastBusy(publicPool, inFlight)),
      // The connection is chosen when the group gets its slot, when the connections' loads are known.
      disclosedConnection: () => new SharedConnection(publicGate, forThisTurn).read,
      readDisclosedSnapshot: (read) => consistentGate.run(() => consistentReads.read(read)),
      consistentReads: "transaction",
    },
    stats: () => ({ public: publicGate.stats(), consistent: consistentGate.stats() }),
    close: async () => {
      await Promise.all([consistentReads.close(), ...publicPool.map((connection) => connection.client.end({ timeout: 5 }))]);
    },
  };
}
