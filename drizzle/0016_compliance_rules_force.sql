-- The rules changed (art. 3(3)'s catalogue is ADVISORY and no longer counted in the overall state):
-- every decision's kept reports are computed again by the next refresh, before a query reads them.
INSERT INTO compliance_unassessed (decision_id) SELECT id FROM decisions ON CONFLICT DO NOTHING;
