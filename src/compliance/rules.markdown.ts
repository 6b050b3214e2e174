// `npm run docs:rules` writes docs/compliance-rules.md from the rule set (a test fails when it is stale).
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { complianceRules } from "./rules.js";

export const rulesFile = fileURLToPath(new URL("../../docs/compliance-rules.md", import.meta.url));

export function rulesMarkdown(): string {
  const lines = [
    "# Compliance rules (程序合规规则)",
    "",
    "Generated from `src/compliance/rules.ts` by `npm run docs:rules`; do not edit by hand.",
    "",
    "Each decision is checked against every rule below and gets, per rule, one of SATISFIED, VIOLATED,",
    "PENDING (not due yet), NOT_APPLICABLE or NOT_ASSESSABLE (what the rule needs is withheld, or the",
    "official calendar does not cover the dates). The public's report reads the disclosed records only;",
    "legal reviewer, editor and admin keys get the report computed from the full records. Articles are those of",
    "the Interim Regulations on Major Administrative Decision-making Procedures (《重大行政决策程序暂行条例》,",
    "State Council Decree 713, 2019). Working days follow the official calendar (weekends, public holidays",
    "and make-up working days) as published by the State Council, from the `chinese-days` package.",
    "",
    "| Rule | Article | Severity | Requires | Applies when | Reads |",
    "|---|---|---|---|---|---|",
  ];
  for (const rule of complianceRules) {
    lines.push(`| \`${rule.id}\` | ${rule.article} | ${rule.severity} | ${rule.statement.zh}<br>${rule.statement.en} | ${rule.appliesWhen} | ${rule.reads.map((field) => `\`${field}\``).join(", ")} |`);
  }
  return lines.join("\n") + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(rulesFile, rulesMarkdown());
  console.log(`Wrote ${rulesFile}`);
}
