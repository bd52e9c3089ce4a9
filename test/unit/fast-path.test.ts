// The boolean fast path (`checks`, AJV with allErrors off) and the detailed validators of record
// (`operations`, allErrors) must give the same verdict on every input. The corpus: every example
// in generated/openapi.json (wherever it sits), each offered to every validator of an operation,
// plus mutations of each object example — every member set to values of every JSON type, to
// boundary numbers and malformed strings, removed, and an unknown member added — nested too.
import { describe, expect, it } from "vitest";
import { checks, operations } from "../../generated/validators.js";
import type { ValidateFunction } from "../../generated/validators.js";
import { validatePathParams, validateRequestBody, validateResponseBody } from "../../src/validators.js";
import { spec, type Json, type JsonObject } from "../helpers.js";

/** Every `example` / `examples` value anywhere in the bundled spec. */
function allExamples(node: Json, out: Json[] = []): Json[] {
  if (Array.isArray(node)) {
    for (const item of node) allExamples(item, out);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "example") out.push(value);
      else if (key === "examples" && Array.isArray(value)) out.push(...value);
      else if (key === "examples" && value && typeof value === "object") {
        for (const ex of Object.values(value)) if (ex && typeof ex === "object" && !Array.isArray(ex) && "value" in ex) out.push(ex.value as Json);
      }
      allExamples(value, out);
    }
  }
  return out;
}

const REPLACEMENTS: Json[] = [
  null, true, false, 0, -1, 1.5, 9007199254740991, 9007199254740992, "", "x", "ARCHIVED", "active", "archived", "draft", "deleted",
  "email", "linkedin", "not-a-uuid", "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", "f11e8a2c-1234-4567-89ab-cdef01234567",
  "2026-04-20T15:00:00Z", "2026-02-30T15:00:00Z", "sam@example.com", "Sam@Example.COM", "not an email", "https://linkedin.com/in/jane", "/relative",
  [], [{}], [1], {}, { id: "x" },
];

/** The value itself, and for an object each one-member mutation, recursively to `depth`. */
function mutations(value: Json, depth = 2): Json[] {
  const out: Json[] = [value];
  if (!value || typeof value !== "object" || depth === 0) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      for (const m of mutations(item, depth - 1).slice(1)) out.push(value.map((x, j) => (j === i ? m : x)));
    });
    out.push([...value, 1], []);
    return out;
  }
  for (const key of Object.keys(value)) {
    const { [key]: _removed, ...rest } = value;
    out.push(rest);
    for (const r of REPLACEMENTS) out.push({ ...value, [key]: r });
    for (const m of mutations(value[key]!, depth - 1).slice(1)) out.push({ ...value, [key]: m });
  }
  out.push({ ...value, unknown_member: 1 }, { ...value, ["a/b~c"]: "x" });
  return out;
}

const base: Json[] = [...allExamples(spec as JsonObject), ...REPLACEMENTS, { status: "archived" }, { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" }];
const corpus: Json[] = base.flatMap((value) => mutations(value));

type Pair = [string, ValidateFunction, ValidateFunction];
const pairs: Pair[] = [];
for (const [opId, table] of Object.entries(operations)) {
  const fast = checks[opId as keyof typeof checks];
  pairs.push([`${opId} pathParams`, table.pathParams, fast.pathParams]);
  pairs.push([`${opId} requestBody`, table.requestBody, fast.requestBody]);
  for (const [field, { validate }] of Object.entries(table.requestFields)) pairs.push([`${opId} field ${field}`, validate, (fast.requestFields as Record<string, ValidateFunction>)[field]!]);
  for (const [status, validate] of Object.entries(table.responses)) {
    const check = (fast.responses as Record<string, ValidateFunction | null>)[status];
    if (validate) pairs.push([`${opId} response ${status}`, validate, check!]);
    else expect(check).toBeNull();
  }
}

describe("fast path (checks) vs detailed validators (operations)", () => {
  it("covers a corpus with valid and invalid inputs for every validator", () => {
    expect(corpus.length).toBeGreaterThan(2000);
    for (const [name, validate] of pairs) {
      const verdicts = new Set(corpus.map((v) => validate(v)));
      expect(verdicts, name).toEqual(new Set([true, false]));
    }
  });

  it.each(pairs)("%s: same verdict on every input of the corpus", (_name, validate, check) => {
    const disagree: string[] = [];
    for (const value of corpus) {
      const detailed = validate(value);
      if (check(value) !== detailed) disagree.push(JSON.stringify(value));
      // The detailed validator reports reasons exactly when it says invalid.
      if (detailed) expect(validate.errors ?? null).toBeNull();
      else expect(validate.errors?.length).toBeGreaterThan(0);
    }
    expect(disagree).toEqual([]);
  });

  it("the public API's verdict is the detailed validator's", () => {
    for (const [opId, table] of Object.entries(operations)) {
      for (const value of corpus) {
        expect(validateRequestBody(opId, value).valid).toBe(table.requestBody(value));
        expect(validatePathParams(opId, value).valid).toBe(table.pathParams(value));
        for (const [status, validate] of Object.entries(table.responses)) {
          if (validate) expect(validateResponseBody(opId, status, value).valid).toBe(validate(value));
        }
      }
    }
  });
});
