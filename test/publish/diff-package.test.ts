// `npm run diff:package` (scripts/diff-package.mjs, scripts/publish/package-surface.mjs): the packed
// package at a git ref against the work tree's. A throwaway git repository in a temporary folder
// holds a tiny fixture package (its build copies src/ to dist/, its bin a commander program): its
// first commit is the base, the work tree is edited per case into each kind of finding; the script
// runs there as a copy, with node_modules linked to this one's. Then package.json and file-list
// rules on objects alone, the declaration rules on two folders of one index.d.ts each (typeSurface,
// no build), and this repository's own history (the first commit against HEAD, HEAD against HEAD).
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../scratch.js";
import { files, packageJson, parseHelp, typeSurface, type PackedPackage } from "../../scripts/publish/package-surface.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const dir = scratchDir("puffle-diff-package-test-");
const SLOW = 180_000;

interface Run {
  status: number | null;
  out: string;
  err: string;
}
/** The script in `cwd` (its own copy) with TMPDIR `tmp`; `onStart` gets the child once it said it is building. */
function runScript(script: string, cwd: string, args: string[], tmp: string, onStart?: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TMPDIR: tmp } });
    let out = "";
    let err = "";
    let started = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => {
      err += d;
      if (!started && onStart && err.includes("building and packing")) {
        started = true;
        onStart(child);
      }
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, out, err }));
  });
}
const lines = (out: string) => out.split("\n").filter((l) => /^[✖?•] /.test(l));

// ---------------------------------------------------------------------------------------------
// The fixture package

const installed = (name: string) => JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version as string;
const lock = (commander: string) =>
  `${JSON.stringify({ name: "fixture-pkg", version: "1.0.0", lockfileVersion: 3, requires: true, packages: { "": { name: "fixture-pkg", version: "1.0.0" }, "node_modules/commander": { version: commander } } }, null, 2)}\n`;

const basePackage = {
  name: "fixture-pkg",
  version: "1.0.0",
  type: "module",
  engines: { node: ">=18" },
  exports: {
    ".": { types: "./dist/index.d.ts", import: "./dist/index.js", default: "./dist/index.js" },
    "./extra": { types: "./dist/extra.d.ts", default: "./dist/extra.js" },
    "./legacy": { import: "./dist/legacy.js", require: "./dist/legacy.cjs" },
  },
  bin: { fx: "dist/cli.js", "fx-old": "dist/cli.js" },
  files: ["dist"],
  scripts: { build: "node build.mjs" },
  dependencies: { commander: "^14.0.3", "openapi-fetch": "^0.17.0" },
};
const baseIndex = `export interface Options { baseUrl?: string; timeout?: number; }
export interface Thing { id: string; title: string; tags?: string[]; }
export declare function make(name: string, options?: Options): Thing;
export declare function keep(a: string): void;
export declare const VERSION: string;
export declare function gone(): void;
export type Status = "a" | "b";
declare module "commander" { interface Command { fixtureFlag?: boolean; } }
type Getter = (id: string) => string;
export interface Client { get: Getter; }
export {};
`;
const baseCli = `#!/usr/bin/env node
import { Command, Option } from "commander";
const program = new Command("fx").description("fixture CLI");
program.command("run").description("run it").option("--fast", "go fast")
  .addOption(new Option("--mode <m>", "mode").choices(["a", "b"])).option("--level [n]", "level")
  .option("--timeout <ms>", "give up after", "30").action(() => {});
program.command("stop").description("stop it").action(() => {});
program.parse();
`;
const fixtureFiles: Record<string, string> = {
  ".gitignore": "node_modules\ndist\n",
  "package.json": `${JSON.stringify(basePackage, null, 2)}\n`,
  "package-lock.json": lock(installed("commander")),
  "build.mjs": `import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
// "slow": the build says it runs (a file named by its pid in the folder "slow" names) and never ends unless stopped.
if (existsSync("slow")) {
  writeFileSync(readFileSync("slow", "utf8") + "/" + process.pid, "");
  await new Promise(() => setInterval(() => {}, 1000));
}
if (existsSync("broken")) { console.error("error: the build is broken"); process.exit(1); }
rmSync("dist", { recursive: true, force: true });
cpSync("src", "dist", { recursive: true });
`,
  "src/index.js": "export function make(name) { return { id: name, title: name }; }\nexport function keep() {}\nexport const VERSION = '1';\nexport function gone() {}\n",
  "src/index.d.ts": baseIndex,
  "src/extra.js": "export const extra = 1;\n",
  "src/extra.d.ts": "export declare const extra: number;\n",
  "src/legacy.js": "export const legacy = 1;\n",
  "src/legacy.cjs": "exports.legacy = 1;\n",
  "src/legacy-new.js": "export const legacy = 2;\n",
  "src/notes.md": "notes\n",
  "src/cli.js": baseCli,
};

describe("npm run diff:package on a fixture package", () => {
  const repo = path.join(dir, "fixture");
  const script = path.join(repo, "scripts/diff-package.mjs");
  const tmp = path.join(dir, "tmp");
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8", stdio: "pipe" });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  const run = (args: string[], onStart?: Parameters<typeof runScript>[4]) => runScript(script, repo, args, tmp, onStart);

  beforeAll(() => {
    mkdirSync(tmp);
    execFileSync("git", ["init", "-q", repo]);
    for (const [file, text] of Object.entries(fixtureFiles)) write(file, text);
    for (const file of ["scripts/diff-package.mjs", "scripts/publish/base-ref.mjs", "scripts/publish/package-surface.mjs"]) cpSync(path.join(root, file), path.join(repo, file));
    symlinkSync(path.join(root, "node_modules"), path.join(repo, "node_modules"), "dir");
    git("add", "-A");
    git("commit", "-q", "-m", "fixture 1.0.0");
    // A ref whose lockfile this node_modules does not fit.
    git("checkout", "-q", "-b", "old-lock");
    write("package-lock.json", lock("13.0.0"));
    git("commit", "-q", "-am", "commander 13 locked");
    git("checkout", "-q", "-");
  });
  // Every run leaves the repository with its one work tree and no temporary folder behind.
  afterEach(() => {
    git("checkout", "-q", "--", ".");
    git("clean", "-qfdx", "-e", "node_modules", "-e", "scripts");
    expect(git("worktree", "list", "--porcelain").match(/^worktree /gm)).toHaveLength(1);
    expect(readdirSync(tmp).filter((f) => f.startsWith("puffle-diff-package-"))).toEqual([]);
  });

  it("the work tree as committed: nothing found, exit 0", async () => {
    const r = await run([]);
    expect(r.out).toContain("diff:package: base ");
    expect(r.out).toContain("(first commit (no tag yet): if a release was made since, tag it, `git tag vX.Y.Z <commit>`, or give its commit): fixture-pkg@1.0.0, 10 files");
    expect(lines(r.out)).toEqual([]);
    expect(r.out).toContain("OK: nothing breaking in the package's surface.");
    expect(r.status, r.out + r.err).toBe(0);
  }, SLOW);

  it("notable changes only (an entry, a dependency, an export, a command option): printed, exit 0", async () => {
    const exports = { ...basePackage.exports, "./added": "./dist/extra.js" };
    write("package.json", `${JSON.stringify({ ...basePackage, exports, dependencies: { ...basePackage.dependencies, yaml: "^2.9.1" } }, null, 2)}\n`);
    write("src/index.d.ts", `${baseIndex}export declare function fresh(): void;\n`);
    write("src/cli.js", baseCli.replace('.option("--fast", "go fast")', '.option("--fast", "go fast").option("--quiet", "say less")'));
    const r = await run([]);
    expect(lines(r.out)).toEqual([
      '• [export-added] exports "./added": added',
      '• [dependency-added] dependencies "yaml": added (^2.9.1): installed with the package',
      "• [name-added] fresh: export added",
      '• [entry-added] exports "./added": declarations added (1 names, dist/extra.d.ts)',
      "• [option-added] fx run --quiet: option added",
      "• [option-added] fx-old run --quiet: option added",
    ]);
    expect(r.out).toContain("OK: nothing breaking in the package's surface (6 notable).");
    expect(r.status, r.out + r.err).toBe(0);
  }, SLOW);

  it("a change to review only (a type's declaration): exit 1 with a REVIEW line", async () => {
    write("src/index.d.ts", baseIndex.replace('"a" | "b"', '"a" | "b" | "c"'));
    const r = await run([]);
    expect(lines(r.out)).toEqual(['? [declaration-changed] Status: declaration changed: was "type Status = \\"a\\" | \\"b\\";", now "type Status = \\"a\\" | \\"b\\" | \\"c\\";"']);
    expect(r.out).toMatch(/^REVIEW: 1 change\(s\) marked \?/m);
    expect(r.out).not.toContain("BREAKING");
    expect(r.status).toBe(1);
  }, SLOW);

  // A member typed by the name of a function type the package does not export (`PATCH: StrictPatch`
  // in puffle-api 1.0.0; `export {}` keeps the .d.ts's Getter private): the name is the same on both
  // sides, so only the signatures behind it tell.
  it("a function type changed behind an unchanged name (a parameter added): exit 1 with a REVIEW line", async () => {
    write("src/index.d.ts", baseIndex.replace("type Getter = (id: string) => string;", "type Getter = (id: string, strict: boolean) => string;"));
    const r = await run([]);
    expect(lines(r.out)).toEqual(['? [property-type] Client.get: type Getter, same name, its signatures changed: was "(id: string) => string", now "(id: string, strict: boolean) => string"']);
    expect(r.status).toBe(1);
  }, SLOW);

  it("every kind of finding: package.json, files, declarations, CLI; exit 1", async () => {
    write(
      "package.json",
      `${JSON.stringify(
        {
          ...basePackage,
          engines: { node: ">=20" },
          exports: { ".": basePackage.exports["."], "./legacy": { import: "./dist/legacy-new.js" }, "./added": "./dist/extra.js" },
          bin: { fx: "dist/cli.js" },
          files: ["dist", "!dist/notes.md"],
          dependencies: { commander: "^13.0.0", yaml: "^2.9.1" },
        },
        null,
        2,
      )}\n`,
    );
    write(
      "src/index.d.ts",
      `export interface Options { baseUrl?: string; timeout?: number; region: string; }
export interface Thing { id: string; tags?: string[]; extra?: number; }
export declare function make(name: string, options?: Options): Thing;
export declare function keep(a: string, b: number): void;
export declare const VERSION: string;
export type Status = "a" | "b" | "c";
export declare function fresh(): void;
type Getter = (id: string) => string;
export interface Client { get: Getter; }
export {};
`,
    );
    write(
      "src/cli.js",
      baseCli
        .replace('.option("--fast", "go fast")', "")
        .replace('["a", "b"]', '["a", "c"]')
        .replace('"--level [n]"', '"--level <n>"')
        .replace('"give up after", "30"', '"give up after", "60"')
        .replace('.option("--timeout', '.option("--quiet", "say less").option("--timeout')
        .replace('program.command("stop").description("stop it")', 'program.command("start").description("start it")'),
    );
    const r = await run([]);
    expect(lines(r.out)).toEqual([
      // (a) package.json
      '✖ [export-removed] exports "./extra": removed: import "fixture-pkg/extra" no longer resolves',
      '? [export-retargeted] exports "./legacy": retargeted for import, types (import), browser: ./dist/legacy.js → ./dist/legacy-new.js',
      '✖ [export-condition-removed] exports "./legacy": no longer resolves for require, types (require) (was ./dist/legacy.cjs)',
      '• [export-added] exports "./added": added',
      '✖ [bin-removed] bin "fx-old": removed (was dist/cli.js): the command is no longer installed',
      '✖ [engines-narrowed] engines.node: ">=18" → ">=20", narrowed: Node 18.0.0 no longer admitted',
      '? [dependency-major] dependencies "commander": ^14.0.3 → ^13.0.0: another major, whose types may show through this package\'s',
      '• [dependency-removed] dependencies "openapi-fetch": removed (was ^0.17.0)',
      '• [dependency-added] dependencies "yaml": added (^2.9.1): installed with the package',
      // (b) files
      "• [file-removed] dist/notes.md: removed (not an exports entry: not importable; read by path only)",
      // (c) declarations
      "✖ [required-option-added] make(options).region: required option added: a call written for the last release is an error",
      "✖ [property-removed] make returns.title: property removed: code reading or passing it no longer compiles",
      "• [property-added] make returns.extra: optional property added",
      "✖ [required-parameter-added] keep: 1 → 2 required parameters: a call written for the last release is an error",
      "✖ [name-removed] gone: export removed",
      "? [property-added] Options.region: required property added: breaks code that builds this type, not code that reads it",
      '? [declaration-changed] Options: declaration changed: was "interface Options { baseUrl?: string; timeout?: number; }", now "interface Options { baseUrl?: string; timeout?: number; region: string; }"',
      "✖ [property-removed] Thing.title: property removed: code reading or passing it no longer compiles",
      "• [property-added] Thing.extra: optional property added",
      '? [declaration-changed] Status: declaration changed: was "type Status = \\"a\\" | \\"b\\";", now "type Status = \\"a\\" | \\"b\\" | \\"c\\";"',
      "• [name-added] fresh: export added",
      '• [entry-added] exports "./added": declarations added (1 names, dist/extra.d.ts)',
      '✖ [augmentation-removed] module "commander": removed: what it added to those types is gone (code using it no longer compiles)',
      // (d) CLI
      "✖ [option-removed] fx run --fast: option removed: a command line using it is an error",
      '✖ [choice-removed] fx run --mode: choice "b" removed',
      '• [choice-added] fx run --mode: choice "c" added',
      "✖ [option-argument-required] fx run --level: argument [n] → <n>: the option alone is an error",
      '? [option-default] fx run --timeout: default "30" → "60"',
      "• [option-added] fx run --quiet: option added",
      "✖ [command-removed] fx stop: command removed",
      "• [command-added] fx start: command added",
    ]);
    expect(r.out).toContain('\n# package.json\n');
    expect(r.out).toContain('\n# TypeScript: "fixture-pkg"\n');
    expect(r.out).toContain("\n# TypeScript: augmentations\n");
    expect(r.out).toContain("\n# CLI: fx\n");
    expect(r.out).toMatch(/^BREAKING: 14 change\(s\) marked ✖/m);
    expect(r.out).toMatch(/^REVIEW: 6 change\(s\) marked \?/m);
    expect(r.status).toBe(1);
  }, SLOW);

  it.each([
    ["an unknown ref", ["no-such-ref"], 'diff:package: cannot find git ref "no-such-ref"'],
    ["an unknown option", ["--bogus"], 'diff:package: unknown option "--bogus"'],
    ["two refs", ["HEAD", "HEAD~1"], 'diff:package: unexpected argument "HEAD~1"'],
    ["--head without a ref", ["HEAD", "--head"], "diff:package: --head needs a git ref"],
    [
      "a ref whose package-lock.json this node_modules does not fit",
      ["old-lock"],
      `diff:package: this node_modules does not fit package-lock.json at old-lock (given): it locks commander 13.0.0 (here ${installed("commander")}); install that ref's own node_modules in a worktree and compare by hand (docs/publishing.md, "Release checklist")`,
    ],
  ])("could not run: %s: exit 2 in one line", async (_name, args, want) => {
    const r = await run(args);
    expect(r.err.trim().split("\n").filter((l) => !l.includes("building and packing"))).toEqual([want]);
    expect(r.out).toBe("");
    expect(r.status).toBe(2);
  }, SLOW);

  it("a build that fails: exit 2 in one line naming the side and the error", async () => {
    write("broken", "");
    const r = await run([]);
    expect(r.err).toMatch(/^diff:package: cannot build the work tree: `npm run build` exited 1: error: the build is broken$/m);
    expect(r.status).toBe(2);
  }, SLOW);

  it("Ctrl-C (SIGINT) during the builds: the worktree and temporary folders are removed, the build is stopped, exit 130", async () => {
    // SIGINT to the script alone (as `kill -INT`, a CI timeout's SIGTERM), once the head's build runs:
    // the build (npm's script, not only npm) must end too, not go on writing into the folders removed.
    const pids = mkdtempSync(path.join(dir, "pids-"));
    write("slow", pids);
    const building = () => readdirSync(pids).map(Number);
    const r = await run([], (child) => {
      const poll = setInterval(() => {
        if (building().length > 0 || child.exitCode !== null) {
          clearInterval(poll);
          child.kill("SIGINT");
        }
      }, 50);
    });
    expect(r.status).toBe(130);
    expect(r.out).toBe("");
    expect(building()).toHaveLength(1);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    // The build never ends by itself: once the script is gone it must be gone too (waited for, up to 15 s; killed here if not).
    for (let i = 0; i < 300 && building().some(alive); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const left = building().filter(alive);
    for (const pid of left) process.kill(pid, "SIGKILL");
    expect(left, "the build outlived diff:package").toEqual([]);
  }, SLOW);
});

// ---------------------------------------------------------------------------------------------
// Rules on objects alone

const packed = (pkg: Record<string, unknown>, list: string[] = ["index.js", "index.d.ts"]): PackedPackage => ({ dir: "/nowhere", pkg, files: new Set(list) });
const said = (list: { severity: string; rule: string; where: string; message: string }[]) => list.map((f) => `${f.severity} ${f.rule} ${f.where}: ${f.message}`);

describe("package.json and file rules", () => {
  it.each([
    ["name changed", { name: "a" }, { name: "b" }, 'breaking name name: "a" → "b": installed and imported under another name'],
    ["type changed", { name: "a", type: "module" }, { name: "a" }, "breaking type type: module → commonjs: every shipped .js file is loaded as another module system"],
    ["an exports map added", { name: "a", main: "./index.js" }, { name: "a", main: "./index.js", exports: "./index.js" }, "breaking exports-added exports: an exports map where there was none: only its entries can be imported now (a deep import of any other file fails)"],
    ["engines widened", { name: "a", engines: { node: ">=20" } }, { name: "a", engines: { node: ">=18" } }, 'notable engines-widened engines.node: ">=20" → ">=18", widened'],
    ["a peer dependency added", { name: "a" }, { name: "a", peerDependencies: { react: "^19.0.0" } }, 'breaking peer-added peerDependencies "react": added (^19.0.0): a consumer without it gets a conflict or a missing module'],
    ["a 0.x dependency's minor", { name: "a", dependencies: { x: "^0.17.0" } }, { name: "a", dependencies: { x: "^0.18.0" } }, 'review dependency-major dependencies "x": ^0.17.0 → ^0.18.0: another major, whose types may show through this package\'s'],
    ["a dependency's floor raised", { name: "a", dependencies: { x: "^14.0.0" } }, { name: "a", dependencies: { x: "^14.2.0" } }, 'notable dependency-range dependencies "x": ^14.0.0 → ^14.2.0'],
    ["an exports target not shipped", { name: "a", exports: "./index.js" }, { name: "a", exports: "./lib.js" }, 'review export-retargeted exports ".": retargeted for import, require, types (import), types (require), browser: ./index.js → ./lib.js|breaking export-target-missing exports ".": target ./lib.js is not in the package'],
    ["a default condition dropped, import still there", { name: "a", exports: { import: "./index.js", default: "./index.js" } }, { name: "a", exports: { import: "./index.js" } }, 'breaking export-condition-removed exports ".": no longer resolves for require, types (require) (was ./index.js)'],
  ])("%s", (_name, base, head, want) => {
    expect(said(packageJson(packed(base), packed(head))).join("|")).toBe(want);
  });

  it("a removed file: importable by path without an exports map or under a pattern (?), else notable", () => {
    const list = ["index.js", "index.d.ts", "lib/a.js", "docs/a.md"];
    expect(said(files(packed({ name: "a" }, list), packed({ name: "a" }, ["index.js", "index.d.ts"])))).toEqual([
      "review file-removed docs/a.md: removed; the last release has no exports map, so code may have imported or read it by path",
      "review file-removed lib/a.js: removed; the last release has no exports map, so code may have imported or read it by path",
    ]);
    const withMap = { name: "a", exports: { ".": "./index.js", "./lib/*": "./lib/*.js" } };
    expect(said(files(packed(withMap, list), packed(withMap, ["index.js", "index.d.ts"])))).toEqual([
      "notable file-removed docs/a.md: removed (not an exports entry: not importable; read by path only)",
      "review file-removed lib/a.js: removed; an exports pattern made it importable",
    ]);
  });

  it("commander's help, wrapped: options with their argument, choices and default; commands with aliases", () => {
    const help = parseHelp(`Usage: x run [options] <file>

Options:
  --base-url <url>  API root URL (env: X) (default:
                    "https://a.example, b")
  -m, --mode <m>    mode (choices: "a",
                    "b")
  --cors [origin]   (preset: "*")
  -h, --help        display help for command

Commands:
  update|up [options]  update it
  help [command]       display help for command
`);
    expect(help.usage).toBe("x run [options] <file>");
    expect(Object.fromEntries(help.options)).toEqual({
      "--base-url": { flags: ["--base-url"], arg: "<url>", choices: null, default: '"https://a.example, b"' },
      "--mode": { flags: ["-m", "--mode"], arg: "<m>", choices: ['"a"', '"b"'], default: null },
      "--cors": { flags: ["--cors"], arg: "[origin]", choices: null, default: null },
      "--help": { flags: ["-h", "--help"], arg: null, choices: null, default: null },
    });
    expect(Object.fromEntries(help.commands)).toEqual({ update: ["up"] });
  });
});

// ---------------------------------------------------------------------------------------------
// Declarations alone: typeSurface on two extracted packages (one index.d.ts each), without a build,
// each verdict held to docs/publishing.md's rules and CHANGELOG "The rule" (what breaks a user's code).

describe("declarations compared (typeSurface on two folders)", () => {
  let n = 0;
  const side = (name: string, dts: string): PackedPackage => {
    const pkgDir = path.join(dir, `decl-${n}`, name, "package");
    mkdirSync(pkgDir, { recursive: true });
    const pkg = { name: "fx", version: "1.0.0", type: "module", exports: { ".": { types: "./index.d.ts", default: "./index.js" } } };
    writeFileSync(path.join(pkgDir, "package.json"), JSON.stringify(pkg));
    writeFileSync(path.join(pkgDir, "index.d.ts"), dts);
    writeFileSync(path.join(pkgDir, "index.js"), "");
    return { dir: pkgDir, pkg, files: new Set(["package.json", "index.d.ts", "index.js"]) };
  };
  const mark = { breaking: "✖", review: "?", notable: "•" } as Record<string, string>;
  const compare = (base: string, head: string) => {
    n++;
    return typeSurface(side("base", base), side("head", head)).map((f) => `${mark[f.severity]} [${f.rule}] ${f.where}: ${f.message}`);
  };
  // `export {}` keeps a declaration without `export` private: a user meets it only by the member,
  // parameter or result typed by its name.
  const own = (text: string) => `${text}\nexport {};\n`;
  const f2 = "export declare function f(a: string): string;\nexport declare function f(a: number): number;\n";
  const wasF2 = 'was "function f(a: string): string;\\nfunction f(a: number): number;"';

  it.each<[string, string, string, string[]]>([
    // A recursive type: the member removed deep down is one line; the recursion is not spelled out again.
    ["a recursive type, a member removed", "export interface Node { id: string; children: Node[]; parent?: Node; }", "export interface Node { children: Node[]; parent?: Node; }", ["✖ [property-removed] Node.id: property removed: code reading or passing it no longer compiles"]],
    ["a recursive type, unchanged", "export interface Node { id: string; children: Node[]; parent?: Node; }", "export interface Node { id: string; children: Node[]; parent?: Node; }", []],
    // A generic alias whose default changed: what a member typed by it holds changed (?).
    [
      "a generic alias's default changed",
      "export type Box<T = string> = { v: T }; export interface C { b: Box }",
      "export type Box<T = number> = { v: T }; export interface C { b: Box }",
      ['? [declaration-changed] Box: declaration changed: was "type Box<T = string> = { v: T; };", now "type Box<T = number> = { v: T; };"', "? [property-type] C.b.v: type string → number"],
    ],
    ["a private generic function type's default changed", own("type Get<T = string> = (id: string) => T; export interface C { get: Get }"), own("type Get<T = number> = (id: string) => T; export interface C { get: Get }"), ["? [property-type] C.get: type Get<string> → Get<number>"]],
    // Overloads: which of them a call meets cannot be told from here (?).
    ["an overload added", f2, `${f2}export declare function f(a: boolean): boolean;\n`, ["? [overloads] f: 2 → 3 call signatures", `? [declaration-changed] f: declaration changed: ${wasF2}, now "function f(a: string): string;\\nfunction f(a: number): number;\\nfunction f(a: boolean): boolean;"`]],
    ["an overload removed", f2, "export declare function f(a: string): string;\n", ["? [overloads] f: 2 → 1 call signatures", `? [declaration-changed] f: declaration changed: ${wasF2}, now "function f(a: string): string;"`]],
    [
      "overloads reordered",
      f2,
      "export declare function f(a: number): number;\nexport declare function f(a: string): string;\n",
      [
        "? [parameter-type] f (signature 1)(a): type string → number",
        "? [return-type] f (signature 1) returns: type string → number",
        "? [parameter-type] f (signature 2)(a): type number → string",
        "? [return-type] f (signature 2) returns: type number → string",
        `? [declaration-changed] f: declaration changed: ${wasF2}, now "function f(a: number): number;\\nfunction f(a: string): string;"`,
      ],
    ],
    // A type's name in one version only: the name changed is the change (?), whatever it stands for.
    ["a private function type written inline instead", own("type G = (id: string) => string; export interface C { get: G }"), own("export interface C { get: (id: string) => string }"), ["? [property-type] C.get: type G → (id: string) => string", '? [declaration-changed] C: declaration changed: was "interface C { get: G; }", now "interface C { get: (id: string) => string; }"']],
    // One function type behind two members: a line for each.
    [
      "a private function type used by two members",
      own("type G = (id: string) => string; export interface C { get: G; head: G }"),
      own("type G = (id: string, s: boolean) => string; export interface C { get: G; head: G }"),
      [
        '? [property-type] C.get: type G, same name, its signatures changed: was "(id: string) => string", now "(id: string, s: boolean) => string"',
        '? [property-type] C.head: type G, same name, its signatures changed: was "(id: string) => string", now "(id: string, s: boolean) => string"',
      ],
    ],
    // Re-exported under another name: compared under the name a user imports.
    ["a type re-exported under another name", "interface A { x: string } export type { A as B };", "interface A { x: string; y: string } export type { A as B };", ["? [property-added] B.y: required property added: breaks code that builds this type, not code that reads it", '? [declaration-changed] B: declaration changed: was "interface A { x: string; }", now "interface A { x: string; y: string; }"']],
    ["a function re-exported under another name", "declare function g(a: string): void; export { g as h };", "declare function g(a: string, b: string): void; export { g as h };", ["✖ [required-parameter-added] h: 1 → 2 required parameters: a call written for the last release is an error"]],
    // A member added: in what a user passes (input) a required one breaks every call (✖), an optional
    // one accepts more (•); in what a user gets (output) an optional one is more (•), a required one
    // breaks only code building the type (?).
    ["input: an optional member added", own("interface O { a: string } export declare function f(o: O): void;"), own("interface O { a: string; b?: string } export declare function f(o: O): void;"), ["• [option-added] f(o).b: optional option added"]],
    ["input: a required member added", own("interface O { a: string } export declare function f(o: O): void;"), own("interface O { a: string; b: string } export declare function f(o: O): void;"), ["✖ [required-option-added] f(o).b: required option added: a call written for the last release is an error"]],
    ["output: an optional member added", own("interface R { a: string } export declare function f(): R;"), own("interface R { a: string; b?: string } export declare function f(): R;"), ["• [property-added] f returns.b: optional property added"]],
    ["output: a required member added", own("interface R { a: string } export declare function f(): R;"), own("interface R { a: string; b: string } export declare function f(): R;"), ["? [property-added] f returns.b: required property added: breaks code that builds this type, not code that reads it"]],
    // A union widened or narrowed: a type changed (?) wherever it is.
    ["a parameter's union widened", own("export declare function f(a: string): void;"), own("export declare function f(a: string | number): void;"), ["? [parameter-type] f(a): type string → string | number", '? [declaration-changed] f: declaration changed: was "function f(a: string): void;", now "function f(a: string | number): void;"']],
    ["a parameter's union narrowed", own("export declare function f(a: string | number): void;"), own("export declare function f(a: string): void;"), ["? [parameter-type] f(a): type string | number → string", '? [declaration-changed] f: declaration changed: was "function f(a: string | number): void;", now "function f(a: string): void;"']],
    ["a result's union widened", own("export declare function f(): string;"), own("export declare function f(): string | number;"), ["? [return-type] f returns: type string → string | number", '? [declaration-changed] f: declaration changed: was "function f(): string;", now "function f(): string | number;"']],
    ["a result's union narrowed", own("export declare function f(): string | number;"), own("export declare function f(): string;"), ["? [return-type] f returns: type string | number → string", '? [declaration-changed] f: declaration changed: was "function f(): string | number;", now "function f(): string;"']],
    ["a class gains a private member", "export declare class K { a: string; }", "export declare class K { a: string; private b; }", ["• [property-added] K.b: property added", '? [declaration-changed] K: declaration changed: was "class K { a: string; }", now "class K { a: string; private b; }"']],
  ])("%s", (_name, base, head, want) => {
    expect(compare(base, head)).toEqual(want);
  });

  // What a name hides: a leaf typed by the name of a type of the package's own (a union, a callable,
  // an interface behind a private name) was compared by that name alone, the same on both sides.
  const ab = '"\\"a\\" | \\"b\\""';
  /** `type L0 = { n0: L1 } | string; … type Ln = leaf`: a private union n objects deep. */
  const chain = (leaf: string, n: number) => own(`${Array.from({ length: n }, (_, i) => `type L${i} = { n${i}: L${i + 1} } | string;`).join("\n")}\ntype L${n} = ${leaf};\nexport declare function f(): L0;`);
  const abc = '"\\"a\\" | \\"b\\" | \\"c\\""';
  it.each<[string, string, string, string[]]>([
    // shape
    ["an exported string union gains a member", 'export type Status = "a" | "b"; export declare function f(s: Status): void;', 'export type Status = "a" | "b" | "c"; export declare function f(s: Status): void;', ['? [parameter-type] f(s): type Status, same name, what it stands for changed: was "\\"a\\" | \\"b\\"", now "\\"a\\" | \\"b\\" | \\"c\\""', '? [declaration-changed] Status: declaration changed: was "type Status = \\"a\\" | \\"b\\";", now "type Status = \\"a\\" | \\"b\\" | \\"c\\";"']],
    ["a private string union gains a member, in a result", own('type Mode = "a" | "b"; export declare function f(): Mode;'), own('type Mode = "a" | "b" | "c"; export declare function f(): Mode;'), [`? [return-type] f returns: type Mode, same name, what it stands for changed: was ${ab}, now ${abc}`]],
    ["a private string union gains a member, in a member", own('type Mode = "a" | "b"; export interface C { mode: Mode }'), own('type Mode = "a" | "b" | "c"; export interface C { mode: Mode }'), [`? [property-type] C.mode: type Mode, same name, what it stands for changed: was ${ab}, now ${abc}`]],
    ["a private enum gains a member, in a result", own('declare enum E { A = "a", B = "b" } export declare function f(): E;'), own('declare enum E { A = "a", B = "b", C = "c" } export declare function f(): E;'), ['? [return-type] f returns: type E, same name, what it stands for changed: was "E.A = \\"a\\" | E.B = \\"b\\"", now "E.A = \\"a\\" | E.B = \\"b\\" | E.C = \\"c\\""']],
    ["a private function type a parameter is typed by", own("type G = (id: string) => string; export declare function f(g: G): void;"), own("type G = (id: string, s: boolean) => string; export declare function f(g: G): void;"), ['? [parameter-type] f(g): type G, same name, what it stands for changed: was "{ (id: string) => string }", now "{ (id: string, s: boolean) => string }"']],
    ["a private function type a function returns", own("type G = (id: string) => string; export declare function f(): G;"), own("type G = (id: string, s: boolean) => string; export declare function f(): G;"), ['? [return-type] f returns: type G, same name, what it stands for changed: was "{ (id: string) => string }", now "{ (id: string, s: boolean) => string }"']],
    ["a private callable interface", own("interface G { (id: string): string; n: number } export interface C { get: G }"), own("interface G { (id: string, s: boolean): string; n: number } export interface C { get: G }"), ['? [property-type] C.get: type G, same name, what it stands for changed: was "{ (id: string) => string; n: number }", now "{ (id: string, s: boolean) => string; n: number }"']],
    // readonly
    ["readonly added to an exported interface's member", "export interface C { x: string }", "export interface C { readonly x: string }", ["? [property-readonly] C.x: now readonly: code assigning it no longer compiles", '? [declaration-changed] C: declaration changed: was "interface C { x: string; }", now "interface C { readonly x: string; }"']],
    ["readonly added in a private interface behind a member", own("interface O { x: string } export interface C { o: O }"), own("interface O { readonly x: string } export interface C { o: O }"), ["? [property-readonly] C.o.x: now readonly: code assigning it no longer compiles"]],
    // A get accessor without a setter is read-only too (an assignment no longer compiles): it was
    // compared as a plain member, nothing found.
    ["a private interface's member made a getter only", own("interface O { x: string } export interface C { o: O }"), own("interface O { get x(): string } export interface C { o: O }"), ["? [property-readonly] C.o.x: now readonly: code assigning it no longer compiles"]],
    ["a private class's setter removed", own("declare class O { get x(): string; set x(v: string); } export interface C { o: O }"), own("declare class O { get x(): string; } export interface C { o: O }"), ["? [property-readonly] C.o.x: now readonly: code assigning it no longer compiles"]],
    // An enum's member values are what its users compare and send: a private enum's value changed
    // read as the same `E.A | E.B`.
    ["a private enum's member value changed, in a result", own('declare enum E { A = "a", B = "b" } export declare function f(): E;'), own('declare enum E { A = "a", B = "c" } export declare function f(): E;'), ['? [return-type] f returns: type E, same name, what it stands for changed: was "E.A = \\"a\\" | E.B = \\"b\\"", now "E.A = \\"a\\" | E.B = \\"c\\""']],
    // A value that can be called or constructed was compared by its signatures alone: the members
    // beside them (a callable's properties, a class's static members, a private class's instances
    // behind `typeof`) were never looked at.
    ["a private callable interface's member removed, an exported value's type", own("interface Api { (a: string): void; x: number } export declare const api: Api;"), own("interface Api { (a: string): void } export declare const api: Api;"), ["✖ [property-removed] api.x: property removed: code reading or passing it no longer compiles"]],
    ["a static method's parameter added, in a private base class", own("declare class Base { static make(a: string): Base; } export declare class K extends Base {}"), own("declare class Base { static make(a: string, b: string): Base; } export declare class K extends Base {}"), ["? [property-type] K.make: type (a: string) => Base → (a: string, b: string) => Base"]],
    ["a static method removed, in a private base class", own("declare class Base { static make(a: string): Base; } export declare class K extends Base {}"), own("declare class Base { } export declare class K extends Base {}"), ["✖ [property-removed] K.make: property removed: code reading or passing it no longer compiles"]],
    ["a static method added: notable, as a class's other new members", "export declare class K { a: string; }", "export declare class K { a: string; static make(): K; }", ["• [property-added] K.make: property added", '? [declaration-changed] K: declaration changed: was "class K { a: string; }", now "class K { a: string; static make(): K; }"']],
    ["a private class's method removed, exported as typeof", own("declare class Impl { constructor(a: string); m(): void } export declare const K: typeof Impl;"), own("declare class Impl { constructor(a: string); } export declare const K: typeof Impl;"), ["✖ [property-removed] new K returns.m: property removed: code reading or passing it no longer compiles"]],
    // nested options
    ["input: a required member added to an option's object", own("interface I { x: string } export declare function f(o: { i: I }): void;"), own("interface I { x: string; y: string } export declare function f(o: { i: I }): void;"), ["✖ [required-option-added] f(o).i.y: required option added: a call written for the last release is an error"]],
    // index signatures
    ["a private index signature's value type changed", own("interface O { [k: string]: string } export interface C { o: O }"), own("interface O { [k: string]: number } export interface C { o: O }"), ["? [property-type] C.o.[key: string]: type string → number"]],
    ["an index signature added to an options type", own("interface O { a?: string } export declare function f(o: O): void;"), own("interface O { a?: string; [k: string]: string | undefined } export declare function f(o: O): void;"), ["• [option-added] f(o).[key: string]: optional option added"]],
    // A private type as another package's type argument (an array's item, a promise's result, a
    // record's value) was compared by the generic's text (`Item[]`) alone: nothing found.
    ["a private interface behind an array", own("interface Item { a: string } export interface C { items: Item[] }"), own("interface Item { a: number } export interface C { items: Item[] }"), ['? [property-type] C.items: type Item[], same name, what it stands for changed: was "Array<{ a: string }>", now "Array<{ a: number }>"']],
    ["a private interface behind a promise", own("interface R { a: string } export declare function f(): Promise<R>;"), own("interface R { a: number } export declare function f(): Promise<R>;"), ['? [return-type] f returns: type Promise<R>, same name, what it stands for changed: was "Promise<{ a: string }>", now "Promise<{ a: number }>"']],
    ["a private union as a record's value", own('type M = "a" | "b"; export interface C { r: Record<string, M> }'), own('type M = "a" | "c"; export interface C { r: Record<string, M> }'), ['? [property-type] C.r: type Record<string, M>, same name, what it stands for changed: was "Record<string, \\"a\\" | \\"b\\">", now "Record<string, \\"a\\" | \\"c\\">"']],
    // An exported one is said at its own name, not again at each use.
    ["an exported interface behind a promise", "export interface R { a: string } export declare function f(): Promise<R>;", "export interface R { a: number } export declare function f(): Promise<R>;", ["? [property-type] R.a: type string → number", '? [declaration-changed] R: declaration changed: was "interface R { a: string; }", now "interface R { a: number; }"']],
    // A private conditional type (nothing to spell out but its declaration).
    ["a private conditional type changed", own("type C<T> = T extends string ? 'S' : 'N'; export declare function f<T>(x: T): C<T>;"), own("type C<T> = T extends string ? 'S' : 'X'; export declare function f<T>(x: T): C<T>;"), [`? [return-type] f returns: type C<T>, same name, what it stands for changed: was "C<T> = T extends string ? 'S' : 'N'", now "C<T> = T extends string ? 'S' : 'X'"`]],
    // Not a change: a private interface's members declared in another order, a union written inline
    // in one version and behind a private name in the other (TypeScript prints each in the order it
    // made its members), were "what it stands for changed".
    ["a private interface's members reordered", own("interface O { a: string; b: number } export declare function f(): O | string;"), own("interface O { b: number; a: string } export declare function f(): O | string;"), []],
    ["a union inline, then behind a private name in another order", own('interface A { c: "linkedin" | "email" } export declare function f(): A[];'), own('type Ch = "email" | "linkedin"; interface A { c: Ch } export declare function f(): A[];'), []],
    // Bounds: a union of objects is one level, not two (a change 4 objects deep was cut, unseen); past
    // MAX_SHAPE_DEPTH the comparison says what it did not see (•), not nothing.
    ["a change 4 levels inside a private union", chain('"a" | "b"', 4), chain('"a" | "b" | "c"', 4), ['? [return-type] f returns: type L0, same name, what it stands for changed: was "string | { n0: string | { n1: string | { n2: string | { n3: \\"a\\" | \\"b\\" } } } }", now "string | { n0: string | { n1: string | { n2: string | { n3: \\"a\\" | \\"b\\" | \\"c\\" } } } }"']],
    ["a change 8 levels inside a private union, beyond the bound", chain('"a" | "b"', 8), chain('"a" | "b" | "c"', 8), ["• [return-type-cut] f returns: type L0 is spelled out to a depth of 6 and 2000 parts only; beyond, a type is compared by its name, so a change there is not seen: compare by hand"]],
  ])("%s", (_name, base, head, want) => {
    expect(compare(base, head)).toEqual(want);
  });
});

// ---------------------------------------------------------------------------------------------
// This repository

describe("npm run diff:package on this repository's history", () => {
  const tmp = mkdtempSync(path.join(dir, "repo-tmp-"));
  const first = execFileSync("git", ["rev-list", "--max-parents=0", "HEAD"], { cwd: root, encoding: "utf8" }).trim().split("\n").pop() as string;
  const run = (args: string[]) => runScript(path.join(root, "scripts/diff-package.mjs"), root, args, tmp);
  // The clone's own worktrees (a maintainer may have some, as the release checklist adds one) are
  // left as they were: none added, none removed.
  const worktrees = () => execFileSync("git", ["worktree", "list", "--porcelain"], { cwd: root, encoding: "utf8" }).match(/^worktree .*$/gm);
  const before = worktrees();
  afterEach(() => {
    expect(readdirSync(tmp)).toEqual([]);
    expect(worktrees()).toEqual(before);
  });

  // The first commit is built with this node_modules only while its package-lock.json locks what
  // HEAD's does for a user's install (and typescript): once a runtime dependency is bumped, the
  // script refuses it (exit 2, the case below the findings). Which case holds is read here from the
  // two lockfiles, so a bump changes what is checked, not whether `npm test` passes.
  const lockAt = (ref: string) => JSON.parse(execFileSync("git", ["show", `${ref}:package-lock.json`], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 })) as { packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; link?: boolean; optional?: boolean }> };
  const [firstLock, headLock] = [lockAt(first), lockAt("HEAD")];
  const misfits = Object.entries(firstLock.packages).filter(([key, entry]) => {
    const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!key.startsWith("node_modules/") || entry.link || ((entry.dev || entry.devOptional) && name !== "typescript")) return false;
    return headLock.packages[key]?.version !== entry.version && !(entry.optional && headLock.packages[key] === undefined);
  });

  it.runIf(misfits.length > 0)("the first commit against HEAD, its lockfile no longer this node_modules': exit 2, naming what differs", async () => {
    const r = await run([first, "--head", "HEAD"]);
    expect(r.status, r.out + r.err).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain(`this node_modules does not fit package-lock.json at ${first}`);
    expect(r.err).toContain(misfits[0]![0].replace(/^node_modules\//, ""));
  }, SLOW);

  it.runIf(misfits.length === 0)("the first commit against HEAD: the server entry, the bin and what broke (paths' path parameters), exit 1", async () => {
    const r = await run([first, "--head", "HEAD"]);
    const found = lines(r.out);
    expect(found).toContain('• [export-added] exports "./server": added');
    expect(found).toContain('• [bin-added] bin "puffle": added (dist/cli/main.js)');
    expect(found).toContain('• [export-condition-added] exports ".": now resolves for require (./dist/index.js)');
    expect(found.filter((l) => l.startsWith("✖ [property-never] paths./api/conversations/{id}.parameters.path"))).toHaveLength(2); // puffle-api and puffle-api/schema
    expect(found).toContain("• [name-added] DEFAULT_MAX_RESPONSE_BYTES: export added");
    expect(r.status, r.out + r.err).toBe(1);
  }, SLOW);

  it("HEAD against HEAD: nothing found, exit 0", async () => {
    const r = await run(["HEAD", "--head", "HEAD"]);
    expect(lines(r.out)).toEqual([]);
    expect(r.out).toContain("OK: nothing breaking in the package's surface.");
    expect(r.status, r.out + r.err).toBe(0);
  }, SLOW);
});
