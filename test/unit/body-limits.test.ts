// bodyDepthBreach and bodySizeBreach (src/client-validators.ts) find where a request body breaks the
// operation's x-puffle-behaviour limits, once for both the client (requestDepthIssue,
// requestSizeIssue) and the CLI (bodyLimitProblem, src/cli/program.ts), which each word it their
// own way (2e6b47b: the two computed it apart). Held here: what they name, the member by its escaped
// JSON Pointer, the first of the largest, the limits' edges; and the client's issues naming the same.
import { describe, expect, it } from "vitest";
import { bodyDepthBreach, bodySizeBreach, requestDepthIssue, requestSizeIssue } from "../../src/client-validators.js";
import { bodyLimits } from "../../generated/validators.js";

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe("bodyDepthBreach", () => {
  it("names the body's member holding the value nested past the limit (the body is level 1), escaped as a JSON Pointer", () => {
    // { "a/b~c": [[1]] }: the body is level 1, the member's array 2, the inner array 3.
    expect(bodyDepthBreach({ "a/b~c": nested(2) }, 3)).toBeUndefined();
    expect(bodyDepthBreach({ "a/b~c": nested(3) }, 3)).toBe("/a~1b~0c");
    // The first member in order that breaks it, whatever the others hold.
    expect(bodyDepthBreach({ shallow: [1], first: nested(5), second: nested(9) }, 3)).toBe("/first");
    // A body that is no object has no member; the body itself past a limit of 0 is "".
    expect(bodyDepthBreach("text", 0)).toBeUndefined();
    expect(bodyDepthBreach(null, 0)).toBeUndefined();
    expect(bodyDepthBreach({}, 0)).toBe("");
  });
});

describe("bodySizeBreach", () => {
  it("gives the UTF-8 size past the limit and the first of the largest members, undefined within it", () => {
    const body = { a: "\u00e9".repeat(10), "b/c": "\u00e9".repeat(10), d: 1 };
    const text = JSON.stringify(body);
    const bytes = Buffer.byteLength(text);
    expect(bodySizeBreach(text, body, bytes)).toBeUndefined();
    expect(bodySizeBreach(text, body, bytes - 1)).toEqual({ bytes, largest: { pointer: "/a", bytes: 22 } });
    const larger = { a: "x", "b/c": "\u{1F600}".repeat(5) };
    expect(bodySizeBreach(JSON.stringify(larger), larger, 10)?.largest).toEqual({ pointer: "/b~1c", bytes: 22 });
    // An array or a primitive body has no member to name.
    expect(bodySizeBreach(JSON.stringify(["x".repeat(20)]), ["x".repeat(20)], 10)).toEqual({ bytes: 24, largest: undefined });
  });

  it("is what the client's issues name, for updateThread's limits", () => {
    const { maxBodyBytes, maxBodyDepth } = bodyLimits.updateThread as { maxBodyBytes: number; maxBodyDepth: number };
    const deep = { draft_attachments: [{ meta: nested(maxBodyDepth) }] };
    expect(requestDepthIssue("updateThread", deep)?.path).toBe(bodyDepthBreach(deep, maxBodyDepth));
    const big = { draft_subject: "s", draft_body_text: "x".repeat(maxBodyBytes) };
    const text = JSON.stringify(big);
    const breach = bodySizeBreach(text, big, maxBodyBytes);
    expect(breach?.largest?.pointer).toBe("/draft_body_text");
    expect(requestSizeIssue("updateThread", text, big)).toMatchObject({ path: "/draft_body_text", message: expect.stringContaining(`makes the body ${breach?.bytes} bytes of JSON (UTF-8), more than ${maxBodyBytes}`) });
  });
});
