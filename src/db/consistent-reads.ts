import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type AppDb } from "./database.js";
import { targetOfUrl, tracedPostgres } from "./statement-span.js";
import * as tables from "./tables.js";

/** A connection lost in the middle of a consistent read: what was read after it would be another state. */
export class ConsistentReadLostError extends Error {
  readonly code = "CONSISTENT_READ_LOST";
  constructor() {
    super("the connection of a consistent read was lost");
  }
}

/** A client of one connection for consistent reads, drizzle over it, and whether that connection was ever lost. */
interface ConsistentClient {
  client: postgres.Sql;
  /** Made once per connection: drizzle works out its relations from the whole schema each time it is made (0.5 ms of CPU a file). */
  db: AppDb;
  lost: boolean;
}

/**
 * Runs reads each in one REPEATABLE READ, READ ONLY transaction, on clients of one connection kept
 * for it (the gate bounds how many are in use). Not postgres.js's `begin`: its ROLLBACK after a lost
 * connection is written to a socket that is gone, an error thrown where nothing can catch it
 * (porsager/postgres#1154). A client whose connection is lost is ended at once, so that no later
 * statement reconnects and reads outside the transaction, and it is never used again.
 */
export class ConsistentReads {
  private readonly idle: ConsistentClient[] = [];

  constructor(
    private readonly url: string,
    private readonly options: postgres.Options<Record<string, postgres.PostgresType>>,
    private readonly logger: { logQuery(q: string, params: unknown[]): void },
  ) {}

  async read<T>(read: (db: AppDb) => Promise<T>): Promise<T> {
    const used = this.idle.pop() ?? this.open();
    try {
      await used.client.unsafe("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const result = await read(used.db);
      if (used.lost) throw new ConsistentReadLostError();
      await used.client.unsafe("COMMIT");
      this.idle.push(used);
      return result;
    } catch (error) {
      // Whatever state the failure left the transaction in, the connection is not reused.
      this.discard(used);
      throw used.lost ? new ConsistentReadLostError() : error;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((used) => used.client.end({ timeout: 5 })));
  }

  private open(): ConsistentClient {
    const used: ConsistentClient = { client: undefined as never, db: undefined as never, lost: false };
    used.client = tracedPostgres(
      postgres(this.url, {
        ...this.options,
        max: 1,
        onclose: () => {
          used.lost = true;
          this.discard(used);
        },
      }),
      targetOfUrl(this.url),
    );
    used.db = drizzle({ client: used.client, schema: tables, logger: this.logger }) as unknown as AppDb;
    return used;
  }

  private discard(used: ConsistentClient): void {
    used.lost = true;
    const at = this.idle.indexOf(used);
    if (at >= 0) this.idle.splice(at, 1);
    void used.client.end({ timeout: 0 }).catch(() => undefined);
  }
}
