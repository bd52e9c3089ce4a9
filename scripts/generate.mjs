#!/usr/bin/env node
// npm run generate        lint → bundle → types → validators → meta, into generated/ (atomic swap)
// npm run generate:check  the same into a temporary folder; fails, naming the files, when generated/ differs
//
// Options: --spec FILE (default openapi/openapi.yaml), --config FILE (default redocly.yaml),
//          --out DIR (default generated), --check, --force.
//
// Content-hash skip: `generate` (not --check) first hashes its inputs — every file of the spec's
// folder, the Redocly config, the pipeline's own code (scripts/generate.mjs, scripts/lib,
// scripts/runtime) and the versions of the packages it runs — and when they hash as they did at
// the last run into the same --out, and every file there is still byte for byte what that run
// wrote, it stops there without loading the pipeline. The record lives outside the output, in
// node_modules/.cache/puffle-generate/state.json (sorted JSON, repo-relative names, no time), so
// generated/ stays exactly what the pipeline writes. --check never skips: it always runs the
// pipeline and compares. --force runs the pipeline even when nothing changed.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { PipelineError } from "./lib/errors.mjs";

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

function writeTree(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of files) fs.writeFileSync(path.join(dir, name), content);
}

function readTree(dir) {
  const out = new Map();
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) out.set(name, fs.readFileSync(file, "utf8"));
  }
  return out;
}

/** Writes the files next to `out`, then swaps the folders, so `out` is never half-written. */
function swapInto(out, files) {
  const parent = path.dirname(out);
  const tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(out)}.new-`));
  const old = `${tmp.replace(".new-", ".old-")}`;
  try {
    fs.chmodSync(tmp, 0o755);
    writeTree(tmp, files);
    if (process.env.PUFFLE_GENERATE_FAIL_AFTER_WRITE === "1") throw new Error("simulated write failure (PUFFLE_GENERATE_FAIL_AFTER_WRITE)");
    if (fs.existsSync(out)) fs.renameSync(out, old);
    try {
      fs.renameSync(tmp, out);
    } catch (err) {
      if (fs.existsSync(old)) fs.renameSync(old, out);
      throw err;
    }
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- content-hash skip
/** Packages whose version can change what the pipeline writes. */
const GENERATOR_PACKAGES = ["@redocly/openapi-core", "openapi-typescript", "typescript", "ajv", "ajv-formats", "yaml"];
const CACHE_FILE = path.join(repo, "node_modules/.cache/puffle-generate/state.json");
const sha256 = (data) => crypto.createHash("sha256").update(data).digest("hex");

function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** One hash of everything the output depends on; names are relative, so any clone hashes alike. */
function inputsHash() {
  const hash = crypto.createHash("sha256");
  const add = (label, file) => hash.update(`${label}\0${fs.readFileSync(file).length}\0`).update(fs.readFileSync(file)).update("\0");
  const specDir = path.dirname(path.resolve(args.spec));
  hash.update(`spec ${path.relative(specDir, path.resolve(args.spec))}\0`);
  for (const file of filesUnder(specDir)) add(`spec/${path.relative(specDir, file)}`, file);
  add("config", path.resolve(args.config));
  add("scripts/generate.mjs", fileURLToPath(import.meta.url));
  for (const dir of ["scripts/lib", "scripts/runtime"]) for (const file of filesUnder(path.join(repo, dir))) add(path.relative(repo, file), file);
  for (const name of GENERATOR_PACKAGES) {
    let version = "absent";
    try {
      version = JSON.parse(fs.readFileSync(path.join(repo, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      // not installed: the pipeline will say so
    }
    hash.update(`package ${name}@${version}\0`);
  }
  return hash.digest("hex");
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(CACHE_FILE, "utf8"));
  } catch {
    return {};
  }
}

/** The record of the last run into `out`: the inputs' hash and each written file's hash. */
function recordRun(out, inputs, files) {
  try {
    const state = readState();
    delete state[out];
    state[out] = { inputs, files: Object.fromEntries([...files].map(([name, content]) => [name, sha256(content)])) };
    const keys = Object.keys(state).slice(-16); // the most recent outputs only (tests use temporary folders)
    const sorted = Object.fromEntries(keys.map((k) => [k, state[k]]));
    fs.mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    const tmp = `${CACHE_FILE}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(sorted, null, 1)}\n`);
    fs.renameSync(tmp, CACHE_FILE);
  } catch {
    // a cache that cannot be written only costs the next run its skip
  }
}

/** True when `out` holds exactly the files the last run wrote there, from inputs hashing to `inputs`. */
function upToDate(out, inputs) {
  const record = readState()[out];
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
let inputs = null;
if (!args.check) {
  try {
    inputs = inputsHash();
  } catch {
    inputs = null; // an unreadable input: let the pipeline report it
  }
  if (inputs && !args.force && process.env.PUFFLE_GENERATE_FAIL_AFTER_WRITE !== "1" && upToDate(out, inputs)) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(`generate: ${path.relative(process.cwd(), out) || out} is up to date (inputs unchanged, sha256 ${inputs.slice(0, 12)}); nothing to do in ${ms.toFixed(0)} ms (--force to run anyway)\n`);
    process.exit(0);
  }
}

const { runPipeline } = await import("./lib/pipeline.mjs");
let files;
try {
  files = await runPipeline({ spec: args.spec, config: args.config, log: (line) => process.stdout.write(`${line}\n`) });
} catch (err) {
  if (err instanceof PipelineError) fail(err.format(process.cwd()));
  fail(`unexpected failure: ${err?.stack ?? err}`);
}

if (args.check) {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-generate-check-"));
  writeTree(fresh, files);
  const current = readTree(out);
  const problems = [];
  for (const [name, content] of files) {
    if (!current.has(name)) problems.push(`missing: ${path.join(args.out, name)}`);
    else if (current.get(name) !== content) problems.push(`stale:   ${path.join(args.out, name)}`);
  }
  for (const name of current.keys()) if (!files.has(name)) problems.push(`extra:   ${path.join(args.out, name)}`);
  if (problems.length) {
    fail(`generated/ is not what openapi/ generates (fresh output in ${fresh}):\n  ${problems.join("\n  ")}\nrun \`npm run generate\` and commit the result.`);
  }
  fs.rmSync(fresh, { recursive: true, force: true });
  process.stdout.write(`generate:check: ${files.size} files in ${path.relative(process.cwd(), out) || out} are up to date\n`);
} else {
  try {
    swapInto(out, files);
  } catch (err) {
    fail(`could not write ${out}: ${err.message}; it was left as it was`);
  }
  if (inputs) recordRun(out, inputs, files);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`generate: wrote ${files.size} files to ${path.relative(process.cwd(), out) || out} in ${ms.toFixed(0)} ms\n`);
}
