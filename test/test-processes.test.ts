import { describe, expect, it } from "vitest";
import { runProjectCommand } from "./support/project-command.js";

/** Whether a process of this machine is still running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// A test that starts a process ends it whatever happens (tests run in order within a file).
describe("processes a test starts", () => {
  let pid = 0;

  it("run while the test runs", async () => {
    const idle = runProjectCommand("test/support/idle-process.ts", [], {});
    pid = Number((await idle.printed(/idle process (\d+)/))[1]);
    expect(isRunning(pid)).toBe(true);
    // The test ends here without stopping it, as a failed assertion or a timeout would.
  });

  it("are ended when that test finishes", () => {
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid)).toBe(false);
  });
});
