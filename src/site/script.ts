import { type FastifyReply, type FastifyRequest } from "fastify";
import * as OpenCC from "opencc-js";
import { escapeHtml, type Html, trusted } from "./html.js";
import { CONTROL_CHARACTERS } from "./text.js";

/**
 * The script a page is shown in: Traditional Chinese by default, Simplified on request, remembered
 * in a cookie. Converted with opencc-js, the library the search uses to fold scripts.
 */
export type Script = "hant" | "hans";

export const SCRIPT_COOKIE = "script";
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

/**
 * Text this service writes in Simplified (the compliance rules and findings, the datasets' titles),
 * shown in Traditional on Traditional pages. Records are never converted this way (see `inScript`).
 */
export const traditional = (text: string): string => toTraditional(text);

const KEPT = /\uE000([A-Za-z0-9_-]*)\uE001/g;

/** A resident's own words echoed back (a form's values): never converted, only escaped, control characters dropped. */
export function kept(text: string): Html {
  const printable = text.replace(CONTROL_CHARACTERS, "");
  return trusted(`\uE000${Buffer.from(printable).toString("base64url")}\uE001`);
}

/** The kept words put back, escaped, once the page is in its script. */
export const restoreKept = (page: string): string => page.replace(KEPT, (_, encoded: string) => escapeHtml(Buffer.from(encoded, "base64url").toString()));

export function scriptOf(request: FastifyRequest): Script {
  const cookie = request.headers.cookie ?? "";
  return /(?:^|;\s*)script=hans(?:;|$)/.test(cookie) ? "hans" : "hant";
}

/**
 * The page in the resident's script. The site writes Traditional, and records are shown as their
 * authors wrote them unless the resident asks for Simplified: converting a published record into
 * Traditional would rewrite it (a surname 范 would become 範).
 */
export function inScript(page: string, script: Script): string {
  return script === "hans" ? toSimplified(page) : page;
}

export const languageTag = (script: Script) => (script === "hans" ? "zh-Hans" : "zh-Hant");

/** Only a path of this site: never another origin (an open redirect would lend it our name). */
export function localPath(candidate: unknown): string {
  // Printable ASCII only (the page's own address is percent-encoded): a Location header takes nothing else.
  return typeof candidate === "string" && /^\/(?![/\\])[\x21-\x7e]*$/.test(candidate) ? candidate : "/";
}

/** GET /script?to=hans&back=/decisions/…: sets the cookie and returns to the page, no script needed. */
export function switchScript(query: Record<string, string | undefined>, reply: FastifyReply) {
  const to: Script = query.to === "hans" ? "hans" : "hant";
  reply.header("set-cookie", `${SCRIPT_COOKIE}=${to}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
  return reply.redirect(localPath(query.back), 303);
}
