import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { evaluationRecommendation } from "./post-evaluation.table.js";

export const EvaluationRecommendation = graphqlEnum(evaluationRecommendation.enumValues, "EvaluationRecommendation", "Recommendation of a post-decision evaluation (art. 36).", {
  CONTINUE: "Continue implementing (继续执行).",
  ADJUST: "Adjust the decision (调整).",
  SUSPEND: "Suspend it (暂停).",
  TERMINATE: "Terminate it (终止).",
});

@ObjectType({ implements: Node, description: "A post-decision evaluation (决策后评估, art. 36)." })
export class PostEvaluation extends Node {
  @Field(() => String, { nullable: true, description: "Who evaluated. Null when withheld." })
  evaluator!: string | null;

  @Field(() => LocalDateScalar, { description: "Date of the evaluation." })
  evaluatedOn!: string;

  @Field(() => String, { nullable: true, description: "Findings. Null when absent or withheld." })
  findings!: string | null;

  @Field(() => EvaluationRecommendation, { description: "Recommendation." })
  recommendation!: string;

  decisionId!: string;
}
