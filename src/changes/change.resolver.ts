import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { type AppContext } from "../context.js";
import { changeKind } from "../audit/change-log.table.js";
import { connectionOf, toConnection } from "../graphql/connection.js";
import { graphqlEnum } from "../graphql/enums.js";
import { MAX_PAGE_SIZE } from "../graphql/page-args.js";
import { UserInputError } from "../graphql/user-input.error.js";
import { changePosition } from "./change-feed.js";

export const ChangeKind = graphqlEnum(changeKind.enumValues, "ChangeKind", "What happened to a record.", {
  CREATED: "The record was added.",
  UPDATED: "The record changed.",
  WITHHELD: "Part of the record, or something under a decision, was withheld or changed out of public view: fetch the record (or the decision's file) again.",
  RELEASED: "A withholding was released: the value is public again.",
  WITHDRAWN: "The record was withdrawn from the file: remove it.",
});

@ObjectType({ description: "One change to the public record, in commit order. No values: fetch the record (or the decision's file) to see them." })
export class Change {
  @Field(() => String, { description: "Resume the feed after this change with `changes(after:)` or `/open-data/changes.ndjson?after=`." })
  cursor!: string;

  @Field(() => ID, { description: "Global id of the record that changed; for changes out of public view, the decision's." })
  recordId!: string;

  @Field(() => String, { description: "GraphQL type of that record." })
  recordType!: string;

  @Field(() => ID, { description: "Global id of the decision whose file changed." })
  decisionId!: string;

  @Field(() => ChangeKind, { description: "What happened." })
  kind!: string;

  @Field(() => DateTimeISOResolver, { description: "When it was committed." })
  occurredAt!: Date;
}

const ChangeConnection = connectionOf(Change, "Change", "change");

@Resolver(() => ChangeConnection)
export class ChangePageResolver {
  @FieldResolver(() => DateTimeISOResolver, { description: "When this page of the feed was generated." })
  generatedAt(@Ctx() { clock }: AppContext) {
    return clock();
  }
}

@ArgsType()
class ChangeArgs {
  @Field(() => String, { nullable: true, description: "Resume after this cursor (a change's `cursor`, a page's `endCursor`, or a bulk file's X-Changes-Cursor header)." })
  after?: string | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description:
      "Start at a time: only changes committed at or after it (`occurredAt` ≥ `since`). With `after`, both hold: the changes after the cursor from that time on; to page on, pass the page's `endCursor` as `after` (with or without `since`).",
  })
  since?: Date | null;

  @Field(() => Int, { nullable: true, defaultValue: MAX_PAGE_SIZE, description: `How many changes (1–${MAX_PAGE_SIZE}; default ${MAX_PAGE_SIZE}).` })
  first?: number | null;
}

@Resolver()
export class ChangeResolver {
  @Query(() => ChangeConnection, { description: "The change feed: every change to the public record after a cursor and/or from a time, oldest first, each resumable." })
  async changes(@Args(() => ChangeArgs) { after, since, first }: ChangeArgs, @Ctx() { services }: AppContext) {
    const size = first ?? MAX_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new UserInputError(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, "first");
    const position = changePosition(after);
    if (since != null && (since.getUTCFullYear() < 1 || since.getUTCFullYear() > 9999)) throw new UserInputError('"since" must be a time between the years 1 and 9999.', "since");
    const from = since ?? undefined;
    const { entries, hasMore } = await services.changes.page(position, size, from);
    return toConnection({ rows: entries, cursorOf: (i) => entries[i]!.cursor, hasNextPage: hasMore, hasPreviousPage: position > 0 }, () => services.changes.count(position, from));
  }
}
