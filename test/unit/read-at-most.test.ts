// readAtMost (src/utf8.ts) reads a CLI `@file`, `@-` (stdin, descriptor 0) and a server `--data` seed up
// to a bound. A descriptor someone else set non-blocking (a stdin shared with a parent that did) answers
// EAGAIN while its writer has sent nothing yet: that is "wait", not an error. node:fs's readSync is
// replaced here by one that answers EAGAIN before each chunk it hands out.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ eagainBeforeEachRead: 0, pending: 0, calls: 0 }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readSync = ((...args: Parameters<typeof fs.readSync>) => {
    state.calls += 1;
    if (state.pending > 0) {
      state.pending -= 1;
      throw Object.assign(new Error("EAGAIN: resource temporarily unavailable, read"), { code: "EAGAIN" });
    }
    state.pending = state.eagainBeforeEachRead;
    return fs.readSync(...args);
  }) as typeof fs.readSync;
  return { ...fs, default: { ...fs, readSync }, readSync };
});

const { readAtMost } = await import("../../src/utf8.js");

afterEach(() => {
  state.eagainBeforeEachRead = 0;
  state.pending = 0;
  state.calls = 0;
});

function withFile(bytes: Buffer, run: (file: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "puffle-read-at-most-"));
  try {
    const file = path.join(dir, "data");
    writeFileSync(file, bytes);
    run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("readAtMost", () => {
  it.each([
    ["a small file, no EAGAIN", { size: 10, limit: 100, eagain: 0, want: 10 }],
    ["a small file, EAGAIN twice before each read", { size: 10, limit: 100, eagain: 2, want: 10 }],
    ["a file past the bound (read limit bytes, no more)", { size: 200_000, limit: 70_000, eagain: 1, want: 70_000 }],
    ["exactly the bound", { size: 65_536, limit: 65_536, eagain: 1, want: 65_536 }],
  ] as const)("%s", (_name, { size, limit, eagain, want }) => {
    const bytes = Buffer.alloc(size, 0x61);
    withFile(bytes, (file) => {
      state.eagainBeforeEachRead = eagain;
      state.pending = eagain;
      const read = readAtMost(file, limit);
      expect(read.length).toBe(want);
      expect(read.equals(bytes.subarray(0, want))).toBe(true);
      if (eagain > 0) expect(state.calls).toBeGreaterThan(eagain);
    });
  });

  it("an error other than EAGAIN is thrown as it is", () => {
    expect(() => readAtMost(path.join(tmpdir(), "puffle-no-such-dir", "x"), 10)).toThrow(expect.objectContaining({ code: "ENOENT" }));
  });
});
