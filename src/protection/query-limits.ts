import { type ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { DEFAULT_PAGE_SIZE } from "../graphql/page-size.js";
import { type ViewerRole } from "../access/viewer.js";
import { measureOperation, type QueryMeasure } from "./query-measure.js";
import { type Spending } from "./budget-store.js";
import { budgetHolder, type RateLimiter, rateLimitedError } from "./rate-limit.js";

/**
 * Limits every operation must keep, checked on its document before it runs. Configuration: see
 * `src/config.ts` for the environment variables and the README for the defaults.
 */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  /** Tokens of the document (graphql-js stops parsing past it). */
  maxTokens: number;
  /** Bytes of a request body (HTTP 413 past it). */
  maxBodyBytes: number;
  /** Items assumed for a list that is not a connection and has no `ids` argument. */
  assumedListSize: number;
}

export const defaultQueryLimits: QueryLimits = {
  maxDepth: 15,
  maxCost: 500_000,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxBodyBytes: 100_000,
  assumedListSize: 10,
};

/** Variable sets whose measure is kept per document; the oldest is forgotten past it. */
const MEASURES_KEPT_PER_DOCUMENT = 16;

/** What the response reports: the query's calculated cost and the limit it was held to. */
export interface QueryCost {
  requested: number;
  limit: number;
}

/** Limit codes, one per limit, so a client can tell which one it passed. */
export const LIMIT_CODES = ["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_DIRECTIVES", "QUERY_TOO_COSTLY", "TOO_MANY_TOKENS", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"] as const;

function refusal(code: (typeof LIMIT_CODES)[number], message: string, limit: number, found: number, cost: QueryCost): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, found, cost, http: { status: 400 } } });
}

function check(measure: QueryMeasure, limits: QueryLimits, cost: QueryCost): GraphQLError | null {
  if (measure.depth > limits.maxDepth) return refusal("QUERY_TOO_DEEP", `The query is nested ${measure.depth} levels deep; the limit is ${limits.maxDepth}.`, limits.maxDepth, measure.depth, cost);
  if (measure.aliases > limits.maxAliases) return refusal("TOO_MANY_ALIASES", `The query uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}.`, limits.maxAliases, measure.aliases, cost);
  if (measure.directives > limits.maxDirectives)
    return refusal("TOO_MANY_DIRECTIVES", `The query uses ${measure.directives} directives; the limit is ${limits.maxDirectives}.`, limits.maxDirectives, measure.directives, cost);
  if (measure.cost > limits.maxCost)
    return refusal("QUERY_TOO_COSTLY", `The query could return up to ${measure.cost} objects; the limit is ${limits.maxCost}. Ask for smaller pages (first/last) or fewer nested lists.`, limits.maxCost, measure.cost, cost);
  return null;
}

/** Carries the cost (and the budget left) from the check to the response. */
export interface CostCarrier {
  cost?: QueryCost;
  /** The operation's spend of its budget, once asked for (the response's headers wait for it). */
  spending?: Promise<Spending>;
  viewer: { role: ViewerRole; keyId: string | null; clientAddress: string };
  /** A read by the residents' site for a page it serves: the page view was charged to the page budget instead. */
  sitePage?: boolean;
}

/**
 * Refuses an operation past a limit before it runs (no statement is sent), and reports every
 * operation's calculated cost in `extensions.cost`, accepted or refused.
 */
export function queryLimits(limits: QueryLimits, rates: RateLimiter): ApolloServerPlugin<CostCarrier> {
  const options = { defaultPageSize: DEFAULT_PAGE_SIZE, assumedListSize: limits.assumedListSize };
  // A document's measure depends on its operation and variables only: kept per parsed document
  // (Apollo keeps one object per query text), a few variable sets each.
  const measured = new WeakMap<DocumentNode, Map<string, QueryMeasure>>();
  const measureOf = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): QueryMeasure => {
    // Only flat variables (ids, page sizes, years) make a key; anything nested is measured afresh.
    const values = Object.values(variables ?? {});
    if (values.some((value) => value !== null && typeof value === "object")) return measureOperation(schema, document, operation, variables, options);
    let byVariables = measured.get(document);
    if (!byVariables) measured.set(document, (byVariables = new Map()));
    const key = `${operation.name?.value ?? ""}\u0000${JSON.stringify(variables ?? null)}`;
    let result = byVariables.get(key);
    if (!result) {
      result = measureOperation(schema, document, operation, variables, options);
      if (byVariables.size >= MEASURES_KEPT_PER_DOCUMENT) byVariables.delete(byVariables.keys().next().value!);
      byVariables.set(key, result);
    }
    return result;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          if (operation.operation === "subscription") {
            throw new GraphQLError("This API has no subscriptions: follow the change feed (`changes`, or /open-data/changes.ndjson) instead.", { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
          }
          const measure = measureOf(schema, document, operation, request.variables);
          const cost = { requested: measure.cost, limit: limits.maxCost };
          contextValue.cost = cost;
          // The site's page was charged as a page view (src/site/site.routes.ts): its reads are held to
          // the query limits and spend nothing of the address's budget.
          if (contextValue.sitePage) {
            const refused = check(measure, limits, cost);
            if (refused) throw refused;
            return;
          }
          const budget = rates.budgetOf(contextValue.viewer.role);
          // A query dearer than a whole window's budget could never run: refused as too costly, not as "retry later".
          const refused =
            check(measure, limits, cost) ??
            (measure.cost > budget
              ? refusal("QUERY_TOO_COSTLY", `The query could return up to ${measure.cost} objects; your rate limit allows ${budget} per ${rates.limits.windowSeconds} s. Ask for less.`, budget, measure.cost, cost)
              : null);
          // A refused query still costs a point, so that refusals cannot be sent for free without end.
          // Kept before it is awaited: another plugin's refusal may reach willSendResponse meanwhile.
          contextValue.spending = rates.spend(budgetHolder(contextValue.viewer), contextValue.viewer.role, refused ? 1 : Math.max(1, measure.cost));
          const { allowed, state } = await contextValue.spending;
          if (refused) throw refused;
          if (!allowed) {
            throw rateLimitedError(`Over the rate limit: ${state.limit} cost points per ${rates.limits.windowSeconds} s for this ${contextValue.viewer.keyId ? "API key" : "address"}; this query costs ${Math.max(1, measure.cost)}.`, state, cost);
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === "single" && contextValue.cost) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: contextValue.cost };
          }
          // The site's reads were charged as a page view; their headers never leave the process.
          if (contextValue.sitePage) return;
          // Refused before it was measured (unreadable, invalid): a refusal costs a point too, and the
          // point's statement says where the budget stands.
          contextValue.spending ??= rates.spend(budgetHolder(contextValue.viewer), contextValue.viewer.role, 1);
          // A budget the database could not tell (it failed the request already, or fails now): no headers.
          const state = await contextValue.spending.then(({ state }) => state, () => null);
          if (!state) return;
          response.http.headers.set("x-ratelimit-limit", String(state.limit));
          response.http.headers.set("x-ratelimit-remaining", String(state.remaining));
          response.http.headers.set("x-ratelimit-reset", String(state.resetSeconds));
        },
      };
    },
  };
}
