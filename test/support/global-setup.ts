import "reflect-metadata";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { loadSampleData } from "../../seeds/load.js";
import { type Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import { databaseUrlFor } from "./database-url.js";
import { cachedFile, preparationFingerprint } from "./prepared-database-cache.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates and seeds once; each test file then starts from a copy: a PGlite data-directory dump
 * (initdb takes seconds, loading a dump a fraction of one), or a PostgreSQL template database.
 * The PGlite dump is kept between runs until the code that shapes it changes, so running one
 * test file costs the file, not a fresh database.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide("pgliteDump", await preparedPgliteDump());
    project.provide("postgresTemplate", "");
    return;
  }
  const template = `decisions_test_template_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
  await admin.unsafe(`CREATE DATABASE ${template}`);
  const database = openPostgres(databaseUrlFor(url, template), { max: 2 });
  await migrate(database);
  await loadSampleData(database);
  await database.close();
  project.provide("pgliteDump", "");
  project.provide("postgresTemplate", template);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

type DumpingClient = { dumpDataDir: (compression: "gzip") => Promise<Blob> };

async function dumpOf(database: Database): Promise<Uint8Array> {
  const client = (database.db as unknown as { $client: DumpingClient }).$client;
  return new Uint8Array(await (await client.dumpDataDir("gzip")).arrayBuffer());
}

/** A fresh cluster (initdb is most of the cost of a new PGlite), kept per PGlite build. */
async function emptyPgliteDump(): Promise<string> {
  const version = JSON.parse(await readFile(new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url), "utf8")) as { version: string };
  return cachedFile("pglite-empty", version.version, async () => {
    const database = await openPglite();
    try {
      return await dumpOf(database);
    } finally {
      await database.close();
    }
  });
}

async function preparedPgliteDump(): Promise<string> {
  return cachedFile("pglite-seeded", await preparationFingerprint(), async () => {
    const database = await openPglite({ loadDataDir: new Blob([await readFile(await emptyPgliteDump())]) });
    try {
      await migrate(database);
      await loadSampleData(database);
      return await dumpOf(database);
    } finally {
      await database.close();
    }
  });
}
