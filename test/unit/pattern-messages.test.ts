// A `pattern` issue says the spec's rule in words (scripts/lib/validators.mjs, PATTERN_RULES), not
// the regex AJV quotes (`must match pattern "^[0-9]{4}-[0-9]{2}-…$"`): the operations' generated
// validators (request, response, path) and `toIssues` (AJV's errors) alike; keyword, path and
// verdict are unchanged (test/unit/issues-differential.test.ts holds the two equal). A pattern the
// spec adds without words keeps AJV's message, and the first test here fails until it has some.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { patternRules } from "../../generated/validators.js";
import { operationExamples } from "../../generated/examples.js";
import { createPuffleClient, PuffleValidationError } from "../../src/index.js";
import { toIssues, validatePathParams, validateRequestBody, validateResponseBody } from "../../src/validators.js";
import { rejection, root, spec, type Json } from "../helpers.js";

// A path TypeScript does not resolve: the pipeline's modules are plain .mjs without declarations.
const { PATTERN_RULES, patternMessage } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as {
  PATTERN_RULES: Readonly<Record<string, string>>;
  patternMessage: (pattern: string) => string;
};

/** Every `pattern` keyword's value in the bundled spec. */
function patterns(node: Json, out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== "object") return out;
  for (const [key, value] of Object.entries(node)) {
    if (key === "pattern" && typeof value === "string") out.add(value);
    else patterns(value, out);
  }
  return out;
}

const DATE_TIME = [...patterns(spec)].find((p) => p.startsWith("^[0-9]{4}-"))!;
const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const docsConversation = operationExamples.updateConversation.responses["200"].docs;

describe("pattern issues say the rule in words", () => {
  it("every pattern of the spec has its rule in words (add one to PATTERN_RULES with a new pattern)", () => {
    const found = [...patterns(spec)];
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((pattern) => !Object.hasOwn(PATTERN_RULES, pattern))).toEqual([]);
    for (const pattern of found) {
      expect(PATTERN_RULES[pattern], pattern).toMatch(/^must /);
      expect(PATTERN_RULES[pattern], pattern).not.toContain(pattern);
    }
  });

  it("the generated module's patternRules are the entries of the patterns its validators check", () => {
    expect(Object.keys(patternRules).length).toBeGreaterThan(0);
    for (const [pattern, rule] of Object.entries(patternRules)) expect(rule).toBe(PATTERN_RULES[pattern]);
  });

  it("a pattern without words keeps AJV's message, in the build and in toIssues", () => {
    expect(patternMessage("^[a-z]+$")).toBe('must match pattern "^[a-z]+$"');
    const ajv = { instancePath: "/a", schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^[a-z]+$" }, message: 'must match pattern "^[a-z]+$"' };
    expect(toIssues([ajv])).toEqual([{ path: "/a", keyword: "pattern", message: 'must match pattern "^[a-z]+$"' }]);
    // A key of Object.prototype is no pattern with words.
    expect(toIssues([{ ...ajv, params: { pattern: "toString" }, message: "m" }])[0]!.message).toBe("m");
    expect(toIssues([{ ...ajv, params: { pattern: UUID } }])[0]!.message).toBe(PATTERN_RULES[UUID]);
  });

  it("a response's date-time its pattern refuses (the format takes it): validateResponseBody", () => {
    const body = { conversation: { ...docsConversation.conversation, created_at: "2026-04-22T10:00:00+0530" } };
    expect(validateResponseBody("updateConversation", 200, body)).toEqual({
      valid: false,
      errors: [{ path: "/conversation/created_at", keyword: "pattern", message: PATTERN_RULES[DATE_TIME] }],
    });
    expect(PATTERN_RULES[DATE_TIME]).toBe("must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)");
  });

  it("a response's account_id its pattern refuses, through the client's validate: \"response\"", async () => {
    const body = { conversation: { ...docsConversation.conversation, account_id: "urn:uuid:3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" } };
    const fetch = async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "response", maxRetries: 0 });
    const error = await rejection(client.updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleValidationError);
    const issues = (error as PuffleValidationError).issues;
    expect(issues).toEqual([{ path: "/conversation/account_id", keyword: "pattern", message: PATTERN_RULES[UUID] }]);
    expect((error as Error).message).toBe(`updateConversation: response 200: conversation.account_id ${PATTERN_RULES[UUID]}`);
    expect((error as Error).message).not.toContain("[0-9a-fA-F]");
  });

  it("a request's account_id and a path id their patterns refuse", () => {
    expect(validateRequestBody("updateThread", { account_id: "urn:uuid:3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" })).toEqual({
      valid: false,
      errors: [{ path: "/account_id", keyword: "pattern", message: PATTERN_RULES[UUID] }],
    });
    // Version 0: the uuid format takes it, the id pattern does not.
    const result = validatePathParams("updateThread", { id: "3d986dd1-9d70-05b7-8e36-5d5b8b1c9337" });
    expect(result.valid).toBe(false);
    expect(!result.valid && result.errors).toEqual([{ path: "/id", keyword: "pattern", message: expect.stringMatching(/^must be a UUID .*\(the version\) 1 to 8 .*, or the nil UUID .* or the max UUID in lower case \(all f\)$/) }]);
  });

  it("the path id's wording is true to its pattern: the max UUID in upper case is refused, and the message says lower case", () => {
    // The pattern takes the max UUID as ffffffff-… only (its version digit f is no 1 to 8): the
    // message said "or the nil or max UUID", which this value is, so it told its sender nothing.
    const upper = validatePathParams("updateThread", { id: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF" });
    expect(upper.valid).toBe(false);
    const message = !upper.valid ? upper.errors[0]!.message : "";
    expect(message).toContain("the max UUID in lower case (all f)");
    expect(validatePathParams("updateThread", { id: "ffffffff-ffff-ffff-ffff-ffffffffffff" }).valid).toBe(true);
    expect(validatePathParams("updateThread", { id: "00000000-0000-0000-0000-000000000000" }).valid).toBe(true);
    // Upper-case hex digits elsewhere (the variant's A or B included) are taken, as "hex digits" says.
    expect(validatePathParams("updateThread", { id: "3D986DD1-9D70-45B7-AE36-5D5B8B1C9337" }).valid).toBe(true);
  });
});
