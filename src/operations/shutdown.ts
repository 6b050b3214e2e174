import { type FastifyInstance } from "fastify";
import { type Lifecycle } from "./health.js";

/**
 * Stops taking work and finishes what is in flight: readiness fails at once, Fastify stops accepting
 * connections and waits for the requests it is answering, and connections left idle after their last
 * answer are closed as they fall idle (kept alive, they would hold the close open until they time out).
 */
export async function closeGracefully(app: FastifyInstance, lifecycle: Lifecycle): Promise<void> {
  lifecycle.shuttingDown = true;
  const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}
