import { pgSchema } from "drizzle-orm/pg-core";

/**
 * State the instances share that is not part of the record: rate-limit budgets, the key that hashes
 * client addresses, leases of background work. A schema of its own: neither the public role nor the
 * writer role has any grant on it (the projection's grants cover public, staff and disclosure only),
 * and a record's fingerprint in the tests does not move when a request spends a budget.
 */
export const sharedState = pgSchema("shared_state");
