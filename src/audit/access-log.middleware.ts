import { type MiddlewareFn } from "type-graphql";
import { seesWithheld } from "../access/viewer.js";
import { type AppContext } from "../context.js";
import { recordDisclosures } from "../disclosure/record-types.js";
import { type NodeRow } from "../records/node.js";

const byTypeName = new Map(recordDisclosures.map((record) => [record.typeName, record]));

/**
 * Every read of withheld material by a privileged viewer goes to the access log: a withholdable field
 * withheld from the public, or any field of a record withheld whole. A global middleware, so no
 * resolver can forget it; the notices it consults are batched per request.
 */
export const logWithheldReads: MiddlewareFn<AppContext> = async ({ root, info, context }, next) => {
  const result = await next();
  if (!seesWithheld(context.viewer)) return result;
  const record = byTypeName.get(info.parentType.name);
  const row = root as NodeRow | undefined;
  if (!record || !row?.rowId || !record.withholdable.includes(info.fieldName)) return result;
  const notices = await context.services.notices.of(row.rowId);
  for (const notice of notices) {
    if (notice.scope === "FIELD" && notice.field === info.fieldName) {
      context.accessLog.record({ recordType: record.recordType, recordId: row.rowId, field: info.fieldName });
    } else if (notice.scope === "RECORD") {
      context.accessLog.record({ recordType: record.recordType, recordId: row.rowId, field: null });
    }
  }
  return result;
};
