// `npm run docs:roles`: writes the table of who may call what into docs/access.md (a test fails when it is stale).
import "reflect-metadata";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { operationRoles, viewerRoles } from "./operation-roles.js";

export const ROLES_START = "<!-- who may call what: generated from src/access/operation-roles.ts by `npm run docs:roles`, do not edit by hand -->";
export const ROLES_END = "<!-- end of who may call what -->";

const heading: Record<(typeof viewerRoles)[number], string> = { ANONYMOUS: "anonymous", RESEARCHER: "researcher", LEGAL_REVIEWER: "legal reviewer", EDITOR: "editor", ADMIN: "admin" };

export function operationRolesMarkdown(): string {
  const rows = (["Query", "Mutation"] as const).flatMap((operation) =>
    Object.entries(operationRoles[operation]).map(([field, { roles, note }]) =>
      `| \`${field}\` | ${operation.toLowerCase()} | ${viewerRoles.map((role) => (roles.includes(role) ? "✓" : "—")).join(" | ")} | ${note ?? ""} |`,
    ),
  );
  return [ROLES_START, "", `| operation | kind | ${viewerRoles.map((role) => heading[role]).join(" | ")} | also |`, `|---|---|${viewerRoles.map(() => ":-:").join("|")}|---|`, ...rows, "", ROLES_END].join("\n");
}

/** The access document with its table replaced by the current one. */
export function withOperationRoles(document: string): string {
  const start = document.indexOf(ROLES_START);
  const end = document.indexOf(ROLES_END);
  if (start < 0 || end < start) throw new Error("docs/access.md has no who-may-call-what markers");
  return document.slice(0, start) + operationRolesMarkdown() + document.slice(end + ROLES_END.length);
}

/** The document on who may do what, which holds the table between its markers. */
export const accessDocFile = fileURLToPath(new URL("../../docs/access.md", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(accessDocFile, withOperationRoles(await readFile(accessDocFile, "utf8")));
  console.log(`Wrote the table of who may call what into ${accessDocFile}`);
}
