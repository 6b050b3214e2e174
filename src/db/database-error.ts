/** The SQLSTATE and constraint of a database error; drizzle wraps the driver's error in `cause`. */
export function databaseErrorOf(error: unknown): { code?: string; constraint?: string } {
  const source = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint?: string; constraint_name?: string } | undefined;
  return { code: source?.code, constraint: source?.constraint ?? source?.constraint_name };
}

export const UNIQUE_VIOLATION = "23505";
