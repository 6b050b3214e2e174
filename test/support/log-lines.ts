/** A server's JSON log lines, collected, with a way to wait for a line without sleeping. */
export class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  private readonly waiting: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];

  /** The destination to give the server. */
  readonly destination = {
    write: (text: string) => {
      const line = JSON.parse(text) as Record<string, unknown>;
      this.lines.push(line);
      for (const waiter of [...this.waiting]) {
        if (!waiter.match(line)) continue;
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    },
  };

  /** The `work` of the first line of background work with this `event`, as soon as it is written (now, if it was). */
  next(event: string): Promise<Record<string, unknown>> {
    const match = (line: Record<string, unknown>) => workOf(line)?.event === event;
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(workOf(seen)!);
    return new Promise((resolve) => this.waiting.push({ match, resolve: (line) => resolve(workOf(line)!) }));
  }

  withEvent(event: string): Record<string, unknown>[] {
    return this.lines.filter((line) => workOf(line)?.event === event);
  }
}

const workOf = (line: Record<string, unknown>) => line.work as Record<string, unknown> | undefined;
