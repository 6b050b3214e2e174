/** Runtime configuration, from the environment only (DESIGN §5). */
export interface Config {
  port: number;
  host: string;
  /** Absent: embedded PostgreSQL (PGlite) in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR ?? "./data",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}
