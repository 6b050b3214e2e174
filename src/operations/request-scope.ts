import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { type IncomingMessage } from "node:http";
import { type FastifyBaseLogger } from "fastify";

/**
 * A request's id: the caller's X-Request-Id when it is one (a load balancer's, a client's trace), else
 * a new UUID, so that ids never repeat across instances or restarts. An id that is too long or holds
 * other characters is not taken: it goes on every line of the log.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

const scope = new AsyncLocalStorage<{ log: FastifyBaseLogger }>();

/** Runs the rest of a request's handling with its logger known to code that is not handed it. */
export function withinRequest(log: FastifyBaseLogger, next: () => void): void {
  scope.run({ log }, next);
}

/** The logger of the request being handled (its lines carry its id), if any. */
export function requestLog(): FastifyBaseLogger | undefined {
  return scope.getStore()?.log;
}
