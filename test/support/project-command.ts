import { spawn } from "node:child_process";
import { onTestFinished } from "vitest";

export interface ProjectCommand {
  exited: Promise<number | null>;
  /**
   * Resolves with the first match of `pattern` in what the process printed from character `from` of
   * its output on (all of it by default); rejects if the process ends first.
   */
  printed: (pattern: RegExp, from?: number) => Promise<RegExpMatchArray>;
  output: () => string;
  /** Standard output alone. */
  standardOutput: () => string;
  stop: (signal?: NodeJS.Signals) => void;
}

/**
 * Runs one of the project's own scripts (as `npm start`, `npm run seed`, `npm run keys` do) with extra
 * environment, from inside a test. The process is ended when the test finishes, whatever happened: a
 * failed assertion or a timeout must not leave a server running on the machine, nor holding the
 * directory the cleanup is about to remove.
 */
export function runProjectCommand(script: string, args: string[], env: Record<string, string>): ProjectCommand {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let standardOutput = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stdout.on("data", (chunk) => (standardOutput += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  onTestFinished(async () => {
    child.kill("SIGKILL");
    await exited;
  });
  const printed = (pattern: RegExp, from = 0) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.slice(from).match(pattern);
        if (match) resolve(match);
      };
      child.stdout.on("data", check);
      void exited.then(() => reject(new Error(`exited before printing ${pattern}:\n${output}`)));
      check();
    });
  return { exited, printed, output: () => output, standardOutput: () => standardOutput, stop: (signal = "SIGTERM") => child.kill(signal) };
}
