import { Field, ObjectType } from "type-graphql";
import { graphqlEnum } from "./enums.js";

export const UserErrorCode = graphqlEnum(
  ["INVALID_INPUT", "NOT_FOUND", "CONFLICT", "PROCEDURE_VIOLATION", "COMMENT_PERIOD_CLOSED", "RATE_LIMITED"],
  "UserErrorCode",
  "Why a mutation was refused. Nothing was changed.",
  {
    INVALID_INPUT: "A value is missing, malformed or out of range.",
    NOT_FOUND: "A referenced object does not exist (or is not visible to you).",
    CONFLICT: "The request conflicts with what is stored: the object changed since the version you based your update on (read it again and retry), or an idempotency key was already used for different input.",
    PROCEDURE_VIOLATION: "The decision procedure forbids this step now; `article` cites the rule.",
    COMMENT_PERIOD_CLOSED: "The consultation does not take comments now; the message gives its dates.",
    RATE_LIMITED: "Too many submissions from your address; try again later.",
  },
  {
    RATE_LIMITED: "No longer returned (2026-12): a submission over the comment limit is refused like every rate limit, with the GraphQL error code RATE_LIMITED, HTTP 429 and Retry-After.",
  },
);

export type UserErrorCodeValue = keyof typeof UserErrorCode;

@ObjectType({ description: "An expected failure of a mutation, caused by its input or the state of the record. Nothing was changed." })
export class UserError {
  @Field(() => [String], { description: "Path to the input field at fault, e.g. [\"input\", \"closesOn\"]; empty when no single field is at fault." })
  field!: string[];

  @Field(() => String, { description: "What is wrong, in plain words." })
  message!: string;

  @Field(() => UserErrorCode, { description: "Machine-readable reason." })
  code!: UserErrorCodeValue;

  @Field(() => String, { nullable: true, description: "For procedure violations, the article of the Interim Regulations on Major Administrative Decision-making Procedures (Decree 713) that the step would break." })
  article!: string | null;
}

export const userError = (code: UserErrorCodeValue, message: string, field: string[] = [], article: string | null = null): UserError => ({ code, message, field: ["input", ...field], article });

/** Thrown inside a write transaction to roll it back and answer with user errors. */
export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join("; "));
  }
}
