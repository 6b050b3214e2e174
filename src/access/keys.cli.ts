// `npm run keys -- create --name <name> --role <researcher|legal_reviewer|editor|admin>`
// `npm run keys -- list`
// `npm run keys -- revoke <key id>`
import { parseArgs } from "node:util";
import { appendAudit } from "../audit/audit-trail.js";
import { loadConfig } from "../config.js";
import { migrate } from "../db/migrate.js";
import { isUuidText } from "../graphql/global-id.js";
import { DataDirInUseError } from "../db/data-dir-lock.js";
import { openDatabase } from "../db/open.js";
import { orExitOnStartupError } from "../operations/startup-error.js";
import { createKey, listKeys, revokeKey } from "./api-key.service.js";
import { keyRole } from "./api-key.table.js";
import { type KeyRole } from "./viewer.js";

const operator = { keyId: null, role: "OPERATOR" };
const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: "string" }, role: { type: "string" } } });
const [command, argument] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

// On PGlite the server holds the data directory while it runs (see data-dir-lock.ts): a key written
// beside it would not be seen by it, so the command refuses and says how to get a key instead.
const database = await orExitOnStartupError(
  () => openDatabase(loadConfig(), "npm run keys"),
  (error) => (error instanceof DataDirInUseError ? `${error.message} To add a key while the server runs, send the apiKeyCreate mutation with an admin key.` : error.message),
);
try {
  await migrate(database);
  if (command === "create") {
    const role = values.role?.toUpperCase() as KeyRole;
    if (!values.name) fail("create needs --name");
    if (!keyRole.enumValues.includes(role)) fail(`--role must be one of ${keyRole.enumValues.join(", ").toLowerCase()}`);
    const { key, secret } = await database.asWriter(async (db) => {
      const created = await createKey(db, values.name!, role);
      await appendAudit(db, operator, { action: "apiKeyCreate", recordType: "api_keys", recordId: created.key.id, before: null, after: { ...created.key, secretHash: undefined } });
      return created;
    });
    console.log(`Created ${key.role.toLowerCase()} key "${key.name}" (id ${key.id}).`);
    console.log(`Secret (shown once, store it now): ${secret}`);
  } else if (command === "list") {
    for (const key of await database.asWriter(listKeys)) {
      console.log([key.id, key.role.toLowerCase(), key.name, key.secretPrefix + "…", `created ${key.createdAt.toISOString()}`, key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used", key.revokedAt ? `REVOKED ${key.revokedAt.toISOString()}` : "active"].join("\t"));
    }
  } else if (command === "revoke") {
    if (!argument || !isUuidText(argument)) fail("revoke needs the key id (a UUID, as `list` shows it)");
    const revoked = await database.asWriter(async (db) => {
      const result = await revokeKey(db, argument);
      if (result) await appendAudit(db, operator, { action: "apiKeyRevoke", recordType: "api_keys", recordId: argument, before: { revokedAt: result.before.revokedAt }, after: { revokedAt: result.after.revokedAt } });
      return result;
    });
    if (!revoked) fail(`No key ${argument}.`);
    console.log(`Revoked key ${argument}.`);
  } else {
    fail("usage: npm run keys -- create --name <name> --role <researcher|legal_reviewer|editor|admin> | list | revoke <id>");
  }
} finally {
  await database.close();
}
