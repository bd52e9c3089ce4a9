// The release's software bill of materials (docs/publishing.md, "Release checklist", step 6): the
// `npm sbom` command the checklist gives is run as printed there, offline (it reads package.json and
// package-lock.json only), and its components a user installs (`"scope": "required"`) must be
// exactly package-lock.json's runtime packages — `--omit=dev` drops runtime packages a
// devDependency also uses (npm/cli#7909), commander among them — each with a permissive licence.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

interface Component {
  name: string;
  version: string;
  scope?: string;
  purl?: string;
  licenses?: { license?: { id?: string; name?: string }; expression?: string }[];
}
interface Bom {
  bomFormat: string;
  specVersion: string;
  metadata: { component: Component };
  components: Component[];
}

/** Licences a runtime package may have without a review: permissive, notice-only. */
const PERMISSIVE = new Set(["MIT", "ISC", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD", "BlueOak-1.0.0"]);

const docs = readFileSync(path.join(root, "docs/publishing.md"), "utf8");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string; license: string; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; dev?: boolean; link?: boolean }> };

/** name@version of every package package-lock.json installs for a user (not dev). */
const runtime = [...new Set(Object.entries(lock.packages)
  .filter(([at, entry]) => at !== "" && !entry.dev && !entry.link)
  .map(([at, entry]) => `${at.slice(at.lastIndexOf("node_modules/") + "node_modules/".length)}@${entry.version}`))].sort();

describe("the release's SBOM (npm sbom)", () => {
  const command = /`(npm sbom [^`>]*?)\s*>\s*[^`]+`/.exec(docs)?.[1];

  it("docs/publishing.md's checklist gives the command, without --omit", () => {
    expect(command).toBeDefined();
    expect(command).not.toMatch(/--omit/);
  });

  it("run as printed, offline: CycloneDX, puffle-api itself, and every runtime package of the lock as required, each with a permissive licence", () => {
    const [npm, ...args] = command!.split(/\s+/);
    expect(npm).toBe("npm");
    const out = execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", args, {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, npm_config_offline: "true", npm_config_registry: "http://127.0.0.1:9/" },
    });
    const bom = JSON.parse(out) as Bom;
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.metadata.component.purl).toBe(`pkg:npm/${pkg.name}@${pkg.version}`);
    expect(bom.metadata.component.licenses).toEqual([{ license: { id: pkg.license } }]);

    const required = bom.components.filter((c) => c.scope === "required");
    expect(required.map((c) => `${c.name}@${c.version}`).sort()).toEqual(runtime);
    for (const name of Object.keys(pkg.dependencies)) expect(required.some((c) => c.name === name), name).toBe(true);

    const notPermissive = required
      .map((c) => ({ at: `${c.name}@${c.version}`, ids: (c.licenses ?? []).map((l) => l.license?.id ?? l.license?.name ?? l.expression ?? "?") }))
      .filter(({ ids }) => ids.length === 0 || ids.some((id) => !PERMISSIVE.has(id)))
      .map(({ at, ids }) => `${at}: ${ids.join(", ") || "no licence"}`);
    expect(notPermissive).toEqual([]);
  });
});
