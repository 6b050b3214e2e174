// The deployment files are contracts with the code: no Docker engine runs on the machines that test
// this service, so what can be checked without one is checked here: the compose file's services and
// settings, the load balancer's upstreams, and that the image runs what the build makes.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFile(join(root, path), "utf8");

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

async function compose(): Promise<Record<string, Service>> {
  return (parse(await read("compose.yaml"), { merge: true }) as { services: Record<string, Service> }).services;
}

/** Variables the PostgreSQL image and the replica's script read, not the API. */
const POSTGRES_IMAGE_VARIABLES = new Set(["POSTGRES_DB", "POSTGRES_PASSWORD", "REPLICATION_PASSWORD", "PGPASSWORD"]);

describe("compose.yaml starts two instances, a primary and a replica", () => {
  it("runs two instances of one image, both after the migrate step and on the primary with the replica for reads", async () => {
    const services = await compose();
    const instances = Object.entries(services).filter(([, service]) => service.image === "decision-disclosure-api" && !service.command);
    expect(instances.map(([name]) => name).sort()).toEqual(["api-1", "api-2"]);
    for (const [, instance] of instances) {
      expect(instance.depends_on?.migrate?.condition).toBe("service_completed_successfully");
      expect(instance.environment?.DATABASE_URL).toMatch(/@primary:5432\//);
      expect(instance.environment?.DATABASE_READ_URL).toMatch(/@replica:5432\//);
      expect(instance.environment?.TRUST_PROXY).toBe("1");
    }
    expect(services.migrate?.command).toEqual(["npm", "run", "migrate"]);
    expect(services.migrate?.environment?.DATABASE_URL).toMatch(/@primary:5432\//);
    expect(services.replica?.depends_on?.primary?.condition).toBe("service_healthy");
  });

  it("sets only variables the API documents, or the PostgreSQL image's own", async () => {
    const readme = await read("README.md");
    for (const [name, service] of Object.entries(await compose())) {
      for (const variable of Object.keys(service.environment ?? {})) {
        if (POSTGRES_IMAGE_VARIABLES.has(variable)) continue;
        expect(readme, `${name}: ${variable}`).toMatch(new RegExp(`^\\| \`${variable}\` \\|`, "m"));
      }
    }
  });

  it("spreads requests over exactly the compose file's instances, one proxy hop in front", async () => {
    const upstreams = [...(await read("deploy/nginx.conf")).matchAll(/^\s*server ([\w-]+):4000\b/gm)].map((m) => m[1]);
    expect(upstreams.sort()).toEqual(["api-1", "api-2"]);
  });
});

describe("the Dockerfile", () => {
  it("runs what `npm run build` makes and `npm run start:built` runs, with scripts package.json has", async () => {
    const dockerfile = await read("Dockerfile");
    const pkg = JSON.parse(await read("package.json")) as { scripts: Record<string, string> };
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(pkg.scripts["start:built"]).toBe(cmd.join(" "));
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    const commands = Object.values(await compose()).flatMap((service) => (service.command?.[0] === "npm" ? [service.command.join(" ")] : []));
    const used = [...[...commands, await read("compose.yaml")].join("\n").matchAll(/npm run ([\w:]+)/g)].map((m) => m[1]!);
    expect(used).toContain("migrate");
    for (const script of used) expect(pkg.scripts, script).toHaveProperty(script);
  });

  it("listens beyond the container, in production mode", async () => {
    const env = /^ENV (.*)$/m.exec(await read("Dockerfile"))![1]!;
    expect(env).toContain("HOST=0.0.0.0");
    expect(env).toContain("NODE_ENV=production");
  });
});
