import { execFile } from "node:child_process";
import { chmod, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
/** Settings a hot standby must hold at least as high as its primary, or it refuses to start. */
const AT_LEAST_PRIMARY = ["max_connections", "max_worker_processes", "max_wal_senders", "max_prepared_transactions", "max_locks_per_transaction"];

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A second PostgreSQL cluster on another port, streaming from the server at `primaryUrl`
 * (`pg_basebackup -R`): a hot standby, as a deployment's read replica is. The server refuses to
 * run as root: when the test runs as root, the cluster's commands run as `postgres`.
 */
export class StreamingReplica {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    /** Debian's programs of the primary's major version: a standby must run the same. */
    private readonly bin: string,
  ) {}

  static async start(primaryUrl: string): Promise<StreamingReplica> {
    const dir = await mkdtemp(join(tmpdir(), "rep-replica-"));
    const major = Math.floor(Number(await primarySetting(primaryUrl, "server_version_num")) / 10_000);
    const replica = new StreamingReplica(dir, await freePort(), `/usr/lib/postgresql/${major}/bin`);
    try {
      await replica.create(primaryUrl);
      return replica;
    } catch (error) {
      await replica.stop();
      throw error;
    }
  }

  /** The replica's connection URL for a database of the primary. */
  urlFor(primaryUrl: string): string {
    const url = new URL(primaryUrl);
    url.port = String(this.port);
    return url.toString();
  }

  /** Stops the cluster (if it runs) and removes its directory. */
  async stop(): Promise<void> {
    await as(`${this.bin}/pg_ctl`, ["-D", this.data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private get data(): string {
    return join(this.dir, "data");
  }

  private async create(primaryUrl: string): Promise<void> {
    const url = new URL(primaryUrl);
    const asRoot = userInfo().uid === 0;
    if (asRoot) await chown(this.dir, ...(await postgresIds()));
    await chmod(this.dir, 0o700);
    try {
      await as(`${this.bin}/pg_basebackup`, ["-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username) || "postgres", "-D", this.data, "-R", "-X", "stream", "-c", "fast"], { PGPASSWORD: decodeURIComponent(url.password) });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? error);
      if (/replication connection|pg_hba\.conf/.test(stderr)) {
        const hba = await primarySetting(primaryUrl, "hba_file");
        throw new Error(`The PostgreSQL server at ${url.host} refuses replication connections: add "host replication all 127.0.0.1/32 trust" to ${hba} and run SELECT pg_reload_conf() (.ci/run does this). pg_basebackup said: ${stderr.trim()}`);
      }
      throw error;
    }
    // Debian keeps a cluster's configuration outside its data directory: the copy gets its own.
    const limits = await Promise.all(AT_LEAST_PRIMARY.map(async (name) => `${name} = ${await primarySetting(primaryUrl, name)}`));
    const conf = [`port = ${this.port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${this.dir}'`, "hot_standby = on", "fsync = off", ...limits].join("\n");
    await writeFile(join(this.data, "postgresql.conf"), conf + "\n");
    await writeFile(join(this.data, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
    if (asRoot) for (const file of ["postgresql.conf", "pg_hba.conf"]) await chown(join(this.data, file), ...(await postgresIds()));
    await as(`${this.bin}/pg_ctl`, ["-D", this.data, "-l", join(this.dir, "log"), "-w", "-t", "60", "start"]);
  }
}

/** Runs a PostgreSQL program, as `postgres` when this process is root. */
async function as(program: string, args: string[], env: Record<string, string> = {}) {
  const options = { env: { ...process.env, ...env } };
  return userInfo().uid === 0 ? run("runuser", ["-u", "postgres", "--", program, ...args], options) : run(program, args, options);
}

async function postgresIds(): Promise<[number, number]> {
  const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
  return [Number(uid.stdout), Number(gid.stdout)];
}

async function primarySetting(primaryUrl: string, name: string): Promise<string> {
  const sql = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql.unsafe<{ setting: string }[]>("SELECT setting FROM pg_settings WHERE name = $1", [name]);
    return row!.setting;
  } finally {
    await sql.end();
  }
}
