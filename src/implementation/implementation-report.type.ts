import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { adjustmentCircumstance, adjustmentProcedure, implementationReportKind } from "./implementation-report.table.js";

export const ImplementationReportKind = graphqlEnum(implementationReportKind.enumValues, "ImplementationReportKind", "Kind of implementation report (决策执行和调整, art. 34–37).", {
  PROGRESS: "Progress report (执行进展).",
  ADJUSTMENT: "Change of the decision (变更, art. 37: only through the statutory procedure).",
  SUSPENSION: "Suspension of implementation (中止执行, art. 37: the head may decide it first, in an art. 35 circumstance and an emergency).",
  TERMINATION: "Implementation stopped (停止执行, art. 37: only through the statutory procedure).",
  RESUMPTION: "Resumption of implementation (恢复执行).",
  COMPLETION: "Completion (执行完毕).",
});

export const AdjustmentCircumstance = graphqlEnum(adjustmentCircumstance.enumValues, "AdjustmentCircumstance", "What led to a change, suspension or stop of a decision (art. 35, 36(4)).", {
  PROBLEM_FOUND: "The decision was found to have a problem (决策存在问题, art. 35(1)).",
  CIRCUMSTANCES_CHANGED: "The objective circumstances changed materially (客观情况发生重大变化, art. 35(1)).",
  FORCE_MAJEURE: "Force majeure during implementation (不可抗力, art. 35(1)).",
  PUBLIC_OPINION: "Opinions of citizens, legal persons or other organisations on the decision or its implementation (公众意见, art. 35(2)).",
  POST_EVALUATION: "The result of a post-decision evaluation (决策后评估, art. 36(4)).",
  OTHER: "Another circumstance (其他).",
});

export const AdjustmentProcedure = graphqlEnum(adjustmentProcedure.enumValues, "AdjustmentProcedure", "How a change, suspension or stop of a decision was decided (art. 37).", {
  HEAD_DECIDED: "Decided first by the head of the deciding body (决策机关行政首长先决定): lawful for a suspension only, in an art. 35 circumstance.",
  STATUTORY_PROCEDURE: "Through the statutory procedure (依照本条例履行相关法定程序): deliberated again by the deciding body.",
  NONE_RECORDED: "The record does not say how it was decided (未记录).",
});

@ObjectType({ implements: Node, description: "A report on the implementation of a decision, or on its change, suspension or stop (决策执行和调整, art. 34–37)." })
export class ImplementationReport extends Node {
  @Field(() => ImplementationReportKind, { description: "What the report is about." })
  kind!: string;

  @Field(() => LocalDateScalar, { description: "Date of the report." })
  reportedOn!: string;

  @Field(() => String, { nullable: true, description: "The report. Null when absent or withheld." })
  content!: string | null;

  @Field(() => String, { nullable: true, description: "Why the decision was changed, suspended or stopped (调整理由). Null when absent or withheld." })
  reason!: string | null;

  @Field(() => AdjustmentCircumstance, { nullable: true, description: "What led to the change, suspension or stop (art. 35, 36(4)). Null when none is recorded." })
  circumstance!: string | null;

  @Field(() => AdjustmentProcedure, { description: "How the change, suspension or stop was decided (art. 37); NONE_RECORDED for other reports." })
  procedure!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The day the change, suspension or stop was decided, when it is not the day of the report (reportedOn)." })
  decidedOn!: string | null;

  decisionId!: string;
}
