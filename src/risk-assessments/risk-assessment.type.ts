import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { riskControllability, riskDimension, riskLevel } from "./risk-assessment.table.js";

export const RiskLevel = graphqlEnum(riskLevel.enumValues, "RiskLevel", "Assessed level of risk (风险等级).", {
  LOW: "Low (低).",
  MEDIUM: "Medium (中).",
  HIGH: "High (高).",
});

export const RiskControllability = graphqlEnum(riskControllability.enumValues, "RiskControllability", "Whether the risk is controllable (art. 24).", {
  CONTROLLABLE: "Controllable (风险可控).",
  CONTROLLABLE_WITH_MEASURES: "Controllable once the stated measures are taken.",
  UNCONTROLLABLE: "Not controllable: art. 24 requires the draft to be changed before a decision.",
});

export const RiskDimension = graphqlEnum(riskDimension.enumValues, "RiskDimension", "Dimension of a risk assessment (art. 22).", {
  SOCIAL_STABILITY: "Social stability (社会稳定).",
  PUBLIC_SAFETY: "Public safety (公共安全).",
  ENVIRONMENT: "Ecology and environment (生态环境).",
  ECONOMY: "Economy and finance (经济).",
});

@ObjectType({ implements: Node, description: "A risk assessment (风险评估, art. 22–24) and its report." })
export class RiskAssessment extends Node {
  @Field(() => String, { nullable: true, description: "Who assessed (the undertaking body or a commissioned institution). Null when withheld." })
  assessor!: string | null;

  @Field(() => LocalDateScalar, { description: "Date of the report." })
  assessedOn!: string;

  @Field(() => RiskLevel, { description: "Overall risk level." })
  overallLevel!: string;

  @Field(() => RiskControllability, { description: "Controllability conclusion." })
  controllability!: string;

  @Field(() => String, { nullable: true, description: "Risk points identified (风险点). Null when absent or withheld." })
  riskPoints!: string | null;

  @Field(() => String, { nullable: true, description: "Measures to prevent and resolve them (防范化解措施). Null when absent or withheld." })
  measures!: string | null;

  @Field(() => String, { nullable: true, description: "Contingency plan (应急处置预案). Null when absent or withheld." })
  contingencyPlan!: string | null;

  @Field(() => String, { nullable: true, description: "Overall conclusion of the report. Null when absent or withheld." })
  conclusion!: string | null;

  decisionId!: string;
}

@ObjectType({ implements: Node, description: "The finding of a risk assessment on one dimension." })
export class RiskFinding extends Node {
  @Field(() => RiskDimension, { description: "The dimension assessed." })
  dimension!: string;

  @Field(() => RiskLevel, { description: "Risk level on this dimension." })
  level!: string;

  @Field(() => String, { nullable: true, description: "What was found. Null when absent or withheld." })
  findings!: string | null;

  riskAssessmentId!: string;
  decisionId!: string;
}
