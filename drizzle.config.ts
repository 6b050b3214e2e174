import { defineConfig } from "drizzle-kit";

// Migrations are generated from the table definitions and applied at start-up by src/db/migrate.ts.
// The disclosure projection (schema "disclosure") is derived from these tables in code, not here.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/tables.ts",
  out: "./drizzle",
  schemaFilter: ["public", "shared_state"],
});
