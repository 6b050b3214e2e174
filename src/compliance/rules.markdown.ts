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
    "State Council Decree 713, 2019), unless another statute is named. Decree 713 governs governments' decisions",
    "(art. 2, 42): for a matter a village or community committee decides, every rule resting on it is",
    "NOT_APPLICABLE and `DECIDED_BY_VILLAGERS_MEETING` judges the villagers' or residents' meeting by the Organic",
    "Laws of the Villagers' and Urban Residents' Committees. Working days follow the official calendar (weekends, public holidays",
    "and make-up working days) as published by the State Council, from the `chinese-days` package.",
    "",
    "Each rule has the force the regulation's wording gives it. **MANDATORY** (应当, 不得): a breach is a",
    "violation. **GENERAL** (一般): the norm; an exception is lawful when its reason is on record, stated in",
    "time (the comment period's when it opens, the review time's when the draft is sent); a breach without one is a violation.",
    "**ADVISORY** (可以): a power the body may leave unused; the rule reports whether it was used and is",
    "never a violation. A decision's overall state is its worst result among the MANDATORY and GENERAL",
    "rules: ADVISORY rules do not count.",
    "",
    "The Chinese text of each rule quotes the paragraphs it cites (…… marks words left out); the English",
    "says what this service checks.",
    "",
    "| Rule | Article | Force | Requires | Applies when | Reads |",
    "|---|---|---|---|---|---|",
  ];
  for (const rule of complianceRules) {
    lines.push(`| \`${rule.id}\` | ${rule.article} | ${rule.force} | ${rule.statement.zh}<br>${rule.statement.en} | ${rule.appliesWhen} | ${rule.reads.map((field) => `\`${field}\``).join(", ")} |`);
  }
  lines.push(
    "",
    "## Duties not checked from the records",
    "",
    "- **Art. 31** (重大行政决策出台前应当按照规定向同级党委请示报告): the report to the Party committee is",
    "  made under the Party's own rules (按照规定), and a 请示报告 is process information that Decree 711",
    "  art. 16(2) lets the government leave unpublished. The public records of a decision cannot show",
    "  whether it was made, so no rule here can judge it from them.",
    "- **Art. 3(3)**'s consent of the Party committee to the catalogue (经同级党委同意) is for the same reason",
    "  not checked; the catalogue's publication is (`CATALOG_LISTED`).",
    "- **Art. 25(2)**, second sentence: an exploratory reform matter with no clear national rule may go to",
    "  deliberation with its legal risk stated. The records do not mark such matters, so",
    "  `LAWFUL_REVIEW_BEFORE_DELIBERATION` applies its first sentence to every decision.",
  );
  return lines.join("\n") + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(rulesFile, rulesMarkdown());
  console.log(`Wrote ${rulesFile}`);
}
