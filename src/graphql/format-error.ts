import { unwrapResolverError } from "@apollo/server/errors";
import { type GraphQLFormattedError } from "graphql";

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
]);

export const INTERNAL_ERROR_MESSAGE = "Internal server error. The request was logged; please try again later.";

/**
 * The one place errors leave the server. Anything unexpected (a driver error carries SQL text and
 * parameter values, which may be withheld data) is replaced by a generic message.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { code: _code, argument } = formatted.extensions ?? {};
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...(argument ? { argument } : {}) } };
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
