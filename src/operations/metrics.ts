import { timingSafeEqual } from "node:crypto";
import { type FastifyInstance } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { type PoolStats, type ReplicaStats } from "../db/pool-gate.js";

/** Operation names are the client's to choose: past this many distinct ones, the rest are counted together. */
const OPERATION_NAMES_KEPT = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * What an operator scrapes at /metrics (Prometheus text format), one registry per server. Labels hold
 * routes, codes, operation and dataset names, never a value of the data or of a request.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  readonly requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer a request, by route pattern, GraphQL operation name and HTTP status.",
    labelNames: ["route", "operation", "status"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({ name: "graphql_errors_total", help: "GraphQL errors by the code the client got.", labelNames: ["code"] as const, registers: [this.registry] });
  readonly refusals = new Counter({
    name: "http_refusals_total",
    help: "Answers 429 (rate limits, the comment throttle) and 503 (pool busy, timeouts, exports busy...) by status and code.",
    labelNames: ["status", "code"] as const,
    registers: [this.registry],
  });
  readonly exportRows = new Counter({ name: "open_data_rows_total", help: "Rows sent in open-data files, by dataset.", labelNames: ["dataset"] as const, registers: [this.registry] });
  readonly filesCut = new Counter({ name: "open_data_files_cut_total", help: "Open-data files cut by a failure after they had begun.", registers: [this.registry] });
  readonly responseCache = new Counter({
    name: "graphql_response_cache_total",
    help: "Public GraphQL requests by what the response cache did: hit, not_modified (304), miss (ran and may be kept), bypass (the epoch not confirmed lately, or a document that does not parse).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly refreshRuns = new Counter({ name: "compliance_refresh_runs_total", help: "Runs of the compliance refresh by outcome.", labelNames: ["outcome"] as const, registers: [this.registry] });

  /** `poolStats`: the database's pools (none for PGlite); `replicaStats`: its read replicas (none unless configured). */
  constructor(poolStats: () => PoolStats[] = () => [], replicaStats: () => ReplicaStats | undefined = () => undefined) {
    collectDefaultMetrics({ register: this.registry });
    const pools = (read: (stats: PoolStats) => number) =>
      function (this: Gauge<"pool">) {
        for (const stats of poolStats()) this.set({ pool: stats.pool }, read(stats));
      };
    new Gauge({ name: "db_pool_in_use", help: "Connections of a pool in use now.", labelNames: ["pool"] as const, registers: [this.registry], collect: pools((s) => s.inUse) });
    new Gauge({ name: "db_pool_waiting", help: "Uses of a pool waiting for a connection now.", labelNames: ["pool"] as const, registers: [this.registry], collect: pools((s) => s.waiting) });
    new Gauge({ name: "db_pool_waits_total", help: "Uses of a pool that had to wait for a connection, since start.", labelNames: ["pool"] as const, registers: [this.registry], collect: pools((s) => s.waited) });
    // Labelled by state so that a deployment without replicas shows no series rather than "0 serving".
    new Gauge({
      name: "db_read_replicas",
      help: "Read replicas configured (DATABASE_READ_URL), and those the public's reads may go to now (serving).",
      labelNames: ["state"] as const,
      registers: [this.registry],
      collect: function (this: Gauge<"state">) {
        const stats = replicaStats();
        if (!stats) return;
        this.set({ state: "configured" }, stats.configured);
        this.set({ state: "serving" }, stats.serving);
      },
    });
    new Gauge({
      name: "db_replica_fallbacks_total",
      help: "Public reads that met a read replica's failure and were run on the primary, since start.",
      registers: [this.registry],
      collect: function (this: Gauge) {
        this.set(replicaStats()?.fallbacks ?? 0);
      },
    });
    new Gauge({ name: "db_pool_refusals_total", help: "Uses of a pool refused after waiting too long (503 DATABASE_BUSY), since start.", labelNames: ["pool"] as const, registers: [this.registry], collect: pools((s) => s.refused) });
  }

  /** The label for an operation name: the name when it is one and not one too many, else a placeholder. */
  operationLabel(name: string | undefined): string {
    if (!name) return "";
    if (!OPERATION_NAME.test(name)) return "_invalid";
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= OPERATION_NAMES_KEPT) return "_other";
    this.operationNames.add(name);
    return name;
  }
}

/** GET /metrics in Prometheus's text format; with a token configured, only for whoever sends it. */
export function registerMetrics(app: FastifyInstance, metrics: ServiceMetrics, token: string | undefined): void {
  app.get("/metrics", async (request, reply) => {
    if (token !== undefined && !sameSecret(request.headers.authorization ?? "", `Bearer ${token}`)) {
      return reply.code(401).header("www-authenticate", 'Bearer realm="metrics"').send({ error: { code: "UNAUTHENTICATED", message: "The metrics need the token this server was configured with (METRICS_TOKEN)." } });
    }
    reply.header("content-type", metrics.registry.contentType).header("cache-control", "no-store");
    return metrics.registry.metrics();
  });
}

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
