import { type ApolloServerPlugin } from "@apollo/server";
import { type GraphQLError } from "graphql";
import { unavailabilityOf } from "../db/database-error.js";
import { type ServiceMetrics } from "../operations/metrics.js";
import { type ScopeCarrier } from "../operations/request-scope.js";
import { type FastifyBaseLogger } from "fastify";

/** What caused an error, by code or kind only: a message may quote a value or a statement. */
function causeOf(error: GraphQLError): string {
  const original = error.originalError as { code?: unknown; originalError?: unknown } | undefined;
  const root = (original?.originalError as { code?: unknown } | undefined) ?? original;
  const code = root?.code ?? original?.code;
  if (typeof code === "string" || typeof code === "number") return String(code);
  return (root as object | undefined)?.constructor?.name ?? "GraphQLError";
}

/** The logger of the request each error was met in, for formatError's report, which Apollo hands no request. */
const loggers = new WeakMap<object, FastifyBaseLogger>();

export function requestLogOf(error: unknown): FastifyBaseLogger | undefined {
  return typeof error === "object" && error !== null ? loggers.get(error) : undefined;
}

/**
 * One log line per GraphQL error, on the request's logger (so with its id): the code the client got
 * and the cause's code, never the message, the path's arguments or the variables. The errors are
 * counted by code, and the operation's name kept for the request's latency metric. Apollo meets an
 * error here before it formats it, so formatError's report of an unexpected one finds its request.
 */
export function observeOperations(metrics: ServiceMetrics): ApolloServerPlugin<ScopeCarrier> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          if (contextValue.scope) contextValue.scope.operation = operationName ?? undefined;
        },
        async didEncounterErrors({ errors, contextValue }) {
          const log = contextValue.scope?.log;
          for (const error of errors) {
            // As formatError will answer it: the error's own code, an unavailability's, or an internal error.
            const code = typeof error.extensions?.code === "string" ? error.extensions.code : (unavailabilityOf(error) ?? "INTERNAL_SERVER_ERROR");
            metrics.graphqlErrors.inc({ code });
            if (!log) continue;
            loggers.set(error, log);
            log.info({ graphqlError: { code, cause: causeOf(error) } }, "graphql error");
          }
        },
      };
    },
  };
}
