import { html, type Html } from "./html.js";
import { type PublicApi } from "./public-api.js";
import { kept, traditional } from "./script.js";

interface Dictionary {
  description: { zh: string };
  datasets: { name: string; title: { zh: string }; files: { csv: string; csvForSpreadsheets: string; ndjson: string }; filters: string[]; columns: unknown[] }[];
}

interface Catalog {
  "dct:license"?: { "@id"?: string };
  "dcat:dataset"?: {
    "dct:identifier": string;
    "dct:modified"?: { "@value": string };
    "void:entities"?: { "@value": number };
    "dcat:distribution"?: { "dcat:downloadURL"?: { "@id": string }; "dcat:packageFormat"?: unknown; "dcat:byteSize"?: { "@value": number }; "dct:issued"?: { "@value": string } }[];
  }[];
  /** Present when the data is the illustrative sample: its notice, in Chinese and English. */
  "rdfs:comment"?: { "@value": string; "@language": string }[];
}

/** A time as the page shows it: to the minute, in UTC. */
const minute = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace("T", " ")}` : "—");
const size = (bytes: number | undefined) => (bytes === undefined ? "—" : bytes.toLocaleString("en-US"));

/** Licences residents may meet, by address: their names in Chinese. */
const LICENCE_NAMES: Record<string, string> = {
  "https://creativecommons.org/licenses/by/4.0/": "知識共享 署名 4.0 國際許可協議（CC BY 4.0）",
};

/** Every dataset with its files, the dictionary, the licence (as the catalog states it), and the GraphQL endpoint with its explorer. */
export async function openDataPage(api: PublicApi): Promise<Html> {
  const [dictionary, catalog] = await Promise.all([api.get<Dictionary>("/open-data/dictionary.json"), api.get<Catalog>("/open-data/catalog.jsonld")]);
  const licence = catalog["dct:license"]?.["@id"];
  // Rows and last change as the catalog counts them on the projection when asked.
  const facts = new Map((catalog["dcat:dataset"] ?? []).map((d) => [d["dct:identifier"], d]));
  const bytesOf = (name: string, extension: string) => facts.get(name)?.["dcat:distribution"]?.find((d) => !d["dcat:packageFormat"] && d["dcat:downloadURL"]?.["@id"].endsWith(`/${name}.${extension}`))?.["dcat:byteSize"]?.["@value"];
  const snapshot = catalog["dcat:dataset"]?.[0]?.["dcat:distribution"]?.find((d) => d["dcat:packageFormat"]);
  const sample = catalog["rdfs:comment"]?.find((comment) => comment["@language"] === "zh")?.["@value"];
  return html`<h1>開放數據</h1>
${sample ? html`<p class="notice">${traditional(sample)}數據目錄（<code>rdfs:comment</code>）和 GraphQL 介面的 <code>dataset</code> 查詢也標明這一點。請勿當作真實決策引用。</p>` : ""}
<p>所有公開的決策記錄都可以整批下載，也可以通過 GraphQL 介面查詢。${traditional(dictionary.description.zh)}</p>
${licence ? html`<p>許可協議：<a href="${licence}" rel="license">${LICENCE_NAMES[licence] ?? licence}</a>。使用時請註明來源。</p>` : ""}
<h2 id="datasets">數據集</h2>
${snapshot
  ? html`<p>批量快照：<a href="/open-data/snapshot" download>一次下載全部數據集（ZIP，含 CSV 和 NDJSON，${size(snapshot["dcat:byteSize"]?.["@value"])} 位元組，${minute(snapshot["dct:issued"]?.["@value"])} UTC 生成）</a>；每個文件的行數、大小和 SHA-256 校驗和見<a href="/open-data/snapshot.json">快照清單</a>。下表的行數和大小取自該快照。</p>`
  : html`<p>暫無批量快照（<a href="/open-data/snapshot.json">快照清單</a>）；下表的行數為此刻統計。</p>`}
<div class="table-wrap" role="region" aria-labelledby="datasets" tabindex="0"><table><caption>數據集及下載（有 updatedSince 篩選的文件可只取更新部分）</caption>
<thead><tr><th scope="col">數據集</th><th scope="col">下載</th><th scope="col">行數</th><th scope="col">大小（位元組，CSV / NDJSON）</th><th scope="col">最後更新（UTC）</th><th scope="col">欄位數</th><th scope="col">可用篩選</th></tr></thead>
<tbody>${dictionary.datasets.map(
    (d) => html`<tr><td>${traditional(d.title.zh)}<br><code>${d.name}</code></td>
<td><a href="${d.files.csv}" download>CSV</a> · <a href="${d.files.csvForSpreadsheets}" download title="帶位元組順序標記，Excel 可直接開啟">CSV（試算表）</a> · <a href="${d.files.ndjson}" download>NDJSON</a></td>
<td>${facts.get(d.name)?.["void:entities"]?.["@value"] ?? "—"}</td><td>${size(bytesOf(d.name, "csv"))} / ${size(bytesOf(d.name, "ndjson"))}</td><td>${minute(facts.get(d.name)?.["dct:modified"]?.["@value"])}</td>
<td>${d.columns.length}</td><td>${d.filters.join("、")}</td></tr>`,
  )}</tbody></table></div>
<h2 id="dictionary">數據字典與目錄</h2>
<ul>
<li><a href="/open-data/dictionary.json">數據字典（JSON）</a>：每個數據集每個欄位的含義、類型和可否依法不予公開。</li>
<li><a href="/open-data/catalog.jsonld">數據目錄（DCAT，JSON-LD）</a>：發佈機關、時間和空間範圍、許可協議。</li>
<li><a href="/open-data/changes.ndjson">變更記錄（NDJSON）</a>：自上次下載以來的所有變更，可按 after 續取。</li>
</ul>
<h2 id="graphql">GraphQL 介面</h2>
<p>介面地址：<code>/graphql</code>（POST JSON 或 GET）。介面本身附有完整說明，可以用<a href="/explorer">離線查詢工具</a>直接試用，無需安裝任何軟件。匿名使用有頻率限制；大量下載請使用上面的數據文件。</p>`;
}

/** Queries the explorer offers ready to run: each fills the form, and 執行 runs it as the public. */
export const EXAMPLES: readonly { key: string; title: string; query: string }[] = [
  {
    key: "dataset",
    title: "這些數據是否為示例數據",
    query: `{
  dataset { illustrativeSample sampleLoadedOn notice noticeEnglish }
}`,
  },
  {
    key: "search",
    title: "搜尋決策（簡體或繁體均可）",
    query: `{
  decisions(first: 5, filter: { search: "教育" }) {
    totalCount
    nodes { id title catalogYear stage region { name } }
  }
}`,
  },
  {
    key: "stage",
    title: "2024 年啟動、已到合法性審查或之後的決策，最近更新的在前",
    query: `{
  decisions(
    first: 20
    filter: { initiatedOn: { from: "2024-01-01", to: "2024-12-31" },
              stage: [LEGALITY_REVIEW, DELIBERATION, PUBLICATION, IMPLEMENTATION, POST_EVALUATION] }
    orderBy: { field: UPDATED_AT, direction: DESC }
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id title stage status updatedAt legalityReviews { nodes { result completedOn } } }
  }
}`,
  },
  {
    key: "consultations",
    title: "公眾諮詢、公眾意見及採納情況",
    query: `{
  decisions(first: 3, filter: { stage: [PUBLICATION, IMPLEMENTATION, POST_EVALUATION] }) {
    nodes {
      title
      consultations { nodes { method opensOn closesOn adoptionFeedback
        comments(first: 5) { nodes { stakeholderCategory text adoptionResult reply } } } }
    }
  }
}`,
  },
  {
    key: "withheld",
    title: "依法不公開的內容及其法律依據",
    query: `{
  decisions(first: 10) {
    nodes { title withheld { field recordKind ground article explanation since } }
  }
}`,
  },
  {
    key: "ids",
    title: "地區、機關的編號（用於篩選）",
    query: `{
  regions { id name level }
  bodies { id name kind }
}`,
  },
  {
    key: "statistics",
    title: "統計：各程序階段的決策數、意見採納情況",
    query: `{
  statistics { decisions byStage { key count } commentsByAdoptionResult { key count } adoptionRate }
}`,
  },
  {
    key: "changes",
    title: "最近的公開變更（變更訊息）",
    query: `{
  changes(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { occurredAt kind recordType recordId decisionId }
  }
}`,
  },
];

export const EXAMPLE_QUERY = EXAMPLES[0]!.query;

/** The query the explorer's form starts with: an example by its key, a query brought from /graphql, or the first example. */
export function explorerStart(fields: Record<string, string>): { query: string; variables: string } {
  const example = EXAMPLES.find((candidate) => candidate.key === fields.example);
  if (example) return { query: example.query, variables: "" };
  if (fields.query) return { query: fields.query, variables: fields.variables ?? "" };
  return { query: EXAMPLE_QUERY, variables: "" };
}

/** A query form that works without script: the answer comes back as the page, exactly as the API gave it. */
export function explorerPage(query: string, variables: string, answer?: { status: number; body: string }): Html {
  let shown = answer?.body ?? "";
  try {
    if (answer) shown = JSON.stringify(JSON.parse(answer.body), null, 2);
  } catch {
    // Not JSON: shown as it came.
  }
  return html`<h1>GraphQL 查詢工具</h1>
<p>在下面輸入 GraphQL 查詢，按「執行」即可看到結果。查詢以匿名公眾身份執行，只能看到依法公開的內容。介面的類型和欄位說明可以用內省查詢取得，例如 <code>{ __type(name: "Decision") { fields { name description } } }</code>。</p>
<form method="post" action="/explorer">
<div><label for="query">查詢</label><textarea class="code" id="query" name="query" rows="14" spellcheck="false">${kept(query)}</textarea></div>
<div><label for="variables">變量（JSON，可留空）</label><textarea class="code" id="variables" name="variables" rows="3" spellcheck="false">${kept(variables)}</textarea></div>
<p><button type="submit">執行</button></p>
</form>
<h2 id="examples">示例查詢</h2>
<p>選一個示例填入上面的表格，再按「執行」。</p>
<ul>${EXAMPLES.map((example) => html`<li><a href="/explorer?example=${example.key}">${example.title}</a></li>`)}</ul>
${answer ? html`<h2 id="answer">結果（HTTP ${answer.status}）</h2><pre tabindex="0" aria-labelledby="answer"><code>${kept(shown)}</code></pre>` : ""}`;
}
