import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { type KindContext } from "../store/kind-context.js";
import { type CommentService } from "./comment.service.js";
import { graphqlEnum } from "../graphql/enums.js";
import { UserError } from "../graphql/user-error.type.js";
import { COMMENT_MAX_LENGTH } from "./comment.service.js";
import { AdoptionResult, Comment, ModerationState, StakeholderCategory } from "./comment.type.js";

export const ModerationDecision = graphqlEnum(["PUBLISH", "REJECT"], "ModerationDecision", "An editor's decision on a submitted comment.", {
  PUBLISH: "Make the comment public.",
  REJECT: "Keep it from the public, with a reason.",
});

@InputType({ description: "A comment from a member of the public." })
export class CommentSubmitInput {
  @Field(() => ID, { description: "The consultation, which must be taking comments today." })
  consultationId!: string;

  @Field(() => String, { description: `The comment (1 to ${COMMENT_MAX_LENGTH} characters).` })
  text!: string;

  @Field(() => StakeholderCategory, { description: "Whom you speak for." })
  stakeholderCategory!: "INDIVIDUAL";

  @Field(() => String, { nullable: true, description: "Your name, for follow-up. Stored, never published." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "How to reach you. Stored, never published." })
  contact?: string | null;

  @Field(() => String, { nullable: true, description: "Any string of yours (at most 100 characters): a retried submission with the same key creates one comment; the same key with a different comment is refused (CONFLICT)." })
  idempotencyKey?: string | null;
}

@ObjectType({ description: "Proof that a comment was received; it is public only once an editor approves it." })
export class CommentReceipt {
  @Field(() => ID, {
    description: "Global id of the comment (it finds the comment through `node` only once published).",
    deprecationReason: "Give residents `number` and look it up with `commentReceipt`; `id` stays until 2027-12-31.",
  })
  id!: string;

  @Field(() => String, { description: "The receipt number to keep (`K7QM-4TZ9-XP3R`): `commentReceipt(number:)` and the site's /comments/status tell the comment's status with it. Confidential: whoever holds it learns the status and, if rejected, the reason." })
  number!: string;

  @Field(() => ModerationState, { description: "PENDING until an editor decides." })
  moderationState!: string;

  @Field(() => DateTimeISOResolver, { description: "When it was received." })
  submittedAt!: Date;
}

@ObjectType({ description: "Result of commentSubmit." })
export class CommentSubmitPayload {
  @Field(() => CommentReceipt, { nullable: true, description: "The receipt; null when refused." })
  receipt!: CommentReceipt | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

@InputType({ description: "An editor's moderation of a comment." })
export class CommentModerateInput {
  @Field(() => ID, { description: "The comment." })
  id!: string;

  @Field(() => Int, { description: "The version your decision is based on." })
  expectedVersion!: number;

  @Field(() => ModerationDecision, { description: "Publish or reject." })
  decision!: "PUBLISH" | "REJECT";

  @Field(() => String, { nullable: true, description: "Why it is rejected (required to reject; never public)." })
  reason?: string | null;
}

@InputType({ description: "What became of a comment, and the answer to it." })
export class CommentAnswerInput {
  @Field(() => ID, { description: "The comment." })
  id!: string;

  @Field(() => Int, { description: "The version your answer is based on." })
  expectedVersion!: number;

  @Field(() => AdoptionResult, { description: "Adopted, partly adopted, not adopted, or still under consideration." })
  adoptionResult!: string;

  @Field(() => String, { nullable: true, description: "The answer (required unless still under consideration)." })
  reply?: string | null;
}

@ObjectType({ description: "Result of a moderation or an answer." })
export class CommentPayload {
  @Field(() => Comment, { nullable: true, description: "The comment, as staff see it; null when refused." })
  comment!: unknown;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

const asPayload = (outcome: { record: unknown; userErrors: UserError[] }) => ({ comment: outcome.record, userErrors: outcome.userErrors });

@Resolver()
export class CommentMutationsResolver {
  @Mutation(() => CommentSubmitPayload, { description: "Submits a comment on an open consultation (anyone, no key needed). Not public until an editor approves it." })
  commentSubmit(@Arg("input", () => CommentSubmitInput, { description: "The comment." }) input: CommentSubmitInput, @Ctx() { services }: KindContext<{ comments: CommentService }>) {
    return services.comments.submit(input);
  }

  @Mutation(() => CommentPayload, { description: "Publishes or rejects a submitted comment (editor keys). Audited." })
  commentModerate(@Arg("input", () => CommentModerateInput, { description: "The decision." }) input: CommentModerateInput, @Ctx() { services }: KindContext<{ comments: CommentService }>) {
    return services.comments.moderate(input).then(asPayload);
  }

  @Mutation(() => CommentPayload, { description: "Records what became of a comment and the reply (editor keys). Audited." })
  commentAnswer(@Arg("input", () => CommentAnswerInput, { description: "The answer." }) input: CommentAnswerInput, @Ctx() { services }: KindContext<{ comments: CommentService }>) {
    return services.comments.answer(input).then(asPayload);
  }
}
