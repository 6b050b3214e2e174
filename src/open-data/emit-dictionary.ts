// `npm run docs:dictionary`: writes the data dictionary into README.md (a test fails when it is stale).
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { withDictionary } from "./dictionary.markdown.js";

export const readmeFile = fileURLToPath(new URL("../../README.md", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(readmeFile, withDictionary(await readFile(readmeFile, "utf8")));
  console.log(`Wrote the data dictionary into ${readmeFile}`);
}
