#!/usr/bin/env node
// `npm run diff:package -- [git-ref] [--head git-ref]`: the packed package at a git ref compared with
// the work tree's, as its users meet it — what `npm run diff` (the bundled spec only) does not see.
//
// base: the package at <git-ref> (default: as `npm run diff`, the last release tag vX.Y.Z, else the
//       first commit; scripts/publish/base-ref.mjs), checked out with `git worktree add` in a
//       temporary folder. Its node_modules is a symlink to this one's, which is only right when
//       the ref's package-lock.json locks the same versions of every package a user installs with
//       it (not `dev`) and of typescript (which writes its declarations): otherwise exit 2, saying
//       which differ.
// head: the work tree as it is (tracked and untracked files, not ignored ones: what `npm pack`
//       would see after a build), copied to a temporary folder; or, with --head, another ref
//       checked out as the base is.
// Each side is built there (its `prepack` script, else its `build`, through npm) and packed with
// `npm pack --ignore-scripts --offline`, and the tarball is extracted; this work tree's dist/ is not
// touched. The worktree and every temporary folder are removed at the end, on an error too, and on
// Ctrl-C (SIGINT), SIGTERM or SIGHUP, and a build still running is stopped.
//
// Compared (scripts/publish/package-surface.mjs), one line per finding, breaking (✖), to review by
// hand (?) or notable (•):
//   package.json  name; exports entries removed, or no longer resolving (or resolving elsewhere)
//                 under import, require, types or browser conditions; bin commands removed;
//                 engines.node narrowed; dependencies added, removed or of another major;
//                 peerDependencies; type; main/types/typesVersions
//   files         files of the last release's tarball that are not in this one
//   TypeScript    each exports entry's declarations (the TypeScript compiler API): names removed
//                 or added; for each name kept, a required parameter or option added, a parameter,
//                 property or member removed, and any other change of its declaration (? unless
//                 it is one of those); module augmentations (`declare module "fastify"`) removed
//   CLI           each bin's `--help` and every subcommand's: commands, aliases, options and their
//                 flags, arguments and choices removed (✖) or added (•), defaults changed (?)
// Exit 0: nothing breaking or to review (notable findings printed). 1: something breaking or to
// review. 2: could not run (a bad argument, an unknown ref, no node_modules, a ref whose lockfile
// this node_modules does not fit, a build or pack that fails), said in one line.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultRef } from "./publish/base-ref.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NAME = "diff:package";
const USAGE = "usage: npm run diff:package -- [git-ref] [--head git-ref]";

// ---------------------------------------------------------------------------------------------
// Clean-up: the temporary folder and the git worktrees in it, whatever ends the run.

const cleanups = [];
const children = new Set();
/**
 * Each build runs in a process group of its own (runAsync: `detached`), which is ended whole: npm
 * passed a SIGTERM on to its script's shell at most, so the build itself (tsc, a script's node) went
 * on running, in the temporary folder removed, after this script had exited.
 */
const DETACHED = process.platform !== "win32";
function cleanup() {
  for (const child of children) {
    try {
      if (DETACHED && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      else child.kill();
    } catch {
      // already gone
    }
  }
  children.clear();
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      // best effort: the next step (rm, prune) still runs
    }
  }
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    cleanup();
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  });
}

/** Exit 2 with one line (whatever git, npm or tar said, on one line). */
function fail(message) {
  cleanup();
  console.error(`${NAME}: ${String(message).replace(/\s*\n\s*/g, " ")}`);
  process.exit(2);
}

/** Runs a command; a child stopped by a signal (Ctrl-C reaches it too) ends this run the same way. */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.signal === "SIGINT" || r.signal === "SIGTERM" || r.signal === "SIGHUP") {
    cleanup();
    process.exit(128 + (os.constants.signals[r.signal] ?? 1));
  }
  return r;
}
/** `run`, without waiting: the two sides build at once (tsc is single-threaded). */
function runAsync(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], shell: process.platform === "win32" && cmd === "npm", detached: DETACHED, ...options });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) => {
      children.delete(child);
      resolve({ status: null, signal: null, error, stdout, stderr });
    });
    child.on("close", (status, signal) => {
      children.delete(child);
      if (signal === "SIGINT" || signal === "SIGTERM" || signal === "SIGHUP") {
        cleanup();
        process.exit(128 + (os.constants.signals[signal] ?? 1));
      }
      resolve({ status, signal, stdout, stderr });
    });
  });
}
const lastLine = (r) => {
  const text = `${r.stderr ?? ""}\n${r.stdout ?? ""}`.split("\n").map((l) => l.trim()).filter((l) => l && !/^npm (ERR!|error) (A complete log|Log files|code|path|command|workdir|errno)/.test(l));
  return (r.error?.message ?? text.find((l) => /error/i.test(l)) ?? text[text.length - 1] ?? "").slice(0, 300);
};
function git(...args) {
  const r = run("git", args, { cwd: root });
  if (r.status !== 0) {
    const e = new Error(lastLine(r) || `git ${args[0]} failed`);
    throw e;
  }
  return r.stdout.trim();
}

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const out = { ref: undefined, head: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--head") {
      const v = argv[++i];
      if (!v || v.startsWith("-")) fail("--head needs a git ref");
      out.head = v;
    } else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith("-")) fail(`unknown option ${JSON.stringify(a).slice(0, 200)}`);
    else if (out.ref === undefined) out.ref = a;
    else fail(`unexpected argument ${JSON.stringify(a).slice(0, 200)}`);
  }
  return out;
}

function commitOf(ref) {
  try {
    return git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    fail(`cannot find git ref ${JSON.stringify(ref).slice(0, 200)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The two packages

/**
 * Exit 2 unless this node_modules holds what `lockFile` (a ref's package-lock.json) locks for a
 * user's install (every package not marked dev) and typescript, at the same versions.
 */
function checkLockfile(lockFile, label, nodeModulesParent) {
  let lock;
  try {
    lock = JSON.parse(readFileSync(lockFile, "utf8"));
  } catch (e) {
    fail(`cannot read package-lock.json at ${label} (${e.code === "ENOENT" ? "there is none" : e.message}): cannot tell whether this node_modules fits it; compare by hand (docs/publishing.md, "Release checklist")`);
  }
  if (!lock.packages || typeof lock.packages !== "object") fail(`package-lock.json at ${label} has no "packages" (lockfileVersion ${lock.lockfileVersion}): cannot tell whether this node_modules fits it`);
  const differ = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith("node_modules/") || entry.link) continue;
    const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    if ((entry.dev || entry.devOptional) && name !== "typescript") continue;
    let installed = null;
    try {
      installed = JSON.parse(readFileSync(path.join(nodeModulesParent, key, "package.json"), "utf8")).version;
    } catch {
      if (entry.optional) continue; // another platform's package, not installed here either
    }
    if (installed !== entry.version) differ.push(`${key.replace(/^node_modules\//, "")} ${entry.version} (here ${installed ?? "not installed"})`);
  }
  if (differ.length) {
    fail(
      `this node_modules does not fit package-lock.json at ${label}: it locks ${differ.slice(0, 3).join(", ")}${differ.length > 3 ? ` and ${differ.length - 3} more` : ""}; install that ref's own node_modules in a worktree and compare by hand (docs/publishing.md, "Release checklist")`,
    );
  }
}

/** The work tree's files as `npm pack` after a build would see them (not ignored, not node_modules). */
function copyWorkTree(dest) {
  let list;
  try {
    list = git("ls-files", "-z", "--cached", "--others", "--exclude-standard");
  } catch (e) {
    fail(`cannot list the work tree's files: ${e.message}`);
  }
  for (const file of list.split("\0")) {
    if (!file || file === "node_modules" || file.startsWith("node_modules/")) continue;
    const from = path.join(root, file);
    let stat;
    try {
      stat = lstatSync(from);
    } catch {
      continue; // deleted in the work tree, not yet in the index
    }
    const to = path.join(dest, file);
    mkdirSync(path.dirname(to), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (stat.isFile()) cpSync(from, to);
  }
}

/**
 * Builds the sources in `src` (its prepack script, else its build script), packs them and extracts
 * the tarball into `dir/package`, with `dir/node_modules` a link to `nodeModules` so that the
 * package's own imports resolve. Returns { dir, pkg, files } (`dir` the extracted package).
 */
async function buildAndPack({ src, dir, label }, nodeModules) {
  let pkg;
  try {
    pkg = JSON.parse(readFileSync(path.join(src, "package.json"), "utf8"));
  } catch (e) {
    fail(`cannot read package.json of ${label}: ${e.message}`);
  }
  const script = pkg.scripts?.prepack ? "prepack" : pkg.scripts?.build ? "build" : null;
  if (script) {
    const r = await runAsync("npm", ["run", "-s", script], { cwd: src });
    if (r.status !== 0) fail(`cannot build ${label}: \`npm run ${script}\` exited ${r.status ?? r.signal}: ${lastLine(r)}`);
  }
  const packs = path.join(dir, "pack");
  mkdirSync(packs, { recursive: true });
  const r = await runAsync("npm", ["pack", "--ignore-scripts", "--offline", "--json", "--pack-destination", packs], { cwd: src });
  let packed;
  try {
    packed = JSON.parse(r.stdout)[0];
  } catch {
    // not JSON: npm said why on stderr
  }
  if (r.status !== 0 || !packed?.filename) fail(`cannot pack ${label}: \`npm pack\` exited ${r.status ?? r.signal}: ${lastLine(r)}`);
  const tar = run("tar", ["-xzf", path.join(packs, path.basename(packed.filename)), "-C", dir]);
  if (tar.status !== 0) fail(`cannot extract the package of ${label}: ${lastLine(tar)}`);
  symlinkSync(nodeModules, path.join(dir, "node_modules"), "junction");
  const extracted = path.join(dir, "package");
  return {
    dir: extracted,
    pkg: JSON.parse(readFileSync(path.join(extracted, "package.json"), "utf8")),
    files: new Set(packed.files.map((f) => f.path.replaceAll("\\", "/"))),
  };
}

/** The sources at a commit, checked out in a worktree in `tmp`, node_modules linked. */
function checkOut(tmp, side, ref, label, nodeModules) {
  const sha = commitOf(ref);
  const src = path.join(tmp, `${side}-src`);
  try {
    git("worktree", "add", "--quiet", "--detach", src, sha);
  } catch (e) {
    fail(`cannot check out ${label}: ${e.message}`);
  }
  cleanups.push(() => {
    rmSync(src, { recursive: true, force: true });
    run("git", ["worktree", "prune"], { cwd: root });
  });
  checkLockfile(path.join(src, "package-lock.json"), label, path.dirname(nodeModules));
  symlinkSync(nodeModules, path.join(src, "node_modules"), "junction");
  return { src, dir: path.join(tmp, side), label };
}

// ---------------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
const nodeModules = path.join(root, "node_modules");
if (!existsSync(nodeModules)) fail(`no node_modules in ${root}: run \`npm ci\` first`);
const nodeModulesReal = realpathSync(nodeModules);

let base;
try {
  base = args.ref ? { ref: args.ref, why: "given" } : defaultRef(root);
} catch (e) {
  fail(`cannot find the last release tag or the first commit: ${e.message}`);
}
const baseLabel = `${base.ref} (${base.why})`;
commitOf(base.ref);
if (args.head) commitOf(args.head);

const tmp = mkdtempSync(path.join(os.tmpdir(), "puffle-diff-package-"));
cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));

const { packageJson, files, typeSurface, helpTree, cliSurface } = await import("./publish/package-surface.mjs");

const baseSide = checkOut(tmp, "base", base.ref, baseLabel, nodeModulesReal);
let headSide;
if (args.head) headSide = checkOut(tmp, "head", args.head, `${args.head} (--head)`, nodeModulesReal);
else {
  headSide = { src: path.join(tmp, "head-src"), dir: path.join(tmp, "head"), label: "the work tree" };
  copyWorkTree(headSide.src);
  symlinkSync(nodeModulesReal, path.join(headSide.src, "node_modules"), "junction");
}
const headLabel = headSide.label;
console.error(`${NAME}: building and packing the base, ${baseLabel}, and the head, ${headLabel}…`);
const [basePkg, headPkg] = await Promise.all([buildAndPack(baseSide, nodeModulesReal), buildAndPack(headSide, nodeModulesReal)]);

const describe = (p) => `${p.pkg.name}@${p.pkg.version}, ${p.files.size} files`;
console.log(`${NAME}: base ${baseLabel}: ${describe(basePkg)}`);
console.log(`${NAME}: head ${headLabel}: ${describe(headPkg)}`);

const findings = [...packageJson(basePkg, headPkg), ...files(basePkg, headPkg)];
try {
  findings.push(...typeSurface(basePkg, headPkg));
} catch (e) {
  fail(`cannot read the declarations: ${e.message}`);
}
const bins = (p) => (typeof p.pkg.bin === "string" ? { [String(p.pkg.name).split("/").pop()]: p.pkg.bin } : (p.pkg.bin ?? {}));
const headBins = bins(headPkg);
let commands = 0;
for (const [name, target] of Object.entries(bins(basePkg))) {
  if (!headBins[name]) continue; // removed: said under package.json
  const b = helpTree(path.join(basePkg.dir, target), tmp);
  const h = helpTree(path.join(headPkg.dir, headBins[name]), tmp);
  commands += h.size;
  findings.push(...cliSurface(name, b, h));
}

// ✖ breaking, ? to review by hand (counted as breaking until a person says otherwise), • notable.
const marks = { breaking: "✖", review: "?", notable: "•" };
let group = null;
for (const f of findings) {
  if (f.group !== group) {
    group = f.group;
    console.log(`\n# ${group}`);
  }
  console.log(`${marks[f.severity]} [${f.rule}] ${f.where}: ${f.message}`);
}
const count = (s) => findings.filter((f) => f.severity === s).length;
const [breaking, review, notable] = [count("breaking"), count("review"), count("notable")];
console.log(`\ncompared: package.json, ${basePkg.files.size} → ${headPkg.files.size} files, the declarations of each exports entry, ${commands} command(s)' --help`);
const versions = `package.json version now ${headPkg.pkg.version}, base ${basePkg.pkg.version}`;
if (breaking) console.log(`BREAKING: ${breaking} change(s) marked ✖: code written for the base may stop compiling or running; the next release needs a new major (${versions}).`);
if (review) console.log(`REVIEW: ${review} change(s) marked ? that the checks do not classify: read each; one that breaks code written for the base needs a new major (${versions}).`);
if (breaking || review) process.exit(1);
console.log(`OK: nothing breaking in the package's surface${notable ? ` (${notable} notable)` : ""}. Behaviour is not compared (what the client, validators, server and CLI do): CHANGELOG.md, "The rule".`);
