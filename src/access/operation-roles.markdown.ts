// `npm run docs:roles`: writes the table of who may call what into README.md (a test fails when it is stale).
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

export function withOperationRoles(readme: string): string {
  const start = readme.indexOf(ROLES_START);
  const end = readme.indexOf(ROLES_END);
  if (start < 0 || end < start) throw new Error("README.md has no who-may-call-what markers");
  return readme.slice(0, start) + operationRolesMarkdown() + readme.slice(end + ROLES_END.length);
}

const readmeFile = fileURLToPath(new URL("../../README.md", import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(readmeFile, withOperationRoles(await readFile(readmeFile, "utf8")));
  console.log(`Wrote the table of who may call what into ${readmeFile}`);
}
