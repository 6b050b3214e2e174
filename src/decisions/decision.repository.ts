import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { type Row } from "../db/by-id.loader.js";
import { keysetAfter } from "../db/child-pages.loader.js";
import { type Page } from "../graphql/connection.js";
import { decodeCursor, encodeCursor } from "../graphql/cursor.js";
import { type PageRequest } from "../graphql/page-args.js";
import { type RecordStore } from "../store/record-store.js";
import { containsPattern, requiredGrams } from "../search/search-key.js";
import { arrayLiteral } from "../db/array-literal.js";
import { type DecisionOrderField, decisionOrderings } from "./decision-order.js";
import { type decisionCategory, type decisionStage, type decisionStatus } from "./decision.table.js";
import { type riskDimension, type riskLevel } from "../risk-assessments/risk-assessment.table.js";
import { literalDay, literalLimit } from "../db/literals.js";
import { inRegionSubtree, regionSize, type RegionSize } from "../regions/region-subtree.js";
import { builtStatement, serialOf } from "../db/built-statements.js";
import { type AppDb } from "../db/database.js";
import { type DisclosedTables } from "../disclosure/disclosed.tables.js";

/** The column that carries a search's number of matches on its first page. */
const MATCHES = "__matches";

type DecisionsView = RecordStore["tables"]["decisions"];

type Values<E extends { enumValues: readonly string[] }> = E["enumValues"][number][];

/** A decision filter with ids already decoded and the search text already normalised. */
export interface DecisionCriteria {
  catalogYear?: number;
  regionId?: string;
  decidingBodyId?: string;
  undertakingBodyId?: string;
  categories?: Values<typeof decisionCategory>;
  stages?: Values<typeof decisionStage>;
  statuses?: Values<typeof decisionStatus>;
  initiatedFrom?: string;
  initiatedTo?: string;
  publishedFrom?: string;
  publishedTo?: string;
  updatedSince?: Date;
  /** `lastActivityAt` at or after this time. */
  lastActivitySince?: Date;
  /** `lastActivityAt` before this time. */
  lastActivityBefore?: Date;
  /** A public risk assessment at one of `levels` (overall), or a public finding on `dimension` (at one of `levels`, if given). */
  risk?: { levels?: Values<typeof riskLevel>; dimension?: Values<typeof riskDimension>[number] };
  /** Steps on the public record: true, one is; false, none is. */
  hasExpertReview?: boolean;
  hasHearing?: boolean;
  hasRiskAssessment?: boolean;
  hasLegalityReview?: boolean;
  /** The budget within this range, ends included (a withheld budget is in none). */
  budgetMin?: number;
  budgetMax?: number;
  searchKey?: string;
  /** How much of the tree `regionId` is, set by `DecisionRepository.page` (see `regionSize`); absent elsewhere (counts, statistics). */
  regionSize?: RegionSize;
  /** Whether a consultation takes comments on `day` (China Standard Time). */
  openForComment?: { open: boolean; day: string };
  /** By the viewer's kept compliance reports (brought up to date by the caller). */
  compliance?: { states?: string[]; rule?: string; ruleStatuses?: string[] };
}

export interface DecisionOrder {
  field: DecisionOrderField;
  direction: "ASC" | "DESC";
}

/**
 * A value of the criteria, by name: the value itself, or a placeholder where the statement is built
 * once and run many times. Typed as `never` because it stands for a value of whichever column it meets.
 */
type Bind = (name: string) => never;

const placeholders = sql.placeholder as unknown as Bind;

/** Binds each value itself (a statement built for one use: counts, statistics). */
const valuesOf = (criteria: DecisionCriteria): Bind => {
  const values = criteriaValues(criteria);
  return (name) => values[name] as never;
};

/**
 * The criteria's values by the names `condition` binds them to. The names also tell the statement's
 * shape (which filters, how many values in each list), so they key the statements built once.
 */
function criteriaValues(c: DecisionCriteria): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    if (value !== undefined) values[name] = value;
  };
  const list = (name: string, items: readonly unknown[] | undefined) => items?.forEach((item, i) => (values[`${name}${i}`] = item));
  put("catalogYear", c.catalogYear);
  // A large region is written into the statement by its path.
  if (!c.regionSize?.large) put("regionId", c.regionId);
  list("state", c.compliance?.states);
  put("rule", c.compliance?.rule);
  list("ruleStatus", c.compliance?.rule !== undefined ? c.compliance.ruleStatuses : undefined);
  put("decidingBodyId", c.decidingBodyId);
  put("undertakingBodyId", c.undertakingBodyId);
  list("category", c.categories);
  list("stage", c.stages);
  list("status", c.statuses);
  put("initiatedFrom", c.initiatedFrom);
  put("initiatedTo", c.initiatedTo);
  put("publishedFrom", c.publishedFrom);
  put("publishedTo", c.publishedTo);
  // As text: a placeholder's value reaches the driver without the column's conversion of a Date.
  put("updatedSince", c.updatedSince?.toISOString());
  put("lastActivitySince", c.lastActivitySince?.toISOString());
  put("lastActivityBefore", c.lastActivityBefore?.toISOString());
  list("riskLevel", c.risk?.levels);
  put("riskDimension", c.risk?.dimension);
  // As text: numeric compares exactly with the column, whatever the float.
  put("budgetMin", c.budgetMin !== undefined ? String(c.budgetMin) : undefined);
  put("budgetMax", c.budgetMax !== undefined ? String(c.budgetMax) : undefined);
  if (c.searchKey !== undefined) {
    values.searchGrams = arrayLiteral(requiredGrams(c.searchKey));
    values.searchPattern = containsPattern(c.searchKey);
  }
  return values;
}

/**
 * A page without a filter: an index gives every ordering (the order by title through the parts of the
 * projection by title), so it reads a page's worth of rows and may share a connection with the turn's
 * other quick reads (ReadScheduler.readQuick). A filter can make an ordered walk long (a rare stage in
 * the order of updates: ~180 ms at 100,000 decisions); on a shared connection the reads behind it would
 * wait for it, so it goes to the least busy connection.
 */
function isQuickPage(criteria: DecisionCriteria): boolean {
  return Object.values(criteria).every((value) => value === undefined);
}

/** A step on record (true) or not (false): whether the viewer's records of it hold one for the decision. */
function onRecord(wanted: boolean | undefined, records: SQL): SQL | undefined {
  if (wanted === undefined) return undefined;
  return sql`${sql.raw(wanted ? "EXISTS" : "NOT EXISTS")} (${records})`;
}

/** Lists, counts and searches decisions, on the projection of the store it is given. */
export class DecisionRepository {
  constructor(private readonly store: RecordStore) {}

  /** The filter as SQL on the store's decisions table (also used by statistics), its values bound by `bind`. */
  condition(criteria: DecisionCriteria, bind: Bind = valuesOf(criteria), t: DecisionsView = this.store.tables.decisions): SQL | undefined {
    const { publications, consultations, searchDocuments, complianceAssessments: assessed, complianceResults: results, riskAssessments, riskFindings, expertReviews, legalityReviews } = this.store.tables;
    const c = criteria;
    const list = (name: string, items: readonly unknown[]) => items.map((_, i) => bind(`${name}${i}`));
    return and(
      c.catalogYear !== undefined ? eq(t.catalogYear, bind("catalogYear")) : undefined,
      c.regionId !== undefined ? this.inRegion(t, c.regionSize, bind) : undefined,
      c.compliance?.states ? sql`${t.id} IN (SELECT ${assessed.decisionId} FROM ${assessed} WHERE ${inArray(assessed.state, list("state", c.compliance.states))})` : undefined,
      c.compliance?.rule !== undefined
        ? sql`${t.id} IN (SELECT ${results.decisionId} FROM ${results} WHERE ${eq(results.rule, bind("rule"))} AND ${inArray(results.status, list("ruleStatus", c.compliance.ruleStatuses ?? []))})`
        : undefined,
      c.decidingBodyId !== undefined ? eq(t.decidingBodyId, bind("decidingBodyId")) : undefined,
      c.undertakingBodyId !== undefined ? eq(t.undertakingBodyId, bind("undertakingBodyId")) : undefined,
      c.categories?.length ? inArray(t.category, list("category", c.categories)) : undefined,
      c.stages?.length ? inArray(t.stage, list("stage", c.stages)) : undefined,
      c.statuses?.length ? inArray(t.status, list("status", c.statuses)) : undefined,
      c.initiatedFrom !== undefined ? gte(t.initiatedOn, bind("initiatedFrom")) : undefined,
      c.initiatedTo !== undefined ? lte(t.initiatedOn, bind("initiatedTo")) : undefined,
      c.publishedFrom !== undefined || c.publishedTo !== undefined
        ? sql`${t.id} IN (SELECT ${publications.decisionId} FROM ${publications} WHERE ${and(
            c.publishedFrom !== undefined ? gte(publications.publishedOn, bind("publishedFrom")) : undefined,
            c.publishedTo !== undefined ? lte(publications.publishedOn, bind("publishedTo")) : undefined,
          )})`
        : undefined,
      c.updatedSince !== undefined ? sql`${t.updatedAt} >= ${bind("updatedSince")}::timestamptz` : undefined,
      c.lastActivitySince !== undefined ? sql`${t.lastActivityAt} >= ${bind("lastActivitySince")}::timestamptz` : undefined,
      c.lastActivityBefore !== undefined ? sql`${t.lastActivityAt} < ${bind("lastActivityBefore")}::timestamptz` : undefined,
      c.risk?.dimension !== undefined
        ? sql`EXISTS (SELECT 1 FROM ${riskFindings} WHERE ${riskFindings.decisionId} = ${t.id} AND ${eq(riskFindings.dimension, bind("riskDimension"))}${c.risk.levels ? sql` AND ${inArray(riskFindings.level, list("riskLevel", c.risk.levels))}` : sql``})`
        : c.risk?.levels
          ? sql`EXISTS (SELECT 1 FROM ${riskAssessments} WHERE ${riskAssessments.decisionId} = ${t.id} AND ${inArray(riskAssessments.overallLevel, list("riskLevel", c.risk.levels))})`
          : undefined,
      // Steps on record: the viewer's records of the step (for the public, those of the projection).
      onRecord(c.hasExpertReview, sql`SELECT 1 FROM ${expertReviews} WHERE ${expertReviews.decisionId} = ${t.id}`),
      onRecord(c.hasHearing, sql`SELECT 1 FROM ${consultations} WHERE ${consultations.decisionId} = ${t.id} AND ${consultations.method} = 'HEARING'`),
      onRecord(c.hasRiskAssessment, sql`SELECT 1 FROM ${riskAssessments} WHERE ${riskAssessments.decisionId} = ${t.id}`),
      onRecord(c.hasLegalityReview, sql`SELECT 1 FROM ${legalityReviews} WHERE ${legalityReviews.decisionId} = ${t.id}`),
      c.budgetMin !== undefined || c.budgetMax !== undefined ? this.inBudget(t, c, bind) : undefined,
      c.openForComment !== undefined
        ? sql`${t.id} ${sql.raw(c.openForComment.open ? "IN" : "NOT IN")} (SELECT ${consultations.decisionId} FROM ${consultations} WHERE ${consultations.closesOn} >= ${literalDay(c.openForComment.day)} AND ${consultations.opensOn} <= ${literalDay(c.openForComment.day)})`
        : undefined,
      // Search documents of the projection only: a withheld field's text is not among them.
      c.searchKey !== undefined
        ? sql`${t.id} IN (SELECT ${searchDocuments.decisionId} FROM ${searchDocuments} WHERE ${searchDocuments.grams} @> ${bind("searchGrams")}::text[] AND ${searchDocuments.key} LIKE ${bind("searchPattern")})`
        : undefined,
    );
  }

  async page(asked: DecisionCriteria, order: DecisionOrder, request: PageRequest): Promise<Page<Row> & { totalCount?: number }> {
    const criteria = asked.regionId !== undefined ? { ...asked, regionSize: await regionSize(this.store.read, this.store.tables.regions, asked.regionId) } : asked;
    const keys = decisionOrderings(this.store.tables.decisions)[order.field];
    const orderingName = `decisions:${order.field}:${order.direction}`;
    const cursor = request.cursor
      ? decodeCursor(request.cursor, orderingName, keys.map((k) => k.check), request.direction === "forward" ? "after" : "before")
      : null;
    // Paging backwards reads the list in the opposite direction and turns the page round.
    const ascending = (order.direction === "ASC") === (request.direction === "forward");
    const t = this.store.tables.decisions;
    // A search ranks every match before it can cut a page, so the first page counts them in the
    // same statement; a list in index order stops at the page, and is counted apart if asked.
    const countsAll = criteria.searchKey !== undefined && !cursor;
    const values = criteriaValues(criteria);
    cursor?.forEach((value, i) => (values[`after${i}`] = value));
    // Built once per shape (the filters present, the lengths of their lists, the ordering, the page
    // size) and run with the values: drizzle's building was a twentieth of a list page's CPU.
    const shape = [serialOf(t), Object.keys(values).join(","), criteria.openForComment ? `${criteria.openForComment.open}:${criteria.openForComment.day}` : "", [criteria.hasExpertReview, criteria.hasHearing, criteria.hasRiskAssessment, criteria.hasLegalityReview].join("/"), criteria.regionSize?.large ? criteria.regionSize.path : criteria.regionSize?.tiny ? "tiny" : "", order.field, ascending, request.size, countsAll].join(":");
    const limit = literalLimit(request.size + 1);
    // The filter, the cursor and the order, on the decisions view or on one of its parts by title.
    const where = (table: DecisionsView) =>
      and(this.condition(criteria, placeholders, table), cursor ? keysetAfter(decisionOrderings(table)[order.field], cursor.map((_, i) => sql.placeholder(`after${i}`)), ascending ? "asc" : "desc") : undefined);
    const ordered = (table: Parameters<typeof decisionOrderings>[0]) => decisionOrderings(table)[order.field].map((k) => (ascending ? asc(k.expression as SQL) : desc(k.expression as SQL)));
    const titleParts = order.field === "TITLE" && !countsAll ? this.titleParts() : undefined;
    const searched = this.searchOnly(criteria);
    const build = (db: AppDb) => {
      const pageOf = (table: DecisionsView) => db.select(getTableColumns(table)).from(table).where(where(table)).orderBy(...ordered(table)).limit(limit);
      if (searched) {
        // Ranked on the kept public search documents alone, which carry their decision's public sort
        // keys: reading and checking every matching decision was most of a search (at 100,000, ~1,300
        // decisions for a common term). The views show a decision's current document alone, so the
        // matches are one per decision with no DISTINCT (its sort was a fifth of the statement). Then
        // the page's rows read whole, as below.
        const matched = db
          .select({ id: searched.id, catalogYear: searched.catalogYear, catalogNumber: searched.catalogNumber, initiatedOn: searched.initiatedOn, updatedAt: searched.updatedAt, lastActivityAt: searched.lastActivityAt, title: searched.title })
          .from(searched)
          .where(sql`${searched.grams} @> ${placeholders("searchGrams")}::text[] AND ${searched.key} LIKE ${placeholders("searchPattern")}`)
          .as("matched");
        const after = cursor ? keysetAfter(decisionOrderings(matched)[order.field], cursor.map((_, i) => sql.placeholder(`after${i}`)), ascending ? "asc" : "desc") : undefined;
        // Counted on every page (a page after the first counts what follows its cursor, unused): one statement's shape.
        const ranked = db.$with("ranked").as(db.select({ id: matched.id, matches: sql<number>`count(*) OVER ()`.as("matches") }).from(matched).where(after).orderBy(...ordered(matched)).limit(limit));
        return db.with(ranked).select({ ...getTableColumns(t), [MATCHES]: sql<number>`${ranked.matches}`.mapWith(Number) }).from(t).innerJoin(ranked, eq(t.id, ranked.id)).orderBy(...ordered(t));
      }
      if (titleParts) {
        // Each part's page in the order of its index, then the two merged: a page's worth of rows each.
        const merged = unionAll(pageOf(titleParts[0]), pageOf(titleParts[1])).as("merged");
        return db.select().from(merged).orderBy(...ordered(merged)).limit(limit);
      }
      if (!countsAll) return pageOf(t);
      // Ranked and counted on the ids alone, then the page's rows read whole: the projection works
      // out its withheld columns for the page's rows, not for every match (a search: ~15 % less).
      const ranked = db.$with("ranked").as(db.select({ id: t.id, matches: sql<number>`count(*) OVER ()`.as("matches") }).from(t).where(where(t)).orderBy(...ordered(t)).limit(limit));
      return db.with(ranked).select({ ...getTableColumns(t), [MATCHES]: sql<number>`${ranked.matches}`.mapWith(Number) }).from(t).innerJoin(ranked, eq(t.id, ranked.id)).orderBy(...ordered(t));
    };
    const read = isQuickPage(criteria) ? this.store.readQuick : this.store.read;
    const rows = (await read((db) => builtStatement(db, `decisions:${shape}`, build).execute(values))) as Row[];
    const matches = countsAll ? ((rows[0]?.[MATCHES] as number | undefined) ?? 0) : undefined;
    for (const row of countsAll || searched ? rows : []) delete row[MATCHES];
    const more = rows.length > request.size;
    const page = rows.slice(0, request.size);
    if (request.direction === "backward") page.reverse();
    return {
      rows: page,
      cursorOf: (i) => encodeCursor(orderingName, keys.map((k) => k.valueOf(page[i]!))),
      hasNextPage: request.direction === "forward" ? more : cursor !== null,
      hasPreviousPage: request.direction === "forward" ? cursor !== null : more,
      totalCount: matches,
    };
  }

  /**
   * `t` is of the region or a region under it. A tiny region's decisions are read first
   * (`ANY (ARRAY(…))`, which a generic plan takes for a few) and sorted: its first page, planned for
   * any region, walked the order's index past the rest of the tree (a village's at 100k: 18–26 ms, by
   * title 35–49 ms; so, 2–3 ms). A town's are not: there the parameter's plan is as quick or quicker
   * (the benchmark's town and year: 271 req/s so, 203 read first).
   */
  private inRegion(t: DecisionsView, size: RegionSize | undefined, bind: Bind): SQL {
    const regions = this.store.tables.regions;
    if (size?.large) return inRegionSubtree(t.regionId, regions, { largePath: size.path });
    const byId = (column: SQLWrapper) => inRegionSubtree(column, regions, { id: bind("regionId") });
    if (!size?.tiny) return byId(t.regionId);
    return sql`${t.id} = ANY (ARRAY(SELECT in_region.id FROM ${this.store.tables.decisions} in_region WHERE ${byId(sql.raw("in_region.region_id"))}))`;
  }

  /**
   * The budget within the range. The public's through the decisions whose budget is public, whose
   * budget column is the table's own (so that `decisions_budget_idx` finds them): a withheld budget is
   * in no range, as if it were absent. Staff's on their table.
   */
  private inBudget(t: DecisionsView, c: DecisionCriteria, bind: Bind): SQL {
    const range = (b: DecisionsView) =>
      and(
        c.budgetMin !== undefined ? sql`${b.budgetYuan} >= ${bind("budgetMin")}::numeric` : undefined,
        c.budgetMax !== undefined ? sql`${b.budgetYuan} <= ${bind("budgetMax")}::numeric` : undefined,
      )!;
    const budgeted = this.store.tables.decisionsBudgetPublic;
    return budgeted ? sql`${t.id} IN (SELECT ${budgeted.id} FROM ${budgeted} WHERE ${range(budgeted)})` : range(t);
  }

  /** The public search matches, when the criteria are a search alone (the public's; staff search their tables). */
  private searchOnly(criteria: DecisionCriteria): DisclosedTables["searchMatches"] {
    const others = Object.entries(criteria).filter(([name, value]) => name !== "searchKey" && value !== undefined);
    return criteria.searchKey !== undefined && others.length === 0 ? this.store.tables.searchMatches : undefined;
  }

  /**
   * The projection's decisions whose title is public and those whose title is withheld, for the
   * order by title; none for staff, whose table the title index orders itself.
   */
  private titleParts(): [DecisionsView, DecisionsView] | undefined {
    const { decisionsTitlePublic: titled, decisionsTitleWithheld: withheld } = this.store.tables;
    return titled && withheld ? [titled, withheld] : undefined;
  }

  async count(criteria: DecisionCriteria): Promise<number> {
    const t = this.store.tables.decisions;
    const [row] = await this.store.read((db) => db.select({ total: count() }).from(t).where(this.condition(criteria)));
    return row?.total ?? 0;
  }
}
