/** A PostgreSQL server's pools and timeouts, as configured (config.ts) and used (postgres.ts). */
export interface PostgresOptions {
  /** Connections of the public pool (anonymous and researcher reads). */
  max?: number;
  /** Connections of the privileged pool (writes, staff reads, background work). */
  privilegedMax?: number;
  /** The public role's statement_timeout: a slow public query is stopped and its connection freed. */
  statementTimeoutMs?: number;
  /** Each statement of a keyed request or a write (a transaction of `asWriter`) is stopped after this. */
  staffStatementTimeoutMs?: number;
  /** A session idle inside a transaction this long is ended by PostgreSQL, freeing its locks. */
  idleInTransactionTimeoutMs?: number;
  /** How long opening a connection may take before it is reported as failed. */
  connectTimeoutSeconds?: number;
  /** How long a request may wait for a free connection before it is refused (503). */
  acquireTimeoutMs?: number;
  /** Connections for reads that must see one state of the database throughout (a file, the bulk snapshot). */
  consistentReadsMax?: number;
  /** The longest such read: a file still being sent after this is cut (the client sees an incomplete response). */
  consistentReadMaxMs?: number;
}

export const defaultPostgresOptions = {
  max: 10,
  privilegedMax: 5,
  statementTimeoutMs: 5_000,
  staffStatementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 60_000,
  connectTimeoutSeconds: 5,
  acquireTimeoutMs: 2_000,
  consistentReadsMax: 4,
  consistentReadMaxMs: 1_800_000,
};
