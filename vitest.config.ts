import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/support/longest-first.js";

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo disagree about which GraphQLSchema is real.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The fault tests cut and restore a real PostgreSQL server's connections, the query-plan
    // test checks the plans PostgreSQL runs for the benchmark (generic plans, as the server keeps
    // them), the pipelining test counts writes to PostgreSQL's socket, the cluster test runs two
    // server processes on one database (PGlite serves one process), the read-replica test makes a
    // streaming replica of the server: they run in the PostgreSQL run (DATABASE_URL set, as
    // .ci/run's second pass), not in the zero-setup PGlite run.
    exclude: process.env.DATABASE_URL ? [] : ["test/faults.test.ts", "test/query-plans.test.ts", "test/pipelining.test.ts", "test/cluster.test.ts", "test/read-replicas.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // type-graphql needs the metadata polyfill before any decorated class is loaded.
    setupFiles: ["reflect-metadata"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one on the 2-core machines CI runs on, which
    // left the second core idle. Each file has its own database, so files run side by side safely.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps its modules from one test file to the next instead of importing the server
    // again for each (2-3 s a file). Safe here: every file opens its own database and server, and no
    // test replaces a module or changes the environment. PGlite pass 418 -> 314 s, PostgreSQL 238 -> 187 s.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
