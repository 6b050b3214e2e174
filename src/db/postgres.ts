import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type BulkLoad, WRITER_ROLE, type AppDb, type Database, StatementCounter } from "./database.js";
import { type QueryOptions } from "../shared/sql-runner.js";
import { PoolGate } from "./pool-gate.js";
import { DisclosureEpoch } from "./disclosure-epoch.js";
import { targetOfUrl, tracedPostgres } from "./statement-span.js";
import { openPublicPools, serviceSession } from "./public-pools.js";
import { ReadReplicas } from "./read-replicas.js";
import { socketWithoutDelay } from "./tcp-socket.js";
import * as tables from "./tables.js";

import { defaultPostgresOptions, type PostgresOptions } from "./pool-settings.js";

export { defaultPostgresOptions, type PostgresOptions };
export { preparedStatement, publicSession, turnSharing } from "./public-pools.js";

/**
 * The primary at `url`, and the read replicas at `readUrls` (DATABASE_READ_URL), each with pools of
 * the same settings. The replicas serve only what `publicReads` hands out: the reads of an
 * anonymous or researcher request and of the open-data files. Everything else — writes, staff
 * reads, receipts, budgets, leases, background work, migrations — is on the primary.
 */
export function openPostgres(url: string, options: PostgresOptions = {}, readUrls: readonly string[] = []): Database {
  const statements = new StatementCounter();
  const logger = { logQuery: (q: string, params: unknown[]) => statements.record(q, params) };
  const settings = { ...defaultPostgresOptions, ...options };
  const { max, privilegedMax, staffStatementTimeoutMs, idleInTransactionTimeoutMs, acquireTimeoutMs } = settings;
  // A database that does not answer is reported within seconds, not after the driver's 30.
  const common = { max, onnotice: () => {}, socket: socketWithoutDelay, connect_timeout: settings.connectTimeoutSeconds, connection: { ...serviceSession, idle_in_transaction_session_timeout: idleInTransactionTimeoutMs } };
  // No statement timeout on the session: migrations and bulk loads run here too. Each writer's
  // transaction sets its own (asWriter).
  // Each client's statements are spans of the request's trace when tracing is on (statement-span.ts).
  const privileged = tracedPostgres(postgres(url, { ...common, max: privilegedMax }), targetOfUrl(url));
  const primary = openPublicPools(url, { settings, common, logger });
  const privilegedGate = new PoolGate(privilegedMax, acquireTimeoutMs, staffStatementTimeoutMs * 4);
  const db = drizzle({ client: privileged, schema: tables, logger }) as unknown as AppDb;
  // Where the primary's WAL is flushed to: every commit that has returned lies before it.
  const primaryLsn = async () => {
    const [row] = await privileged.unsafe<{ lsn: string }[]>("SELECT pg_current_wal_flush_lsn()::text AS lsn");
    return row!.lsn;
  };
  const replicas = readUrls.length ? new ReadReplicas(readUrls, { settings, common, logger }, primary.reads, primaryLsn) : null;
  return {
    kind: "postgres",
    db,
    statements,
    ...primary.reads,
    ...(replicas && { publicReads: () => replicas.choose(), replicasReplayed: () => replicas.replayed(), replicaStats: () => replicas.stats() }),
    poolStats: () => [
      { pool: "public", ...primary.stats().public },
      { pool: "privileged", ...privilegedGate.stats() },
      { pool: "consistent", ...primary.stats().consistent },
      ...(replicas ? replicas.poolStats() : []),
    ],
    asWriter: (work) =>
      privilegedGate.run(() =>
        db.transaction(async (tx) => {
          // One statement for all: the role, the timeout of every statement of the transaction, and
          // remote_apply: where the operator names synchronous standbys (synchronous_standby_names)
          // the commit returns only once they have applied it; without any it is a local commit, and
          // asPublicWriter's wait for the replicas (replicasReplayed) stands alone.
          await tx.execute(
            sql`SELECT set_config('role', ${WRITER_ROLE}, true), set_config('statement_timeout', ${String(staffStatementTimeoutMs)}, true), set_config('synchronous_commit', 'remote_apply', true)`,
          );
          return work(tx as unknown as AppDb);
        }),
      ),
    // Outside the privileged gate, as migrations are: a load runs for minutes, past any use's deadline.
    bulkLoad: <T>(work: (load: BulkLoad) => Promise<T>) =>
      privileged.begin((tx) =>
        work({
          copy: async ({ table, columns }, chunks) => {
            const text = `COPY ${table} (${columns.join(", ")}) FROM STDIN`;
            statements.record(text);
            const query = tx.unsafe(text);
            // postgres.js 3.4.9 loses an error the server sends after the last row (a foreign key
            // checked at the statement's end): the stream never finishes, and the transaction would
            // hang open (porsager/postgres#1173). The error still reaches the query's reject, which
            // has long since resolved with the stream; taking it here fails the load with it.
            const failed = new Promise<never>((_, reject) => ((query as unknown as { reject: (error: unknown) => void }).reject = reject));
            await Promise.race([pipeline(Readable.from(chunks), await query.writable()), failed]);
          },
          execute: async (text) => {
            statements.record(text);
            await tx.unsafe(text);
          },
        }),
      ) as Promise<T>,
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions) => {
      statements.record(text, params);
      const rows = await privileged.unsafe(text, (params ?? []) as never[], options?.prepare ? { prepare: true } : undefined);
      return rows as unknown as T[];
    },
    epoch: new DisclosureEpoch(),
    // postgres.js listens on a connection of its own, outside the pools, and listens again after a reconnect.
    listen: async (channel, onNotify, onListen) => {
      const { unlisten } = await privileged.listen(channel, onNotify, onListen);
      return unlisten;
    },
    close: async () => {
      await Promise.all([privileged.end({ timeout: 5 }), primary.close(), replicas?.close()]);
    },
  };
}
