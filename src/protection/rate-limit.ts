import { GraphQLError } from "graphql";
import { type ViewerRole } from "../access/viewer.js";
import { type BudgetStore, type RateState, type Spending } from "./budget-store.js";

export { type RateState } from "./budget-store.js";

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

/**
 * What a key that turns out unknown or revoked costs its caller's address: as much as a receipt
 * lookup, so that one address may try some 100 keys a minute within the default anonymous budget.
 */
export const UNKNOWN_KEY_COST = 1_000;

/**
 * Budgets of cost points per API key (or per client address for anonymous requests), and the site's
 * page views per address, in fixed windows kept in PostgreSQL (BudgetStore): every instance spends
 * the same budget, and a restart hands out none anew.
 */
export class RateLimiter {
  constructor(
    private readonly store: BudgetStore,
    readonly limits: RateLimits,
    private readonly now: () => Date,
  ) {}

  budgetOf(role: ViewerRole): number {
    if (role === "ANONYMOUS") return this.limits.anonymous;
    if (role === "RESEARCHER") return this.limits.researcher;
    return this.limits.staff;
  }

  /** Spends `points` if the budget allows; the state after (or, when refused, as it stands). */
  spend(who: string, role: ViewerRole, points: number): Promise<Spending> {
    return this.store.spend(who, points, this.budgetOf(role), this.windowMs, this.now());
  }

  /** Spends one page view of the site from `address` if its page budget allows. */
  spendPage(address: string): Promise<Spending> {
    return this.store.spend(`page:${address}`, 1, this.limits.pages, this.windowMs, this.now());
  }

  /**
   * A key's lookup is a statement, so it is paid for before it runs, by the caller's address from its
   * anonymous budget: a point for any key (`spendKeyLookup`), and UNKNOWN_KEY_COST in all once it
   * turns out unknown (`chargeUnknownKey`, whatever is left of the budget at most).
   */
  spendKeyLookup(address: string): Promise<Spending> {
    return this.spend(budgetHolder({ keyId: null, clientAddress: address }), "ANONYMOUS", 1);
  }

  chargeUnknownKey(address: string): Promise<void> {
    return this.store.charge(budgetHolder({ keyId: null, clientAddress: address }), UNKNOWN_KEY_COST - 1, this.limits.anonymous, this.windowMs, this.now());
  }

  private get windowMs(): number {
    return this.limits.windowSeconds * 1000;
  }
}

/** Whose budget a request spends: its key's, or for the anonymous public its address's. */
export const budgetHolder = (viewer: { keyId: string | null; clientAddress: string }) => (viewer.keyId ? `key:${viewer.keyId}` : `address:${viewer.clientAddress}`);

/** Every limit's refusal: HTTP 429, code RATE_LIMITED, Retry-After; `cost` for a query's. */
export function rateLimitedError(message: string, state: RateState, cost?: unknown): GraphQLError {
  return new GraphQLError(`${message} Retry after ${state.resetSeconds} s.`, {
    extensions: { code: "RATE_LIMITED", ...(cost ? { cost } : {}), http: { status: 429, headers: new Map([["retry-after", String(state.resetSeconds)]]) } },
  });
}
