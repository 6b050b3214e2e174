import { type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PublicBody } from "../bodies/public-body.type.js";
import { type AppContext } from "../context.js";
import { Decision } from "../decisions/decision.type.js";
import { type NodeRow } from "../records/node.js";
import { WithholdingNotice } from "./withholding-notice.type.js";

@Resolver(() => WithholdingNotice)
export class WithholdingNoticeResolver {
  @FieldResolver(() => PublicBody, { description: "The body that decided to withhold." })
  decidedBy(@Root() notice: WithholdingNotice, @Ctx() { services }: AppContext) {
    return services.nodes.load("PublicBody", notice.decidedByBodyId);
  }
}

/**
 * The fields every part of a decision's record has: its notices of withholding and its decision.
 * One resolver class per object type, built here so that no type can be left without notices.
 */
export function recordFieldsResolver(objectType: ClassType, typeName: string, isDecisionPart: boolean) {
  @Resolver(() => objectType)
  class RecordFieldsResolver {
    @FieldResolver(() => [WithholdingNotice], {
      description: `What of this ${typeName} is withheld, on which legal ground (art. 37): one notice per withheld field, and one per list whose records are withheld whole. Empty when nothing is withheld.`,
    })
    withheld(@Root() record: NodeRow, @Ctx() { services }: AppContext) {
      return services.notices.of(record.rowId);
    }
  }
  if (!isDecisionPart) return [RecordFieldsResolver];

  @Resolver(() => objectType)
  class DecisionPartResolver {
    @FieldResolver(() => Decision, { description: "The decision this is part of." })
    decision(@Root() record: NodeRow, @Ctx() { services }: AppContext) {
      return services.nodes.load("Decision", record.decisionId as string);
    }
  }
  return [RecordFieldsResolver, DecisionPartResolver];
}
