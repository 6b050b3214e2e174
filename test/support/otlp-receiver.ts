import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";

/** A span as an OTLP/HTTP JSON request carries it, flattened: its scope's name and its attributes as an object. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP's numbering: 1 internal, 2 server, 3 client. */
  kind: number;
  scope: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values?: OtlpValue[] } };
type OtlpBody = { resourceSpans?: { scopeSpans?: { scope?: { name?: string }; spans?: (Omit<ReceivedSpan, "scope" | "attributes"> & { attributes?: { key: string; value: OtlpValue }[] })[] }[] }[] };

const valueOf = (value: OtlpValue): unknown =>
  value.arrayValue ? (value.arrayValue.values ?? []).map(valueOf) : (value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue)));

/**
 * A collector for a test: accepts OTLP/HTTP JSON trace exports on /v1/traces, keeps every request's
 * body as sent (to search for what must never leave the server) and the spans in it, and lets a test
 * wait until the spans it expects have arrived.
 */
export class OtlpReceiver {
  readonly bodies: string[] = [];
  readonly spans: ReceivedSpan[] = [];
  private readonly waiting = new Set<() => void>();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server);
    server.on("request", (request, response) => {
      let text = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (text += chunk));
      request.on("end", () => {
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
        if (request.url === "/v1/traces") receiver.receive(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  /** The endpoint to give OTEL_EXPORTER_OTLP_ENDPOINT. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with what `found` returns as soon as it returns something; rejects after `withinMs` (an upper bound, never a wait). */
  until<T>(found: (spans: ReceivedSpan[]) => T | undefined, withinMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const result = found(this.spans);
        if (result === undefined) return;
        this.waiting.delete(check);
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        reject(new Error(`the spans looked for did not arrive; received: ${this.spans.map((s) => `${s.scope}: ${s.name}`).join(", ")}`));
      }, withinMs);
      this.waiting.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(text: string): void {
    this.bodies.push(text);
    const body = JSON.parse(text) as OtlpBody;
    for (const resource of body.resourceSpans ?? [])
      for (const scoped of resource.scopeSpans ?? [])
        for (const span of scoped.spans ?? [])
          this.spans.push({ ...span, scope: scoped.scope?.name ?? "", attributes: Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, valueOf(value)])) });
    for (const check of [...this.waiting]) check();
  }
}
