// The types step on a worker thread (scripts/lib/pipeline.mjs starts it first thing): it loads
// openapi-typescript — and with it TypeScript, the heaviest import of the pipeline — while the
// main thread loads Redocly, lints and bundles, then builds schema.d.ts from the bundled document
// while the main thread builds the validators and meta. The output is the same as in process:
// buildTypes is a function of the document alone.
//
// Given a shared flag (`typesDone`, an Int32Array over a SharedArrayBuffer), it sets it once the
// types are done, posts them, then writes the document as openapi.yaml (spec-yaml.mjs) and posts
// that too ({ yaml }): on a large spec this thread is idle by then while the main thread is still
// in the validators step. The main thread reads the flag when it is done with meta: not yet set,
// it writes the YAML itself instead (and this thread's, if any, is not waited for).
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

parentPort.once("message", async ({ doc, notice, typesDone }) => {
  const header = (prefix) => `${prefix} ${notice}`;
  try {
    const start = process.hrtime.bigint();
    const { buildTypes } = await loading;
    const text = await buildTypes(doc, { header });
    if (typesDone) Atomics.store(typesDone, 0, 1);
    parentPort.postMessage({ text, ms: since(start) });
  } catch (err) {
    parentPort.postMessage({ error: errorOf(err) });
    return;
  }
  if (!typesDone) return;
  try {
    const { bundledYaml } = await yamlLoading;
    const start = process.hrtime.bigint();
    parentPort.postMessage({ yaml: { text: bundledYaml(doc, header), ms: since(start) } });
  } catch (err) {
    parentPort.postMessage({ yaml: { error: errorOf(err) } });
  }
});
