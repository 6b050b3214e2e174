import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { legalityResult } from "./legality-review.table.js";

export const LegalityResult = graphqlEnum(legalityResult.enumValues, "LegalityResult", "Result of a legality review (合法性审查意见, art. 25–28).", {
  LAWFUL: "Lawful (合法).",
  LAWFUL_AFTER_AMENDMENT: "Lawful once amended as the opinion says (修改后合法).",
  UNLAWFUL: "Unlawful: art. 25 forbids deliberation of the draft (不合法).",
  RETURNED: "Returned for supplementary material (退回补充材料).",
});

@ObjectType({ implements: Node, description: "A legality review (合法性审查, art. 25–28), mandatory before deliberation." })
export class LegalityReview extends Node {
  @Field(() => LocalDateScalar, { description: "When the draft was submitted for review." })
  submittedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the review was completed; null while under way." })
  completedOn!: string | null;

  @Field(() => LegalityResult, { nullable: true, description: "The result; null while under way." })
  result!: string | null;

  @Field(() => String, { nullable: true, description: "The review opinion. Null when absent or withheld." })
  opinion!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The date by which the review was asked for (art. 26: generally at least 7 working days after submission); null when none was set." })
  dueOn!: string | null;

  @Field(() => String, { nullable: true, description: "Art. 26(2) (一般): why the review is given less than 7 working days; null when not shorter or not stated." })
  shortTimeReason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day that reason was stated: the exception is lawful only with a reason stated by the day the draft was submitted." })
  shortTimeReasonStatedOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The meeting (集体讨论) scheduled to deliberate the draft, as known when it was sent for review; null when none was scheduled. The review is to be done before the draft goes to that meeting (art. 25(1)), so the reviewer's time ends there when it comes before the due date." })
  meetingScheduledOn!: string | null;

  reviewingBodyId!: string;
  decisionId!: string;
}
