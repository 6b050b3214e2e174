import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql and Apollo disagree about which GraphQLSchema is real.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // type-graphql needs the metadata polyfill before any decorated class is loaded.
    setupFiles: ["reflect-metadata"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
