import { unwrapResolverError } from "@apollo/server/errors";
import { type GraphQLFormattedError } from "graphql";
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
]);

/** graphql-js stops parsing a document past the token limit with a syntax error; it is a limit. */
const TOKEN_LIMIT = /Document contains more tha[nt] \d+ tokens/;

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
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...(argument ? { argument } : {}), ...(limit !== undefined ? { limit, found } : {}), ...(cost !== undefined ? { cost } : {}) },
    };
  }
  // Apollo's own refusals of a malformed request (4xx) are the client's doing: say so, with a code.
  const status = (error as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http?.status;
  if (status !== undefined && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
  }
  reportUnexpected(unwrapResolverError(error));
  return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

let report: (error: unknown) => void = (error) => console.error("unexpected error", error);

/** Where unexpected errors go (the server's log); never to the client. */
export function onUnexpectedError(reporter: (error: unknown) => void): void {
  report = reporter;
}

function reportUnexpected(error: unknown): void {
  report(error);
}
