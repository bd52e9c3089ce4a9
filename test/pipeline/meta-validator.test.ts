// The validators step checks every schema against JSON Schema 2020-12 with AJV's own meta-schema
// validator, precompiled (scripts/lib/meta-validator-2020.mjs) instead of compiled on every run:
// the file is AJV's standalone code for the installed ajv (regenerate with
// `node scripts/build-meta-validator.mjs`), and the check gives AJV's verdict and message.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

interface AjvLike {
  validateSchema(schema: unknown, throwOrLogError?: boolean): boolean;
}
const { metaValidatorSource, checkSchema, ajvOptions, buildValidators } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as {
  metaValidatorSource: () => string;
  checkSchema: (ajv: AjvLike, schema: unknown) => void;
  ajvOptions: (formats: Record<string, unknown>) => Record<string, unknown>;
  buildValidators: (doc: unknown, options: { root: string; header: (prefix: string) => string }) => { js: string };
};
const Ajv2020 = createRequire(path.join(root, "package.json"))("ajv/dist/2020.js").default as new (options: Record<string, unknown>) => AjvLike;

/** Schemas the meta-schema accepts and rejects, one keyword wrong at a time, nested too. */
const SCHEMAS: unknown[] = [
  { type: "string" },
  { type: ["string", "null"], enum: ["a", null] },
  { type: 5 },
  { type: "strin" },
  { type: ["string", "string"] },
  { minimum: "1" },
  { maxLength: -1 },
  { maxLength: 1.5 },
  { required: "a" },
  { required: ["a", "a"] },
  { properties: { a: { type: "nope" }, b: { minItems: -2 } } },
  { items: [{ type: "string" }] },
  { prefixItems: [] },
  { allOf: [] },
  { anyOf: [{ type: "string" }, 3] },
  { enum: [] },
  { pattern: 5 },
  { $ref: 5 },
  { $anchor: "1bad" },
  { $defs: { a: { type: "object", properties: { b: { $ref: "#/$defs/a" } } } } },
  { dependentRequired: { a: ["b", "b"] } },
  { if: { type: "string" }, then: { minLength: "x" } },
  { $schema: 5 },
  { $schema: "https://json-schema.org/draft/2020-12/schema", type: "string" },
  { $schema: "https://json-schema.org/draft/2020-12/schema", type: 1 },
];

const outcome = (check: () => unknown) => {
  try {
    check();
    return "ok";
  } catch (err) {
    return (err as Error).message;
  }
};

describe("precompiled 2020-12 meta-schema validator", () => {
  it("is AJV's standalone code for the installed ajv (else run node scripts/build-meta-validator.mjs)", () => {
    expect(fs.readFileSync(path.join(root, "scripts/lib/meta-validator-2020.mjs"), "utf8")).toBe(metaValidatorSource());
  });

  it("gives AJV's own verdict and message on valid and invalid schemas", () => {
    const verdicts = new Set<string>();
    for (const schema of SCHEMAS) {
      const theirs = outcome(() => new Ajv2020(ajvOptions({})).validateSchema(schema, true));
      const ours = outcome(() => checkSchema(new Ajv2020(ajvOptions({})), schema));
      expect(ours, JSON.stringify(schema)).toBe(theirs);
      verdicts.add(ours === "ok" ? "ok" : "invalid");
    }
    expect(verdicts).toEqual(new Set(["ok", "invalid"]));
  });

  it("an invalid schema in a spec still fails the validators step (ajv/schema) with AJV's message", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Bad: { type: "object", properties: { n: { type: "integer", minimum: "0" } } } } },
    };
    let error: (Error & { rule?: string }) | undefined;
    try {
      buildValidators(doc, { root: path.join(root, "openapi/openapi.yaml"), header: (p) => p });
    } catch (err) {
      error = err as Error & { rule?: string };
    }
    expect(error?.rule).toBe("ajv/schema");
    expect(error?.message).toContain("schema is invalid: data/properties/n/minimum must be number");
  });
});
