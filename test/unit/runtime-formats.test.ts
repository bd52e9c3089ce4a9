// The format checks inlined into generated/validators.js (scripts/runtime/formats.js) give the
// same verdict as ajv-formats' own "full" formats, on fixed edge cases and on random strings.
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module without declarations
import { formats } from "../../scripts/runtime/formats.js";
// @ts-expect-error plain JS module without declarations
import { ucs2length } from "../../scripts/runtime/ucs2length.js";

type Check = (s: string) => boolean;
const ours = formats as Record<string, Check>;
function reference(name: string): Check {
  const def = (fullFormats as Record<string, unknown>)[name];
  if (typeof def === "function") return def as Check;
  if (def instanceof RegExp) return (s) => def.test(s);
  return (def as { validate: Check }).validate;
}

const edgeCases: Record<string, string[]> = {
  "date-time": [
    "2026-04-22T09:12:00Z", "2026-04-22t09:12:00z", "2026-04-22 09:12:00Z", "2026-04-22T09:12:00", "2026-04-22T09:12:00.123+02:00",
    "2026-04-22T09:12:00+0200", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-04-22T24:00:00Z", "2026-04-22T23:59:60Z",
    "2026-04-22T23:59:60+01:00", "2026-04-22T22:59:60-01:00", "2026-04-22T09:12:00+24:00", "2026-04-22T09:12:00+23:60", "",
    "2026-04-22", "T09:12:00Z", "2026-04-22TT09:12:00Z",
  ],
  uri: [
    "https://linkedin.com/in/jane", "http://[::1]:8080/a?b#c", "mailto:jane@example.com", "urn:isbn:0451450523", "linkedin.com/in/jane",
    "//example.com", "https://exa mple.com", "https://example.com/%zz", "a:b", "", "http://user@host/path", "HTTPS://EXAMPLE.COM",
  ],
};

describe.each(Object.keys(ours))("format %s", (name) => {
  const ref = reference(name);
  it.each(edgeCases[name] ?? [])("edge case %j", (value) => {
    expect(ours[name]!(value)).toBe(ref(value));
  });
  it("agrees with ajv-formats on random strings", () => {
    const alphabet = name === "date-time" ? "0123456789-:TtZz+. " : "abcHT:/?#[]@!$&'()*+,;=%0123456789.-_~ ";
    const chars = fc.constantFrom(...alphabet.split(""));
    const structured = name === "date-time"
      ? fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom("Z", "z", "", "+01:00", "-23:59", "+24:00"))
        .map(([y, mo, d, h, mi, s, z]) => `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:${String(s).padStart(2, "0")}${z}`)
      : fc.tuple(fc.constantFrom("https://", "http://", "mailto:", "", "//", "a:"), fc.string({ unit: chars, maxLength: 30 })).map(([a, b]) => a + b);
    fc.assert(fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 30 }), structured, fc.string()), (value) => ours[name]!(value) === ref(value)), { numRuns: 3000 });
  });
});

describe("ucs2length", () => {
  it.each([
    ["", 0], ["abc", 3], ["é", 1], ["😀", 1], ["a😀b", 3], ["\ud83d", 1], ["\ude00", 1], ["\ud83d\ud83d", 2],
  ] as const)("%j has %i code points", (value, want) => {
    expect(ucs2length(value)).toBe(want);
    expect(ucs2length(value)).toBe([...value].length);
  });
});
