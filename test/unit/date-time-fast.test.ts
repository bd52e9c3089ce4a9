// scripts/runtime/formats.js answers the common date-time shape by character codes before the
// general check ported from ajv-formats: the verdict must stay ajv-formats' own on every string.
// The corpus: RFC 3339 date-times at every boundary (months, days, leap years, hours, minutes,
// seconds, leap seconds, fractions, offsets, separators), and random edits of them.
import { describe, expect, it } from "vitest";
import { fullFormats } from "ajv-formats/dist/formats.js";
// @ts-expect-error plain JS module without declarations
import { formats } from "../../scripts/runtime/formats.js";
import { randomEdits, seededRandom } from "../helpers.js";

const reference = fullFormats["date-time"] as { validate: (s: string) => boolean } | ((s: string) => boolean);
const theirs = typeof reference === "function" ? reference : reference.validate;
const ours = formats["date-time"] as (s: string) => boolean;

const pad = (n: number) => String(n).padStart(2, "0");
const corpus: string[] = [];
for (const year of ["0000", "1900", "2000", "2023", "2024", "9999"]) {
  for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) corpus.push(`${year}-${pad(month)}-${pad(day)}T12:00:00Z`);
}
for (let hour = 0; hour <= 25; hour++) {
  for (const minute of [0, 1, 58, 59, 60, 61]) {
    for (const second of ["00", "59", "60", "61", "59.999", "60.5"]) {
      for (const zone of ["Z", "z", "+00:00", "-00:00", "+01:00", "-01:30", "+23:59", "+24:00", "+23:60", "+0100", "+01", ""]) {
        corpus.push(`2026-06-30T${pad(hour)}:${pad(minute)}:${second}${zone}`);
      }
    }
  }
}
const seeds = ["2026-04-20T15:00:00Z", "2024-02-29T23:59:59.999+14:00", "2000-02-29t00:00:00z", "2026-12-31T23:59:60Z", "2026-01-01 10:00:00Z", "2026-04-20T15:00:00.Z", "2026-04-20T15:00:00"];
corpus.push(...seeds, "", "T", "2026-04-20T15:00:00Z ", " 2026-04-20T15:00:00Z", "2026-04-20\u00a015:00:00Z", "２026-04-20T15:00:00Z");
const random = seededRandom(5);
const alphabet = "0123456789-:TtZz+. \u00a0x";
for (const seed of seeds) corpus.push(...randomEdits(seed, alphabet, 3000, random));

describe("date-time: the character-code fast path", () => {
  it("gives ajv-formats' verdict on every string of the corpus", () => {
    const differ = corpus.filter((s) => ours(s) !== theirs(s));
    expect(differ).toEqual([]);
    const verdicts = corpus.map(ours);
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(1000);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(1000);
  });
});
