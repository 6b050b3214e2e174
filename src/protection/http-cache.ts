import { type ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, type OperationDefinitionNode } from "graphql";
import { fieldNames, fragmentsOf } from "../graphql/selected-fields.js";
import { type CostCarrier } from "./query-limits.js";
import { type ScopeCarrier } from "../operations/request-scope.js";
import { seesWithheld } from "../access/viewer.js";

/** How long an answer kept by the server's public cache lives (an answer may depend on the clock), in seconds. */
export const PUBLIC_MAX_AGE_SECONDS = 60;
/**
 * A public answer may be stored by anyone but must be checked with the server before each use (its
 * ETag makes that a 304, answered from the server's cache without running the query): a shared cache
 * must not go on serving an answer after a withholding (DESIGN §3).
 */
export const PUBLIC_CACHE_CONTROL = "public, no-cache";
/**
 * Whether a conditional request's If-None-Match names `etag` (RFC 9110 §13.1.2: a list, weak
 * comparison, or "*"): the client's copy is current and gets a 304.
 */
export function heldAlready(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** Root fields whose answers go stale sooner: followers poll the change feed's head. */
const SHORTER_LIVED: Record<string, number> = { changes: 5 };

/**
 * Root fields whose answers the server's public cache may keep: those read from the disclosure
 * projection alone, which the disclosure epoch follows. Not a receipt (read on the primary, and its
 * moderation is out of public view, so the epoch does not move with it), nor `viewer` (the key's own),
 * nor the staff's fields. A root field added later is not kept until it is listed here.
 */
const KEPT_ROOTS = new Set(["bodies", "changes", "complianceRules", "complianceStatistics", "dataset", "decision", "decisions", "node", "nodes", "regions", "statistics", "__schema", "__type", "__typename"]);

/**
 * How long the server's public cache may keep the operation's answer (the shortest life of its root
 * fields), or null if it may not. Decided on the document, once per request, instead of through
 * Apollo's per-field cache hints (which wrap every field's resolver: about a fifth of the time of a
 * page of decisions).
 */
export function keptLifeOf(document: DocumentNode, operation: OperationDefinitionNode): number | null {
  const roots = [...fieldNames([operation.selectionSet], fragmentsOf(document))];
  if (!roots.every((name) => KEPT_ROOTS.has(name))) return null;
  return Math.min(PUBLIC_MAX_AGE_SECONDS, ...roots.map((name) => SHORTER_LIVED[name] ?? PUBLIC_MAX_AGE_SECONDS));
}

/**
 * Cache headers for GraphQL answers. The public's successful queries may be stored by anyone and are
 * revalidated before each use (an ETag makes that a 304); anything asked with a
 * credential is `private, no-store`, and every answer varies on Authorization, so that a shared cache
 * can never hand a staff answer to the public.
 */
export const httpCaching: ApolloServerPlugin<CostCarrier & ScopeCarrier> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, document, operation, errors }) {
        const headers = response.http.headers;
        headers.set("vary", "authorization");
        const cacheable = Boolean(document && operation?.operation === "query" && !errors?.length && response.http.status === undefined);
        // The server's public cache may keep the answer (public-cache/graphql-cache.ts): a researcher's too, which is read on the same projection.
        const scope = contextValue.scope;
        if (scope && cacheable && !seesWithheld(contextValue.viewer)) scope.publicLifeSeconds = keptLifeOf(document!, operation!) ?? undefined;
        if (contextValue.viewer.role !== "ANONYMOUS") headers.set("cache-control", "private, no-store");
        else headers.set("cache-control", cacheable ? PUBLIC_CACHE_CONTROL : "no-store");
      },
    };
  },
};
