import { Field, ObjectType } from "type-graphql";
import { NonNegativeIntResolver } from "graphql-scalars";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { attachmentKind } from "./attachment.table.js";

export const AttachmentKind = graphqlEnum(attachmentKind.enumValues, "AttachmentKind", "Which document of the decision's file an attachment is (art. 33).", {
  DRAFT: "Draft of the decision (决策草案).",
  DRAFTING_EXPLANATION: "Explanation of the draft (起草说明).",
  RISK_ASSESSMENT_REPORT: "Risk assessment report (风险评估报告).",
  EXPERT_OPINION: "Expert opinion (专家论证意见).",
  LEGALITY_REVIEW_OPINION: "Legality review opinion (合法性审查意见书).",
  DECISION_DOCUMENT: "Decision document (决策文件).",
  OTHER: "Other document.",
});

@ObjectType({ implements: Node, description: "A document attached to the decision's file (metadata and link)." })
export class Attachment extends Node {
  @Field(() => AttachmentKind, { description: "Which document it is." })
  kind!: string;

  @Field(() => String, { nullable: true, description: "Title. Null when withheld." })
  title!: string | null;

  @Field(() => String, { description: "Media type, e.g. application/pdf." })
  mediaType!: string;

  @Field(() => String, { nullable: true, description: "Where to download it. Null when withheld." })
  url!: string | null;

  @Field(() => NonNegativeIntResolver, { nullable: true, description: "Size in bytes." })
  byteSize!: number | null;

  decisionId!: string;
}
