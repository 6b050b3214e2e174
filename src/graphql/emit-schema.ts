// `npm run schema:emit`: writes the SDL to schema/schema.graphql (committed; a test fails when stale).
import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { printAppSchema } from "./schema.js";

export const schemaFile = fileURLToPath(new URL("../../schema/schema.graphql", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(schemaFile, await printAppSchema());
  console.log(`Wrote ${schemaFile}`);
}
