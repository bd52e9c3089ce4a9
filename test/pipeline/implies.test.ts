// scripts/lib/implies.mjs: whether a `pattern` implies a `format`, which lets the validators step
// check the format only where the pattern failed. A wrong "yes" would let a value through that AJV
// rejects, so the reader is held to V8's own regexes: every shape it reads is checked against
// the pattern, and strings near those shapes (one character changed, one added or removed) that
// the pattern accepts must lie in a shape and pass the format.
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { root } from "../helpers.js";

type Shape = Set<string>[];
const { fixedShapes, impliesFormat } = (await import(path.join(root, "scripts/lib/implies.mjs"))) as {
  fixedShapes: (source: string, flags?: string) => Shape[] | null;
  impliesFormat: (format: string, source: string, flags?: string) => boolean;
};

const SPEC_UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const SPEC_THREAD_ID = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$";

// [name, { source, flags, want }]: want is whether the uuid format is proven implied.
const CASES: [string, { source: string; flags?: string; want: boolean }][] = [
  ["the spec's UUID pattern", { source: SPEC_UUID, flags: "u", want: true }],
  ["the spec's thread id pattern (version, variant, nil and max UUIDs)", { source: SPEC_THREAD_ID, flags: "u", want: true }],
  ["lowercase only, groups repeated", { source: "^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$", want: true }],
  ["\\d, escaped hyphens in classes", { source: "^[\\da-f]{8}[\\-][\\dA-F]{4}[\\-][\\da-f]{4}-[\\da-f]{4}-[\\da-f]{12}$", flags: "u", want: true }],
  ["an escaped hyphen outside a class (not a valid pattern with the u flag)", { source: "^[0-9a-f]{8}\\-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", flags: "u", want: false }],
  ["one fixed UUID", { source: "^3d986dd1-9d70-45b7-8e36-5d5b8b1c9337$", want: true }],
  ["letters past f", { source: "^[0-9a-z]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["36 characters of any shape", { source: "^[0-9a-f-]{36}$", want: false }],
  ["a hyphen missing", { source: "^[0-9a-f]{8}[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["one more digit", { source: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{13}$", want: false }],
  ["a range of counts", { source: "^[0-9a-f]{8,}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["not anchored at the end", { source: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", want: false }],
  ["not anchored at the start", { source: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["anchors bound to one alternative each", { source: "^00000000-0000-0000-0000-000000000000|x$", want: false }],
  ["case-insensitive flag", { source: SPEC_UUID, flags: "i", want: false }],
  ["multiline flag", { source: SPEC_UUID, flags: "m", want: false }],
  ["any character", { source: "^[0-9a-f]{8}.[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["a negated class", { source: "^[^g-z]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["an optional prefix", { source: "^(?:urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["a lookahead", { source: "^(?=[0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["a backreference", { source: "^([0-9a-f]{8})-\\1$", want: false }],
  ["\\w (underscore and letters past f)", { source: "^\\w{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["an empty alternative", { source: "^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|)$", want: false }],
  ["too many shapes to list (2^12 alternatives)", { source: "^(?:[0-9a-f]|0){8}-(?:[0-9a-f]|0){4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
  ["a pattern that is not a valid one", { source: "^[0-9a-f", want: false }],
  // Without the u flag V8 reads [0-\d] as 0, - and the digits: not the range 0–0.
  ["a range ending in a class escape", { source: "^[0-\\d]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", want: false }],
];

describe("impliesFormat: uuid", () => {
  it.each(CASES)("%s", (_name, { source, flags, want }) => {
    expect(impliesFormat("uuid", source, flags)).toBe(want);
  });

  it("formats it cannot prove anything for are never implied", () => {
    expect(impliesFormat("email", "^a@b\\.co$")).toBe(false);
    expect(impliesFormat("date-time", "^2026-04-20T15:00:00Z$")).toBe(false);
    expect(impliesFormat("toString", SPEC_UUID, "u")).toBe(false);
  });
});

/** A string of the shape, one character drawn from each position's set. */
const sample = (shape: Shape) => fc.tuple(...shape.map((set) => fc.constantFrom(...set))).map((chars) => chars.join(""));
const inShape = (value: string, shapes: Shape[]) => shapes.some((shape) => shape.length === value.length && shape.every((set, i) => set.has(value[i]!)));
const uuidFormat = fullFormats.uuid as RegExp;

describe("fixedShapes reads exactly what the regex accepts", () => {
  const read = CASES.filter(([, c]) => c.want).map(([name, c]) => [name, c] as const);

  it.each(read)("%s: every sampled string is accepted by the pattern and the format; strings near them are in a shape exactly when the pattern accepts them", (_name, { source, flags }) => {
    const regex = new RegExp(source, flags);
    const shapes = fixedShapes(source, flags)!;
    expect(shapes.length).toBeGreaterThan(0);
    const edits = fc.oneof(
      fc.record({ kind: fc.constant("replace"), at: fc.nat(40), c: fc.constantFrom(..."0123456789abcdefABCDEFgzG-_:{ ") }),
      fc.record({ kind: fc.constant("insert"), at: fc.nat(40), c: fc.constantFrom(..."0aF-") }),
      fc.record({ kind: fc.constant("remove"), at: fc.nat(40), c: fc.constant("") }),
    );
    const nearby = fc.integer({ min: 0, max: shapes.length - 1 }).chain((k) => fc.tuple(sample(shapes[k]!), edits));
    fc.assert(
      fc.property(nearby, ([value, edit]) => {
        expect(regex.test(value)).toBe(true);
        expect(uuidFormat.test(value)).toBe(true);
        const at = edit.at % (value.length + 1);
        const edited = edit.kind === "replace" ? value.slice(0, at) + edit.c + value.slice(at + 1) : edit.kind === "insert" ? value.slice(0, at) + edit.c + value.slice(at) : value.slice(0, at) + value.slice(at + 1);
        expect(inShape(edited, shapes)).toBe(regex.test(edited));
        if (regex.test(edited)) expect(uuidFormat.test(edited)).toBe(true);
      }),
      { seed: 20261127, numRuns: 2000 },
    );
  });

  // Read as "not understood" (null), never as some other set of characters: a reader that took `[^a]`
  // for the set {^, a}, or skipped a range written backwards, would prove implications for other formats wrongly.
  it.each([
    ["a negated class", "^[^a]$"],
    ["a range written backwards", "^[f-a0]$"],
    ["a range ending in a class escape", "^[0-\\d]$"],
    ["any character", "^a.b$"],
  ])("%s is not read: %s", (_name, source) => {
    expect(fixedShapes(source)).toBeNull();
  });

  it("a class with a range, an escape and a literal hyphen at either end", () => {
    expect(fixedShapes("^[-a-c\\d]$")!.map((shape) => shape.map((set) => [...set].sort().join("")))).toEqual([["-0123456789abc"]]);
    expect(fixedShapes("^[a-]x{2}$")!.map((shape) => shape.map((set) => [...set].sort().join("")))).toEqual([["-a", "x", "x"]]);
    // A class escape before a hyphen is no range's start: [\d-f] is the digits, - and f (as V8 reads it without the u flag).
    expect(fixedShapes("^[\\d-f]$")!.map((shape) => shape.map((set) => [...set].sort().join("")))).toEqual([["-0123456789f"]]);
    expect(["-", "5", "f", "e"].map((c) => /^[\d-f]$/.test(c))).toEqual([true, true, true, false]);
    expect(fixedShapes("^(?:ab|c){2}$")!.map((shape) => shape.map((set) => [...set][0]).join(""))).toEqual(["abab", "abc", "cab", "cc"]);
  });
});
