// The entry point. Tracing, when an OTLP endpoint is configured, must start before the modules it
// instruments are loaded: ESM loads a module's whole static import graph before running any of it,
// so the server comes in by a dynamic import, after the tracing has started (or been left off).
import { startTracing } from "./operations/tracing.js";

await startTracing();
await import("./serve.js");
