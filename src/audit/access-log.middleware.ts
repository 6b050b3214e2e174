import { type MiddlewareFn } from "type-graphql";
import { seesWithheld } from "../access/viewer.js";
import { type AppContext } from "../context.js";
import { recordDisclosures } from "../disclosure/record-types.js";
import { type NodeRow } from "../records/node.js";

const byTypeName = new Map(recordDisclosures.map((record) => [record.typeName, record]));

/**
 * Every read of withheld material by a privileged viewer goes to the access log: a field withheld
 * from the public, any field of a record withheld whole, and a revision's value that the public may
 * not see. A global middleware, so no resolver can forget it; the notices it consults are batched.
 */
export const logWithheldReads: MiddlewareFn<AppContext> = async ({ root, info, context }, next) => {
  const result = await next();
  if (!seesWithheld(context.viewer) || result === null || result === undefined) return result;
  const row = root as NodeRow | undefined;
  if (!row?.rowId) return result;
  if (info.parentType.name === "DecisionRevision") {
    if (info.fieldName === "oldValue" || info.fieldName === "newValue") await logRevisionRead(context, row, info.fieldName);
    return result;
  }
  const record = byTypeName.get(info.parentType.name);
  if (!record) return result;
  for (const notice of await context.services.notices.of(row.rowId)) {
    if ((notice.scope === "FIELD" && notice.field === info.fieldName) || notice.scope === "RECORD") {
      context.accessLog.record({ recordType: record.recordType, recordId: row.rowId, field: info.fieldName });
    }
  }
  return result;
};

async function logRevisionRead(context: AppContext, revision: NodeRow, valueField: "oldValue" | "newValue"): Promise<void> {
  const decisionId = revision.decisionId as string;
  const field = revision.field as string;
  const disclosedThen = revision[valueField === "oldValue" ? "oldDisclosed" : "newDisclosed"] !== false;
  const withheldNow = (await context.services.notices.of(decisionId)).some((n) => n.scope === "RECORD" || n.field === field);
  if (!disclosedThen || withheldNow) context.accessLog.record({ recordType: "decisions", recordId: decisionId, field });
}
