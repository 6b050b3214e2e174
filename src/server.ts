import "reflect-metadata";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import { createServer } from "node:http";
import { SitePass } from "./site/site-pass.js";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { authenticate } from "./access/api-key.service.js";
import { KeyUseRecorder } from "./access/key-use.js";
import { flushAccessLog } from "./audit/access-log.plugin.js";
import { CommentThrottle, type CommentLimits, defaultCommentLimits } from "./consultations/comment-throttle.js";
import { ComplianceIndex } from "./compliance/compliance-index.js";
import { chinaDate } from "./compliance/working-days.js";
import { type AppContext, createContext } from "./context.js";
import { type Clock } from "./shared/clock.js";
import { type Database } from "./db/database.js";
import { registerOpenData } from "./open-data/open-data.routes.js";
import { OpenDataSnapshots } from "./open-data/snapshot.js";
import { ExportSlots } from "./open-data/export-slots.js";
import { formatError, onUnexpectedError } from "./graphql/format-error.js";
import { observeOperations, requestLogOf } from "./graphql/error-log.plugin.js";
import { openRequestScope, requestIdOf, requestScopeOf } from "./operations/request-scope.js";
import { registerMetrics, ServiceMetrics } from "./operations/metrics.js";
import { defaultQueryLimits, queryLimits, type QueryLimits } from "./protection/query-limits.js";
import { BudgetStore } from "./protection/budget-store.js";
import { SharedNodeCache } from "./store/shared-nodes.js";
import { type QueryOptions } from "./shared/sql-runner.js";
import { defaultRateLimits, RateLimiter, rateLimitedError, type RateLimits } from "./protection/rate-limit.js";
import fastifyCompress from "@fastify/compress";
import fastifyEtag from "@fastify/etag";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { httpCaching } from "./protection/http-cache.js";
import fastifyCors from "@fastify/cors";
import { registerHealth, type Lifecycle } from "./operations/health.js";
import { apolloLogger } from "./operations/log-message.js";
import { loggerOptions } from "./operations/logging.js";
import { serviceStatus } from "./protection/service-status.js";
import { unavailableError } from "./graphql/format-error.js";
import { httpErrorHandler } from "./protection/http-errors.js";
import { refuseNul } from "./graphql/no-nul.plugin.js";
import { buildAppSchema } from "./graphql/schema.js";
import { EpochWatcher } from "./public-cache/epoch-watcher.js";
import { registerResponseCache, ticketOf } from "./public-cache/graphql-cache.js";
import { ResponseCache } from "./public-cache/response-cache.js";
import { badRequestPage, notFoundPage, registerSite, wantsPage } from "./site/site.routes.js";

export interface ServerOptions {
  database: Database;
  /** Log level (no logging when absent), and where lines go (standard output when absent). */
  logger?: { level: string; destination?: { write(line: string): void } };
  /** Set when the process starts to shut down: readiness fails from then on. */
  lifecycle?: Lifecycle;
  /** The time the server believes it is (tests inject one; comment periods depend on it). */
  clock?: Clock;
  /** Comment submissions per client address (5 per 10 minutes when absent). */
  commentLimits?: CommentLimits;
  limits?: QueryLimits;
  rateLimits?: RateLimits;
  /** A request must arrive whole within this (HTTP 408 otherwise): slow clients hold no socket for ever. */
  requestTimeoutMs?: number;
  /** Whose X-Forwarded-For to believe (see Config.trustProxy). */
  trustProxy?: boolean | number | string;
  /** Brings the kept compliance reports up to date in the background this often; absent: only when a query reads them. */
  complianceRefreshMs?: number;
  /** How long a compliance query waits for the kept reports before it is told to retry (ComplianceIndex's default when absent). */
  complianceWaitMs?: number;
  /** Builds the bulk snapshot at start when none is kept, then this often; absent: only when one is asked for and none is kept. */
  openDataSnapshotMs?: number;
  /** Files sent at once (OPEN_DATA_EXPORTS_MAX). */
  exportsMax?: number;
  /** METRICS_TOKEN: when set, /metrics asks for it as a bearer token. */
  metricsToken?: string;
  /** RESPONSE_CACHE_MB: memory for kept public answers (64 when absent); 0 turns the cache off. */
  responseCacheMb?: number;
  /** Keep the public's regions and bodies across requests under the disclosure epoch (on when absent). */
  sharedNodes?: boolean;
  /** How often the disclosure epoch is read besides its notifications (EpochWatcher's default when absent). */
  epochPollMs?: number;
  /** The benchmark's staleness check only: public answers carry the epoch they claim (see CacheHooks.reveal). */
  revealCacheEpochs?: boolean;
}

/** The code of a refusal's JSON body (an API's or a file's), for the refusals metric; none for a page. */
function refusalCode(payload: unknown): string {
  const match = typeof payload === "string" ? /"code":"([A-Z_]{1,40})"/.exec(payload) : null;
  return match?.[1] ?? "none";
}

/** Builds the HTTP server with GraphQL at /graphql; does not listen. */
export async function buildServer({ database, logger, clock, commentLimits = defaultCommentLimits, limits = defaultQueryLimits, rateLimits = defaultRateLimits, lifecycle = { shuttingDown: false }, requestTimeoutMs = 30_000, trustProxy = false, complianceRefreshMs, complianceWaitMs, openDataSnapshotMs, exportsMax = 4, metricsToken, responseCacheMb = 64, sharedNodes = true, epochPollMs, revealCacheEpochs }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(logger.level, logger.destination) : false,
    genReqId: requestIdOf,
    bodyLimit: limits.maxBodyBytes,
    // A number is how many proxies stand in front: that many hops of X-Forwarded-For are theirs.
    trustProxy: typeof trustProxy === "number" ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    // An address the router cannot read (bad percent-encoding, an over-long id): refused without echoing it.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400;
      if (wantsPage(request)) return badRequestPage(request, reply as FastifyReply, status);
      return (reply as FastifyReply).status(status).header("cache-control", "no-store").send({ errors: [{ message: "The request's address could not be read.", extensions: { code: "BAD_REQUEST" } }] });
    },
    // Node checks request deadlines every `connectionsCheckingInterval` (30 s by default): often enough here.
    serverFactory: (handler) =>
      createServer({ requestTimeout: requestTimeoutMs, headersTimeout: Math.min(requestTimeoutMs, 60_000), connectionsCheckingInterval: Math.min(1_000, requestTimeoutMs) }, handler),
  });
  // The request's scope: its logger, and the GraphQL operation's name kept for the request's latency.
  const metrics = new ServiceMetrics(() => database.poolStats?.() ?? [], () => database.replicaStats?.());
  app.addHook("onRequest", (request, _reply, done) => {
    openRequestScope(request.raw, { log: request.log });
    done();
  });
  app.addHook("onResponse", async (request, reply) => {
    const operation = metrics.operationLabel(requestScopeOf(request.raw)?.operation);
    metrics.requestDuration.observe({ route: request.routeOptions.url ?? "unmatched", operation, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  // The id of every log line of a request, given back so that a user can quote it.
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    if (reply.statusCode === 429 || reply.statusCode === 503) metrics.refusals.inc({ status: String(reply.statusCode), code: refusalCode(payload) });
    // A refusal (a bad key's 401 among them) is nobody's to keep.
    if (reply.statusCode >= 400 && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });
  await app.register(fastifyCors, {
    // Open data: any site may read the public API from a browser; keys travel in the Authorization header, never in cookies.
    origin: "*",
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name", "if-none-match"],
    exposedHeaders: ["etag", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-request-id", "x-generated-at", "x-changes-cursor"],
    maxAge: 600,
  });
  // A browser's request the server could not read gets a page; a program's gets the JSON refusal.
  app.setErrorHandler((error: FastifyError, request, reply) =>
    wantsPage(request) && (error.statusCode ?? 500) >= 400 && (error.statusCode ?? 500) < 500 ? badRequestPage(request, reply, error.statusCode!) : httpErrorHandler(error, request, reply),
  );
  // GraphQL comes as JSON (or in a GET's query string); a text/plain POST is a cross-site form's trick.
  app.removeContentTypeParser("text/plain");
  const now = clock ?? (() => new Date());
  // The refresh's runs are logged, and counted by what happened (started, done, skipped).
  const refreshLog = {
    info: (details: Record<string, unknown>, message: string) => {
      const event = (details.work as { event?: unknown } | undefined)?.event;
      if (typeof event === "string") metrics.refreshRuns.inc({ outcome: event.replace(/^compliance_refresh_/, "") });
      app.log.info(details, message);
    },
  };
  const complianceIndex = new ComplianceIndex(database, { waitMs: complianceWaitMs, log: refreshLog, onError: (error) => app.log.error({ err: error }, "compliance reports: a refresh failed; the next one retries") });
  if (complianceRefreshMs) complianceIndex.keepCurrent(() => chinaDate(now()), complianceRefreshMs);
  // Before the requests in flight are waited for: one waiting for a long run is told to retry.
  app.addHook("preClose", () => complianceIndex.stop());
  const snapshots = new OpenDataSnapshots(database, {
    clock,
    complianceCurrent: () => complianceIndex.current(chinaDate(now())),
    onError: (error) => app.log.error({ err: error }, "open-data snapshot: a build failed; the previous snapshot is still served"),
  });
  if (openDataSnapshotMs) snapshots.keepCurrent(openDataSnapshotMs);
  app.addHook("preClose", () => snapshots.stop());
  onUnexpectedError((cause, error) => (requestLogOf(error) ?? app.log).error({ err: cause }, "unexpected error"));
  // The API's budgets, the site's page views and the comment throttle, in PostgreSQL: shared by every instance.
  // A budget the database cannot tell is a 503 with Retry-After, like any read it cannot serve.
  const budgets = new BudgetStore({
    query: <T extends Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions) =>
      database.query<T>(text, params, options).catch((error: unknown): never => {
        throw unavailableError(error) ?? error;
      }),
  });
  const rates = new RateLimiter(budgets, rateLimits, now);
  const throttle = new CommentThrottle(budgets, commentLimits);
  // Ended windows are deleted off the request path, by every instance (an idempotent DELETE).
  const sweep = setInterval(() => void budgets.sweep(now()).catch((error: unknown) => app.log.error({ err: error }, "rate limits: sweeping ended windows failed")), rateLimits.windowSeconds * 1000).unref();
  app.addHook("onClose", async () => clearInterval(sweep));
  const sitePass = new SitePass();
  const keyUses = new KeyUseRecorder(database, (error) => app.log.error({ err: error }, "api keys: writing a key's last use failed; its next use tries again"), now);
  app.addHook("onClose", () => keyUses.settled());
  const apollo = new ApolloServer<AppContext>({
    schema: await buildAppSchema(),
    formatError,
    // Apollo's messages go to the server's log (the console otherwise), reduced like any line.
    logger: apolloLogger(app.log),
    includeStacktraceInErrorResponses: false,
    // Apollo's default landing page loads from a CDN, which residents' networks and ours may not reach.
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled(), flushAccessLog(database), refuseNul,
      queryLimits(limits, rates),
      // Cache headers come from httpCaching (by the operation's root fields), not from per-field hints.
      ApolloServerPluginCacheControlDisabled(),
      httpCaching,
      serviceStatus,
      observeOperations(metrics),
    ],
    // The schema is public documentation; introspection is cost-limited like any query.
    introspection: true,
    parseOptions: { maxTokens: limits.maxTokens },
    // No "did you mean …?": an error says what was wrong, not what else exists.
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    // The process's owner stops it (main.ts: finish the requests in flight, close the database). Apollo's
    // own handler stopped Apollo and then sent SIGTERM again, which ended the process mid-shutdown.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  // ETags on answers, and 304 when the client already holds the same answer.
  await app.register(fastifyEtag, { weak: true });
  // The role comes from the verified key alone; a bad key is refused (401), never treated as anonymous.
  // The key's check reads the database: if it cannot answer, the request gets a 503, not a 500.
  const authenticateRequest = (request: FastifyRequest) =>
    authenticate(database, request.headers.authorization, request.ip, keyAdmission(rates, request.ip), keyUses).catch((error: unknown) => {
      throw unavailableError(error) ?? error;
    });
  // The public response cache (public-cache/): between the ETags (an answer is kept with its own) and
  // compression (kept uncompressed). It learns of every change the public can see by the disclosure epoch,
  // and so do the regions and bodies kept across requests (store/shared-nodes.ts).
  const cache = new ResponseCache(responseCacheMb * 1024 * 1024);
  const epochs = new EpochWatcher(database, { pollMs: epochPollMs, onError: (error) => app.log.error({ err: error }, "public cache: reading the disclosure epoch failed; kept answers, regions and bodies are not served until it is read") });
  const nodeCache = sharedNodes ? new SharedNodeCache(() => database.epoch.current(performance.now(), epochs.trustedMs)) : undefined;
  if (cache.enabled || nodeCache) {
    await epochs.start();
    app.addHook("onClose", () => epochs.stop());
  }
  registerResponseCache(app, {
    cache,
    database,
    clock: now,
    trustedMs: epochs.trustedMs,
    authenticate: authenticateRequest,
    counted: (outcome) => metrics.responseCache.inc({ outcome }),
    reveal: revealCacheEpochs,
  });
  // gzip when the client asks (Accept-Encoding), for the files, the API and the site alike; registered
  // after the ETags, so that an answer's ETag is its content's whatever the encoding (weak ETags allow it).
  // No Brotli: at its default quality a large file would cost more CPU than it saves in bytes.
  // NDJSON is not marked compressible in the media-type database the plugin reads: named here.
  // Level 4, not zlib's default 6: a third less CPU for 6-7 % more bytes (the decisions file of
  // 10,000 decisions, 8.1 MB: 88 ms and 1.22 MB at 6, 59 ms and 1.30 MB at 4; level 1 was 21-23 % larger).
  await app.register(fastifyCompress, { global: true, encodings: ["gzip", "deflate"], customTypes: /^(text\/|application\/(json|ld\+json|x-ndjson|graphql-response\+json)\b)/, zlibOptions: { level: 4 } });
  // A person who opens /graphql in a browser would meet Apollo's refusal of a plain GET (its CSRF
  // prevention, kept for programs): the browser is sent to the explorer, with the query it carried.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" || request.url.split("?")[0] !== "/graphql" || !wantsPage(request)) return;
    if (request.headers["apollo-require-preflight"] || request.headers["x-apollo-operation-name"]) return;
    const { query, variables } = request.query as Record<string, unknown>;
    const carried = new URLSearchParams();
    if (typeof query === "string") carried.set("query", query);
    if (typeof variables === "string") carried.set("variables", variables);
    return reply.redirect(carried.size ? `/explorer?${carried.toString()}` : "/explorer", 303);
  });
  await app.register(fastifyApollo(apollo), {
    path: "/graphql",
    context: async (request) => {
      // Authenticated once, by the response cache's hook, which also chose where a public request reads.
      const ticket = ticketOf(request);
      const viewer = await (ticket?.viewer ?? authenticateRequest(request));
      // Before any read: a request keeps what it read only if its reads had reached the epoch it starts
      // under (the primary's always have; a replica's, if the response cache checked it at that epoch).
      const shared = nodeCache?.forRequest((epoch) => !database.publicReads || (ticket?.keep === true && ticket.epoch === epoch));
      return { ...createContext(database, viewer, { clock, throttle, complianceIndex, publicReads: ticket?.reads, sharedNodes: shared }), sitePage: sitePass.carriedBy(request.headers), scope: requestScopeOf(request.raw) };
    },
  });
  registerOpenData(app, database, clock, complianceIndex, snapshots, new ExportSlots(exportsMax, metrics));
  registerMetrics(app, metrics, metricsToken);
  registerHealth(app, database, lifecycle);
  await registerSite(app, clock ?? (() => new Date()), { rates, sitePass });
  // Browsers get the site's page; programs get a JSON refusal like the API's others.
  app.setNotFoundHandler((request, reply) =>
    wantsPage(request) ? notFoundPage(request, reply) : reply.status(404).send({ error: { code: "NOT_FOUND", message: `Nothing at ${request.method} ${request.url.split("?")[0]}.` } }),
  );
  // What this service is, for programs; residents get the site at /.
  app.get("/api", async () => ({
    name: "Major administrative decisions: open data (重大行政决策公开数据)",
    graphql: "/graphql",
    openData: "/open-data/dictionary.json",
    documentation: "The GraphQL schema is self-describing: introspect /graphql, or read schema/schema.graphql in the repository.",
  }));
  return app;
}

/** A key's lookup is paid for by the caller's address before it runs: unknown keys are rate-limited too. */
function keyAdmission(rates: RateLimiter, address: string) {
  return {
    beforeLookup: async () => {
      const { allowed, state } = await rates.spendKeyLookup(address);
      if (!allowed) throw rateLimitedError(`Over the rate limit: ${state.limit} cost points per ${rates.limits.windowSeconds} s for this address, which pays for its keys' lookups.`, state);
    },
    unknownKey: () => rates.chargeUnknownKey(address),
  };
}
