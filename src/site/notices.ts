import { type Notice, type PublicRecord } from "./decision.query.js";
import { html, type Html, type HtmlValue } from "./html.js";
import { fieldLabel, label } from "./labels.js";

/** A withheld part, said where it would have been: never a silent gap. */
export function noticeBox(notice: Notice): Html {
  const what = notice.scope === "RECORD" ? `部分${label("RecordKind", notice.recordKind)}記錄` : fieldLabel(notice.field);
  return html`<div class="notice" role="note"><strong>${what}依法不予公開。</strong>
依據：${notice.article}（${label("WithholdingGround", notice.ground)}）。${notice.explanation}
<span class="meta">自 ${notice.since} 起不予公開，${notice.reviewDue} 前重新審查。</span></div>`;
}

/** Every notice of a record, or of some of its fields only. */
export function noticesOf(record: Pick<PublicRecord, "withheld">, fields?: readonly string[]): Html[] {
  return record.withheld.filter((n) => !fields || fields.includes(n.field)).map(noticeBox);
}

const isWithheld = (record: PublicRecord, field: string) => record.withheld.some((n) => n.field === field);

/** A field as a term and its value; a withheld one says so, an empty one is left out. */
export function field(record: PublicRecord, name: string, term: string, show: (value: never) => HtmlValue = (v) => v as HtmlValue): Html {
  const value = record[name];
  if (value !== null && value !== undefined && value !== "") return html`<dt>${term}</dt><dd>${show(value as never)}</dd>`;
  if (isWithheld(record, name)) return html`<dt>${term}</dt><dd><em>依法不予公開（理由見說明）</em></dd>`;
  return html``;
}
