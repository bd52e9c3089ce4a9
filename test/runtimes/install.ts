// Where `npm run test:runtimes` keeps the runtimes it tests and the packed package: a folder of its
// own, node_modules/.cache/puffle-runtimes (so `npm ci` removes it), never the project's dependencies
// (the runtimes' binaries are ~350 MB and per platform). The versions are pinned here; the npm
// packages are the runtimes' own per-platform builds, which have no install scripts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const dir = path.join(root, "node_modules/.cache/puffle-runtimes");

const VERSIONS = { bun: "1.4.5", deno: "2.9.6", workerd: "1.20261123.1", edgeRuntimeVm: "5.0.0" } as const;

/** Each runtime's npm package for this platform, and where its binary is in it. */
const PLATFORMS: Record<string, Record<"bun" | "deno" | "workerd", [pkg: string, bin: string]>> = {
  "linux-x64": { bun: ["@oven/bun-linux-x64", "bin/bun"], deno: ["@deno/linux-x64-glibc", "deno"], workerd: ["@cloudflare/workerd-linux-64", "bin/workerd"] },
  "linux-arm64": { bun: ["@oven/bun-linux-aarch64", "bin/bun"], deno: ["@deno/linux-arm64-glibc", "deno"], workerd: ["@cloudflare/workerd-linux-arm64", "bin/workerd"] },
  "darwin-arm64": { bun: ["@oven/bun-darwin-aarch64", "bin/bun"], deno: ["@deno/darwin-arm64", "deno"], workerd: ["@cloudflare/workerd-darwin-arm64", "bin/workerd"] },
};

/** A binary given in the environment (PUFFLE_BUN, PUFFLE_DENO, PUFFLE_WORKERD) is used instead of the npm package. */
const OVERRIDES = { bun: "PUFFLE_BUN", deno: "PUFFLE_DENO", workerd: "PUFFLE_WORKERD" } as const;

export interface Installed {
  /** The consumer folder: node_modules holds the packed puffle-api and its dependencies. */
  consumer: string;
  bin: Record<"bun" | "deno" | "workerd", string>;
  /** @edge-runtime/vm's entry, as a file path. */
  edgeVm: string;
}

export function installed(): Installed {
  const platform = PLATFORMS[`${process.platform}-${process.arch}`];
  const bin = {} as Installed["bin"];
  for (const name of ["bun", "deno", "workerd"] as const) {
    const given = process.env[OVERRIDES[name]];
    if (given) bin[name] = given;
    else if (platform) bin[name] = path.join(dir, "node_modules", platform[name][0], platform[name][1]);
    else throw new Error(`test:runtimes: no ${name} package for ${process.platform}-${process.arch} (known: ${Object.keys(PLATFORMS).join(", ")}); set ${OVERRIDES[name]} to a ${name} binary`);
  }
  return { consumer: dir, bin, edgeVm: path.join(dir, "node_modules/@edge-runtime/vm/dist/index.js") };
}

/**
 * Packs the package (dist/ must be built), then installs the tarball and the runtimes into `dir`:
 * a consumer project as a user's, whose node_modules has puffle-api as npm installs it.
 */
export function install(): Installed {
  const where = installed();
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((f) => f.endsWith(".tgz"))) rmSync(path.join(dir, old));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: root, env, encoding: "utf8" }));
  const platform = PLATFORMS[`${process.platform}-${process.arch}`];
  const dependencies: Record<string, string> = { "puffle-api": `file:./${packed[0].filename}`, "@edge-runtime/vm": VERSIONS.edgeRuntimeVm };
  for (const name of ["bun", "deno", "workerd"] as const) {
    if (!process.env[OVERRIDES[name]] && platform) dependencies[platform[name][0]] = VERSIONS[name];
  }
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "puffle-runtimes", private: true, type: "module", dependencies }, null, 2)}\n`);
  // The tarball's name does not change with its content: install it afresh every run.
  rmSync(path.join(dir, "node_modules/puffle-api"), { recursive: true, force: true });
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts", "--prefer-offline"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  for (const file of [...Object.values(where.bin), where.edgeVm, path.join(dir, "node_modules/puffle-api/dist/index.js")]) {
    if (!existsSync(file)) throw new Error(`test:runtimes: ${file} is missing after npm install in ${dir}`);
  }
  return where;
}
