import { Field, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { basisKind } from "./basis-item.table.js";

export const BasisKind = graphqlEnum(basisKind.enumValues, "BasisKind", "Kind of basis for a decision (决策依据).", {
  LEGAL: "Legal basis: laws, regulations, rules (法律依据).",
  POLICY: "Policy basis: plans and policy documents (政策依据).",
  FACTUAL: "Factual basis: facts, surveys, data (事实依据).",
});

@ObjectType({ implements: Node, description: "One item of the legal, policy or factual basis of a decision (决策依据)." })
export class BasisItem extends Node {
  @Field(() => BasisKind, { description: "Legal, policy or factual." })
  kind!: string;

  @Field(() => Int, { description: "Position in the decision's list of basis items." })
  position!: number;

  @Field(() => String, { nullable: true, description: "Title of the law, document or fact. Null when withheld (see `withheld`)." })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "Citation: article, document number or source. Null when absent or withheld." })
  citation!: string | null;

  @Field(() => String, { nullable: true, description: "The relevant text or data. Null when absent or withheld." })
  content!: string | null;

  decisionId!: string;
}
