import { getTableName } from "drizzle-orm";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { datasets } from "../src/open-data/datasets.js";
import { withDictionary } from "../src/open-data/dictionary.markdown.js";
import { openDataDocFile } from "../src/open-data/emit-dictionary.js";
import { TestApi } from "./support/api.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { addEmptyVillages } from "./support/fixtures.js";
import { CANARY, loadCanaryFiles } from "./support/canary-file.js";

type Row = Record<string, string | number | boolean | null | string[]>;

describe("open data: bulk files of every dataset, with the graph's withholding", () => {
  let api: TestApi;
  beforeAll(async () => {
    // It reads whole files through the graph to compare them with the bulk files: past the default query cost, by design.
    api = await TestApi.start({ limits: { maxCost: 20_000_000 } });
  });
  afterAll(() => api.stop());
  // The canary decisions, loaded once by whichever test needs them first.
  let canaryIds: ReturnType<typeof loadCanaryFiles> | undefined;
  const canaries = () => (canaryIds ??= loadCanaryFiles(api.database));

  const csv = async (path: string) => {
    const response = await api.get(path);
    expect(response.status, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
    expect(response.headers["x-generated-at"]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    return { header: response.body.split("\r\n", 1)[0]!.split(","), rows: parse(response.body, { columns: true, skip_empty_lines: false }) as Record<string, string>[], body: response.body };
  };
  const ndjson = async (path: string) => {
    const response = await api.get(path);
    expect(response.status, path).toBe(200);
    return response.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row);
  };

  it("writes every dataset as RFC 4180 CSV and NDJSON with the dictionary's columns, the same rows in both", async () => {
    for (const dataset of datasets) {
      const { header, rows } = await csv(`/open-data/${dataset.name}.csv`);
      const lines = await ndjson(`/open-data/${dataset.name}.ndjson`);
      expect(header, dataset.name).toEqual(dataset.columns.map((c) => c.name));
      expect(rows.length, dataset.name).toBe(lines.length);
      expect(rows.length, dataset.name).toBeGreaterThan(0);
      rows.forEach((row, i) => {
        for (const [name, value] of Object.entries(lines[i]!)) {
          // A list is a JSON array in NDJSON and its values joined with ";" in CSV.
          const cell = value === null ? "" : Array.isArray(value) ? value.join(";") : String(value);
          expect(row[name], `${dataset.name}.${name}`).toBe(cell);
        }
      });
      for (const column of dataset.columns.filter((c) => c.type === "enum-list")) {
        expect(lines.every((line) => Array.isArray(line[column.name])), `${dataset.name}.${column.name} as an array`).toBe(true);
      }
    }
    expect((await ndjson("/open-data/consultations.ndjson")).some((c) => (c.consultedGroups as string[]).length > 1)).toBe(true);
  });

  it("writes awkward values as the graph reads them: quotes, commas and line breaks quoted in CSV, numbers without trailing zeros", async () => {
    // A public comment whose text is public (ids are random, and some sample comments withhold their text),
    // and its decision, written as their owner (no change recorded: the files and the graph read alike).
    const [row] = await api.database.query<{ id: string; decision_id: string }>("SELECT id, decision_id FROM disclosure.comments WHERE text IS NOT NULL AND decision_id IN (SELECT id FROM disclosure.decisions WHERE budget_yuan IS NOT NULL) ORDER BY id LIMIT 1");
    const awkward = '一,"二"\r\n三\n"';
    await api.database.query("UPDATE comments SET text = $1, reply = '' WHERE id = $2", [awkward, row!.id]);
    await api.database.query("UPDATE decisions SET budget_yuan = 1234.50 WHERE id = $1", [row!.decision_id]);
    const [comment, decision] = [toGlobalId("Comment", row!.id), { id: toGlobalId("Decision", row!.decision_id) }];
    const graph = await api.data(`query($id: ID!) { decision(id: $id) { budgetYuan } node(id: "${comment}") { ... on Comment { text reply } } }`, { id: decision.id });
    expect(graph.node).toEqual({ text: awkward, reply: "" });
    const { rows, body } = await csv(`/open-data/comments.csv?decisionId=${decision.id}`);
    expect(body).toContain(`"一,""二""\r\n三\n"""`);
    expect(rows.find((row) => row.id === comment)).toMatchObject({ text: awkward, reply: "" });
    expect((await ndjson(`/open-data/comments.ndjson?decisionId=${decision.id}`)).find((row) => row.id === comment)).toMatchObject({ text: awkward, reply: "" });
    expect(graph.decision.budgetYuan).toBe(1234.5);
    expect((await csv(`/open-data/decisions.csv?decisionId=${decision.id}`)).rows[0]!.budgetYuan).toBe("1234.5");
    expect((await ndjson(`/open-data/decisions.ndjson?decisionId=${decision.id}`))[0]!.budgetYuan).toBe(1234.5);
  });

  it("sends a decision's records together, in the order of its id and then theirs, whole or filtered", async () => {
    const uuid = (id: unknown) => Buffer.from(String(id), "base64url").toString("utf8").split(":")[1] ?? String(id);
    for (const dataset of datasets.filter((d) => d.byDecision === "decisionId")) {
      for (const query of ["", "?catalogYear=2024"]) {
        const order = ["decisionId", dataset.name === "compliance-results" ? "rule" : "id"];
        const keys = (await ndjson(`/open-data/${dataset.name}.ndjson${query}`)).map((row) => order.map((key) => uuid(row[key])).join(" "));
        expect(keys, `${dataset.name}${query}`).toEqual([...keys].sort());
      }
    }
    // Not vacuous: the files hold records of several decisions, each decision's several records.
    const comments = (await ndjson("/open-data/comments.ndjson")).map((row) => String(row.decisionId));
    expect(new Set(comments).size).toBeGreaterThan(1);
    expect(new Set(comments).size).toBeLessThan(comments.length);
  });

  it("writes the spreadsheet variant as the same CSV after a UTF-8 byte-order mark", async () => {
    for (const name of ["decisions", "comments", "bodies"]) {
      const plain = await api.get(`/open-data/${name}.csv`);
      const excel = await api.get(`/open-data/${name}.excel.csv`);
      expect(excel.status).toBe(200);
      expect(excel.headers["content-type"]).toContain("text/csv; charset=utf-8");
      expect(excel.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(excel.rawPayload.subarray(3).toString("utf8")).toBe(plain.body);
    }
  });

  it("names each dataset alike in its file, the dictionary, the catalog and the notices", async () => {
    const names = datasets.map((d) => d.name);
    const dictionary = JSON.parse((await api.get("/open-data/dictionary.json")).body) as { datasets: { name: string; files: Record<string, string> }[] };
    expect(dictionary.datasets.map((d) => d.name)).toEqual(names);
    for (const d of dictionary.datasets) for (const file of Object.values(d.files)) expect(file.startsWith(`/open-data/${d.name}.`)).toBe(true);
    const catalog = JSON.parse((await api.get("/open-data/catalog.jsonld")).body) as { "dcat:dataset": { "dct:identifier": string }[] };
    expect(catalog["dcat:dataset"].map((d) => d["dct:identifier"])).toEqual(names);
    const notices = await ndjson("/open-data/withholding-notices.ndjson");
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(names, String(notice.subjectType)).toContain(notice.subjectType);
      if (notice.withheldRecordType !== null) expect(names, String(notice.withheldRecordType)).toContain(notice.withheldRecordType);
    }
    // Each description that says what a column joins with names a dataset that exists.
    for (const dataset of datasets) {
      for (const column of dataset.columns) {
        for (const [, joined] of column.description.en.matchAll(/joins with the ([a-z_-]+) dataset/g)) expect(names, `${dataset.name}.${column.name}`).toContain(joined);
      }
    }
  });

  it("matches the graph for the same filter", async () => {
    const { regions } = await api.data(`{ regions { id code } }`);
    const town = regions.find((r: { code: string }) => r.code === "340881100000").id;
    const { decisions } = await api.data(
      `query($town: ID!) { decisions(first: 100, filter: { catalogYear: 2024, regionId: $town }, orderBy: { field: CATALOG, direction: ASC }) { totalCount nodes { id title summary stage budgetYuan updatedAt consultations(first: 100) { nodes { id comments(first: 100) { nodes { id text reply } } } } } } }`,
      { town },
    );
    expect(decisions.totalCount).toBeGreaterThan(0);
    const file = (await csv(`/open-data/decisions.csv?catalogYear=2024&regionId=${town}`)).rows;
    expect(file.map((r) => r.id).sort()).toEqual(decisions.nodes.map((d: { id: string }) => d.id).sort());
    for (const node of decisions.nodes) {
      const row = file.find((r) => r.id === node.id)!;
      expect(row).toMatchObject({ title: node.title ?? "", summary: node.summary ?? "", stage: node.stage, updatedAt: node.updatedAt, budgetYuan: node.budgetYuan === null ? "" : String(node.budgetYuan) });
    }
    const comments = await ndjson(`/open-data/comments.ndjson?catalogYear=2024&regionId=${town}`);
    const graphComments = decisions.nodes.flatMap((d: any) => d.consultations.nodes.flatMap((c: any) => c.comments.nodes));
    expect(comments.map((c) => c.id).sort()).toEqual(graphComments.map((c: { id: string }) => c.id).sort());
    for (const comment of graphComments) expect(comments.find((c) => c.id === comment.id)).toMatchObject({ text: comment.text, reply: comment.reply });
  });

  it("holds in compliance-results exactly the report the graph shows the public, for the same filter, and none of staff's", async () => {
    const { regions } = await api.data(`{ regions { id code } }`);
    const town = regions.find((r: { code: string }) => r.code === "340881100000").id;
    const { decisions } = await api.data(
      `query($town: ID!) { decisions(first: 100, filter: { catalogYear: 2024, regionId: $town }) { totalCount nodes { id compliance { computedFrom assessedOn results { rule { id article force } status findingZh findingEn } } } } }`,
      { town },
    );
    expect(decisions.totalCount).toBeGreaterThan(0);
    expect(decisions.totalCount).toBeLessThanOrEqual(100);
    const response = await api.get(`/open-data/compliance-results.ndjson?catalogYear=2024&regionId=${town}`);
    expect(response.status, response.body.slice(0, 300)).toBe(200);
    const file = response.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row);
    const expected = (decisions.nodes as any[]).flatMap((d) =>
      d.compliance.results.map((r: any) => ({ decisionId: d.id, rule: r.rule.id, article: r.rule.article, force: r.rule.force, status: r.status, findingZh: r.findingZh, findingEn: r.findingEn })),
    );
    const byKey = (rows: Row[]) => [...rows].sort((a, b) => `${String(a.decisionId)} ${String(a.rule)}`.localeCompare(`${String(b.decisionId)} ${String(b.rule)}`));
    expect(byKey(file)).toEqual(byKey(expected));
    expect(new Set(file.map((row) => row.status)).size).toBeGreaterThan(2);
    expect(response.headers["x-assessed-on"]).toBe(decisions.nodes[0].compliance.assessedOn);
    // The rows are in the order of their key, which the pages walk.
    const keys = file.map((row) => `${Buffer.from(String(row.decisionId), "base64url").toString("utf8").split(":")[1]} ${String(row.rule)}`);
    expect(keys).toEqual([...keys].sort());
    // Staff's report of a decision with withheld parts differs from the public's: the file holds the public's.
    const ids = await canaries();
    const parts = (await api.get(`/open-data/compliance-results.ndjson?decisionId=${toGlobalId("Decision", ids.parts)}`)).body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Row);
    const staff = (await api.dataAs("EDITOR", `query($id: ID!) { decision(id: $id) { compliance { results { rule { id } status findingEn } } } }`, { id: toGlobalId("Decision", ids.parts) })).decision.compliance.results as { rule: { id: string }; status: string; findingEn: string }[];
    const publicReport = (await api.data(`query($id: ID!) { decision(id: $id) { compliance { results { rule { id } status findingEn } } } }`, { id: toGlobalId("Decision", ids.parts) })).decision.compliance.results as typeof staff;
    const asRows = (results: typeof staff) => results.map((r) => `${r.rule.id} ${r.status} ${r.findingEn}`).sort();
    expect(asRows(staff)).not.toEqual(asRows(publicReport));
    expect(parts.map((r) => `${String(r.rule)} ${String(r.status)} ${String(r.findingEn)}`).sort()).toEqual(asRows(publicReport));
    // Not filtered by updatedSince: its rows are the report of the day the file is made.
    expect((await api.get("/open-data/compliance-results.csv?updatedSince=2000-01-01T00:00:00Z")).status).toBe(400);
  });

  it("counts each dataset's rows in the catalog as the files hold them", async () => {
    const catalog = JSON.parse((await api.get("/open-data/catalog.jsonld")).body) as { "dcat:dataset": { "dct:identifier": string; "void:entities": { "@value": number } }[] };
    for (const dataset of datasets) {
      const entry = catalog["dcat:dataset"].find((d) => d["dct:identifier"] === dataset.name)!;
      const lines = await ndjson(`/open-data/${dataset.name}.ndjson`);
      expect(entry["void:entities"]?.["@value"], dataset.name).toBe(lines.length);
    }
  });

  it("holds, in each file, exactly the records the graph lists for the same filter", async () => {
    const { regions } = await api.data(`{ regions { id code } }`);
    const town = regions.find((r: { code: string }) => r.code === "340881100000").id;
    const query = `query($town: ID!) { decisions(first: 100, filter: { catalogYear: 2023, regionId: $town }) { totalCount nodes {
      id withheld { withholdingId }
      basis(first: 100) { nodes { id withheld { withholdingId } } }
      consultations(first: 100) { nodes { id withheld { withholdingId } comments(first: 100) { nodes { id withheld { withholdingId } } } } }
      expertReviews(first: 100) { nodes { id withheld { withholdingId } } }
      riskAssessments(first: 100) { nodes { id withheld { withholdingId } findings { id withheld { withholdingId } } } }
      legalityReviews(first: 100) { nodes { id withheld { withholdingId } } }
      deliberations(first: 100) { nodes { id withheld { withholdingId } } }
      publication { id withheld { withholdingId } }
      implementationReports(first: 100) { nodes { id withheld { withholdingId } } }
      villageConsultations(first: 100) { nodes { id withheld { withholdingId } committee { id withheld { withholdingId } } steps { id withheld { withholdingId } } } }
      postEvaluations(first: 100) { nodes { id withheld { withholdingId } } }
      attachments(first: 100) { nodes { id withheld { withholdingId } } }
    } } }`;
    const { decisions } = await api.data(query, { town });
    expect(decisions.totalCount).toBeGreaterThan(0);
    expect(decisions.totalCount).toBeLessThanOrEqual(100);
    const nodes = decisions.nodes as any[];
    const lists: Record<string, any[]> = {
      decisions: nodes,
      "basis-items": nodes.flatMap((d) => d.basis.nodes),
      consultations: nodes.flatMap((d) => d.consultations.nodes),
      comments: nodes.flatMap((d) => d.consultations.nodes.flatMap((c: any) => c.comments.nodes)),
      "expert-reviews": nodes.flatMap((d) => d.expertReviews.nodes),
      "risk-assessments": nodes.flatMap((d) => d.riskAssessments.nodes),
      "risk-findings": nodes.flatMap((d) => d.riskAssessments.nodes.flatMap((r: any) => r.findings)),
      "legality-reviews": nodes.flatMap((d) => d.legalityReviews.nodes),
      deliberations: nodes.flatMap((d) => d.deliberations.nodes),
      publications: nodes.flatMap((d) => (d.publication ? [d.publication] : [])),
      "implementation-reports": nodes.flatMap((d) => d.implementationReports.nodes),
      "post-evaluations": nodes.flatMap((d) => d.postEvaluations.nodes),
      attachments: nodes.flatMap((d) => d.attachments.nodes),
      "village-consultations": nodes.flatMap((d) => d.villageConsultations.nodes),
      "village-consultation-members": nodes.flatMap((d) => d.villageConsultations.nodes.flatMap((c: any) => c.committee)),
      "village-consultation-steps": nodes.flatMap((d) => d.villageConsultations.nodes.flatMap((c: any) => c.steps)),
    };
    // Every record dataset is compared: a kind of record added without its list here fails.
    expect(Object.keys(lists).sort()).toEqual(recordDisclosures.map((r) => r.recordType.replaceAll("_", "-")).sort());
    expect(lists["village-consultation-steps"]!.length).toBeGreaterThan(0);
    for (const [name, records] of Object.entries(lists)) {
      const file = await ndjson(`/open-data/${name}.ndjson?catalogYear=2023&regionId=${town}`);
      expect(file.map((r) => r.id).sort(), name).toEqual(records.map((r) => r.id).sort());
    }
    const notices = await ndjson(`/open-data/withholding-notices.ndjson?catalogYear=2023&regionId=${town}`);
    const graphNotices = Object.values(lists).flatMap((records) => records.flatMap((r) => r.withheld.map((n: { withholdingId: string }) => n.withholdingId)));
    expect(notices.map((n) => n.id).sort()).toEqual([...new Set(graphNotices)].sort());
  });

  it("never writes a withheld value, a withheld record, an unpublished comment or a commenter's details", async () => {
    const ids = await canaries();
    expect(ids.whole).toBeTruthy();
    for (const dataset of datasets) {
      for (const query of ["", "?catalogYear=2024", "?updatedSince=2000-01-01T00:00:00Z"]) {
        if (query.includes("catalogYear") && !dataset.byDecision) continue;
        if (query.includes("updatedSince") && !dataset.updatedSince) continue;
        for (const format of ["csv", "excel.csv", "ndjson"]) {
          const { body } = await api.get(`/open-data/${dataset.name}.${format}${query}`);
          expect(body.includes(CANARY), `${dataset.name}.${format}${query}`).toBe(false);
          expect(body.includes("7777777"), `${dataset.name}.${format}${query}`).toBe(false);
        }
      }
    }
    const notices = await ndjson("/open-data/withholding-notices.ndjson");
    expect(notices.some((n) => n.withheldRecordType === "risk-assessments")).toBe(true);
    // Nor the id of anything never public: the decision withheld whole, the parts withheld whole.
    const hiddenIds = await api.database.query<{ id: string }>(
      "SELECT record_id::text AS id FROM withholdings WHERE field IS NULL AND decision_id IN ($1, $2) UNION SELECT id::text FROM comments WHERE moderation_state <> 'PUBLISHED'",
      [ids.parts, ids.whole],
    );
    expect(hiddenIds.length).toBeGreaterThan(5);
    for (const dataset of datasets) {
      const { body } = await api.get(`/open-data/${dataset.name}.ndjson`);
      const decoded = body.split("\n").filter(Boolean).flatMap((line) => Object.values(JSON.parse(line) as Row)).filter((v): v is string => typeof v === "string");
      const uuids = new Set(decoded.map((v) => Buffer.from(v, "base64url").toString("utf8").split(":")[1]).filter(Boolean));
      for (const { id } of hiddenIds) expect(uuids.has(id), `${dataset.name} names ${id}`).toBe(false);
    }
  });

  it("refuses unknown files and bad filters with a clear error", async () => {
    expect((await api.get("/open-data/secrets.csv")).status).toBe(404);
    expect((await api.get("/open-data/decisions.xml")).status).toBe(404);
    for (const query of ["catalogYear=20x4", "catalogYear=0000", "regionId=abc", "decisionId=abc", "updatedSince=yesterday", "updatedSince=2026-02-30", "limit=10"]) {
      const response = await api.get(`/open-data/decisions.csv?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.parse(response.body).error.code).toBe("BAD_USER_INPUT");
    }
    expect((await api.get("/open-data/regions.csv?catalogYear=2024")).status).toBe(400);
    expect((await api.get("/open-data/changes.ndjson?limit=5")).status).toBe(400);
  });

  it("publishes a dictionary of every column, in Chinese and English, from the same definitions, also in docs/open-data.md", async () => {
    const dictionary = JSON.parse((await api.get("/open-data/dictionary.json")).body);
    expect(dictionary.datasets.map((d: { name: string }) => d.name)).toEqual(datasets.map((d) => d.name));
    for (const record of recordDisclosures) {
      const entry = dictionary.datasets.find((d: { name: string }) => d.name === record.recordType.replaceAll("_", "-"));
      for (const column of entry.columns) {
        expect(column.description.zh, `${entry.name}.${column.name}`).toMatch(/\p{Script=Han}/u);
        expect(column.description.en.length).toBeGreaterThan(5);
        expect(column.withholdable, `${entry.name}.${column.name}`).toBe(record.withholdable.includes(column.name));
      }
      expect(entry.columns.map((c: { name: string }) => c.name).sort()).toEqual([...record.published, ...record.withholdable].sort());
    }
    const document = await readFile(openDataDocFile, "utf8");
    expect(withDictionary(document), "run `npm run docs:dictionary`").toBe(document);
  });
});

describe("open data: a file filtered by region, for a large part of the tree and a small one", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    await addEmptyVillages(api);
  });
  afterAll(() => api.stop());

  const rowsOf = async (path: string) => {
    const response = await api.get(path);
    expect(response.status, `${path}: ${response.body.slice(0, 300)}`).toBe(200);
    return parse(response.body, { columns: true }) as Record<string, string>[];
  };

  it("holds the rows of the unfiltered file whose decision is in the region or under it, in every file", async () => {
    const regions = await rowsOf("/open-data/regions.csv");
    const under = (id: string): string[] => [id, ...regions.filter((r) => r.parentId === id).flatMap((r) => under(r.id!))];
    const regionOf = new Map((await rowsOf("/open-data/decisions.csv")).map((d) => [d.id, d.regionId]));
    const byCode = (code: string) => regions.find((r) => r.code === code)!.id!;
    // The city and the town of the new villages are large; another town and a village, small.
    const picked = ["340881000000", "340881102000", "340881100000", "340881100201"].map(byCode);
    api.database.statements.reset();
    let rowsOfSmallRegions = 0;
    for (const dataset of datasets.filter((d) => d.byDecision)) {
      const all = await rowsOf(`/open-data/${dataset.name}.csv`);
      for (const region of picked) {
        const subtree = new Set(under(region));
        const expected = all.filter((row) => subtree.has(regionOf.get(dataset.byDecision === "self" ? row.id! : row.decisionId!)!));
        const found = await rowsOf(`/open-data/${dataset.name}.csv?regionId=${region}`);
        expect(found.map((r) => r.id).sort(), `${dataset.name} of ${region}`).toEqual(expected.map((r) => r.id).sort());
        if (region === picked[2] || region === picked[3]) rowsOfSmallRegions += found.length;
      }
    }
    expect(rowsOfSmallRegions).toBeGreaterThan(0);
    // Both ways were taken: a large region named by its path, a small one's decisions found first.
    const texts = api.database.statements.statements;
    expect(texts.some((text) => /"path" LIKE '\/[0-9/]+%'/.test(text))).toBe(true);
    expect(texts.some((text) => text.includes("= ANY (ARRAY(SELECT"))).toBe(true);
  });

  it("reads the file of a region over the whole tree as the whole file: the same bytes, with no region in its statement", async () => {
    const regions = await rowsOf("/open-data/regions.csv");
    const roots = regions.filter((r) => !r.parentId);
    expect(roots).toHaveLength(1);
    for (const dataset of datasets.filter((d) => d.byDecision)) {
      const whole = await api.get(`/open-data/${dataset.name}.csv`);
      api.database.statements.reset();
      const city = await api.get(`/open-data/${dataset.name}.csv?regionId=${roots[0]!.id}`);
      expect(city.status).toBe(200);
      expect(city.body, dataset.name).toBe(whole.body);
      const read = api.database.statements.statements.filter((text) => text.includes(`"disclosure"."${getTableName(dataset.view)}"`));
      expect(read.length, dataset.name).toBeGreaterThan(0);
      for (const text of read) expect(text, dataset.name).not.toContain("path");
    }
  });
});
