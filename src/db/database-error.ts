/** The SQLSTATE and constraint of a database error; drizzle wraps the driver's error in `cause`. */
export function databaseErrorOf(error: unknown): { code?: string; constraint?: string } {
  const source = ((error as { cause?: unknown })?.cause ?? error) as { code?: string; constraint?: string; constraint_name?: string } | undefined;
  return { code: source?.code, constraint: source?.constraint ?? source?.constraint_name };
}

export const UNIQUE_VIOLATION = "23505";

/** An error and the errors it wraps (drizzle's `cause`, Apollo's `originalError`), outermost first. */
export function* errorChain(error: unknown): Generator<{ code?: unknown } & Record<string, unknown>> {
  const seen = new Set<unknown>();
  for (let current = error as Record<string, unknown> | undefined; current && typeof current === "object" && !seen.has(current); current = (current.originalError ?? current.cause) as typeof current) {
    seen.add(current);
    yield current;
  }
}

/** Driver codes of a connection that failed or went away (postgres.js and Node's sockets). */
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "DATABASE_BUSY", "DATABASE_STALLED"]);

/**
 * Whether an error means the database cannot serve now — unreachable, connection lost, shutting
 * down, out of connections (SERVICE_UNAVAILABLE) — or stopped a statement that ran too long
 * (QUERY_TIMEOUT), or what a query needs is still being computed (COMPLIANCE_REPORTS_PENDING, see
 * ComplianceIndex). All are answered with 503; none is the client's fault nor a bug.
 */
export function unavailabilityOf(error: unknown): "SERVICE_UNAVAILABLE" | "QUERY_TIMEOUT" | "COMPLIANCE_REPORTS_PENDING" | null {
  for (const current of errorChain(error)) {
    const code = typeof current.code === "string" ? current.code : "";
    if (code === "57014") return "QUERY_TIMEOUT";
    if (code === "COMPLIANCE_REPORTS_PENDING") return code;
    if (CONNECTION_CODES.has(code) || code.startsWith("08") || ["57P01", "57P02", "57P03", "53300"].includes(code)) return "SERVICE_UNAVAILABLE";
  }
  return null;
}
