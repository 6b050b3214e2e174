import { type FastifyInstance, type FastifyRequest } from "fastify";
import { SITE_PASS_HEADER } from "./site-pass.js";

/** A refusal the resident can act on: the API's own words, shown on the page. */
export class SiteInputError extends Error {
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message);
  }
}

/** The API could not answer (overloaded, rate-limited, down): a page that says so, with the status. */
export class SiteUnavailableError extends Error {
  constructor(
    readonly status: number,
    /** Seconds until the API takes requests again (its Retry-After), when it said. */
    readonly retryAfter?: string,
  ) {
    super("The service cannot answer right now.");
  }
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string; argument?: string };
}

/**
 * The site's only way to the data: the public GraphQL API, sent as a third-party site would send
 * it — over HTTP (injected, not listened for), with no key, from the resident's address (so the
 * comment throttle counts each resident apart) — so that the site can never see more than the
 * public may. The page's own reads carry the site's pass: the page view was charged to the page
 * budget, so they spend nothing of the address's API budget (residents behind one address would
 * share it); what a resident runs in the explorer does not carry it, and is charged like any query.
 */
export class PublicApi {
  constructor(
    private readonly app: FastifyInstance,
    private readonly request: FastifyRequest,
    private readonly pass: string,
  ) {}

  async query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.post(document, variables, { [SITE_PASS_HEADER]: this.pass });
    const body = JSON.parse(response.body) as { data?: T; errors?: GraphQLError[] };
    const error = body.errors?.[0];
    // The API's refusals of what was asked (bad input, a malformed request) are the resident's to mend.
    if (error?.extensions?.code === "BAD_USER_INPUT" || response.statusCode === 400) throw new SiteInputError(error?.message ?? "Bad request", error?.extensions?.argument);
    if (error || !body.data) throw new SiteUnavailableError(response.statusCode >= 400 ? response.statusCode : 502, response.headers["retry-after"] as string | undefined);
    return body.data;
  }

  /** An operation as the resident typed it (the explorer): the API's whole answer, errors included. */
  async raw(document: string, variables: unknown): Promise<{ status: number; body: string }> {
    const response = await this.post(document, variables);
    return { status: response.statusCode, body: response.body };
  }

  private post(document: string, variables: unknown, pass: Record<string, string> = {}) {
    return this.app.inject({
      method: "POST",
      url: "/graphql",
      payload: { query: document, variables },
      headers: { "content-type": "application/json", "user-agent": "decisions-site", ...pass },
      remoteAddress: this.request.ip,
    });
  }

  /** Another public HTTP resource of the API (the open-data dictionary), as JSON. */
  async get<T>(path: string): Promise<T> {
    const response = await this.app.inject({ method: "GET", url: path, remoteAddress: this.request.ip });
    if (response.statusCode !== 200) throw new SiteUnavailableError(response.statusCode);
    return JSON.parse(response.body) as T;
  }
}
