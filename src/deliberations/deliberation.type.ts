import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { deliberationOutcome } from "./deliberation.table.js";

export const DeliberationOutcome = graphqlEnum(deliberationOutcome.enumValues, "DeliberationOutcome", "Outcome of collective deliberation (集体讨论决定, art. 30).", {
  ADOPTED: "Adopted (通过).",
  ADOPTED_WITH_CHANGES: "Adopted with changes (修改后通过).",
  DEFERRED: "Deferred for further study (暂缓).",
  REJECTED: "Rejected (不予通过).",
});

@ObjectType({ implements: Node, description: "A collective deliberation of the decision (集体讨论决定, art. 30)." })
export class Deliberation extends Node {
  @Field(() => String, { nullable: true, description: "The meeting, e.g. an executive meeting of the government (常务会议). Null when withheld." })
  meeting!: string | null;

  @Field(() => LocalDateScalar, { description: "Date of the meeting." })
  heldOn!: string;

  @Field(() => DeliberationOutcome, { description: "What the meeting decided." })
  outcome!: string;

  @Field(() => String, { nullable: true, description: "Dissenting views recorded (art. 30). Null when none were recorded or when withheld." })
  dissent!: string | null;

  decisionId!: string;
}
