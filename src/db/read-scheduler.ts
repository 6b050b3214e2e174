import { type AppDb } from "./database.js";
import { type Reader } from "./reader.js";

/**
 * Holds a request's DataLoader batches until none of its reads is in flight, then dispatches them
 * together. Without it, sibling lists that return at different moments each start their own wave of
 * look-ups, and the number of statements depends on timing; with it, a request sends one statement
 * per kind of read per level of the query, whatever the page size and however the database answers.
 */
export class ReadScheduler {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** The connection of the batches being dispatched now, if the database offers one. */
  private waveReader: Reader | undefined;

  /** `connection`, when given, binds a group of reads to one connection (see `Database.disclosedConnection`). */
  constructor(
    private readonly reader: Reader,
    private readonly connection?: () => Reader,
  ) {}

  readonly read: Reader = (read) => this.tracked(this.waveReader ?? this.reader, read);

  /**
   * A read known to be quick (an unfiltered page in index order, see DecisionRepository): it may
   * share a connection with the other quick reads and waves started in this turn, several requests'
   * statements leaving in one write. A heavy read (a search, a filtered walk, an aggregate) must
   * not: on one connection, reads run one after another.
   */
  readonly readQuick: Reader = (read) => this.tracked(this.waveReader ?? this.connection?.() ?? this.reader, read);

  private tracked<T>(reader: Reader, read: (db: AppDb) => Promise<T>): Promise<T> {
    this.inFlight += 1;
    return reader(read).finally(() => {
      this.inFlight -= 1;
      this.flushSoon();
    });
  }

  /** A DataLoader `batchScheduleFn`. */
  readonly schedule = (dispatch: () => void): void => {
    this.waiting.push(dispatch);
    this.flushSoon();
  };

  // setImmediate runs after the promise continuations, so every resolver that can ask has asked.
  private flushSoon(): void {
    setImmediate(() => {
      if (this.inFlight > 0 || this.waiting.length === 0) return;
      // A batch reads as it is dispatched, so the wave's statements share one connection and leave together.
      this.waveReader = this.connection?.();
      try {
        for (const dispatch of this.waiting.splice(0)) dispatch();
      } finally {
        this.waveReader = undefined;
      }
    });
  }
}
