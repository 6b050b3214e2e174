import { GraphQLBoolean } from "graphql";
import { NonNegativeIntResolver } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { deliberationBodyKind, deliberationOutcome } from "./deliberation.table.js";

export const DeliberationOutcome = graphqlEnum(deliberationOutcome.enumValues, "DeliberationOutcome", "Outcome of collective deliberation (集体讨论决定, art. 30).", {
  ADOPTED: "Adopted (通过).",
  ADOPTED_WITH_CHANGES: "Adopted with changes (修改后通过).",
  DEFERRED: "Deferred for further study (暂缓).",
  REJECTED: "Rejected (不予通过).",
});

export const DeliberationBodyKind = graphqlEnum(
  deliberationBodyKind.enumValues,
  "DeliberationBodyKind",
  "Which kind of body met, which decides the rules the meeting is judged by: a government's meeting by Decree 713 art. 30, a villagers' or residents' meeting by the Organic Laws of the Villagers' and of the Urban Residents' Committees.",
  {
    GOVERNMENT_EXECUTIVE_MEETING: "The deciding government's executive meeting (常务会议, art. 30(1)); for a township government or a department deciding by reference (art. 42), the leadership meeting that serves as it (e.g. 镇长办公会议).",
    GOVERNMENT_PLENARY_MEETING: "The deciding government's plenary meeting (全体会议, art. 30(1)).",
    VILLAGERS_MEETING: "Villagers' meeting (村民会议): villagers aged 18 or over, or households' representatives (村民委员会组织法 art. 21–22).",
    VILLAGER_REPRESENTATIVES_MEETING: "Villagers' representative meeting (村民代表会议), deciding what the villagers' meeting authorised it to (村民委员会组织法 art. 24(2), 25–26).",
    RESIDENTS_MEETING: "Residents' meeting of a residents' (community) committee (居民会议, 城市居民委员会组织法 art. 9–10).",
    OTHER_MEETING: "Any other meeting, e.g. a department's meeting on a government's decision, or an ad-hoc meeting: not a deliberating body under art. 30.",
  },
);

@ObjectType({ implements: Node, description: "A collective deliberation of the decision (集体讨论决定, art. 30), or the villagers' or residents' meeting that decided a matter of their self-government." })
export class Deliberation extends Node {
  @Field(() => String, { nullable: true, description: "The meeting, e.g. an executive meeting of the government (常务会议). Null when withheld." })
  meeting!: string | null;

  @Field(() => DeliberationBodyKind, { description: "Which kind of body met: what the meeting is judged by." })
  bodyKind!: string;

  @Field(() => LocalDateScalar, { description: "Date of the meeting." })
  heldOn!: string;

  @Field(() => DeliberationOutcome, { description: "What the meeting decided." })
  outcome!: string;

  @Field(() => String, { nullable: true, description: "Dissenting views recorded (art. 30). Null when none were recorded or when withheld." })
  dissent!: string | null;

  @Field(() => NonNegativeIntResolver, { nullable: true, description: "Members entitled to attend, the base of the quorum (应到): villagers aged 18 or over (or households, see countedByHousehold) for a villagers' meeting, the members (组成人员) of a representatives' meeting, the residents, households or group representatives of a residents' meeting. Null when not recorded." })
  entitledCount!: number | null;

  @Field(() => GraphQLBoolean, { description: "A villagers' meeting attended by households' representatives (户的代表): entitledCount and presentCount count households, and the quorum is two thirds of them (村民委员会组织法 art. 22(1))." })
  countedByHousehold!: boolean;

  @Field(() => NonNegativeIntResolver, { nullable: true, description: "Members present (实到), at most entitledCount. Null when not recorded." })
  presentCount!: number | null;

  @Field(() => NonNegativeIntResolver, { nullable: true, description: "Votes for the decision (赞成票), at most presentCount: a villagers', representatives' or residents' meeting decides by more than half of those present. Null when not recorded." })
  votesFor!: number | null;

  decisionId!: string;
}
