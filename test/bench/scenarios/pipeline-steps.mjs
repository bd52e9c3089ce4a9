// Scenario 4 helper: our pipeline's steps against openapi-typescript alone, on one spec (a bundled
// JSON file), with the same functions `npm run generate` runs (scripts/lib). Prints JSON.
//
//   node pipeline-steps.mjs warm SPEC ROUNDS   one process, rounds interleaved: openapi-typescript
//                                              alone, our types step, our validators step (each
//                                              warm after the first round)
//   node pipeline-steps.mjs cold-ot SPEC       a fresh process: import openapi-typescript, one call
//   node pipeline-steps.mjs cold-ours SPEC     a fresh process: our types + validators steps as the
//                                              pipeline runs them (types on its worker thread,
//                                              started first, validators on this thread), one call
//   node pipeline-steps.mjs pipeline SPEC      a fresh process: the pipeline itself, runPipeline of
//                                              scripts/lib/pipeline.mjs as `npm run generate` runs
//                                              it (lint, bundle, types, openapi.json and .yaml,
//                                              validators, meta; all but writing the files), with
//                                              Redocly's "minimal" rules and lint's problems
//                                              counted, not failed on (lintProblems: "count"), for
//                                              a spec our lint rules would stop (GitHub's)
// Every mode prints { times: { name: ms }, errors: { name: message } }.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";

const t0 = performance.now();
const [mode, specFile, roundsArg = "3"] = process.argv.slice(2);
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const header = (prefix) => `${prefix} generated`;
const NOTICE = "generated";
const times = {};
const errors = {};
const ms = (start) => performance.now() - start;
const firstLine = (err, start) => `${String(err?.message ?? err).split("\n")[0].slice(0, 200)}${start === undefined ? "" : ` (after ${(ms(start) / 1000).toFixed(1)} s)`}`;
const done = () => {
  process.stdout.write(JSON.stringify({ times, errors }));
  process.exit(0);
};

/** The types step exactly as scripts/lib/pipeline.mjs runs it: scripts/lib/types-worker.mjs. */
function typesWorker() {
  const worker = new Worker(new URL(`file://${repo}/scripts/lib/types-worker.mjs`));
  let loaded;
  const ready = new Promise((resolve) => (loaded = resolve));
  const result = new Promise((resolve, reject) => {
    worker.on("message", (message) => (message.ready ? loaded() : resolve(message)));
    worker.once("error", reject);
  });
  result.catch(() => {});
  return {
    ready,
    async build(doc) {
      const start = performance.now();
      worker.postMessage({ doc, notice: NOTICE });
      const { error, ms: inWorker } = await result;
      await worker.terminate();
      if (error) throw new Error(error.message);
      return { wall: ms(start), inWorker };
    },
  };
}

/** Our types + validators steps, concurrently as in the pipeline; times from the document on. */
async function oursConcurrent(doc, worker, buildValidators) {
  const start = performance.now();
  const typed = worker.build(doc).then(
    // inWorker: the step as the worker timed it; the wall time until this thread hears of it also
    // waits for the validators step, which holds this thread.
    (r) => { times["ours: types step (in its worker)"] = r.inWorker; },
    (err) => { errors["ours: types step (in its worker)"] = firstLine(err, start); },
  );
  const v0 = performance.now();
  try {
    buildValidators(doc, { root: specFile, header });
    times["ours: validators step"] = ms(v0);
  } catch (err) {
    errors["ours: validators step"] = firstLine(err, v0);
  }
  await typed;
  if (!errors["ours: validators step"] && !errors["ours: types step (in its worker)"]) times["ours: types + validators (concurrent, as the pipeline runs them)"] = ms(start);
}

if (mode === "warm") {
  const rounds = Number(roundsArg);
  const { default: openapiTS, astToString } = await import(`${repo}/node_modules/openapi-typescript/dist/index.mjs`);
  const { buildTypes } = await import(`${repo}/scripts/lib/types.mjs`);
  const { buildValidators } = await import(`${repo}/scripts/lib/validators.mjs`);
  const doc = JSON.parse(fs.readFileSync(specFile, "utf8"));
  const steps = {
    "openapi-typescript alone": async () => astToString(await openapiTS(structuredClone(doc), { silent: true })),
    "ours: types step": () => buildTypes(doc, { header }),
    "ours: validators step": () => buildValidators(doc, { root: specFile, header }),
  };
  const series = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    const names = Object.keys(steps);
    for (const name of r % 2 ? names.reverse() : names) {
      if (errors[name]) continue;
      const start = performance.now();
      try {
        await steps[name]();
        series[name].push(ms(start));
      } catch (err) {
        errors[name] = firstLine(err, start);
      }
    }
  }
  process.stdout.write(JSON.stringify({ times: series, errors }));
  process.exit(0);
}

if (mode === "cold-ot") {
  const i0 = performance.now();
  const { default: openapiTS, astToString } = await import(`${repo}/node_modules/openapi-typescript/dist/index.mjs`);
  times["import"] = ms(i0);
  const doc = JSON.parse(fs.readFileSync(specFile, "utf8"));
  const start = performance.now();
  try {
    astToString(await openapiTS(doc, { silent: true }));
    times["openapi-typescript alone"] = ms(start);
  } catch (err) {
    errors["openapi-typescript alone"] = firstLine(err, start);
  }
  times["process until done"] = performance.now();
  done();
}

if (mode === "pipeline") {
  // The step lines runPipeline logs ("✔ lint  2950 ms"), under the names the report reads.
  const STEP_NAMES = {
    lint: "ours: lint (Redocly, minimal rules)",
    bundle: "ours: bundle",
    types: "ours: types step (in its worker)",
    yaml: "ours: openapi.yaml (on the thread free first)",
    validators: "ours: validators step",
    meta: "ours: meta",
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-bench-lint-"));
  const config = path.join(dir, "redocly.yaml");
  fs.writeFileSync(config, "extends:\n  - minimal\n");
  const start = performance.now();
  try {
    const { runPipeline } = await import(`${repo}/scripts/lib/pipeline.mjs`);
    const files = await runPipeline({
      spec: specFile,
      config,
      lintProblems: "count",
      log(line) {
        const step = /^✔ (\S+)\s+(\d+) ms$/.exec(line);
        if (step) times[STEP_NAMES[step[1]] ?? `ours: ${step[1]}`] = Number(step[2]);
        const counted = /^ {2}lint: (\d+) problems? counted/.exec(line);
        if (counted) times["lint problems (not failed on)"] = Number(counted[1]);
      },
    });
    times["output (MiB)"] = [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0) / 2 ** 20;
  } catch (err) {
    errors["ours: pipeline"] = firstLine(err, start);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  times["process until done"] = performance.now();
  done();
}

if (mode === "cold-ours") {
  const worker = typesWorker(); // first thing, as the pipeline does
  const doc = JSON.parse(fs.readFileSync(specFile, "utf8"));
  const v0 = performance.now();
  const { buildValidators } = await import(`${repo}/scripts/lib/validators.mjs`);
  times["import validators step (ajv)"] = ms(v0);
  // The step is timed like openapi-typescript's, after the imports: in the pipeline the worker's
  // import overlaps Redocly's lint and bundle (the "pipeline" mode and generate.mjs time that).
  const w0 = performance.now();
  await worker.ready;
  times["waited for the worker's import"] = ms(w0);
  await oursConcurrent(doc, worker, buildValidators);
  times["process until done"] = performance.now();
  done();
}

process.stderr.write(`pipeline-steps: unknown mode ${mode} (after ${ms(t0).toFixed(0)} ms)\n`);
process.exit(2);
