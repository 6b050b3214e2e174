import { Field, Int, ObjectType } from "type-graphql";
import { DateTimeISOResolver, NonNegativeFloatResolver } from "graphql-scalars";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { StakeholderCategory } from "../consultations/comment.type.js";
import { Node } from "../graphql/node.type.js";
import { decisionCategory, decisionStage, decisionStatus } from "./decision.table.js";

export const DecisionCategory = graphqlEnum(decisionCategory.enumValues, "DecisionCategory", "The five kinds of major administrative decision of art. 3 of the Interim Regulations (重大行政决策事项范围).", {
  PUBLIC_POLICY: "Major public policies and measures on public services, market regulation, social management, environmental protection (重大公共政策和措施).",
  DEVELOPMENT_PLAN: "Important plans for economic and social development (重要规划).",
  RESOURCE_POLICY: "Major policies on developing, using and protecting important natural and cultural resources (资源开发利用保护).",
  PUBLIC_CONSTRUCTION: "Major public construction projects in the region (重大公共建设项目).",
  OTHER_MAJOR_MATTER: "Other matters with a major effect on development or on the public's vital interests (其他重大事项).",
});

export const DecisionStage = graphqlEnum(decisionStage.enumValues, "DecisionStage", "Stages of the decision procedure, in order (决策程序).", {
  INITIATION: "Initiation (决策启动): catalog entry, drafting.",
  PUBLIC_PARTICIPATION: "Public participation (公众参与).",
  EXPERT_ARGUMENTATION: "Expert argumentation (专家论证).",
  RISK_ASSESSMENT: "Risk assessment (风险评估).",
  LEGALITY_REVIEW: "Legality review (合法性审查).",
  DELIBERATION: "Collective deliberation (集体讨论决定).",
  PUBLICATION: "Publication of the decision (决策公布).",
  IMPLEMENTATION: "Implementation and adjustment (决策执行和调整).",
  POST_EVALUATION: "Post-decision evaluation (决策后评估).",
});

export const DecisionStatus = graphqlEnum(decisionStatus.enumValues, "DecisionStatus", "Where the decision stands.", {
  IN_PROGRESS: "The procedure is under way (进行中).",
  DECIDED: "Decided and published (已决策).",
  SUSPENDED: "Implementation suspended (暂停执行).",
  TERMINATED: "Terminated after decision (已终止).",
  WITHDRAWN: "Withdrawn before decision (已撤回).",
});

@ObjectType({
  implements: Node,
  description:
    "A major administrative decision (重大行政决策) and its public record. Parts the law requires to be withheld read as null and are explained in `withheld`.",
})
export class Decision extends Node {
  @Field(() => Int, { description: "Year of the decision catalog (决策事项目录) the decision is listed in (art. 3)." })
  catalogYear!: number;

  @Field(() => Int, { description: "Number of the item in the deciding body's catalog for that year." })
  catalogNumber!: number;

  @Field(() => String, { nullable: true, description: "Title. Null when withheld (see `withheld`)." })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "Plain-language summary of the matter. Null when withheld." })
  summary!: string | null;

  @Field(() => DecisionCategory, { description: "Which of the five kinds of art. 3." })
  category!: string;

  @Field(() => DecisionStage, { description: "The stage the procedure has reached." })
  stage!: string;

  @Field(() => DecisionStatus, { description: "Where the decision stands." })
  status!: string;

  @Field(() => NonNegativeFloatResolver, { nullable: true, description: "Budget or investment in yuan, where there is one. Null when absent or withheld." })
  budgetYuan!: number | null;

  @Field(() => LocalDateScalar, { description: "When the decision procedure was initiated." })
  initiatedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the decision catalog (决策事项目录) listing it was published (art. 3); null if not recorded." })
  catalogPublishedOn!: string | null;

  @Field(() => Boolean, { description: "The matter is professional or technical (专业性、技术性较强), so expert argumentation is required (art. 19)." })
  professionalOrTechnical!: boolean;

  @Field(() => Boolean, { description: "The draft concerns market actors' economic activity (涉及市场主体经济活动), so the materials for the deliberation include its fair-competition review (art. 29, item 1)." })
  affectsMarketActors!: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the fair-competition review (公平竞争审查) of the draft was completed; null if not recorded." })
  fairCompetitionReviewedOn!: string | null;

  @Field(() => Boolean, { description: "The matter is of wide public concern (社会公众普遍关心), so its publication explains how public and expert opinions were adopted (art. 32)." })
  widePublicConcern!: boolean;

  @Field(() => Boolean, { description: "The decision may affect social stability or public safety, so a risk assessment is required (art. 22)." })
  affectsStabilityOrSafety!: boolean;

  @Field(() => [StakeholderCategory], { description: "Groups whose interests the decision specially affects (涉及特定群体利益), who must be heard (art. 14)." })
  speciallyAffectedGroups!: string[];

  @Field(() => DateTimeISOResolver, { description: "When the record was created here." })
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { description: "When any of the decision's own fields last changed here." })
  updatedAt!: Date;

  @Field(() => DateTimeISOResolver, {
    description:
      "The latest public change to the decision or to any part of its file (a new consultation, a comment published, a field withheld or released): the time of its latest entry in the change feed (`changes`). A change out of public view does not move it. Staff see the same public value.",
  })
  lastActivityAt!: Date;

  rowId!: string;
  regionId!: string;
  decidingBodyId!: string;
  undertakingBodyId!: string;
}
