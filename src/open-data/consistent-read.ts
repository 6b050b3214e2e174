import { type Database } from "../db/database.js";
import { type DisclosedRead } from "../db/database.js";

/**
 * The items `produce` makes, with every read of it in one REPEATABLE READ transaction, so that a file
 * is one state of the database from its first row to its last. The transaction stays open while the
 * consumer takes items one at a time: one item is made ahead at most, so a slow client holds one
 * page, not the file. On PGlite each read is a transaction of its own (see Database.consistentReads).
 */
export async function* readConsistently<T>(database: Database, produce: (read: DisclosedRead) => AsyncIterable<T>): AsyncGenerator<T> {
  if (database.consistentReads === "pages") {
    yield* produce((work) => database.readDisclosed(work));
    return;
  }
  const channel = new Handoff<T>();
  const reading = database
    .readDisclosedSnapshot(async (db) => {
      for await (const item of produce((work) => work(db))) {
        if (!(await channel.offer(item))) return;
      }
    })
    .then(
      () => channel.end(),
      (error: unknown) => channel.fail(error),
    );
  try {
    for (;;) {
      const next = await channel.take();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // A consumer that stops early (a client gone) ends the transaction.
    channel.close();
    await reading;
  }
}

type Next<T> = { done: false; value: T } | { done: true };

/** A one-item channel between the transaction's producer and the response's consumer. */
class Handoff<T> {
  private item: { value: T; taken: (kept: boolean) => void } | null = null;
  private taker: { resolve: (next: Next<T>) => void; reject: (error: unknown) => void } | null = null;
  private outcome: { error: unknown } | "ended" | null = null;
  private closed = false;

  /** Hands an item over; resolves when it was taken (true) or the consumer has gone (false). */
  offer(value: T): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((taken) => {
      this.item = { value, taken };
      this.deliver();
    });
  }

  take(): Promise<Next<T>> {
    return new Promise((resolve, reject) => {
      this.taker = { resolve, reject };
      this.deliver();
    });
  }

  end(): void {
    this.outcome ??= "ended";
    this.deliver();
  }

  fail(error: unknown): void {
    this.outcome ??= { error };
    this.deliver();
  }

  close(): void {
    this.closed = true;
    this.item?.taken(false);
    this.item = null;
  }

  private deliver(): void {
    const taker = this.taker;
    if (!taker) return;
    if (this.item) {
      const { value, taken } = this.item;
      this.item = null;
      this.taker = null;
      taken(true);
      taker.resolve({ done: false, value });
    } else if (this.outcome === "ended") {
      this.taker = null;
      taker.resolve({ done: true });
    } else if (this.outcome) {
      this.taker = null;
      taker.reject(this.outcome.error);
    }
  }
}
