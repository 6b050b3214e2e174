import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { StartupError } from "../operations/startup-error.js";

/**
 * PGlite runs PostgreSQL inside the process that opens it, and two processes on one data directory
 * each keep their own view of it: a key that `npm run keys` wrote while the server ran was refused by
 * the server until a restart, and their writes can overwrite each other's. So every process that opens
 * a PGlite directory takes this lock first — a file in the directory naming its pid and what it is —
 * and gives it back when it closes the database (or exits). A lock whose process is gone is stale and
 * taken over.
 */
const LOCK_FILE = "decisions-api.pid";

/** Who holds a data directory's lock. */
export interface LockHolder {
  pid: number;
  /** What the holder is: "the server", "npm run keys", … */
  what: string;
}

/** The data directory is open in another process. */
export class DataDirInUseError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`The PGlite database in ${dataDir} is in use by ${holder.what} (pid ${holder.pid}); PGlite serves one process at a time: stop that process first, or point DATABASE_URL at a PostgreSQL server.`);
  }
}

/** Lock files this process holds, so that a second open of the same directory here is refused too. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holderOf(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of a PGlite data directory (created if absent) for this process; returns how to give
 * it back. Throws DataDirInUseError while a live process holds it.
 */
export function lockDataDir(dataDir: string, what: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  // Written whole under another name, then linked into place: a reader never sees half a lock, and
  // of two processes linking at once exactly one succeeds.
  const draft = `${path}.${process.pid}`;
  const fd = openSync(draft, "w");
  writeSync(fd, JSON.stringify({ pid: process.pid, what } satisfies LockHolder));
  closeSync(fd);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(draft, path);
        held.add(path);
        const release = () => {
          if (!held.delete(path)) return;
          if (holderOf(path)?.pid === process.pid) rmSync(path, { force: true });
          process.off("exit", release);
        };
        process.on("exit", release);
        return release;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const holder = holderOf(path);
        // A lock naming this process that it does not hold was left by an earlier process with the same pid.
        if (held.has(path) || (holder && holder.pid !== process.pid && alive(holder.pid))) throw new DataDirInUseError(dataDir, holder ?? { pid: process.pid, what: "this process" });
        rmSync(path, { force: true });
      }
    }
    throw new StartupError(`Could not take the lock of the PGlite database in ${dataDir} (${path}).`);
  } finally {
    rmSync(draft, { force: true });
  }
}
