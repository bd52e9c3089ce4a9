#!/usr/bin/env node
// npm run generate        lint → bundle → types → yaml → validators → meta, into generated/ (atomic swap)
// npm run generate:check  the same into a temporary folder; fails, naming the files, when generated/ differs
//
// Options: --spec FILE (default openapi/openapi.yaml), --config FILE (default redocly.yaml),
//          --out DIR (default generated), --check, --force (also npm's: `npm run generate --force`).
//
// Content-hash skip: `generate` (not --check) first hashes its inputs — every file of the spec's
// folder (a symlink by the name it points to and what it holds), the Redocly config, the pipeline's own code (scripts/generate.mjs, scripts/lib,
// scripts/runtime), the versions of the packages it runs and npm's record of every installed
// package (node_modules/.package-lock.json: an update of a package they load, such as change-case,
// which names schema.d.ts's root types, or a nested copy of one) — and when they hash as they did at
// the last run into the same --out, and every file there is still byte for byte what that run
// wrote, it stops there without loading the pipeline. The record lives outside the output, in
// node_modules/.cache/puffle-generate/state.json (JSON keyed by the output folder's absolute path,
// the last 16 of them; the inputs' hash and each written file's sha256 by name; no time), so
// generated/ stays exactly what the pipeline writes. Before hashing, a quick check compares the
// stat (inode, size, mtime, ctime in ns) of every input, package.json and output file, and the
// list of them, with stat.json, recorded after the last run or content-hash check; only when every
// one matches, and none was changed within 2 s of being recorded (file times are coarse) nor,
// for an input, between the hash and the record (stats are recorded only as they were when hashed),
// does it skip without reading a byte; anything else falls back to the content hash. --check never skips:
// it always runs the pipeline and compares. --force runs the pipeline even when nothing changed.
// Only what the skip path needs is imported up front: node:crypto, the pipeline and its packages
// are loaded when they are needed (see "content-hash skip" below).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { leftoversOfDeadProcesses } from "./lib/process-runs.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message, code = 1) {
  process.stderr.write(`generate: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      spec: { type: "string", default: path.join(repo, "openapi/openapi.yaml") },
      config: { type: "string", default: path.join(repo, "redocly.yaml") },
      out: { type: "string", default: path.join(repo, "generated") },
      check: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  fail(`${err.message}\nusage: node scripts/generate.mjs [--check] [--force] [--spec FILE] [--config FILE] [--out DIR]`, 2);
}

// A signal (Ctrl-C, a CI job's timeout) ends the run between two steps of JavaScript, never inside
// swapInto, which is synchronous: by the default action it could end the process between its two
// renames, leaving no output folder and both temporary folders behind. Caught during the pipeline,
// it exits with a shell's code for it (130 for SIGINT, 143 for SIGTERM); one that comes during the
// write ends the run so once the new output is in place (see swapInto).
for (const [signal, code] of [["SIGHUP", 129], ["SIGINT", 130], ["SIGTERM", 143]]) process.on(signal, () => process.exit(code));

function writeTree(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) {
    fs.writeFileSync(path.join(dir, name), content);
    // For the tests: a signal while the new output is written, one file of it there.
    const inWrite = process.env.PUFFLE_GENERATE_IN_WRITE;
    if (inWrite?.startsWith("SIG")) process.kill(process.pid, inWrite);
  }
}

/** Each entry of `dir` → its text, or null for what is not a file (a folder: generate would remove it). */
function readTree(dir) {
  const out = new Map();
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    out.set(name, fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : null);
  }
  return out;
}

/**
 * A new folder `prefix` + six random characters in `parent`, with the mode a plain mkdir gives (the
 * umask's): mkdtemp's is 0700, which generate made 0755 whatever the umask (077: the folder
 * readable by all, its files by their owner only).
 */
function makeFolder(parent, prefix) {
  for (;;) {
    const dir = path.join(parent, `${prefix}${Math.random().toString(36).slice(2, 8).padEnd(6, "0")}`);
    try {
      fs.mkdirSync(dir);
      return dir;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
  }
}

/**
 * Writes the files next to `out`, then swaps the folders, so `out` is never half-written. Returns
 * a warning when the swap was made but the previous copy could not be removed.
 */
function swapInto(out, files) {
  // Replacing `out` deletes what it holds, which takes write access to it: a read-only `out`
  // (chmod a-w generated) was swapped out, could not be emptied, and was left beside the new one
  // as .generated.old-*, while the message said it was left as it was. (Root may write anyway.)
  if (fs.existsSync(out)) fs.accessSync(out, fs.constants.W_OK | fs.constants.X_OK);
  const parent = path.dirname(out);
  // The process id in the name: a run killed outright (SIGKILL) leaves these folders, which a later
  // run removes when that process no longer runs (removeLeftovers).
  const tmp = makeFolder(parent, `.${path.basename(out)}.new-${process.pid}-`);
  // From the name alone: the first ".new-" of the whole path may be in a parent folder's name
  // (a clone in ~/src/api.new-layout), which sent the old output to a folder that is not there.
  const old = path.join(parent, path.basename(tmp).replace(".new-", ".old-"));
  /** What this run set aside: the previous output, and any another run swapped in meanwhile. */
  const aside = [];
  try {
    writeTree(tmp, files);
    if (process.env.PUFFLE_GENERATE_FAIL_AFTER_WRITE === "1") throw new Error("simulated write failure (PUFFLE_GENERATE_FAIL_AFTER_WRITE)");
    // Two generate runs in one folder at once (two terminals, an editor's task beside a watcher)
    // can swap at the same moment: the other's output may come into place between this run's two
    // renames (the second then failed, ENOTEMPTY, its restore too, leaving .generated.old-* behind),
    // or go out of it (the first failed, ENOENT). Each run sets aside what is there and tries again.
    for (let attempt = 0; ; attempt++) {
      const to = attempt === 0 ? old : `${old}-${attempt}`;
      try {
        fs.renameSync(out, to);
        aside.push(to);
      } catch (err) {
        if (err.code !== "ENOENT") throw err; // none yet, or another run has it aside for a moment
      }
      // For the tests: between the two renames, the moment out is not there, a signal, or another
      // run's output coming into place.
      const inSwap = process.env.PUFFLE_GENERATE_IN_SWAP;
      if (inSwap === "race" && attempt === 0) fs.cpSync(tmp, out, { recursive: true });
      else if (inSwap?.startsWith("SIG")) process.kill(process.pid, inSwap);
      try {
        fs.renameSync(tmp, out);
        break;
      } catch (err) {
        if ((err.code === "ENOTEMPTY" || err.code === "EEXIST") && attempt < 8) continue;
        if (aside.length > 0 && !fs.existsSync(out)) fs.renameSync(aside.pop(), out);
        throw err;
      }
    }
  } finally {
    // A signal that came during the write is pending in the event loop, which reads it only when it
    // polls for I/O: the run ended with 0 once its last line was out, the signal never seen. A file
    // system call's completion makes it poll (as in scripts/publish/write-files.mjs), so it ends
    // with the signal's code (130, 143) once the output is in place.
    fs.stat(process.execPath, () => {});
    fs.rmSync(tmp, { recursive: true, force: true });
    for (const dir of aside.splice(0)) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch (err) {
        // The output is in place: say what is left over, not that nothing was written.
        aside.push(`${dir} (${err.message})`);
      }
    }
  }
  removeLeftovers(out);
  if (aside.length > 0) return `wrote ${out}, but could not remove its previous copy ${aside.join(", ")}: delete it by hand`;
  return undefined;
}

/**
 * Removes, once the new output is in place, the `.NAME.new-PID-*` and `.NAME.old-PID-*` folders
 * beside `out` of runs killed outright (SIGKILL, a power cut) while they wrote: those of a process
 * that no longer runs (another run's, live, are its own). They were left for good, an old copy of
 * the output among them (a run killed between its renames).
 */
function removeLeftovers(out) {
  const parent = path.dirname(out);
  const prefixes = [".new-", ".old-"].map((kind) => [`.${path.basename(out)}${kind}`, /^(\d+)-/]);
  let folders;
  try {
    folders = fs.readdirSync(parent, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return;
  }
  for (const name of leftoversOfDeadProcesses(folders, prefixes)) {
    try {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    } catch {
      // left for a later run
    }
  }
}

// ---------------------------------------------------------------- content-hash skip
/** Packages whose version can change what the pipeline writes. */
const GENERATOR_PACKAGES = ["@redocly/openapi-core", "openapi-typescript", "typescript", "ajv", "ajv-formats", "yaml"];
const CACHE_DIR = path.join(repo, "node_modules/.cache/puffle-generate");
const CACHE_FILE = path.join(CACHE_DIR, "state.json");
/** Per output folder: the inputs' hash and every input's and output's stat when they last hashed so. */
const STAT_FILE = path.join(CACHE_DIR, "stat.json");
/**
 * A file whose ctime is this close to (or after) the moment its stat was recorded is not trusted:
 * file times come from a coarse clock, so a write in the same tick as the record could leave the
 * same size and times behind. Such files are content-hashed, and recorded again once older.
 */
const STAT_MARGIN_NS = BigInt(Math.round(Number(process.env.PUFFLE_GENERATE_STAT_MARGIN_MS ?? 2000) * 1e6));
let crypto;
const sha256 = (data) => crypto.createHash("sha256").update(data).digest("hex");

function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      // A symlink is an input too: re-pointed, or its target edited, it changes the spec (inputBytes).
      else if (entry.isFile() || entry.isSymbolicLink()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every input as [label, file]: labels are relative, so any clone hashes alike. */
function inputFiles() {
  const specDir = path.dirname(path.resolve(args.spec));
  const files = filesUnder(specDir).map((file) => [`spec/${path.relative(specDir, file)}`, file]);
  files.push(["config", path.resolve(args.config)], ["scripts/generate.mjs", fileURLToPath(import.meta.url)]);
  for (const dir of ["scripts/lib", "scripts/runtime"]) for (const file of filesUnder(path.join(repo, dir))) files.push([path.relative(repo, file), file]);
  // The six packages' versions alone missed what they load: `npm update` of a dependency of theirs
  // could change the output while generate said "up to date" (and generate:check then failed).
  // npm rewrites this file on every install, so any change to node_modules runs the pipeline once.
  if (fs.existsSync(INSTALLED_FILE)) files.push(["node_modules/.package-lock.json", INSTALLED_FILE]);
  return files;
}
const packageFile = (name) => path.join(repo, "node_modules", name, "package.json");
/** npm's record of what is installed (its "hidden lockfile"); the tests point it at a copy. */
const INSTALLED_FILE = process.env.PUFFLE_GENERATE_INSTALLED ?? path.join(repo, "node_modules/.package-lock.json");

/**
 * What an input holds: its bytes; a symlink's, the name it points to and the bytes read through it
 * (the root file, the config or npm's record may be a link to a file elsewhere: an edit there is an
 * edit of the input). A link to no file (dangling, or to a folder) is its name alone.
 */
function inputBytes(file) {
  if (!fs.lstatSync(file).isSymbolicLink()) return fs.readFileSync(file);
  const link = Buffer.from(`symlink to ${fs.readlinkSync(file)}\0`);
  try {
    return Buffer.concat([link, fs.readFileSync(file)]);
  } catch {
    return link;
  }
}

/** One hash of everything the output depends on. */
function inputsHash(files) {
  const hash = crypto.createHash("sha256");
  const specDir = path.dirname(path.resolve(args.spec));
  hash.update(`spec ${path.relative(specDir, path.resolve(args.spec))}\0`);
  for (const [label, file] of files) {
    const data = inputBytes(file);
    hash.update(`${label}\0${data.length}\0`).update(data).update("\0");
  }
  for (const name of GENERATOR_PACKAGES) {
    let version = "absent";
    try {
      version = JSON.parse(fs.readFileSync(packageFile(name), "utf8")).version;
    } catch {
      // not installed: the pipeline will say so
    }
    hash.update(`package ${name}@${version}\0`);
  }
  return hash.digest("hex");
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 1)}\n`);
  fs.renameSync(tmp, file);
}

/** Keeps the most recent 16 output folders of a cache file (tests use temporary folders). */
function remember(file, out, record) {
  try {
    const state = readJson(file);
    delete state[out];
    state[out] = record;
    const keys = Object.keys(state).slice(-16);
    writeJson(file, Object.fromEntries(keys.map((k) => [k, state[k]])));
  } catch {
    // a cache that cannot be written only costs the next run its skip
  }
}

/** The record of the last run into `out`: the inputs' hash and each written file's hash. */
function recordRun(out, inputs, files) {
  remember(CACHE_FILE, out, { inputs, files: Object.fromEntries([...files].map(([name, content]) => [name, sha256(content)])) });
}

/**
 * Identity of a file's bytes as far as stat can tell: inode, size, mtime and ctime in ns. A symlink's:
 * its own (where it points) and the file's it points to (what it holds; "-" for none).
 */
function statOf(file) {
  try {
    const st = fs.lstatSync(file, { bigint: true });
    const key = (s) => `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    if (st.isFile()) return { key: key(st), ctimeNs: st.ctimeNs };
    if (!st.isSymbolicLink()) return null;
    let target;
    try {
      target = fs.statSync(file, { bigint: true });
    } catch {
      target = undefined;
    }
    if (!target?.isFile()) return { key: `${key(st)}>-`, ctimeNs: st.ctimeNs };
    return { key: `${key(st)}>${key(target)}`, ctimeNs: target.ctimeNs > st.ctimeNs ? target.ctimeNs : st.ctimeNs };
  } catch {
    return null;
  }
}

/** Every file whose stat the quick check compares: the inputs, the generator packages, the outputs. */
function statFiles(out, inputs) {
  const outputs = fs.existsSync(out) ? fs.readdirSync(out).sort().map((name) => path.join(out, name)) : [];
  return [...inputs.map(([, file]) => file), ...GENERATOR_PACKAGES.map(packageFile), ...outputs];
}

/** What else the content hash covers: which file of the spec's folder is the root, which config. */
const runKey = () => JSON.stringify([path.resolve(args.spec), path.resolve(args.config)]);

/**
 * The stat of every input and generator package's package.json, taken before their bytes are
 * hashed: recordStats compares them with the stats after the run.
 */
function inputStats(files) {
  return new Map([...files.map(([, file]) => file), ...GENERATOR_PACKAGES.map(packageFile)].map((file) => [file, statOf(file)?.key ?? "absent"]));
}

/**
 * Records the stat of every file, for the next run's quick check (only files old enough to trust,
 * and only when no input changed since `before`, its stats taken before it was hashed: one changed
 * during the run, by `git checkout` or an editor, was recorded with the hash of what it held before,
 * and the quick check then skipped every later run over the old spec's output).
 */
function recordStats(out, inputs, files, before) {
  const at = BigInt(Date.now()) * 1_000_000n;
  const stats = {};
  let trusted = true;
  for (const file of statFiles(out, files)) {
    const st = statOf(file);
    stats[file] = st ? st.key : "absent";
    if (st && st.ctimeNs > at - STAT_MARGIN_NS) trusted = false;
    if (before.has(file) && before.get(file) !== stats[file]) trusted = false;
  }
  remember(STAT_FILE, out, trusted ? { inputs, run: runKey(), stats } : { inputs, stats: null });
}

/**
 * The quick check: the inputs' hash of the last run, when every input and output file (and the
 * list of them) stats exactly as recorded after a run or a content-hash check; otherwise null, and
 * the content hash decides.
 */
function statClean(out, files) {
  const record = readJson(STAT_FILE)[out];
  const last = readJson(CACHE_FILE)[out];
  if (!record?.stats || !last || record.inputs !== last.inputs || record.run !== runKey()) return null;
  const list = statFiles(out, files);
  if (list.length !== Object.keys(record.stats).length) return null;
  for (const file of list) {
    const st = statOf(file);
    if ((st ? st.key : "absent") !== record.stats[file]) return null;
  }
  return last.inputs;
}

/** True when `out` holds exactly the files the last run wrote there, from inputs hashing to `inputs`. */
function upToDate(out, inputs) {
  const record = readJson(CACHE_FILE)[out];
  if (!record || record.inputs !== inputs || !fs.existsSync(out)) return false;
  const names = fs.readdirSync(out).sort();
  if (names.join("\0") !== Object.keys(record.files).sort().join("\0")) return false;
  return names.every((name) => {
    const file = path.join(out, name);
    return fs.statSync(file).isFile() && sha256(fs.readFileSync(file)) === record.files[name];
  });
}

const started = process.hrtime.bigint();
const out = path.resolve(args.out);

/**
 * Whether `dir` may be replaced by the output: it does not exist, is an empty folder, or is a folder
 * that holds a file this script wrote (its first 512 bytes carry the do-not-edit notice). Anything
 * else (`--out .`, `--out ~`, `--out openapi`, a file) would be swapped out and deleted whole.
 */
function replaceable(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    return err.code === "ENOENT";
  }
  if (entries.length === 0) return true;
  const buffer = Buffer.alloc(512);
  return entries.some((entry) => {
    if (!entry.isFile()) return false;
    let fd;
    try {
      fd = fs.openSync(path.join(dir, entry.name), "r");
      const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, n).toString("utf8").includes("generated from openapi/ by scripts/generate.mjs");
    } catch {
      return false;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  });
}
// The output is made beside --out, in its parent folder: one that is missing (or a file) failed only
// after the whole pipeline had run, with mkdir's ENOENT, or was called "not a folder generate wrote".
if (!args.check) {
  const parent = path.dirname(out);
  const st = fs.statSync(parent, { throwIfNoEntry: false });
  if (!st?.isDirectory()) fail(`--out ${args.out}: its parent ${parent} ${st ? "is not a folder" : "does not exist"}; generate makes --out, not the folders above it`, 2);
}
if (!args.check && !replaceable(out)) {
  fail(`--out ${args.out} is not a folder generate wrote (nor empty, nor new): generate replaces its --out whole, which would delete what is there; give a new or empty folder`, 2);
}
const skipped = (inputs, how) => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`generate: ${path.relative(process.cwd(), out) || out} is up to date (inputs unchanged, sha256 ${inputs.slice(0, 12)}); nothing to do in ${ms.toFixed(0)} ms (--force to run anyway; ${how})\n`);
  process.exit(0);
};
let inputs = null;
let inputList = null;
let inputsBefore = null;
if (!args.check) {
  // `npm run generate --force` (no `--`) gives --force to npm, not to this script: npm says "using
  // --force" and sets npm_config_force, and the run skipped all the same.
  const force = args.force || process.env.npm_config_force === "true";
  const mayskip = !force && process.env.PUFFLE_GENERATE_FAIL_AFTER_WRITE !== "1";
  try {
    inputList = inputFiles();
    inputsBefore = inputStats(inputList);
    if (mayskip) {
      const quick = statClean(out, inputList);
      if (quick) skipped(quick, "checked by file stats");
    }
    crypto = await import("node:crypto");
    inputs = inputsHash(inputList);
  } catch {
    inputs = null; // an unreadable input: let the pipeline report it
  }
  if (inputs && mayskip && upToDate(out, inputs)) {
    recordStats(out, inputs, inputList, inputsBefore);
    skipped(inputs, "checked by content hash");
  }
}

const [{ runPipeline }, { PipelineError }] = await Promise.all([import("./lib/pipeline.mjs"), import("./lib/errors.mjs")]);
let files;
try {
  files = await runPipeline({ spec: args.spec, config: args.config, log: (line) => process.stdout.write(`${line}\n`) });
} catch (err) {
  if (err instanceof PipelineError) fail(err.format(process.cwd()));
  fail(`unexpected failure: ${err?.stack ?? err}`);
}

if (args.check) {
  const os = await import("node:os");
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-generate-check-"));
  writeTree(fresh, files);
  const current = readTree(out);
  const problems = [];
  let crlfOnly = 0;
  for (const [name, content] of files) {
    if (!current.has(name)) problems.push(`missing: ${path.join(args.out, name)}`);
    else if (current.get(name) !== content) {
      // A checkout that turned LF into CRLF (core.autocrlf=true before .gitattributes said eol=lf).
      // Git leaves a file it checked out then as it is (its index entry is clean, so `git checkout
      // -- FILE` does nothing), and there is nothing to commit: generate writes LF, git's own bytes
      // (git status may list the file, its index entry holding the CRLF size, until `git add`).
      const crlf = current.get(name)?.replaceAll("\r\n", "\n") === content;
      if (crlf) crlfOnly++;
      problems.push(`stale:   ${path.join(args.out, name)}${crlf ? " (CRLF line endings only: a checkout made with core.autocrlf=true? .gitattributes asks for LF, but git leaves files it checked out before as they are)" : ""}`);
    }
  }
  for (const [name, content] of current) if (!files.has(name)) problems.push(`extra:   ${path.join(args.out, name)}${content === null ? "/" : ""}`);
  if (problems.length) {
    const todo =
      crlfOnly === problems.length
        ? "run `npm run generate`: it writes LF, the bytes git has (nothing to commit; should `git status` still list a file, with no diff, `git add` it)."
        : "run `npm run generate` and commit the result.";
    fail(`generated/ is not what openapi/ generates (fresh output in ${fresh}):\n  ${problems.join("\n  ")}\n${todo}`);
  }
  fs.rmSync(fresh, { recursive: true, force: true });
  process.stdout.write(`generate:check: ${files.size} files in ${path.relative(process.cwd(), out) || out} are up to date\n`);
} else {
  let warning;
  try {
    warning = swapInto(out, files);
  } catch (err) {
    fail(`could not write ${out}: ${err.message}; it was left as it was`);
  }
  if (warning) process.stderr.write(`generate: ${warning}\n`);
  if (inputs) {
    recordRun(out, inputs, files);
    recordStats(out, inputs, inputList, inputsBefore);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`generate: wrote ${files.size} files to ${path.relative(process.cwd(), out) || out} in ${ms.toFixed(0)} ms\n`);
}
