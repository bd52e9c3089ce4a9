// Every value derived from a schema validates; every single defect (a bound, an enum, a type, a
// format or pattern, a null where none is allowed, a missing required or an unknown member) is
// rejected with an error whose `path` names the broken field.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { flushCounts, tally } from "../reliability/counts.js";
import { spec } from "../helpers.js";
import { invalidLeafArbs, mutatedArb, pointer, validArb } from "./derive.js";
import type { Schema } from "./spec.js";
import { allTargets, checkOf, label } from "./targets.js";

afterAll(() => flushCounts(import.meta.url));

const VALID_RUNS = 300;
const MUTATION_RUNS = 600;

describe("derived valid values validate", () => {
  for (const t of allTargets) {
    it(label(t), () => {
      const check = checkOf(t);
      fc.assert(
        fc.property(validArb(t.schema), (value) => {
          tally("valid values validate", "inputs");
          const result = check(value);
          if (!result.valid) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
          expect(result.value).toBe(value);
        }),
        { numRuns: VALID_RUNS },
      );
    });
  }
});

describe("single-field mutations are rejected at that field", () => {
  for (const t of allTargets) {
    it(label(t), () => {
      const check = checkOf(t);
      const seen = new Set<string>();
      fc.assert(
        fc.property(mutatedArb(t.schema), ({ value, at, keyword }) => {
          tally("mutations rejected at their field", "inputs");
          tally("mutations rejected at their field", `keyword ${keyword}`);
          seen.add(keyword);
          const result = check(value);
          const where = pointer(at);
          if (result.valid) throw new Error(`accepted a value broken at ${where} (${keyword})`);
          const named = result.errors.some((e) => e.path === where || e.path.startsWith(`${where}/`));
          if (!named) throw new Error(`no error names ${where} (${keyword}): ${JSON.stringify(result.errors)}`);
        }),
        { numRuns: MUTATION_RUNS },
      );
      // The generator reached more than one kind of defect for every schema.
      expect(seen.size).toBeGreaterThan(1);
    });
  }
});

// A pattern that does not imply its format (date-time's is RFC 3339's grammar: month 13, Feb 30 and
// hour 24 match it) leaves the format's own defects to the mutations; with the pattern's mutations
// alone, a validator that dropped the format where a pattern is given passed every test here.
describe("a date-time column's mutations include the defects its pattern lets through", () => {
  it.each(["created_at", "updated_at", "last_message_at"])("ConversationRow.%s: format defects, some matching the pattern", (field) => {
    const schema = (spec.components as { schemas: Record<string, { properties: Record<string, Schema & { pattern?: string }> }> }).schemas.ConversationRow!.properties[field]!;
    expect(schema.pattern, "the column carries RFC 3339's grammar as a pattern").toBeDefined();
    const arbs = invalidLeafArbs(schema);
    expect(arbs.map((a) => a.keyword)).toEqual(expect.arrayContaining(["pattern", "format"]));
    const samples = fc.sample(arbs.find((a) => a.keyword === "format")!.arb, { numRuns: 60, seed: 1 }) as string[];
    expect(samples.some((s) => new RegExp(schema.pattern!, "u").test(s)), "a format defect the pattern does not catch (month 13)").toBe(true);
  });
});
