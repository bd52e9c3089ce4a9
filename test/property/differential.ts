// Shared body of the differential suites: our generated AJV validators against
// @cfworker/json-schema (draft 2020-12, its own formats), verdict for verdict.
import fc from "fast-check";
import { expect, it } from "vitest";
import { tally } from "../reliability/counts.js";
import { differentialArb, divergenceIn } from "./derive.js";
import { referenceValidator } from "./reference.js";
import type { Target } from "./spec.js";
import { checkOf, label } from "./targets.js";

const DIFFERENTIAL_RUNS = 10_000;

export function differential(t: Target): void {
  it(label(t), () => {
    const ours = checkOf(t);
    const reference = referenceValidator(t.schema);
    let compared = 0;
    let skipped = 0;
    let accepted = 0;
    fc.assert(
      fc.property(differentialArb(t.schema), (value) => {
        if (divergenceIn(t.schema, value)) {
          skipped++;
          return;
        }
        compared++;
        const a = ours(value).valid;
        const b = reference(value);
        if (a) accepted++;
        if (a !== b) throw new Error(`verdicts differ: puffle-api ${a ? "accepts" : "rejects"}, @cfworker/json-schema ${b ? "accepts" : "rejects"}`);
      }),
      { numRuns: DIFFERENTIAL_RUNS },
    );
    tally("differential: same verdict as @cfworker/json-schema", "inputs", compared + skipped);
    tally("differential: same verdict as @cfworker/json-schema", "compared", compared);
    tally("differential: same verdict as @cfworker/json-schema", "accepted by both", accepted);
    tally("differential: same verdict as @cfworker/json-schema", "skipped: documented format divergence", skipped);
    tally("differential: same verdict as @cfworker/json-schema", "schemas", 1);
    // The mix reaches both verdicts, and the documented exemption stays a small part of it.
    expect(accepted).toBeGreaterThan(compared / 10);
    expect(compared - accepted).toBeGreaterThan(compared / 10);
    expect(skipped).toBeLessThan((compared + skipped) / 10);
  });
}

/** One target per distinct schema: the documented error responses all share Problem. */
export function distinct(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = t.kind === "params" ? `${t.op} params` : t.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
