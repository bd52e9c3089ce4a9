// The server's JSON body parser: no prototype is ever set from request data.
import { describe, expect, it } from "vitest";
import { BodyDepthError, MAX_BODY_DEPTH, parseJsonBody } from "../../src/server/json.js";

/** Every object in `value` has the ordinary prototype and no inherited `polluted`. */
function expectPlain(value: unknown, path = ""): void {
  if (value === null || typeof value !== "object") return;
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === Array.prototype, `prototype at ${path || "/"}`).toBe(true);
  expect((value as Record<string, unknown>).polluted, `inherited member at ${path || "/"}`).toBeUndefined();
  for (const [key, member] of Object.entries(value)) expectPlain(member, `${path}/${key}`);
}

/** The BodyDepthError parseJsonBody throws for `text` (the test fails if it throws none or another). */
function depthErrorOf(text: string): BodyDepthError {
  let caught: unknown;
  try {
    parseJsonBody(text);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BodyDepthError);
  return caught as BodyDepthError;
}

describe("parseJsonBody", () => {
  const cases = [
    '{"draft_attachments": [{"__proto__": {"polluted": "yes"}, "id": "a"}]}',
    '{"a": {"b": [{"c": {"__proto__": {"polluted": "yes"}}}]}}',
    '{"x": {"constructor": {"prototype": {"polluted": "yes"}}}}',
    '[{"__proto__": []}]',
  ];
  for (const text of cases) {
    it(`drops poisoning keys: ${text}`, () => {
      const value = parseJsonBody(text);
      expectPlain(value);
      expect(JSON.stringify(value)).not.toMatch(/__proto__|polluted/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  // The body's own poisoning members are kept as JSON.parse made them (own data, no prototype set):
  // normalizeRequestBody drops and names them, as it does for the same text parsed by a caller.
  it.each([
    ['{"__proto__": {"polluted": "yes"}, "status": "active"}', ["__proto__", "status"]],
    ['{"constructor": {"prototype": {"polluted": "yes"}}, "x": 1}', ["constructor", "x"]],
    // Beside a member that is copied (a nested poisoning key dropped): kept in the copy too.
    ['{"__proto__": {"polluted": "yes"}, "draft_attachments": [{"__proto__": {"polluted": "yes"}}]}', ["__proto__", "draft_attachments"]],
  ])("keeps the body's own poisoning member as data: %s", (text, keys) => {
    const value = parseJsonBody(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(keys);
    expect(value.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if ("draft_attachments" in value) expect(JSON.stringify(value.draft_attachments)).toBe("[{}]");
  });

  // The depth limit is the body's, whatever the key: a poisoning member past it (the body's own, kept
  // unread, or a nested one, dropped) was accepted where any other key's was the 400.
  it.each([
    [`{"status": "active", "__proto__": ${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}}`, `/__proto__${"/0".repeat(MAX_BODY_DEPTH - 1)}`],
    [`{"constructor": {"prototype": ${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}}}`, `/constructor/prototype${"/0".repeat(MAX_BODY_DEPTH - 2)}`],
    [`{"draft_attachments": [{"__proto__": ${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}}]}`, `/draft_attachments/0/__proto__${"/0".repeat(MAX_BODY_DEPTH - 3)}`],
  ])("a poisoning key's value past the depth limit is too deep, as any other key's: %#", (text, pointer) => {
    expect(depthErrorOf(text).pointer).toBe(pointer);
    expect(depthErrorOf(text.replaceAll("__proto__", "x").replace('"constructor"', '"y"')).pointer).toBe(pointer.replaceAll("__proto__", "x").replace("/constructor/", "/y/"));
  });

  it("keeps every other member, including a plain constructor value", () => {
    expect(parseJsonBody('{"constructor": "Acme", "a": [1, {"b": null}], "c": "__proto__"}')).toEqual({ constructor: "Acme", a: [1, { b: null }], c: "__proto__" });
  });

  it(`rejects nesting deeper than ${MAX_BODY_DEPTH}, naming the place`, () => {
    const ok = `${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}`;
    expect(() => parseJsonBody(ok)).not.toThrow();
    expect(depthErrorOf(`{"a": ${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}}`).pointer).toBe(`/a${"/0".repeat(MAX_BODY_DEPTH - 1)}`);
  });

  // The place is a JSON Pointer: a key's `~` and `/` are escaped (RFC 6901), so it names that key.
  it.each([
    ["a", "/a"],
    ["a/b", "/a~1b"],
    ["m~n", "/m~0n"],
    ["~1", "/~01"],
  ])("names a too-deep value under the key %j as %j (+ /0 per level)", (key, pointer) => {
    expect(depthErrorOf(`{${JSON.stringify(key)}: ${"[".repeat(MAX_BODY_DEPTH)}${"]".repeat(MAX_BODY_DEPTH)}}`).pointer).toBe(`${pointer}${"/0".repeat(MAX_BODY_DEPTH - 1)}`);
  });

  it("throws SyntaxError for invalid JSON", () => {
    expect(() => parseJsonBody("{")).toThrow(SyntaxError);
  });
});
