import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasets } from "../src/open-data/datasets.js";
import { TestApi } from "./support/api.js";

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";

describe("the DCAT catalog of the open data", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("expands, with a real JSON-LD processor, to a dcat:Catalog of every dataset with its distributions and terms", async () => {
    const response = await api.get("/open-data/catalog.jsonld");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toMatch(/application\/ld\+json/);
    const expanded = (await jsonld.expand(JSON.parse(response.body))) as Record<string, any>[];
    const catalog = expanded.find((node) => node["@type"]?.includes(`${DCAT}Catalog`))!;
    expect(catalog).toBeDefined();
    for (const term of [`${DCT}title`, `${DCT}publisher`, `${DCT}license`, `${DCT}modified`, `${DCT}spatial`, `${DCT}temporal`, `${DCAT}service`]) expect(catalog[term], term).toBeDefined();
    const found = catalog[`${DCAT}dataset`] as Record<string, any>[];
    expect(found).toHaveLength(datasets.length);
    for (const dataset of found) {
      expect(dataset["@type"]).toContain(`${DCAT}Dataset`);
      for (const term of [`${DCT}title`, `${DCT}publisher`, `${DCT}license`, `${DCT}modified`, `${DCT}temporal`, `${DCT}spatial`, `${DCT}rights`]) expect(dataset[term], `${dataset["@id"]} ${term}`).toBeDefined();
      const distributions = dataset[`${DCAT}distribution`] as Record<string, any>[];
      const downloads = distributions.flatMap((d) => d[`${DCAT}downloadURL`] ?? []).map((u: { "@id": string }) => u["@id"]);
      expect(downloads.some((u: string) => u.endsWith(".csv"))).toBe(true);
      expect(downloads.some((u: string) => u.endsWith(".ndjson"))).toBe(true);
      expect(distributions.some((d) => d[`${DCAT}accessService`])).toBe(true);
      expect(dataset[`${DCT}modified`][0]["@type"]).toBe("http://www.w3.org/2001/XMLSchema#dateTime");
    }
    // Every download link works.
    for (const dataset of datasets) expect((await api.get(`/open-data/${dataset.name}.csv`)).status).toBe(200);
  });
});
