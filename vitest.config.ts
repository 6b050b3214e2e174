import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo disagree about which GraphQLSchema is real.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The fault tests cut and restore a real PostgreSQL server's connections, the query-plan
    // test checks the plans PostgreSQL runs for the benchmark (generic plans, as the server keeps
    // them), the pipelining test counts writes to PostgreSQL's socket: they run in the PostgreSQL
    // run (DATABASE_URL set, as .ci/run's second pass), not in the zero-setup PGlite run.
    exclude: process.env.DATABASE_URL ? [] : ["test/faults.test.ts", "test/query-plans.test.ts", "test/pipelining.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // type-graphql needs the metadata polyfill before any decorated class is loaded.
    setupFiles: ["reflect-metadata"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
