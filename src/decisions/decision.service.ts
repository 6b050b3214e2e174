import { type ConnectionValue, toConnection } from "../graphql/connection.js";
import { rowIdOf } from "../graphql/global-id.js";
import { type PageArgs, pageRequest } from "../graphql/page-args.js";
import { isCalendarDay } from "../graphql/cursor.js";
import { UserInputError } from "../graphql/user-input.error.js";
import { asNode, type NodeRow } from "../store/node.js";
import { type RecordStore } from "../store/record-store.js";
import { searchKey } from "../search/search-key.js";
import { chinaDate } from "../compliance/working-days.js";
import { type Clock } from "../shared/clock.js";
import { type ComplianceFilter } from "../compliance/compliance-filter.input.js";
import { type DecisionFilter, type DateRange, type RiskFilter, type YuanRange } from "./decision-filter.input.js";
import { type DecisionOrder } from "./decision-order.input.js";
import { type DecisionCriteria, DecisionRepository } from "./decision.repository.js";

const MAX_SEARCH_LENGTH = 200;
const DEFAULT_ORDER: DecisionOrder = { field: "CATALOG", direction: "DESC" };

function checkDay(day: string | null | undefined, argument: string): void {
  if (day != null && (!isCalendarDay(day) || day > "9999-12-31")) throw new UserInputError(`"${argument}" must be a day between the years 1 and 9999.`, argument);
}

function checkRange(range: DateRange | null | undefined, argument: string): void {
  checkDay(range?.from, `${argument}.from`);
  checkDay(range?.to, `${argument}.to`);
  if (range?.from && range.to && range.from > range.to) throw new UserInputError(`"${argument}.from" must not be after "${argument}.to".`, argument);
}

/** An empty "any of" list would match nothing; it is almost certainly a client's mistake. */
function checkList<T>(values: T[] | null | undefined, argument: string): T[] | undefined {
  if (values == null) return undefined;
  if (values.length === 0) throw new UserInputError(`"${argument}" must list at least one value, or be left out.`, argument);
  return values;
}

/** The largest amount a budget can hold (numeric(16, 2)). */
const MAX_YUAN = 99_999_999_999_999.99;

function checkYuan(range: YuanRange, argument: string): void {
  if (range.min == null && range.max == null) throw new UserInputError(`"${argument}" must give "min", "max" or both, or be left out.`, argument);
  for (const end of ["min", "max"] as const) {
    const value = range[end];
    if (value != null && !(value >= 0 && value <= MAX_YUAN)) throw new UserInputError(`"${argument}.${end}" must be between 0 and ${MAX_YUAN} yuan.`, `${argument}.${end}`);
  }
  if (range.min != null && range.max != null && range.min > range.max) throw new UserInputError(`"${argument}.min" must not be more than "${argument}.max".`, argument);
}

function riskCriteria(filter: RiskFilter): NonNullable<DecisionCriteria["risk"]> {
  const levels = checkList(filter.level, "filter.risk.level") as NonNullable<DecisionCriteria["risk"]>["levels"];
  if (!levels && filter.dimension == null) throw new UserInputError('"filter.risk" must give "level", "dimension" or both, or be left out.', "filter.risk");
  return { levels, dimension: (filter.dimension ?? undefined) as NonNullable<DecisionCriteria["risk"]>["dimension"] };
}

function complianceCriteria(filter: ComplianceFilter): NonNullable<DecisionCriteria["compliance"]> {
  const states = checkList(filter.state, "filter.compliance.state");
  const statuses = checkList(filter.ruleStatus, "filter.compliance.ruleStatus");
  if (statuses && filter.rule == null) throw new UserInputError('"filter.compliance.ruleStatus" needs "filter.compliance.rule".', "filter.compliance.ruleStatus");
  return { states, rule: filter.rule ?? undefined, ruleStatuses: filter.rule != null ? (statuses ?? ["VIOLATED"]) : undefined };
}

/** Turns a client's filter into criteria the repository can trust: ids decoded by type, search normalised. */
/** `today` is the China Standard Time day that "open for comment" means. */
export function decisionCriteria(filter: DecisionFilter | null | undefined, today: string): DecisionCriteria {
  if (!filter) return {};
  checkRange(filter.initiatedOn, "filter.initiatedOn");
  checkRange(filter.publishedOn, "filter.publishedOn");
  if (filter.updatedSince != null) checkDay(filter.updatedSince.toISOString().slice(0, 10), "filter.updatedSince");
  if (filter.lastActivitySince != null) checkDay(filter.lastActivitySince.toISOString().slice(0, 10), "filter.lastActivitySince");
  if (filter.lastActivityBefore != null) checkDay(filter.lastActivityBefore.toISOString().slice(0, 10), "filter.lastActivityBefore");
  if (filter.lastActivitySince != null && filter.lastActivityBefore != null && filter.lastActivitySince >= filter.lastActivityBefore) {
    throw new UserInputError('"filter.lastActivitySince" must be before "filter.lastActivityBefore".', "filter.lastActivitySince");
  }
  if (filter.budgetYuan) checkYuan(filter.budgetYuan, "filter.budgetYuan");
  const criteria: DecisionCriteria = {
    catalogYear: filter.catalogYear ?? undefined,
    regionId: filter.regionId != null ? rowIdOf(filter.regionId, "Region", "filter.regionId") : undefined,
    decidingBodyId: filter.decidingBodyId != null ? rowIdOf(filter.decidingBodyId, "PublicBody", "filter.decidingBodyId") : undefined,
    undertakingBodyId: filter.undertakingBodyId != null ? rowIdOf(filter.undertakingBodyId, "PublicBody", "filter.undertakingBodyId") : undefined,
    categories: checkList(filter.category, "filter.category") as DecisionCriteria["categories"],
    stages: checkList(filter.stage, "filter.stage") as DecisionCriteria["stages"],
    statuses: checkList(filter.status, "filter.status") as DecisionCriteria["statuses"],
    initiatedFrom: filter.initiatedOn?.from ?? undefined,
    initiatedTo: filter.initiatedOn?.to ?? undefined,
    publishedFrom: filter.publishedOn?.from ?? undefined,
    publishedTo: filter.publishedOn?.to ?? undefined,
    updatedSince: filter.updatedSince ?? undefined,
    compliance: filter.compliance ? complianceCriteria(filter.compliance) : undefined,
    openForComment: filter.openForComment != null ? { open: filter.openForComment, day: today } : undefined,
    lastActivitySince: filter.lastActivitySince ?? undefined,
    lastActivityBefore: filter.lastActivityBefore ?? undefined,
    risk: filter.risk ? riskCriteria(filter.risk) : undefined,
    hasExpertReview: filter.hasExpertReview ?? undefined,
    hasHearing: filter.hasHearing ?? undefined,
    hasRiskAssessment: filter.hasRiskAssessment ?? undefined,
    hasLegalityReview: filter.hasLegalityReview ?? undefined,
    budgetMin: filter.budgetYuan?.min ?? undefined,
    budgetMax: filter.budgetYuan?.max ?? undefined,
  };
  if (filter.search != null) {
    if (filter.search.length > MAX_SEARCH_LENGTH) throw new UserInputError(`"filter.search" must be at most ${MAX_SEARCH_LENGTH} characters.`, "filter.search");
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(filter.search)) throw new UserInputError('"filter.search" must not contain control characters.', "filter.search");
    const key = searchKey(filter.search);
    if (key.length === 0) throw new UserInputError('"filter.search" must contain at least one character besides spaces.', "filter.search");
    criteria.searchKey = key;
  }
  return criteria;
}

export class DecisionService {
  private readonly repository: DecisionRepository;

  /** `fresh` brings the kept compliance reports up to date, before a compliance filter reads them. */
  constructor(
    private readonly store: RecordStore,
    private readonly fresh: () => Promise<void> = async () => undefined,
    private readonly clock: Clock = () => new Date(),
  ) {
    this.repository = new DecisionRepository(store);
  }

  async list(filter: DecisionFilter | null | undefined, orderBy: DecisionOrder | null | undefined, args: PageArgs): Promise<ConnectionValue<NodeRow>> {
    const criteria = decisionCriteria(filter, chinaDate(this.clock()));
    if (criteria.compliance) await this.fresh();
    const page = await this.repository.page(criteria, orderBy ?? DEFAULT_ORDER, pageRequest(args));
    this.store.prime("Decision", page.rows);
    const { totalCount } = page;
    return toConnection({ ...page, rows: page.rows.map((row) => asNode("Decision", row)) }, async () => totalCount ?? this.repository.count(criteria));
  }
}
