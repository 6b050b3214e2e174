import { randomUUID } from "node:crypto";
import { type SqlRunner } from "../shared/sql-runner.js";

/**
 * Takes the lease when nobody holds it, its holder let it expire, or this holder holds it already.
 * One statement: two instances asking at once are ordered by the row's lock, and the second sees
 * the first's lease. Times are the database's, the one clock every instance shares.
 */
const TAKE = `INSERT INTO shared_state.leases AS l (name, holder, taken_at, expires_at)
VALUES ($1, $2::uuid, now(), now() + make_interval(secs => $3::int))
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, taken_at = excluded.taken_at, expires_at = excluded.expires_at
WHERE l.expires_at < now() OR l.holder = excluded.holder
RETURNING holder`;

const RENEW = "UPDATE shared_state.leases SET expires_at = now() + make_interval(secs => $3::int) WHERE name = $1 AND holder = $2::uuid RETURNING holder";

const RELEASE = "DELETE FROM shared_state.leases WHERE name = $1 AND holder = $2::uuid";

/**
 * A lease row: background work that one instance at a time should do (DESIGN §6). Not a session
 * advisory lock: PGlite has one session, in which such a lock is taken again by anyone who asks,
 * and postgres.js would have to hold a connection out of its pool for the lock's whole life. A
 * holder that dies leaves the lease to expire after `ttlSeconds`; a live one renews it as it goes.
 */
export class Lease {
  /** This holder, for as long as the object lives. */
  readonly holder = randomUUID();

  constructor(
    private readonly database: SqlRunner,
    readonly name: string,
    private readonly ttlSeconds: number,
  ) {}

  /** Whether this holder holds the lease now. */
  async take(): Promise<boolean> {
    return (await this.database.query(TAKE, [this.name, this.holder, this.ttlSeconds], { prepare: true })).length === 1;
  }

  /** Extends the lease; false when it was lost (it expired and another took it). */
  async renew(): Promise<boolean> {
    return (await this.database.query(RENEW, [this.name, this.holder, this.ttlSeconds], { prepare: true })).length === 1;
  }

  async release(): Promise<void> {
    await this.database.query(RELEASE, [this.name, this.holder]);
  }
}
