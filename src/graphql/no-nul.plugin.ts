import { type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";

/** NUL, which PostgreSQL text cannot hold, or a lone UTF-16 surrogate, which is no character at all. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hasNul = (value: unknown): boolean =>
  typeof value === "string" ? UNSTORABLE.test(value) : Array.isArray(value) ? value.some(hasNul) : value !== null && typeof value === "object" ? Object.values(value).some(hasNul) : false;

function literalHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (UNSTORABLE.test(node.value)) found = true;
    },
  });
  return found;
}

/**
 * PostgreSQL text cannot hold NUL, and a lone surrogate is not a character: refuse them in any
 * argument, literal or variable, before the operation runs, as the client's error rather than the database's.
 */
export const refuseNul: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (hasNul(request.variables) || literalHasNul(document)) {
          throw new GraphQLError("Text values must not contain the NUL character (\\u0000) or unpaired UTF-16 surrogates.", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
        }
      },
    };
  },
};
