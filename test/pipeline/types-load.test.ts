// The types step loads openapi-typescript's CommonJS build (no pass of Node's ES module loader over
// TypeScript's 9 MB file), and falls back to its ES module build where Node cannot require() the
// ES-only packages that build requires (before Node 20.19; here: --no-experimental-require-module).
// Both give generated/schema.d.ts byte for byte.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
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
