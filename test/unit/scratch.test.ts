// Test files' temporary folders: a file that makes one at load (test/scratch.ts) leaves nothing in
// the machine's temporary folder, even when its every test is filtered out and its afterAll skipped.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import interop from "../interop/vitest.config.js";
import main from "../../vitest.config.js";
import { root } from "../helpers.js";
import { SCRATCH_ENV } from "../setup/scratch.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "puffle-scratch-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture run filtered to no test, with TMPDIR at a fresh folder; what that folder holds after. */
function leftAfterFilteredRun(name: string, setup: "on" | "off"): string[] {
  const tmpdir = path.join(tmp, name);
  mkdirSync(tmpdir);
  // This run's own scratch folder is in the environment: the nested run must not inherit it.
  const { [SCRATCH_ENV]: _outer, ...env } = process.env;
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "test/fixtures/scratch/vitest.config.ts", "-t", "no test has this name", "--passWithNoTests"],
    { cwd: root, encoding: "utf8", env: { ...env, TMPDIR: tmpdir, SCRATCH_SETUP: setup, NO_COLOR: "1" }, timeout: 60_000 },
  );
  expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  return readdirSync(tmpdir);
}

describe("a test file's folder made at load", () => {
  it("is gone after a run that filtered out every test of the file", () => {
    expect(leftAfterFilteredRun("with-setup", "on")).toEqual([]);
  });

  it("would be left without the run's scratch folder (the check can fail)", () => {
    expect(leftAfterFilteredRun("without-setup", "off")).toEqual([expect.stringMatching(/^puffle-scratch-fixture-/)]);
  });

  it("both configs that run test files have the scratch global setup", () => {
    expect(main.test?.globalSetup).toContain("test/setup/scratch.ts");
    expect(interop.test?.globalSetup).toContain("test/setup/scratch.ts");
  });

  it("no test file makes a temporary folder at load other than through scratchDir", () => {
    const files = readdirSync(path.join(root, "test"), { recursive: true, encoding: "utf8" }).filter(
      (f) => /\.(ts|mts|mjs)$/.test(f) && !f.startsWith("bench") && !f.includes("node_modules"),
    );
    // `mkdtempSync(` or `fs.mkdtempSync(` (the form six files used, which this check missed).
    const atLoad = files.filter((f) => /^(?:const|let|export const) \w+ = (?:\w+\.)?mkdtempSync\(/m.test(readFileSync(path.join(root, "test", f), "utf8")));
    expect(atLoad).toEqual(["unit/scratch.test.ts"]);
  });
});
