// The operations' generated validators (scripts/lib/validators.mjs: AJV's standalone code,
// post-processed to build our issues directly) against the validators of record as AJV itself
// compiles them at run time from the same prepared schemas (allErrors, AJV error objects), mapped
// by `toIssues`: the same verdict and the same issues, in the same order, on every input. The
// corpus: every example in generated/openapi.json (wherever it sits), each offered to every
// validator of an operation, plus mutations of each object example — every member set to values of
// every JSON type, to boundary numbers and malformed strings, removed, and an unknown member added
// — nested too.
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as generated from "../../generated/validators.js";
import { checkPathParams, checkRequestBody, checkResponseBody, operations } from "../../generated/validators.js";
import {
  normalizeRequestBody,
  schemas,
  toIssues,
  validatePathParams,
  validateRequestBody,
  validateResponseBody,
  validateUpdateConversationRequest,
  validateUpdateConversationResponse,
  validateUpdateThreadRequest,
  validateUpdateThreadResponse,
} from "../../src/validators.js";
import { root, spec, type Json, type JsonObject } from "../helpers.js";
import { AJV_TYPE_LIST, expectSameIssues, mutations, type AjvFunction, type Pair } from "../issues-differential.js";

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
  // UUIDs the spec's patterns and the uuid format see differently (the format is checked only where a pattern implying it failed):
  "urn:uuid:3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", "3D986DD1-9D70-45B7-8E36-5D5B8B1C9337", "3d986dd1-9d70-95b7-8e36-5d5b8b1c9337",
  "00000000-0000-0000-0000-000000000000", "3d986dd1-9d70-45b7-8e36-5d5b8b1c933g", "3d986dd19d7045b78e365d5b8b1c9337",
  "2026-04-20T15:00:00Z", "2026-02-30T15:00:00Z", "sam@example.com", "Sam@Example.COM", "not an email", "https://linkedin.com/in/jane", "/relative",
  [], [{}], [1], {}, { id: "x" },
];

const base: Json[] = [...allExamples(spec as JsonObject), ...REPLACEMENTS, { status: "archived" }, { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" }];
/**
 * Objects JSON cannot make, where counting keys differs by method (the generated minProperties
 * counts own enumerable keys with for-in; AJV with Object.keys): inherited and non-enumerable keys.
 */
const exotic: Json[] = [
  Object.create({ status: "archived" }) as Json,
  Object.defineProperty({}, "status", { value: "archived", enumerable: false }) as Json,
  Object.assign(Object.create({ unread_count: 1 }), { status: "archived" }) as Json,
  Object.assign(Object.create(null), { status: "archived" }) as Json,
  Object.create({ bogus: 1 }) as Json,
  Object.assign(Object.create({ bogus: 1 }), { draft_to: "x" }) as Json,
];
const corpus: Json[] = [...base.flatMap((value) => mutations(value, 2, REPLACEMENTS)), ...exotic];

interface Reference {
  pathParams: AjvFunction;
  requestBody: AjvFunction;
  requestFields: Record<string, AjvFunction>;
  responses: Record<string, AjvFunction | null>;
}
// A path TypeScript does not resolve: the pipeline's modules are plain .mjs without declarations.
const validatorsModule = path.join(root, "scripts/lib/validators.mjs");
const { referenceValidators, referenceComponentValidators } = (await import(validatorsModule)) as {
  referenceValidators: (doc: unknown, options: { root: string }) => Record<string, Reference>;
  referenceComponentValidators: (doc: unknown, options: { root: string }) => Record<string, AjvFunction>;
};
const reference = referenceValidators(spec, { root: path.join(root, "openapi/openapi.yaml") });
const componentReference = referenceComponentValidators(spec, { root: path.join(root, "openapi/openapi.yaml") });

const pairs: Pair[] = [];
for (const [opId, table] of Object.entries(operations)) {
  const ref = reference[opId]!;
  pairs.push([`${opId} pathParams`, table.pathParams, ref.pathParams]);
  pairs.push([`${opId} requestBody`, table.requestBody, ref.requestBody]);
  for (const [field, { validate }] of Object.entries(table.requestFields)) pairs.push([`${opId} field ${field}`, validate, ref.requestFields[field]!]);
  for (const [status, validate] of Object.entries(table.responses)) {
    const of = ref.responses[status];
    if (validate) pairs.push([`${opId} response ${status}`, validate, of!]);
    else expect(of).toBeNull();
  }
}


describe("generated issue-building validators vs AJV's own (toIssues)", () => {
  it("covers a corpus with valid and invalid inputs for every validator", () => {
    expect(corpus.length).toBeGreaterThan(2000);
    expect(pairs.length).toBeGreaterThan(20);
    for (const [name, validate] of pairs) {
      const verdicts = new Set(corpus.map((v) => validate(v)));
      expect(verdicts, name).toEqual(new Set([true, false]));
    }
  });

  it.each(pairs)("%s: same verdict and the same issues on every input of the corpus", (_name, validate, ajv) => expectSameIssues(validate, ajv, corpus));

  it("the corpus reaches every nullable field's type issue, in English (`must be string or null`), never AJV's `must be string,null`", () => {
    const typeMessages = new Set<string>();
    for (const [, validate] of pairs) {
      for (const value of corpus) {
        if (validate(value)) continue;
        for (const issue of validate.errors ?? []) if (issue.keyword === "type") typeMessages.add(issue.message);
      }
    }
    expect(typeMessages).toContain("must be string or null");
    expect(typeMessages).toContain("must be array or null");
    expect(typeMessages).toContain("must be string");
    expect([...typeMessages].filter((message) => AJV_TYPE_LIST.test(message))).toEqual([]);
  });

  it("the public API reports what toIssues makes of AJV's errors", () => {
    const expected = (ajv: AjvFunction, value: unknown) => (ajv(value) ? { valid: true, value } : { valid: false, errors: toIssues(ajv.errors) });
    for (const [opId, ref] of Object.entries(reference)) {
      for (const value of corpus) {
        expect(validateRequestBody(opId, value)).toEqual(expected(ref.requestBody, value));
        expect(validatePathParams(opId, value)).toEqual(expected(ref.pathParams, value));
        for (const [status, ajv] of Object.entries(ref.responses)) {
          if (ajv) expect(validateResponseBody(opId, status, value)).toEqual(expected(ajv, value));
        }
      }
    }
  });

  it("each operation's own entries (checkUpdateThreadRequest, checkUpdateThreadResponse409, …) return what the generic ones do", () => {
    const generic = new Set(["checkRequestBody", "checkPathParams", "checkResponseBody"]);
    const own = Object.entries(generated).filter(([name]) => name.startsWith("check") && !generic.has(name)) as [string, (value: unknown) => unknown][];
    const expected: string[] = [];
    // Wider than the generated types (every operation here has a body and every response one): the rule is general.
    for (const [opId, table] of Object.entries(operations) as [string, { requestBody: unknown; responses: Record<string, unknown> }][]) {
      const base = opId[0]!.toUpperCase() + opId.slice(1);
      const cases: [string, (value: unknown) => unknown][] = [[`check${base}Params`, (v) => checkPathParams(opId, v)]];
      if (table.requestBody) cases.push([`check${base}Request`, (v) => checkRequestBody(opId, v)]);
      for (const [status, validate] of Object.entries(table.responses)) if (validate) cases.push([`check${base}Response${status}`, (v) => checkResponseBody(opId, status, v)]);
      for (const [name, want] of cases) {
        expected.push(name);
        const fn = own.find(([n]) => n === name)?.[1];
        expect(fn, name).toBeTypeOf("function");
        for (const value of corpus) expect(fn!(value)).toEqual(want(value));
      }
    }
    expect(own.map(([n]) => n).sort()).toEqual(expected.sort());
  });

  it("the public per-operation validators return what validateRequestBody / validateResponseBody do", () => {
    const table: [string, (v: unknown) => unknown, (v: unknown) => unknown][] = [
      ["validateUpdateConversationRequest", validateUpdateConversationRequest, (v) => validateRequestBody("updateConversation", v)],
      ["validateUpdateThreadRequest", validateUpdateThreadRequest, (v) => validateRequestBody("updateThread", v)],
      ["validateUpdateConversationResponse", validateUpdateConversationResponse, (v) => validateResponseBody("updateConversation", 200, v)],
      ["validateUpdateThreadResponse", validateUpdateThreadResponse, (v) => validateResponseBody("updateThread", 200, v)],
    ];
    for (const [name, own, generic] of table) {
      const verdicts = new Set<boolean>();
      for (const value of corpus) {
        const got = own(value) as { valid: boolean };
        verdicts.add(got.valid);
        expect(got, name).toEqual(generic(value));
      }
      expect(verdicts, name).toEqual(new Set([true, false]));
    }
  });

  it("normalizeRequestBody words a dropped field's issues as toIssues does, under the field's path", () => {
    for (const [opId, ref] of Object.entries(reference)) {
      for (const [field, ajv] of Object.entries(ref.requestFields)) {
        for (const value of corpus) {
          if (ajv(value)) continue;
          const result = normalizeRequestBody(opId, { [field]: value });
          expect(result.ok).toBe(false);
          if (!result.ok) {
            const issues = toIssues(ajv.errors, `/${field}`);
            expect(result.errors.slice(0, issues.length)).toEqual(issues);
          }
        }
      }
    }
  });
});

describe("the component validators (`schemas`) vs AJV's own", () => {
  const names = Object.keys(componentReference);

  it("one for every component schema", () => {
    expect(Object.keys(schemas).sort()).toEqual([...names].sort());
  });

  // AJV's standalone code, where only a format implied by a pattern is checked after the pattern
  // failed (UUIDs): the same verdicts and the same AJV error objects.
  it.each(names)("%s: same verdict and the same errors on every input of the corpus", (name) => {
    const validate = schemas[name as keyof typeof schemas];
    const ajv = componentReference[name]!;
    for (const value of corpus) {
      const verdict = ajv(value);
      expect(validate(value), JSON.stringify(value)).toBe(verdict);
      expect(validate.errors ?? null, JSON.stringify(value)).toEqual(ajv.errors ?? null);
    }
  });
});
