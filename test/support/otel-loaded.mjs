// Preloaded into a server process by the tracing test (NODE_OPTIONS=--import): at exit, says on
// standard error whether any of OpenTelemetry's SDK was loaded and what was registered with its API.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
process.on("exit", () => {
  const sdkModules = Object.keys(require.cache).filter((path) => /[\\/]@opentelemetry[\\/](sdk-|exporter-|instrumentation)/.test(path)).length;
  const api = globalThis[Symbol.for("opentelemetry.js.api.1")];
  const registered = Object.keys(api ?? {}).filter((key) => key !== "version");
  process.stderr.write(`opentelemetry in this process: ${JSON.stringify({ sdkModules, registered })}\n`);
});
