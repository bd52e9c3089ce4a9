// scripts/lib/rename.mjs: AJV's scope names in one standalone output get a suffix so that two
// outputs can share a module scope; strings, property names and a format's regex literal do not.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const { renameScopeNames, declaredScopeNames } = (await import(path.join(root, "scripts/lib/rename.mjs"))) as {
  renameScopeNames: (code: string, suffix: string) => string;
  declaredScopeNames: (code: string) => string[];
};

const cases: [string, { given: string; want: string }][] = [
  ["a function and its calls", { given: "function validate3(data){\nvar issues = validate12(data);\n}", want: "function validate3$op(data){\nvar issues = validate12$op(data);\n}" }],
  ["every AJV scope prefix", { given: "f(schema0, formats1, pattern2, func3, wrapper4.validate, root5, keyword6, Error7, parse8, serialize9)", want: "f(schema0$op, formats1$op, pattern2$op, func3$op, wrapper4$op.validate, root5$op, keyword6$op, Error7$op, parse8$op, serialize9$op)" }],
  ["a property of the same name is not renamed", { given: "var data0 = data.validate1;\nif(data.pattern2 !== undefined){", want: "var data0 = data.validate1;\nif(data.pattern2 !== undefined){" }],
  ["strings are not renamed", { given: 'if(key0 === "validate1"){ report({path:"/pattern2",message:"must be one of \\"func3\\", \'schema4\'"}) }', want: 'if(key0 === "validate1"){ report({path:"/pattern2",message:"must be one of \\"func3\\", \'schema4\'"}) }' }],
  ["a string with a scope name after a space", { given: 'm = "x validate1 y" + validate1;', want: 'm = "x validate1 y" + validate1$op;' }],
  ["a format's regex literal, quotes and backticks inside", { given: "var formats8 = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+@x$/i;", want: "var formats8$op = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+@x$/i;" }],
  ["names that only look alike", { given: "validates1 + xvalidate1 + validate + $validate1 + validate1_ + validate1$x", want: "validates1 + xvalidate1 + validate + $validate1 + validate1_ + validate1$x" }],
  ["a string of one escaped backslash", { given: 'm = "\\\\"; validate1(m); n = "validate2";', want: 'm = "\\\\"; validate1$op(m); n = "validate2";' }],
  ["a string ending in an escaped backslash", { given: 'm = "a\\\\"; validate1(m); n = "b\\"validate2";', want: 'm = "a\\\\"; validate1$op(m); n = "b\\"validate2";' }],
  ["a lone quote (in a regex) opens no string across lines", { given: "var r = /'/;\nvalidate1(x);\nvar s = '';", want: "var r = /'/;\nvalidate1$op(x);\nvar s = '';" }],
  ["other identifiers", { given: "var data0 = report(vErrors, issues1); errors++; ucs2length(x);", want: "var data0 = report(vErrors, issues1); errors++; ucs2length(x);" }],
];

describe("renameScopeNames", () => {
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(renameScopeNames(given, "$op")).toBe(want);
  });
});

describe("declaredScopeNames", () => {
  it("the scope names a line declares with var (function locals are not indented either: only scope names count)", () => {
    const code = "function validate1(data){\nvar data0 = 1;\nvar pattern2 = x;\nvar schema = 1;\n}\nvar formats3 = /a/;\nfunction report(list){}\nconst validate4 = validate1;";
    expect(declaredScopeNames(code)).toEqual(["pattern2", "formats3"]);
  });
});

const { buildValidators } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as {
  buildValidators: (doc: unknown, options: { root: string; header: (prefix: string) => string }) => { js: string };
};

describe("the validators step: every generated name declared once", () => {
  const operation = (operationId: string) => ({
    operationId,
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    requestBody: { content: { "application/json": { schema: { type: "object", properties: { x: { type: "integer" } } } } } },
    responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "object" } } } } },
  });
  const doc = (a: string, b: string) => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: { "/a/{id}": { patch: operation(a) }, "/b/{id}": { patch: operation(b) } },
    components: { schemas: {} },
  });
  const build = (a: string, b: string) => buildValidators(doc(a, b), { root: "/spec/openapi.yaml", header: (prefix) => `${prefix} test` });

  it("two operations: each gets its own entries", () => {
    const { js } = build("updateThing", "updateOther");
    expect(js).toMatch(/^export function checkUpdateThingRequest\(body\)/m);
    expect(js).toMatch(/^export function checkUpdateOtherResponse200\(body\)/m);
  });

  it("operationIds whose entries would share a name (updateThing, UpdateThing) fail the step, naming them", () => {
    expect(() => build("updateThing", "UpdateThing")).toThrow(expect.objectContaining({ rule: "puffle/names", message: expect.stringContaining("checkUpdateThingRequest") }));
  });
});
