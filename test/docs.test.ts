import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KeyRole } from "../src/access/viewer.js";
import { TestApi } from "./support/api.js";

const root = fileURLToPath(new URL("..", import.meta.url));
// A page a user reads through: what it is, two commands, configuration, deployment in brief, examples.
const README_MAX_BYTES = 13_000;

/** The text outside fenced code blocks: a link in an example is not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** Every Markdown link target that points into the repository (not http(s), mailto or the like). */
function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** GitHub's anchor of a heading: lower case, punctuation gone (letters of any script, digits, `_` and `-` stay), spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a document's headings, numbered as GitHub numbers repeats (`a`, `a-1`, …). */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(text!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/**
 * The links of `from` (a path inside `repository`) that do not resolve: a file that is not there,
 * a target outside the repository, or an anchor that is no heading of its document.
 */
function brokenLinks(from: string, markdown: string, files: ReadonlyMap<string, string>, repository: string): string[] {
  const broken: string[] = [];
  for (const link of relativeLinks(markdown)) {
    const [path, anchor] = link.split("#", 2) as [string, string | undefined];
    const target = path === "" ? from : resolve(dirname(from), decodeURI(path));
    const inside = relative(repository, target);
    if (inside.startsWith("..")) broken.push(`${link} (outside the repository)`);
    else if (!files.has(target)) broken.push(`${link} (no such file)`);
    else if (anchor !== undefined && target.endsWith(".md") && !anchors(files.get(target)!).has(anchor)) broken.push(`${link} (no such heading)`);
  }
  return broken;
}

/** Every file of the repository a document may link to (tracked sources and documents, not dependencies). */
async function repositoryFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const skip = new Set(["node_modules", ".git", "data", "dist", "test-output", "bench/results"]);
  const walk = async (directory: string): Promise<void> => {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (skip.has(relative(root, path))) continue;
      if (entry.isDirectory()) await walk(path);
      else files.set(path, entry.name.endsWith(".md") ? await readFile(path, "utf8") : "");
    }
  };
  await walk(root);
  return files;
}

async function documents(): Promise<Map<string, string>> {
  const docs = (await readdir(join(root, "docs"))).filter((name) => name.endsWith(".md")).map((name) => join(root, "docs", name));
  const paths = [join(root, "README.md"), ...docs];
  return new Map(await Promise.all(paths.map(async (path) => [path, await readFile(path, "utf8")] as const)));
}

describe("documentation links", () => {
  it("resolve, from the README and every document in docs/, to a file and a heading of the repository", async () => {
    const files = await repositoryFiles();
    const docs = await documents();
    expect(docs.size).toBeGreaterThan(5);
    let links = 0;
    for (const [path, markdown] of docs) {
      links += relativeLinks(markdown).length;
      expect(brokenLinks(path, markdown, files, root), relative(root, path)).toEqual([]);
    }
    expect(links).toBeGreaterThan(30);
  });

  it("are found broken by the checker when they are: a missing file, a missing heading, a path out of the repository", () => {
    const repository = "/repo";
    const files = new Map([
      ["/repo/README.md", ""],
      ["/repo/docs/a.md", "# Title\n\n## How it works: `in short`\n\n### 重大行政决策 — 目录\n\n## Title\n"],
    ]);
    const sample = [
      "[fine](docs/a.md) [fine](docs/a.md#how-it-works-in-short) [fine](docs/a.md#重大行政决策--目录) [fine](docs/a.md#title-1)",
      "[web](https://example.org/x.md) [mail](mailto:someone@example.org)",
      "```sh\n[in code](docs/missing.md)\n```",
      "[gone](docs/missing.md) [no heading](docs/a.md#nowhere) [outside](../shared/DESIGN.md)",
    ].join("\n\n");
    expect(brokenLinks("/repo/README.md", sample, files, repository)).toEqual([
      "docs/missing.md (no such file)",
      "docs/a.md#nowhere (no such heading)",
      "../shared/DESIGN.md (outside the repository)",
    ]);
  });

  it("keep the README short, inside the repository, and its configuration table complete", async () => {
    const readme = await readFile(join(root, "README.md"), "utf8");
    expect(Buffer.byteLength(readme)).toBeLessThan(README_MAX_BYTES);
    expect(relativeLinks(readme).filter((link) => link.startsWith("../"))).toEqual([]);
    // Every variable src/config.ts reads has its row.
    const config = await readFile(join(root, "src/config.ts"), "utf8");
    const variables = new Set([...config.matchAll(/env\.([A-Z_]+)|env, "([A-Z_]+)"/g)].map((m) => m[1] ?? m[2]!));
    expect(variables.size).toBeGreaterThan(10);
    for (const variable of variables) expect(readme, variable).toMatch(new RegExp(`^\\| \`${variable}\` \\|`, "m"));
  });
});

/** The ```graphql blocks of a document, in order. */
function graphqlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** The role a block says it needs, in a comment such as `# Authorization: Bearer <an editor's key>`. */
function roleOf(block: string): "ANONYMOUS" | KeyRole {
  const named = block.match(/^#\s*Authorization: Bearer <an? ([a-z ]+)'s key>/m)?.[1];
  if (!named) return "ANONYMOUS";
  const role = { researcher: "RESEARCHER", "legal reviewer": "LEGAL_REVIEWER", editor: "EDITOR", admin: "ADMIN" }[named] as KeyRole | undefined;
  if (!role) throw new Error(`unknown role in "${named}'s key"`);
  return role;
}

describe("the README's example queries run as written", () => {
  let api: TestApi;
  /** The values the README tells a reader where to find, for the variables its examples declare. */
  let known: Record<string, string>;
  beforeAll(async () => {
    api = await TestApi.start();
    const { decisions, bodies } = await api.data<{ decisions: { nodes: { id: string; budgetYuan: number | null; withheld: { field: string | null }[] }[] }; bodies: { id: string }[] }>(
      "{ decisions(first: 100) { nodes { id budgetYuan withheld { field } } } bodies { id } }",
    );
    const decision = decisions.nodes.find((d) => d.budgetYuan !== null && !d.withheld.some((w) => w.field === "budgetYuan"));
    known = { decision: decision!.id, body: bodies[0]!.id };
  });
  afterAll(() => api.stop());

  it("each block is one operation, answered without errors and with data", async () => {
    const blocks = graphqlBlocks(await readFile(join(root, "README.md"), "utf8"));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const kinds = new Set<string>();
    for (const block of blocks) {
      const operations = parse(block).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations, block).toHaveLength(1);
      const [operation] = operations as [OperationDefinitionNode];
      kinds.add(operation.operation);
      const variables: Record<string, string> = {};
      for (const definition of operation.variableDefinitions ?? []) {
        const name = definition.variable.name.value;
        if (definition.type.kind !== Kind.NON_NULL_TYPE || definition.defaultValue) continue;
        expect(known, `the README's example needs $${name}: say where it comes from, and give it here`).toHaveProperty(name);
        variables[name] = known[name]!;
      }
      const response = await api.as(roleOf(block), block, variables);
      expect(response.status, response.raw).toBe(200);
      expect(response.errors, response.raw).toBeUndefined();
      expect(Object.keys(response.data ?? {}).length, response.raw).toBeGreaterThan(0);
      for (const value of Object.values(response.data!)) {
        expect(value, response.raw).not.toBeNull();
        if (value && typeof value === "object" && "totalCount" in value) expect(value.totalCount, response.raw).toBeGreaterThan(0);
        if (value && typeof value === "object" && "userErrors" in value) expect(value.userErrors, response.raw).toEqual([]);
      }
    }
    expect([...kinds].sort()).toEqual(["mutation", "query"]);
  });

});
