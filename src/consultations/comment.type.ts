import { Field, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { staffOnly } from "../graphql/staff-only.js";
import { adoptionResult, moderationState, stakeholderCategory } from "./comment.table.js";

export const StakeholderCategory = graphqlEnum(stakeholderCategory.enumValues, "StakeholderCategory", "Whom a commenter speaks for (art. 14 and local practice).", {
  ENTERPRISE: "An enterprise (企业).",
  INDUSTRY_ASSOCIATION_OR_CHAMBER: "An industry association or chamber of commerce (行业协会、商会).",
  PEOPLES_ORGANISATION: "A people's organisation, such as a trade union or women's federation (人民团体).",
  SOCIAL_ORGANISATION: "A social organisation (社会组织).",
  RESIDENT_REPRESENTATIVE: "A representative of residents or villagers (群众代表).",
  DEPUTY_OR_CPPCC_MEMBER: "A people's congress deputy or CPPCC member (人大代表、政协委员).",
  EXPERT: "An expert (专家).",
  INDIVIDUAL: "An individual member of the public (个人).",
});

export const AdoptionResult = graphqlEnum(adoptionResult.enumValues, "AdoptionResult", "What became of a comment (采纳情况).", {
  ADOPTED: "Adopted (采纳).",
  PARTIALLY_ADOPTED: "Partly adopted (部分采纳).",
  NOT_ADOPTED: "Not adopted, with the reason in the reply (未采纳).",
  UNDER_CONSIDERATION: "Still being considered (研究中).",
});

export const ModerationState = graphqlEnum(moderationState.enumValues, "ModerationState", "Where a submitted comment stands.", {
  PENDING: "Awaiting moderation; not public.",
  PUBLISHED: "Approved and public.",
  REJECTED: "Rejected by an editor, with a reason; not public.",
});

@ObjectType({
  implements: Node,
  description: "A published public comment and the answer to it. Only moderated comments are public; commenters' names and contact details never are.",
})
export class Comment extends Node {
  @Field(() => StakeholderCategory, { description: "Whom the commenter speaks for." })
  stakeholderCategory!: string;

  @Field(() => String, { nullable: true, description: "The comment. Null when withheld (see `withheld`)." })
  text!: string | null;

  @Field(() => AdoptionResult, { nullable: true, description: "What became of it; null until decided." })
  adoptionResult!: string | null;

  @Field(() => String, { nullable: true, description: "The administration's answer. Null until answered, or when withheld." })
  reply!: string | null;

  @Field(() => DateTimeISOResolver, { description: "When the comment was submitted." })
  submittedAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When the adoption result was first decided (art. 18: before the decision is published); null until answered." })
  answeredAt!: Date | null;

  @Field(() => ModerationState, { description: "Where the comment stands; the public sees only PUBLISHED comments, staff see all." })
  moderationState!: string;

  @Field(() => String, { nullable: true, description: staffOnly("why an editor rejected the comment.") })
  rejectionReason!: string | null;

  @Field(() => String, { nullable: true, description: staffOnly("the commenter's name, for follow-up; never published.") })
  commenterName!: string | null;

  @Field(() => String, { nullable: true, description: staffOnly("how to reach the commenter; never published.") })
  commenterContact!: string | null;

  consultationId!: string;
  decisionId!: string;
}
