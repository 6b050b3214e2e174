import { complianceRules } from "./rules.js";

/**
 * The kept compliance reports as each audience may read them: the public reads only reports computed
 * from the disclosure projection, and only for decisions that are public now.
 */
export function complianceViews(): string[] {
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  // The rules' articles and force are the code's, not kept: a CASE keeps the view's rows in the
  // order of the results' primary key, which the file's pages walk (a join would sort every page).
  const ruleCase = (of: (rule: (typeof complianceRules)[number]) => string) => `CASE r.rule ${complianceRules.map((rule) => `WHEN ${literal(rule.id)} THEN ${literal(of(rule))}`).join(" ")} END`;
  const publicDecision = (alias: string) => `EXISTS (SELECT 1 FROM disclosure.decisions d WHERE d.id = ${alias}.decision_id)`;
  return [
    `CREATE VIEW disclosure.compliance_assessments AS SELECT a.decision_id, a.state, a.assessed_on FROM public.compliance_assessments a WHERE a.audience = 'PUBLIC' AND ${publicDecision("a")}`,
    `CREATE VIEW disclosure.compliance_results AS SELECT r.decision_id, r.rule, r.status FROM public.compliance_results r WHERE r.audience = 'PUBLIC' AND ${publicDecision("r")}`,
    // The compliance-results open-data file: the public's kept results, one row per decision and rule.
    `CREATE VIEW disclosure.compliance_result_rows AS SELECT r.decision_id, r.rule, ${ruleCase((rule) => rule.article)} AS article, ${ruleCase((rule) => rule.force)} AS force, r.status, r.finding_zh, r.finding_en FROM public.compliance_results r WHERE r.audience = 'PUBLIC' AND ${publicDecision("r")}`,
    `CREATE VIEW staff.compliance_assessments AS SELECT a.decision_id, a.state, a.assessed_on, a.queue_state, a.queue_due_on, a.queue_deadline_on, a.queue_deadline_set_by, a.queue_working_days, a.queue_short_period, a.queue_submitted_on, a.queue_reviewing_body_id FROM public.compliance_assessments a WHERE a.audience = 'STAFF'`,
    `CREATE VIEW staff.compliance_results AS SELECT r.decision_id, r.rule, r.status FROM public.compliance_results r WHERE r.audience = 'STAFF'`,
  ];
}
