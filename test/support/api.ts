import "reflect-metadata";
import { type FastifyInstance } from "fastify";
import { type Database } from "../../src/db/database.js";
import { buildServer } from "../../src/server.js";
import { openTestDatabase } from "./test-database.js";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; argument?: string } }[];
  raw: string;
}

/** The real HTTP server over a test database; requests go through Fastify and Apollo as in production. */
export class TestApi {
  private constructor(
    readonly database: Database,
    private readonly server: FastifyInstance,
  ) {}

  static async start(): Promise<TestApi> {
    const database = await openTestDatabase();
    return new TestApi(database, await buildServer({ database }));
  }

  /** Runs an operation as an anonymous member of the public. */
  async anonymous<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await this.server.inject({ method: "POST", url: "/graphql", payload: { query, variables, extensions }, headers: { "content-type": "application/json" } });
    const body = JSON.parse(response.body) as Omit<GraphQLResponse<T>, "status" | "raw">;
    return { ...body, status: response.statusCode, raw: response.body };
  }

  /** Like `anonymous`, but fails the test on any error. */
  async data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await this.anonymous<T>(query, variables);
    if (response.errors?.length || response.status !== 200) throw new Error(`unexpected errors: ${response.raw}`);
    return response.data!;
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.database.close();
  }
}
