// Which folder of Puffle's pages the conformance tests read (docs-sentences.test.ts, examples.test.ts):
// ../shared/reference beside the repo, or a copy named by PUFFLE_REFERENCE_DIR, so that a change of
// the pages can be tried without writing to the shared folder (openapi/README.md, "When Puffle's pages
// change"). A variable naming no folder is an error, not a skip: the page checks would pass unread.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceDirFrom, root } from "../helpers.js";

describe("referenceDirFrom", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-reference-"));
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it("reads ../shared/reference when PUFFLE_REFERENCE_DIR is unset or empty (undefined when it is missing)", () => {
    const dir = path.resolve(root, "../shared/reference");
    const want = fs.existsSync(dir) ? dir : undefined;
    expect(referenceDirFrom({})).toBe(want);
    expect(referenceDirFrom({ PUFFLE_REFERENCE_DIR: "" })).toBe(want);
  });

  it("reads the folder PUFFLE_REFERENCE_DIR names, absolute or relative to the repo root", () => {
    expect(referenceDirFrom({ PUFFLE_REFERENCE_DIR: copy })).toBe(copy);
    expect(referenceDirFrom({ PUFFLE_REFERENCE_DIR: path.relative(root, copy) })).toBe(copy);
  });

  it("a PUFFLE_REFERENCE_DIR naming no folder is one line naming it, not a skip", () => {
    const missing = path.join(copy, "nope");
    expect(() => referenceDirFrom({ PUFFLE_REFERENCE_DIR: missing })).toThrow(`PUFFLE_REFERENCE_DIR=${missing}: ${missing} is not a folder`);
    fs.writeFileSync(path.join(copy, "file.txt"), "");
    expect(() => referenceDirFrom({ PUFFLE_REFERENCE_DIR: path.join(copy, "file.txt") })).toThrow("is not a folder");
  });
});
