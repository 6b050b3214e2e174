import { type ApolloServerPlugin } from "@apollo/server";
import { type CostCarrier } from "./query-limits.js";

/**
 * Cache headers for GraphQL answers. The public's successful queries are cacheable by anyone for as
 * long as their cache hints allow (an ETag lets a client revalidate for a 304); anything asked with a
 * credential is `private, no-store`, and every answer varies on Authorization, so that a shared cache
 * can never hand a staff answer to the public.
 */
export const httpCaching: ApolloServerPlugin<CostCarrier> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, operation, errors, overallCachePolicy }) {
        const headers = response.http.headers;
        headers.set("vary", "authorization");
        if (contextValue.viewer.role !== "ANONYMOUS") {
          headers.set("cache-control", "private, no-store");
          return;
        }
        const policy = overallCachePolicy.policyIfCacheable();
        const cacheable = operation?.operation === "query" && !errors?.length && response.http.status === undefined && policy !== null && policy.maxAge > 0;
        headers.set("cache-control", cacheable ? `public, max-age=${policy!.maxAge}` : "no-store");
      },
    };
  },
};
