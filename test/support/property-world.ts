import { expect } from "vitest";
import { getTableConfig } from "drizzle-orm/pg-core";
import { datasets } from "../../src/open-data/datasets.js";
import { recordDisclosures } from "../../src/disclosure/record-types.js";
import { recordKindOf } from "../../src/disclosure/withholding-notice.type.js";
import { rowIdOf } from "../../src/graphql/global-id.js";
import { type TestApi } from "./api.js";
import { expectPublicSearchKept } from "./public-search.js";
import { inputType, references } from "./fixtures.js";
import { type ModelRecord, PublicModel, type Slot } from "./public-model.js";

/** One operation of an editor or a resident; indices are taken modulo what exists when it runs. */
export type Operation =
  | { op: "update" | "withholdField" | "release"; slot: number; field: number }
  | { op: "withholdWhole" | "withdraw"; slot: number }
  | { op: "submit" | "createBasis" }
  | { op: "moderate"; comment: number; publish: boolean }
  | { op: "answer"; comment: number; result: number };

/** The mutations the property test's worlds and operations run, each against the reference model. */
export const MUTATIONS_MODELLED = [
  ...recordDisclosures.filter((record) => record.typeName !== "Comment").flatMap((record) => [`${lowerFirst(record.typeName)}Create`, `${lowerFirst(record.typeName)}Update`]),
  "commentSubmit", "commentModerate", "commentAnswer", "withholdingCreate", "withholdingRelease", "recordWithdraw",
];

function lowerFirst(name: string): string {
  return name[0]!.toLowerCase() + name.slice(1);
}

/** The withholdable fields of each kind, as the registry declares them. */
const withholdable = Object.fromEntries(recordDisclosures.map((record) => [record.typeName, [...record.withholdable]]));
/** The fields of each kind indexed for search, as the registry declares them. */
const searchableFields = Object.fromEntries(recordDisclosures.map((record) => [record.typeName, [...(record.searchable ?? [])]]));
const kindOf = Object.fromEntries(recordDisclosures.map((record) => [record.typeName, recordKindOf(record.recordType)]));

const NOTICE = "withheld { scope field recordKind }";
const fields = (typeName: string, extra = "") => `id ${withholdable[typeName]!.join(" ")} ${NOTICE} ${extra}`;
const list = (name: string, typeName: string, extra = "") => `${name}(first: 100) { totalCount nodes { ${fields(typeName, extra)} } }`;

/** Everything the public can read of the decision in one query, every nested list included. */
export const WORLD_QUERY = `query($id: ID!) { decision(id: $id) { ${fields("Decision")} lastActivityAt
  ${list("basis", "BasisItem")}
  ${list("consultations", "Consultation", list("comments", "Comment", "adoptionResult answeredAt moderationState"))}
  ${list("expertReviews", "ExpertReview")}
  ${list("riskAssessments", "RiskAssessment", `findings { ${fields("RiskFinding")} }`)}
  ${list("legalityReviews", "LegalityReview")}
  ${list("deliberations", "Deliberation")}
  publication { ${fields("Publication")} }
  ${list("implementationReports", "ImplementationReport")}
  ${list("villageConsultations", "VillageConsultation", `committee { ${fields("VillageCommitteeMember")} } steps { ${fields("VillageConsultationStep")} }`)}
  ${list("postEvaluations", "PostEvaluation")}
  ${list("attachments", "Attachment")}
  revisions(first: 100) { totalCount nodes { field oldValue newValue } }
} }`;

/**
 * Every field of a decision with a revision history, as a selection: taken from the registry, so a
 * field added to decisions is in the model without anyone remembering it (references by id as `x { id }`).
 */
const decisionDisclosure = recordDisclosures.find((record) => record.typeName === "Decision")!;
const REVISED = [...decisionDisclosure.published, ...decisionDisclosure.withholdable]
  .filter((field) => !["id", "createdAt", "updatedAt", "lastActivityAt"].includes(field))
  .map((field) => (field.endsWith("Id") ? `${field.slice(0, -2)} { id }` : field))
  .join(" ");

/** A decision's file with one record of every kind, made through the API, and the model of it. */
export class PropertyWorld {
  readonly model: PublicModel;
  private readonly versions = new Map<Slot, number>();
  private readonly withholdings = new Map<string, string>();
  private readonly canaries = new Set<string>();
  /** Canaries written to searchable fields, and where. */
  readonly searchable: string[] = [];
  private count = 0;
  cursor = "";
  readonly setupUpdatedAt = new Map<string, string>();
  /** The decision's lastActivityAt once the world is made, as its file says it. */
  setupLastActivityAt = "";
  readonly log: string[];

  private constructor(
    private readonly api: TestApi,
    readonly run: number,
    decisionFields: Record<string, string | null>,
    log: string[],
  ) {
    this.model = new PublicModel(decisionFields);
    this.log = log;
  }

  /** Years before the sample data's, sixty of them in turn; worlds sharing one are counted together. */
  get catalogYear(): number {
    return yearOf(this.run);
  }

  canary(): string {
    const value = `canary${this.run}x${++this.count}q`;
    this.canaries.add(value);
    return value;
  }

  private budget(): string {
    const value = String(900_000_000 + this.run * 1000 + ++this.count);
    this.canaries.add(value);
    return value;
  }

  /** A new value for a field: a canary, an address for a url, a number for a budget. */
  private valueFor(field: string): { input: unknown; stored: string } {
    if (field === "budgetYuan") {
      const value = this.budget();
      return { input: Number(value), stored: value };
    }
    const canary = this.canary();
    return field === "url" ? { input: `https://example.org/${canary}`, stored: `https://example.org/${canary}` } : { input: canary, stored: canary };
  }

  static async create(api: TestApi, run: number, log: string[]): Promise<PropertyWorld> {
    const refs = await references(api);
    const probe = new PropertyWorld(api, run, {}, log);
    const values = (typeName: string) => Object.fromEntries(withholdable[typeName]!.map((field) => [field, probe.valueFor(field)]));
    const made: { slot: Slot; typeName: string; parent: Slot | null; listField: string | null; row: Record<string, unknown>; values: Record<string, string | null>; published?: Record<string, string | null> }[] = [];
    const make = async (slot: Slot, typeName: string, parent: Slot | null, listField: string | null, mutation: string, input: Record<string, unknown>, role: "EDITOR" | "LEGAL_REVIEWER" = "EDITOR") => {
      const given = values(typeName);
      const row = await probe.mutate(role, mutation, { ...input, ...Object.fromEntries(Object.entries(given).map(([field, value]) => [field, value.input])) }, "id version");
      made.push({ slot, typeName, parent, listField, row, values: Object.fromEntries(Object.entries(given).map(([field, value]) => [field, value.stored])) });
      return row.id as string;
    };
    const decision = await make("decision", "Decision", null, null, "decisionCreate", {
      catalogYear: yearOf(run), catalogNumber: run, category: "PUBLIC_CONSTRUCTION", regionId: refs.village, decidingBodyId: refs.town, undertakingBodyId: refs.department, initiatedOn: "2026-01-05",
    });
    const part = (slot: Slot, typeName: string, listField: string, mutation: string, input: Record<string, unknown>, role?: "EDITOR" | "LEGAL_REVIEWER") =>
      make(slot, typeName, "decision", listField, mutation, { decisionId: decision, ...input }, role);
    await part("basis", "BasisItem", "basis", "basisItemCreate", { kind: "LEGAL", position: 1 });
    const consultation = await part("consultation", "Consultation", "consultations", "consultationCreate", { method: "ONLINE_COMMENT", opensOn: "2026-03-01", closesOn: "2026-04-05" });
    await part("expert", "ExpertReview", "expertReviews", "expertReviewCreate", { reviewerKind: "EXPERT", method: "WRITTEN_OPINION", reviewedOn: "2026-02-01", signed: true });
    const risk = await part("risk", "RiskAssessment", "riskAssessments", "riskAssessmentCreate", { assessedOn: "2026-02-02", overallLevel: "LOW", controllability: "CONTROLLABLE" });
    await make("finding", "RiskFinding", "risk", "findings", "riskFindingCreate", { riskAssessmentId: risk, dimension: "SOCIAL_STABILITY", level: "LOW" });
    await part("legality", "LegalityReview", "legalityReviews", "legalityReviewCreate", { reviewingBodyId: refs.justiceBureau, submittedOn: "2026-02-03", completedOn: "2026-02-12", result: "LAWFUL" }, "LEGAL_REVIEWER");
    await part("deliberation", "Deliberation", "deliberations", "deliberationCreate", { heldOn: "2026-02-20", outcome: "ADOPTED" });
    await part("publication", "Publication", "publication", "publicationCreate", { documentNumber: `桐政〔${yearOf(run)}〕${run}號`, publishedOn: "2026-02-25" });
    await part("implementation", "ImplementationReport", "implementationReports", "implementationReportCreate", { kind: "PROGRESS", reportedOn: "2026-03-01" });
    const village = await part("village", "VillageConsultation", "villageConsultations", "villageConsultationCreate", { level: "VILLAGE", startedOn: "2026-01-10" });
    await make("villageMember", "VillageCommitteeMember", "village", "committee", "villageCommitteeMemberCreate", { villageConsultationId: village, role: "INTERESTED_PARTY", memberCount: 2 });
    await make("villageStep", "VillageConsultationStep", "village", "steps", "villageConsultationStepCreate", { villageConsultationId: village, step: "COLLECTION", takenOn: "2026-01-10" });
    await part("postEvaluation", "PostEvaluation", "postEvaluations", "postEvaluationCreate", { evaluatedOn: "2026-03-05", recommendation: "CONTINUE" });
    await part("attachment", "Attachment", "attachments", "attachmentCreate", { kind: "OTHER", mediaType: "application/pdf" });
    const text = probe.canary();
    const receipt = await probe.mutate("ANONYMOUS", "commentSubmit", { consultationId: consultation, text, stakeholderCategory: "INDIVIDUAL", name: probe.canary(), contact: probe.canary() }, "id");
    const published = await probe.mutate("EDITOR", "commentModerate", { id: receipt.id, expectedVersion: 1, decision: "PUBLISH" }, "id version");
    made.push({ slot: "comment0", typeName: "Comment", parent: "consultation", listField: "comments", row: published, values: { text, reply: null }, published: { moderationState: "PUBLISHED", adoptionResult: null, answeredAt: null } });

    const staff = (await api.dataAs("EDITOR", `query($id: ID!) { decision(id: $id) { ${REVISED} } }`, { id: decision })).decision;
    const world = new PropertyWorld(api, run, revisedFields(staff), log);
    worldsOfYear.set(yearOf(run), [...(worldsOfYear.get(yearOf(run)) ?? []), world.model]);
    for (const value of probe.canaries) world.canaries.add(value);
    world.count = probe.count;
    for (const { slot, typeName, parent, listField, row, values: given, published: extra } of made) {
      world.model.add(recordOf(slot, typeName, parent, listField, row.id as string, given, extra ?? {}));
      world.versions.set(slot, row.version as number);
    }
    for (const [id, row] of await world.files()) {
      if (row.dataset === "compliance-results") continue;
      world.setupUpdatedAt.set(id, row.updatedAt as string);
      if (row.dataset === "decisions") world.setupLastActivityAt = row.lastActivityAt as string;
    }
    // Where the feed stands once the world is made, as a bulk file says it.
    world.cursor = String((await api.get(`/open-data/decisions.ndjson?decisionId=${decision}`)).headers["x-changes-cursor"]);
    for (const { slot } of made) {
      if (searchableFields[world.model.records.get(slot)!.typeName]!.length > 0) world.searchable.push(...Object.values(world.model.records.get(slot)!.values).filter((v): v is string => v !== null && v.startsWith("canary")));
    }
    return world;
  }

  /** Runs a mutation, failing the test on any error or user error. */
  async mutate(role: "EDITOR" | "LEGAL_REVIEWER" | "ANONYMOUS", mutation: string, input: Record<string, unknown>, select = "id version"): Promise<Record<string, any>> {
    const field = mutation === "recordWithdraw" ? "record" : mutation === "commentSubmit" ? "receipt" : mutation.startsWith("comment") ? "comment" : mutation.startsWith("withholding") ? "withholding" : mutation.replace(/(Create|Update)$/, "");
    const response = await this.api.as(role, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${field} { ${select} } userErrors { field message code } } }`, { input });
    expect(response.errors, response.raw).toBeUndefined();
    expect(response.data![mutation].userErrors, `${mutation}: ${response.raw}`).toEqual([]);
    return response.data![mutation][field];
  }

  private slots(): ModelRecord[] {
    return [...this.model.records.values()];
  }

  /** Whether the API lets the record change at all (not withdrawn, nor its decision). */
  private changeable(record: ModelRecord): boolean {
    return !record.withdrawn && !this.model.decision.withdrawn;
  }

  private async withhold(record: ModelRecord, field: string | null): Promise<void> {
    const refs = await references(this.api);
    const key = `${record.slot}:${field ?? ""}`;
    const withholding = await this.mutate("EDITOR", "withholdingCreate", {
      recordId: record.id, field, ground: "PERSONAL_PRIVACY", article: "《政府信息公开条例》第十五条", explanation: "涉及個人隱私。", decidedByBodyId: refs.cityGovernment, reviewDue: "2030-01-01",
    }, "id");
    this.withholdings.set(key, withholding.id as string);
  }

  private async bump(record: ModelRecord, mutation: string, input: Record<string, unknown>, role: "EDITOR" | "LEGAL_REVIEWER" = "EDITOR"): Promise<void> {
    const row = await this.mutate(role, mutation, { id: record.id, expectedVersion: this.versions.get(record.slot), ...input });
    this.versions.set(record.slot, row.version as number);
  }

  /** Runs one operation through the API and the model alike; one the API would refuse is skipped. */
  async execute(operation: Operation): Promise<void> {
    const model = this.model;
    const records = this.slots();
    const comments = records.filter((record) => record.typeName === "Comment");
    switch (operation.op) {
      case "update": {
        const record = records[operation.slot % records.length]!;
        if (!this.changeable(record)) return;
        if (record.typeName === "Comment") return this.execute({ op: "answer", comment: comments.indexOf(record), result: 0 });
        const field = withholdable[record.typeName]![operation.field % withholdable[record.typeName]!.length]!;
        const value = this.valueFor(field);
        if (searchableFields[record.typeName]!.length > 0 && field !== "budgetYuan") this.searchable.push(value.stored);
        const mutation = `${record.typeName[0]!.toLowerCase()}${record.typeName.slice(1)}Update`;
        await this.bump(record, mutation, { [field]: value.input }, record.typeName === "LegalityReview" ? "LEGAL_REVIEWER" : "EDITOR");
        model.apply("UPDATE", () => (record.values[field] = value.stored));
        return;
      }
      case "withholdField": {
        const record = records[operation.slot % records.length]!;
        const field = withholdable[record.typeName]![operation.field % withholdable[record.typeName]!.length]!;
        if (!this.changeable(record) || record.withheldFields.has(field)) return;
        await this.withhold(record, field);
        model.apply("WITHHOLD", () => record.withheldFields.add(field));
        return;
      }
      case "withholdWhole": {
        const record = records[operation.slot % records.length]!;
        if (!this.changeable(record) || record.withheldWhole) return;
        await this.withhold(record, null);
        model.apply("WITHHOLD", () => (record.withheldWhole = true));
        return;
      }
      case "release": {
        // The k-th withholding in force on the record, whole or of a field: a release always releases something when it can.
        const record = records[operation.slot % records.length]!;
        const active = [...this.withholdings.keys()].filter((key) => key.startsWith(`${record.slot}:`)).sort();
        if (active.length === 0) return;
        const key = active[operation.field % active.length]!;
        const field = key.slice(record.slot.length + 1) || null;
        await this.mutate("EDITOR", "withholdingRelease", { id: this.withholdings.get(key), reason: "復核後公開。" }, "id");
        this.withholdings.delete(key);
        model.apply("RELEASE", () => (field === null ? (record.withheldWhole = false) : record.withheldFields.delete(field)));
        return;
      }
      case "withdraw": {
        const record = records[operation.slot % records.length]!;
        if (!this.changeable(record) || !this.withdrawable(record)) return;
        // A withdrawn record never changes again: its version is no longer needed.
        await this.mutate("EDITOR", "recordWithdraw", { id: record.id, expectedVersion: this.versions.get(record.slot), reason: "錄入錯誤。" }, "id");
        model.apply("WITHDRAW", () => (record.withdrawn = true));
        return;
      }
      case "submit": {
        const consultation = model.records.get("consultation")!;
        if (!model.isPublic(consultation)) return;
        const text = this.canary();
        const receipt = await this.mutate("ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text, stakeholderCategory: "ENTERPRISE", name: this.canary(), contact: this.canary() }, "id");
        const slot = `comment${comments.length}`;
        this.versions.set(slot, 1);
        model.apply("CREATE", () =>
          model.add(recordOf(slot, "Comment", "consultation", "comments", receipt.id as string, { text, reply: null }, { moderationState: "PENDING", adoptionResult: null, answeredAt: null })),
        );
        return;
      }
      case "createBasis": {
        const decision = model.decision;
        if (!this.changeable(decision)) return;
        const title = this.canary();
        this.searchable.push(title);
        const row = await this.mutate("EDITOR", "basisItemCreate", { decisionId: decision.id, kind: "POLICY", position: records.length, title }, "id version");
        const slot = `basis${records.length}`;
        this.versions.set(slot, row.version as number);
        model.apply("CREATE", () => model.add(recordOf(slot, "BasisItem", "decision", "basis", row.id as string, { title, citation: null, content: null }, {})));
        return;
      }
      case "moderate": {
        const comment = comments[operation.comment % comments.length]!;
        if (!this.changeable(comment)) return;
        await this.bump(comment, "commentModerate", operation.publish ? { decision: "PUBLISH" } : { decision: "REJECT", reason: "與本事項無關。" });
        model.apply("UPDATE", () => (comment.published.moderationState = operation.publish ? "PUBLISHED" : "REJECTED"));
        return;
      }
      case "answer": {
        const comment = comments[operation.comment % comments.length]!;
        if (!this.changeable(comment)) return;
        const result = ["ADOPTED", "NOT_ADOPTED", "UNDER_CONSIDERATION"][operation.result % 3]!;
        const reply = result === "UNDER_CONSIDERATION" ? null : this.canary();
        await this.bump(comment, "commentAnswer", { adoptionResult: result, reply });
        model.apply("UPDATE", () => {
          comment.values.reply = reply;
          comment.published.adoptionResult = result;
          comment.published.answeredAt = result === "UNDER_CONSIDERATION" ? null : "answered";
        });
        return;
      }
    }
  }

  /** The procedure keeps what a later step relied on (art. 24, 25, 32). */
  private withdrawable(record: ModelRecord): boolean {
    const gone = (slot: Slot) => this.model.records.get(slot)!.withdrawn;
    if (record.typeName === "LegalityReview" || record.typeName === "RiskAssessment") return gone("deliberation");
    if (record.typeName === "Deliberation") return gone("publication");
    return true;
  }

  /** Every canary the public may not read now. */
  secrets(): string[] {
    const open = [...this.model.publicValues()];
    return [...this.canaries].filter((value) => !open.some((shown) => shown.includes(value)));
  }

  /** The public answer contains no value the model says is not public, nor a url around one. */
  expectNoSecret(text: string, where: string): void {
    for (const secret of this.secrets()) expect(text.includes(secret), `${secret} is not public but ${where} shows it`).toBe(false);
  }

  /** The decision as the public reads it in the graph, against the model. */
  async observeGraph(): Promise<void> {
    // The search documents the public may find, kept by triggers: after every operation, what the rules give.
    await expectPublicSearchKept(this.api.database, [rowIdOf(this.model.decision.id, "Decision", "id")], "the kept public search documents");
    const response = await this.api.anonymous(WORLD_QUERY, { id: this.model.decision.id });
    expect(response.errors, response.raw).toBeUndefined();
    this.expectNoSecret(response.raw, "the graph");
    const seen = new Map<string, Record<string, any>>();
    const walk = (node: Record<string, any> | null, typeName: string) => {
      if (!node) return;
      seen.set(node.id as string, { ...node, typeName });
    };
    const decision = response.data!.decision as Record<string, any> | null;
    walk(decision, "Decision");
    if (decision) {
      const lists: [string, string][] = [["basis", "BasisItem"], ["consultations", "Consultation"], ["expertReviews", "ExpertReview"], ["riskAssessments", "RiskAssessment"], ["legalityReviews", "LegalityReview"], ["deliberations", "Deliberation"], ["implementationReports", "ImplementationReport"], ["villageConsultations", "VillageConsultation"], ["postEvaluations", "PostEvaluation"], ["attachments", "Attachment"]];
      for (const [name, typeName] of lists) {
        expect(decision[name].totalCount, name).toBe(decision[name].nodes.length);
        for (const node of decision[name].nodes) walk(node, typeName);
      }
      walk(decision.publication, "Publication");
      for (const consultation of decision.consultations.nodes) {
        expect(consultation.comments.totalCount).toBe(consultation.comments.nodes.length);
        for (const comment of consultation.comments.nodes) walk(comment, "Comment");
      }
      for (const risk of decision.riskAssessments.nodes) for (const finding of risk.findings) walk(finding, "RiskFinding");
      for (const village of decision.villageConsultations.nodes) {
        for (const member of village.committee) walk(member, "VillageCommitteeMember");
        for (const step of village.steps) walk(step, "VillageConsultationStep");
      }
      this.expectRevisions(decision.revisions.nodes);
      expect(decision.lastActivityAt, "the decision's lastActivityAt").toBe(await this.expectedLastActivity());
    }
    const expected = this.model.publicRecords();
    expect([...seen.keys()].sort(), "the public records").toEqual(expected.map((record) => record.id).sort());
    for (const record of expected) this.expectRecord(seen.get(record.id)!, record, "the graph");
  }

  /**
   * What the model says the decision's lastActivityAt is: where the world was made, until a record of
   * the file changes in public view; then the time of the file's latest feed entry.
   */
  private async expectedLastActivity(): Promise<string> {
    if (!this.model.activitySinceSetup) return this.setupLastActivityAt;
    const feed = await this.api.get(`/open-data/changes.ndjson?after=${this.cursor}`);
    const mine = feed.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { decisionId: string; occurredAt: string }).filter((entry) => entry.decisionId === this.model.decision.id);
    return mine.at(-1)!.occurredAt;
  }

  private expectRecord(node: Record<string, any>, record: ModelRecord, where: string): void {
    for (const field of Object.keys(record.values)) {
      const shown = this.model.shown(record, field);
      expect(node[field] === null || node[field] === undefined ? null : String(node[field]), `${where}: ${record.slot}.${field}`).toBe(shown);
    }
    if (record.typeName === "Comment") {
      expect(node.adoptionResult ?? null, `${where}: ${record.slot}.adoptionResult`).toBe(record.published.adoptionResult);
      expect(node.answeredAt === null || node.answeredAt === undefined ? null : "answered", `${where}: ${record.slot}.answeredAt`).toBe(record.published.answeredAt);
    }
    if (node.withheld) {
      const notices = (node.withheld as { scope: string; field: string; recordKind: string | null }[]).map((n) => `${n.scope}:${n.field}:${n.recordKind}`).sort();
      expect(notices, `${where}: ${record.slot}'s notices`).toEqual(this.model.notices(record).map((n) => `${n.scope}:${n.field}:${n.recordKind}`).sort());
    }
  }

  private expectRevisions(nodes: { field: string; oldValue: string | null; newValue: string | null }[]): void {
    const byField = (rows: { field: string; oldValue: string | null; newValue: string | null }[]) => {
      const map = new Map<string, string[]>();
      for (const row of rows) map.set(row.field, [...(map.get(row.field) ?? []), `${row.oldValue} -> ${row.newValue}`]);
      return Object.fromEntries([...map].sort());
    };
    expect(byField(nodes), "the revision history").toEqual(byField(this.model.revisions));
  }

  /** Every row of the decision's open-data files, by id. */
  private async files(): Promise<Map<string, Record<string, unknown> & { dataset: string }>> {
    const rows = new Map<string, Record<string, unknown> & { dataset: string }>();
    for (const dataset of datasets.filter((d) => d.byDecision)) {
      const response = await this.api.get(`/open-data/${dataset.name}.ndjson?decisionId=${this.model.decision.id}`);
      expect(response.status, dataset.name).toBe(200);
      this.expectNoSecret(response.body, `${dataset.name}.ndjson`);
      for (const line of response.body.split("\n").filter(Boolean)) {
        const row = JSON.parse(line) as Record<string, unknown>;
        // Rows without an id (the compliance results) by their key.
        rows.set((row.id as string | undefined) ?? `${dataset.name}:${row.decisionId as string}:${row.rule as string}`, { ...row, dataset: dataset.name });
      }
    }
    return rows;
  }

  /** Files, feed, look-ups by id, search, counts and statistics, against the model. */
  async observeEverything(): Promise<void> {
    await this.observeGraph();
    const model = this.model;
    const decisionId = model.decision.id;
    // node(id) of every record ever made: present exactly when public.
    for (const record of model.records.values()) {
      const response = await this.api.anonymous(`query($id: ID!) { node(id: $id) { id ... on Node { id } } }`, { id: record.id });
      this.expectNoSecret(response.raw, `node(${record.slot})`);
      expect(response.data?.node?.id ?? null, `node(${record.slot})`).toBe(model.isPublic(record) ? record.id : null);
    }
    // A comment's receipt: its holder sees the comment's moderation state, and the comment itself
    // exactly when and as the public sees it, withheld parts as notices.
    for (const record of [...model.records.values()].filter((r) => r.typeName === "Comment")) {
      const [row] = await this.api.database.query<{ receipt_number: string }>("SELECT receipt_number FROM comments WHERE id = $1", [rowIdOf(record.id, "Comment", "id")]);
      const response = await this.api.anonymous(`query($n: String!) { commentReceipt(number: $n) { moderationState comment { ${fields("Comment", "adoptionResult answeredAt")} } } }`, { n: row!.receipt_number });
      this.expectNoSecret(response.raw, `commentReceipt(${record.slot})`);
      const status = response.data!.commentReceipt as { moderationState: string; comment: Record<string, any> | null };
      expect(status.moderationState, `commentReceipt(${record.slot}).moderationState`).toBe(record.published.moderationState);
      expect(status.comment?.id ?? null, `commentReceipt(${record.slot}).comment`).toBe(model.isPublic(record) ? record.id : null);
      if (status.comment) this.expectRecord(status.comment, record, `commentReceipt(${record.slot})`);
    }
    // Every open-data file of the decision.
    const files = await this.files();
    for (const dataset of datasets.filter((d) => d.byDecision)) {
      const kind = recordDisclosures.find((record) => getTableConfig(record.table).name === dataset.table);
      if (!kind) continue;
      const rows = [...files.values()].filter((row) => row.dataset === dataset.name);
      const expected = model.publicRecords().filter((record) => record.typeName === kind.typeName);
      expect(rows.map((row) => row.id).sort(), `${dataset.name}.ndjson`).toEqual(expected.map((record) => record.id).sort());
      for (const record of expected) this.expectRecord(files.get(record.id)!, record, `${dataset.name}.ndjson`);
    }
    // The compliance-results file: exactly the report the graph shows the public, nothing when the decision is not public.
    const reported = await this.api.anonymous(`query($id: ID!) { decision(id: $id) { compliance { results { rule { id } status findingZh findingEn } } } }`, { id: decisionId });
    this.expectNoSecret(reported.raw, "decision.compliance");
    const graphResults = (reported.data?.decision?.compliance?.results ?? []) as { rule: { id: string }; status: string; findingZh: string; findingEn: string }[];
    const fileResults = [...files.values()].filter((row) => row.dataset === "compliance-results");
    expect(fileResults.map(({ rule, status, findingZh, findingEn }) => ({ rule, status, findingZh, findingEn })).sort((a, b) => String(a.rule).localeCompare(String(b.rule))), "compliance-results.ndjson").toEqual(
      graphResults.map(({ rule, status, findingZh, findingEn }) => ({ rule: rule.id, status, findingZh, findingEn })).sort((a, b) => a.rule.localeCompare(b.rule)),
    );
    expect(graphResults.length > 0, "the graph's report while the decision is public").toBe(model.isPublic(model.decision));
    // The change feed: what the model says the public saw change, in order, and updatedAt with it.
    const feed = await this.api.get(`/open-data/changes.ndjson?after=${this.cursor}`);
    expect(feed.status, feed.body).toBe(200);
    this.expectNoSecret(feed.body, "changes.ndjson");
    const entries = feed.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as { recordId: string; decisionId: string; kind: string; occurredAt: string });
    const mine = entries.filter((entry) => entry.decisionId === decisionId);
    expect(mine.map(({ recordId, kind }) => ({ recordId, kind })), "the change feed").toEqual(model.feed);
    for (const record of model.publicRecords()) {
      const last = mine.filter((entry) => entry.recordId === record.id).at(-1);
      const expected = model.changedSinceSetup.has(record.slot) ? last?.occurredAt : this.setupUpdatedAt.get(record.id);
      expect(files.get(record.id)?.updatedAt, `${record.slot}.updatedAt`).toBe(expected);
    }
    if (model.isPublic(model.decision)) {
      expect(files.get(decisionId)?.lastActivityAt, "decisions.ndjson: lastActivityAt").toBe(model.activitySinceSetup ? mine.at(-1)?.occurredAt : this.setupLastActivityAt);
    }
    // Search finds a text exactly while it is a public record's current text.
    for (const text of new Set(this.searchable)) {
      const found = await this.api.data(`query($q: String!) { decisions(first: 5, filter: { search: $q }) { totalCount nodes { id } } }`, { q: text });
      const current = model.publicRecords().some((record) => Object.keys(record.values).some((field) => model.shown(record, field) === text && searchableFields[record.typeName]!.includes(field)));
      expect(found.decisions.totalCount, `search for ${text}`).toBe(current ? 1 : 0);
    }
    // Counts and statistics of the catalog year, which only this world's decision is in.
    const year = this.catalogYear;
    const counted = await this.api.data(`query($year: Int!) { decisions(first: 1, filter: { catalogYear: $year }) { totalCount } statistics(filter: { catalogYear: $year }) { decisions comments } }`, { year });
    const models = worldsOfYear.get(year)!;
    const decisions = models.filter((other) => other.isPublic(other.decision)).length;
    const comments = models.reduce((sum, other) => sum + other.publicRecords().filter((record) => record.typeName === "Comment").length, 0);
    expect(counted.decisions.totalCount).toBe(decisions);
    expect(counted.statistics).toEqual({ decisions, comments });
    // Logs hold no values at all, public or not.
    const lines = this.log.join("\n");
    for (const canary of this.canaries) expect(logHolds(lines, canary), `the log holds ${canary}`).toBe(false);
  }
}

/**
 * Whether log text holds a canary. A budget's canary is digits with runs of zeros (900001003), and
 * a line's response time is a float whose last digits are rounding noise, runs of zeros among them
 * (36.65528600000016): inside such a number the canary's digits can turn up by chance, as CI once
 * found. A value written to a log stands as a number of its own, perhaps with decimals after it.
 */
export function logHolds(lines: string, canary: string): boolean {
  return /^\d+$/.test(canary) ? new RegExp(`(?<![\\d.])${canary}(?!\\d)`).test(lines) : lines.includes(canary);
}

const yearOf = (run: number) => 1950 + ((run - 1) % 60);

/** The worlds already checked, by catalog year: their decisions are counted with a new world's. */
const worldsOfYear = new Map<number, PublicModel[]>();

function recordOf(slot: Slot, typeName: string, parent: Slot | null, listField: string | null, id: string, values: Record<string, string | null>, published: Record<string, string | null>): ModelRecord {
  const rowId = Buffer.from(id, "base64url").toString("utf8").split(":")[1]!;
  return { slot, typeName, id, rowId, parent, listField, recordKind: kindOf[typeName]!, values, published, withheldFields: new Set(), withheldWhole: false, withdrawn: false };
}

/** The decision's fields as the revision history writes them (ids global, lists comma-separated). */
function revisedFields(staff: Record<string, any>): Record<string, string | null> {
  const text = (value: unknown) => (value === null || value === undefined ? null : Array.isArray(value) ? value.join(",") : String(value));
  const { region, decidingBody, undertakingBody, ...rest } = staff;
  return { ...Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, text(value)])), regionId: region.id, decidingBodyId: decidingBody.id, undertakingBodyId: undertakingBody.id };
}
