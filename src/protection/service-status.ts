import { type ApolloServerPlugin } from "@apollo/server";
import { UNAVAILABLE_CODES } from "../graphql/format-error.js";

/** An answer that failed because the database could not serve is a 503 with Retry-After, not a 200. */
export const serviceStatus: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const codes = (response.body.singleResult.errors ?? []).map((error) => error.extensions?.code);
        if (codes.some((code) => typeof code === "string" && UNAVAILABLE_CODES.has(code))) {
          response.http.status = 503;
          response.http.headers.set("retry-after", "5");
          response.http.headers.set("cache-control", "no-store");
        }
      },
    };
  },
};
