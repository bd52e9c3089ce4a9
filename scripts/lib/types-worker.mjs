// The types step on a worker thread (scripts/lib/pipeline.mjs starts it first thing): it loads
// openapi-typescript — and with it TypeScript, the heaviest import of the pipeline — while the
// main thread loads Redocly, lints and bundles, then builds schema.d.ts from the bundled document
// while the main thread builds the validators and meta. The output is the same as in process:
// buildTypes is a function of the document alone.
import { parentPort } from "node:worker_threads";

const loading = import("./types.mjs");
// Says when openapi-typescript is loaded (for the bench, which times the step without the import).
loading.then(() => parentPort.postMessage({ ready: true }), () => {}); // a failure is reported when the document arrives

parentPort.once("message", async ({ doc, notice }) => {
  const start = process.hrtime.bigint();
  try {
    const { buildTypes } = await loading;
    const text = await buildTypes(doc, { header: (prefix) => `${prefix} ${notice}` });
    parentPort.postMessage({ text, ms: Number(process.hrtime.bigint() - start) / 1e6 });
  } catch (err) {
    const { name, message, stack, file, line, col, rule } = err ?? {};
    parentPort.postMessage({ error: { name, message: message ?? String(err), stack, file, line, col, rule } });
  }
});
