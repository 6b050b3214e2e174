import { html, type Html } from "./html.js";
import { label, valuesOf } from "./labels.js";
import { type PublicApi, SiteInputError } from "./public-api.js";
import { kept } from "./script.js";

export const RESULTS_PER_PAGE = 20;

/** The filters as they stand in the query string: shareable, bookmarkable, kept across a reload. */
export interface HomeQuery {
  q?: string;
  region?: string;
  year?: string;
  body?: string;
  category?: string;
  stage?: string;
  open?: string;
  sort?: string;
  after?: string;
  before?: string;
  /** Where the page starts in the list (1 on the first page), carried by the paging links: a cursor does not say. */
  start?: string;
}

const FILTER_KEYS = ["q", "region", "year", "body", "category", "stage", "open"] as const;

interface RegionOption {
  id: string;
  name: string;
  level: string;
  parent: { id: string } | null;
}

interface DecisionItem {
  id: string;
  title: string | null;
  summary: string | null;
  catalogYear: number;
  catalogNumber: number;
  stage: string;
  status: string;
  region: { name: string };
  decidingBody: { name: string };
}

interface HomeData {
  cities: RegionOption[];
  towns: RegionOption[];
  bodies: { id: string; name: string }[];
  selectedRegion: (RegionOption & { children: RegionOption[]; parent: (RegionOption & { children: RegionOption[] }) | null }) | null;
}

interface Results {
  decisions: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; nodes: DecisionItem[] };
}

const CHOICES = `
  cities: regions(level: CITY) { id name level parent { id } }
  towns: regions(level: TOWN) { id name level parent { id } }
  bodies { id name }`;

const SELECTED_REGION = `selectedRegion: node(id: $region) { ... on Region { id name level parent { id name level parent { id } children { id name level parent { id } } } children { id name level parent { id } } } }`;

/** The orders the API offers, each either way; the first is the API's own default. */
const SORTS: [value: string, field: string, direction: "ASC" | "DESC", text: string][] = [
  ["catalog-desc", "CATALOG", "DESC", "目錄編號（新到舊）"],
  ["catalog-asc", "CATALOG", "ASC", "目錄編號（舊到新）"],
  ["initiated-desc", "INITIATED_ON", "DESC", "啟動日期（新到舊）"],
  ["initiated-asc", "INITIATED_ON", "ASC", "啟動日期（舊到新）"],
  ["activity-desc", "LAST_ACTIVITY_AT", "DESC", "最近進展（新到舊）"],
  ["activity-asc", "LAST_ACTIVITY_AT", "ASC", "最近進展（舊到新）"],
  ["updated-desc", "UPDATED_AT", "DESC", "資料修改（新到舊）"],
  ["updated-asc", "UPDATED_AT", "ASC", "資料修改（舊到新）"],
  ["title-asc", "TITLE", "ASC", "標題（升序）"],
  ["title-desc", "TITLE", "DESC", "標題（降序）"],
];

const RESULTS = `query Results($filter: DecisionFilter, $orderBy: DecisionOrder, $first: Int, $after: String, $last: Int, $before: String) {
  decisions(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { id title summary catalogYear catalogNumber stage status region { name } decidingBody { name } }
  }
}`;

/** Problems with the query string, in the resident's words, by the control they concern. */
type Problems = Partial<Record<(typeof FILTER_KEYS)[number] | "sort" | "page", string>>;

function checkQuery(query: HomeQuery): Problems {
  const problems: Problems = {};
  if (query.q !== undefined && query.q.length > 200) problems.q = "搜尋文字最多 200 個字。";
  // eslint-disable-next-line no-control-regex
  else if (query.q !== undefined && /[\u0000-\u001f\u007f]/.test(query.q)) problems.q = "搜尋文字含有無法使用的控制字元。";
  if (query.year && !/^\d{4}$/.test(query.year)) problems.year = "年度須為四位數字，例如 2024。";
  if (query.category && !valuesOf("DecisionCategory").some(([value]) => value === query.category)) problems.category = "沒有這種決策類別。";
  if (query.stage && !valuesOf("DecisionStage").some(([value]) => value === query.stage)) problems.stage = "沒有這個程序階段。";
  if (query.sort && !SORTS.some(([value]) => value === query.sort)) problems.sort = "沒有這種排序方式。";
  if ((query.after && query.before) || (query.start && !/^[1-9]\d{0,6}$/.test(query.start))) problems.page = "翻頁連結有誤，請重新查詢。";
  return problems;
}

function filterOf(query: HomeQuery): Record<string, unknown> {
  return {
    ...(query.q?.trim() ? { search: query.q.trim() } : {}),
    ...(query.region ? { regionId: query.region } : {}),
    ...(query.year ? { catalogYear: Number(query.year) } : {}),
    ...(query.body ? { decidingBodyId: query.body } : {}),
    ...(query.category ? { category: [query.category] } : {}),
    ...(query.stage ? { stage: [query.stage] } : {}),
    ...(query.open === "1" ? { openForComment: true } : {}),
  };
}

/** Which control an API refusal concerns. */
const PROBLEM_OF_ARGUMENT: Record<string, [keyof Problems, string]> = {
  "filter.regionId": ["region", "找不到所選的地區。"],
  "filter.decidingBodyId": ["body", "找不到所選的機關。"],
  "filter.search": ["q", "搜尋文字無法使用，請換一種寫法。"],
  after: ["page", "翻頁連結已失效，請重新查詢。"],
  before: ["page", "翻頁連結已失效，請重新查詢。"],
};

/** `today` is the server's day (China Standard Time): the year list runs to next year. */
export async function homePage(api: PublicApi, query: HomeQuery, today: string): Promise<{ status: number; title: string; body: Html }> {
  const problems = checkQuery(query);
  const choices = await api.query<HomeData>(`query Choices($region: ID!, $withRegion: Boolean!) { ${CHOICES} ${SELECTED_REGION.replace("node(id: $region)", "node(id: $region) @include(if: $withRegion)")} }`, {
    region: query.region ?? "",
    withRegion: Boolean(query.region),
  }).catch((error: unknown) => {
    if (!(error instanceof SiteInputError)) throw error;
    problems.region = "找不到所選的地區。";
    return api.query<HomeData>(`query Choices { ${CHOICES} }`);
  });
  let results: Results | null = null;
  if (Object.keys(problems).length === 0) {
    const paging = query.before ? { last: RESULTS_PER_PAGE, before: query.before } : { first: RESULTS_PER_PAGE, after: query.after ?? null };
    const [, field, direction] = SORTS.find(([value]) => value === query.sort) ?? SORTS[0]!;
    results = await api.query<Results>(RESULTS, { filter: filterOf(query), orderBy: { field, direction }, ...paging }).catch((error: unknown) => {
      if (!(error instanceof SiteInputError)) throw error;
      const [key, message] = PROBLEM_OF_ARGUMENT[error.argument ?? ""] ?? ["page", "查詢條件有誤，請修改後再試。"];
      problems[key] = message;
      return null;
    });
  }
  const searching = FILTER_KEYS.some((key) => query[key]);
  return {
    status: Object.keys(problems).length ? 400 : 200,
    title: searching ? "查詢結果" : "查詢重大行政決策",
    body: html`<h1>查詢重大行政決策</h1>
<p>輸入關鍵字（繁體、簡體均可），或按地區、年度、機關、類別和程序階段篩選。</p>
${searchForm(query, choices, problems, Number(today.slice(0, 4)))}
${problemList(problems)}
${results ? resultList(query, results) : ""}`,
  };
}

/** Each problem links to the control it concerns, when the form has one. */
function problemList(problems: Problems): Html {
  const entries = Object.entries(problems);
  if (!entries.length) return html``;
  const item = ([key, message]: [string, string]) => ((FILTER_KEYS as readonly string[]).includes(key) ? html`<li><a href="#${key}">${message}</a></li>` : html`<li>${message}</li>`);
  return html`<div class="error" role="alert"><p><strong>無法按這些條件查詢：</strong></p><ul>${entries.map(item)}</ul></div>`;
}

function regionOptions(data: HomeData, selected: string | undefined): Html[] {
  const options: Html[] = [];
  const option = (region: RegionOption, depth: number) =>
    options.push(html`<option value="${region.id}"${region.id === selected ? html` selected` : ""}>${"　".repeat(depth)}${region.name}</option>`);
  // Villages are listed only under the town chosen (or the town of the village chosen): a city's
  // hundreds of villages would make every page heavy.
  const chosen = data.selectedRegion;
  const openTown = chosen?.level === "TOWN" ? chosen : chosen?.level === "VILLAGE" ? chosen.parent : null;
  for (const city of data.cities) {
    option(city, 0);
    for (const town of data.towns.filter((t) => t.parent?.id === city.id)) {
      option(town, 1);
      if (openTown?.id === town.id) for (const village of openTown.children) option(village, 2);
    }
  }
  return options;
}

function select(name: string, text: string, options: Html[], problem?: string): Html {
  return html`<div><label for="${name}">${text}</label>
<select id="${name}" name="${name}"${problem ? html` aria-invalid="true" aria-describedby="${name}-error"` : ""}><option value="">全部</option>${options}</select>
${problem ? html`<p class="field-error" id="${name}-error">${problem}</p>` : ""}</div>`;
}

function enumOptions(enumName: string, selected: string | undefined): Html[] {
  return valuesOf(enumName).map(([value, text]) => html`<option value="${value}"${value === selected ? html` selected` : ""}>${text}</option>`);
}

function yearOptions(selected: string | undefined, thisYear: number): Html[] {
  const years = Array.from({ length: thisYear - 2014 }, (_, i) => String(thisYear + 1 - i));
  if (selected && /^\d{4}$/.test(selected) && !years.includes(selected)) years.push(selected);
  return years.map((year) => html`<option value="${year}"${year === selected ? html` selected` : ""}>${year} 年</option>`);
}

/** The filters behind the keyword, one tap away on a phone so that the results come first; open when one of them is refused. */
const FOLDED = ["region", "year", "body", "category", "stage", "open"] as const;

function searchForm(query: HomeQuery, data: HomeData, problems: Problems, thisYear: number): Html {
  const chosen = FOLDED.filter((key) => query[key]).length;
  return html`<form class="filters" id="search" method="get" action="/" role="search" aria-label="查詢決策">
<div><label for="q">關鍵字</label>
<input type="search" id="q" name="q" value="${kept(query.q ?? "")}" maxlength="200"${problems.q ? html` aria-invalid="true" aria-describedby="q-error"` : ""}>
${problems.q ? html`<p class="field-error" id="q-error">${problems.q}</p>` : ""}</div>
<details class="fold"${FOLDED.some((key) => problems[key]) ? html` open` : ""}><summary>篩選條件${chosen ? `（已選 ${chosen} 項）` : ""}</summary><div class="filter-grid">
${select("region", "地區", regionOptions(data, query.region), problems.region)}
${select("year", "年度", yearOptions(query.year, thisYear), problems.year)}
${select("body", "決策機關", data.bodies.map((b) => html`<option value="${b.id}"${b.id === query.body ? html` selected` : ""}>${b.name}</option>`), problems.body)}
${select("category", "決策類別", enumOptions("DecisionCategory", query.category), problems.category)}
${select("stage", "程序階段", enumOptions("DecisionStage", query.stage), problems.stage)}
<div class="check"><input type="checkbox" id="open" name="open" value="1"${query.open === "1" ? html` checked` : ""}> <label for="open">正在徵求公眾意見</label></div>
</div></details>
<div><button type="submit">查詢</button> <a href="/">清除條件</a></div>
</form>`;
}

function pageLink(query: HomeQuery, cursor: { after?: string; before?: string }, start: number | null): string {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, "sort"] as const) if (query[key]) params.set(key, query[key]!);
  if (cursor.after) params.set("after", cursor.after);
  if (cursor.before) params.set("before", cursor.before);
  if (start !== null) params.set("start", String(start));
  return `/?${params.toString()}`;
}

/**
 * Where this page starts in the list. Known for the first page and the last (it ends the list);
 * between them the paging links carry it, kept within the list: a cursor does not say, and a
 * link edited by hand can only mislabel the visitor's own page.
 */
function startOf(query: HomeQuery, { totalCount, nodes, pageInfo }: Results["decisions"]): number | null {
  const last = Math.max(1, totalCount - nodes.length + 1);
  if (query.before ? !pageInfo.hasPreviousPage : !query.after) return 1;
  if (query.after && !pageInfo.hasNextPage) return last;
  return query.start ? Math.min(Number(query.start), last) : null;
}

/** "第 21–40 項，共 161 項"; without a known start, how many this page holds. */
function range(start: number | null, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `共 ${total} 項`;
  if (start === null) return `本頁 ${shown} 項，共 ${total} 項`;
  return shown === 1 ? `第 ${start} 項，共 ${total} 項` : `第 ${start}–${start + shown - 1} 項，共 ${total} 項`;
}

/** The orders, tied to the search form (its filters go along, and the list starts again at its beginning). */
function sortControl(query: HomeQuery): Html {
  const current = query.sort ?? SORTS[0]![0];
  return html`<div class="sort"><div><label for="sort">排序方式</label>
<select id="sort" name="sort" form="search">${SORTS.map(([value, , , text]) => html`<option value="${value}"${value === current ? html` selected` : ""}>${text}</option>`)}</select></div>
<button type="submit" form="search">排序</button></div>`;
}

function resultList(query: HomeQuery, { decisions }: Results): Html {
  const { pageInfo } = decisions;
  const start = startOf(query, decisions);
  return html`<section aria-labelledby="results-heading">
<h2 id="results-heading">共 ${decisions.totalCount} 項決策</h2>
${decisions.totalCount > 1 ? sortControl(query) : ""}
<p class="meta" id="results-range">${range(start, decisions.nodes.length, decisions.totalCount)}</p>
${decisions.nodes.length === 0 ? html`<p>沒有符合條件的決策。可以減少篩選條件，或換一個關鍵字。</p>` : ""}
<ul class="results">${decisions.nodes.map(
    (d) => html`<li><h3><a href="/decisions/${encodeURIComponent(d.id)}">${d.title ?? "（標題依法不予公開）"}</a></h3>
<p class="meta">${d.catalogYear} 年第 ${d.catalogNumber} 號 · ${d.region.name} · ${d.decidingBody.name} · ${label("DecisionStage", d.stage)} · ${label("DecisionStatus", d.status)}</p>
${d.summary ? html`<p>${d.summary.length > 120 ? `${d.summary.slice(0, 120)}…` : d.summary}</p>` : ""}</li>`,
  )}</ul>
<nav class="pager" aria-label="翻頁">
${pageInfo.hasPreviousPage && pageInfo.startCursor ? html`<a href="${pageLink(query, { before: pageInfo.startCursor }, start === null ? null : Math.max(1, start - RESULTS_PER_PAGE))}" rel="prev">上一頁</a>` : ""}
${pageInfo.hasNextPage && pageInfo.endCursor ? html`<a href="${pageLink(query, { after: pageInfo.endCursor }, start === null ? null : start + decisions.nodes.length)}" rel="next">下一頁</a>` : ""}
</nav>
</section>`;
}
