import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";

const WHOLE_RECORD = /* GraphQL */ `
  query WholeRecord($search: String!) {
    decisions(first: 1, filter: { search: $search }) {
      totalCount
      nodes {
        id catalogYear catalogNumber title summary category stage status budgetYuan initiatedOn createdAt updatedAt
        region { id name level parent { name } }
        decidingBody { id name kind region { name } }
        undertakingBody { name }
        withheld { scope field recordKind ground article explanation since reviewDue decidedBy { name } }
        basis { totalCount nodes { kind position title citation content withheld { field } } }
        consultations {
          totalCount
          nodes {
            id method opensOn closesOn place participants participantCount summary adoptionFeedback
            withheld { field ground }
            comments(first: 100) { totalCount nodes { stakeholderCategory text adoptionResult reply submittedAt withheld { field ground } } }
          }
        }
        expertReviews { nodes { reviewerKind reviewerName method necessityOpinion feasibilityOpinion soundnessOpinion conclusion signed } }
        riskAssessments { nodes { assessor overallLevel controllability riskPoints measures contingencyPlan conclusion findings { dimension level findings } } }
        legalityReviews { nodes { submittedOn completedOn result opinion reviewingBody { name } } }
        deliberations { nodes { meeting heldOn outcome dissent } }
        publication { documentNumber publishedOn fullText adoptionExplanation decision { id } }
        implementationReports { nodes { kind reportedOn content } }
        postEvaluations { nodes { evaluator evaluatedOn findings recommendation } }
        attachments { nodes { kind title mediaType url byteSize } }
      }
    }
  }
`;

describe("a resident reads a decision's public record", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("finds the village photovoltaic project, adopted after five consultation meetings, with every part of its record", async () => {
    const { decisions } = await api.data(WHOLE_RECORD, { search: "光伏發電" });
    expect(decisions.totalCount).toBe(1);
    const decision = decisions.nodes[0];
    expect(decision.title).toContain("光伏發電");
    expect(decision.region.level).toBe("VILLAGE");
    expect(decision.decidingBody.name).toBeTruthy();
    expect(decision.consultations.totalCount).toBe(5);
    expect(decision.consultations.nodes.every((c: { method: string }) => c.method === "CONSULTATION_MEETING")).toBe(true);
    const comments = decision.consultations.nodes.flatMap((c: { comments: { nodes: unknown[] } }) => c.comments.nodes);
    expect(comments.length).toBeGreaterThan(5);
    expect(comments.some((c: { reply: string | null }) => c.reply)).toBe(true);
    expect(decision.publication?.documentNumber).toBeTruthy();
    expect(decision.publication.decision.id).toBe(decision.id);
    expect(decision.implementationReports.nodes.length).toBeGreaterThan(0);
    expect(decision.legalityReviews.nodes.length).toBeGreaterThan(0);
  });

  it("finds the town comprehensive-governance centre built for 3 million yuan", async () => {
    const { decisions } = await api.data(WHOLE_RECORD, { search: "綜合治理中心" });
    expect(decisions.nodes[0].budgetYuan).toBe(3_000_000);
    expect(decisions.nodes[0].region.level).toBe("TOWN");
  });

  it("shows risk assessments with their findings on all four dimensions", async () => {
    const { decisions } = await api.data(`{ decisions(first: 100, filter: { hasRiskAssessment: true }) { nodes { riskAssessments { nodes { findings { dimension level findings } } } } } }`);
    const findings = decisions.nodes.flatMap((d: any) => d.riskAssessments.nodes).map((a: any) => a.findings.map((f: any) => f.dimension).sort());
    expect(findings).toContainEqual(["ECONOMY", "ENVIRONMENT", "PUBLIC_SAFETY", "SOCIAL_STABILITY"]);
  });

  it("never shows comments awaiting moderation or rejected, nor any commenter's name or contact", async () => {
    const result = await api.anonymous(`{ decisions(first: 100) { nodes { consultations(first: 100) { nodes { comments(first: 100) { nodes { id text } } } } } } }`);
    const rows = await api.database.query<{ commenter_name: string | null; commenter_contact: string | null; text: string; moderation_state: string }>(
      "SELECT commenter_name, commenter_contact, text, moderation_state FROM comments",
    );
    const unpublished = rows.filter((r) => r.moderation_state !== "PUBLISHED");
    expect(unpublished.length).toBeGreaterThan(0);
    for (const row of unpublished) expect(result.raw).not.toContain(row.text);
    for (const row of rows) {
      if (row.commenter_name) expect(result.raw).not.toContain(row.commenter_name);
      if (row.commenter_contact) expect(result.raw).not.toContain(row.commenter_contact);
    }
  });

  it("gives a notice for each withheld part: which field, legal ground, article, since when, explanation", async () => {
    const { decisions } = await api.data(`{
      decisions(first: 100, orderBy: { field: CATALOG, direction: ASC }) { nodes {
        withheld { scope field recordKind ground article explanation since reviewDue decidedBy { name } }
        riskAssessments { nodes { withheld { scope field ground article } } }
        deliberations { nodes { dissent withheld { scope field ground article explanation since } } }
      } }
    }`);
    const notices = decisions.nodes.flatMap((d: any) => [...d.withheld, ...d.riskAssessments.nodes.flatMap((r: any) => r.withheld), ...d.deliberations.nodes.flatMap((r: any) => r.withheld)]);
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(notice.field).toBeTruthy();
      expect(notice.ground).toBeTruthy();
      expect(notice.article).toMatch(/第.+條/);
    }
    const dissent = decisions.nodes.flatMap((d: any) => d.deliberations.nodes).find((m: any) => m.withheld.some((n: any) => n.field === "dissent"));
    if (dissent) expect(dissent.dissent).toBeNull();
    expect(notices.some((n: any) => n.scope === "RECORD" && n.recordKind)).toBe(true);
  });

  it("fetches any object by node(id) and nodes(ids), and regions and bodies by their own queries", async () => {
    const { decisions } = await api.data(`{ decisions(first: 2) { nodes { id title region { id } decidingBody { id } } } }`);
    const [first, second] = decisions.nodes;
    const { node, nodes } = await api.data(
      `query($id: ID!, $ids: [ID!]!) { node(id: $id) { id ... on Decision { title } } nodes(ids: $ids) { id __typename } }`,
      { id: first.id, ids: [second.id, first.region.id, first.decidingBody.id] },
    );
    expect(node).toEqual({ id: first.id, title: first.title });
    expect(nodes.map((n: any) => n.__typename)).toEqual(["Decision", "Region", "PublicBody"]);
    const { regions, bodies } = await api.data(`{ regions { id level children { id } } bodies { id name kind region { id } } }`);
    expect(regions.filter((r: any) => r.level === "CITY")).toHaveLength(1);
    expect(regions.some((r: any) => r.children.length > 0)).toBe(true);
    expect(bodies.length).toBeGreaterThan(5);
  });
});
