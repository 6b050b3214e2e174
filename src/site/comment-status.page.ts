import { parseReceiptNumber } from "../consultations/receipt-number.js";
import { chinaTime } from "./comment.form.js";
import { COMMENT_FIELDS } from "./comments.page.js";
import { commentItem } from "./comments.page.js";
import { NOTICE_FRAGMENT, type PublicRecord } from "./decision.query.js";
import { html, type Html } from "./html.js";
import { type PublicApi } from "./public-api.js";
import { paragraphs } from "./text.js";

const STATUS = `${NOTICE_FRAGMENT}
query CommentStatus($number: String!) {
  commentReceipt(number: $number) { number moderationState submittedAt rejectionReason comment { ${COMMENT_FIELDS} decision { id title } } }
}`;

interface CommentStatus {
  number: string;
  moderationState: "PENDING" | "PUBLISHED" | "REJECTED";
  submittedAt: string;
  rejectionReason: string | null;
  comment: (PublicRecord & { decision: { id: string; title: string | null } }) | null;
}

/** The form a resident types a receipt number into (a GET: the answer's address can be kept). */
export function commentStatusForm(typed = ""): Html {
  return html`<h1>查詢意見處理情況</h1>
<p>請輸入提交意見時收到的回執號碼（12 個字母或數字，例如 K7QM-4TZ9-XP3R）。只會顯示這一條意見的處理情況，不會顯示您的姓名和聯絡方式。</p>
<form method="get" action="/comments/status" class="status-form">
<div><label for="number">回執號碼</label>
<input type="text" id="number" name="number" maxlength="40" autocomplete="off" spellcheck="false" value="${typed}" required></div>
<p><button type="submit">查詢</button></p>
</form>`;
}

const notFound = (typed: string, why: string) => ({ status: 404, title: "找不到這個回執號碼", body: html`<div class="error" role="alert"><p>${why}</p></div>${commentStatusForm(typed)}` });

function stateOf(status: CommentStatus): Html {
  if (status.moderationState === "PENDING") return html`<div class="ok" role="status"><p><strong>正在等待審核。</strong>審核通過後，意見會在決策頁面公開。</p></div>`;
  if (status.moderationState === "REJECTED") {
    return html`<div class="notice" role="status"><p><strong>未予公開。</strong>編輯審核後決定不公開這條意見，理由如下：</p>${paragraphs(status.rejectionReason ?? "")}</div>`;
  }
  if (!status.comment) return html`<div class="notice" role="status"><p><strong>已審核通過</strong>，但這條意見現時不在公開範圍內。</p></div>`;
  const { comment } = status;
  return html`<div class="ok" role="status"><p><strong>已公開。</strong>${comment.adoptionResult || comment.reply ? "答覆如下。" : "尚未答覆。"}</p></div>
<p class="meta"><a href="/decisions/${encodeURIComponent(comment.decision.id)}">${comment.decision.title ?? "決策頁面"}</a> › <a href="/comments/${encodeURIComponent(comment.id!)}">公開的意見</a></p>
${commentItem(comment, true)}`;
}

/**
 * The status of the comment a receipt number names. A number that cannot be one (its check symbol
 * says it was mistyped) is told so without asking the API, which anyone could compute; an unknown one
 * gets the same 404 page.
 */
export async function commentStatusPage(api: PublicApi, typed: string): Promise<{ status: number; title: string; body: Html }> {
  if (!parseReceiptNumber(typed)) return notFound(typed, "這個號碼不是有效的回執號碼，可能抄寫有誤，請核對後再試。");
  const { commentReceipt: status } = await api.query<{ commentReceipt: CommentStatus | null }>(STATUS, { number: typed });
  if (!status) return notFound(typed, "找不到這個回執號碼，請核對後再試。");
  return {
    status: 200,
    title: "意見處理情況",
    body: html`<h1>意見處理情況</h1>
<p class="meta">回執號碼 <strong>${status.number}</strong> · 提交於北京時間 ${chinaTime(status.submittedAt)}</p>
${stateOf(status)}
<p><a href="/comments/status">查詢另一個號碼</a></p>`,
  };
}
