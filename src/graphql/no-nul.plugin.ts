import { type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";

const hasNul = (value: unknown): boolean =>
  typeof value === "string" ? value.includes("\u0000") : Array.isArray(value) ? value.some(hasNul) : value !== null && typeof value === "object" ? Object.values(value).some(hasNul) : false;

function literalHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes("\u0000")) found = true;
    },
  });
  return found;
}

/**
 * PostgreSQL text cannot hold NUL: refuse it in any argument, literal or variable, before the
 * operation runs, as the client's error rather than the database's.
 */
export const refuseNul: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (hasNul(request.variables) || literalHasNul(document)) {
          throw new GraphQLError("Text values must not contain the NUL character (\\u0000).", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
        }
      },
    };
  },
};
