import { type Attributes, type AttributeValue } from "@opentelemetry/api";
import { type core, type tracing } from "@opentelemetry/sdk-node";
import { loggablePath } from "./loggable-path.js";

/*
 * What a span may carry out of the process, as for a log line (logging.ts): every attribute is
 * allow-listed, by name, and a few are reduced first. An attribute no instrumentation here was seen
 * to set, or one that may hold a value (a URL's query string, GraphQL variables, an error's message,
 * which for a database error quotes the row), is dropped before the span is exported.
 */

/** The request's id on its HTTP server span, named as the response header that carries it. */
export const REQUEST_ID = "http.response.header.x-request-id";

/** Names and numbers: methods, routes, status codes, addresses, the operation's name, the parameterised SQL. */
const KEPT = new Set([
  // HTTP, in both generations of the semantic conventions the HTTP instrumentation may write.
  "http.method", "http.request.method", "http.scheme", "url.scheme", "http.flavor", "network.protocol.version",
  "http.status_code", "http.response.status_code", "http.route", "http.host", "net.host.name", "net.host.port",
  "net.host.ip", "net.peer.ip", "net.peer.port", "net.transport", "network.transport", "client.address",
  "network.peer.address", "network.peer.port", "network.local.address", "network.local.port", "server.address",
  "server.port", "http.user_agent", "user_agent.original", "http.request_content_length_uncompressed",
  "http.response_content_length_uncompressed", "http.request_content_length", "http.response_content_length",
  "error.type", REQUEST_ID,
  // Fastify's request, handler and hook spans.
  "fastify.type", "fastify.root", "hook.name", "hook.callback.name", "service.name",
  // GraphQL: the document with every literal replaced by "*" (allowValues: false), names and paths of fields.
  "graphql.operation.name", "graphql.operation.type", "graphql.source", "graphql.field.name", "graphql.field.path", "graphql.field.type", "graphql.parent.name",
  // Statements (statement-span.ts): the text with its parameters as placeholders, never their values.
  "db.system", "db.system.name", "db.namespace", "db.name", "db.operation.name", "db.query.text", "db.response.status_code",
]);

/** A request's target: kept without its query string, and without a comment's receipt number. */
const PATHS = new Set(["http.target", "url.path"]);

function allowListed(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (KEPT.has(key)) kept[key] = value;
    else if (PATHS.has(key) && typeof value === "string") kept[key] = loggablePath(value);
  }
  return kept;
}

/** An event (an exception, in practice) keeps its name and the error's class, never its message or stack. */
const IDENTIFIER = /^[A-Za-z_$][\w$.]{0,62}$/;
const exceptionType = (value: AttributeValue | undefined) => (typeof value === "string" && IDENTIFIER.test(value) ? { "exception.type": value } : {});

/** The span as exported: the same span, with allow-listed attributes, events without messages and a status without its text. */
export function allowListedSpan(span: tracing.ReadableSpan): tracing.ReadableSpan {
  return Object.create(span, {
    attributes: { value: allowListed(span.attributes), enumerable: true },
    events: { value: span.events.map((event) => ({ name: event.name, time: event.time, attributes: exceptionType(event.attributes?.["exception.type"]) })), enumerable: true },
    status: { value: { code: span.status.code }, enumerable: true },
  }) as tracing.ReadableSpan;
}

/** An exporter that sends every span through `allowListedSpan` first. */
export class AllowListedSpans implements tracing.SpanExporter {
  constructor(private readonly exporter: tracing.SpanExporter) {}

  export(spans: tracing.ReadableSpan[], done: (result: core.ExportResult) => void): void {
    this.exporter.export(spans.map(allowListedSpan), done);
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
}
