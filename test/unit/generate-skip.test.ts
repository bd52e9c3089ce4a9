// The content-hash skip of `npm run generate`: an unchanged regenerate stops before loading the
// pipeline, a changed input or a touched output runs it again, and `--check` always really compares.
// (No timing is asserted here; `npm run bench` measures the skip.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const script = path.join(root, "scripts/generate.mjs");
let work: string;
let spec: string;
let out: string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [script, "--spec", spec, "--config", path.join(root, "redocly.yaml"), "--out", out, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const SKIPPED = /is up to date \(inputs unchanged, sha256 [0-9a-f]{12}\); nothing to do/;
const WROTE = /^generate: wrote \d+ files to /m;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-generate-skip-"));
  fs.cpSync(path.join(root, "openapi"), path.join(work, "openapi"), { recursive: true });
  spec = path.join(work, "openapi/openapi.yaml");
  out = path.join(work, "generated");
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("generate: content-hash skip", () => {
  it("runs the pipeline the first time, then skips while nothing changed", () => {
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(WROTE);
    const again = run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(SKIPPED);
    expect(again.stdout).not.toMatch(/^✔ /m);
  });

  it("runs again, restoring the file, when an output was edited by hand", () => {
    const file = path.join(out, "validators.js");
    const before = fs.readFileSync(file, "utf8");
    fs.appendFileSync(file, "// hand edit\n");
    const r = run();
    expect(r.stdout).toMatch(WROTE);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });

  it("runs again when an output is missing or extra", () => {
    fs.rmSync(path.join(out, "meta.js"));
    expect(run().stdout).toMatch(WROTE);
    fs.writeFileSync(path.join(out, "notes.txt"), "x");
    expect(run().stdout).toMatch(WROTE);
    expect(fs.existsSync(path.join(out, "notes.txt"))).toBe(false);
    expect(run().stdout).toMatch(SKIPPED);
  });

  it("runs again when an input changed, and --force always runs", () => {
    const file = path.join(work, "openapi/openapi.yaml");
    fs.appendFileSync(file, "\n# a comment changes the bytes, not the output\n");
    expect(run().stdout).toMatch(WROTE);
    expect(run().stdout).toMatch(SKIPPED);
    expect(run("--force").stdout).toMatch(WROTE);
  });

  it("--check never skips: it compares even when the record says up to date", () => {
    expect(run().stdout).toMatch(SKIPPED);
    const ok = run("--check");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/generate:check: \d+ files in .* are up to date/);
    // An edited output: --check finds it, whatever the record of the last run says.
    fs.appendFileSync(path.join(out, "schema.d.ts"), "// hand edit\n");
    const stale = run("--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/stale:\s+\S*schema\.d\.ts/);
  });
});
