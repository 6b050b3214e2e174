import { createHash, randomUUID } from "node:crypto";
import { html, type Html } from "./html.js";
import { valuesOf } from "./labels.js";
import { type PublicApi, SiteInputError } from "./public-api.js";
import { kept } from "./script.js";
import { hasControlCharacters } from "./text.js";

/** What the resident typed, and what was wrong with it, by field. */
export interface CommentFormState {
  values: Partial<Record<CommentField, string>>;
  errors: Partial<Record<CommentField | "form", string>>;
  idempotencyKey: string;
}

export type CommentField = "stakeholderCategory" | "text" | "name" | "contact";

export const COMMENT_TEXT_MAX = 5000;

export interface Receipt {
  number: string;
  submittedAt: string;
}

const SUBMIT = `mutation SubmitComment($input: CommentSubmitInput!) {
  commentSubmit(input: $input) { receipt { number moderationState submittedAt } userErrors { code field message } }
}`;

/** The site's own checks, in the resident's words, before the API's. */
function check(values: CommentFormState["values"]): CommentFormState["errors"] {
  const errors: CommentFormState["errors"] = {};
  if (!valuesOf("StakeholderCategory").some(([value]) => value === values.stakeholderCategory)) errors.stakeholderCategory = "請選擇您的身份類別。";
  const text = values.text?.trim() ?? "";
  if (!text) errors.text = "請填寫意見內容。";
  else if (text.length > COMMENT_TEXT_MAX) errors.text = `意見內容最多 ${COMMENT_TEXT_MAX} 個字（現有 ${text.length} 個字）。`;
  if ((values.name ?? "").length > 100) errors.name = "姓名最多 100 個字。";
  if ((values.contact ?? "").length > 200) errors.contact = "聯絡方式最多 200 個字。";
  // Control characters (a NUL, say) are refused by the API as a malformed request; say so here, by field.
  for (const name of ["text", "name", "contact"] as const) {
    if (!errors[name] && hasControlCharacters(values[name] ?? "")) errors[name] = "含有無法使用的控制字元，請刪去後再提交。";
  }
  return errors;
}

/** The API's refusals, said in Chinese next to the field they concern. */
function apiErrors(userErrors: { code: string; field: string[] }[]): CommentFormState["errors"] {
  const errors: CommentFormState["errors"] = {};
  for (const error of userErrors) {
    const at = error.field.at(-1);
    if (error.code === "COMMENT_PERIOD_CLOSED") errors.form = "這次徵求意見已經結束或尚未開始，無法再提交意見。";
    else if (error.code === "NOT_FOUND") errors.form = "找不到這次徵求意見。";
    else if (error.code === "CONFLICT") errors.form = "這份表單已經提交過另一條意見，請重新打開頁面再寫。";
    else if (at === "text" || at === "name" || at === "contact" || at === "stakeholderCategory") errors[at] = "此欄內容無法接受，請修改。";
    else errors.form = "意見未能提交，請檢查後再試。";
  }
  return errors;
}

export async function submitComment(api: PublicApi, consultationId: string, form: Record<string, string>): Promise<{ receipt: Receipt } | { state: CommentFormState }> {
  const values = { stakeholderCategory: form.stakeholderCategory, text: form.text, name: form.name, contact: form.contact };
  const formKey = /^[\w-]{1,60}$/.test(form.idempotencyKey ?? "") ? form.idempotencyKey! : randomUUID();
  // The form's key and what was written: the same form sent twice (a double click, a reload) makes
  // one comment, and a new comment written after going Back makes a new one.
  const written = createHash("sha256").update(JSON.stringify([values.stakeholderCategory, values.text?.trim(), values.name?.trim(), values.contact?.trim()])).digest("base64url").slice(0, 22);
  const apiKey = `${formKey}-${written}`;
  const errors = check(values);
  if (Object.keys(errors).length) return { state: { values, errors, idempotencyKey: formKey } };
  const submitted = await api.query<{ commentSubmit: { receipt: Receipt | null; userErrors: { code: string; field: string[] }[] } }>(SUBMIT, {
    input: {
      consultationId,
      stakeholderCategory: values.stakeholderCategory,
      text: values.text!.trim(),
      name: values.name?.trim() || null,
      contact: values.contact?.trim() || null,
      idempotencyKey: apiKey,
    },
  }).catch((error: unknown) => {
    if (error instanceof SiteInputError) return null;
    throw error;
  });
  if (!submitted) return { state: { values, errors: { form: "意見未能提交：內容有無法接受的部分，請修改後再試。" }, idempotencyKey: formKey } };
  const { commentSubmit } = submitted;
  if (commentSubmit.receipt) return { receipt: commentSubmit.receipt };
  return { state: { values, errors: apiErrors(commentSubmit.userErrors), idempotencyKey: formKey } };
}

function fieldError(name: string, message: string | undefined): Html {
  return message ? html`<p class="field-error" id="${name}-error">${message}</p>` : html``;
}

const invalid = (name: string, message: string | undefined) => (message ? html` aria-invalid="true" aria-describedby="${name}-error"` : html``);

/** The fields as the summary names them, in the form's order. */
const FIELD_NAMES: [CommentField, string][] = [["stakeholderCategory", "您的身份類別"], ["text", "意見內容"], ["name", "姓名"], ["contact", "聯絡方式"]];

/** Where a refused form's answer opens: its error summary, which the browser then focuses (it takes focus: tabindex -1). */
export const errorsAnchor = (consultationId: string) => `comment-errors-${consultationId}`;

/**
 * What was refused, at the top of the form: each field's message links to the field. It is the
 * target of the answer's address (see `errorsAnchor`) and can take focus, so the browser scrolls to
 * it and focuses it (Chromium does; a browser that only scrolls there starts Tab from it), with no
 * script: the pages' policy allows none. `autofocus` would not help: it yields to a target.
 */
export function errorSummary(consultationId: string, errors: CommentFormState["errors"]): Html {
  const fields = FIELD_NAMES.filter(([name]) => errors[name]);
  if (!errors.form && !fields.length) return html``;
  return html`<div class="error" id="${errorsAnchor(consultationId)}" tabindex="-1" aria-labelledby="${errorsAnchor(consultationId)}-heading">
<p id="${errorsAnchor(consultationId)}-heading"><strong>${errors.form ?? "意見尚未提交，請修改以下欄位："}</strong></p>
${fields.length ? html`<ul>${fields.map(([name, text]) => html`<li><a href="#${name}-${consultationId}">${text}：${errors[name]}</a></li>`)}</ul>` : ""}</div>`;
}

/** The comment form of an open consultation: every control labelled, errors beside their field. */
export function commentForm(decisionId: string, consultationId: string, state: CommentFormState = { values: {}, errors: {}, idempotencyKey: randomUUID() }): Html {
  const { values, errors } = state;
  const id = (name: string) => `${name}-${consultationId}`;
  return html`<form class="comment-form" id="comment-form-${consultationId}" method="post" action="/decisions/${encodeURIComponent(decisionId)}/comments#${errorsAnchor(consultationId)}" aria-labelledby="${id("heading")}">
<h4 id="${id("heading")}">提交您的意見</h4>
<p class="notice" id="${id("privacy")}"><strong>您的姓名和聯絡方式不會公開。</strong>意見經審核後才會公開，公開時只顯示意見內容、身份類別和提交日期。</p>
${errorSummary(consultationId, errors)}
<input type="hidden" name="consultationId" value="${consultationId}">
<input type="hidden" name="idempotencyKey" value="${state.idempotencyKey}">
<div><label for="${id("stakeholderCategory")}">您的身份類別（必填）</label>
<select id="${id("stakeholderCategory")}" name="stakeholderCategory" required${invalid(id("stakeholderCategory"), errors.stakeholderCategory)}><option value="">請選擇</option>
${valuesOf("StakeholderCategory").map(([value, text]) => html`<option value="${value}"${value === values.stakeholderCategory ? html` selected` : ""}>${text}</option>`)}</select>
${fieldError(id("stakeholderCategory"), errors.stakeholderCategory)}</div>
<div><label for="${id("text")}">意見內容（必填，最多 ${COMMENT_TEXT_MAX} 字）</label>
<textarea id="${id("text")}" name="text" rows="6" maxlength="${COMMENT_TEXT_MAX}" required${invalid(id("text"), errors.text)}>${kept(values.text ?? "")}</textarea>
${fieldError(id("text"), errors.text)}</div>
<div><label for="${id("name")}">姓名（選填，不公開）</label>
<input type="text" id="${id("name")}" name="name" maxlength="100" autocomplete="name" value="${kept(values.name ?? "")}"${invalid(id("name"), errors.name)}>
${fieldError(id("name"), errors.name)}</div>
<div><label for="${id("contact")}">聯絡方式（選填，不公開）</label>
<input type="text" id="${id("contact")}" name="contact" maxlength="200" autocomplete="email" value="${kept(values.contact ?? "")}"${invalid(id("contact"), errors.contact)}>
${fieldError(id("contact"), errors.contact)}</div>
<p><button type="submit">提交意見</button></p>
</form>`;
}

/** An instant as residents read it: China Standard Time, to the minute. */
export const chinaTime = (instant: string): string => new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

export function receiptPage(decisionId: string, receipt: Receipt): Html {
  return html`<h1>已收到您的意見</h1>
<div class="ok" role="status"><p>您的意見已收到（北京時間 ${chinaTime(receipt.submittedAt)}），<strong>正在等待審核</strong>。審核通過後，意見內容會在決策頁面公開；您的姓名和聯絡方式不會公開。</p></div>
<p>回執號碼：<strong class="receipt-number">${receipt.number}</strong></p>
<p>請保存這個號碼：憑它可以在<a href="/comments/status/${encodeURIComponent(receipt.number)}">意見處理情況</a>頁面查看審核結果和答覆。號碼只給您本人，請勿公開。</p>
<p><a href="/decisions/${encodeURIComponent(decisionId)}">返回決策頁面</a></p>`;
}
