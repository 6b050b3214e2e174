/** A public GraphQL answer as it was sent, kept under the disclosure epoch it was computed in. */
export interface CachedAnswer {
  epoch: number;
  /** Encoded once when kept: a hit sends the bytes as they are. */
  body: Buffer;
  etag: string;
  contentType: string;
  /** performance.now() after which it is not served (answers that depend on the clock go stale too). */
  expiresAt: number;
  operation: string | undefined;
}

/**
 * Answers by key, least recently used first out, within a budget of bytes. An answer is served only
 * under the epoch it was computed in: once the instance knows a newer one, the older answers are
 * never served again (and are dropped as they are met).
 */
export class ResponseCache {
  private readonly answers = new Map<string, CachedAnswer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  get(key: string, epoch: number, now: number): CachedAnswer | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    if (answer.epoch !== epoch || now >= answer.expiresAt) {
      this.drop(key, answer);
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.answers.delete(key);
    this.answers.set(key, answer);
    return answer;
  }

  set(key: string, answer: CachedAnswer): void {
    const size = sizeOf(key, answer);
    // One answer may take at most an eighth of the budget: a few huge answers must not push out the many small ones.
    if (size > this.maxBytes / 8) return;
    const old = this.answers.get(key);
    if (old) this.drop(key, old);
    this.answers.set(key, answer);
    this.bytes += size;
    for (const [oldest, evicted] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, evicted);
    }
  }

  get size(): number {
    return this.answers.size;
  }

  private drop(key: string, answer: CachedAnswer): void {
    this.answers.delete(key);
    this.bytes -= sizeOf(key, answer);
  }
}

/** The key's characters at two bytes each, as V8 may keep them, and the answer's bytes. */
const sizeOf = (key: string, answer: CachedAnswer) => 2 * (key.length + answer.etag.length) + answer.body.byteLength + 200;
