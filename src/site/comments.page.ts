import { type List, type Notice, NOTICE_FRAGMENT, type PublicRecord } from "./decision.query.js";
import { html, type Html } from "./html.js";
import { label } from "./labels.js";
import { noticesOf } from "./notices.js";
import { type PublicApi } from "./public-api.js";
import { chinaDate } from "../compliance/working-days.js";
import { excerpt, paragraphs } from "./text.js";

export const COMMENTS_PER_PAGE = 20;
/** Characters of a comment or an answer shown in a list; the whole on the comment's own page. */
const EXCERPT = 400;

export const COMMENT_FIELDS = `id stakeholderCategory text reply adoptionResult submittedAt withheld { ...notice }`;

const COMMENTS = `${NOTICE_FRAGMENT}
query ConsultationComments($id: ID!, $after: String) {
  node(id: $id) { ... on Consultation { id method opensOn closesOn withheld { ...notice } decision { id title }
    comments(first: ${COMMENTS_PER_PAGE}, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } } } }
}`;

const ONE_COMMENT = `${NOTICE_FRAGMENT}
query OneComment($id: ID!) { node(id: $id) { ... on Comment { ${COMMENT_FIELDS} decision { id title } } } }`;

interface ConsultationComments {
  id: string;
  method: string;
  opensOn: string;
  closesOn: string;
  withheld: Notice[];
  decision: { id: string; title: string | null };
  comments: List & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const commentPath = (m: PublicRecord) => `/comments/${encodeURIComponent(m.id!)}`;

/** One published comment, with the answer to it and what of it is withheld; long texts cut, with a link to the whole. */
export function commentItem(m: PublicRecord, whole = false): Html {
  const text = (value: unknown) => (typeof value !== "string" ? "" : whole ? paragraphs(value) : excerpt(value, EXCERPT, commentPath(m)));
  return html`<div class="comment"><p class="meta">${label("StakeholderCategory", m.stakeholderCategory as string)} · ${chinaDate(new Date(m.submittedAt as string))}</p>
${text(m.text)}
${m.reply || m.adoptionResult ? html`<div class="reply"><p><strong>答覆</strong>${m.adoptionResult ? `（${label("AdoptionResult", m.adoptionResult as string)}）` : ""}</p>${text(m.reply)}</div>` : ""}
${noticesOf(m)}</div>`;
}

/** Every published comment of a consultation, a page at a time; null when there is no such public consultation. */
export async function commentsPage(api: PublicApi, id: string, after: string | undefined): Promise<{ title: string; body: Html } | null> {
  const { node } = await api.query<{ node: ConsultationComments | null }>(COMMENTS, { id, after: after ?? null });
  if (!node?.comments) return null;
  const { decision, comments } = node;
  const title = `${label("ConsultationMethod", node.method)}的公眾意見`;
  return {
    title,
    body: html`<p class="meta"><a href="/decisions/${encodeURIComponent(decision.id)}">${decision.title ?? "返回決策"}</a> › 公眾意見</p>
<h1>${title}（${node.opensOn} 至 ${node.closesOn}）</h1>
<p>共 ${comments.totalCount} 條已公開的意見${after ? "（續）" : ""}。</p>
${noticesOf(node)}
${comments.nodes.map((m) => commentItem(m))}
<nav class="pager" aria-label="翻頁">${comments.pageInfo.hasNextPage && comments.pageInfo.endCursor ? html`<a rel="next" href="/consultations/${encodeURIComponent(node.id)}/comments?after=${encodeURIComponent(comments.pageInfo.endCursor)}">下一頁</a>` : ""}</nav>`,
  };
}

/** One published comment whole; null when there is no such public comment. */
export async function commentPage(api: PublicApi, id: string): Promise<{ title: string; body: Html } | null> {
  const { node } = await api.query<{ node: (PublicRecord & { decision: { id: string; title: string | null } }) | null }>(ONE_COMMENT, { id });
  if (!node?.decision) return null;
  return {
    title: "公眾意見",
    body: html`<p class="meta"><a href="/decisions/${encodeURIComponent(node.decision.id)}">${node.decision.title ?? "返回決策"}</a> › 公眾意見</p>
<h1>公眾意見</h1>
${commentItem(node, true)}`,
  };
}
