/**
 * What this process knows of the disclosure epoch (src/public-cache/epoch.sql.ts): the highest epoch
 * it has heard of — from a notification, a poll, or a write of its own — and when the database last
 * confirmed it. The known epoch only goes up.
 */
export class DisclosureEpoch {
  private known = 0;
  private confirmedAt = Number.NEGATIVE_INFINITY;

  learn(epoch: number): void {
    if (epoch > this.known) this.known = epoch;
  }

  /** A poll's answer: the committed epoch was at least `epoch` at `askedAt` (performance.now()). */
  confirm(epoch: number, askedAt: number): void {
    this.learn(epoch);
    this.confirmedAt = Math.max(this.confirmedAt, askedAt);
  }

  /**
   * The known epoch, or null when the database has not confirmed it for `maxAgeMs`: an instance cut
   * off from the primary could be missing advances, and then trusts no kept answer.
   */
  current(now: number, maxAgeMs: number): number | null {
    return now - this.confirmedAt <= maxAgeMs ? this.known : null;
  }
}
