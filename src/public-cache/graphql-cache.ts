import { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { seesWithheld, type Viewer } from "../access/viewer.js";
import { chinaDate } from "../compliance/working-days.js";
import { type Database, type DisclosedReads, forPublic } from "../db/database.js";
import { requestScopeOf } from "../operations/request-scope.js";
import { PUBLIC_CACHE_CONTROL } from "../protection/http-cache.js";
import { type Clock } from "../shared/clock.js";
import { type CacheableRequest, cacheKey } from "./cache-key.js";
import { type CachedAnswer, type ResponseCache } from "./response-cache.js";
import { sql } from "drizzle-orm";
import { rowsOf } from "../db/rows.js";

/** What the cache decided for one GraphQL request, for the context and the answer's way out. */
export interface CacheTicket {
  /** The viewer, authenticated once: the context takes it from here. */
  viewer: Promise<Viewer>;
  /** Where the request reads, chosen before it runs (a replica checked to have reached `epoch`). */
  reads?: Database;
  key?: string;
  epoch?: number;
  /** The answer may be kept: it was read at or past `epoch`. */
  keep?: boolean;
}

const tickets = new WeakMap<FastifyRequest, CacheTicket>();

export const ticketOf = (request: FastifyRequest): CacheTicket | undefined => tickets.get(request);

export interface CacheHooks {
  cache: ResponseCache;
  database: Database;
  clock: Clock;
  /** An instance that has not had the epoch confirmed for this long trusts no kept answer. */
  trustedMs: number;
  authenticate: (request: FastifyRequest) => Promise<Viewer>;
  counted: (outcome: "hit" | "miss" | "bypass" | "not_modified") => void;
  /**
   * The benchmark's check only: each public answer says the epoch it claims and whether it was kept.
   * Never in production: the epoch moves with the compliance refresh, whose staff reports read withheld data.
   */
  reveal?: boolean;
}

/** The document, operation and variables of a GraphQL request the cache may answer; null for anything else. */
function cacheable(request: FastifyRequest): CacheableRequest | null {
  if (request.method === "POST") {
    const body = request.body as Record<string, unknown> | null;
    // A persisted query's extensions, or a batch: Apollo's to handle.
    if (!body || typeof body !== "object" || Array.isArray(body) || typeof body.query !== "string" || body.extensions !== undefined) return null;
    return { query: body.query, operationName: typeof body.operationName === "string" ? body.operationName : null, variables: body.variables ?? null };
  }
  if (request.method !== "GET") return null;
  // Apollo refuses a GET that a browser could send cross-site without a preflight: the cache must not answer it either.
  if (!request.headers["apollo-require-preflight"] && !request.headers["x-apollo-operation-name"]) return null;
  const { query, operationName, variables } = request.query as Record<string, unknown>;
  if (typeof query !== "string") return null;
  let parsed: unknown = null;
  if (typeof variables === "string") {
    try {
      parsed = JSON.parse(variables);
    } catch {
      return null;
    }
  }
  return { query, operationName: typeof operationName === "string" ? operationName : null, variables: parsed };
}

/** How far the replica a request reads has come: an answer read there is kept only if it has reached the known epoch. */
async function epochOf(reads: DisclosedReads): Promise<number> {
  const [row] = await reads.readDisclosed((db) => rowsOf<{ epoch: string }>(db, sql`SELECT epoch::text AS epoch FROM disclosure.disclosure_epoch`));
  return Number(row?.epoch ?? 0);
}

/**
 * The public response cache, in front of Apollo: a public query whose answer is kept under the
 * epoch this instance knows is sent without running (a conditional request for it gets 304), and a
 * public query that runs is kept if no newer epoch was heard of while it ran. Staff never meet it.
 */
export function registerResponseCache(app: FastifyInstance, hooks: CacheHooks): void {
  const { cache, database, clock } = hooks;
  app.addHook("preHandler", async (request, reply) => {
    if (request.routeOptions.url !== "/graphql") return;
    const ticket: CacheTicket = { viewer: hooks.authenticate(request) };
    tickets.set(request, ticket);
    // The key's check (and its failure, answered by Apollo) happens once, here.
    ticket.viewer.catch(() => undefined);
    if (!cache.enabled) return;
    // Whatever goes wrong here, the request runs as if there were no cache: never a 500 of the cache's making.
    try {
      return await answerKept(request, reply, ticket);
    } catch (error) {
      request.log.error({ err: error }, "response cache: a lookup failed; the request runs uncached");
      Object.assign(ticket, { keep: false });
      hooks.counted("bypass");
    }
  });
  async function answerKept(request: FastifyRequest, reply: FastifyReply, ticket: CacheTicket): Promise<FastifyReply | undefined> {
    const shape = cacheable(request);
    if (!shape) return;
    const viewer = await ticket.viewer.catch(() => null);
    if (!viewer || seesWithheld(viewer)) return;
    const now = performance.now();
    const epoch = database.epoch.current(now, hooks.trustedMs);
    const key = cacheKey(viewer.role, chinaDate(clock()), shape);
    if (epoch === null || key === null) {
      hooks.counted("bypass");
      return;
    }
    const answer = cache.get(key, epoch, now);
    if (answer) return sendKept(request, reply, answer, hooks);
    hooks.counted("miss");
    Object.assign(ticket, { key, epoch, keep: true });
    if (hooks.reveal) reply.header("x-disclosure-epoch", String(epoch)).header("x-response-cache", "miss");
    if (database.publicReads) {
      ticket.reads = forPublic(database);
      ticket.keep = (await epochOf(ticket.reads).catch(() => 0)) >= epoch;
    }
  }
  // Between the ETag (set before) and compression (after): the answer is kept as sent, uncompressed.
  app.addHook("onSend", async (request, reply, payload) => {
    const ticket = tickets.get(request);
    if (!ticket?.keep || ticket.key === undefined || reply.statusCode !== 200 || typeof payload !== "string") return payload;
    const scope = requestScopeOf(request.raw);
    const life = scope?.publicLifeSeconds;
    const etag = reply.getHeader("etag");
    // Kept only if no newer epoch was heard of while it ran: it may have read the older state.
    if (life === undefined || typeof etag !== "string" || database.epoch.current(performance.now(), hooks.trustedMs) !== ticket.epoch) return payload;
    cache.set(ticket.key, {
      epoch: ticket.epoch!,
      body: Buffer.from(payload),
      etag,
      contentType: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"),
      expiresAt: performance.now() + life * 1000,
      operation: scope?.operation,
    });
    return payload;
  });
}

function sendKept(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, hooks: CacheHooks): FastifyReply {
  const scope = requestScopeOf(request.raw);
  if (scope) scope.operation = answer.operation;
  if (hooks.reveal) reply.header("x-disclosure-epoch", String(answer.epoch)).header("x-response-cache", "hit");
  reply.header("content-type", answer.contentType).header("etag", answer.etag).header("cache-control", PUBLIC_CACHE_CONTROL).header("vary", "authorization");
  if (request.headers["if-none-match"] === answer.etag) {
    hooks.counted("not_modified");
    return reply.code(304).send();
  }
  hooks.counted("hit");
  return reply.code(200).send(answer.body);
}
