import { type FastifyInstance } from "fastify";
import { type Database } from "../db/database.js";
import { migrationsApplied } from "../db/migrate.js";

/** Whether the process is on its way out (readiness then fails, so a balancer stops sending work). */
export interface Lifecycle {
  shuttingDown: boolean;
}

/**
 * `/healthz`: the process answers. `/readyz`: it can serve — the database answers, every migration is
 * applied, and it is not shutting down. Neither says more than that (no versions, no hosts).
 */
export function registerHealth(app: FastifyInstance, database: Database, lifecycle: Lifecycle): void {
  app.get("/healthz", async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const checks = { database: false, migrations: false, accepting: !lifecycle.shuttingDown };
    try {
      checks.migrations = await migrationsApplied(database);
      checks.database = true;
    } catch {
      // Unreachable or refusing: not ready, and the reason stays in the checks, not in an error text.
    }
    const ready = checks.database && checks.migrations && checks.accepting;
    return reply.code(ready ? 200 : 503).header("cache-control", "no-store").send({ status: ready ? "ready" : "not ready", checks });
  });
}
