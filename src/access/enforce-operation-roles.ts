import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from "graphql";
import { type AppContext } from "../context.js";
import { ForbiddenError } from "../graphql/auth.errors.js";
import { describeRoles, operationRoles, type RootOperation, viewerRoles } from "./operation-roles.js";

/**
 * Refuses a root field to a role the declaration does not list, before its resolver reads or
 * validates anything, so a refusal by role never depends on the input. Installed when the schema is
 * built; a root field without an entry (or an entry without a field) stops the build, so no new
 * query or mutation is ever open by default. The services keep their own checks as a second line.
 */
export function enforceOperationRoles(schema: GraphQLSchema): GraphQLSchema {
  for (const operation of ["Query", "Mutation"] as const satisfies readonly RootOperation[]) {
    const type = operation === "Query" ? schema.getQueryType() : schema.getMutationType();
    guard(operation, type);
  }
  return schema;
}

function guard(operation: RootOperation, type: GraphQLObjectType | null | undefined): void {
  const fields = type ? type.getFields() : {};
  const declared = operationRoles[operation];
  const undeclared = Object.keys(fields).filter((name) => !declared[name]);
  const stale = Object.keys(declared).filter((name) => !fields[name]);
  if (undeclared.length || stale.length) {
    throw new Error(`src/access/operation-roles.ts: ${operation} fields ${[...undeclared, ...stale].join(", ")} must be declared exactly once (undeclared: ${undeclared.join(", ") || "none"}; not in the schema: ${stale.join(", ") || "none"})`);
  }
  for (const [name, field] of Object.entries(fields)) {
    const roles = new Set(declared[name]!.roles);
    if (roles.size === viewerRoles.length) continue; // open to everyone: nothing to check, nothing to slow down
    const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, AppContext>;
    const refusal = `${name} is for ${describeRoles([...roles])}.`;
    field.resolve = (root, args, context, info) => {
      if (!roles.has(context.viewer.role)) throw new ForbiddenError(refusal, context.viewer.role === "ANONYMOUS");
      return resolve(root, args, context, info);
    };
  }
}
