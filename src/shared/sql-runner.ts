/**
 * What a helper below the data layer needs of the database: one statement, its rows. The Database
 * seam (src/db/database.ts) is one; the helpers take this instead so that they know no table.
 */
export interface SqlRunner {
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}
