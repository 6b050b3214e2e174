import { Field, InputType } from "type-graphql";
import { graphqlEnum } from "../graphql/enums.js";
import { decisionOrderFields } from "./decision-order.js";

export const DecisionOrderField = graphqlEnum(decisionOrderFields, "DecisionOrderField", "What to sort decisions by. Ties are broken by id, so the order is stable.", {
  CATALOG: "Catalog year, then catalog number.",
  INITIATED_ON: "Date of initiation.",
  UPDATED_AT: "Time of the last change to the decision's own fields.",
  LAST_ACTIVITY_AT: "Time of the latest public change to the decision or any part of its file (`lastActivityAt`; useful for incremental sync).",
  TITLE: "Title, in code point order; withheld titles sort as empty.",
});

export const OrderDirection = graphqlEnum(["ASC", "DESC"], "OrderDirection", "Sort direction.", {
  ASC: "Ascending.",
  DESC: "Descending.",
});

@InputType({ description: "Ordering of decisions." })
export class DecisionOrder {
  @Field(() => DecisionOrderField, { description: "Sort key." })
  field!: keyof typeof DecisionOrderField;

  @Field(() => OrderDirection, { description: "Direction." })
  direction!: keyof typeof OrderDirection;
}
