// tooDeepAt (src/json-depth.ts) is recursive and takes a stack overflow for "a read that throws"
// (not followed, so not too deep). That never lets a too-deep value through: it stops at the first
// level past `max` before reading further, and every `max` it is given is x-puffle-behaviour's
// maxBodyDepth, at most 256 (generate refuses more), so its stack is at most max + 1 frames, however
// deep the value. Held here with a value 100,000 levels deep built in JS (no JSON.parse to bound it)
// whose levels past the limit record a read, and through each caller that is given such a value.
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/validators.js";
import { requestDepthIssue } from "../../src/client-validators.js";
import { tooDeepAt } from "../../src/json-depth.js";
import { normalizeRequestBody } from "../../src/validators.js";

const MAX = operations.updateThread.normalize!.maxDepth!;

/** `levels` arrays, one in the other (the outermost is level 1); reading one at level `from` or deeper is recorded in `deepReads`. */
function nested(levels: number, from: number, deepReads: number[]): unknown[] {
  let value: unknown = 1;
  for (let level = levels; level >= 1; level--) {
    const inner = value;
    const array: unknown[] = [];
    if (level + 1 >= from) {
      Object.defineProperty(array, 0, {
        enumerable: true,
        get: () => {
          deepReads.push(level + 1);
          return inner;
        },
      });
    } else array.push(inner);
    value = array;
  }
  return value as unknown[];
}

describe("tooDeepAt on a value far deeper than the stack", () => {
  it(`finds a 100,000-level value past maxBodyDepth (${MAX}) reading no level past ${MAX + 1}`, () => {
    expect(MAX).toBeLessThanOrEqual(256);
    // A walk that went on past MAX + 1 would run out of stack, which it takes for a read that throws.
    const deepReads: number[] = [];
    const value = nested(100_000, MAX + 2, deepReads);
    expect(tooDeepAt(value, 1, MAX, new Set())).toBe("/0".repeat(MAX));
    expect(deepReads).toEqual([]);
  });

  it("its callers refuse a 100,000-level value as too deep: normalizeRequestBody, the client's requestDepthIssue", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const body = { draft_attachments: [{ id: "a1", filename: "a.pdf", content_type: "application/pdf", size: 1, meta: deep }] };
    const normalized = normalizeRequestBody("updateThread", body);
    expect(normalized.ok).toBe(false);
    expect(!normalized.ok && normalized.errors.map((e) => e.keyword)).toEqual(["maxDepth"]);
    expect(requestDepthIssue("updateThread", body)?.keyword).toBe("maxDepth");
    expect(normalizeRequestBody("updateThread", deep).ok).toBe(false);
  });
});
