import { randomUUID } from "node:crypto";
import { type IncomingMessage } from "node:http";
import { type FastifyBaseLogger } from "fastify";

const ids = new WeakMap<IncomingMessage, string>();

/**
 * A request's id: the caller's X-Request-Id when it is one (a load balancer's, a client's trace), else
 * a new UUID, so that ids never repeat across instances or restarts. An id that is too long or holds
 * other characters is not taken: it goes on every line of the log. The same for every caller (the
 * tracing's HTTP span asks before Fastify does).
 */
export function requestIdOf(request: IncomingMessage): string {
  let id = ids.get(request);
  if (id === undefined) {
    const given = request.headers["x-request-id"];
    ids.set(request, (id = typeof given === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID()));
  }
  return id;
}

/** What the hooks and plugins of a request share of it beside the request itself. */
export interface RequestScope {
  log: FastifyBaseLogger;
  /** The GraphQL operation's name, once Apollo has it (for the metrics). */
  operation?: string;
  /** Set when the answer is a public one the server's cache may keep, for this many seconds. */
  publicLifeSeconds?: number;
}

/** A GraphQL context that carries its request's scope (the server's does; a test's may not). */
export interface ScopeCarrier {
  scope?: RequestScope;
}

/**
 * Kept by the request, not in an AsyncLocalStorage: on Node 20 one of those makes every promise of
 * every request run async hooks, an eighth of a list page's CPU. Every reader is handed the request
 * (Fastify's hooks) or the GraphQL context (Apollo's plugins), so none needs one.
 */
const scopes = new WeakMap<IncomingMessage, RequestScope>();

export function openRequestScope(request: IncomingMessage, scope: RequestScope): void {
  scopes.set(request, scope);
}

export function requestScopeOf(request: IncomingMessage): RequestScope | undefined {
  return scopes.get(request);
}
