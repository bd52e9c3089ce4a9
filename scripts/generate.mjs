#!/usr/bin/env node
// npm run generate        lint → bundle → types → validators → meta, into generated/ (atomic swap)
// npm run generate:check  the same into a temporary folder; fails, naming the files, when generated/ differs
//
// Options: --spec FILE (default openapi/openapi.yaml), --config FILE (default redocly.yaml),
//          --out DIR (default generated), --check.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { runPipeline } from "./lib/pipeline.mjs";
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
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  fail(`${err.message}\nusage: node scripts/generate.mjs [--check] [--spec FILE] [--config FILE] [--out DIR]`, 2);
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

const started = process.hrtime.bigint();
let files;
try {
  files = await runPipeline({ spec: args.spec, config: args.config, log: (line) => process.stdout.write(`${line}\n`) });
} catch (err) {
  if (err instanceof PipelineError) fail(err.format(process.cwd()));
  fail(`unexpected failure: ${err?.stack ?? err}`);
}

const out = path.resolve(args.out);
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
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`generate: wrote ${files.size} files to ${path.relative(process.cwd(), out) || out} in ${ms.toFixed(0)} ms\n`);
}
