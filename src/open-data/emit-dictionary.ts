// `npm run docs:dictionary`: writes the data dictionary into docs/open-data.md (a test fails when it is stale).
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { withDictionary } from "./dictionary.markdown.js";

/** The open-data document, which holds the data dictionary between its markers. */
export const openDataDocFile = fileURLToPath(new URL("../../docs/open-data.md", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(openDataDocFile, withDictionary(await readFile(openDataDocFile, "utf8")));
  console.log(`Wrote the data dictionary into ${openDataDocFile}`);
}
