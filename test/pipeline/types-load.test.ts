// The types step loads openapi-typescript's CommonJS build (no pass of Node's ES module loader over
// TypeScript's 9 MB file), and falls back to its ES module build where Node cannot require() the
// ES-only packages that build requires (before Node 20.19; here: --no-experimental-require-module).
// Both give generated/schema.d.ts byte for byte. And the worker starts before the pipeline loads its
// heavy modules (Redocly, AJV…), so that it loads TypeScript on the second core meanwhile.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../property/spec.js";

const SLOW = 120_000;

/** In a fresh Node: scripts/lib/types.mjs on generated/openapi.json; which build was loaded, and the output. */
const script = `
import fs from "node:fs";
import { createRequire } from "node:module";
const { buildTypes } = await import(${JSON.stringify(path.join(repoRoot, "scripts/lib/types.mjs"))});
const { NOTICE } = await import(${JSON.stringify(path.join(repoRoot, "scripts/lib/pipeline.mjs"))});
const doc = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(repoRoot, "generated/openapi.json"))}, "utf8"));
const text = await buildTypes(doc, { header: (prefix) => prefix + " " + NOTICE });
const cjs = Object.keys(createRequire(import.meta.url).cache).some((file) => file.endsWith(${JSON.stringify(path.join("openapi-typescript", "dist", "index.cjs"))}));
process.stdout.write(JSON.stringify({ cjs, text }));
`;

function run(nodeOptions: string): { cjs: boolean; text: string } {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    encoding: "utf8",
    timeout: SLOW,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { cjs: boolean; text: string };
}

describe("the types step loads openapi-typescript", () => {
  const committed = fs.readFileSync(path.join(repoRoot, "generated/schema.d.ts"), "utf8");

  it.each([
    ["its CommonJS build where Node can require() ES modules", { nodeOptions: "", cjs: true }],
    ["its ES module build where Node cannot (ERR_REQUIRE_ESM)", { nodeOptions: "--no-experimental-require-module", cjs: false }],
  ])("%s, with the committed output", (_name, { nodeOptions, cjs }) => {
    const got = run(nodeOptions);
    expect(got.cjs).toBe(cjs);
    expect(got.text).toBe(committed);
  }, SLOW);
});

/** In a fresh Node: whether AJV is loaded after importing the pipeline, when the types worker is created, and at the end. */
const orderScript = `
import path from "node:path";
import workerThreads from "node:worker_threads";
import { createRequire, syncBuiltinESMExports } from "node:module";
const cache = createRequire(import.meta.url).cache;
const ajvLoaded = () => Object.keys(cache).some((file) => file.includes(path.join("node_modules", "ajv") + path.sep));
let atWorker = null;
const Original = workerThreads.Worker;
workerThreads.Worker = class extends Original {
  constructor(...args) {
    atWorker ??= ajvLoaded();
    super(...args);
  }
};
syncBuiltinESMExports();
const { runPipeline } = await import(${JSON.stringify(path.join(repoRoot, "scripts/lib/pipeline.mjs"))});
const afterImport = ajvLoaded();
const files = await runPipeline({ spec: ${JSON.stringify(path.join(repoRoot, "openapi/openapi.yaml"))}, config: ${JSON.stringify(path.join(repoRoot, "redocly.yaml"))} });
process.stdout.write(JSON.stringify({ afterImport, atWorker, atEnd: ajvLoaded(), files: files.size }));
`;

describe("the pipeline starts the types worker first", () => {
  it("before it loads the steps' modules (Redocly, yaml and AJV load together; AJV, CommonJS, is the one observable): importing the pipeline loads none", () => {
    // A file, not `-e`: the worker would inherit `--input-type`, which Node allows with `-e` only.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-types-order-"));
    try {
      const file = path.join(dir, "order.mjs");
      fs.writeFileSync(file, orderScript);
      const r = spawnSync(process.execPath, [file], { cwd: repoRoot, encoding: "utf8", timeout: SLOW });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ afterImport: false, atWorker: false, atEnd: true, files: 9 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, SLOW);
});
