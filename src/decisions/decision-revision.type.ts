import { Field, ObjectType } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { Node } from "../graphql/node.type.js";

@ObjectType({
  implements: Node,
  description:
    "One change to one field of a decision (revision history). A value is shown only if it was public when it was current and the field is public now; otherwise it is null. Withheld values never appear here, not even former ones.",
})
export class DecisionRevision extends Node {
  @Field(() => String, { description: "The field of Decision that changed." })
  field!: string;

  @Field(() => DateTimeISOResolver, { description: "When it changed." })
  changedAt!: Date;

  @Field(() => String, { nullable: true, description: "The value before (as text; ids as global ids)." })
  oldValue!: string | null;

  @Field(() => String, { nullable: true, description: "The value after (as text; ids as global ids)." })
  newValue!: string | null;
}
