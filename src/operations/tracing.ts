/**
 * OpenTelemetry traces, off unless an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT). Off, nothing of the SDK is loaded: this file imports none of
 * it, and the database's spans go to the API's no-op tracer. On, the SDK is loaded and started here,
 * before the entry point imports the server.
 */

/** Whether `env` names an OTLP endpoint for traces (and OTEL_SDK_DISABLED does not turn them off). */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim());
}

let flush: (() => Promise<void>) | undefined;

/** Starts the SDK when configured; a no-op otherwise. */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!tracingConfigured(env)) return;
  const { startSdk } = await import("./tracing-sdk.js");
  flush = await startSdk();
}

/** Whether the SDK was started: the database's clients are wrapped for spans only then. */
export function tracingStarted(): boolean {
  return flush !== undefined;
}

/** Sends the spans still buffered and stops the SDK (at shutdown); nothing when tracing is off. */
export async function stopTracing(): Promise<void> {
  await flush?.();
}
