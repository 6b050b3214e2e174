import { type FastifyReply, type FastifyRequest } from "fastify";
import * as OpenCC from "opencc-js";

/**
 * The script a page is shown in: Traditional Chinese by default, Simplified on request, remembered
 * in a cookie. Converted with opencc-js, the library the search uses to fold scripts.
 */
export type Script = "hant" | "hans";

export const SCRIPT_COOKIE = "script";
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

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
  return typeof candidate === "string" && /^\/(?![/\\])[^\s]*$/.test(candidate) ? candidate : "/";
}

/** GET /script?to=hans&back=/decisions/…: sets the cookie and returns to the page, no script needed. */
export function switchScript(query: Record<string, string | undefined>, reply: FastifyReply) {
  const to: Script = query.to === "hans" ? "hans" : "hant";
  reply.header("set-cookie", `${SCRIPT_COOKIE}=${to}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`);
  return reply.redirect(localPath(query.back), 303);
}
