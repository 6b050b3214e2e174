import "reflect-metadata";
import { type FastifyInstance } from "fastify";
import { createKey } from "../../src/access/api-key.service.js";
import { type KeyRole } from "../../src/access/viewer.js";
import { type CommentLimits } from "../../src/consultations/comment-throttle.js";
import { type Clock } from "../../src/shared/clock.js";
import { type Database } from "../../src/db/database.js";
import { defaultQueryLimits, type QueryLimits } from "../../src/protection/query-limits.js";
import { type RateLimits } from "../../src/protection/rate-limit.js";
import { type Lifecycle } from "../../src/operations/health.js";
import { closeGracefully } from "../../src/operations/shutdown.js";
import { buildServer } from "../../src/server.js";
import { openSameDatabase, openTestDatabase } from "./test-database.js";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string } }[];
  raw: string;
}

export type Role = "ANONYMOUS" | KeyRole;

export interface StartOptions {
  /** The server's clock; tests move it instead of sleeping. */
  clock?: Clock;
  /** Comment submissions per address; by default more than a test sends. */
  commentLimits?: CommentLimits;
  /** Query limits other than the defaults. */
  limits?: Partial<QueryLimits>;
  /** Where the server's log lines go (none when absent). */
  log?: { write(line: string): void };
  lifecycle?: Lifecycle;
  requestTimeoutMs?: number;
  /** Rate limits; by default none that a test would reach. */
  rateLimits?: Partial<RateLimits>;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY). */
  trustProxy?: boolean | number | string;
  /** Keep the compliance reports current in the background this often (off when absent). */
  complianceRefreshMs?: number;
  /** How long a compliance query waits for the kept reports. */
  complianceWaitMs?: number;
  /** Files sent at once. */
  exportsMax?: number;
  /** The token /metrics asks for. */
  metricsToken?: string;
  /**
   * Memory for kept public answers; off unless a test asks. Many tests write straight to the tables as
   * their owner and read at once: on PostgreSQL the server hears of such a write by a notification,
   * a moment later (docs/operations.md), so those tests would race it. The tests of the cache and the
   * property test of withholding over time, whose writes go through the API, turn it on.
   */
  responseCacheMb?: number;
  /** Keep the public's regions and bodies across requests; off unless a test asks, for the same reason. */
  sharedNodes?: boolean;
  /** How often the server reads the disclosure epoch besides its notifications. */
  epochPollMs?: number;
  /** What the server sees of its database (a test may hold some of its statements back). */
  wrapDatabase?: (database: Database) => Database;
}

/** The real HTTP server over a test database; requests go through Fastify and Apollo as in production. */
export class TestApi {
  private readonly secrets = new Map<KeyRole, string>();

  private constructor(
    readonly database: Database,
    private readonly server: FastifyInstance,
    private readonly lifecycle: Lifecycle,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestApi> {
    return TestApi.startOn(await openTestDatabase(), options);
  }

  /** Another instance of the service on `other`'s database, as a second process behind the load balancer would be. */
  static async beside(other: TestApi, options: StartOptions = {}): Promise<TestApi> {
    return TestApi.startOn(openSameDatabase(other.database), options);
  }

  /** An instance of the service on a database the test opened itself (its own pools, its own read replicas). */
  static async on(database: Database, options: StartOptions = {}): Promise<TestApi> {
    return TestApi.startOn(database, options);
  }

  private static async startOn(database: Database, options: StartOptions): Promise<TestApi> {
    const lifecycle = options.lifecycle ?? { shuttingDown: false };
    return new TestApi(
      database,
      await buildServer({ database: options.wrapDatabase?.(database) ?? database, clock: options.clock, commentLimits: options.commentLimits ?? { limit: 1000, windowMs: 10 * 60_000 }, limits: { ...defaultQueryLimits, ...options.limits }, rateLimits: { windowSeconds: 60, anonymous: 1e12, researcher: 1e12, staff: 1e12, pages: 1e12, ...options.rateLimits },
        logger: options.log ? { level: "info", destination: options.log } : undefined,
        lifecycle,
        requestTimeoutMs: options.requestTimeoutMs,
        trustProxy: options.trustProxy,
        complianceRefreshMs: options.complianceRefreshMs,
        complianceWaitMs: options.complianceWaitMs,
        exportsMax: options.exportsMax,
        metricsToken: options.metricsToken,
        responseCacheMb: options.responseCacheMb ?? 0,
        sharedNodes: options.sharedNodes ?? false,
        epochPollMs: options.epochPollMs,
      }),
      lifecycle,
    );
  }

  /** A key of this role, made through the product's own key service (one per role and test file). */
  async secretFor(role: KeyRole): Promise<string> {
    let secret = this.secrets.get(role);
    if (!secret) {
      secret = (await this.database.asWriter((db) => createKey(db, `test ${role.toLowerCase()}`, role))).secret;
      this.secrets.set(role, secret);
    }
    return secret;
  }

  /** Runs an operation with the given raw headers. */
  async send<T = Record<string, any>>(headers: Record<string, string>, query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await this.server.inject({ method: "POST", url: "/graphql", payload: { query, variables, extensions }, headers: { "content-type": "application/json", ...headers } });
    const body = JSON.parse(response.body) as Omit<GraphQLResponse<T>, "status" | "raw">;
    return { ...body, status: response.statusCode, raw: response.body };
  }

  /** Runs an operation as a viewer of the given role. */
  async as<T = Record<string, any>>(role: Role, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = role === "ANONYMOUS" ? {} : { authorization: `Bearer ${await this.secretFor(role)}` };
    return this.send<T>(headers, query, variables);
  }

  /** Runs an operation as an anonymous member of the public. */
  anonymous<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    return this.send<T>({}, query, variables, extensions);
  }

  /** Like `as`, but fails the test on any error. */
  async dataAs<T = Record<string, any>>(role: Role, query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.as<T>(role, query, variables);
    if (response.errors?.length || response.status !== 200) throw new Error(`unexpected errors: ${response.raw}`);
    return response.data!;
  }

  /** Like `anonymous`, but fails the test on any error. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    return this.dataAs<T>("ANONYMOUS", query, variables);
  }

  /** Listens on a free local port (for tests that need a real socket, such as streaming). */
  async listen(): Promise<string> {
    return this.server.listen({ port: 0, host: "127.0.0.1" });
  }

  /** Any HTTP request, as sent: for malformed requests and headers. */
  async inject(options: { method: "GET" | "POST" | "PUT"; url?: string; headers?: Record<string, string>; payload?: string | object; remoteAddress?: string }) {
    const response = await this.server.inject({ url: "/graphql", ...options });
    return { status: response.statusCode, headers: response.headers, body: response.body, rawPayload: response.rawPayload };
  }

  /** A plain GET (open-data files), collected whole. */
  async get(path: string, headers: Record<string, string> = {}) {
    const response = await this.server.inject({ method: "GET", url: path, headers });
    return { status: response.statusCode, headers: response.headers, body: response.body, rawPayload: response.rawPayload };
  }

  /**
   * A fingerprint of every row of every table, to prove that a refused request changed nothing.
   * api_keys is left out: using a key records its last use, which is not a change the caller made.
   */
  async fingerprint(): Promise<Record<string, string>> {
    const tables = await this.database.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'api_keys' AND tablename NOT LIKE '\\_\\_%' ORDER BY 1");
    const prints: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await this.database.query<{ print: string | null }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print FROM public.${name} t`);
      prints[name] = row!.print ?? "";
    }
    return prints;
  }

  /** The HTTP server only (the database stays open): for shutdown tests. */
  /** Resolves when the HTTP server has received its next request: that request is then in flight. */
  nextRequestArrives(): Promise<void> {
    return new Promise((resolve) => this.server.server.once("request", () => resolve()));
  }

  closeServer(): Promise<void> {
    return closeGracefully(this.server, this.lifecycle);
  }

  /** The server's logger, for lines a test writes through it. */
  get log() {
    return this.server.log;
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.database.close();
  }
}
