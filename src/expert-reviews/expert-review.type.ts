import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { expertReviewMethod, reviewerKind } from "./expert-review.table.js";

export const ReviewerKind = graphqlEnum(reviewerKind.enumValues, "ReviewerKind", "Who gave the expert opinion.", {
  EXPERT: "An individual expert (专家).",
  INSTITUTION: "A professional institution (专业机构).",
});

export const ExpertReviewMethod = graphqlEnum(expertReviewMethod.enumValues, "ExpertReviewMethod", "How the expert argumentation was held (专家论证方式).", {
  ARGUMENTATION_MEETING: "Argumentation meeting (论证会).",
  WRITTEN_OPINION: "Written opinion (书面咨询).",
  SITE_VISIT: "Site visit (实地考察).",
  COMMISSIONED_STUDY: "Commissioned study (委托研究).",
});

@ObjectType({ implements: Node, description: "Expert argumentation (专家论证, art. 19–21) on the necessity, feasibility and scientific soundness of a decision." })
export class ExpertReview extends Node {
  @Field(() => ReviewerKind, { description: "Expert or institution." })
  reviewerKind!: string;

  @Field(() => String, { nullable: true, description: "Name of the expert or institution. Null when withheld." })
  reviewerName!: string | null;

  @Field(() => ExpertReviewMethod, { description: "How the argumentation was held." })
  method!: string;

  @Field(() => LocalDateScalar, { description: "Date of the opinion." })
  reviewedOn!: string;

  @Field(() => String, { nullable: true, description: "Opinion on necessity (必要性). Null when absent or withheld." })
  necessityOpinion!: string | null;

  @Field(() => String, { nullable: true, description: "Opinion on feasibility (可行性). Null when absent or withheld." })
  feasibilityOpinion!: string | null;

  @Field(() => String, { nullable: true, description: "Opinion on scientific soundness (科学性). Null when absent or withheld." })
  soundnessOpinion!: string | null;

  @Field(() => String, { nullable: true, description: "Conclusion. Null when absent or withheld." })
  conclusion!: string | null;

  @Field(() => Boolean, { description: "Art. 21: whether the opinion is signed by the expert or stamped by the institution." })
  signed!: boolean;

  decisionId!: string;
}
