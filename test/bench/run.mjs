#!/usr/bin/env node
// npm run bench — installs test/bench's own peers if needed (npm ci --prefix test/bench), builds
// dist/, runs each scenario in a child process of its own, one after the other, and writes
// BENCHMARKS.md (a table per scenario, goals marked met or missed). No figure here is asserted by
// npm test.
//
//   npm run bench                      every scenario
//   npm run bench -- --only validators,size   (the others keep their figures from the last run)
//   npm run bench -- --quick           fewer rounds (a smoke run; figures are noisier)
//   npm run bench -- --out FILE        the report elsewhere than BENCHMARKS.md
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { machine } from "./lib/measure.mjs";
import { writeReport } from "./lib/report.mjs";
import { notAFile, shown, writeFailure, writeTarget } from "../../scripts/publish/write-files.mjs";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(benchDir, "../..");
const SCENARIOS = ["validators", "cold-start", "size", "pipeline", "client", "e2e"];
const USAGE = `usage: npm run bench -- [--only SCENARIO[,SCENARIO…]] [--quick] [--out FILE]
  scenarios: ${SCENARIOS.join(", ")}`;

/** The options, checked before anything is installed, built or run: a bad one exits 2 with usage. */
function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { only: { type: "string" }, quick: { type: "boolean", default: false }, out: { type: "string", default: path.join(repo, "BENCHMARKS.md") }, help: { type: "boolean", short: "h", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.only !== undefined) {
    const names = values.only.split(",").map((n) => n.trim());
    const unknown = names.filter((n) => !SCENARIOS.includes(n));
    if (unknown.length) throw new Error(`--only: ${unknown.map((n) => JSON.stringify(n)).join(", ")} ${unknown.length === 1 ? "is not a scenario" : "are not scenarios"}`);
    values.only = names;
  }
  // The report is written at the end of a run of minutes: a place it cannot go is said now.
  const dir = path.dirname(path.resolve(values.out));
  let problem;
  try {
    if (!fs.statSync(dir).isDirectory()) problem = `${dir} is not a directory`;
    else {
      const out = fs.statSync(values.out, { throwIfNoEntry: false });
      if (out?.isDirectory()) problem = "it is a directory; give a file name";
      else if (out && notAFile(out)) problem = `it is ${notAFile(out)}, not a regular file; give a file name`;
      else fs.accessSync(dir, fs.constants.W_OK);
    }
  } catch (err) {
    problem = `${dir}: ${err.code ?? err.message}`;
  }
  // The run's record (test/bench/last-run.json) is written beside the report, all or none: the same
  // file for both is refused by that write, at the end; say it now, by the writer's own rule.
  if (!problem && writeTarget(values.out) === writeTarget(path.join(benchDir, "last-run.json"))) problem = "it is test/bench/last-run.json, the run's record; give another file";
  if (problem) throw new Error(`--out: cannot write ${values.out} (${problem})`);
  return values;
}
let args;
try {
  args = options(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`bench: ${err.message}\n${USAGE}\n`);
  process.exit(2);
}
const only = args.only ?? SCENARIOS;
const started = Date.now();
const log = (line) => process.stderr.write(`bench: ${line}\n`);

function installed() {
  const marker = path.join(benchDir, "node_modules/.package-lock.json");
  if (!fs.existsSync(marker)) return false;
  const want = JSON.parse(fs.readFileSync(path.join(benchDir, "package-lock.json"), "utf8")).packages;
  const have = JSON.parse(fs.readFileSync(marker, "utf8")).packages;
  return Object.entries(want).every(([p, v]) => p === "" || v.optional || have[p]?.version === v.version);
}
if (!installed()) {
  log("installing test/bench (npm ci --prefix test/bench)");
  execFileSync("npm", ["ci", "--prefix", benchDir, "--no-audit", "--no-fund"], { stdio: ["ignore", "inherit", "inherit"], cwd: repo });
}
log("building dist/ (npm run build)");
execFileSync("npm", ["run", "-s", "build"], { stdio: ["ignore", "inherit", "inherit"], cwd: repo });

// With --only, the other scenarios keep their figures from the last full run (test/bench/last-run.json).
const lastRun = path.join(benchDir, "last-run.json");
const previous = args.only && fs.existsSync(lastRun) ? JSON.parse(fs.readFileSync(lastRun, "utf8")) : null;
// Each carried-over scenario keeps the date and commit of the run that measured it (not of the last run,
// which may itself have been an --only run of other scenarios).
const results = previous
  ? Object.fromEntries(Object.entries(previous.results).map(([k, v]) => [k, { ...v, earlierRun: v.date ?? v.earlierRun ?? previous.env.date, earlierCommit: v.commit ?? v.earlierCommit }]))
  : {};
const commit = (() => { try { return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repo, encoding: "utf8" }).trim(); } catch { return "?"; } })();
for (const name of SCENARIOS.filter((s) => only.includes(s))) {
  const file = path.join(benchDir, "scenarios", `${name}.mjs`);
  if (!fs.existsSync(file)) {
    results[name] = { skipped: "not written yet" };
    continue;
  }
  const t0 = Date.now();
  log(`scenario ${name}…`);
  const r = spawnSync(process.execPath, ["--no-warnings", file], {
    cwd: benchDir, encoding: "utf8", maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, BENCH_QUICK: args.quick ? "1" : "0" }, stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) {
    results[name] = { failed: `exit ${r.status}${r.signal ? ` (${r.signal})` : ""}` };
    log(`scenario ${name} failed`);
    continue;
  }
  results[name] = { ...JSON.parse(r.stdout), seconds: (Date.now() - t0) / 1000, date: new Date().toISOString(), commit };
  log(`scenario ${name} done in ${results[name].seconds.toFixed(0)} s`);
}

const pkg = (p) => JSON.parse(fs.readFileSync(path.join(p, "package.json"), "utf8")).version;
const env = {
  date: new Date().toISOString(),
  machine: machine(),
  quick: args.quick,
  puffle: pkg(repo),
  commit,
  totalSeconds: (Date.now() - started) / 1000,
};
try {
  writeReport(args.out, lastRun, env, results);
} catch (err) {
  log(writeFailure(err, undefined, `${shown(args.out)} and ${shown(lastRun)} left as they were`));
  process.exit(1);
}
log(`wrote ${path.relative(process.cwd(), args.out)} in ${env.totalSeconds.toFixed(0)} s`);
