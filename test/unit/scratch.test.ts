// Test files' temporary folders: a file that makes one at load (test/scratch.ts) leaves nothing in
// the machine's temporary folder, even when its every test is filtered out and its afterAll skipped.
import { spawn, spawnSync } from "node:child_process";
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

/**
 * The fixture run's test that waits, with TMPDIR at a fresh folder, stopped with SIGINT sent to its
 * process group (as Ctrl-C in a terminal sends it) once the test waits; what that folder holds
 * after, and how the run ended.
 */
async function leftAfterInterruptedRun(name: string): Promise<{ left: string[]; code: number | null; output: string }> {
  const tmpdir = path.join(tmp, name);
  mkdirSync(tmpdir);
  const { [SCRATCH_ENV]: _outer, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "test/fixtures/scratch/vitest.config.ts", "-t", "waits until stopped"],
    { cwd: root, env: { ...env, TMPDIR: tmpdir, SCRATCH_SETUP: "on", NO_COLOR: "1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  let interrupted = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!interrupted && output.includes("fixture waiting")) {
      interrupted = true;
      process.kill(-child.pid!, "SIGINT");
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  // Bounded: the fixture's test ends by itself after 30 s; a run that never waits is killed here.
  const guard = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 50_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", (status) => resolve(status)));
  clearTimeout(guard);
  expect(interrupted, `the fixture never said it was waiting:\n${output}`).toBe(true);
  return { left: readdirSync(tmpdir), code, output };
}

describe("a test file's folder made at load", () => {
  it("is gone after a run that filtered out every test of the file", () => {
    expect(leftAfterFilteredRun("with-setup", "on")).toEqual([]);
  });

  it("would be left without the run's scratch folder (the check can fail)", () => {
    expect(leftAfterFilteredRun("without-setup", "off")).toEqual([expect.stringMatching(/^puffle-scratch-fixture-/)]);
  });

  // Vitest's SIGINT handler calls process.exit() without running global teardowns: the run's
  // scratch folder (puffle-tests-…, with the folders files made at load in it) was left behind.
  it("is gone after a run stopped with Ctrl-C (SIGINT) while a test runs, the run's scratch folder too", async () => {
    const { left, code, output } = await leftAfterInterruptedRun("interrupted");
    // The Ctrl-C reaches the whole process group, vitest's fork worker too: vitest exits 130 by its
    // own SIGINT handler or, when it sees the worker die first, reports "Worker exited unexpectedly"
    // and exits 1 (seen once in .ci/run). Either way the folders must be gone.
    const workerDiedFirst = code === 1 && output.includes("Worker exited unexpectedly");
    expect(code === 130 || workerDiedFirst, `exit ${code}:\n${output}`).toBe(true);
    expect(left.filter((name) => name.startsWith("puffle-"))).toEqual([]);
  }, 60_000);

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
