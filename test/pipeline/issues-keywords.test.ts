// The validators step's post-processing of AJV's code (scripts/lib/validators.mjs, issueCode) on
// every keyword an OpenAPI 3.1 schema may use, not only the few our spec uses: a fixture spec
// (fixtures/keywords.openapi.json: anyOf, oneOf, not, if/then/else, const, enum, type arrays of one and two types,
// multipleOf, minimum/maximum/exclusive*, min/maxLength, pattern, format, min/maxItems,
// uniqueItems, contains/minContains/maxContains, prefixItems/items, min/maxProperties, required,
// dependentRequired, dependentSchemas, propertyNames, additionalProperties, patternProperties,
// a recursive $ref, a field name a URN cannot hold as it is) goes through the step, and its
// generated validators are held to AJV's runtime compile of the same schemas, mapped by `toIssues`:
// the same verdict and the same issues, in the same order, on valid inputs and on mutations of them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { IssueFunction } from "../../generated/validators.js";
import { root, type Json } from "../helpers.js";
import { expectSameIssues, fixtureValidators, mutations, type AjvFunction, type Pair } from "../issues-differential.js";

const fixture = path.join(root, "test/pipeline/fixtures/keywords.openapi.json");
const doc = JSON.parse(fs.readFileSync(fixture, "utf8")) as Json;

const { file: generatedFile, operations, reference } = await fixtureValidators(doc, "puffle-keywords-", fixture);

const pairs: Pair[] = [];
for (const [opId, table] of Object.entries(operations)) {
  const ref = reference[opId]!;
  pairs.push([`${opId} pathParams`, table.pathParams, ref.pathParams]);
  pairs.push([`${opId} requestBody`, table.requestBody!, ref.requestBody!]);
  for (const [field, entry] of Object.entries(table.requestFields)) {
    pairs.push([`${opId} field ${field}`, (entry as { validate: IssueFunction }).validate, ref.requestFields[field] as AjvFunction]);
  }
  for (const [status, validate] of Object.entries(table.responses)) {
    if (validate) pairs.push([`${opId} response ${status}`, validate, ref.responses[status]!]);
    else expect(ref.responses[status]).toBeNull();
  }
}

const UUID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const NODE: Json = { name: "ab", children: [{ name: "c", children: [{ name: "d" }] }, { name: "e" }] };
const SEEDS: Json[] = [
  { id: UUID, slot: "12" },
  { node: NODE, shape: { kind: "circle", r: 1 }, contact: "a@b.co", label: "hi", rule: { mode: "a", a: 1 }, tags: ["x", "y"], pair: [UUID, 1] },
  { map: { n_a: 1, b: "s", c: "q", d: "dd" }, status: null, count: 4, ratio: 0.5, at: "2026-04-20T15:00:00Z", version: 2, meta: { k: [1, "v"] }, "a~b": true },
  { contact: { name: "x" }, rule: { mode: "b", b: "xy" }, tags: ["x", "x"], map: { a: "1", b: "2" }, status: "open", count: null, solo: true },
  NODE,
  [{ kind: "circle", r: 2 }, { kind: "square", side: 3 }, { side: 3 }],
  { "a/b~c": 1, code: "bad" },
  { ref_id: UUID, loose_id: UUID },
];
const REPLACEMENTS: Json[] = [
  null, true, false, 0, -1, 1, 2, 3, 0.5, 1.5, 4.5, 11, 99, 100, 9007199254740992, "", "x", "a", "ab", "abcdef", "ABC", "none", "open", "closed",
  "circle", "square", "a@b.co", "not an email", "averyveryverylongname@example.com", UUID, "not-a-uuid", "2026-04-20T15:00:00Z", "2026-02-30T15:00:00Z",
  `urn:uuid:${UUID}`, UUID.toUpperCase(), `${UUID.slice(0, -1)}z`, "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "1234", "\u{1F600}\u{1F600}",
  [], ["x"], ["x", "x"], ["x", "x", "x"], ["y"], ["x", "a/b"], ["x", "q"], [UUID], [UUID, 1], [UUID, 1, true], [UUID, "1"], [1, 2, 3, 4, 5],
  {}, { kind: "circle", r: 1 }, { kind: "square", side: 3 }, { kind: "square", side: 11 }, { side: 3 }, { kind: "square", side: 3, r: 1 }, { kind: "circle", r: 0 },
  { name: "a" }, { name: "a", children: [{ name: "B" }] }, { name: "a", children: [{ name: "b", children: [{}] }] }, { mode: "a" }, { mode: "b", b: "x" }, { mode: "a", a: "1" }, { mode: "a", a: 1 }, { b: "xy" },
  { queued: true }, { k: [1, "v"] }, { k: [1, "w"] }, { a: "x" }, { c: "x" }, { c: "x", d: "y" }, { "A B": "x" }, { n_a: "x" }, { toolongname: "x" }, { a: 1, b: 2, c: 3, d: 4, e: 5 },
];

/**
 * Objects JSON cannot make, where counting keys differs from walking them: for-in sees inherited
 * enumerable keys (reported as unknown), minProperties counts own ones only (AJV: Object.keys).
 */
const EXOTIC: Json[] = [
  Object.create({ bogus: 1 }) as Json,
  Object.assign(Object.create({ bogus: 1 }), { other: 2 }) as Json,
  Object.assign(Object.create({ label: "hi" }), { bogus: 2 }) as Json,
  Object.defineProperty({ bogus: 1 }, "label", { value: "hi", enumerable: false }) as Json,
];

const corpus: Json[] = [...SEEDS.flatMap((seed) => mutations(seed, 3, REPLACEMENTS)), ...REPLACEMENTS, ...EXOTIC];


const KEYWORDS = [
  "anyOf", "oneOf", "not", "if", "const", "enum", "type", "multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "minLength", "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems", "contains", "items", "minProperties",
  "maxProperties", "required", "dependentRequired", "propertyNames", "additionalProperties",
];

describe("issueCode on every keyword (fixture spec) vs AJV's own (toIssues)", () => {
  it("the corpus makes AJV report every keyword, and every validator both passes and fails", () => {
    const seen = new Set<string>();
    for (const [name, , ajv] of pairs) {
      const verdicts = new Set<boolean>();
      for (const value of corpus) {
        verdicts.add(ajv(value));
        for (const error of ajv.errors ?? []) seen.add(error.keyword);
      }
      expect(verdicts, name).toEqual(new Set([true, false]));
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(KEYWORDS));
    expect(pairs.length).toBeGreaterThan(15);
  });

  it.each(pairs)("%s: same verdict and the same issues on every input", (_name, validate, ajv) => expectSameIssues(validate, ajv, corpus));

  it("lists are not cut at MAX_ISSUES where AJV rewinds them (anyOf, oneOf, not, if: its _errs counts)", () => {
    // Cut there, a rewind to a count past the cut would keep errors of a branch that passed, or
    // a count equal to its mark call a failing branch valid: the verdict would change.
    const js = fs.readFileSync(generatedFile, "utf8");
    expect(js).toMatch(/\b_errs\d+\b/);
    expect(js).not.toMatch(/vErrors\.length < \d+|list\.length < \d+|function joined\(/);
  });

  it("the fixture exercises every rewrite: issues returned, one key loop with minProperties, property names inlined, a format checked only where the pattern implying it failed", () => {
    const js = fs.readFileSync(generatedFile, "utf8");
    const ops = js.slice(js.indexOf("// The operations' validators"));
    // In the module's scope, AJV's names suffixed: the components' code above uses the same ones.
    expect(js.indexOf("// The operations' validators")).toBeGreaterThan(0);
    expect(ops).toMatch(/^var issues\d+ = validate\d+\$op\(/m);
    expect(ops).toMatch(/^var issues\d+ = wrapper\d+\$op\.validate\(/m);
    expect(ops).not.toMatch(/^var (?:validate|wrapper|pattern|formats|func|schema)\d+ = /m);
    expect(ops).toMatch(/^vErrors = insert\(vErrors, at\d+, /m);
    expect(ops).not.toMatch(/fewerKeys\(|hasOwnProperty;|\.errors = vErrors/);
    expect(ops).toMatch(/\(key\d+ === "[^"]+"(?: \|\| key\d+ === "[^"]+"){8,}\)/);
    // ref_id's pattern implies the uuid format: the format is checked inside the pattern's failure.
    expect(ops).toMatch(/^if\(!pattern\d+\$op\.test\((data\d*)\)\)\{\nvErrors = report\(vErrors, \{path:"\/ref_id",keyword:"pattern",[^\n]*\nerrors\+\+;\nif\(!\(formats\d+\$op\.test\(\1\)\)\)\{$/m);
    // loose_id's does not (it allows g–z): both checks stay, one after the other.
    expect(ops).toMatch(/^if\(!pattern\d+\$op\.test\((data\d*)\)\)\{\nvErrors = report\(vErrors, \{path:"\/loose_id",keyword:"pattern",[^\n]*\nerrors\+\+;\n\}\nif\(!\(formats\d+\$op\.test\(\1\)\)\)\{$/m);
  });

  it("a field name a URN cannot hold as it is gets its own validator; names alike as identifiers (x-y, x_y) get one each", () => {
    const fields = operations.updateThing!.requestFields as Record<string, { validate: IssueFunction }>;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["a~b", "x-y", "x_y"]));
    expect(fields["x-y"]!.validate(1)).toBe(true);
    expect(fields["x_y"]!.validate(1)).toBe(false);
  });

  // (Three types or more cannot reach the generated validators: AJV's strict mode refuses a union
  // of types other than with null. The wording of three is held equal to toIssues' below.)
  it("a type issue naming several types reads as English, a constant in the code; one type keeps AJV's wording", () => {
    const fields = operations.updateThing!.requestFields as Record<string, { validate: IssueFunction }>;
    const issuesOf = (field: string, value: unknown) => {
      const { validate } = fields[field]!;
      expect(validate(value)).toBe(false);
      return validate.errors;
    };
    expect(issuesOf("status", 1)).toEqual(expect.arrayContaining([{ path: "", keyword: "type", message: "must be string or null" }]));
    expect(issuesOf("solo", 1)).toEqual([{ path: "", keyword: "type", message: "must be boolean" }]);
    expect(issuesOf("x_y", 1)).toEqual([{ path: "", keyword: "type", message: "must be string" }]);
    const ops = fs.readFileSync(generatedFile, "utf8").split("// The operations' validators")[1]!;
    expect(ops).toContain('message:"must be string or null"');
    expect(ops).not.toMatch(/must be [a-z]+,[a-z]/);
  });

  it("a status with several media types is validated against application/json's schema", () => {
    const validate = operations.updateThing!.responses["202"]!;
    expect(validate({ queued: true })).toBe(true);
    expect(validate("sarif")).toBe(false);
  });
});
