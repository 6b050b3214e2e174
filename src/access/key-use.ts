import { and, eq, isNull, lte, or } from "drizzle-orm";
import { type Database } from "../db/database.js";
import { type Clock } from "../shared/clock.js";
import { apiKeys } from "./api-key.table.js";

/** How often a key's last-use time is written: often enough to audit, rarely enough not to write on every request. */
export const LAST_USE_RESOLUTION_MS = 60_000;

/**
 * Keeps `api_keys.last_used_at` off the request path. A request only notes its key; the time is written
 * in the background, at most once a resolution per key by this instance, and the UPDATE's own condition
 * keeps the row to one write a minute whatever the number of instances.
 */
export class KeyUseRecorder {
  private readonly lastWritten = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly database: Database,
    private readonly onError: (error: unknown) => void,
    private readonly clock: Clock = () => new Date(),
  ) {}

  /** Notes that `keyId` was used now; never waits, never throws. */
  note(keyId: string): void {
    const now = this.clock().getTime();
    const last = this.lastWritten.get(keyId);
    if (last !== undefined && now - last < LAST_USE_RESOLUTION_MS) return;
    this.lastWritten.set(keyId, now);
    const write = this.write(keyId, new Date(now)).catch((error: unknown) => {
      // Tried again on the key's next use rather than never.
      this.lastWritten.delete(keyId);
      this.onError(error);
    });
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  /** Resolves when every write begun so far has ended (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private write(keyId: string, usedAt: Date): Promise<void> {
    const stale = new Date(usedAt.getTime() - LAST_USE_RESOLUTION_MS);
    return this.database.asWriter(async (db) => {
      await db
        .update(apiKeys)
        .set({ lastUsedAt: usedAt })
        .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, stale))));
    });
  }
}
