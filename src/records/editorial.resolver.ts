import { Arg, type ClassType, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { type AppContext } from "../context.js";
import { Node } from "../graphql/node.type.js";
import { UserError } from "../graphql/user-error.type.js";
import { type EditableKind } from "./editable-kinds.js";
import { editorialInputs, lowerFirst, payloadOf } from "./editorial.inputs.js";
import { type MutationOutcome } from "../store/record-editor.js";

const asPayload = (typeName: string) => (outcome: MutationOutcome) => ({ [lowerFirst(typeName)]: outcome.record, userErrors: outcome.userErrors, breaches: outcome.breaches ?? [] });

/** `<type>Create` and `<type>Update` for one kind of record, thin: the service decides everything. */
export function editorialResolver(kind: EditableKind, objectType: ClassType): ClassType {
  const { CreateInput, UpdateInput } = editorialInputs(kind);
  const Payload = payloadOf(objectType, kind.typeName);
  const create = `${lowerFirst(kind.typeName)}Create`;
  const update = `${lowerFirst(kind.typeName)}Update`;
  const who = kind.writers.map((r) => r.toLowerCase().replace("_", " ")).join(" or ");

  class EditorialResolver {}
  const define = (name: string, Input: ClassType, description: string, run: (ctx: AppContext, input: Record<string, unknown>) => Promise<MutationOutcome>) => {
    const method = function (input: Record<string, unknown>, ctx: AppContext) {
      return run(ctx, { ...input }).then(asPayload(kind.typeName));
    };
    Object.defineProperty(EditorialResolver.prototype, name, { value: method, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(EditorialResolver.prototype, name)!;
    Mutation(() => Payload, { description })(EditorialResolver.prototype, name, descriptor);
    Arg("input", () => Input, { description: "What to write." })(EditorialResolver.prototype, name, 0);
    Ctx()(EditorialResolver.prototype, name, 1);
  };
  define(create, CreateInput, `Adds a ${kind.typeName} (${who} keys). Audited; refused with userErrors when the input or the procedure forbids it.`, (ctx, input) =>
    ctx.services.editorial.create(kind, input, create),
  );
  define(update, UpdateInput, `Changes a ${kind.typeName} (${who} keys), based on its current version. Audited.`, (ctx, input) =>
    ctx.services.editorial.update(kind, input, update),
  );
  Resolver()(EditorialResolver);
  return EditorialResolver;
}

@InputType({ description: "Withdraws a record from a decision's file." })
export class RecordWithdrawInput {
  @Field(() => ID, { description: "The record to withdraw." })
  id!: string;

  @Field(() => Int, { description: "The version your withdrawal is based on." })
  expectedVersion!: number;

  @Field(() => String, { description: "Why it is withdrawn (kept in the record and the audit trail)." })
  reason!: string;
}

@ObjectType({ description: "Result of a withdrawal." })
export class RecordWithdrawPayload {
  @Field(() => Node, { nullable: true, description: "The withdrawn record, as staff see it; null when refused." })
  record!: unknown;

  @Field(() => [UserError], { description: "Why the withdrawal was refused; empty on success." })
  userErrors!: UserError[];
}

@Resolver()
export class RecordWithdrawResolver {
  @Mutation(() => RecordWithdrawPayload, {
    description: "Removes a record from a decision's file. Nothing is deleted: the withdrawal is recorded (when, why, by whom) and the record leaves the public record.",
  })
  recordWithdraw(@Arg("input", () => RecordWithdrawInput, { description: "What to withdraw, and why." }) input: RecordWithdrawInput, @Ctx() { services }: AppContext) {
    return services.editorial.withdraw(input);
  }
}
