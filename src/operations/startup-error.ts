/**
 * A reason a command cannot start that the person running it can fix — the database is missing,
 * unreachable or in use by another process. Its message is one line saying what is wrong and what to
 * do; the commands print it alone (no stack trace) and exit with a non-zero code.
 */
export class StartupError extends Error {}

/** Runs a command's start; a StartupError is printed as its one line and the process exits with 1. */
export async function orExitOnStartupError<T>(start: () => Promise<T>, explain: (error: StartupError) => string = (error) => error.message): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(explain(error));
    process.exit(1);
  }
}
