import { type List, type Notice, type PublicRecord } from "./decision.query.js";
import { html, type Html } from "./html.js";
import { label } from "./labels.js";
import { noticesOf, paragraphs } from "./notices.js";
import { type PublicApi } from "./public-api.js";

export const COMMENTS_PER_PAGE = 50;

const COMMENTS = `
fragment notice on WithholdingNotice { field scope recordKind ground article explanation since reviewDue }
query ConsultationComments($id: ID!, $after: String) {
  node(id: $id) { ... on Consultation { id method opensOn closesOn withheld { ...notice } decision { id title }
    comments(first: ${COMMENTS_PER_PAGE}, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id stakeholderCategory text reply adoptionResult submittedAt withheld { ...notice } } } } }
}`;

interface ConsultationComments {
  id: string;
  method: string;
  opensOn: string;
  closesOn: string;
  withheld: Notice[];
  decision: { id: string; title: string | null };
  comments: List & { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** One published comment, with the answer to it and what of it is withheld. */
export function commentItem(m: PublicRecord): Html {
  return html`<div class="comment"><p class="meta">${label("StakeholderCategory", m.stakeholderCategory as string)} · ${(m.submittedAt as string).slice(0, 10)}</p>
${m.text ? paragraphs(m.text as string) : ""}
${m.reply || m.adoptionResult ? html`<div class="reply"><p><strong>答覆</strong>${m.adoptionResult ? `（${label("AdoptionResult", m.adoptionResult as string)}）` : ""}</p>${m.reply ? paragraphs(m.reply as string) : ""}</div>` : ""}
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
${comments.nodes.map(commentItem)}
<nav class="pager" aria-label="翻頁">${comments.pageInfo.hasNextPage && comments.pageInfo.endCursor ? html`<a rel="next" href="/consultations/${encodeURIComponent(node.id)}/comments?after=${encodeURIComponent(comments.pageInfo.endCursor)}">下一頁</a>` : ""}</nav>`,
  };
}
