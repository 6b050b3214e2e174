import postgres from "postgres";
import { type AppDb, type DisclosedReads } from "./database.js";
import { errorChain } from "./database-error.js";
import { DatabaseBusyError, type PoolStats, type ReplicaStats } from "./pool-gate.js";
import { openPublicPools, type PublicPools, type PublicPoolsSetup } from "./public-pools.js";
import { targetOfUrl, tracedPostgres } from "./statement-span.js";

/** How long a replica that failed is left out before a request tries it again. */
const RETRY_AFTER_MS = 5_000;
/** How often a waiting write asks a replica where its replay stands (PostgreSQL 15 has no wait for an LSN). */
const POLL_MS = 5;

type Read = <T>(read: (db: AppDb) => Promise<T>) => Promise<T>;

interface Replica {
  pools: PublicPools;
  /** One connection of its own, to ask how far the replica has replayed. */
  probe: postgres.Sql;
  /** Left out of the public reads until then: it failed. */
  downUntil: number;
  /** Left out until it has replayed this far: a write it was not seen to replay, or a failure. */
  mustReach: bigint | null;
  checking: boolean;
}

/**
 * Read replicas for the public path. A request is given the least busy replica in service (fewest
 * public reads running and waiting), ties taken in turn: replicas of unequal size or load, or one
 * slowed by replay, then get what they can serve, where round-robin would queue requests behind the
 * slowest. A replica that cannot be reached is not the service's failure: the read that met it is
 * run again on the primary, and the replica is left out for RETRY_AFTER_MS and then until it has
 * replayed what the primary had when it failed. A write waits (`replayed`) until every replica has
 * replayed it, or leaves out of the public reads any it could not see do so: a withholding that
 * has been answered is never read back from a replica that has not applied it, on this instance.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  /** The longest a write waits for the replicas: a public statement's timeout. */
  private readonly waitMs: number;
  private turn = 0;
  private fallbacks = 0;

  constructor(
    urls: readonly string[],
    setup: PublicPoolsSetup,
    private readonly primary: DisclosedReads,
    private readonly primaryLsn: () => Promise<string>,
  ) {
    this.replicas = urls.map((url) => ({
      pools: openPublicPools(url, setup),
      probe: tracedPostgres(postgres(url, { ...setup.common, max: 1 }), targetOfUrl(url)),
      downUntil: 0,
      mustReach: null,
      checking: false,
    }));
    this.waitMs = setup.settings.statementTimeoutMs;
  }

  /** The reads of one request: one replica throughout (one state of the data, as far as it goes), or the primary. */
  choose(): DisclosedReads {
    const now = Date.now();
    const usable = this.replicas.filter((replica) => this.inService(replica, now));
    if (usable.length === 0) return this.primary;
    const start = this.turn++ % usable.length;
    const inTurn = [...usable.slice(start), ...usable.slice(0, start)];
    const load = (replica: Replica) => {
      const { inUse, waiting } = replica.pools.stats().public;
      return inUse + waiting;
    };
    return this.readsOn(inTurn.reduce((best, replica) => (load(replica) < load(best) ? replica : best)));
  }

  /** Resolves when every replica has replayed all the primary has committed, or is left out until it has. */
  async replayed(): Promise<void> {
    const lsn = lsnValue(await this.primaryLsn());
    const deadline = Date.now() + this.waitMs;
    await Promise.all(this.replicas.map((replica) => this.waitFor(replica, lsn, deadline)));
  }

  stats(): ReplicaStats {
    const now = Date.now();
    const serving = this.replicas.filter((replica) => replica.downUntil <= now && replica.mustReach === null).length;
    return { configured: this.replicas.length, serving, fallbacks: this.fallbacks };
  }

  poolStats(): PoolStats[] {
    const sum = (which: "public" | "consistent") =>
      this.replicas.reduce(
        (total, replica) => {
          const stats = replica.pools.stats()[which];
          return { inUse: total.inUse + stats.inUse, waiting: total.waiting + stats.waiting, waited: total.waited + stats.waited, refused: total.refused + stats.refused };
        },
        { inUse: 0, waiting: 0, waited: 0, refused: 0 },
      );
    return [
      { pool: "replica-public", ...sum("public") },
      { pool: "replica-consistent", ...sum("consistent") },
    ];
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.flatMap((replica) => [replica.pools.close(), replica.probe.end({ timeout: 5 })]));
  }

  private inService(replica: Replica, now: number): boolean {
    if (replica.downUntil > now) return false;
    if (replica.mustReach === null) return true;
    // Asked off the request path; this request reads elsewhere.
    void this.check(replica);
    return false;
  }

  private readsOn(replica: Replica): DisclosedReads {
    const reads = replica.pools.reads;
    // A read is only a read: one that met a replica's failure is run again, whole, on the primary.
    const orOnPrimary =
      (read: Read): Read =>
      (work) =>
        read(work).catch((error: unknown) => {
          if (!replicaFailure(error)) throw error;
          if (replicaFailure(error) === "down") this.markDown(replica);
          this.fallbacks += 1;
          return this.primary.readDisclosed(work);
        });
    return {
      readDisclosed: orOnPrimary(reads.readDisclosed),
      disclosedConnection: () => orOnPrimary(reads.disclosedConnection!()),
      // A file's transaction moves to the primary only if it never began: once rows are sent, a
      // failure cuts the file (ConsistentReadLostError), as on the primary.
      readDisclosedSnapshot: (work) => {
        let began = false;
        const begun = (db: AppDb) => {
          began = true;
          return work(db);
        };
        return reads.readDisclosedSnapshot(begun).catch((error: unknown) => {
          if (began || error instanceof DatabaseBusyError) throw error;
          this.markDown(replica);
          this.fallbacks += 1;
          return this.primary.readDisclosedSnapshot(work);
        });
      },
      consistentReads: "transaction",
    };
  }

  private markDown(replica: Replica): void {
    replica.downUntil = Date.now() + RETRY_AFTER_MS;
    // Back in service only once it has what the primary had when it failed: it may come back behind.
    this.primaryLsn().then(
      (lsn) => this.fence(replica, lsnValue(lsn)),
      () => undefined,
    );
  }

  private fence(replica: Replica, lsn: bigint): void {
    if (replica.mustReach === null || replica.mustReach < lsn) replica.mustReach = lsn;
  }

  private async check(replica: Replica): Promise<void> {
    const target = replica.mustReach;
    if (replica.checking || target === null) return;
    replica.checking = true;
    try {
      if ((await this.replayedOn(replica, target)) && replica.mustReach === target) replica.mustReach = null;
    } catch {
      this.markDown(replica);
    } finally {
      replica.checking = false;
    }
  }

  private async waitFor(replica: Replica, lsn: bigint, deadline: number): Promise<void> {
    if (replica.downUntil > Date.now()) return this.fence(replica, lsn);
    try {
      while (!(await this.replayedOn(replica, lsn))) {
        if (Date.now() >= deadline) return this.fence(replica, lsn);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch {
      this.fence(replica, lsn);
      this.markDown(replica);
    }
  }

  /** Whether the replica has replayed up to `lsn`; a server that is not replaying (NULL) has not. */
  private async replayedOn(replica: Replica, lsn: bigint): Promise<boolean> {
    const [row] = await replica.probe.unsafe<{ at: string | null }[]>("SELECT pg_last_wal_replay_lsn()::text AS at");
    return row?.at != null && lsnValue(row.at) >= lsn;
  }
}

/** A WAL position ("16/B374D848") as a number, for comparing. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** Driver codes of a connection that could not be made or was lost. */
const LOST = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "DATABASE_STALLED"]);

/**
 * Whether a replica failed a read that the primary can serve: it is down or unreachable ("down"), or
 * replay cancelled the statement (a recovery conflict, SQLSTATE 40001 on a standby: "conflict").
 */
function replicaFailure(error: unknown): "down" | "conflict" | null {
  for (const current of errorChain(error)) {
    const code = typeof current.code === "string" ? current.code : "";
    if (code === "40001") return "conflict";
    if (LOST.has(code) || code.startsWith("08") || ["57P01", "57P02", "57P03"].includes(code)) return "down";
  }
  return null;
}
