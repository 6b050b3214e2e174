import { toGlobalId } from "../graphql/global-id.js";
import { type NoticeRow, type RecordStore } from "../store/record-store.js";
import { recordKindOf, type WithholdingNotice } from "./withholding-notice.type.js";

/** A notice row as the graph shows it. */
export function noticeOf(row: NoticeRow): WithholdingNotice {
  return {
    withholdingId: toGlobalId("Withholding", row.id),
    scope: row.withheldRecordType ? "RECORD" : "FIELD",
    field: row.field,
    recordKind: row.withheldRecordType ? recordKindOf(row.withheldRecordType) : null,
    ground: row.ground,
    article: row.article,
    explanation: row.explanation,
    since: row.withheldSince,
    reviewDue: row.reviewDue,
    decidedByBodyId: row.decidedByBodyId,
  };
}

export class NoticeService {
  constructor(private readonly store: RecordStore) {}

  async of(recordRowId: string): Promise<WithholdingNotice[]> {
    const rows = await this.store.notices().load(recordRowId);
    return rows.map(noticeOf);
  }
}
