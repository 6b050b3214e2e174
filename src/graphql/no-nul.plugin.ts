import { type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";

/** NUL, which PostgreSQL text cannot hold, or a lone UTF-16 surrogate, which is no character at all. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Variables nested deeper than any input type of the schema could be are refused before they are walked. */
const MAX_VARIABLE_DEPTH = 32;

class TooDeep extends Error {}

/** Whether any string in the value is unstorable; iterative, so that no nesting can overflow the stack. */
function hasNul(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === "string") {
      if (UNSTORABLE.test(current)) return true;
    } else if (current !== null && typeof current === "object") {
      if (depth >= MAX_VARIABLE_DEPTH) throw new TooDeep();
      for (const item of Array.isArray(current) ? current : Object.values(current)) stack.push({ value: item, depth: depth + 1 });
    }
  }
  return false;
}

/** Per parsed document (Apollo keeps one object per query text): the walk is done once, not on every request. */
const literalsChecked = new WeakMap<DocumentNode, boolean>();

function literalHasNul(document: DocumentNode): boolean {
  let found = literalsChecked.get(document);
  if (found === undefined) literalsChecked.set(document, (found = walkLiterals(document)));
  return found;
}

function walkLiterals(document: DocumentNode): boolean {
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
        let unstorable: boolean;
        try {
          unstorable = hasNul(request.variables) || literalHasNul(document);
        } catch (error) {
          if (!(error instanceof TooDeep)) throw error;
          throw new GraphQLError(`Variables may be nested at most ${MAX_VARIABLE_DEPTH} levels deep.`, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });
        }
        if (unstorable) {
          throw new GraphQLError("Text values must not contain the NUL character (\\u0000) or unpaired UTF-16 surrogates.", { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
        }
      },
    };
  },
};
