import { defaultQueryLimits, type QueryLimits } from "./protection/query-limits.js";
import { defaultRateLimits, type RateLimits } from "./protection/rate-limit.js";
import { defaultPostgresOptions, type PostgresOptions } from "./db/pool-settings.js";

/** Runtime configuration, from the environment only (DESIGN §5). */
export interface Config {
  /** Query limits (QUERY_MAX_DEPTH, QUERY_MAX_COST, QUERY_MAX_ALIASES, QUERY_MAX_DIRECTIVES, QUERY_MAX_TOKENS, REQUEST_MAX_BYTES). */
  limits: QueryLimits;
  /** Cost points per window by tier (RATE_LIMIT_WINDOW_SECONDS, RATE_LIMIT_ANONYMOUS, RATE_LIMIT_RESEARCHER, RATE_LIMIT_STAFF), and the site's pages per address (RATE_LIMIT_PAGES). */
  rateLimits: RateLimits;
  port: number;
  host: string;
  /** Absent: embedded PostgreSQL (PGlite) in `pgliteDir`. */
  databaseUrl: string | undefined;
  /** DATABASE_READ_URL: read replicas of `databaseUrl` (comma-separated) for the public reads and the open-data files. */
  databaseReadUrls: string[];
  /**
   * A PostgreSQL server's pools and timeouts (DATABASE_POOL_MAX, DATABASE_PRIVILEGED_POOL_MAX,
   * DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_STAFF_STATEMENT_TIMEOUT_MS,
   * DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, DATABASE_CONNECT_TIMEOUT_SECONDS,
   * DATABASE_ACQUIRE_TIMEOUT_MS; the consistent reads' connections are OPEN_DATA_EXPORTS_MAX).
   */
  database: PostgresOptions;
  pgliteDir: string;
  logLevel: string;
  /**
   * TRUST_PROXY: unset, the peer's address is the client's. Behind a reverse proxy, the proxies'
   * addresses (CIDR allowed, comma-separated) or how many proxies stand in front (a number), so that
   * the client's address comes from X-Forwarded-For and rate limits and the comment throttle count
   * residents apart. "true" believes the whole header, which any client can write: only for a
   * server that nothing but the proxy can reach.
   */
  trustProxy: boolean | number | string;
  /**
   * COMPLIANCE_REFRESH_SECONDS: how often the kept compliance reports are brought up to date in the
   * background (a bulk load, a new day); 0 leaves it to the queries that read them.
   */
  complianceRefreshSeconds: number;
  /** OPEN_DATA_SNAPSHOT_HOURS: how often the bulk snapshot of every file is rebuilt; 0: only when none is kept. */
  openDataSnapshotHours: number;
  /**
   * OPEN_DATA_EXPORTS_MAX: files (and feed and snapshot downloads) this instance sends at once; past it a
   * client is answered 503 with Retry-After. On PostgreSQL each holds a connection of its own pool.
   */
  exportsMax: number;
  /** METRICS_TOKEN: when set, GET /metrics asks for it as a bearer token. */
  metricsToken: string | undefined;
  /** RESPONSE_CACHE_MB: memory for the public answers this instance keeps (public-cache/); 0 turns the cache off. */
  responseCacheMb: number;
  /**
   * MIGRATE_ON_START: whether `npm start` migrates the database (under the migration lock) before it
   * serves. Unset: yes on PGlite, no on a PostgreSQL server, where migrations are a release step
   * (`npm run migrate`) and a start on a database behind this build's schema refuses.
   */
  migrateOnStart: boolean | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrls: readUrls(env),
    pgliteDir: env.PGLITE_DIR ?? "./data",
    database: databaseSettings(env),
    logLevel: env.LOG_LEVEL ?? "info",
    complianceRefreshSeconds: env.COMPLIANCE_REFRESH_SECONDS === "0" ? 0 : atMost(positive(env, "COMPLIANCE_REFRESH_SECONDS", 60), 86_400, "COMPLIANCE_REFRESH_SECONDS"),
    openDataSnapshotHours: env.OPEN_DATA_SNAPSHOT_HOURS === "0" ? 0 : atMost(positive(env, "OPEN_DATA_SNAPSHOT_HOURS", 24), 168, "OPEN_DATA_SNAPSHOT_HOURS"),
    metricsToken: env.METRICS_TOKEN || undefined,
    responseCacheMb: env.RESPONSE_CACHE_MB === "0" ? 0 : atMost(positive(env, "RESPONSE_CACHE_MB", 64), 16_384, "RESPONSE_CACHE_MB"),
    migrateOnStart: flag(env, "MIGRATE_ON_START"),
    exportsMax: atMost(positive(env, "OPEN_DATA_EXPORTS_MAX", defaultPostgresOptions.consistentReadsMax), 100, "OPEN_DATA_EXPORTS_MAX"),
    trustProxy: !env.TRUST_PROXY ? false : env.TRUST_PROXY === "true" ? true : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    limits: {
      ...defaultQueryLimits,
      maxDepth: positive(env, "QUERY_MAX_DEPTH", defaultQueryLimits.maxDepth),
      maxCost: positive(env, "QUERY_MAX_COST", defaultQueryLimits.maxCost),
      maxAliases: positive(env, "QUERY_MAX_ALIASES", defaultQueryLimits.maxAliases),
      maxDirectives: positive(env, "QUERY_MAX_DIRECTIVES", defaultQueryLimits.maxDirectives),
      maxTokens: positive(env, "QUERY_MAX_TOKENS", defaultQueryLimits.maxTokens),
      maxBodyBytes: positive(env, "REQUEST_MAX_BYTES", defaultQueryLimits.maxBodyBytes),
    },
    rateLimits: {
      windowSeconds: positive(env, "RATE_LIMIT_WINDOW_SECONDS", defaultRateLimits.windowSeconds),
      anonymous: positive(env, "RATE_LIMIT_ANONYMOUS", defaultRateLimits.anonymous),
      researcher: positive(env, "RATE_LIMIT_RESEARCHER", defaultRateLimits.researcher),
      staff: positive(env, "RATE_LIMIT_STAFF", defaultRateLimits.staff),
      pages: positive(env, "RATE_LIMIT_PAGES", defaultRateLimits.pages),
    },
  };
}

function databaseSettings(env: NodeJS.ProcessEnv): PostgresOptions {
  const d = defaultPostgresOptions;
  return {
    max: atMost(positive(env, "DATABASE_POOL_MAX", d.max), 1000, "DATABASE_POOL_MAX"),
    privilegedMax: atMost(positive(env, "DATABASE_PRIVILEGED_POOL_MAX", d.privilegedMax), 1000, "DATABASE_PRIVILEGED_POOL_MAX"),
    statementTimeoutMs: positive(env, "DATABASE_STATEMENT_TIMEOUT_MS", d.statementTimeoutMs),
    staffStatementTimeoutMs: positive(env, "DATABASE_STAFF_STATEMENT_TIMEOUT_MS", d.staffStatementTimeoutMs),
    idleInTransactionTimeoutMs: positive(env, "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", d.idleInTransactionTimeoutMs),
    connectTimeoutSeconds: atMost(positive(env, "DATABASE_CONNECT_TIMEOUT_SECONDS", d.connectTimeoutSeconds), 300, "DATABASE_CONNECT_TIMEOUT_SECONDS"),
    acquireTimeoutMs: positive(env, "DATABASE_ACQUIRE_TIMEOUT_MS", d.acquireTimeoutMs),
    consistentReadsMax: atMost(positive(env, "OPEN_DATA_EXPORTS_MAX", d.consistentReadsMax), 100, "OPEN_DATA_EXPORTS_MAX"),
  };
}

function readUrls(env: NodeJS.ProcessEnv): string[] {
  const urls = (env.DATABASE_READ_URL ?? "").split(",").map((url) => url.trim()).filter(Boolean);
  if (urls.length && !env.DATABASE_URL) throw new Error("DATABASE_READ_URL names read replicas of a PostgreSQL server: set DATABASE_URL to their primary too");
  return urls;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  if (raw !== "true" && raw !== "false") throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === "true";
}

/** Past a timer's range (~24.8 days) Node fires at once; a day is longer than anyone needs. */
function atMost(value: number, most: number, name: string): number {
  if (value > most) throw new Error(`${name} may be at most ${most}, got ${value}`);
  return value;
}
