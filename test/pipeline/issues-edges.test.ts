// scripts/lib/validators.mjs on shapes that neither our spec nor the keywords fixture
// (issues-keywords.test.ts) reaches: minProperties with no key loop to merge into (the `fewerKeys`
// helper), minProperties merged into the key loop of a function that has issues before it (the
// missing count goes back to its place in the list, after those), a response whose application/json is not its
// last media type or which has none, and `unevaluatedProperties` (the dynamic scope AJV must keep).
// Each generated validator is held to AJV's runtime compile (toIssues), and where both come from
// the same AJV options, to fixed verdicts.
import { describe, expect, it } from "vitest";
import type { Json, JsonObject } from "../helpers.js";
import { expectSameIssues, fixtureValidators, mutations } from "../issues-differential.js";

const operation = (operationId: string, body: JsonObject, responses: JsonObject = { "200": { description: "ok" } }): JsonObject => ({
  operationId,
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
  requestBody: { content: { "application/json": { schema: body } } },
  responses,
});
const doc = {
  openapi: "3.1.0",
  info: { title: "Post-processing edges", version: "1.0.0" },
  paths: {
    // minProperties alone: no for-in over the object follows it.
    "/count/{id}": { patch: operation("countKeys", { type: "object", minProperties: 2, properties: { a: { type: "string" } } }) },
    // An allOf member's required fails before the key loop minProperties is merged into (AJV checks
    // minProperties before required in one schema, so the member is what puts an issue first).
    "/after/{id}": { patch: operation("countAfter", { type: "object", allOf: [{ required: ["a"] }], minProperties: 2, additionalProperties: false, properties: { a: { type: "string" }, b: { type: "integer" } } }) },
    "/media/{id}": {
      patch: operation("media", { type: "object" }, {
        "200": { description: "json first", content: { "application/json": { schema: { type: "object" } }, "application/sarif+json": { schema: { type: "string" } } } },
        "201": { description: "no json: the first listed", content: { "text/plain": { schema: { type: "string" } }, "application/xml": { schema: { type: "object" } } } },
      }),
    },
    "/unevaluated/{id}": { patch: operation("unevaluated", { type: "object", allOf: [{ properties: { a: { type: "string" } } }], unevaluatedProperties: false }) },
  },
};

const { js, operations, reference } = await fixtureValidators(doc, "puffle-issues-edges-");
const body = (opId: string) => operations[opId]!.requestBody!;

const REPLACEMENTS: Json[] = [null, 1, "x", "", [], {}, { a: "x" }];
const exotic = (): Json[] => [
  Object.create({ a: "x", b: 1 }) as Json,
  Object.assign(Object.create({ c: 1 }), { a: "x" }) as Json,
  Object.defineProperty({ a: "x" }, "b", { value: 1, enumerable: false }) as Json,
];
const corpus: Json[] = [
  ...([{}, { a: "x" }, { a: "x", b: 1 }, { a: "x", b: 1, c: 2 }, { b: 1 }, { c: 1 }, { b: 1, c: 2 }, { a: 1, b: "y" }] as Json[]).flatMap((seed) => mutations(seed, 2, REPLACEMENTS)),
  ...REPLACEMENTS,
  ...exotic(),
];

describe("issueCode on shapes our spec and the keywords fixture do not have", () => {
  it.each(["countKeys", "countAfter", "unevaluated"])("%s: the same verdict and issues as AJV's runtime compile", (opId) => {
    expectSameIssues(body(opId), reference[opId]!.requestBody!, corpus);
  });

  it("minProperties with no key loop counts the own keys with fewerKeys: exactly the limit is enough", () => {
    expect(js).toMatch(/^if\(fewerKeys\(data\d*, 2\)\)\{$/m);
    expect(body("countKeys")({ a: "x", b: 1 })).toBe(true);
    expect(body("countKeys")({ a: "x" })).toBe(false);
    expect(body("countKeys").errors).toEqual([{ path: "", keyword: "minProperties", message: "must NOT have fewer than 2 properties" }]);
  });

  it("minProperties merged into the key loop keeps its place after the issues before the loop", () => {
    expect(js).toMatch(/^vErrors = insert\(vErrors, at\d+, /m);
    expect(body("countAfter")({ c: 1 })).toBe(false);
    expect(body("countAfter").errors!.map((issue) => `${issue.keyword} ${issue.path}`)).toEqual(["required /a", "minProperties ", "additionalProperties /c"]);
  });

  it("a status with several media types: application/json's schema wherever it is listed, else the first listed", () => {
    const responses = operations.media!.responses;
    expect(responses["200"]!({})).toBe(true);
    expect(responses["200"]!("sarif")).toBe(false);
    expect(responses["201"]!("text")).toBe(true);
    expect(responses["201"]!({})).toBe(false);
  });

  it("unevaluatedProperties sees the properties an allOf member evaluated (AJV keeps the dynamic scope for it)", () => {
    expect(body("unevaluated")({ a: "x" })).toBe(true);
    expect(body("unevaluated")({ a: "x", b: 1 })).toBe(false);
    expect(body("unevaluated").errors).toEqual([{ path: "/b", keyword: "unevaluatedProperties", message: "is not a known field" }]);
  });
});
