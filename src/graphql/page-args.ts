import { ArgsType, Field, Int } from "type-graphql";
import { UserInputError } from "./user-input.error.js";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.js";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Return the first n items (0–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (an `endCursor` or edge `cursor` of the same list)." })
  after?: string | null;
}

@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Return the last n items (0–${MAX_PAGE_SIZE}); use with \`before\` to page backwards.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Return the items before this cursor." })
  before?: string | null;
}

/** A validated page request: which way, how many, from which cursor. */
export interface PageRequest {
  direction: "forward" | "backward";
  size: number;
  cursor: string | null;
}

function checkSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new UserInputError(`"${argument}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}.`, argument);
  }
  return value;
}

export function pageRequest(args: Partial<PageArgs>): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new UserInputError('Pass either "first" or "last", not both.', "last");
  if (after != null && before != null) throw new UserInputError('Pass either "after" or "before", not both.', "before");
  if (last != null || before != null) {
    if (first != null || after != null) throw new UserInputError('"last"/"before" page backwards and cannot be mixed with "first"/"after".', "last");
    return { direction: "backward", size: checkSize(last ?? DEFAULT_PAGE_SIZE, "last"), cursor: before ?? null };
  }
  return { direction: "forward", size: checkSize(first ?? DEFAULT_PAGE_SIZE, "first"), cursor: after ?? null };
}
