import { StakeholderCategory } from "./comment.type.js";
import { Field, ObjectType } from "type-graphql";
import { NonNegativeIntResolver } from "graphql-scalars";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { consultationMethod } from "./consultation.table.js";

export const ConsultationMethod = graphqlEnum(consultationMethod.enumValues, "ConsultationMethod", "How the public was consulted (公众参与方式, art. 14–16).", {
  ONLINE_COMMENT: "Draft published for written comment (公开征求意见).",
  HEARING: "Hearing (听证会), art. 16.",
  SYMPOSIUM: "Symposium (座谈会).",
  QUESTIONNAIRE: "Questionnaire survey (问卷调查).",
  CONSULTATION_MEETING: "Consultation meeting with the affected (协商会/议事会).",
});

@ObjectType({ implements: Node, description: "A round of public participation (公众参与): a comment period, hearing, symposium, survey or consultation meeting." })
export class Consultation extends Node {
  @Field(() => ConsultationMethod, { description: "How the public was consulted." })
  method!: string;

  @Field(() => LocalDateScalar, { description: "First day of the period or the day of the meeting." })
  opensOn!: string;

  @Field(() => LocalDateScalar, { description: "Last day on which comments were taken." })
  closesOn!: string;

  @Field(() => String, { nullable: true, description: "Art. 15: why the comment period is shorter than 30 days, stated when it opened." })
  shortPeriodReason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Art. 15(1): the day the reason for a shorter comment period was stated; the exception is lawful only with a reason stated by the day the period opens." })
  shortPeriodReasonStatedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Where it took place. Null when absent or withheld." })
  place!: string | null;

  @Field(() => String, { nullable: true, description: "Who took part (art. 16: hearing participants are published in advance). Null when absent or withheld." })
  participants!: string | null;

  @Field(() => NonNegativeIntResolver, { nullable: true, description: "Number of participants." })
  participantCount!: number | null;

  @Field(() => String, { nullable: true, description: "Summary of what was said. Null when absent or withheld." })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: "How the opinions were adopted, and why not where they were not (意见采纳情况反馈). Null when absent or withheld." })
  adoptionFeedback!: string | null;

  @Field(() => [StakeholderCategory], { description: "The groups this consultation heard (art. 14)." })
  consultedGroups!: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: "For a hearing: when the materials reached the participants (art. 16: at least 7 days before the hearing)." })
  materialsProvidedOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "For a hearing: when the participants were published (art. 16: in advance)." })
  participantsPublishedOn!: string | null;

  decisionId!: string;
}
