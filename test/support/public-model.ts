/**
 * A reference model of what the public may see of one decision's file over time, in plain terms:
 * records with values, withholdings in force, withdrawals and moderation, and the history of the
 * decision's fields. It knows nothing of the projection, the triggers or the recorder; the property
 * test compares everything the API shows the public with it.
 *
 * The rule for the past (docs/withholding-over-time.md): a past value is public only if no
 * withholding of its field, its record or its decision was in force at any moment while it was
 * current, unless a later release covered it; a release discloses the value current at the release.
 * A change the public may not see leaves no trace: no revision, no feed entry, no moved updatedAt.
 * The decision's lastActivityAt moves with every feed entry of its file, and with nothing else.
 */

export type Slot = string;

export interface ModelRecord {
  slot: Slot;
  typeName: string;
  /** Global id and database id. */
  id: string;
  rowId: string;
  /** The record whose withholding or withdrawal hides this one too (null for the decision). */
  parent: Slot | null;
  /** The field of the parent under which a notice of this record withheld whole is shown. */
  listField: string | null;
  recordKind: string;
  /** Withholdable fields and their current values. */
  values: Record<string, string | null>;
  /** Public fields that operations change (a comment's moderation and answer). */
  published: Record<string, string | null>;
  withheldFields: Set<string>;
  withheldWhole: boolean;
  withdrawn: boolean;
}

export type ChangeKind = "CREATED" | "UPDATED" | "WITHHELD" | "RELEASED" | "WITHDRAWN";

export interface FeedEntry {
  recordId: string;
  kind: ChangeKind;
}

export interface Revision {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface Notice {
  scope: "FIELD" | "RECORD";
  field: string;
  recordKind: string | null;
}

/** Record types in the order the feed lists one change's entries (parents first), as the registry declares them. */
const typeOrder = ["Decision", "BasisItem", "Consultation", "Comment", "ExpertReview", "RiskAssessment", "RiskFinding", "LegalityReview", "Deliberation", "Publication", "ImplementationReport", "VillageConsultation", "VillageCommitteeMember", "VillageConsultationStep", "PostEvaluation", "Attachment"];

export class PublicModel {
  readonly records = new Map<Slot, ModelRecord>();
  readonly feed: FeedEntry[] = [];
  readonly revisions: Revision[] = [];
  /** Slots whose public state changed since the world was set up (their updatedAt moved). */
  readonly changedSinceSetup = new Set<Slot>();
  /** Whether any record of the file changed in public view since the world was set up (the decision's lastActivityAt moved). */
  activitySinceSetup = false;

  /** The decision's fields as the revision history writes them (every field but withholdable ones is fixed here). */
  constructor(private readonly decisionFields: Record<string, string | null>) {}

  get decision(): ModelRecord {
    return this.records.get("decision")!;
  }

  add(record: ModelRecord): void {
    this.records.set(record.slot, record);
  }

  /** Not withdrawn, not hidden by its parents, published if a comment: public unless withheld whole. */
  eligible(record: ModelRecord): boolean {
    if (record.withdrawn) return false;
    if (record.typeName === "Comment" && record.published.moderationState !== "PUBLISHED") return false;
    const parent = record.parent ? this.records.get(record.parent)! : null;
    return parent === null || this.isPublic(parent);
  }

  isPublic(record: ModelRecord): boolean {
    return this.eligible(record) && !record.withheldWhole;
  }

  fieldVisible(record: ModelRecord, field: string): boolean {
    return this.isPublic(record) && !record.withheldFields.has(field);
  }

  /** A public record's value of a withholdable field: null while withheld. */
  shown(record: ModelRecord, field: string): string | null {
    return record.withheldFields.has(field) ? null : record.values[field]!;
  }

  notices(record: ModelRecord): Notice[] {
    const fields: Notice[] = [...record.withheldFields].sort().map((field) => ({ scope: "FIELD", field, recordKind: null }));
    const children = [...this.records.values()].filter((child) => child.parent === record.slot && child.withheldWhole && this.eligible(child));
    const wholes: Notice[] = children.map((child) => ({ scope: "RECORD", field: child.listField!, recordKind: child.recordKind }));
    return [...fields, ...wholes];
  }

  publicRecords(): ModelRecord[] {
    return [...this.records.values()].filter((record) => this.isPublic(record));
  }

  /** Every value the public may read now: projected fields and the history's values. */
  publicValues(): Set<string> {
    const values = new Set<string>();
    for (const record of this.publicRecords()) for (const field of Object.keys(record.values)) if (!record.withheldFields.has(field) && record.values[field]) values.add(record.values[field]!);
    if (this.isPublic(this.decision)) for (const revision of this.revisions) for (const value of [revision.oldValue, revision.newValue]) if (value) values.add(value);
    return values;
  }

  private state(record: ModelRecord): string | null {
    if (!this.isPublic(record)) return null;
    const values = Object.fromEntries(Object.keys(record.values).map((field) => [field, this.shown(record, field)]));
    return JSON.stringify({ values, published: record.published, notices: this.notices(record) });
  }

  /**
   * Applies one operation (a function changing the model's records) and derives what the public sees
   * change: feed entries, moved updatedAt, revisions. `cause` says what the operation was.
   */
  apply(cause: "CREATE" | "UPDATE" | "WITHHOLD" | "RELEASE" | "WITHDRAW", change: () => void): void {
    const before = new Map([...this.records.values()].map((record) => [record.slot, this.state(record)]));
    const noticesBefore = new Map([...this.records.values()].map((record) => [record.slot, this.notices(record).length]));
    const fieldsBefore = this.decisionView();
    change();
    const entries: (FeedEntry & { order: number; rowId: string })[] = [];
    for (const record of this.records.values()) {
      const was = before.get(record.slot) ?? null;
      const is = this.state(record);
      if (was === is) continue;
      let kind: ChangeKind;
      if (was === null) kind = cause === "RELEASE" ? "RELEASED" : "CREATED";
      else if (is === null) kind = cause === "WITHDRAW" ? "WITHDRAWN" : "WITHHELD";
      else if (this.notices(record).length > (noticesBefore.get(record.slot) ?? 0)) kind = "WITHHELD";
      else if (this.notices(record).length < (noticesBefore.get(record.slot) ?? 0)) kind = "RELEASED";
      else kind = "UPDATED";
      entries.push({ recordId: record.id, kind, order: typeOrder.indexOf(record.typeName), rowId: record.rowId });
      if (is !== null) this.changedSinceSetup.add(record.slot);
    }
    if (entries.length > 0) this.activitySinceSetup = true;
    entries.sort((a, b) => a.order - b.order || (a.rowId < b.rowId ? -1 : 1));
    this.feed.push(...entries.map(({ recordId, kind }) => ({ recordId, kind })));
    this.revise(fieldsBefore, this.decisionView());
  }

  /** The decision's revised fields: their values when in public view, undefined when out of it. */
  private decisionView(): Map<string, string | null | undefined> {
    const decision = this.records.get("decision");
    const view = new Map<string, string | null | undefined>();
    for (const [field, fixed] of Object.entries(this.decisionFields)) {
      const value = decision && field in decision.values ? decision.values[field]! : fixed;
      view.set(field, decision && this.fieldVisible(decision, field) ? value : undefined);
    }
    return view;
  }

  /**
   * A change in view is an entry; a field coming into view is an entry without an old value; a field
   * going out of view erases its latest entry's new value (that value was withheld while current).
   */
  private revise(before: Map<string, string | null | undefined>, after: Map<string, string | null | undefined>): void {
    if (!this.records.has("decision")) return;
    for (const [field, is] of after) {
      const was = before.get(field);
      if (was !== undefined && is !== undefined && was !== is) this.revisions.push({ field, oldValue: was, newValue: is });
      else if (was === undefined && is !== undefined) this.revisions.push({ field, oldValue: null, newValue: is });
      else if (was !== undefined && is === undefined) {
        const latest = this.revisions.findLast((revision) => revision.field === field);
        if (latest) latest.newValue = null;
      }
    }
  }
}
