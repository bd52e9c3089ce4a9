// The format checks inlined into generated/validators.js (scripts/runtime/formats.js) give the
// same verdict as ajv-formats' own "full" formats, on fixed edge cases and on random values; every
// format ajv-formats defines as code is ported; and only the formats a spec uses are inlined.
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module without declarations
import { formats } from "../../scripts/runtime/formats.js";
// @ts-expect-error plain JS module without declarations
import { formatsSource, portedFormats } from "../../scripts/lib/formats-source.mjs";
// @ts-expect-error plain JS module without declarations
import { ucs2length } from "../../scripts/runtime/ucs2length.js";

type Check = (s: unknown) => boolean;
type Def = Check | { type: string; validate: Check };
const ours = formats as Record<string, Def>;
const checkOf = (def: Def): Check => (typeof def === "function" ? def : def.validate);
const typeOf = (def: unknown): string => (def && typeof def === "object" && !(def instanceof RegExp) ? (def as { type?: string }).type ?? "string" : "string");
function reference(name: string): Check {
  const def = (fullFormats as Record<string, unknown>)[name];
  if (typeof def === "function") return def as Check;
  if (def instanceof RegExp) return (s) => def.test(s as string);
  return (def as { validate: Check }).validate;
}

const dates = ["2026-04-22", "2024-02-29", "2026-02-29", "1900-02-29", "2000-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-00", "2026-4-22", "", "20260422", "2026-04-22T00:00:00Z"];
const times = ["09:12:00Z", "09:12:00z", "09:12:00", "09:12:00.123+02:00", "09:12:00+0200", "24:00:00Z", "23:59:60Z", "23:59:60+01:00", "22:59:60-01:00", "09:12:00+24:00", "09:12:00+23:60", "9:12:00Z", "", "23:59:60"];
const numbers = [0, -0, 1, -1, 1.5, 2147483647, 2147483648, -2147483648, -2147483649, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), 1e300, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, 0.1 + 0.2];
const edgeCases: Record<string, unknown[]> = {
  date: dates,
  time: times,
  "iso-time": times,
  "date-time": [
    "2026-04-22T09:12:00Z", "2026-04-22t09:12:00z", "2026-04-22 09:12:00Z", "2026-04-22T09:12:00", "2026-04-22T09:12:00.123+02:00",
    "2026-04-22T09:12:00+0200", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-04-22T24:00:00Z", "2026-04-22T23:59:60Z",
    "2026-04-22T23:59:60+01:00", "2026-04-22T22:59:60-01:00", "2026-04-22T09:12:00+24:00", "2026-04-22T09:12:00+23:60", "",
    "2026-04-22", "T09:12:00Z", "2026-04-22TT09:12:00Z",
  ],
  "iso-date-time": ["2026-04-22T09:12:00Z", "2026-04-22T09:12:00", "2026-04-22 09:12:00", "2026-04-22T24:00:00", "2026-02-30T00:00:00", "2026-04-22", ""],
  uri: [
    "https://linkedin.com/in/jane", "http://[::1]:8080/a?b#c", "mailto:jane@example.com", "urn:isbn:0451450523", "linkedin.com/in/jane",
    "//example.com", "https://exa mple.com", "https://example.com/%zz", "a:b", "", "http://user@host/path", "HTTPS://EXAMPLE.COM",
  ],
  regex: ["", "a+", "^[a-z]$", "(", "[", "a\\Z", "\\Z", "x\\\\Z", "(?<n>a)\\k<n>", "a{2,1}", "\\p{L}", "*"],
  byte: ["", "QQ==", "QUI=", "QUJD", "QUJDRA==", "QQ=", "Q", "QUJD\nQUJD", "QUJD====", "QU JD", "ab+/", "ab-_"],
  int32: numbers,
  int64: numbers,
  float: numbers,
  double: numbers,
};

/** A random value of the kind the format checks. */
function arbitraryFor(name: string): fc.Arbitrary<unknown> {
  if (typeOf(ours[name]) === "number") {
    return fc.oneof(fc.integer({ min: -(2 ** 31) - 5, max: 2 ** 31 + 5 }), fc.double(), fc.integer().map((n) => n * 2 ** 30), fc.constantFrom(...numbers));
  }
  const alphabets: Record<string, string> = {
    date: "0123456789-", time: "0123456789:.Zz+- ", "iso-time": "0123456789:.Zz+- ", "date-time": "0123456789-:TtZz+. ", "iso-date-time": "0123456789-:TtZz+. ",
    regex: "a\\Z()[]{}*+?^$|.,0123", byte: "ABCabc012+/=\n ",
  };
  const alphabet = alphabets[name] ?? "abcHT:/?#[]@!$&'()*+,;=%0123456789.-_~ ";
  const chars = fc.constantFrom(...alphabet.split(""));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, mo, d]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}`);
  const time = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom("Z", "z", "", "+01:00", "-23:59", "+24:00", ".5Z")).map(([h, mi, s, z]) => `${pad(h)}:${pad(mi)}:${pad(s)}${z}`);
  const structured: Record<string, fc.Arbitrary<string>> = {
    date, time, "iso-time": time,
    "date-time": fc.tuple(date, fc.constantFrom("T", "t", " "), time).map((p) => p.join("")),
    "iso-date-time": fc.tuple(date, fc.constantFrom("T", "t", " "), time).map((p) => p.join("")),
    byte: fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b).toString("base64")),
  };
  const fallback = fc.tuple(fc.constantFrom("https://", "http://", "mailto:", "", "//", "a:"), fc.string({ unit: chars, maxLength: 30 })).map(([a, b]) => a + b);
  return fc.oneof(fc.string({ unit: chars, maxLength: 30 }), structured[name] ?? fallback, fc.string());
}

describe.each(Object.keys(ours))("format %s", (name) => {
  const ref = reference(name);
  const check = checkOf(ours[name]!);
  it("applies to the same type as ajv-formats'", () => {
    expect(typeOf(ours[name])).toBe(typeOf((fullFormats as Record<string, unknown>)[name]));
  });
  it.each((edgeCases[name] ?? []).map((v) => [v]))("edge case %j", (value) => {
    expect(check(value)).toBe(ref(value));
  });
  it("agrees with ajv-formats on random values", () => {
    fc.assert(fc.property(arbitraryFor(name), (value) => check(value) === ref(value)), { numRuns: 3000 });
  });
});

describe("ported formats", () => {
  it("every format ajv-formats' full mode defines as code (not a RegExp, not `true`) is ported", () => {
    const code = Object.entries(fullFormats).filter(([, def]) => def !== true && !(def instanceof RegExp)).map(([name]) => name).sort();
    expect(Object.keys(ours).sort()).toEqual(code);
    expect([...portedFormats()].sort()).toEqual(code);
  });

  it("inlines only the formats used, and what they reach", () => {
    const src: string = formatsSource(["date-time", "uri"]);
    expect(src).toMatch(/\bfunction dateTime\(/);
    expect(src).toMatch(/\bfunction fullDate\(/);
    expect(src).toMatch(/\bfunction uri\(/);
    for (const absent of ["int32", "int64", "regex", "byte", "isoTime", "isoDateTime", "Z_ANCHOR", "BYTE", "anyNumber"]) expect(src).not.toMatch(new RegExp(`\\b${absent}\\b`));
    expect(formatsSource(["int64"])).not.toMatch(/URI|DATE|isLeapYear/);
    expect(src).not.toMatch(/\bexport\b/);
    expect(() => formatsSource(["no-such-format"])).toThrow(/no format no-such-format/);
  });

  it.each([[["date-time", "uri"]], [["int64", "int32", "double", "float"]], [Object.keys(ours)], [["iso-date-time"]], [["byte", "regex", "date"]]])("the inlined source of %j runs on its own and gives the same verdicts", (used) => {
    const src: string = formatsSource(used);
    const inlined = new Function(`${src}\nreturn formats;`)() as Record<string, Def>;
    expect(Object.keys(inlined).sort()).toEqual([...used].sort());
    for (const name of used) {
      expect(typeOf(inlined[name])).toBe(typeOf(ours[name]));
      for (const value of edgeCases[name] ?? []) expect(checkOf(inlined[name]!)(value), `${name} ${JSON.stringify(value)}`).toBe(reference(name)(value));
    }
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
