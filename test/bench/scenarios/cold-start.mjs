// Scenario 2a — cold start: in a fresh Node process, the time from the first import to the first
// validation result (a valid updateThread request body): ours imports the precompiled validators;
// the peers import their library and build the four schemas of scenario 1 (ajv: new Ajv + compile;
// TypeBox: TypeCompiler.Compile; zod/valibot/arktype: building the schemas). Node's own start-up
// is left out (measured from the script's first line). Prints one JSON document.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { interleave } from "../lib/measure.mjs";

const quick = process.env.BENCH_QUICK === "1";
const here = (p) => new URL(p, import.meta.url).href;
const body = JSON.stringify({ status: "archived", draft_subject: "Intro" });

const scripts = {
  "puffle-api (import precompiled)": `const m = await import(${JSON.stringify(here("../../../dist/validators.js"))}); r = m.validateRequestBody("updateThread", ${body}).valid;`,
  "ajv: new Ajv2020 + compile": `const m = await import(${JSON.stringify(here("../lib/peers/ajv.mjs"))}); r = m.ajvPeer({ allErrors: true }).threadRequest(${body}).valid;`,
  "schemasafe: validator()": `const m = await import(${JSON.stringify(here("../lib/peers/schemasafe.mjs"))}); r = m.schemasafePeer({ includeErrors: true }).threadRequest(${body}).valid;`,
  "TypeBox: TypeCompiler.Compile": `const m = await import(${JSON.stringify(here("../lib/peers/typebox.mjs"))}); r = m.typeboxPeer({ errors: true }).threadRequest(${body}).valid;`,
  "zod: build schemas": `const m = await import(${JSON.stringify(here("../lib/peers/zod.mjs"))}); r = m.zodPeer().threadRequest(${body}).success;`,
  "valibot: build schemas": `const m = await import(${JSON.stringify(here("../lib/peers/valibot.mjs"))}); r = m.valibotPeer({ boolean: false }).threadRequest(${body}).success;`,
  "arktype: build schemas": `const m = await import(${JSON.stringify(here("../lib/peers/arktype.mjs"))}); r = m.arktypePeer({ boolean: false }).threadRequest(${body}).valid;`,
  "@cfworker/json-schema: new Validator": `const m = await import(${JSON.stringify(here("../lib/peers/cfworker.mjs"))}); r = m.cfworkerPeer({ shortCircuit: false }).threadRequest(${body}).valid;`,
};

function sample(code) {
  const script = `const { performance } = await import("node:perf_hooks"); const t0 = performance.now(); let r; ${code} const t = performance.now() - t0; if (r !== true) throw new Error("not valid: " + r); process.stdout.write(String(t * 1e6));`;
  const out = execFileSync(process.execPath, ["--no-warnings", "--input-type=module", "-e", script], { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" });
  return Number(out);
}

const measured = interleave(
  Object.fromEntries(Object.entries(scripts).map(([name, code]) => [name, () => sample(code)])),
  { rounds: quick ? 4 : 11, warmup: 1, base: "puffle-api (import precompiled)" },
);
process.stdout.write(JSON.stringify({ scenario: "cold-start", measured }));
