// Latency at a given load, not at saturation: requests offered at a steady rate (open loop, as a
// crowd of independent readers sends them), each one's latency counted from the moment it was due,
// so that a server that falls behind is charged for the wait it causes (no coordinated omission).
//
// Not autocannon's `overallRate`: it gives each connection its share of the rate per second and lets
// the connection send that share back to back as soon as a second starts, so every second opens with
// a burst of as many concurrent requests as connections (a closed loop for the first part of the
// second, then silence); and it back-fills its histogram for an expected interval of 1 ms
// (`Math.ceil(1 / rate)`, a rate per second taken as milliseconds), which drags every percentile
// down. Here request i leaves at start + i / rate on a pool of keep-alive sockets, and the exact
// percentiles come from every latency.
import { Agent, request } from "node:http";
import { type BenchOperation } from "./operations.js";

/** p99 targets of issue 23 (uncached, 300 requests per second offered), by operation. */
export const P99_TARGET_MS: Record<string, number> = { "list page": 25, "decision page": 25, "search (Chinese)": 60 };

export interface RateOptions {
  /** Requests offered per second. */
  rate: number;
  seconds: number;
}

export interface LatencyResult {
  operation: string;
  offeredPerSecond: number;
  answeredPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers other than 2xx by status ("0" a failed connection), e.g. "503×12". */
  errors: string;
  p99TargetMs: number | null;
  meetsTarget: boolean | null;
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** Sends one request on `agent`; resolves with its status (0: no answer) once the whole body is in. */
function send(agent: Agent, url: URL, operation: BenchOperation, body: Buffer | undefined): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(url, { agent, method: operation.method, headers: body ? { "content-type": "application/json", "content-length": body.length } : {} }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", () => resolve(0));
    });
    outgoing.on("error", () => resolve(0));
    outgoing.end(body);
  });
}

/** Offers `rate` requests per second for `seconds` and returns each answered request's latency (ms, from when it was due) and the errors. */
async function offer(agent: Agent, url: URL, operation: BenchOperation, body: Buffer | undefined, rate: number, seconds: number): Promise<{ latencies: number[]; errors: Map<number, number>; elapsedMs: number }> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const errors = new Map<number, number>();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    // Timers fire late rather than early: a late request goes at once and its lateness is counted in its latency.
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send(agent, url, operation, body).then((status) => {
        if (status >= 200 && status < 300) latencies.push(performance.now() - due);
        else errors.set(status, (errors.get(status) ?? 0) + 1);
      }),
    );
  }
  await Promise.all(inFlight);
  return { latencies, errors, elapsedMs: performance.now() - start };
}

/** Latency percentiles of `operation` at `rate` requests per second offered to the server at `address`. */
export async function latencyAtRate(address: string, operation: BenchOperation, { rate, seconds }: RateOptions): Promise<LatencyResult> {
  // As many sockets as requests in flight: a request never queues in the client behind another.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const url = new URL(`${address}${operation.path}`);
  const body = operation.body ? Buffer.from(JSON.stringify(operation.body)) : undefined;
  try {
    const { latencies, errors, elapsedMs } = await offer(agent, url, operation, body, rate, seconds);
    const sorted = latencies.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const target = P99_TARGET_MS[operation.name] ?? null;
    const p99 = round(percentile(sorted, 0.99));
    return {
      operation: operation.name,
      offeredPerSecond: rate,
      answeredPerSecond: Math.round(latencies.length / (elapsedMs / 1000)),
      p50: round(percentile(sorted, 0.5)),
      p90: round(percentile(sorted, 0.9)),
      p99,
      max: round(sorted.at(-1) ?? Number.NaN),
      errors: [...errors].map(([status, count]) => `${status}×${count}`).join(" "),
      p99TargetMs: target,
      meetsTarget: target === null ? null : errors.size === 0 && p99 < target,
    };
  } finally {
    agent.destroy();
  }
}
