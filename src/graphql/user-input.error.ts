import { GraphQLError } from "graphql";

/** Bad input from the client: shown as it is, with code BAD_USER_INPUT and the argument at fault. */
export class UserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT", ...(argument ? { argument } : {}) } });
  }
}
