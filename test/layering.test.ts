/*
 * The layers of src/ (docs/layers.md), bottom to top; an import points down or sideways, never up.
 *
 *   plumbing     shared/, config.ts, graphql/, operations/, protection/, the db/ helpers that know no
 *                table, and the viewer (access/viewer.ts, api-key.table.ts): imports plumbing only.
 *   data         table declarations (*.table.ts, *.columns.ts), their registries (db/tables.ts, the
 *                disclosed and staff tables), the rest of db/ (typed by db/tables.ts), the audit
 *                trail, and store/ (node identity, RecordStore, NodeService, KindContext, the
 *                RecordEditor interface): imports plumbing and data only, never a kind's service.
 *   kinds        the record-kind folders: may import plumbing, data, each other and the features'
 *                leaf helpers, but never reach records/ or a composition root, even indirectly.
 *   features     access/, audit/, changes/, compliance/, disclosure/, open-data/, search/, site/,
 *                statistics/, records/ (the editorial machinery over every kind).
 *   composition  context.ts, server.ts, main.ts, graphql/schema.ts, graphql/emit-schema.ts,
 *                db/migrate.ts, db/migrate.cli.ts: may import anything; nothing below features imports them.
 *
 * And no import circle among the files of src/, type-only imports included.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const src = resolve(import.meta.dirname, "../src");

type Graph = Map<string, string[]>;

/** Every .ts file under src/, by path relative to src/, with the files it imports (type-only ones too). */
function importGraph(): Graph {
  const graph: Graph = new Map();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
        const from = relative(src, path);
        graph.set(
          from,
          importedFiles.map((i) => i.fileName).filter((name) => name.startsWith(".")).map((name) => relative(src, resolve(dirname(path), name.replace(/\.js$/, ".ts")))),
        );
      }
    }
  };
  walk(src);
  return graph;
}

/** Strongly connected components of more than one file, or of one file importing itself (Tarjan). */
function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const kinds = ["attachments", "basis", "bodies", "consultations", "decisions", "deliberations", "expert-reviews", "implementation", "legality-reviews", "post-evaluations", "publications", "regions", "risk-assessments", "village-consultations"];
const composition = ["context.ts", "server.ts", "main.ts", "serve.ts", "graphql/schema.ts", "graphql/emit-schema.ts", "db/migrate.ts", "db/migrate.cli.ts"];
/** Files in plumbing folders that need the request context or the migrations, and so sit with the features. */
const plumbingExceptions = ["graphql/node.resolver.ts", "operations/health.ts", "operations/shutdown.ts"];

/** The db/ files that know no table: the rest of db/ is typed by db/tables.ts, the registry of every table. */
const dbPlumbing = ["db/columns.ts", "db/database-error.ts", "db/array-literal.ts", "db/literals.ts", "db/pool-gate.ts", "db/pool-settings.ts"];

type Layer = "plumbing" | "data" | "kind" | "feature" | "composition";

function layerOf(file: string): Layer {
  const folder = file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
  if (composition.includes(file)) return "composition";
  if (plumbingExceptions.includes(file)) return "feature";
  if (dbPlumbing.includes(file)) return "plumbing";
  if (["shared", "graphql", "operations", "protection"].includes(folder) || file === "config.ts" || file === "access/viewer.ts" || file === "access/api-key.table.ts") return "plumbing";
  if (folder === "db" || folder === "store" || /\.(table|columns)\.ts$/.test(file) || ["disclosure/record-types.ts", "disclosure/disclosed.tables.ts", "audit/audit-trail.ts", "consultations/stakeholder-category.ts"].includes(file)) return "data";
  if (kinds.includes(folder)) return "kind";
  return "feature";
}

/** The imports that break the layers, as "from -> to (why)". */
function violations(graph: Graph): string[] {
  const found: string[] = [];
  const allowed: Record<Layer, Layer[]> = {
    plumbing: ["plumbing"],
    data: ["plumbing", "data"],
    kind: ["plumbing", "data", "kind", "feature"],
    feature: ["plumbing", "data", "kind", "feature", "composition"],
    composition: ["plumbing", "data", "kind", "feature", "composition"],
  };
  for (const [from, tos] of graph) {
    for (const to of tos) {
      if (!allowed[layerOf(from)].includes(layerOf(to))) found.push(`${from} -> ${to} (${layerOf(from)} imports ${layerOf(to)})`);
    }
  }
  // A kind may use a feature's leaf helper (the working-day calendar), but not one that leads back up.
  const above = (file: string) => file.startsWith("records/") || layerOf(file) === "composition";
  for (const [from] of graph) {
    if (layerOf(from) !== "kind") continue;
    const seen = new Set<string>();
    const path = new Map<string, string>();
    const queue = [from];
    while (queue.length) {
      const file = queue.shift()!;
      for (const to of graph.get(file) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        path.set(to, file);
        if (above(to)) {
          const chain = [to];
          for (let at = to; at !== from; at = path.get(at)!) chain.unshift(path.get(at)!);
          found.push(`${chain.join(" -> ")} (a kind reaches ${to.startsWith("records/") ? "records/" : "a composition root"})`);
        } else queue.push(to);
      }
    }
  }
  return found;
}

describe("layering of src/", () => {
  const graph = importGraph();

  it("has no import circle, type-only imports included", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("imports point down the layers of docs/layers.md", () => {
    expect(violations(graph)).toEqual([]);
  });

  it("reads every file (the checker is not looking at an empty tree)", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("context.ts")).toContain("shared/clock.ts");
    expect(layerOf("decisions/decision.service.ts")).toBe("kind");
    expect(layerOf("store/record-store.ts")).toBe("data");
    expect(layerOf("graphql/schema.ts")).toBe("composition");
  });

  it("catches a circle and an upward import on a small made-up graph", () => {
    const made: Graph = new Map([
      ["context.ts", ["decisions/decision.service.ts"]],
      ["decisions/decision.service.ts", ["context.ts", "graphql/cursor.ts"]],
      ["decisions/decision.resolver.ts", ["access/operation-roles.ts"]],
      ["access/operation-roles.ts", ["records/editable-kinds.ts"]],
      ["records/editable-kinds.ts", []],
      ["graphql/cursor.ts", ["graphql/cursor.ts", "store/node.ts"]],
      ["store/node.ts", []],
    ]);
    expect(cycles(made)).toEqual([["context.ts", "decisions/decision.service.ts"], ["graphql/cursor.ts"]]);
    expect(violations(made)).toEqual([
            "decisions/decision.service.ts -> context.ts (kind imports composition)",
      "graphql/cursor.ts -> store/node.ts (plumbing imports data)",
      "decisions/decision.service.ts -> context.ts (a kind reaches a composition root)",
      "decisions/decision.resolver.ts -> access/operation-roles.ts -> records/editable-kinds.ts (a kind reaches records/)",
    ]);
  });
});
