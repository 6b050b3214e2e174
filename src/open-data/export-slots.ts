import { type FastifyReply } from "fastify";
import { type ServiceMetrics } from "../operations/metrics.js";

/**
 * The files being sent by this instance at once. Each holds a connection (on PostgreSQL) and up to two
 * pages of memory for as long as its client takes to read it, so their number is bounded: past it a
 * client is told to come back (503 with Retry-After) rather than queued.
 */
export class ExportSlots {
  private active = 0;
  /** Files cut by a failure after they had begun (the client got an incomplete response). */
  cut = 0;

  constructor(
    readonly max: number,
    private readonly metrics?: ServiceMetrics,
  ) {}

  /** Notes a file cut by a failure; its number since start. */
  noteCut(): number {
    this.metrics?.filesCut.inc();
    return (this.cut += 1);
  }

  /** Counts the rows of a dataset's file as its pages go out. */
  async *counted<T extends { rows: number }>(dataset: string, pages: AsyncIterable<T>): AsyncGenerator<T> {
    for await (const page of pages) {
      this.metrics?.exportRows.inc({ dataset }, page.rows);
      yield page;
    }
  }

  /** Takes a slot for the reply until its response is over, however it ends; false when none is free. */
  take(reply: FastifyReply): boolean {
    if (this.active >= this.max) return false;
    this.active += 1;
    let held = true;
    reply.raw.once("close", () => {
      if (held) this.active -= 1;
      held = false;
    });
    return true;
  }

  refuse(reply: FastifyReply): FastifyReply {
    return reply
      .code(503)
      .header("retry-after", "30")
      .send({ error: { code: "EXPORTS_BUSY", message: `This server is sending as many files as it can (${this.max}) at the moment. Try again shortly, or take the bulk snapshot (/open-data/snapshot).` } });
  }
}

/** The chunks of `source`, noting a failure that cuts the file once begun (it still ends the response with an error). */
export async function* watchedForCuts<T>(source: AsyncIterable<T>, onCut: (error: unknown) => void): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    onCut(error);
    throw error;
  }
}
