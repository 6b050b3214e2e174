import { type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { type QueryOptions, UPKEEP } from "../shared/sql-runner.js";
import type * as tables from "./tables.js";
import { type PoolStats, type ReplicaStats } from "./pool-gate.js";
import { type DisclosureEpoch } from "./disclosure-epoch.js";

export type AppDb = PgDatabase<PgQueryResultHKT, typeof tables>;

/** A statement as sent: its text and parameters (the query-plan check explains it as it ran). */
export interface SentStatement {
  text: string;
  params: unknown[];
  /** Statements sent in the same turn of the event loop share a wave: they were sent together. */
  wave: number;
}

/** Counts the SQL statements the application sends; tests and the benchmark use it to prove batching. */
export class StatementCounter {
  count = 0;
  readonly statements: string[] = [];
  readonly sent: SentStatement[] = [];
  private wave = -1;
  private waveOpen = false;
  record(query: string, params: unknown[] = []): void {
    if (query.startsWith(UPKEEP)) return;
    this.count += 1;
    if (!this.waveOpen) {
      this.wave += 1;
      this.waveOpen = true;
      setImmediate(() => (this.waveOpen = false));
    }
    if (this.statements.length < 1000) {
      this.statements.push(query);
      this.sent.push({ text: query, params, wave: this.wave });
    }
  }
  reset(): void {
    this.count = 0;
    this.wave = -1;
    this.statements.length = 0;
    this.sent.length = 0;
  }
}

/**
 * One seam over the two drivers (PGlite in-process, postgres.js over TCP).
 * `db` is the privileged path (migrations, seeds, later the staff path); `readDisclosed` runs a
 * read as the `disclosure_reader` role, which can see the disclosure projection and nothing else.
 */
export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly db: AppDb;
  readDisclosed<T>(read: (db: AppDb) => Promise<T>): Promise<T>;
  /**
   * Like `readDisclosed`, but the reads through the returned function share one connection while any
   * of them runs: reads started in one turn of the event loop then leave in one socket write and come
   * back together (pipelined), instead of one write and one answer per connection. Absent where
   * there is one connection anyway (PGlite).
   */
  disclosedConnection?(): <T>(read: (db: AppDb) => Promise<T>) => Promise<T>;
  /**
   * Runs `read` in one REPEATABLE READ, READ ONLY transaction as the disclosure role: every read in it
   * sees the same state of the database (the bulk snapshot's files agree with one another). It holds
   * a connection of its own for as long as `read` runs (PGlite's only one).
   */
  readDisclosedSnapshot<T>(read: (db: AppDb) => Promise<T>): Promise<T>;
  /**
   * How a file sent to a client is read: in one such transaction ("transaction", on its own pool), or
   * a page per transaction ("pages": PGlite, whose one connection a slow client would otherwise hold).
   */
  consistentReads: "transaction" | "pages";
  /**
   * The reads of one public request (anonymous or researcher) and of an open-data file: on the
   * least busy read replica that is in service (DATABASE_READ_URL), on the primary when none is.
   * Absent without replicas: the public reads are this object's own. See `forPublic`.
   */
  publicReads?(): DisclosedReads;
  /**
   * After a write's commit: resolves once every read replica has replayed it, or has been left out
   * of the public reads until it has (one that lags past the wait or cannot be reached).
   */
  replicasReplayed?(): Promise<void>;
  /** The read replicas in service and the reads moved to the primary (absent without replicas). */
  replicaStats?(): ReplicaStats;
  /** Each pool's use now and since start (PostgreSQL; PGlite has no pool). */
  poolStats?(): PoolStats[];
  /** Runs `work` in one transaction as the writer role: staff reads, and every write with its audit entry. */
  asWriter<T>(work: (db: AppDb) => Promise<T>): Promise<T>;
  /**
   * Runs `work` in one transaction on the privileged path (as migrations and seeds run) with COPY at
   * hand: the bulk loads of the seeds, which must fire the same triggers as any insert.
   */
  bulkLoad<T>(work: (load: BulkLoad) => Promise<T>): Promise<T>;
  /** Raw SQL rows, normalised across drivers. */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
  readonly statements: StatementCounter;
  /** What this process knows of the disclosure epoch: shared by every view of this database (forPublic's too). */
  readonly epoch: DisclosureEpoch;
  /**
   * LISTEN on `channel` on the primary: `onNotify` gets each payload, `onListen` is called each time
   * listening (re)starts — notifications sent while it was not listening are lost. Resolves to a stop.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A transaction of `Database.bulkLoad`. */
export interface BulkLoad {
  /**
   * `COPY table (columns) FROM STDIN` in the text format (copy-text.ts), reading `chunks` as they
   * come: on PostgreSQL each is sent as it is made; PGlite, which reads a COPY from one blob, holds
   * one call's chunks at once.
   */
  copy(into: { table: string; columns: readonly string[] }, chunks: Iterable<string>): Promise<void>;
  /** A statement without parameters or rows (DDL, SET LOCAL). */
  execute(text: string): Promise<void>;
}

export const DISCLOSURE_ROLE = "disclosure_reader";
/** Staff reads and every write run as this role (see drizzle/0002 and the grants in projection.sql.ts). */
export const WRITER_ROLE = "decisions_writer";

/** The reads a read replica can serve: the public path's, on the disclosure projection. */
export type DisclosedReads = Pick<Database, "readDisclosed" | "disclosedConnection" | "readDisclosedSnapshot" | "consistentReads">;

/**
 * `database` as the public path of one request reads it: its public reads on a replica when any is
 * configured, all else (writes, receipts, budgets) on the primary as before.
 */
export function forPublic(database: Database): Database {
  return database.publicReads ? { ...database, ...database.publicReads() } : database;
}

/** Runs reads on the disclosure projection: each in its own transaction, or all in one (a file, the bulk snapshot). */
export type DisclosedRead = <T>(work: (db: AppDb) => Promise<T>) => Promise<T>;
