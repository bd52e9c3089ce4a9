// The types step on a worker thread (scripts/lib/pipeline.mjs starts it first thing): it loads
// openapi-typescript — and with it TypeScript, the heaviest import of the pipeline — while the
// main thread loads Redocly, lints and bundles, then builds schema.d.ts from the bundled document
// while the main thread builds the validators and meta. The output is the same as in process:
// buildTypes is a function of the document alone.
//
// Given a shared claim on openapi.yaml (`yamlClaim`, an Int32Array over a SharedArrayBuffer: 0
// unclaimed, 1 this thread's, 2 the main thread's), it claims the YAML once the types are done
// (compare-and-exchange 0 → 1; before posting them, so that a main thread that has the types finds
// it claimed), posts the types and, if it got the claim, writes the document as openapi.yaml
// (spec-yaml.mjs) and posts that too ({ yaml }): on a large spec this thread is idle by then while
// the main thread is still in the validators step. The main thread claims it (0 → 2) once it is
// done with meta; whichever thread is free first writes it, and only that one.
import { parentPort } from "node:worker_threads";

const loading = import("./types.mjs");
// Says when openapi-typescript is loaded (for the bench, which times the step without the import).
loading.then(() => parentPort.postMessage({ ready: true }), () => {}); // a failure is reported when the document arrives
// The YAML writer after openapi-typescript, so as not to delay it; a failure is reported when asked.
const yamlLoading = loading.then(() => import("./spec-yaml.mjs"), () => import("./spec-yaml.mjs"));
yamlLoading.catch(() => {});

const since = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const errorOf = (err) => {
  const { name, message, stack, file, line, col, rule } = err ?? {};
  return { name, message: message ?? String(err), stack, file, line, col, rule };
};

const WORKER = 1;

parentPort.once("message", async ({ doc, notice, yamlClaim }) => {
  const header = (prefix) => `${prefix} ${notice}`;
  let yamlMine = false;
  try {
    const start = process.hrtime.bigint();
    const { buildTypes } = await loading;
    const text = await buildTypes(doc, { header });
    yamlMine = yamlClaim !== undefined && Atomics.compareExchange(yamlClaim, 0, 0, WORKER) === 0;
    parentPort.postMessage({ text, ms: since(start) });
  } catch (err) {
    parentPort.postMessage({ error: errorOf(err) });
    return;
  }
  if (!yamlMine) return;
  try {
    const { bundledYaml } = await yamlLoading;
    const start = process.hrtime.bigint();
    parentPort.postMessage({ yaml: { text: bundledYaml(doc, header), ms: since(start) } });
  } catch (err) {
    parentPort.postMessage({ yaml: { error: errorOf(err) } });
  }
});
