import { type DecisionFile } from "./decision-file.js";
import { type ComplianceRule, FileView, judge, type RuleOutcome, type RuleStatus } from "./rule.js";
import { complianceRules } from "./rules.js";

export type ComplianceState = "COMPLIANT" | "PENDING" | "NOT_ASSESSABLE" | "VIOLATED";

export interface RuleResult extends RuleOutcome {
  rule: ComplianceRule;
}

export interface ComplianceReport {
  decisionId: string;
  audience: DecisionFile["audience"];
  state: ComplianceState;
  /** The day the report was computed for: evaluation takes "today" as an input, never the clock. */
  assessedOn: string;
  results: RuleResult[];
  reassessOn: string | null;
}

/**
 * The worst status decides the whole; rules that do not apply do not count, nor do ADVISORY rules
 * (可以: a power the body may leave unused). A GENERAL rule's exception with its reason on record is
 * SATISFIED by the rule itself, so only MANDATORY breaches and GENERAL ones without a reason count.
 */
const weight: Record<RuleStatus, number> = { NOT_APPLICABLE: 0, SATISFIED: 0, PENDING: 1, NOT_ASSESSABLE: 2, VIOLATED: 3 };
const stateOf = (results: RuleResult[]): ComplianceState => {
  const worst = Math.max(0, ...results.filter((result) => result.rule.force !== "ADVISORY").map((result) => weight[result.status]));
  return (["COMPLIANT", "PENDING", "NOT_ASSESSABLE", "VIOLATED"] as const)[worst]!;
};

export function evaluateCompliance(file: DecisionFile, today: string): ComplianceReport {
  const view = new FileView(file);
  const results = complianceRules.map((rule) => ({ rule, ...judge(rule, view, today) }));
  const reassess = results.map((result) => result.reassessOn).filter((day): day is string => Boolean(day)).sort();
  return { decisionId: file.decision.id, audience: file.audience, state: stateOf(results), assessedOn: today, results, reassessOn: reassess[0] ?? null };
}
