/**
 * The kept compliance reports as each audience may read them: the public reads only reports computed
 * from the disclosure projection, and only for decisions that are public now.
 */
export function complianceViews(): string[] {
  const publicDecision = (alias: string) => `EXISTS (SELECT 1 FROM disclosure.decisions d WHERE d.id = ${alias}.decision_id)`;
  return [
    `CREATE VIEW disclosure.compliance_assessments AS SELECT a.decision_id, a.state, a.assessed_on FROM public.compliance_assessments a WHERE a.audience = 'PUBLIC' AND ${publicDecision("a")}`,
    `CREATE VIEW disclosure.compliance_results AS SELECT r.decision_id, r.rule, r.status FROM public.compliance_results r WHERE r.audience = 'PUBLIC' AND ${publicDecision("r")}`,
    `CREATE VIEW staff.compliance_assessments AS SELECT a.decision_id, a.state, a.assessed_on, a.queue_state, a.queue_due_on, a.queue_deadline_on, a.queue_deadline_set_by, a.queue_working_days, a.queue_short_period, a.queue_submitted_on, a.queue_reviewing_body_id FROM public.compliance_assessments a WHERE a.audience = 'STAFF'`,
    `CREATE VIEW staff.compliance_results AS SELECT r.decision_id, r.rule, r.status FROM public.compliance_results r WHERE r.audience = 'STAFF'`,
  ];
}
