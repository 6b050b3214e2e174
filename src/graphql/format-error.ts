import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unavailabilityOf } from "../db/database-error.js";
import { loggableError } from "../operations/logging.js";
import { LIMIT_CODES } from "../protection/query-limits.js";

/** Codes whose messages are written for clients and say nothing of the server's insides. */
const CLIENT_CODES = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  ...LIMIT_CODES,
  // Ours, set where the HTTP status is ours to set (see unavailableError).
  "SERVICE_UNAVAILABLE",
  "QUERY_TIMEOUT",
  "COMPLIANCE_REPORTS_PENDING",
]);

/**
 * graphql-js's suggestions (`Did you mean "X"?`, `Did you mean the enum value "X"?`). Apollo drops
 * them from validation errors (hideSchemaDetailsFromClientErrors) but not from a variable's
 * coercion: an error says what was wrong, not what else exists.
 */
const SUGGESTION = / Did you mean [^?]*\?/g;

/** graphql-js stops parsing a document past the token limit with a syntax error; it is a limit. */
const TOKEN_LIMIT = /Document contains more tha[nt] \d+ tokens/;

const UNAVAILABLE_MESSAGES = {
  SERVICE_UNAVAILABLE: "The database is unavailable at the moment; please retry shortly.",
  QUERY_TIMEOUT: "The query took too long and was stopped; ask for less (smaller pages, fewer nested lists) or retry later.",
  COMPLIANCE_REPORTS_PENDING: "The compliance reports are being brought up to date (after a bulk load, or on a new day); please retry shortly.",
};

/** Codes answered with HTTP 503 and a Retry-After. */
export const UNAVAILABLE_CODES = new Set(Object.keys(UNAVAILABLE_MESSAGES));

/** The error to throw where the HTTP status is still ours to set (the context, a plain route). */
export function unavailableError(error: unknown): GraphQLError | null {
  const unavailable = unavailabilityOf(error);
  return unavailable ? new GraphQLError(UNAVAILABLE_MESSAGES[unavailable], { extensions: { code: unavailable, http: { status: 503, headers: new Map([["retry-after", "5"]]) } } }) : null;
}

export const INTERNAL_ERROR_MESSAGE = "Internal server error. The request was logged; please try again later.";

/**
 * The one place errors leave the server. Anything unexpected (a driver error carries SQL text and
 * parameter values, which may be withheld data) is replaced by a generic message.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = TOKEN_LIMIT.test(formatted.message) ? "TOO_MANY_TOKENS" : formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { argument, limit, found, cost } = formatted.extensions ?? {};
    return {
      message: formatted.message.replace(SUGGESTION, ""),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...(argument ? { argument } : {}), ...(limit !== undefined ? { limit, found } : {}), ...(cost !== undefined ? { cost } : {}) },
    };
  }
  const unavailable = unavailabilityOf(error);
  if (unavailable) {
    // Reports still being computed are expected after a bulk load; the rest is worth a look.
    if (unavailable !== "COMPLIANCE_REPORTS_PENDING") report(unwrapResolverError(error), error);
    return { message: UNAVAILABLE_MESSAGES[unavailable], path: formatted.path, extensions: { code: unavailable } };
  }
  // Apollo's own refusals of a malformed request (4xx) are the client's doing: say so, with a code.
  const status = (error as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http?.status;
  if (status !== undefined && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
  }
  report(unwrapResolverError(error), error);
  return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/** Reports an unexpected error's cause; `error` is the error as Apollo met it (to find its request by). */
type Reporter = (cause: unknown, error: unknown) => void;

// Until a server names its log: a line like the log's, the error reduced to what a log may hold.
let report: Reporter = (cause) => console.error(JSON.stringify({ msg: "unexpected error", err: loggableError(cause) }));

/** Where unexpected errors go (the server's log); never to the client. */
export function onUnexpectedError(reporter: Reporter): void {
  report = reporter;
}
