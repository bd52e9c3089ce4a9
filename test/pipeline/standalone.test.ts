// scripts/lib/standalone.mjs builds the same standalone code as AJV's own standaloneCode, byte for
// byte (it only builds the string in linear instead of quadratic time): on the components of our
// bundled spec, with the options the pipeline uses, with and without allErrors, and on schemas that
// reference each other (shared, recursive and $defs-ref'd validators).
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import ajvStandalone from "ajv/dist/standalone/index.js";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS module without declarations
import { standaloneCode } from "../../scripts/lib/standalone.mjs";
import { root } from "../helpers.js";

type Schema = Record<string, unknown>;
const ajvStandaloneCode = ((ajvStandalone as unknown as { default?: unknown }).default ?? ajvStandalone) as (ajv: unknown, refs: Record<string, string>) => string;

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "$ref" && typeof v === "string" ? v.replace("#/components/schemas/", "urn:t:") : rewriteRefs(v)]));
}

function build(schemas: Record<string, Schema>, allErrors: boolean) {
  const ajv = new Ajv2020.default({ strict: false, allErrors, validateFormats: false, code: { source: true, esm: true, lines: true, es5: true } });
  for (const [id, schema] of Object.entries(schemas)) ajv.addSchema({ ...schema, $id: id }, id);
  return ajv;
}

const doc = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const components = Object.fromEntries(Object.entries(doc.components.schemas as Record<string, Schema>).map(([name, s]) => [`urn:t:${name}`, rewriteRefs(s) as Schema]));
const linked: Record<string, Schema> = {
  "urn:t:Node": { type: "object", properties: { value: { type: "integer" }, next: { $ref: "urn:t:Node" }, leaf: { $ref: "urn:t:Leaf" } }, required: ["value"] },
  "urn:t:Leaf": { type: "object", properties: { tags: { type: "array", items: { $ref: "#/$defs/tag" } } }, $defs: { tag: { type: "string", minLength: 1 } } },
  "urn:t:Pair": { type: "array", prefixItems: [{ $ref: "urn:t:Leaf" }, { $ref: "urn:t:Node" }], items: false },
  "urn:t:Either": { anyOf: [{ $ref: "urn:t:Leaf" }, { $ref: "urn:t:Pair" }, { type: "null" }] },
  // `$ref: "#"` inside a recursive $defs member, compiled as a function of its own: AJV reaches
  // the document's root through a `root` scope value.
  "urn:t:Tree": { type: "object", properties: { node: { $ref: "#/$defs/node" } }, $defs: { node: { type: "object", properties: { child: { $ref: "#/$defs/node" }, whole: { $ref: "#" } } } } },
};

describe("standalone.mjs writes what AJV's standaloneCode writes", () => {
  it.each([
    ["our components, allErrors", components, true],
    ["our components, first error only", components, false],
    ["linked and recursive schemas, allErrors", linked, true],
    ["linked and recursive schemas, first error only", linked, false],
  ] as const)("%s", (_label, schemas, allErrors) => {
    const ids = Object.keys(schemas);
    expect(ids.length).toBeGreaterThan(3);
    // Exports in two orders, and a subset: what each export pulls in depends on what came before.
    for (const order of [ids, [...ids].reverse(), ids.filter((_, i) => i % 2 === 0)]) {
      const refs = Object.fromEntries(order.map((id, i) => [`export${i}_${id.replace(/\W/g, "_")}`, id]));
      const theirs = ajvStandaloneCode(build(schemas, allErrors), refs);
      const ours: string = standaloneCode(build(schemas, allErrors), refs);
      expect(ours.length).toBeGreaterThan(100);
      expect(ours).toBe(theirs);
    }
  });
});
