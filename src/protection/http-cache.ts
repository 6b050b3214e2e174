import { type ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, type OperationDefinitionNode } from "graphql";
import { fieldNames, fragmentsOf } from "../graphql/selected-fields.js";
import { type CostCarrier } from "./query-limits.js";

/** How long the public may keep an answer, in seconds. */
export const PUBLIC_MAX_AGE_SECONDS = 60;
/** Root fields whose answers go stale sooner: followers poll the change feed's head. */
const SHORTER_LIVED: Record<string, number> = { changes: 5 };

/**
 * The shortest life of the root fields an operation asks for. Decided on the document, once per
 * request, instead of through Apollo's per-field cache hints (which wrap every field's resolver:
 * about a fifth of the time of a page of decisions).
 */
export function maxAgeOf(document: DocumentNode, operation: OperationDefinitionNode): number {
  const roots = fieldNames([operation.selectionSet], fragmentsOf(document));
  return Math.min(PUBLIC_MAX_AGE_SECONDS, ...[...roots].map((name) => SHORTER_LIVED[name] ?? PUBLIC_MAX_AGE_SECONDS));
}

/**
 * Cache headers for GraphQL answers. The public's successful queries are cacheable by anyone for as
 * long as their root fields allow (an ETag lets a client revalidate for a 304); anything asked with a
 * credential is `private, no-store`, and every answer varies on Authorization, so that a shared cache
 * can never hand a staff answer to the public.
 */
export const httpCaching: ApolloServerPlugin<CostCarrier> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, document, operation, errors }) {
        const headers = response.http.headers;
        headers.set("vary", "authorization");
        if (contextValue.viewer.role !== "ANONYMOUS") {
          headers.set("cache-control", "private, no-store");
          return;
        }
        const cacheable = document && operation?.operation === "query" && !errors?.length && response.http.status === undefined;
        headers.set("cache-control", cacheable ? `public, max-age=${maxAgeOf(document, operation)}` : "no-store");
      },
    };
  },
};
