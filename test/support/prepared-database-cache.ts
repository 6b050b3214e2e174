import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleToday } from "../../seeds/load.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Where prepared PGlite databases are kept between test runs: inside node_modules, like other tools'
 * caches, so `npm ci` starts it afresh and nothing lands in /tmp or the working tree.
 */
export const cacheDirectory = join(root, "node_modules", ".cache", "decisions-tests");

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A digest of everything that shapes the migrated, seeded database: the migrations, the sample data,
 * the product code that loads it, the PGlite build, and the sample's load day (China Standard Time:
 * its decisions in progress and its history are dated from it). Any change to them makes a new database.
 */
export async function preparationFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const files = (await Promise.all(["drizzle", "seeds", "src"].map((folder) => filesUnder(join(root, folder))))).flat().sort();
  for (const file of files) hash.update(relative(root, file)).update("\0").update(await readFile(file)).update("\0");
  hash.update(await readFile(join(root, "node_modules", "@electric-sql", "pglite", "package.json")));
  hash.update(sampleToday());
  return hash.digest("hex").slice(0, 16);
}

/**
 * The file `name` from the cache, made by `make` when it is not there. Written under a temporary name
 * and renamed, so a run that starts beside this one never reads half a file; files of the same
 * `family` made from older fingerprints are removed.
 */
export async function cachedFile(family: string, fingerprint: string, make: () => Promise<Uint8Array>): Promise<string> {
  const path = join(cacheDirectory, `${family}-${fingerprint}.tar.gz`);
  if (existsSync(path)) return path;
  await mkdir(cacheDirectory, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, await make());
  await rename(partial, path);
  for (const stale of await readdir(cacheDirectory)) {
    if (stale.startsWith(`${family}-`) && stale !== `${family}-${fingerprint}.tar.gz` && !stale.endsWith(".partial")) {
      await rm(join(cacheDirectory, stale), { force: true });
    }
  }
  return path;
}
