import { AsyncLocalStorage } from "node:async_hooks";
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

/** What code that is not handed the request may know of it. */
export interface RequestScope {
  log: FastifyBaseLogger;
  /** The GraphQL operation's name, once Apollo has it (for the metrics). */
  operation?: string;
  /** Set when the answer is a public one the server's cache may keep, for this many seconds. */
  publicLifeSeconds?: number;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs the rest of a request's handling with its scope known to code that is not handed it. */
export function withinRequest(request: RequestScope, next: () => void): void {
  scope.run(request, next);
}

/** The scope of the request being handled, if any. */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}

/** The logger of the request being handled (its lines carry its id), if any. */
export function requestLog(): FastifyBaseLogger | undefined {
  return scope.getStore()?.log;
}
