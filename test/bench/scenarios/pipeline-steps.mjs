// Scenario 4 helper: in one process, on one spec (a bundled JSON file), times openapi-typescript
// alone (programmatic, default options, then printed) against our types step and our validators
// step (scripts/lib/types.mjs, scripts/lib/validators.mjs — the same functions `npm run generate`
// runs), interleaved over rounds. Usage: node pipeline-steps.mjs SPEC ROUNDS. Prints JSON.
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const [specFile, roundsArg = "3"] = process.argv.slice(2);
const rounds = Number(roundsArg);
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const { default: openapiTS, astToString } = await import(`${repo}/node_modules/openapi-typescript/dist/index.mjs`);
const { buildTypes } = await import(`${repo}/scripts/lib/types.mjs`);
const { buildValidators } = await import(`${repo}/scripts/lib/validators.mjs`);
const doc = JSON.parse(fs.readFileSync(specFile, "utf8"));
const header = (prefix) => `${prefix} generated`;

const steps = {
  "openapi-typescript alone": async () => astToString(await openapiTS(structuredClone(doc), { silent: true })),
  "ours: types step": () => buildTypes(doc, { header }),
  "ours: validators step": () => buildValidators(doc, { root: specFile, header }),
};
const times = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
const errors = {};
for (let r = 0; r < rounds; r++) {
  const names = Object.keys(steps);
  const order = r % 2 ? names.reverse() : names;
  for (const name of order) {
    if (errors[name]) continue;
    const t0 = performance.now();
    try {
      await steps[name]();
      times[name].push((performance.now() - t0) * 1e6);
    } catch (err) {
      errors[name] = `${String(err?.message ?? err).split("\n")[0].slice(0, 200)} (after ${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    }
  }
}
process.stdout.write(JSON.stringify({ times, errors }));
