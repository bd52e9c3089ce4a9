// A checkout with CRLF line endings (git's core.autocrlf=true, a Windows editor): .gitattributes asks
// git for LF everywhere, and where CRLF gets in all the same the pipeline still writes the same
// bytes, and generate:check says what differs.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../property/spec.js";

const SLOW = 180_000;
let dir: string;

/** Copies `from` to `to`, every text file's LF turned into CRLF. */
function copyCrlf(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyCrlf(src, dst);
    else fs.writeFileSync(dst, fs.readFileSync(src, "utf8").replace(/\r?\n/g, "\r\n"));
  }
}

function check(out: string) {
  // The copy's own scripts/generate.mjs: it reads scripts/runtime/ next to it, CRLF too.
  const r = spawnSync(process.execPath, [path.join(dir, "scripts/generate.mjs"), "--check", "--out", out], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, TMPDIR: dir },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-crlf-"));
  for (const name of ["openapi", "scripts"]) copyCrlf(path.join(repoRoot, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, "redocly.yaml"), fs.readFileSync(path.join(repoRoot, "redocly.yaml"), "utf8").replace(/\n/g, "\r\n"));
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"));
  fs.cpSync(path.join(repoRoot, "generated"), path.join(dir, "generated"), { recursive: true });
  copyCrlf(path.join(repoRoot, "generated"), path.join(dir, "generated-crlf"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("CRLF line endings", () => {
  it("git checks every file out with LF, core.autocrlf or not", () => {
    const files = ["generated/schema.d.ts", "generated/openapi.json", "openapi/openapi.yaml", "scripts/runtime/formats.js", "redocly.yaml"];
    const r = spawnSync("git", ["-c", "core.autocrlf=true", "check-attr", "eol", "--", ...files], { cwd: repoRoot, encoding: "utf8" });
    expect(r.status).toBe(0);
    for (const file of files) expect(r.stdout).toContain(`${file}: eol: lf\n`);
  });

  // formats-source.mjs looked for "\nexport const formats = {\n" in scripts/runtime/formats.js and
  // failed with a stack trace; runtime helpers were inlined into validators.js with their CRLFs.
  it("openapi/, scripts/ and redocly.yaml in CRLF generate the committed generated/, byte for byte", { timeout: SLOW }, () => {
    const r = check(path.join(dir, "generated"));
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/generate:check: 9 files in generated are up to date/);
  });

  it("generate:check on a CRLF generated/ names line endings as the difference", { timeout: SLOW }, () => {
    const r = check(path.join(dir, "generated-crlf"));
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at\s/m);
    expect(r.stderr).toMatch(/stale:\s+\S*schema\.d\.ts \(CRLF line endings only: a checkout made with core\.autocrlf=true\?/);
    // "check it out again" did nothing in a clone made before .gitattributes asked for LF: git keeps a
    // file it checked out then (its index entry clean) as it is, and `git checkout -- FILE` leaves it
    // CRLF; nor is there anything to commit. generate writes LF, git's own bytes.
    expect(r.stderr).not.toMatch(/check it out again|commit the result/);
    expect(r.stderr).toMatch(/run `npm run generate`: it writes LF, the bytes git has \(nothing to commit;/);
  });

  // The advice for CRLF alone ("nothing to commit") is for CRLF alone: beside a file that really
  // differs (the spec edited, generate not run) the output must be generated and committed.
  it("generate:check on a CRLF generated/ with one file really stale says to commit the result", { timeout: SLOW }, () => {
    const mixed = path.join(dir, "generated-crlf-mixed");
    fs.cpSync(path.join(dir, "generated-crlf"), mixed, { recursive: true });
    fs.appendFileSync(path.join(mixed, "openapi.yaml"), "# edited\r\n");
    const r = check(mixed);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stale:\s+\S*openapi\.yaml\n/);
    expect(r.stderr).toMatch(/stale:\s+\S*schema\.d\.ts \(CRLF line endings only:/);
    expect(r.stderr).toMatch(/\nrun `npm run generate` and commit the result\.\n?$/);
    expect(r.stderr).not.toMatch(/nothing to commit/);
  });
});
