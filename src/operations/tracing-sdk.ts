import { type IncomingMessage } from "node:http";
import { register } from "node:module";
import { FastifyOtelInstrumentation } from "@fastify/otel";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { NodeSDK, tracing } from "@opentelemetry/sdk-node";
import { createAddHookMessageChannel } from "import-in-the-middle";
import { requestIdOf } from "./request-scope.js";
import { AllowListedSpans, REQUEST_ID } from "./span-allow-list.js";

/** The service's name in traces unless OTEL_SERVICE_NAME (or service.name in OTEL_RESOURCE_ATTRIBUTES) says otherwise. */
const SERVICE_NAME = "decision-disclosure-api";

/*
 * Loaded only when an OTLP endpoint is configured (see tracing.ts). What is traced: each HTTP request
 * (the server span, with the request id the response carries), Fastify's handling of it, GraphQL's
 * parse, validate and execute with the operation's name, and each SQL statement (src/db/statement-span.ts).
 * Withheld values must never leave the process (DESIGN §3): the instrumentations are told to record
 * no GraphQL variables or literal values, and every span passes through AllowListedSpans before it
 * is exported, which keeps only attributes known to hold no value (a path without its query string,
 * the parameterised SQL, names and codes) and drops every error's message.
 */
export async function startSdk(env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  // ESM: the modules instrumented by patching (graphql, node:http) are wrapped as they are loaded, by
  // import-in-the-middle's loader hook; through the message channel it wraps only those the
  // instrumentations name, and the server is imported once the hook has them all.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register("import-in-the-middle/hook.mjs", import.meta.url, registerOptions);
  const named = Boolean(env.OTEL_SERVICE_NAME?.trim()) || /(^|,)\s*service\.name\s*=/.test(env.OTEL_RESOURCE_ATTRIBUTES ?? "");
  const sdk = new NodeSDK({
    serviceName: named ? undefined : SERVICE_NAME,
    // Traces only: the metrics are Prometheus's (/metrics), the logs JSON lines on standard output.
    metricReaders: [],
    logRecordProcessors: [],
    // The batch's delay, size and timeouts from OTEL_BSP_*; the endpoint, headers and timeout from OTEL_EXPORTER_OTLP_*.
    spanProcessors: [new tracing.BatchSpanProcessor(new AllowListedSpans(new OTLPTraceExporter()))],
    instrumentations: [
      new HttpInstrumentation({
        // The server makes no HTTP calls of its own; the exporter's are not traced either.
        disableOutgoingRequestInstrumentation: true,
        // The request id (the caller's X-Request-Id or a new UUID) that the response gives back and
        // every log line of the request carries. Set here: Fastify writes its headers in one
        // writeHead, which the instrumentation's capture of response headers does not see.
        requestHook: (span, request) => {
          // An incoming request (outgoing ones are not traced); node:http is not imported here, before the hook.
          if ("httpVersion" in request) span.setAttribute(REQUEST_ID, [requestIdOf(request as IncomingMessage)]);
        },
      }),
      new FastifyOtelInstrumentation({ registerOnInitialization: true }),
      new GraphQLInstrumentation({
        // Never the variables' values nor the literals of the document (both may hold a withheld value an editor sends).
        allowValues: false,
        // One span per field of a list, not per item, and none for fields read off their object.
        mergeItems: true,
        ignoreTrivialResolveSpans: true,
        depth: 2,
      }),
    ],
  });
  sdk.start();
  await waitForAllMessagesAcknowledged();
  return () => sdk.shutdown();
}
