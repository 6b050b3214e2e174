import { type ClassType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../graphql/user-error.type.js";
import { type EditableKind } from "./editable-kinds.js";

export const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

const ACKNOWLEDGE =
  "True to record a write that breaches the procedure, because that is what happened: the breach is then named in the payload's `breaches` and judged by the compliance report. Without it such a write is refused with PROCEDURE_VIOLATION, so that a slip of the keyboard is caught.";

/** The parent argument of a create input, e.g. `decisionId`. */
export const parentArgument = (kind: EditableKind) => kind.parent?.key ?? null;

const inputFields = (kind: EditableKind, mode: "create" | "update") =>
  Object.entries(kind.fields).filter(([key]) => (mode === "create" ? !kind.updateOnly?.includes(key) : !kind.createOnly?.includes(key)));

/**
 * The create and update inputs of one kind of record, built from its field specs so that the
 * inputs, the validation and the writes cannot disagree about which fields exist.
 */
export function editorialInputs(kind: EditableKind): { CreateInput: ClassType; UpdateInput: ClassType } {
  class CreateInput {}
  const parent = parentArgument(kind);
  if (parent) Field(() => ID, { description: `The ${kind.parent!.typeName} to add it to.` })(CreateInput.prototype, parent);
  for (const [key, spec] of inputFields(kind, "create")) {
    Field(spec.type as never, { nullable: !spec.required, description: spec.description })(CreateInput.prototype, key);
  }
  Field(() => Boolean, { nullable: true, description: ACKNOWLEDGE })(CreateInput.prototype, "acknowledgeBreaches");
  InputType(`${kind.typeName}CreateInput`, { description: `A new ${kind.typeName}.` })(CreateInput);

  class UpdateInput {}
  Field(() => ID, { description: `The ${kind.typeName} to change.` })(UpdateInput.prototype, "id");
  Field(() => Int, { description: "The `version` your change is based on; if the record changed since, the update is refused with CONFLICT." })(UpdateInput.prototype, "expectedVersion");
  for (const [key, spec] of inputFields(kind, "update")) {
    Field(spec.type as never, { nullable: true, description: `${spec.description} Omit to keep; null clears an optional field.` })(UpdateInput.prototype, key);
  }
  Field(() => Boolean, { nullable: true, description: ACKNOWLEDGE })(UpdateInput.prototype, "acknowledgeBreaches");
  InputType(`${kind.typeName}UpdateInput`, { description: `Changes to a ${kind.typeName}; only the fields given change.` })(UpdateInput);
  return { CreateInput, UpdateInput };
}

/** `<Type>Payload { <type>, userErrors }`, the result of every mutation on one kind. */
export function payloadOf(objectType: ClassType, typeName: string): ClassType {
  class Payload {}
  Field(() => objectType, { nullable: true, description: `The ${typeName} as it is after the mutation; null when refused.` })(Payload.prototype, lowerFirst(typeName));
  Field(() => [UserError], { description: "Why the mutation was refused; empty on success." })(Payload.prototype, "userErrors");
  Field(() => [UserError], { description: "The procedure's rules this write breached, each with its article, recorded because `acknowledgeBreaches` was set; empty otherwise." })(Payload.prototype, "breaches");
  ObjectType(`${typeName}Payload`, { description: `Result of a mutation on a ${typeName}.` })(Payload);
  return Payload;
}
