import { type ApolloServerPlugin } from "@apollo/server";
import { type GraphQLError } from "graphql";
import { unavailabilityOf } from "../db/database-error.js";
import { type ServiceMetrics } from "../operations/metrics.js";
import { currentRequest } from "../operations/request-scope.js";

/** What caused an error, by code or kind only: a message may quote a value or a statement. */
function causeOf(error: GraphQLError): string {
  const original = error.originalError as { code?: unknown; originalError?: unknown } | undefined;
  const root = (original?.originalError as { code?: unknown } | undefined) ?? original;
  const code = root?.code ?? original?.code;
  if (typeof code === "string" || typeof code === "number") return String(code);
  return (root as object | undefined)?.constructor?.name ?? "GraphQLError";
}

/**
 * One log line per GraphQL error, on the request's logger (so with its id): the code the client got
 * and the cause's code, never the message, the path's arguments or the variables. The errors are
 * counted by code, and the operation's name kept for the request's latency metric.
 */
export function observeOperations(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const request = currentRequest();
          if (request) request.operation = operationName ?? undefined;
        },
        async didEncounterErrors({ errors }) {
          const log = currentRequest()?.log;
          for (const error of errors) {
            // As formatError will answer it: the error's own code, an unavailability's, or an internal error.
            const code = typeof error.extensions?.code === "string" ? error.extensions.code : (unavailabilityOf(error) ?? "INTERNAL_SERVER_ERROR");
            metrics.graphqlErrors.inc({ code });
            log?.info({ graphqlError: { code, cause: causeOf(error) } }, "graphql error");
          }
        },
      };
    },
  };
}
