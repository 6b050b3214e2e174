import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DISCLOSURE_ROLE, WRITER_ROLE, type AppDb, type Database, StatementCounter } from "./database.js";
import * as tables from "./tables.js";

export interface PostgresOptions {
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const statements = new StatementCounter();
  const logger = { logQuery: (q: string) => statements.record(q) };
  const common = { max: options.max ?? 10, onnotice: () => {} };
  const privileged = postgres(url, common);
  // Every connection of this pool starts as the restricted role (a startup parameter), so the
  // public path never runs with the privileges of the owner of the base tables.
  const disclosed = postgres(url, { ...common, connection: { role: DISCLOSURE_ROLE } });
  const db = drizzle({ client: privileged, schema: tables, logger }) as unknown as AppDb;
  const disclosedDb = drizzle({ client: disclosed, schema: tables, logger }) as unknown as AppDb;
  return {
    kind: "postgres",
    db,
    statements,
    readDisclosed: (read) => read(disclosedDb),
    asWriter: (work) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL ROLE ${WRITER_ROLE}`));
        return work(tx as unknown as AppDb);
      }),
    query: async <T extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      statements.record(text);
      const rows = await privileged.unsafe(text, (params ?? []) as never[]);
      return rows as unknown as T[];
    },
    close: async () => {
      await Promise.all([privileged.end({ timeout: 5 }), disclosed.end({ timeout: 5 })]);
    },
  };
}
