import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { citedPlaces, groundArticle, groundErrors } from "../src/disclosure/withholding-grounds.js";
import { TestApi } from "./support/api.js";
import { references, refused, write } from "./support/fixtures.js";

// A withholding's ground must be the one the article it cites gives (Decree 711 art. 14: state
// secrets, disclosure forbidden by law, danger to security and stability; art. 15: commercial
// secrets, personal privacy; art. 16(1): internal affairs; art. 16(2): process information and
// law-enforcement case files), and what laws require to be public is never process information
// (art. 16(2), last sentence; Decree 713 art. 32: the published decision).

const citations = { 14: "《中華人民共和國政府信息公開條例》第十四條", 15: "《政府信息公开条例》第十五条", 16: "第16条" } as const;

describe("a withholding's ground against the article it cites", () => {
  it("reads the article and paragraph of Decree 711 a citation names, in either script or in figures", () => {
    expect(citedPlaces("《中華人民共和國政府信息公開條例》第十六條第二款")).toEqual([{ article: 16, paragraph: 2 }]);
    expect(citedPlaces("《政府信息公开条例》第十四条、第十五条")).toEqual([{ article: 14, paragraph: undefined }, { article: 15, paragraph: undefined }]);
    expect(citedPlaces("第 15 條")).toEqual([{ article: 15, paragraph: undefined }]);
    // Not articles 14-16: 第二十四条 and 第一百一十四条 are other articles.
    expect(citedPlaces("第二十四条；第一百一十四条；第十三条")).toEqual([]);
  });

  it("accepts every ground with the article it rests on, and refuses it with each other one", () => {
    for (const [ground, { article, paragraph }] of Object.entries(groundArticle) as [keyof typeof groundArticle, { article: 14 | 15 | 16; paragraph?: number }][]) {
      const own = paragraph ? `${citations[article]}第${paragraph === 1 ? "一" : "二"}款` : citations[article];
      expect(groundErrors(ground, own, "Decision", "summary"), `${ground} ${own}`).toEqual([]);
      for (const other of [14, 15, 16] as const) {
        if (other === article) continue;
        const [error] = groundErrors(ground, citations[other], "Decision", "summary");
        expect(error, `${ground} citing art. ${other}`).toMatchObject({ code: "INVALID_INPUT", field: ["input", "article"] });
        expect(error!.article).toContain(`art. ${article}`);
      }
    }
    // Art. 16 has two paragraphs with different grounds: the wrong one is refused, none named is accepted.
    expect(groundErrors("INTERNAL_AFFAIRS", "第十六條第二款", "Decision", "summary")).toHaveLength(1);
    expect(groundErrors("PROCESS_INFORMATION", "第十六條第一款", "Decision", "summary")).toHaveLength(1);
    expect(groundErrors("PROCESS_INFORMATION", "第十六條", "Decision", "summary")).toEqual([]);
  });
});

describe("withholdings refused through the API, changing nothing", () => {
  let api: TestApi;
  let refs: Awaited<ReturnType<typeof references>>;
  let decisionId: string;
  let publicationId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    refs = await references(api);
    const { decisions } = await api.data(`{ decisions(first: 50, filter: { stage: [PUBLICATION, IMPLEMENTATION, POST_EVALUATION] }) { nodes { id publication { id fullText } } } }`);
    const published = decisions.nodes.find((d: { publication: { fullText: string | null } | null }) => d.publication?.fullText);
    decisionId = published.id;
    publicationId = published.publication.id;
  });
  afterAll(() => api.stop());

  const withholding = (recordId: string, field: string | null, ground: string, article: string) => ({
    recordId, field, ground, article, explanation: "測試。", decidedByBodyId: refs.town, reviewDue: "2030-01-01",
  });

  it("refuses a ground whose article is not the one cited, naming the right one", async () => {
    const before = await api.fingerprint();
    const [error] = await refused(api, "EDITOR", "withholdingCreate", withholding(decisionId, "budgetYuan", "COMMERCIAL_SECRET", citations[14]));
    expect(error).toMatchObject({ code: "INVALID_INPUT", field: ["input", "article"] });
    expect(error!.article).toContain("第十五条");
    expect(await api.fingerprint()).toEqual(before);
  });

  it("refuses to withhold the published decision's text, its explanation or the publication as process information, citing both articles", async () => {
    const before = await api.fingerprint();
    for (const ground of ["PROCESS_INFORMATION", "LAW_ENFORCEMENT_CASE_FILE"]) {
      for (const field of ["fullText", "adoptionExplanation", null]) {
        const errors = await refused(api, "EDITOR", "withholdingCreate", withholding(publicationId, field, ground, "《中華人民共和國政府信息公開條例》第十六條第二款"));
        expect(errors, `${ground} ${field}`).toEqual([expect.objectContaining({ code: "PROCEDURE_VIOLATION", field: ["input", "ground"] })]);
        expect(errors[0]!.article).toMatch(/art\. 16\(2\).*art\. 32/);
      }
    }
    expect(await api.fingerprint()).toEqual(before);
  });

  it("finds every withholding of the sample data in agreement with the law", async () => {
    const rows = await api.database.query<{ recordType: string; field: string | null; ground: keyof typeof groundArticle; article: string }>(
      `SELECT record_type::text AS "recordType", field, ground::text AS ground, article FROM withholdings`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const typeName = recordDisclosures.find((kind) => kind.recordType === row.recordType)!.typeName;
      expect(groundErrors(row.ground, row.article, typeName, row.field), `${row.recordType}.${row.field} ${row.ground} ${row.article}`).toEqual([]);
    }
  });

  it("accepts a matching ground: a third party's commercial secret in the decision's text (art. 15) may still be withheld", async () => {
    const id = await write(api, "EDITOR", "withholdingCreate", withholding(publicationId, "fullText", "COMMERCIAL_SECRET", citations[15]), "id");
    expect(id).toBeTruthy();
  });
});
