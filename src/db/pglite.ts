import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { lockDataDir } from "./data-dir-lock.js";
import { DisclosureEpoch } from "./disclosure-epoch.js";
import { tracedPglite } from "./statement-span.js";
import { DISCLOSURE_ROLE, WRITER_ROLE, type AppDb, type Database, StatementCounter } from "./database.js";
import * as tables from "./tables.js";

export interface PgliteOptions {
  /** A data directory; absent means in memory. */
  dataDir?: string;
  /** A dump from `dumpDataDir()` to start from (tests). */
  loadDataDir?: Blob | File;
  /** With `dataDir`: what this process is, for the message another process gets while it holds the directory (see data-dir-lock.ts). */
  holder?: string;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  if (options.dataDir) mkdirSync(dirname(resolve(options.dataDir)), { recursive: true });
  const release = options.dataDir ? lockDataDir(options.dataDir, options.holder ?? "another process") : () => {};
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
    });
    const database = wrapPglite(client);
    return { ...database, close: () => database.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

export function wrapPglite(pglite: PGlite): Database {
  const statements = new StatementCounter();
  // Its statements are spans of the request's trace when tracing is on (statement-span.ts).
  const client = tracedPglite(pglite);
  const db = drizzle({ client, schema: tables, logger: { logQuery: (q, params) => statements.record(q, params) } }) as unknown as AppDb;
  return {
    kind: "pglite",
    db,
    statements,
    // PGlite has one session, so the role is set per transaction, never left on the session.
    readDisclosed: (read) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${DISCLOSURE_ROLE}`));
        return read(tx as unknown as AppDb);
      }),
    readDisclosedSnapshot: (read) =>
      db.transaction(
        async (tx) => {
          await tx.execute(sql.raw(`SET LOCAL ROLE ${DISCLOSURE_ROLE}`));
          return read(tx as unknown as AppDb);
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      ),
    consistentReads: "pages",
    asWriter: (work) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${WRITER_ROLE}`));
        return work(tx as unknown as AppDb);
      }),
    bulkLoad: (work) =>
      client.transaction((tx) =>
        work({
          // PGlite's COPY reads a file of its virtual file system; '/dev/blob' is the query's blob.
          copy: async ({ table, columns }, chunks) => {
            const text = `COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`;
            statements.record(text);
            await tx.query(text, [], { blob: new Blob([...chunks]) });
          },
          execute: async (text) => {
            statements.record(text);
            await tx.exec(text);
          },
        }),
      ),
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      statements.record(text, params);
      const result = await client.query<T>(text, params as unknown[]);
      return result.rows;
    },
    epoch: new DisclosureEpoch(),
    listen: async (channel, onNotify, onListen) => {
      const stop = await pglite.listen(channel, onNotify);
      onListen();
      return stop;
    },
    close: () => pglite.close(),
  };
}
