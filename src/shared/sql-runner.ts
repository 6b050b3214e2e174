/**
 * What a helper below the data layer needs of the database: one statement, its rows. The Database
 * seam (src/db/database.ts) is one; the helpers take this instead so that they know no table.
 */
export interface SqlRunner {
  query<T extends Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface QueryOptions {
  /**
   * A fixed text sent again and again (a rate budget's spend): prepared once per connection on
   * PostgreSQL, so that each execution is one round trip instead of a describe and then a bind.
   */
  prepare?: boolean;
}

/**
 * Starts the text of a statement that upkeep sends on a timer (the rate budgets' sweep, the epoch's
 * poll): the statement counter leaves it out, so that what a request was counted to send does not
 * depend on whether a timer fired while it ran.
 */
export const UPKEEP = "/* upkeep */ ";
