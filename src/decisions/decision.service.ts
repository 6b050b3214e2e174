import { type ConnectionValue, toConnection } from "../graphql/connection.js";
import { rowIdOf } from "../graphql/global-id.js";
import { type PageArgs, pageRequest } from "../graphql/page-args.js";
import { UserInputError } from "../graphql/user-input.error.js";
import { asNode, type NodeRow } from "../records/node.js";
import { type RecordStore } from "../records/record-store.js";
import { searchKey } from "../search/search-key.js";
import { type DecisionFilter, type DateRange } from "./decision-filter.input.js";
import { type DecisionOrder } from "./decision-order.input.js";
import { type DecisionCriteria, DecisionRepository } from "./decision.repository.js";

const MAX_SEARCH_LENGTH = 200;
const DEFAULT_ORDER: DecisionOrder = { field: "CATALOG", direction: "DESC" };

function checkRange(range: DateRange | null | undefined, argument: string): void {
  if (range?.from && range.to && range.from > range.to) throw new UserInputError(`"${argument}.from" must not be after "${argument}.to".`, argument);
}

/** Turns a client's filter into criteria the repository can trust: ids decoded by type, search normalised. */
export function decisionCriteria(filter: DecisionFilter | null | undefined): DecisionCriteria {
  if (!filter) return {};
  checkRange(filter.initiatedOn, "filter.initiatedOn");
  checkRange(filter.publishedOn, "filter.publishedOn");
  const criteria: DecisionCriteria = {
    catalogYear: filter.catalogYear ?? undefined,
    regionId: filter.regionId != null ? rowIdOf(filter.regionId, "Region", "filter.regionId") : undefined,
    decidingBodyId: filter.decidingBodyId != null ? rowIdOf(filter.decidingBodyId, "PublicBody", "filter.decidingBodyId") : undefined,
    undertakingBodyId: filter.undertakingBodyId != null ? rowIdOf(filter.undertakingBodyId, "PublicBody", "filter.undertakingBodyId") : undefined,
    categories: (filter.category ?? undefined) as DecisionCriteria["categories"],
    stages: (filter.stage ?? undefined) as DecisionCriteria["stages"],
    statuses: (filter.status ?? undefined) as DecisionCriteria["statuses"],
    initiatedFrom: filter.initiatedOn?.from ?? undefined,
    initiatedTo: filter.initiatedOn?.to ?? undefined,
    publishedFrom: filter.publishedOn?.from ?? undefined,
    publishedTo: filter.publishedOn?.to ?? undefined,
    updatedSince: filter.updatedSince ?? undefined,
  };
  if (filter.search != null) {
    if (filter.search.length > MAX_SEARCH_LENGTH) throw new UserInputError(`"filter.search" must be at most ${MAX_SEARCH_LENGTH} characters.`, "filter.search");
    const key = searchKey(filter.search);
    if (key.length === 0) throw new UserInputError('"filter.search" must contain at least one character besides spaces.', "filter.search");
    criteria.searchKey = key;
  }
  return criteria;
}

export class DecisionService {
  private readonly repository: DecisionRepository;

  constructor(private readonly store: RecordStore) {
    this.repository = new DecisionRepository(store);
  }

  async list(filter: DecisionFilter | null | undefined, orderBy: DecisionOrder | null | undefined, args: PageArgs): Promise<ConnectionValue<NodeRow>> {
    const criteria = decisionCriteria(filter);
    const page = await this.repository.page(criteria, orderBy ?? DEFAULT_ORDER, pageRequest(args));
    this.store.prime("Decision", page.rows);
    return toConnection({ ...page, rows: page.rows.map((row) => asNode("Decision", row)) }, () => this.repository.count(criteria));
  }
}
