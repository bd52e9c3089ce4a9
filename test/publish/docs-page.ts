// Builds the API reference page as `npm run docs` does, for the tests that open it in a browser:
// from the bundle in generated/, or from an edited copy of it (the repository's scripts copied next
// to it, node_modules linked; openapi/ and generated/ untouched).
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../helpers.js";
import { SCRATCH_ENV } from "../setup/scratch.js";

/** Runs scripts/docs.mjs into `outDir` (index.html and openapi.json); throws with its stderr when it fails. */
export function buildDocsPage(outDir: string, spec?: unknown): void {
  if (spec === undefined) {
    execFileSync(process.execPath, [path.join(root, "scripts/docs.mjs"), outDir], { cwd: root, stdio: "pipe" });
    return;
  }
  // Under the run's scratch folder (test/setup/scratch.ts), gone with it should this process be stopped mid-build.
  const work = mkdtempSync(path.join(process.env[SCRATCH_ENV] ?? os.tmpdir(), "puffle-docs-spec-"));
  try {
    cpSync(path.join(root, "scripts"), path.join(work, "scripts"), { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"));
    mkdirSync(path.join(work, "generated"));
    writeFileSync(path.join(work, "generated/openapi.json"), JSON.stringify(spec));
    execFileSync(process.execPath, [path.join(work, "scripts/docs.mjs"), outDir], { cwd: work, stdio: "pipe" });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
