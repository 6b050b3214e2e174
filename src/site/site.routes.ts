import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { chinaDate } from "../compliance/working-days.js";
import { commentForm, receiptPage, submitComment, type CommentFormState } from "./comment.form.js";
import { commentPage, commentsPage } from "./comments.page.js";
import { decisionPage, loadDecision, textPage } from "./decision.page.js";
import { homePage } from "./home.page.js";
import { html, type Html } from "./html.js";
import { page } from "./layout.js";
import { FAVICON } from "./favicon.js";
import { explorerPage, explorerStart, openDataPage } from "./open-data.page.js";
import { PublicApi, SiteInputError, SiteUnavailableError } from "./public-api.js";
import { RECORD_QUERY, recordPage, recordTextPage } from "./records.js";
import { scriptOf, switchScript } from "./script.js";
import { provideSampleBanner } from "./sample-banner.js";
import { type SitePass } from "./site-pass.js";
import { type RateLimiter } from "../protection/rate-limit.js";
import { commentStatusForm, commentStatusPage } from "./comment-status.page.js";

type Query = Record<string, string | undefined>;

/**
 * Headers of every page: no third party may frame it or run script in it; pages vary by the script
 * cookie; an answer to a form post (which may echo a name and contact) is nobody's to keep.
 */
function pageHeaders(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  // A comment's status is its receipt holder's alone: no shared cache keeps it.
  const own = request.method !== "GET" || request.url.startsWith("/comments/status");
  return reply
    .type("text/html; charset=utf-8")
    .header("cache-control", own ? "no-store" : "no-cache")
    .header("vary", "cookie")
    .header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    .header("x-content-type-options", "nosniff")
    .header("referrer-policy", "same-origin");
}

async function send(request: FastifyRequest, reply: FastifyReply, status: number, title: string, body: Html) {
  const banner = (await request.server.sampleBanner?.(request)) ?? null;
  return pageHeaders(request, reply).status(status).send(page({ title, body, banner, script: scriptOf(request), path: request.url }));
}

/** Whether the client reads pages (a browser) rather than JSON (a program). */
export const wantsPage = (request: FastifyRequest): boolean => /text\/html/.test(request.headers.accept ?? "");

export function notFoundPage(request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, 404, "找不到頁面", html`<h1>找不到這個頁面</h1><p>連結可能有誤，或者這項內容不公開或已不存在。</p><p><a href="/">返回查詢決策</a></p>`);
}

/** A request the server could not read (a broken address, too long, too large), as a page. */
export function badRequestPage(request: FastifyRequest, reply: FastifyReply, status: number) {
  const why = status === 413 ? "提交的內容太長。" : status === 414 ? "網址太長。" : "網址或提交的內容有誤，無法讀取。";
  return send(request, reply, status, "無法讀取這個請求", html`<h1>無法讀取這個請求</h1><p>${why}請返回上一頁修改後再試。</p><p><a href="/">返回查詢決策</a></p>`);
}

/** The API's own refusals and failures as a page that says what happened, never how. */
function failurePage(request: FastifyRequest, reply: FastifyReply, error: unknown, keep?: Html) {
  if (error instanceof SiteUnavailableError && error.status === 429) {
    if (error.retryAfter) reply.header("retry-after", error.retryAfter);
    return send(request, reply, 429, "請稍後再試", html`<h1>請稍後再試</h1><p>短時間內的請求太多。請過${error.retryAfter ? ` ${error.retryAfter} 秒` : "一會兒"}再試。</p>${keep ?? ""}`);
  }
  if (!(error instanceof SiteUnavailableError)) request.log.error({ err: error }, "site page failed");
  const status = error instanceof SiteUnavailableError ? 503 : 500;
  return send(request, reply, status, "暫時無法顯示", html`<h1>暫時無法顯示這個頁面</h1><p>服務暫時出現問題，請稍後再試。</p>${keep ?? ""}<p><a href="/">返回查詢決策</a></p>`);
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

/** A form posted from another site (its Origin says so) is refused: no site may post comments in its visitors' names. */
function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/**
 * The residents' site at `/`: server-rendered pages, each built from the public GraphQL API (see
 * PublicApi), that work without script. `clock` is the server's (comment periods depend on it).
 * Each page view spends one of the address's page budget (`rates`); the page's own reads carry
 * `sitePass` and spend nothing of its API budget.
 */
export async function registerSite(app: FastifyInstance, clock: () => Date, { rates, sitePass }: { rates: RateLimiter; sitePass: SitePass }): Promise<void> {
  provideSampleBanner(app, () => sitePass.value);
  await app.register(async (site) => {
    site.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) => {
      const fields: Record<string, string> = {};
      for (const [key, value] of new URLSearchParams(body as string)) if (!(key in fields)) fields[key] = value;
      done(null, fields);
    });

    /** `keep`: what of the resident's request a refusal gives back (a comment not yet sent). */
    const guarded =
      <R extends FastifyRequest>(handler: (request: R, reply: FastifyReply, api: PublicApi) => Promise<unknown>, keep?: (request: R) => Html) =>
      async (request: R, reply: FastifyReply) => {
        if (request.method === "POST" && crossSite(request)) {
          return send(request, reply, 403, "無法提交", html`<h1>無法提交</h1><p>這個表單只能在本網站提交。</p><p><a href="/">返回查詢決策</a></p>`);
        }
        let view: Awaited<ReturnType<RateLimiter["spendPage"]>>;
        try {
          view = await rates.spendPage(request.ip);
        } catch (error) {
          request.log.error({ err: error }, "page budget unavailable");
          return failurePage(request, reply, new SiteUnavailableError(503), keep?.(request));
        }
        if (!view.allowed) return failurePage(request, reply, new SiteUnavailableError(429, String(view.state.resetSeconds)), keep?.(request));
        try {
          return await handler(request, reply, new PublicApi(app, request, sitePass.value));
        } catch (error) {
          return failurePage(request, reply, error);
        }
      };

    /** A page found by id, or the 404 page: an id the API refuses is one that does not exist. */
    const byId = async <T>(load: () => Promise<T | null>): Promise<T | null> =>
      load().catch((error: unknown) => {
        if (error instanceof SiteInputError) return null;
        throw error;
      });

    site.get<{ Querystring: Query }>("/", guarded(async (request, reply, api) => {
      const { status, title, body } = await homePage(api, textFields(request.query), chinaDate(clock()));
      return send(request, reply, status, title, body);
    }));

    const showDecision = async (request: FastifyRequest, reply: FastifyReply, api: PublicApi, id: string, status = 200, forms?: Map<string, CommentFormState>) => {
      const decision = await byId(() => loadDecision(api, id));
      if (!decision) return notFoundPage(request, reply);
      return send(request, reply, status, decision.title ?? "決策", decisionPage(decision, chinaDate(clock()), forms));
    };

    site.get<{ Params: { id: string } }>("/decisions/:id", guarded((request, reply, api) => showDecision(request, reply, api, request.params.id)));

    site.get<{ Params: { id: string }; Querystring: Query }>("/decisions/:id/text", guarded(async (request, reply, api) => {
      const decision = await byId(() => loadDecision(api, request.params.id));
      const { part, page } = textFields(request.query);
      const shown = decision && textPage(decision, part, page);
      return shown ? send(request, reply, 200, shown.title, shown.body) : notFoundPage(request, reply);
    }));

    // If the page cannot be read now, the resident's words are given back in the form, not lost.
    const unsent = (request: FastifyRequest<{ Params: { id: string } }>) => {
      const fields = textFields(request.body);
      return html`<h2>您的意見尚未提交</h2><p>請稍後再提交一次：</p>${commentForm(request.params.id, fields.consultationId ?? "", { values: fields, errors: {}, idempotencyKey: fields.idempotencyKey ?? "" })}`;
    };

    site.post<{ Params: { id: string } }>("/decisions/:id/comments", guarded(async (request, reply, api) => {
      const fields = textFields(request.body);
      try {
        const decision = await byId(() => loadDecision(api, request.params.id));
        const consultation = decision?.consultations.nodes.find((c) => c.id === fields.consultationId);
        if (!decision || !consultation) return notFoundPage(request, reply);
        const outcome = await submitComment(api, consultation.id!, fields);
        if ("receipt" in outcome) return send(request, reply, 200, "已收到您的意見", receiptPage(decision.id, outcome.receipt));
        return await showDecision(request, reply, api, decision.id, 422, new Map([[consultation.id!, outcome.state]]));
      } catch (error) {
        return failurePage(request, reply, error, unsent(request));
      }
    }, unsent));

    // A reload of the page a comment was posted from.
    site.get<{ Params: { id: string } }>("/decisions/:id/comments", async (request, reply) => reply.redirect(`/decisions/${encodeURIComponent(request.params.id)}`, 303));

    site.get<{ Params: { id: string }; Querystring: Query }>("/consultations/:id/comments", guarded(async (request, reply, api) => {
      const shown = await byId(() => commentsPage(api, request.params.id, textFields(request.query).after));
      return shown ? send(request, reply, 200, shown.title, shown.body) : notFoundPage(request, reply);
    }));

    // A receipt's status: the number from the form (a GET, so that the page can be kept and reloaded) or the address.
    site.get<{ Querystring: Query }>("/comments/status", guarded(async (request, reply, api) => {
      const { number } = textFields(request.query);
      if (number === undefined) return send(request, reply, 200, "查詢意見處理情況", commentStatusForm());
      const shown = await commentStatusPage(api, number);
      return send(request, reply, shown.status, shown.title, shown.body);
    }));

    site.get<{ Params: { number: string } }>("/comments/status/:number", guarded(async (request, reply, api) => {
      const shown = await commentStatusPage(api, request.params.number);
      return send(request, reply, shown.status, shown.title, shown.body);
    }));

    site.get<{ Params: { id: string } }>("/comments/:id", guarded(async (request, reply, api) => {
      const shown = await byId(() => commentPage(api, request.params.id));
      return shown ? send(request, reply, 200, shown.title, shown.body) : notFoundPage(request, reply);
    }));

    site.get<{ Params: { id: string } }>("/records/:id", guarded(async (request, reply, api) => {
      const shown = await byId(async () => recordPage((await api.query<{ node: Parameters<typeof recordPage>[0] }>(RECORD_QUERY, { id: request.params.id })).node));
      return shown ? send(request, reply, 200, shown.title, shown.body) : notFoundPage(request, reply);
    }));

    site.get<{ Params: { id: string; text: string } }>("/records/:id/:text", guarded(async (request, reply, api) => {
      const shown = await byId(async () => recordTextPage((await api.query<{ node: Parameters<typeof recordPage>[0] }>(RECORD_QUERY, { id: request.params.id })).node, request.params.text));
      return shown ? send(request, reply, 200, shown.title, shown.body) : notFoundPage(request, reply);
    }));

    site.get("/open-data", guarded(async (request, reply, api) => send(request, reply, 200, "開放數據", await openDataPage(api))));

    site.get<{ Querystring: Query }>("/explorer", guarded(async (request, reply) => {
      const { query, variables } = explorerStart(textFields(request.query));
      return send(request, reply, 200, "GraphQL 查詢工具", explorerPage(query, variables));
    }));

    site.post("/explorer", guarded(async (request, reply, api) => {
      const { query = "", variables = "" } = textFields(request.body);
      let parsed: unknown = null;
      try {
        parsed = variables.trim() ? JSON.parse(variables) : null;
      } catch {
        return send(request, reply, 400, "GraphQL 查詢工具", explorerPage(query, variables, { status: 400, body: JSON.stringify({ errors: [{ message: "變量不是有效的 JSON。" }] }) }));
      }
      return send(request, reply, 200, "GraphQL 查詢工具", explorerPage(query, variables, await api.raw(query, parsed)));
    }));

    // Asked for by every browser on its own; the same for everyone, and changes only with a release.
    site.get("/favicon.ico", (_request, reply) => reply.header("content-type", "image/x-icon").header("cache-control", "public, max-age=86400").send(FAVICON));

    site.get<{ Querystring: Query }>("/script", (request, reply) => switchScript(textFields(request.query), reply));
  });
}
