// generated/validators.js is self-contained ESM: no imports, no require(), no code compiled at run
// time. It loads from a folder with nothing else in it, and under
// --disallow-code-generation-from-strings (what a strict Content-Security-Policy enforces).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const file = path.join(root, "generated/validators.js");
const source = fs.readFileSync(file, "utf8");

describe("generated/validators.js", () => {
  it("starts with the do-not-edit header", () => {
    expect(source.split("\n")[0]).toMatch(/^\/\/ generated from openapi\/ .* do not edit/);
  });

  it.each([
    ["require()", /\brequire\s*\(/],
    ["static import", /^\s*import\s/m],
    ["dynamic import()", /\bimport\s*\(/],
    ["new Function", /new\s+Function/],
    ["eval", /\beval\s*\(/],
    ["a timestamp", /\b20\d\d-\d\d-\d\dT\d\d:\d\d/],
  ])("contains no %s", (_name, pattern) => {
    expect(source).not.toMatch(pattern);
  });

  it("loads alone, with no node_modules, and validates under --disallow-code-generation-from-strings", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-validators-"));
    try {
      fs.copyFileSync(file, path.join(dir, "validators.mjs"));
      const script = `
        const m = await import(${JSON.stringify(path.join(dir, "validators.mjs"))});
        const v = m.operations.updateThread;
        const verdicts = [
          v.requestBody({ status: "archived" }),
          v.requestBody({ status: "deleted" }),
          v.pathParams({ id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" }),
          m.schemas.Conversation({}),
          v.responses["200"]({ thread: { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", status: "draft", created_at: "2026-04-20T15:00:00Z" } }),
          v.responses["200"]({ thread: { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", status: "draft", created_at: "2026-02-30T15:00:00Z" } }),
        ];
        let evalBlocked = false;
        try { new Function("return 1"); } catch { evalBlocked = true; }
        console.log(JSON.stringify({ verdicts, evalBlocked }));
      `;
      const out = execFileSync(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
      expect(JSON.parse(out)).toEqual({ verdicts: [true, false, true, false, true, false], evalBlocked: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
