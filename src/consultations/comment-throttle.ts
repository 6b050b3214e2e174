import { type BudgetStore } from "../protection/budget-store.js";
import { rateLimitedError } from "../protection/rate-limit.js";

/** Comment submissions per client address per window. */
export interface CommentLimits {
  limit: number;
  windowMs: number;
}

export const defaultCommentLimits: CommentLimits = { limit: 5, windowMs: 10 * 60_000 };

/**
 * At most `limit` comment submissions per client address per fixed window, counted in the shared
 * budgets (every instance, across restarts). A refusal is answered like every other limit: HTTP 429,
 * RATE_LIMITED, Retry-After.
 */
export class CommentThrottle {
  constructor(
    private readonly store: BudgetStore,
    readonly limits: CommentLimits = defaultCommentLimits,
  ) {}

  async take(address: string, now: Date): Promise<void> {
    const { allowed, state } = await this.store.spend(`comment:${address}`, 1, this.limits.limit, this.limits.windowMs, now);
    if (!allowed) throw rateLimitedError(`Over the comment limit: at most ${this.limits.limit} comments per ${Math.round(this.limits.windowMs / 1000)} s from one address.`, state);
  }
}
