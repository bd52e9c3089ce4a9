// Scenario 4 — pipeline time and how it grows. On our spec: `npm run generate` cold (--force, into
// a temporary folder) with its per-step lines (lint on its own line), and with nothing changed
// (the content-hash skip), against the CLIs of openapi-typescript, @hey-api/openapi-ts and orval
// (fetch client) on the bundled spec — wall time of a whole process each, rounds interleaved.
// Then the same CLIs on GitHub's REST description (@octokit/openapi, api.github.com.json), one
// round each, bounded by a timeout; and in-process step times (pipeline-steps.mjs) on both specs:
// our types and validators steps against openapi-typescript alone. Prints one JSON document.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { stats } from "../lib/measure.mjs";
import { versionOf } from "../lib/peers.mjs";

const quick = process.env.BENCH_QUICK === "1";
const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repo = path.resolve(benchDir, "../..");
const bin = (name) => path.join(repo, "node_modules/.bin", name);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-bench-pipeline-"));
const small = path.join(repo, "generated/openapi.json");
const large = path.join(benchDir, "node_modules/@octokit/openapi/generated/api.github.com.json");
const LARGE_TIMEOUT_S = quick ? 60 : 240;

function timed(cmd, args, { timeoutS = 120, cwd = work } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: timeoutS * 1000, maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - t0;
  if (r.error?.code === "ETIMEDOUT" || r.signal === "SIGTERM") return { ms, timedOut: true };
  if (r.status !== 0) return { ms, failed: `${(r.stderr || r.stdout).trim().split("\n").slice(-1)[0]?.slice(0, 200)}` };
  return { ms, stdout: r.stdout };
}

const cli = (spec, tag) => ({
  "openapi-typescript CLI": () => timed(bin("openapi-typescript"), [spec, "-o", path.join(work, `${tag}-ot.d.ts`)], { timeoutS: LARGE_TIMEOUT_S }),
  "@hey-api/openapi-ts CLI": () => timed(bin("openapi-ts"), ["-i", spec, "-o", path.join(work, `${tag}-hey`)], { timeoutS: LARGE_TIMEOUT_S }),
  "orval CLI (fetch client)": () => timed(bin("orval"), ["--input", spec, "--output", path.join(work, `${tag}-orval/client.ts`), "--client", "fetch"], { timeoutS: LARGE_TIMEOUT_S }),
});

// ---- our spec, interleaved rounds
const out = path.join(work, "generated");
const generate = (...extra) => timed(process.execPath, [path.join(repo, "scripts/generate.mjs"), "--out", out, ...extra], { cwd: repo });
const contenders = {
  "npm run generate (cold, --force)": () => generate("--force"),
  "npm run generate (nothing changed)": () => generate(),
  "node -e '' (Node's own start-up, for scale)": () => timed(process.execPath, ["-e", ""]),
  ...cli(small, "small"),
};
const rounds = quick ? 2 : 5;
const smallRuns = Object.fromEntries(Object.keys(contenders).map((n) => [n, []]));
const steps = {};
const failures = {};
for (let r = 0; r < rounds + 1; r++) {
  const names = Object.keys(contenders);
  for (const name of r % 2 ? names.reverse() : names) {
    // "nothing changed" must follow a cold run into the same folder.
    if (name.includes("nothing changed")) generate();
    const res = contenders[name]();
    if (res.failed || res.timedOut) failures[name] = res.failed ?? "timed out";
    if (r === 0) continue; // warm-up round (disk cache, first compile)
    smallRuns[name].push(res.ms * 1e6);
    if (name.includes("cold") && res.stdout) {
      for (const m of res.stdout.matchAll(/^✔ (\S+)\s+(\d+) ms$/gm)) (steps[m[1]] ??= []).push(Number(m[2]) * 1e6);
    }
    if (name.includes("nothing changed") && res.stdout && !/up to date/.test(res.stdout)) failures[name] = "did not skip";
  }
}
process.stderr.write("  pipeline: our spec done\n");

// ---- step times in process, both specs
function stepTimes(spec, n) {
  const r = spawnSync(process.execPath, [path.join(benchDir, "scenarios/pipeline-steps.mjs"), spec, String(n)], { encoding: "utf8", maxBuffer: 64 * 2 ** 20, timeout: LARGE_TIMEOUT_S * 2000 });
  if (r.status !== 0) return { error: r.stderr.trim().split("\n").slice(-1)[0] };
  const { times, errors } = JSON.parse(r.stdout);
  return { times: Object.fromEntries(Object.entries(times).filter(([, v]) => v.length).map(([k, v]) => [k, stats(v)])), errors };
}
const smallSteps = stepTimes(small, quick ? 3 : 7);
const largeSteps = stepTimes(large, 1);
process.stderr.write("  pipeline: step times done\n");

// ---- the large spec, one run each
const largeRuns = {};
for (const [name, run] of Object.entries(cli(large, "large"))) {
  const res = run();
  largeRuns[name] = res.timedOut ? { timedOut: LARGE_TIMEOUT_S } : res.failed ? { failed: res.failed } : { ms: res.ms };
  process.stderr.write(`  pipeline: large ${name} done\n`);
}
fs.rmSync(work, { recursive: true, force: true });

process.stdout.write(JSON.stringify({
  scenario: "pipeline",
  versions: { "openapi-typescript": versionOf("openapi-typescript", new URL(`file://${repo}/node_modules/`)), "@hey-api/openapi-ts": versionOf("@hey-api/openapi-ts", new URL(`file://${repo}/node_modules/`)), orval: versionOf("orval", new URL(`file://${repo}/node_modules/`)), "@octokit/openapi": versionOf("@octokit/openapi") },
  specs: { ours: { file: "generated/openapi.json", bytes: fs.statSync(small).size }, github: { file: "@octokit/openapi api.github.com.json", bytes: fs.statSync(large).size } },
  rounds,
  small: Object.fromEntries(Object.entries(smallRuns).map(([k, v]) => [k, v.length ? stats(v) : null])),
  steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, stats(v)])),
  failures,
  smallSteps, largeSteps, largeRuns, largeTimeoutS: LARGE_TIMEOUT_S,
}));
