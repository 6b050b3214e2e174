import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { chinaDate } from "../compliance/working-days.js";
import { commentsPage } from "./comments.page.js";
import { receiptPage, submitComment, type CommentFormState } from "./comment.form.js";
import { decisionPage, loadDecision } from "./decision.page.js";
import { homePage, type HomeQuery } from "./home.page.js";
import { html, type Html } from "./html.js";
import { page } from "./layout.js";
import { EXAMPLE_QUERY, explorerPage, openDataPage } from "./open-data.page.js";
import { PublicApi, SiteInputError, SiteUnavailableError } from "./public-api.js";
import { scriptOf, switchScript } from "./script.js";

type Query = Record<string, string | undefined>;

/** Headers of every page: no third party may frame it or run script in it; pages vary by the script cookie. */
function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("vary", "cookie")
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin");
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html, verbatim?: Html) {
  return pageHeaders(reply).status(status).send(page({ title, body, verbatim, script: scriptOf(request), path: request.url }));
}

export function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 404, "找不到頁面", html`<h1>找不到這個頁面</h1><p>連結可能有誤，或者這項內容不公開或已不存在。</p><p><a href="/">返回查詢決策</a></p>`);
}

/** The API's own refusals and failures as a page that says what happened, never how. */
function failurePage(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (error instanceof SiteUnavailableError && error.status === 429) {
    return send(request, reply, 429, "請稍後再試", html`<h1>請稍後再試</h1><p>短時間內的請求太多。請過一會兒再重新整理頁面。</p>`);
  }
  if (!(error instanceof SiteUnavailableError)) request.log.error({ err: error }, "site page failed");
  const status = error instanceof SiteUnavailableError && error.status >= 500 ? 503 : 500;
  return send(request, reply, status, "暫時無法顯示", html`<h1>暫時無法顯示這個頁面</h1><p>服務暫時出現問題，請稍後再試。</p><p><a href="/">返回查詢決策</a></p>`);
}

/**
 * Text values only, one per name: a parameter given twice keeps its first value, anything that is
 * not text (a JSON body's numbers or objects) is left out, so no page handles other shapes.
 */
function textFields(values: unknown): Record<string, string> {
  if (!values || typeof values !== "object") return {};
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") fields[key] = first;
  }
  return fields;
}

/**
 * The residents' site at `/`: server-rendered pages, each built from the public GraphQL API (see
 * PublicApi), that work without script. `clock` is the server's (comment periods depend on it).
 */
export async function registerSite(app: FastifyInstance, clock: () => Date): Promise<void> {
  await app.register(async (site) => {
    site.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(body as string)) if (!(key in fields)) fields[key] = value;
      done(null, fields);
    });

    const guarded =
      <R extends FastifyRequest>(handler: (request: R, reply: FastifyReply, api: PublicApi) => Promise<unknown>) =>
      async (request: R, reply: FastifyReply) => {
        try {
          return await handler(request, reply, new PublicApi(app, request));
        } catch (error) {
          return failurePage(request, reply, error);
        }
      };

    site.get<{ Querystring: HomeQuery }>("/", guarded(async (request, reply, api) => {
      const { status, title, body } = await homePage(api, textFields(request.query));
      return send(request, reply, status, title, body);
    }));

    const showDecision = async (request: FastifyRequest, reply: FastifyReply, api: PublicApi, id: string, status = 200, forms?: Map<string, CommentFormState>) => {
      const decision = await loadDecision(api, id).catch((error: unknown) => {
        if (error instanceof SiteInputError) return null;
        throw error;
      });
      if (!decision) return notFoundPage(request, reply);
      return send(request, reply, status, decision.title ?? "決策", decisionPage(decision, chinaDate(clock()), forms));
    };

    site.get<{ Params: { id: string } }>("/decisions/:id", guarded((request, reply, api) => showDecision(request, reply, api, request.params.id)));

    site.post<{ Params: { id: string } }>("/decisions/:id/comments", guarded(async (request, reply, api) => {
      const fields = textFields(request.body);
      const decision = await loadDecision(api, request.params.id).catch(() => null);
      const consultation = decision?.consultations.nodes.find((c) => c.id === fields.consultationId);
      if (!decision || !consultation) return notFoundPage(request, reply);
      const outcome = await submitComment(api, consultation.id!, fields);
      if ("receipt" in outcome) return send(request, reply, 200, "已收到您的意見", receiptPage(decision.id, outcome.receipt));
      return showDecision(request, reply, api, decision.id, 422, new Map([[consultation.id!, outcome.state]]));
    }));

    // A reload of the page a comment was posted from.
    site.get<{ Params: { id: string } }>("/decisions/:id/comments", async (request, reply) => reply.redirect(`/decisions/${encodeURIComponent(request.params.id)}`, 303));

    site.get<{ Params: { id: string }; Querystring: Query }>("/consultations/:id/comments", guarded(async (request, reply, api) => {
      const shown = await commentsPage(api, request.params.id, textFields(request.query).after).catch((error: unknown) => {
        if (error instanceof SiteInputError) return null;
        throw error;
      });
      return shown ? send(request, reply, 200, shown.title, shown.body) : notFoundPage(request, reply);
    }));

    site.get("/open-data", guarded(async (request, reply, api) => send(request, reply, 200, "開放數據", await openDataPage(api))));

    site.get("/explorer", guarded(async (request, reply) => {
      const { body, verbatim } = explorerPage(EXAMPLE_QUERY, "");
      return send(request, reply, 200, "GraphQL 查詢工具", body, verbatim);
    }));

    site.post("/explorer", guarded(async (request, reply, api) => {
      const { query = "", variables = "" } = textFields(request.body);
      let parsed: unknown = null;
      try {
        parsed = variables.trim() ? JSON.parse(variables) : null;
      } catch {
        const { body, verbatim } = explorerPage(query, variables, { status: 400, body: JSON.stringify({ errors: [{ message: "變量不是有效的 JSON。" }] }) });
        return send(request, reply, 400, "GraphQL 查詢工具", body, verbatim);
      }
      const { body, verbatim } = explorerPage(query, variables, await api.raw(query, parsed));
      return send(request, reply, 200, "GraphQL 查詢工具", body, verbatim);
    }));

    site.get<{ Querystring: Query }>("/script", (request, reply) => switchScript(textFields(request.query), reply));
  });
}
