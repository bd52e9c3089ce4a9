// A type issue naming several types reads as English (`must be string or null`, `must be integer,
// string or null`) where AJV says `must be string,null`; one type keeps AJV's `must be string`.
// Both paths: `toIssues` at run time (AJV's errors, the types in `params.type`, an array or a
// string) and the operations' generated validators (the message rewritten at build time, a
// constant; test/pipeline/issues-keywords.test.ts on its fixture spec). AJV's strict mode lets no
// union of three types into the generated validators: the build's wording of one is held to
// toIssues' here.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeRequestBody, toIssues, validateRequestBody, validateResponseBody, validateUpdateThreadRequest } from "../../src/validators.js";
import { root } from "../helpers.js";

// A path TypeScript does not resolve: the pipeline's modules are plain .mjs without declarations.
const { typeMessage } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as { typeMessage: (type: unknown) => string | undefined };

const typeError = (type: unknown, message = `must be ${String(type)}`) => ({ instancePath: "/a", schemaPath: "#/properties/a/type", keyword: "type", params: { type }, message });

describe("toIssues: a type error's message", () => {
  it.each([
    ["one type, as AJV writes it (a string)", "string", "must be string"],
    ["one type in an array", ["string"], "must be string"],
    ["two types", ["string", "null"], "must be string or null"],
    ["two types, neither null", ["integer", "string"], "must be integer or string"],
    ["three types", ["integer", "string", "null"], "must be integer, string or null"],
    ["four types", ["boolean", "integer", "string", "null"], "must be boolean, integer, string or null"],
    ["two types given as one string", "array,null", "must be array or null"],
  ])("%s: %j → %s", (_name, type, message) => {
    expect(toIssues([typeError(type)])).toEqual([{ path: "/a", keyword: "type", message }]);
  });

  it("keeps AJV's message where params.type is not a list of type names", () => {
    for (const type of [undefined, 5, [], ["string", 5], ["string", ""], "string,"]) {
      expect(toIssues([typeError(type, "must be something")])[0]!.message, JSON.stringify(type)).toBe("must be something");
    }
  });
});

describe("toIssues: AJV's errors as issues", () => {
  const error = (keyword: string, params: Record<string, unknown>, message: string | null = "AJV's message", instancePath = "/a") =>
    ({ instancePath, schemaPath: `#/${keyword}`, keyword, params, ...(message === null ? {} : { message }) });
  it.each<[string, unknown, unknown]>([
    ["no errors (null)", null, []],
    ["no errors (undefined)", undefined, []],
    ["no message: the keyword is named", [error("minimum", { limit: 0 }, null)], [{ path: "/a", keyword: "minimum", message: 'must pass "minimum"' }]],
    ["required: at the missing field", [error("required", { missingProperty: "b~/c" })], [{ path: "/a/b~0~1c", keyword: "required", message: "is required" }]],
    ["required without a field name: AJV's message where it is", [error("required", { missingProperty: 5 })], [{ path: "/a", keyword: "required", message: "AJV's message" }]],
    ["dependentRequired names a missingProperty too: AJV's message where it is", [error("dependentRequired", { property: "x", missingProperty: "y" })], [{ path: "/a", keyword: "dependentRequired", message: "AJV's message" }]],
    ["additionalProperties: at the unknown field", [error("additionalProperties", { additionalProperty: "b" })], [{ path: "/a/b", keyword: "additionalProperties", message: "is not a known field" }]],
    ["additionalProperties without a field name", [error("additionalProperties", { additionalProperty: null })], [{ path: "/a", keyword: "additionalProperties", message: "AJV's message" }]],
    ["another keyword naming an additionalProperty", [error("x-other", { additionalProperty: "b", unevaluatedProperty: "c" })], [{ path: "/a", keyword: "x-other", message: "AJV's message" }]],
    ["unevaluatedProperties: at the unknown field", [error("unevaluatedProperties", { unevaluatedProperty: "b" })], [{ path: "/a/b", keyword: "unevaluatedProperties", message: "is not a known field" }]],
    ["unevaluatedProperties without a field name", [error("unevaluatedProperties", {})], [{ path: "/a", keyword: "unevaluatedProperties", message: "AJV's message" }]],
    ["enum: its values listed", [error("enum", { allowedValues: ["x", 1, null] })], [{ path: "/a", keyword: "enum", message: 'must be one of "x", 1, null' }]],
    ["enum without a list of values", [error("enum", { allowedValues: "x" })], [{ path: "/a", keyword: "enum", message: "AJV's message" }]],
    ["another keyword with allowedValues", [error("x-other", { allowedValues: ["x"] })], [{ path: "/a", keyword: "x-other", message: "AJV's message" }]],
    ["a pattern restating the failed format before it is left out", [error("format", { format: "uuid" }, "must match format \"uuid\""), error("pattern", { pattern: "^[0-9a-f-]+$" })], [{ path: "/a", keyword: "format", message: 'must match format "uuid"' }]],
    ["a pattern restating the failed format after it is left out", [error("pattern", { pattern: "^[0-9a-f-]+$" }), error("format", { format: "uuid" }, "must match format \"uuid\"")], [{ path: "/a", keyword: "format", message: 'must match format "uuid"' }]],
    ["a pattern at another path is kept", [error("format", { format: "uuid" }, "f"), error("pattern", { pattern: "x" }, "p", "/b")], [{ path: "/a", keyword: "format", message: "f" }, { path: "/b", keyword: "pattern", message: "p" }]],
    ["the same issue twice is listed once", [error("minimum", {}), error("minimum", {})], [{ path: "/a", keyword: "minimum", message: "AJV's message" }]],
  ])("%s", (_name, errors, issues) => {
    expect(toIssues(errors as Parameters<typeof toIssues>[0])).toEqual(issues);
  });
});

describe("the build's wording of a type list (scripts/lib/validators.mjs, typeMessage) is toIssues'", () => {
  it.each<[unknown]>([["string"], [["string"]], [["string", "null"]], [["null", "string"]], [["integer", "string"]], [["integer", "string", "null"]], [["boolean", "integer", "string", "null"]]])("%j", (type) => {
    const runtime = toIssues([typeError(type)])[0]!.message;
    expect(typeMessage(type) ?? `must be ${String(type)}`).toBe(runtime);
  });

  it("one type, or no list of type names: no rewrite (AJV's message stays)", () => {
    for (const type of ["string", ["string"], [], ["string", 5], ["string", ""], undefined]) expect(typeMessage(type), JSON.stringify(type)).toBeUndefined();
    expect(typeMessage(["integer", "string", "null"])).toBe("must be integer, string or null");
  });
});

describe("the operations' generated validators: a type error's message", () => {
  it("a nullable string or array: `must be string or null`, `must be array or null`", () => {
    expect(validateUpdateThreadRequest({ account_id: 5 })).toEqual({ valid: false, errors: [{ path: "/account_id", keyword: "type", message: "must be string or null" }] });
    expect(validateRequestBody("updateThread", { draft_attachments: "a.pdf" })).toEqual({ valid: false, errors: [{ path: "/draft_attachments", keyword: "type", message: "must be array or null" }] });
    const normalized = normalizeRequestBody("updateThread", { draft_subject: 1 });
    expect(normalized.ok === false && normalized.errors[0]).toEqual({ path: "/draft_subject", keyword: "type", message: "must be string or null" });
  });

  it("one type keeps AJV's wording", () => {
    const result = validateRequestBody("updateConversation", { unread_count: "1" });
    expect(result.valid === false && result.errors[0]).toEqual({ path: "/unread_count", keyword: "type", message: "must be integer" });
    expect(validateResponseBody("updateThread", 200, 5)).toMatchObject({ valid: false, errors: [{ path: "", keyword: "type", message: "must be object" }] });
  });
});

// The other AJV errors toIssues rewrites, and its merging of repeated issues (a hand mutation pass
// found the unevaluatedProperties branch and the merge key unchecked).
describe("toIssues: named fields and repeated issues", () => {
  const error = (keyword: string, params: Record<string, unknown>, message: string, instancePath = "/a") => ({ instancePath, schemaPath: `#/${keyword}`, keyword, params, message });
  it.each([
    ["unevaluatedProperties", [error("unevaluatedProperties", { unevaluatedProperty: "b/c" }, "must NOT have unevaluated properties")], [{ path: "/a/b~1c", keyword: "unevaluatedProperties", message: "is not a known field" }]],
    ["additionalProperties", [error("additionalProperties", { additionalProperty: "x~y" }, "must NOT have additional properties")], [{ path: "/a/x~0y", keyword: "additionalProperties", message: "is not a known field" }]],
    ["required", [error("required", { missingProperty: "id" }, "must have required property 'id'")], [{ path: "/a/id", keyword: "required", message: "is required" }]],
    ["the same issue twice: once", [error("minimum", {}, "must be >= 0"), error("minimum", {}, "must be >= 0")], [{ path: "/a", keyword: "minimum", message: "must be >= 0" }]],
    ["one keyword at one place, two messages: both", [error("anyOf", {}, "must match a schema in anyOf"), error("anyOf", {}, "must match another schema")], [{ path: "/a", keyword: "anyOf", message: "must match a schema in anyOf" }, { path: "/a", keyword: "anyOf", message: "must match another schema" }]],
  ] as [string, ReturnType<typeof error>[], unknown[]][])("%s", (_name, errors, issues) => {
    expect(toIssues(errors)).toEqual(issues);
  });
});
