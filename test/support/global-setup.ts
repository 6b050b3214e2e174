import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { loadSampleData } from "../../seeds/load.js";
import { migrate } from "../../src/db/migrate.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import { databaseUrlFor } from "./database-url.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates and seeds once; each test file then starts from a copy: a PGlite data-directory dump
 * (initdb takes seconds, loading a dump a fraction of one), or a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite();
    await migrate(database);
    await loadSampleData(database);
    const client = (database.db as unknown as { $client: { dumpDataDir: (c: "gzip") => Promise<Blob> } }).$client;
    const dump = join(tmpdir(), `decisions-test-${process.pid}.tar.gz`);
    await writeFile(dump, Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer()));
    await database.close();
    project.provide("pgliteDump", dump);
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
