import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from "graphql";
import { seesWithheld } from "../access/viewer.js";
import { type AppContext } from "../context.js";
import { recordDisclosures } from "../disclosure/record-types.js";
import { type NodeRow } from "../store/node.js";

const byTypeName = new Map(recordDisclosures.map((record) => [record.typeName, record]));
const REVISION = "DecisionRevision";

/**
 * Every read of withheld material by a privileged viewer goes to the access log: a field withheld
 * from the public, any field of a record withheld whole, and a revision's value that the public may
 * not see. Installed on every field of every record type when the schema is built, so no resolver
 * can forget it. For the public the wrapper only passes the value through, synchronously: a field
 * that needs no database stays free of promises (a page of 20 decisions resolves hundreds of them).
 */
export function logWithheldReads(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || (!byTypeName.has(type.name) && type.name !== REVISION)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: AppContext, info) => {
        const result = (resolve as GraphQLFieldResolver<unknown, AppContext>)(root, args, context, info);
        if (!seesWithheld(context.viewer)) return result;
        return Promise.resolve(result).then((value) => logRead(value, root as NodeRow | undefined, context, info));
      };
    }
  }
  return schema;
}

async function logRead(result: unknown, row: NodeRow | undefined, context: AppContext, info: GraphQLResolveInfo): Promise<unknown> {
  if (result === null || result === undefined || !row?.rowId) return result;
  if (info.parentType.name === REVISION) {
    if (info.fieldName === "oldValue" || info.fieldName === "newValue") await logRevisionRead(context, row, info.fieldName);
    return result;
  }
  const record = byTypeName.get(info.parentType.name)!;
  for (const notice of await context.services.notices.of(row.rowId)) {
    if ((notice.scope === "FIELD" && notice.field === info.fieldName) || notice.scope === "RECORD") {
      context.accessLog.record({ recordType: record.recordType, recordId: row.rowId, field: info.fieldName });
    }
  }
  return result;
}

async function logRevisionRead(context: AppContext, revision: NodeRow, valueField: "oldValue" | "newValue"): Promise<void> {
  const decisionId = revision.decisionId as string;
  const field = revision.field as string;
  const disclosedThen = revision[valueField === "oldValue" ? "oldDisclosed" : "newDisclosed"] !== false;
  const withheldNow = (await context.services.notices.of(decisionId)).some((n) => n.scope === "RECORD" || n.field === field);
  if (!disclosedThen || withheldNow) context.accessLog.record({ recordType: "decisions", recordId: decisionId, field });
}
