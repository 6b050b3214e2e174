import { toGlobalId } from "../graphql/global-id.js";
import { type RecordStore } from "../records/record-store.js";
import { recordKindOf, type WithholdingNotice } from "./withholding-notice.type.js";

export class NoticeService {
  constructor(private readonly store: RecordStore) {}

  async of(recordRowId: string): Promise<WithholdingNotice[]> {
    const rows = await this.store.notices().load(recordRowId);
    return rows.map((row) => ({
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
    }));
  }
}
