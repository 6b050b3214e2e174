import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { implementationReportKind } from "./implementation-report.table.js";

export const ImplementationReportKind = graphqlEnum(implementationReportKind.enumValues, "ImplementationReportKind", "Kind of implementation report (决策执行和调整, art. 34–35).", {
  PROGRESS: "Progress report (执行进展).",
  ADJUSTMENT: "Adjustment of the decision (决策调整).",
  SUSPENSION: "Suspension of implementation (暂停执行).",
  RESUMPTION: "Resumption of implementation (恢复执行).",
  COMPLETION: "Completion (执行完毕).",
});

@ObjectType({ implements: Node, description: "A report on the implementation of a decision, or its adjustment or suspension." })
export class ImplementationReport extends Node {
  @Field(() => ImplementationReportKind, { description: "What the report is about." })
  kind!: string;

  @Field(() => LocalDateScalar, { description: "Date of the report." })
  reportedOn!: string;

  @Field(() => String, { nullable: true, description: "The report. Null when absent or withheld." })
  content!: string | null;

  decisionId!: string;
}
