// Scenario 4 — pipeline time and how it grows.
//
// Our spec, rounds interleaved, wall time of a whole process each: `node scripts/generate.mjs`
// (with the Node flags package.json's generate script gives it: GENERATE_FLAGS) cold (--force, into
// a temporary folder; with the types step on its worker thread, and in process for comparison), and
// with nothing changed — right after a write (the content hash decides) and later (the file-stat
// check decides) — each both as `node scripts/generate.mjs` and as `npm run generate`, with Node's
// own start-up and `npm run` of a script that only starts Node as reference rows; and the CLIs of
// openapi-typescript, @hey-api/openapi-ts and orval (fetch client) on the bundled spec. Then, in
// fresh processes (pipeline-steps.mjs, ours with GENERATE_FLAGS): our types + validators steps as
// the pipeline runs them against openapi-typescript alone, cold, on our spec and on GitHub's REST
// description; the same warm in one process on our spec; and on GitHub's spec our whole pipeline
// (runPipeline, lint with Redocly's minimal rules to meta, all but writing the files) against the
// CLIs — hey-api and orval also with NODE_OPTIONS set to GENERATE_FLAGS, as reference rows — in rounds
// (lib/large-rounds.mjs: each tool's median run, the ratios per round), each run bounded by a
// timeout; the same once each on slices of GitHub's spec (every 8th, 4th and 2nd path and webhook
// with the components they reach: github-spec.mjs sliceSpec), for time against spec size.
//
// GitHub's description (@octokit/openapi, api.github.com.json) is OpenAPI 3.0; our pipeline takes
// 3.1 (JSON Schema 2020-12, AJV strict). Every tool runs on a 3.1 rendering of it (github-spec.mjs
// says what changes, and counts it), the same file for all; openapi-typescript also on the original.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { stats } from "../lib/measure.mjs";
import { versionOf } from "../lib/peers.mjs";
import { githubAs31, sliceSpec } from "./github-spec.mjs";
import { GOAL_PEERS, largeRatios, medianRun, OT_STEP, OURS_LARGE, OURS_STEP, withOurFlags } from "../lib/large-rounds.mjs";

const quick = process.env.BENCH_QUICK === "1";
const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repo = path.resolve(benchDir, "../..");
const bin = (name) => path.join(repo, "node_modules/.bin", name);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-bench-pipeline-"));
const small = path.join(repo, "generated/openapi.json");
const large = path.join(benchDir, "node_modules/@octokit/openapi/generated/api.github.com.json");
const LARGE_TIMEOUT_S = quick ? 90 : 300;
// The Node flags package.json's `generate` script starts scripts/generate.mjs with (a larger young
// generation): our rows run with them, as `npm run generate` runs the pipeline.
const GENERATE_FLAGS = (() => {
  const command = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).scripts.generate;
  const m = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+scripts\/generate\.mjs$/.exec(command);
  if (!m) throw new Error(`package.json's generate script is not \`node [--flags] scripts/generate.mjs\`: ${command}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
})();
const sleep = (s) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, s * 1000);

function timed(cmd, args, { timeoutS = 120, cwd = work, env } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: timeoutS * 1000, maxBuffer: 64 * 2 ** 20, env: env ? { ...process.env, ...env } : process.env });
  const ms = performance.now() - t0;
  if (r.error?.code === "ETIMEDOUT" || r.signal === "SIGTERM") return { ms, timedOut: true };
  if (r.status !== 0) return { ms, failed: `${(r.stderr || r.stdout).trim().split("\n").slice(-1)[0]?.slice(0, 200)}` };
  return { ms, stdout: r.stdout };
}

const cli = (spec, tag, env) => ({
  "openapi-typescript CLI": () => timed(bin("openapi-typescript"), [spec, "-o", path.join(work, `${tag}-ot.d.ts`)], { timeoutS: LARGE_TIMEOUT_S, env }),
  "@hey-api/openapi-ts CLI": () => timed(bin("openapi-ts"), ["-i", spec, "-o", path.join(work, `${tag}-hey`)], { timeoutS: LARGE_TIMEOUT_S, env }),
  "orval CLI (fetch client)": () => timed(bin("orval"), ["--input", spec, "--output", path.join(work, `${tag}-orval/client.ts`), "--client", "fetch"], { timeoutS: LARGE_TIMEOUT_S, env }),
});

// ---- our spec, interleaved rounds
const out = path.join(work, "generated"); // written by every cold run: "just written"
const settled = path.join(work, "settled"); // written once, long ago: "file stats"
const script = path.join(repo, "scripts/generate.mjs");
const node = (...extra) => timed(process.execPath, [...GENERATE_FLAGS, script, ...extra], { cwd: repo });
const npm = (...extra) => timed("npm", ["run", "-s", "generate", "--", ...extra], { cwd: repo });
// A package whose one script only starts Node: what `npm run` itself costs.
fs.writeFileSync(path.join(work, "package.json"), JSON.stringify({ name: "noop", private: true, scripts: { noop: "node -e ''" } }));
node("--out", settled, "--force");
sleep(2.2); // older than the stat check's 2 s margin
node("--out", settled); // content hash, then the stats are recorded as trusted

const JUST_WRITTEN = "(nothing changed, just written: content hash)";
const SETTLED = "(nothing changed: file stats)";
const contenders = {
  "node scripts/generate.mjs --force (cold)": () => node("--out", out, "--force"),
  "node scripts/generate.mjs --force (cold, types in process: PUFFLE_GENERATE_THREADS=0)": () => timed(process.execPath, [...GENERATE_FLAGS, script, "--out", out, "--force"], { cwd: repo, env: { PUFFLE_GENERATE_THREADS: "0" } }),
  [`node scripts/generate.mjs ${JUST_WRITTEN}`]: () => node("--out", out),
  [`npm run generate ${JUST_WRITTEN}`]: () => npm("--out", out),
  [`node scripts/generate.mjs ${SETTLED}`]: () => node("--out", settled),
  [`npm run generate ${SETTLED}`]: () => npm("--out", settled),
  "node -e '' (Node's own start-up, for scale)": () => timed(process.execPath, ["-e", ""]),
  "npm run noop (npm running a script that only starts Node, for scale)": () => timed("npm", ["run", "-s", "noop"]),
  ...cli(small, "small"),
};
const rounds = quick ? 2 : 5;
const smallRuns = Object.fromEntries(Object.keys(contenders).map((n) => [n, []]));
const steps = {};
const failures = {};
for (let r = 0; r < rounds + 1; r++) {
  const names = Object.keys(contenders);
  for (const name of r % 2 ? names.reverse() : names) {
    // "just written" must follow a cold run into the same folder.
    if (name.includes(JUST_WRITTEN)) node("--out", out, "--force");
    const res = contenders[name]();
    if (res.failed || res.timedOut) failures[name] = res.failed ?? "timed out";
    if (r === 0) continue; // warm-up round (disk cache, first compile)
    smallRuns[name].push(res.ms * 1e6);
    if (name === "node scripts/generate.mjs --force (cold)" && res.stdout) {
      for (const m of res.stdout.matchAll(/^✔ (\S+)\s+(\d+) ms$/gm)) (steps[m[1]] ??= []).push(Number(m[2]) * 1e6);
    }
    if (name.includes("nothing changed") && res.stdout) {
      const want = name.includes(SETTLED) ? /checked by file stats/ : /checked by content hash/;
      if (!/up to date/.test(res.stdout)) failures[name] = "did not skip";
      else if (!want.test(res.stdout)) failures[name] = `skipped, but not ${want.source}`;
    }
  }
}
process.stderr.write("  pipeline: our spec done\n");

// ---- step times: cold in fresh processes (interleaved), warm in one process
function steps1(mode, spec, timeoutS = 120, ...extra) {
  const t0 = performance.now();
  // Our modes with the generate script's flags; openapi-typescript's (cold-ot) as its CLI runs, without.
  const flags = mode === "cold-ot" ? [] : GENERATE_FLAGS;
  const r = spawnSync(process.execPath, [...flags, path.join(benchDir, "scenarios/pipeline-steps.mjs"), mode, spec, ...extra], { encoding: "utf8", maxBuffer: 64 * 2 ** 20, timeout: timeoutS * 1000 });
  const wall = performance.now() - t0;
  if (r.error?.code === "ETIMEDOUT" || r.signal === "SIGTERM") return { wall, error: `timed out after ${timeoutS} s` };
  if (r.status !== 0) return { wall, error: r.stderr.trim().split("\n").slice(-1)[0] };
  return { wall, ...JSON.parse(r.stdout) };
}
/** Stats of the finite values (a failed run has none), or null. */
const st = (xs) => {
  const v = xs.filter(Number.isFinite);
  return v.length ? stats(v) : null;
};
const coldRounds = quick ? 2 : 5;
const cold = { "openapi-typescript alone": [], ours: [] };
for (let r = 0; r < coldRounds + 1; r++) {
  const pair = [["openapi-typescript alone", "cold-ot"], ["ours", "cold-ours"]];
  for (const [name, mode] of r % 2 ? pair.reverse() : pair) {
    const res = steps1(mode, small);
    if (r > 0) cold[name].push(res);
  }
}
const warm = steps1("warm", small, 300, String(quick ? 3 : 7));
const smallCold = {
  rounds: coldRounds,
  processWall: Object.fromEntries(Object.entries(cold).map(([k, v]) => [k, st(v.map((x) => x.wall * 1e6))])),
  step: {
    "openapi-typescript alone": st(cold["openapi-typescript alone"].map((x) => x.times?.["openapi-typescript alone"] * 1e6)),
    "ours: types + validators": st(cold.ours.map((x) => x.times?.["ours: types + validators (concurrent, as the pipeline runs them)"] * 1e6)),
    "ours: validators step": st(cold.ours.map((x) => x.times?.["ours: validators step"] * 1e6)),
  },
  errors: Object.assign({}, ...[...cold.ours, ...cold["openapi-typescript alone"]].map((x) => x.errors ?? (x.error ? { process: x.error } : {}))),
};
const smallWarm = { times: Object.fromEntries(Object.entries(warm.times ?? {}).filter(([, v]) => v.length).map(([k, v]) => [k, st(v.map((x) => x * 1e6))])), errors: warm.errors ?? { process: warm.error } };
process.stderr.write("  pipeline: step times on our spec done\n");

// ---- GitHub's spec: LARGE_ROUNDS rounds, the order reversed every other round, each run bounded
// by a timeout. A single run of a 20–50 s job moves by a third with the machine's load; within a
// round the tools run back to back, so each ratio is taken per round (their time ÷ ours).
const { file: large31, changes } = githubAs31(large, work);
const LARGE_ROUNDS = quick ? 1 : 3;
const outcome = (res) => (res.timedOut ? { timedOut: LARGE_TIMEOUT_S } : res.failed ? { failed: res.failed } : { ms: res.ms });
// The goal peers once more per round with our generate script's Node flags (reference rows).
const withFlags = cli(large31, "large-flags", { NODE_OPTIONS: GENERATE_FLAGS.join(" ") });
const largeClis = {
  ...cli(large31, "large"),
  ...Object.fromEntries(GOAL_PEERS.map((peer) => [withOurFlags(peer), withFlags[peer]])),
  "openapi-typescript CLI on the original 3.0 file (for scale)": cli(large, "large-original")["openapi-typescript CLI"],
};
const largeJobs = {
  [OT_STEP]: () => steps1("cold-ot", large31, LARGE_TIMEOUT_S),
  [OURS_STEP]: () => steps1("cold-ours", large31, LARGE_TIMEOUT_S),
  [OURS_LARGE]: () => steps1("pipeline", large31, LARGE_TIMEOUT_S),
  ...Object.fromEntries(Object.entries(largeClis).map(([name, run]) => [name, () => outcome(run())])),
};
const largeRounds = [];
for (let r = 0; r < LARGE_ROUNDS; r++) {
  const names = Object.keys(largeJobs);
  const round = {};
  for (const name of r % 2 ? names.reverse() : names) round[name] = largeJobs[name]();
  largeRounds.push(Object.fromEntries(Object.keys(largeJobs).map((name) => [name, round[name]])));
  process.stderr.write(`  pipeline: GitHub's spec, round ${r + 1}/${LARGE_ROUNDS} done\n`);
}
const largeSteps = Object.fromEntries([OT_STEP, OURS_STEP].map((name) => [name, medianRun(largeRounds, name)]));
const largeRuns = Object.fromEntries([OURS_LARGE, ...Object.keys(largeClis)].map((name) => [name, medianRun(largeRounds, name)]));

// ---- how it grows: slices of the same 3.1 rendering (every 8th, 4th, 2nd path and webhook, with
// the components they reach), every tool once on each, as on the whole file
const SLICES = quick ? [4] : [8, 4, 2];
const doc31 = JSON.parse(fs.readFileSync(large31, "utf8"));
const large31Bytes = fs.statSync(large31).size;
const ordinal = (n) => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;
const growth = [];
for (const every of SLICES) {
  const sliced = sliceSpec(doc31, every);
  const file = path.join(work, `api.github.com.3.1.every-${every}.json`);
  fs.writeFileSync(file, JSON.stringify(sliced, null, 2));
  const runs = { [OURS_LARGE]: steps1("pipeline", file, LARGE_TIMEOUT_S) };
  for (const [name, run] of Object.entries(cli(file, `every-${every}`))) runs[name] = outcome(run());
  growth.push({ every, label: `every ${ordinal(every)} path`, bytes: fs.statSync(file).size, paths: Object.keys(sliced.paths).length, runs });
  process.stderr.write(`  pipeline: GitHub's spec, every ${ordinal(every)} path, done\n`);
}
fs.rmSync(work, { recursive: true, force: true });

process.stdout.write(JSON.stringify({
  scenario: "pipeline",
  versions: { "openapi-typescript": versionOf("openapi-typescript", new URL(`file://${repo}/node_modules/`)), "@hey-api/openapi-ts": versionOf("@hey-api/openapi-ts", new URL(`file://${repo}/node_modules/`)), orval: versionOf("orval", new URL(`file://${repo}/node_modules/`)), "@octokit/openapi": versionOf("@octokit/openapi"), npm: spawnSync("npm", ["--version"], { encoding: "utf8" }).stdout.trim() },
  specs: { ours: { file: "generated/openapi.json", bytes: fs.statSync(small).size }, github: { file: "@octokit/openapi api.github.com.json", bytes: fs.statSync(large).size, bytes31: large31Bytes, paths: Object.keys(doc31.paths).length, as31: changes } },
  rounds,
  small: Object.fromEntries(Object.entries(smallRuns).map(([k, v]) => [k, v.length ? stats(v) : null])),
  steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, stats(v)])),
  failures,
  smallCold, smallWarm, largeSteps, largeRuns, largeRounds: LARGE_ROUNDS, largeRatios: largeRatios(largeRounds), growth, largeTimeoutS: LARGE_TIMEOUT_S, generateFlags: GENERATE_FLAGS,
}));
