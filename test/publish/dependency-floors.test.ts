// What package.json promises a user about the runtime dependencies, held to what is tested
// (docs/publishing.md, "Runtime dependencies"): the tests only ever run package-lock.json's versions,
// while a consumer's install may resolve any version in the declared range (npm dedupes against the
// consumer's own tree). So each range's floor is the locked version, and the runtime tree's `engines`
// agree with puffle-api's own, but for what README says. No network, nothing installed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  engines: { node: string };
};
interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: Record<string, string> | string[];
  dependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
const semver = createRequire(import.meta.url)("semver") as { subset(sub: string, dom: string): boolean; validRange(range: string): string | null };

/**
 * Runtime packages whose `engines.node` does not admit every Node that puffle-api's `engines` does.
 * Each is said in README ("Installing on Node 20 …"), with what it means for a user; the value is
 * what README must name.
 */
const knownNarrowerEngines: Record<string, string> = {
  // fastify → light-my-request 6.8+ → cookie 2 (engines node >=22, ES modules only): npm warns
  // EBADENGINE on Node 20, and fastify's inject() require()s it, which needs Node 20.19+/22.12+.
  cookie: "cookie@2",
};

describe("runtime dependencies: declared floors", () => {
  it("each runtime dependency is declared as ^<the version package-lock.json holds>: the floor a consumer can get is the version tested", () => {
    const wrong: string[] = [];
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      const locked = lock.packages[`node_modules/${name}`]?.version;
      if (range !== `^${locked}`) {
        wrong.push(
          `${name}: package.json declares "${range}", package-lock.json tests ${locked}. Only the locked version is tested, and a consumer may get the floor: ` +
            `run \`npm install ${name}@^${locked}\` (package.json and package-lock.json together), or see docs/publishing.md ("Runtime dependencies") before lowering a floor.`,
        );
      }
    }
    expect(wrong, wrong.join("\n")).toEqual([]);
    // npm ci refuses a lock whose root disagrees with package.json; held here too, so the message above is about the same ranges.
    expect(lock.packages[""]?.dependencies).toEqual(pkg.dependencies);
  });

  it("every package a user installs with puffle-api admits the Node versions puffle-api's engines admit, but those README names", () => {
    expect(semver.validRange(pkg.engines.node)).not.toBeNull();
    const narrower = new Map<string, string>();
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (key === "" || entry.dev === true) continue; // the root, and what only puffle-api's own development installs
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (node === undefined) continue;
      const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
      if (!semver.subset(pkg.engines.node, node)) narrower.set(name, `${name}@${entry.version} asks for node "${node}"`);
    }
    const unexpected = [...narrower].filter(([name]) => !(name in knownNarrowerEngines)).map(([, said]) => said);
    expect(
      unexpected,
      `${unexpected.join("\n")}\npuffle-api's engines say node "${pkg.engines.node}": check the package on the oldest such Node, then raise engines, ` +
        `or say so in README ("Installing on Node 20 …") and add it to knownNarrowerEngines in this file.`,
    ).toEqual([]);
    const gone = Object.keys(knownNarrowerEngines).filter((name) => !narrower.has(name));
    expect(gone, `${gone.join(", ")}: no longer asks for a newer Node than puffle-api's engines; take it out of README ("Installing on Node 20 …") and of knownNarrowerEngines`).toEqual([]);
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    for (const named of Object.values(knownNarrowerEngines)) expect(readme, `README does not name ${named}`).toContain(named);
  });
});
