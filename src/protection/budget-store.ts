import { createHmac } from "node:crypto";
import { type SqlRunner, UPKEEP } from "../shared/sql-runner.js";

/** Where a holder stands in its window: what the X-RateLimit-* headers and Retry-After say. */
export interface RateState {
  limit: number;
  remaining: number;
  /** Seconds until the window restarts. */
  resetSeconds: number;
}

export interface Spending {
  allowed: boolean;
  state: RateState;
}

/**
 * One statement: add the points unless that would pass the limit, and say where the holder stands.
 * A refused spend adds nothing (a refusal does not eat the rest of the window); the second branch
 * reads the row the first left alone. The primary key finds the row either way.
 */
const SPEND = `WITH spent AS (
  INSERT INTO shared_state.rate_budgets AS b (holder, window_start, expires_at, spent)
  VALUES ($1, $2::timestamptz, $3::timestamptz, $4::bigint)
  ON CONFLICT (holder, window_start) DO UPDATE SET spent = b.spent + excluded.spent
  WHERE b.spent + excluded.spent <= $5::bigint
  RETURNING b.spent
)
SELECT spent::float8 AS spent, true AS allowed FROM spent
UNION ALL
SELECT b.spent::float8, false FROM shared_state.rate_budgets b
WHERE b.holder = $1 AND b.window_start = $2::timestamptz AND NOT EXISTS (SELECT 1 FROM spent)`;

/** Every request sends SPEND: one round trip each, not a describe first (see QueryOptions). */
const PREPARED = { prepare: true };

const CHARGE = `INSERT INTO shared_state.rate_budgets AS b (holder, window_start, expires_at, spent)
VALUES ($1, $2::timestamptz, $3::timestamptz, $4::bigint)
ON CONFLICT (holder, window_start) DO UPDATE SET spent = least(b.spent + excluded.spent, $5::bigint)`;

/** Holders whose hashes are kept: the clients of a busy minute, a few megabytes at most. */
const KEPT_HASHES = 10_000;

/**
 * Budgets in fixed windows, kept in PostgreSQL so that every instance spends the same budget and a
 * restart hands out nothing new (DESIGN §6). Holders are stored as an HMAC under a key kept in the
 * database (made by the migration): a commenter's address never reaches a row, and every instance
 * hashes it alike. Statements run as the tables' owner, one per spend, outside any transaction of
 * the request (PGlite has one connection: a statement inside its open transaction would wait for
 * that transaction, which waits for it).
 */
export class BudgetStore {
  private key: Promise<string> | undefined;
  /** Each holder's hash, worked out once (an HMAC a request was 1.7 % of a list page's CPU); emptied when full. */
  private readonly hashes = new Map<string, string>();

  constructor(private readonly database: SqlRunner) {}

  /** Spends `points` of `holder`'s `limit` in the window of `windowMs` that holds `now`. */
  async spend(holder: string, points: number, limit: number, windowMs: number, now: Date): Promise<Spending> {
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const end = start + windowMs;
    // A charge dearer than the whole budget spends the whole budget (a first row is inserted unchecked).
    const charge = Math.min(Math.max(1, Math.ceil(points)), limit);
    const [row] = await this.database.query<{ spent: number; allowed: boolean }>(SPEND, [await this.hashed(holder), new Date(start).toISOString(), new Date(end).toISOString(), charge, limit], PREPARED);
    // No row: refused, and the row that refused it was inserted by a statement this one's snapshot does not see.
    const spent = row ? Number(row.spent) : limit;
    const resetSeconds = Math.max(1, Math.ceil((end - now.getTime()) / 1000));
    return { allowed: row?.allowed === true, state: { limit, remaining: Math.max(0, limit - spent), resetSeconds } };
  }

  /**
   * Charges `points` whatever is left, the budget emptied at most: for a cost known only after the
   * work was let through (a key that turned out unknown).
   */
  async charge(holder: string, points: number, limit: number, windowMs: number, now: Date): Promise<void> {
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    await this.database.query(CHARGE, [await this.hashed(holder), new Date(start).toISOString(), new Date(start + windowMs).toISOString(), Math.min(Math.ceil(points), limit), limit], PREPARED);
  }

  /** Deletes the windows that have ended (off the request path: a timer of the server's). */
  async sweep(now: Date): Promise<void> {
    await this.database.query(`${UPKEEP}DELETE FROM shared_state.rate_budgets WHERE expires_at <= $1::timestamptz`, [now.toISOString()]);
  }

  private async hashed(holder: string): Promise<string> {
    const kept = this.hashes.get(holder);
    if (kept !== undefined) return kept;
    this.key ??= this.database.query<{ secret: string }>("SELECT secret FROM shared_state.limit_secret WHERE id = 1").then(([row]) => {
      if (!row) throw new Error("shared_state.limit_secret has no key: the migrations are not applied");
      return row.secret;
    });
    // A failed read is tried again by the next request, not kept.
    this.key.catch(() => (this.key = undefined));
    const hash = createHmac("sha256", await this.key).update(holder).digest("base64url").slice(0, 22);
    if (this.hashes.size >= KEPT_HASHES) this.hashes.clear();
    this.hashes.set(holder, hash);
    return hash;
  }
}
