import { GraphQLError } from "graphql";

/** A credential was given and is not valid: HTTP 401, code UNAUTHENTICATED. */
export class AuthenticationError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
  }
}

/** The viewer may not do this; nothing was changed. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, anonymous: boolean) {
    super(message, { extensions: { code: anonymous ? "UNAUTHENTICATED" : "FORBIDDEN" } });
  }
}
