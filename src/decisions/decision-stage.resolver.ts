import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { appendAudit } from "../audit/audit-trail.js";
import { userError, UserError, UserErrors } from "../graphql/user-error.type.js";
import { type KindContext } from "../store/kind-context.js";
import { type RecordEditor } from "../store/record-editor.js";
import { asNode } from "../store/node.js";
import { checkStage } from "./procedure-rules.js";
import { decisionStage } from "./decision.table.js";
import { Decision, DecisionStage } from "./decision.type.js";

@InputType({ description: "Moves a decision to a later stage of its procedure." })
export class DecisionAdvanceStageInput {
  @Field(() => ID, { description: "The decision." })
  id!: string;

  @Field(() => Int, { description: "The version your change is based on." })
  expectedVersion!: number;

  @Field(() => DecisionStage, { description: "The stage to enter; only later stages than the current one." })
  stage!: string;
}

@ObjectType({ description: "Result of decisionAdvanceStage." })
export class DecisionStagePayload {
  @Field(() => Decision, { nullable: true, description: "The decision after the change; null when refused." })
  decision!: unknown;

  @Field(() => [UserError], { description: "Why it was refused (a procedure violation cites its article); empty on success." })
  userErrors!: UserError[];
}

/** Stages only move forward, and only once what the regulations require before them is on record. */
export async function advanceStage(editorial: RecordEditor, input: DecisionAdvanceStageInput) {
  editorial.authorizeMutation("decisionAdvanceStage");
  const outcome = await editorial.write(async (db) => {
    const before = await editorial.lockForChange(db, "Decision", input.id, input.expectedVersion);
    const order = decisionStage.enumValues as readonly string[];
    if (order.indexOf(input.stage) <= order.indexOf(before.stage as string)) {
      throw new UserErrors([userError("INVALID_INPUT", `The decision is at ${before.stage}; stages only move forward.`, ["stage"])]);
    }
    await checkStage(db, before.id, input.stage);
    const after = await editorial.applyChange(db, "Decision", before, { stage: input.stage });
    await editorial.recordRevisions(db, before, after);
    await appendAudit(db, editorial.actor, { action: "decisionAdvanceStage", recordType: "decisions", recordId: after.id, decisionId: after.id, before, after });
    return asNode("Decision", after);
  });
  return { decision: outcome.record, userErrors: outcome.userErrors };
}

@Resolver()
export class DecisionStageResolver {
  @Mutation(() => DecisionStagePayload, { description: "Moves a decision to a later stage (editor keys), refused with the article when a prerequisite is missing. Audited." })
  decisionAdvanceStage(@Arg("input", () => DecisionAdvanceStageInput, { description: "Which decision, to which stage." }) input: DecisionAdvanceStageInput, @Ctx() { services }: KindContext<{ editorial: RecordEditor }>) {
    return advanceStage(services.editorial, input);
  }
}
