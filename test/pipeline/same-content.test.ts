// The validators step compiles an operation-level schema (path parameters, an inline request or
// response body, a request field) once per content (scripts/lib/validators.mjs, sameContentOnce):
// a later operation whose schema prepares to the same JSON gets the earlier one's function, by
// alias; AJV compiles it once. The verdicts and issues stay AJV's runtime compile's, for every
// operation. A schema that declares an `$id` is never merged: two declaring the same id are an
// error of the spec, reported as before.
import { describe, expect, it } from "vitest";
import type { IssueFunction } from "../../generated/validators.js";
import type { Json, JsonObject } from "../helpers.js";
import { expectSameIssues, fixtureValidators, mutations, validatorsStep } from "../issues-differential.js";

const { buildValidators } = await validatorsStep();

const idParam = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z]+$" } };
const body = (described: string): JsonObject => ({
  type: "object",
  description: described, // annotations are left out before comparing: these two differ only here
  additionalProperties: false,
  minProperties: 1,
  properties: { name: { type: "string", maxLength: 4 }, size: { type: "integer", minimum: 0 } },
});
const withInnerId = (): JsonObject => ({
  type: "object",
  additionalProperties: false,
  properties: { other: { $id: "other.json", type: "string" } },
});
const operation = (operationId: string, requestBody: JsonObject): JsonObject => ({
  operationId,
  parameters: [idParam],
  requestBody: { content: { "application/json": { schema: requestBody } } },
  responses: {
    "200": { description: "ok", content: { "application/json": { schema: { type: "object", required: ["ok"], properties: { ok: { type: "boolean" } } } } } },
  },
});
const doc = {
  openapi: "3.1.0",
  info: { title: "Operations repeating their schemas", version: "1.0.0" },
  paths: {
    "/a/{id}": { patch: operation("updateA", body("first")) },
    "/b/{id}": { patch: operation("updateB", body("second")) },
    "/c/{id}": { patch: operation("updateC", withInnerId()) },
  },
};

const { file, js, operations: ops, reference } = await fixtureValidators(doc, "puffle-same-content-");
const field = (op: string, name: string) => (ops[op]!.requestFields[name] as { validate: IssueFunction }).validate;

describe("operation-level schemas with the same content", () => {
  it.each([
    ["path parameters", "updateB$params = updateA$params"],
    ["an inline request body", "updateB$request = updateA$request"],
    ["an inline response body", "updateB$response$200 = updateA$response$200"],
    ["a request field", "updateB$field$name = updateA$field$name"],
    ["the path parameters beside a body declaring an $id", "updateC$params = updateA$params"],
  ])("%s: one function, the later an alias (%s)", (_name, alias) => {
    expect(js).toContain(`const ${alias};`);
  });

  it("the table's entries are the same function, as AJV compiled one", () => {
    expect(ops.updateB!.pathParams).toBe(ops.updateA!.pathParams);
    expect(ops.updateB!.requestBody).toBe(ops.updateA!.requestBody);
    expect(ops.updateB!.responses["200"]).toBe(ops.updateA!.responses["200"]);
    expect(field("updateB", "size")).toBe(field("updateA", "size"));
    expect(reference.updateB!.requestBody).toBe(reference.updateA!.requestBody);
    expect(reference.updateC!.pathParams).toBe(reference.updateA!.pathParams);
  });

  it("two operations' bodies declaring the same $id are still the spec's error, not merged", () => {
    const twice = { ...doc, paths: { ...doc.paths, "/d/{id}": { patch: operation("updateD", withInnerId()) } } };
    expect(() => buildValidators(twice, { root: file, header: (prefix) => prefix })).toThrow(/"other\.json" already exists/);
  });

  const seeds: [string, Json][] = [
    ["updateA", { name: "ab", size: 1 }],
    ["updateB", { name: "ab", size: 1 }],
    ["updateC", { other: "y" }],
  ];
  const replacements: Json[] = [null, 0, -1, 1.5, "", "abcde", "ab", [], {}, { name: "a" }];
  it.each(seeds)("%s: the same verdicts and issues as AJV's runtime compile", (op, seed) => {
    const corpus = [seed, {}, [], "x", ...mutations(seed, 2, replacements)];
    expectSameIssues(ops[op]!.requestBody!, reference[op]!.requestBody!, corpus);
    expectSameIssues(ops[op]!.pathParams, reference[op]!.pathParams, [{ id: "abc" }, { id: "ABC" }, {}, { id: "a", x: 1 }]);
    expectSameIssues(ops[op]!.responses["200"]!, reference[op]!.responses["200"]!, [{ ok: true }, { ok: 1 }, {}, null]);
  });
});
