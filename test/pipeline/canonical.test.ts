// scripts/lib/canonical.mjs: the key order of the bundled spec. Example data and named examples
// keep their authored order, other maps and data are sorted by key, OpenAPI and JSON Schema objects
// list their keywords in KEYWORD_ORDER. Each case is a node whose order only the right rule gives
// (keyword names used as map keys or as data keys, keys authored out of alphabetical order).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const { canonicalize } = (await import(path.join(root, "scripts/lib/canonical.mjs"))) as { canonicalize: (doc: unknown) => any };

/** Every object's keys, depth first, as `pointer: k1,k2,…`. */
function orders(node: unknown, at = ""): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => orders(v, `${at}/${i}`));
  if (!node || typeof node !== "object") return [];
  return [`${at}: ${Object.keys(node).join(",")}`, ...Object.entries(node).flatMap(([k, v]) => orders(v, `${at}/${k}`))];
}

/** Data whose keys are JSON Schema keywords: by rank it would read type,title,…; by key it is sorted. */
const data = () => ({ type: "t", title: "x", properties: 1, name: "n", enum: [{ type: 1, description: 2 }] });
const sorted = "enum,name,properties,title,type";
const authored = "type,title,properties,name,enum";
/** Example Objects named out of alphabetical order, each with its keywords out of keyword order. */
const named = () => ({ docs: { value: data(), summary: "s" }, archive: { value: 1, description: "d", summary: "s" }, markRead: { $ref: "#/components/examples/M" } });

const cases: [string, unknown, Record<string, string>][] = [
  // Example data: as authored, all the way down (arrays of objects too).
  ["a schema's examples (example data)", { components: { schemas: { A: { examples: [data()] } } } }, { "/components/schemas/A/examples/0": authored, "/components/schemas/A/examples/0/enum/0": "type,description" }],
  ["an example's value (example data)", { components: { examples: { E: { value: data() } } } }, { "/components/examples/E/value": authored, "/components/examples/E/value/enum/0": "type,description" }],
  ["an example's value that is an array of objects", { components: { examples: { E: { value: [{ type: 1, description: 2, b: 3 }] } } } }, { "/components/examples/E/value/0": "type,description,b" }],
  ["a media type's example (example data)", { paths: { "/a": { get: { responses: { "200": { content: { "application/json": { example: data() } } } } } } } }, { "/paths/~1a/get/responses/200/content/application~1json/example": authored }],
  ["a parameter's example (example data)", { paths: { "/a": { parameters: [{ name: "id", in: "path", example: data() }] } } }, { "/paths/~1a/parameters/0/example": authored }],
  // Named examples: the names as authored (the first is the one tools show), each Example Object
  // in keyword order; the component map `components.examples` is sorted like every component map.
  ["a media type's named examples", { paths: { "/a": { get: { requestBody: { content: { "application/json": { examples: named() } } } } } } }, { "/paths/~1a/get/requestBody/content/application~1json/examples": "docs,archive,markRead", "/paths/~1a/get/requestBody/content/application~1json/examples/docs": "summary,value", "/paths/~1a/get/requestBody/content/application~1json/examples/archive": "summary,description,value", "/paths/~1a/get/requestBody/content/application~1json/examples/docs/value": authored }],
  ["a parameter's named examples", { components: { parameters: { Id: { name: "id", in: "path", examples: named() } } } }, { "/components/parameters/Id/examples": "docs,archive,markRead", "/components/parameters/Id/examples/archive": "summary,description,value" }],
  ["a header's named examples", { components: { headers: { H: { schema: { type: "string" }, examples: named() } } } }, { "/components/headers/H/examples": "docs,archive,markRead" }],
  ["components.examples (a component map)", { components: { examples: named() } }, { "/components/examples": "archive,docs,markRead", "/components/examples/archive": "summary,description,value", "/components/examples/docs/value": authored }],
  // Other data: sorted.
  ["an extension's value (data)", { paths: { "/a": { get: { "x-thing": data() } } } }, { "/paths/~1a/get/x-thing": sorted, "/paths/~1a/get/x-thing/enum/0": "description,type" }],
  ["a default (data)", { components: { schemas: { A: { default: data() } } } }, { "/components/schemas/A/default": sorted }],
  ["a const (data)", { components: { schemas: { A: { const: data() } } } }, { "/components/schemas/A/const": sorted }],
  // Properties named like data keys are schemas: their keywords keep the keyword order.
  ["properties named value, default, examples", { components: { schemas: { A: { properties: { value: { maxLength: 3, type: "string" }, default: { maxLength: 3, type: "string" }, examples: { maxLength: 3, type: "string" } } } } } }, { "/components/schemas/A/properties": "default,examples,value", "/components/schemas/A/properties/value": "type,maxLength", "/components/schemas/A/properties/default": "type,maxLength", "/components/schemas/A/properties/examples": "type,maxLength" }],
  ["a property named example, with examples of its own", { components: { schemas: { A: { properties: { example: { examples: [data()], type: "object" } } } } } }, { "/components/schemas/A/properties/example": "type,examples", "/components/schemas/A/properties/example/examples/0": authored }],
  ["the other maps of schemas by name (patternProperties, $defs, dependentSchemas): sorted by name, not by keyword", { components: { schemas: { A: { patternProperties: { type: {}, name: {}, a: {} }, $defs: { type: {}, name: {}, a: {} }, dependentSchemas: { type: {}, name: {}, a: {} } } } } }, { "/components/schemas/A/patternProperties": "a,name,type", "/components/schemas/A/$defs": "a,name,type", "/components/schemas/A/dependentSchemas": "a,name,type" }],
  ["a discriminator's mapping (a map)", { components: { schemas: { A: { discriminator: { propertyName: "kind", mapping: { type: "#/a", title: "#/b", enum: "#/c" } } } } } }, { "/components/schemas/A/discriminator/mapping": "enum,title,type" }],
];

describe("canonicalize", () => {
  it.each(cases)("%s", (_name, doc, want) => {
    const got = Object.fromEntries(orders(canonicalize(doc)).map((line) => line.split(": ") as [string, string]));
    for (const [pointer, keys] of Object.entries(want)) expect(got[pointer.replace(/~1/g, "/")], pointer).toBe(keys);
  });

  it("keeps a `__proto__` key (as JSON.parse and the YAML loader make it) in data and maps, as an own member", () => {
    const doc = JSON.parse(
      '{"components":{"examples":{"E":{"value":{"__proto__":{"a":1},"b":2}}},"schemas":{"A":{"default":{"__proto__":{"a":1}},"properties":{"__proto__":{"type":"string"}}}}}}',
    );
    const out = canonicalize(doc);
    for (const node of [out.components.examples.E.value, out.components.schemas.A.default, out.components.schemas.A.properties]) {
      expect(Object.keys(node)).toContain("__proto__");
      expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    }
    expect(JSON.stringify(out.components.examples.E.value)).toBe('{"__proto__":{"a":1},"b":2}');
  });

  it("is deterministic, and example data is copied, not shared", () => {
    const doc = { components: { examples: { E: { value: data() } }, schemas: { A: { examples: [data()] } } } };
    const a = canonicalize(doc);
    expect(JSON.stringify(canonicalize(doc))).toBe(JSON.stringify(a));
    expect(a.components.examples.E.value).not.toBe(doc.components.examples.E.value);
    expect(a.components.examples.E.value.enum).not.toBe(doc.components.examples.E.value.enum);
    expect(a.components.schemas.A.examples[0]).not.toBe(doc.components.schemas.A.examples[0]);
  });
});
