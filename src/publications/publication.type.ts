import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { Node } from "../graphql/node.type.js";

@ObjectType({ implements: Node, description: "The published decision (决策公布, art. 32)." })
export class Publication extends Node {
  @Field(() => String, { description: "Document number (文号), e.g. 桐政〔2023〕12号." })
  documentNumber!: string;

  @Field(() => LocalDateScalar, { description: "Date of publication." })
  publishedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "The document's date (成文日期): the day the decision was made. Decree 711 art. 26: published within 20 working days of it. Null if not recorded." })
  documentDate!: string | null;

  @Field(() => String, { nullable: true, description: "Full text of the decision document. Null when withheld." })
  fullText!: string | null;

  @Field(() => String, { nullable: true, description: "Art. 32: how public and expert opinions were adopted. Null when absent or withheld." })
  adoptionExplanation!: string | null;

  decisionId!: string;
}
