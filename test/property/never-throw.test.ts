// No validator throws, whatever JSON value it is given: arbitrary JSON, objects with
// `__proto__`/`constructor` members, objects without a prototype, values of the schema's own shape
// with hostile members. Every generated validate function is called directly too (schemas,
// request fields, responses), not only through src/validators.ts.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { operations as tables, schemas } from "../../generated/validators.js";
import { normalizeRequestBody, operationIds, validatePathParams, validateRequestBody, validateResponseBody } from "../../src/validators.js";
import { flushCounts, tally } from "../reliability/counts.js";
import { looseObjectArb } from "./derive.js";
import { operations, type Schema } from "./spec.js";

afterAll(() => flushCounts(import.meta.url));

const RUNS = 500;
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "then", "length", "0", ""];

function objectOf(entries: [string, unknown][], nullProto: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = nullProto ? Object.create(null) : {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 }));
const hostile: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, NaN, Infinity, -0, 2 ** 53, -(2 ** 53), 1e308, "", "\u0000", "\uD800"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.tuple(fc.array(fc.tuple(key, tie("value")), { maxLength: 5 }), fc.boolean()).map(([e, np]) => objectOf(e, np)),
  ),
})).value;

const shaped = (schema: Schema) => fc.oneof(looseObjectArb(schema) as fc.Arbitrary<unknown>, fc.tuple(looseObjectArb(schema), fc.array(fc.tuple(key, hostile), { maxLength: 3 })).map(([o, extra]) => objectOf([...Object.entries(o as object), ...extra], false)));

describe("validators never throw", () => {
  it("generated validate functions (schemas, request fields, responses, path params)", () => {
    const fns: [string, (v: unknown) => unknown][] = [
      ...Object.entries(schemas).map(([n, f]): [string, (v: unknown) => unknown] => [`schemas.${n}`, f]),
      ...Object.entries(tables).flatMap(([op, t]) => [
        [`${op}.pathParams`, t.pathParams] as [string, (v: unknown) => unknown],
        ...(t.requestBody ? [[`${op}.requestBody`, t.requestBody] as [string, (v: unknown) => unknown]] : []),
        ...Object.entries(t.requestFields).map(([f, r]): [string, (v: unknown) => unknown] => [`${op}.requestFields.${f}`, r.validate]),
        ...Object.entries(t.responses).filter(([, f]) => f).map(([s, f]): [string, (v: unknown) => unknown] => [`${op}.responses.${s}`, f as (v: unknown) => unknown]),
      ]),
    ];
    fc.assert(
      fc.property(hostile, (value) => {
        for (const [, fn] of fns) {
          tally("validators never throw", "calls");
          expect(typeof fn(value)).toBe("boolean");
        }
      }),
      { numRuns: RUNS },
    );
    tally("validators never throw", "inputs", RUNS);
  });

  for (const op of operationIds) {
    it(`public API of ${op}`, () => {
      const statuses = Object.keys(tables[op].responses);
      const requestSchema = operations.find((o) => o.op === op)!.request;
      fc.assert(
        fc.property(fc.oneof(hostile, shaped(requestSchema)), fc.constantFrom(...statuses, "999", 200), (value, status) => {
          tally("validators never throw", "inputs");
          const results = [validateRequestBody(op, value), validateResponseBody(op, status as never, value), validatePathParams(op, value), validatePathParams(op, { id: value })];
          for (const r of results) {
            expect(typeof r.valid).toBe("boolean");
            if (!r.valid) for (const e of r.errors) expect(typeof e.path === "string" && typeof e.keyword === "string" && typeof e.message === "string").toBe(true);
          }
          const n = normalizeRequestBody(op, value);
          expect(typeof n.ok).toBe("boolean");
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("unknown operation ids are answered, not thrown", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString")), hostile, (op, value) => {
        tally("validators never throw", "inputs");
        expect(validateRequestBody(op, value).valid).toBe(false);
        expect(normalizeRequestBody(op, value).ok).toBe(false);
        expect(validateResponseBody(op, 200, value).valid).toBe(false);
        expect(validatePathParams(op, value).valid).toBe(false);
      }),
      { numRuns: 200, examples: [["__proto__", {}], ["constructor", { status: "active" }], ["toString", null]] },
    );
  });
});
