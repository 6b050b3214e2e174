import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { newDecision, references, refused, write } from "./support/fixtures.js";

// The "11355" village consultation of the source: one committee formed per consultation as "1+N+X",
// one catalogue, three levels, five steps each with its list. Published in the file of the decision it
// led to, withholdable like every record, in the open-data files and on the decision page.

const CONSULTATION = `id level charter catalogueItem matter startedOn meetingCount result rating evaluation region { name }
  withheld { scope field ground article }
  committee { id role memberCount names withheld { field ground article } }
  steps { id step takenOn list withheld { field } }`;

describe("village consultations", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("publishes the sample's photovoltaic consultation: five meetings, the committee by kind, the five steps", async () => {
    const { decisions } = await api.data(`{ decisions(first: 5, filter: { search: "桐梓村村級光伏" }) { nodes { title villageConsultations { totalCount nodes { ${CONSULTATION} } } } } }`);
    const [decision] = decisions.nodes;
    expect(decision.title).toBe("桐梓村村級光伏發電項目建設及收益分配方案");
    expect(decision.villageConsultations.totalCount).toBe(1);
    const [consultation] = decision.villageConsultations.nodes;
    expect(consultation).toMatchObject({ level: "VILLAGE", meetingCount: 5, rating: "SATISFIED", region: { name: "桐梓村" } });
    expect(consultation.catalogueItem).toContain("協商共治目錄");
    expect(consultation.charter).toContain("章程");
    // "1+N+X" in that order: the secretary, members of the seven kinds present, the interested parties last.
    const roles = consultation.committee.map((m: { role: string }) => m.role);
    expect(roles[0]).toBe("SECRETARY");
    expect(roles.at(-1)).toBe("INTERESTED_PARTY");
    expect(consultation.committee[0].memberCount).toBe(1);
    // The attending households' names are withheld as personal information (Decree 711 art. 15).
    const parties = consultation.committee.at(-1);
    expect(parties.names).toBeNull();
    expect(parties.withheld).toEqual([{ field: "names", ground: "PERSONAL_PRIVACY", article: "《中華人民共和國政府信息公開條例》第十五條" }]);
    // Every one of the five steps, in their order by date, one handling step per meeting.
    const steps = consultation.steps.map((s: { step: string }) => s.step);
    expect([...new Set(steps)]).toEqual(["COLLECTION", "ASSIGNMENT", "HANDLING", "RESULT_PUBLICATION", "EVALUATION"]);
    expect(steps.filter((s: string) => s === "HANDLING")).toHaveLength(consultation.meetingCount);
    const dates = consultation.steps.map((s: { takenOn: string }) => s.takenOn);
    expect(dates).toEqual([...dates].sort());
  });

  it("records a consultation through the API, and hides its committee and steps when it is withheld whole", async () => {
    const refs = await references(api);
    const decision = await newDecision(api, 971);
    const consultation = await write(api, "EDITOR", "villageConsultationCreate", {
      decisionId: decision.id, level: "VILLAGER_GROUP", regionId: refs.village, matter: "上屋組道路硬化的出資方式", startedOn: "2026-03-02", meetingCount: 2,
    });
    const secretary = await write(api, "EDITOR", "villageCommitteeMemberCreate", { villageConsultationId: consultation.id, role: "SECRETARY", memberCount: 1 });
    await write(api, "EDITOR", "villageCommitteeMemberCreate", { villageConsultationId: consultation.id, role: "INTERESTED_PARTY", memberCount: 9, names: "沿線農戶" });
    const step = await write(api, "EDITOR", "villageConsultationStepCreate", { villageConsultationId: consultation.id, step: "COLLECTION", takenOn: "2026-03-02", list: "村民小組會議提出。" });
    const read = async () => (await api.data(`query($id: ID!) { decision(id: $id) { withheld { scope field recordKind } villageConsultations { totalCount nodes { ${CONSULTATION} } } } }`, { id: decision.id })).decision;
    const before = await read();
    expect(before.villageConsultations.nodes[0]).toMatchObject({ level: "VILLAGER_GROUP", matter: "上屋組道路硬化的出資方式", committee: [{ role: "SECRETARY" }, { role: "INTERESTED_PARTY", names: "沿線農戶" }], steps: [{ step: "COLLECTION", list: "村民小組會議提出。" }] });

    await write(api, "EDITOR", "withholdingCreate", {
      recordId: consultation.id, ground: "ENDANGERS_SECURITY_OR_STABILITY", article: "《中華人民共和國政府信息公開條例》第十四條", explanation: "涉及尚未化解的糾紛。", decidedByBodyId: refs.town, reviewDue: "2027-03-01",
    }, "id");
    const after = await read();
    expect(after.villageConsultations.totalCount).toBe(0);
    expect(after.withheld).toContainEqual({ scope: "RECORD", field: "villageConsultations", recordKind: "VILLAGE_CONSULTATION" });
    // Its parts are gone by every path: by id, and from the files.
    const lookups = await api.data(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, { a: secretary.id, b: step.id });
    expect(lookups).toEqual({ a: null, b: null });
    for (const file of ["village-consultations", "village-consultation-members", "village-consultation-steps"]) {
      const rows = (await api.get(`/open-data/${file}.ndjson?decisionId=${decision.id}`)).body.split("\n").filter(Boolean);
      expect(rows, file).toEqual([]);
    }
  });

  it("refuses a committee entry without members, or a second entry of the same kind, and stores nothing", async () => {
    const decision = await newDecision(api, 972);
    const consultation = await write(api, "EDITOR", "villageConsultationCreate", { decisionId: decision.id, level: "VILLAGE", matter: "x", startedOn: "2026-03-02" });
    await write(api, "EDITOR", "villageCommitteeMemberCreate", { villageConsultationId: consultation.id, role: "PROFESSIONAL", memberCount: 2 });
    const before = await api.fingerprint();
    const none = await api.as("EDITOR", `mutation($input: VillageCommitteeMemberCreateInput!) { villageCommitteeMemberCreate(input: $input) { userErrors { field } } }`, {
      input: { villageConsultationId: consultation.id, role: "SECRETARY", memberCount: 0 },
    });
    expect(none.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const [twice] = await refused(api, "EDITOR", "villageCommitteeMemberCreate", { villageConsultationId: consultation.id, role: "PROFESSIONAL", memberCount: 1 });
    expect(twice).toMatchObject({ code: "CONFLICT", field: ["input", "role"] });
    expect(await api.fingerprint()).toEqual(before);
  });

  it("shows the consultation on the decision page: the committee by kind and the steps with their lists", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { search: "桐梓村村級光伏" }) { nodes { id villageConsultations { nodes { id } } } } }`);
    const [decision] = decisions.nodes;
    const page = await api.get(`/decisions/${decision.id}`);
    expect(page.status).toBe(200);
    for (const text of ["村級協商", "協商委員會（1+N+X）", "村（社區）書記", "相關利益方（列席）", "五步五單", "事項採集", "成果評議", "個人隱私"]) expect(page.body, text).toContain(text);
    const own = await api.get(`/records/${decision.villageConsultations.nodes[0].id}`);
    expect(own.status).toBe(200);
    expect(own.body).toContain("第五次協商會");
  });
});
