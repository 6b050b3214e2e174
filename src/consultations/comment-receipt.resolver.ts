import { Arg, Ctx, Extensions, Field, FieldResolver, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { type KindContext } from "../store/kind-context.js";
import { type NodeService } from "../store/node.service.js";
import { type CommentService, type CommentStatusValue } from "./comment.service.js";
import { Comment, ModerationState } from "./comment.type.js";

@ObjectType({ description: "Where a comment stands, as its receipt's holder may know it. Nothing of the commenter (name, contact) and nothing of other comments." })
export class CommentReceiptStatus {
  @Field(() => String, { description: "The receipt number, as printed on the receipt (`K7QM-4TZ9-XP3R`)." })
  number!: string;

  @Field(() => ModerationState, { description: "PENDING while it awaits moderation; PUBLISHED once approved; REJECTED with `rejectionReason`." })
  moderationState!: string;

  @Field(() => DateTimeISOResolver, { description: "When the comment was received." })
  submittedAt!: Date;

  @Field(() => String, { nullable: true, description: "Why an editor rejected the comment, for its commenter; null unless REJECTED." })
  rejectionReason!: string | null;
}

/**
 * Cost points of one lookup: guessing numbers must not come cheap. 100 lookups a minute within the
 * default anonymous budget, far more than a resident needs, and with 55 random bits far too few to
 * find anyone's number.
 */
export const RECEIPT_LOOKUP_COST = 1_000;

@Resolver(() => CommentReceiptStatus)
export class CommentReceiptResolver {
  @Extensions({ cost: RECEIPT_LOOKUP_COST })
  @Query(() => CommentReceiptStatus, {
    nullable: true,
    description:
      "The status of a comment by its receipt number (anyone who holds it; no key needed). A malformed number, one whose check symbol does not match and an unknown one all answer null. Costs 1,000 points of the rate limit, so that guessing numbers is futile.",
  })
  commentReceipt(@Arg("number", () => String, { description: "The receipt number, in any case, with or without hyphens." }) number: string, @Ctx() { services }: KindContext<{ comments: CommentService }>) {
    return services.comments.status(number);
  }

  @FieldResolver(() => Comment, {
    nullable: true,
    description: "The published comment with its answer (adoption result, reply, and notices of what is withheld), as the public sees it; null unless PUBLISHED and public now.",
  })
  comment(@Root() status: CommentStatusValue, @Ctx() { services }: KindContext<{ nodes: NodeService }>) {
    return services.nodes.load("Comment", status.commentRowId);
  }
}
