// normalizeRequestBody, the API's documented leniency (x-puffle-normalize): over bodies assembled
// from labelled parts (valid fields, invalid fields, unknown keys) the exact outcome is known in
// advance; over arbitrary JSON the invariants still hold, with @cfworker/json-schema as the
// independent judge of which fields are valid.
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { normalizeRequestBody, validateRequestBody } from "../../src/validators.js";
import { flushCounts, tally } from "../reliability/counts.js";
import { divergenceIn, flatten, invalidLeafArbs, looseObjectArb, unknownKey, validArb } from "./derive.js";
import { referenceValidator } from "./reference.js";
import { deref, operations, type Json, type Schema } from "./spec.js";

afterAll(() => flushCounts(import.meta.url));

const RUNS = 1000;

/** An object with these own members, `__proto__` included (as JSON.parse makes it). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * `toStrictEqual` for JSON data that may hold an own `constructor` member (draft_attachments' items
 * allow any): vitest's strict type check compares `a.constructor === b.constructor`, which fails for
 * two equal copies of `{ "constructor": {} }`; Node's isDeepStrictEqual compares prototypes instead.
 */
function expectSameJson(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
  expect(isDeepStrictEqual(actual, expected), "equal, but not strictly (prototypes, undefined members or holes)").toBe(true);
}

/** Every object and array reachable from a value (own enumerable members), the value included. */
function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
  if (value === null || typeof value !== "object" || into.has(value)) return into;
  into.add(value);
  for (const key of Object.keys(value)) objectsIn((value as Record<string, unknown>)[key], into);
  return into;
}

for (const { op, request } of operations) {
  const flat = flatten(request);
  const rule = deref<Schema>(request)["x-puffle-normalize"] as { minValidProperties: number; emptyStatus: number };
  const fields = Object.keys(flat.properties);
  const transformOf = (k: string) => deref<Schema>(flat.properties[k]!)["x-puffle-transform"] ?? (flat.properties[k] as Schema)["x-puffle-transform"];
  const fieldValid = Object.fromEntries(fields.map((k) => [k, referenceValidator(flat.properties[k]!)]));

  // A valid value, in random case when the field is lowercased on the way in.
  const validValue = (k: string): fc.Arbitrary<Json> =>
    transformOf(k) === "lowercase"
      ? fc.tuple(validArb(flat.properties[k]!), fc.constantFrom("keep", "upper", "mixed")).map(([v, c]) =>
          typeof v !== "string" ? v : c === "upper" ? v.toUpperCase() : c === "mixed" ? [...v].map((ch, i) => (i % 2 ? ch.toUpperCase() : ch)).join("") : v)
      : validArb(flat.properties[k]!);
  const invalidValue = (k: string): fc.Arbitrary<Json> => fc.oneof(...invalidLeafArbs(flat.properties[k]!).map((x) => x.arb));

  const labelled = fc
    .tuple(fc.shuffledSubarray(fields), fc.nat(), fc.uniqueArray(unknownKey(flat), { maxLength: 3 }))
    .chain(([chosen, split, unknown]) => {
      const cut = chosen.length === 0 ? 0 : split % (chosen.length + 1);
      const good = chosen.slice(0, cut);
      const bad = chosen.slice(cut);
      return fc
        .tuple(fc.tuple(...good.map(validValue)), fc.tuple(...bad.map(invalidValue)), fc.tuple(...unknown.map(() => fc.jsonValue({ maxDepth: 1 }))))
        .chain(([gv, bv, uv]) => {
          const entries: [string, unknown][] = [
            ...good.map((k, i): [string, unknown] => [k, gv[i]]),
            ...bad.map((k, i): [string, unknown] => [k, bv[i]]),
            ...unknown.map((k, i): [string, unknown] => [k, uv[i]]),
          ];
          return fc.shuffledSubarray(entries, { minLength: entries.length }).map((shuffled) => ({ body: objectOf(shuffled), good, bad, unknown }));
        });
    });

  describe(`normalizeRequestBody(${op})`, () => {
    it("keeps exactly the valid fields, drops the rest, and fails exactly when no valid field remains", () => {
      fc.assert(
        fc.property(labelled, ({ body, good, bad, unknown }) => {
          tally("normalize: exact outcome on labelled bodies", "inputs");
          const result = normalizeRequestBody(op, body);
          if (good.length < rule.minValidProperties) {
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(result.status).toBe(rule.emptyStatus);
              expect(result.errors.length).toBeGreaterThan(0);
            }
            return;
          }
          if (!result.ok) throw new Error(`rejected although ${good.join(", ")} are valid: ${JSON.stringify(result.errors)}`);
          expect(Object.keys(result.body as object).sort()).toEqual([...good].sort());
          expect([...result.dropped].sort()).toEqual([...bad, ...unknown].sort());
          for (const k of good) {
            const input = body[k];
            const output = (result.body as Record<string, unknown>)[k];
            if (transformOf(k) === "lowercase") expect(output).toBe((input as string).toLowerCase());
            else expectSameJson(output, input);
          }
        }),
        { numRuns: RUNS },
      );
    });

    const anyBody = fc.oneof(
      { weight: 3, arbitrary: labelled.map((l) => l.body as unknown) },
      { weight: 2, arbitrary: looseObjectArb(request) as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<unknown> },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...fields, "__proto__", "constructor"), fc.jsonValue({ maxDepth: 1 })), { maxLength: 5 }).map((e) => objectOf(e) as unknown) },
    );

    it("output is strictly valid, idempotent, free of unknown keys, lowercased, shares no object with its input; ok:false exactly when no field is valid (judged by @cfworker/json-schema)", () => {
      let judged = 0;
      fc.assert(
        fc.property(anyBody, (body) => {
          tally("normalize: invariants on any body", "inputs");
          const result = normalizeRequestBody(op, body);
          const isObject = body !== null && typeof body === "object" && !Array.isArray(body);
          if (isObject && !divergenceIn(request, body)) {
            judged++;
            const validFields = Object.keys(body).filter((k) => Object.hasOwn(flat.properties, k) && fieldValid[k]!((body as Record<string, unknown>)[k]));
            expect(result.ok).toBe(validFields.length >= rule.minValidProperties);
            if (result.ok) expect(Object.keys(result.body as object).sort()).toEqual(validFields.sort());
          }
          if (!isObject) expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.status).toBe(rule.emptyStatus);
            return;
          }
          const out = result.body as Record<string, unknown>;
          expect(validateRequestBody(op, out).valid).toBe(true);
          for (const k of Object.keys(out)) {
            expect(fields).toContain(k);
            expect(Object.hasOwn(body as object, k)).toBe(true);
            if (transformOf(k) === "lowercase" && typeof out[k] === "string") expect(out[k]).toBe((out[k] as string).toLowerCase());
          }
          // The kept body is the caller's own: no object or array in it is one of the input's.
          const inputs = objectsIn(body);
          for (const o of objectsIn(out)) expect(inputs.has(o), "the result shares an object with its input").toBe(false);
          const again = normalizeRequestBody(op, out);
          expectSameJson(again, { ok: true, body: out, dropped: [] });
        }),
        { numRuns: RUNS },
      );
      tally("normalize: invariants on any body", "judged by @cfworker/json-schema", judged);
      expect(judged).toBeGreaterThan(RUNS / 2);
    });
  });
}
