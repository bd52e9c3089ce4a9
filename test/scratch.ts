// A temporary folder for one test file, made when the file loads and removed by its afterAll. A file
// whose every test is filtered out (`-t`) skips its afterAll hooks: the folder is then under the
// run's scratch folder (test/setup/scratch.ts), which goes when the run ends.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { SCRATCH_ENV } from "./setup/scratch.js";

export function scratchDir(prefix: string): string {
  const dir = newScratchDir(prefix);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A new temporary folder, in the run's scratch folder when there is one, for the caller to remove:
 * one made in a hook (a describe that may be skipped runs none, so a folder made as it loads stayed).
 */
export function newScratchDir(prefix: string): string {
  return mkdtempSync(path.join(process.env[SCRATCH_ENV] ?? os.tmpdir(), prefix));
}
