/** The pool has no free connection and none came free in time: the request fails fast instead of queueing for ever. */
export class DatabaseBusyError extends Error {
  readonly code = "DATABASE_BUSY";
  constructor(waitedMs: number) {
    super(`no database connection came free within ${waitedMs} ms`);
  }
}

/** A use of the pool did not settle in time (a connection lost without the driver noticing): given up. */
export class DatabaseStalledError extends Error {
  readonly code = "DATABASE_STALLED";
  constructor(deadlineMs: number) {
    super(`a database call did not settle within ${deadlineMs} ms`);
  }
}

/**
 * At most `size` uses of a pool at once; a use that cannot start within `waitMs` is refused with
 * DatabaseBusyError. postgres.js queues without limit, so a burst would otherwise wait unboundedly.
 */
export class PoolGate {
  private inUse = 0;
  private readonly waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];
  /** Uses that had to wait for a slot, and uses refused after waiting too long (for the metrics). */
  private waited = 0;
  private refused = 0;

  constructor(
    private readonly size: number,
    private readonly waitMs: number,
    /** No use may take longer than this: past it the request is answered and the slot freed. */
    private readonly deadlineMs: number,
    /** Called when a use stalls: the pool's connections can no longer be trusted. */
    private readonly onStall: () => void = () => {},
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.onStall();
        reject(new DatabaseStalledError(this.deadlineMs));
      }, this.deadlineMs);
    });
    try {
      return await Promise.race([work(), deadline]);
    } finally {
      clearTimeout(timer);
      this.release();
    }
  }

  /** How the gate stands now, and what it has done since it was made. */
  stats(): GateStats {
    return { inUse: this.inUse, waiting: this.waiting.length, waited: this.waited, refused: this.refused };
  }

  private acquire(): Promise<void> {
    if (this.inUse < this.size) {
      this.inUse += 1;
      return Promise.resolve();
    }
    this.waited += 1;
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          this.inUse += 1;
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          this.refused += 1;
          reject(new DatabaseBusyError(this.waitMs));
        }, this.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private release(): void {
    this.inUse -= 1;
    this.waiting.shift()?.start();
  }
}

/** A gate's use now, and what it has done since it was made. */
export interface GateStats {
  inUse: number;
  waiting: number;
  waited: number;
  refused: number;
}

/** A pool's use now and since start, for the metrics; the replicas' pools summed over the replicas. */
export interface PoolStats extends GateStats {
  pool: "public" | "privileged" | "consistent" | "replica-public" | "replica-consistent";
}

/** The read replicas as an instance sees them, for the metrics. */
export interface ReplicaStats {
  configured: number;
  /** Replicas the public's reads may go to now (not down, not behind a write they were not seen to apply). */
  serving: number;
  /** Reads that met a replica's failure and were run again on the primary, since start. */
  fallbacks: number;
}
