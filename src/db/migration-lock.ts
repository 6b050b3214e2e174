import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { type AppDb, type Database } from "./database.js";
import * as tables from "./tables.js";

/** The advisory lock every migration of a PostgreSQL database runs under (any number, the same in every build). */
export const MIGRATION_LOCK = 7130713;

/** A transaction on the locked connection: BEGIN … COMMIT sent to it, the work's statements between. */
export type LockedTransaction = <T>(work: (db: AppDb) => Promise<T>) => Promise<T>;

/**
 * Runs `work` on one connection of the privileged pool that holds the migration lock, a session
 * advisory lock: instances (or `npm run migrate`s) started together wait for each other here.
 * `onWait` is told once when another session holds it. A session lock is taken and given back on
 * one connection, so the connection is reserved out of the pool for the whole work; postgres.js's
 * `begin` is not available on it, hence `transaction`. A process that dies holding the lock loses
 * its connection, and PostgreSQL gives the lock to the next.
 */
export async function onLockedConnection<T>(database: Database, onWait: (() => void) | undefined, work: (db: AppDb, transaction: LockedTransaction) => Promise<T>): Promise<T> {
  const pool = (database.db as unknown as { $client: postgres.Sql }).$client;
  const connection = await pool.reserve();
  try {
    const [free] = await connection.unsafe<{ taken: boolean }[]>("SELECT pg_try_advisory_lock($1) AS taken", [MIGRATION_LOCK]);
    if (!free?.taken) {
      onWait?.();
      await connection.unsafe("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    }
    try {
      // drizzle sets its type parsers on the client's `options`, which a reserved connection shares with its pool but does not carry.
      const db = drizzle({ client: Object.assign(connection, { options: pool.options }), schema: tables }) as unknown as AppDb;
      return await work(db, transactionOn(connection, db));
    } finally {
      await connection.unsafe("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    connection.release();
  }
}

function transactionOn(connection: postgres.ReservedSql, db: AppDb): LockedTransaction {
  return async (work) => {
    await connection.unsafe("BEGIN");
    try {
      const result = await work(db);
      await connection.unsafe("COMMIT");
      return result;
    } catch (error) {
      await connection.unsafe("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
}
