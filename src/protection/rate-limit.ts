import { type ViewerRole } from "../access/viewer.js";

/** Cost points each tier may spend per window (a query costs its calculated cost, at least 1). */
export interface RateLimits {
  windowSeconds: number;
  anonymous: number;
  researcher: number;
  staff: number;
  /**
   * Pages of the residents' site per client address per window. The site's own reads of the API
   * are charged here, a page a view, instead of to the address's API budget: residents behind one
   * office or mobile network address share it, so it is generous; a scraper still meets it.
   */
  pages: number;
}

export const defaultRateLimits: RateLimits = {
  windowSeconds: 60,
  anonymous: 100_000,
  researcher: 1_000_000,
  staff: 5_000_000,
  pages: 600,
};

export interface RateState {
  limit: number;
  remaining: number;
  /** Seconds until the window restarts. */
  resetSeconds: number;
}

interface Bucket {
  windowStart: number;
  spent: number;
}

/**
 * Budgets of cost points per API key (or per client address for anonymous requests), in fixed
 * windows. In memory, per process: a deployment of several processes behind one address would give
 * each its own budget (a shared store is the next step when there is more than one).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => Date,
  ) {}

  budgetOf(role: ViewerRole): number {
    if (role === "ANONYMOUS") return this.limits.anonymous;
    if (role === "RESEARCHER") return this.limits.researcher;
    return this.limits.staff;
  }

  /** Spends `points` if the budget allows; the state after (or, when refused, as it stands). */
  spend(who: string, role: ViewerRole, points: number): { allowed: boolean; state: RateState } {
    const bucket = this.bucket(who);
    const limit = this.budgetOf(role);
    const allowed = bucket.spent + points <= limit;
    if (allowed) bucket.spent += points;
    return { allowed, state: this.stateOf(bucket, limit) };
  }

  /** Spends one page view of the site from `address` if its page budget allows. */
  spendPage(address: string): { allowed: boolean; state: RateState } {
    const bucket = this.bucket(`page:${address}`);
    const allowed = bucket.spent + 1 <= this.limits.pages;
    if (allowed) bucket.spent += 1;
    return { allowed, state: this.stateOf(bucket, this.limits.pages) };
  }

  /** The state without spending (for a request refused before its cost is known). */
  peek(who: string, role: ViewerRole): RateState {
    return this.stateOf(this.bucket(who), this.budgetOf(role));
  }

  private bucket(who: string): Bucket {
    const now = this.now().getTime();
    const windowMs = this.limits.windowSeconds * 1000;
    let bucket = this.buckets.get(who);
    if (!bucket || now - bucket.windowStart >= windowMs || now < bucket.windowStart) {
      if (this.buckets.size > 100_000) this.prune(now, windowMs);
      bucket = { windowStart: now, spent: 0 };
      this.buckets.set(who, bucket);
    }
    return bucket;
  }

  private stateOf(bucket: Bucket, limit: number): RateState {
    const elapsed = this.now().getTime() - bucket.windowStart;
    return { limit, remaining: Math.max(0, limit - bucket.spent), resetSeconds: Math.max(1, Math.ceil((this.limits.windowSeconds * 1000 - elapsed) / 1000)) };
  }

  private prune(now: number, windowMs: number): void {
    for (const [who, bucket] of this.buckets) if (now - bucket.windowStart >= windowMs) this.buckets.delete(who);
  }
}

/** Whose budget a request spends: its key's, or for the anonymous public its address's. */
export const budgetHolder = (viewer: { keyId: string | null; clientAddress: string }) => (viewer.keyId ? `key:${viewer.keyId}` : `address:${viewer.clientAddress}`);
