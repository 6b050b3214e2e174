import { errorChain } from "../db/database-error.js";

/** What drizzle's error text looks like: the statement, then its parameters' values. */
const FAILED_STATEMENT = /Failed query:|params:/i;

/**
 * A log line's message as the code wrote it: its first line, cut before anything that looks like a
 * failed statement's text, and never an error's message passed on as the line's (Fastify logs a
 * refused request with `error.message`; pino would too, given no message).
 */
export function loggableMessage(text: string | undefined, object: object | undefined): string {
  let message = (text ?? "").split("\n", 1)[0]!.slice(0, 200);
  const failed = FAILED_STATEMENT.exec(message);
  if (failed) message = message.slice(0, failed.index).trimEnd();
  const error = object instanceof Error ? object : (object as { err?: unknown } | undefined)?.err;
  for (const current of error ? errorChain(error) : []) {
    const quoted = typeof current.message === "string" ? current.message.split("\n", 1)[0]!.trim() : "";
    if (quoted && message.includes(quoted)) return "an error (its message is not logged)";
  }
  return message;
}

type Level = "debug" | "info" | "warn" | "error";
type Log = Record<Level, (object: object | string, message?: string) => void>;

/**
 * Apollo Server's own messages (it logs to the console unless given a logger), into the server's
 * log. Apollo writes an error into its text (`Unexpected error processing request: ${error}`), so
 * only the first clause of a message is kept, and an error is logged as an error (see loggableError).
 */
export function apolloLogger(log: Log): Record<Level, (message?: unknown) => void> {
  const at = (level: Level) => (message?: unknown) => {
    if (message instanceof Error) log[level]({ err: message }, "Apollo Server: an error");
    else log[level](`Apollo Server: ${String(message).split(/: |\. |\n/, 1)[0]!.slice(0, 200)}`);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
