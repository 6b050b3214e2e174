import { type ClassType, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { PublicBody } from "../bodies/public-body.type.js";
import { type AppContext } from "../context.js";
import { Decision } from "../decisions/decision.type.js";
import { type NodeRow } from "../store/node.js";
import { staffOnly } from "../graphql/staff-only.js";
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

    @FieldResolver(() => Int, { nullable: true, description: staffOnly("the version to base an update on.") })
    version(@Root() record: NodeRow) {
      return (record.version as number | undefined) ?? null;
    }

    @FieldResolver(() => DateTimeISOResolver, { nullable: true, description: staffOnly("when the record was withdrawn from the file (withdrawn records are not public).") })
    withdrawnAt(@Root() record: NodeRow) {
      return (record.withdrawnAt as Date | undefined) ?? null;
    }

    @FieldResolver(() => String, { nullable: true, description: staffOnly("why it was withdrawn.") })
    withdrawalReason(@Root() record: NodeRow) {
      return (record.withdrawalReason as string | undefined) ?? null;
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
