// escapePointer (src/json-pointer.ts), the one JSON Pointer token escaping (RFC 6901) of the
// validators' issue paths and the reference server's JSON parsing: its boundaries, a round trip
// through pointerTokens (its reading, for fieldOfPointer and the CLI), and each of its two callers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapePointer, pointerTokens } from "../../src/json-pointer.js";
import { BodyDepthError, MAX_BODY_DEPTH, parseJsonBody } from "../../src/server/json.js";
import { normalizeRequestBody, toIssues } from "../../src/validators.js";

describe("pointerTokens", () => {
  it.each([
    ["", []],
    ["/", [""]],
    ["/status", ["status"]],
    ["/thread/status", ["thread", "status"]],
    ["/draft_attachments/0/a", ["draft_attachments", "0", "a"]],
    ["/a~0~1b", ["a~/b"]],
    // RFC 6901: `~1` first, then `~0`, so `~01` is `~1`, not `/`.
    ["/~01", ["~1"]],
    ["/~1~1~0~0", ["//~~"]],
  ] as const)("%j → %j", (pointer, tokens) => {
    expect(pointerTokens(pointer)).toEqual(tokens);
  });
});

describe("escapePointer", () => {
  it.each([
    ["", ""],
    ["status", "status"],
    ["~", "~0"],
    ["/", "~1"],
    ["a~/b", "a~0~1b"],
    ["a/~b", "a~1~0b"],
    ["~1", "~01"],
    ["~0", "~00"],
    ["//~~", "~1~1~0~0"],
    ["a.b[0]%7E", "a.b[0]%7E"],
  ])("%j → %j", (segment, token) => {
    expect(escapePointer(segment)).toBe(token);
  });

  it("round-trips through RFC 6901's unescaping, and leaves no / in a token", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("~", "/", "0", "1", "a") }), fc.string(), (tricky, any) => {
        for (const segment of [tricky, any]) {
          const token = escapePointer(segment);
          expect(token).not.toContain("/");
          expect(pointerTokens(`/${token}`)).toEqual([segment]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapePointer's callers", () => {
  it("validators: toIssues' and normalizeRequestBody's path to an unknown field", () => {
    const ajvError = { instancePath: "", schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: "a~/b" }, message: "must NOT have additional properties" };
    expect(toIssues([ajvError])).toEqual([{ path: "/a~0~1b", keyword: "additionalProperties", message: "is not a known field" }]);
    const normalized = normalizeRequestBody("updateThread", { "a~/b": 1 });
    expect(normalized.ok === false && normalized.errors[0]).toEqual({ path: "/a~0~1b", keyword: "additionalProperties", message: "is not a known field" });
  });

  it("server: the place a body nests too deep", () => {
    const nested = `${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}`;
    let caught: unknown;
    try {
      parseJsonBody(`{"a~/b": ${nested}}`);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BodyDepthError);
    expect((caught as BodyDepthError).pointer).toBe(`/a~0~1b${"/0".repeat(MAX_BODY_DEPTH - 1)}`);
  });
});
