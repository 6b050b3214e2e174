import { type Database } from "../db/database.js";
import { UPKEEP } from "../shared/sql-runner.js";
import { EPOCH_CHANNEL } from "./epoch.sql.js";

export interface EpochWatcherOptions {
  /** How often the epoch is read from the primary, in case a notification was missed (1 s). */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

const DEFAULT_POLL_MS = 1_000;
const READ_EPOCH = `${UPKEEP}SELECT epoch::text AS epoch FROM shared_state.disclosure_epoch`;

/**
 * Keeps `database.epoch` up to date: a notification at every committed advance (LISTEN), and a read
 * on a short timer — a notification is lost while the listening connection is down, and the read
 * also confirms that this instance still hears from the primary at all.
 */
export class EpochWatcher {
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly database: Database,
    private readonly options: EpochWatcherOptions = {},
  ) {}

  /** Five reads missed in a row, and this instance stops trusting what it knows of the epoch. */
  get trustedMs(): number {
    return 5 * (this.options.pollMs ?? DEFAULT_POLL_MS);
  }

  async start(): Promise<void> {
    this.stopListening = await this.database.listen(
      EPOCH_CHANNEL,
      (payload) => {
        const epoch = Number(payload);
        if (Number.isSafeInteger(epoch)) this.database.epoch.learn(epoch);
      },
      () => void this.poll(),
    );
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.options.pollMs ?? DEFAULT_POLL_MS).unref();
  }

  /** Reads the committed epoch; one read at a time. */
  poll(): Promise<void> {
    this.polling ??= this.read().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async read(): Promise<void> {
    const askedAt = performance.now();
    try {
      const [row] = await this.database.query<{ epoch: string }>(READ_EPOCH, [], { prepare: true });
      if (row) this.database.epoch.confirm(Number(row.epoch), askedAt);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.stopListening?.().catch(() => undefined);
  }
}
