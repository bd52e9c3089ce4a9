// scripts/lib/canonical.mjs: the key order of the bundled spec. Maps and data are sorted by key,
// OpenAPI and JSON Schema objects list their keywords in KEYWORD_ORDER. Each case is a node whose
// order only the right rule gives (keyword names used as map keys or as data keys).
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

const cases: [string, unknown, Record<string, string>][] = [
  ["a schema's examples (data)", { components: { schemas: { A: { examples: [data()] } } } }, { "/components/schemas/A/examples/0": sorted, "/components/schemas/A/examples/0/enum/0": "description,type" }],
  ["an extension's value (data)", { paths: { "/a": { get: { "x-thing": data() } } } }, { "/paths/~1a/get/x-thing": sorted, "/paths/~1a/get/x-thing/enum/0": "description,type" }],
  ["a default (data)", { components: { schemas: { A: { default: data() } } } }, { "/components/schemas/A/default": sorted }],
  ["an example's value (data)", { components: { examples: { E: { value: data() } } } }, { "/components/examples/E/value": sorted }],
  // Properties named like data keys are schemas: their keywords keep the keyword order.
  ["properties named value, default, examples", { components: { schemas: { A: { properties: { value: { maxLength: 3, type: "string" }, default: { maxLength: 3, type: "string" }, examples: { maxLength: 3, type: "string" } } } } } }, { "/components/schemas/A/properties": "default,examples,value", "/components/schemas/A/properties/value": "type,maxLength", "/components/schemas/A/properties/default": "type,maxLength", "/components/schemas/A/properties/examples": "type,maxLength" }],
  ["a discriminator's mapping (a map)", { components: { schemas: { A: { discriminator: { propertyName: "kind", mapping: { type: "#/a", title: "#/b", enum: "#/c" } } } } } }, { "/components/schemas/A/discriminator/mapping": "enum,title,type" }],
];

describe("canonicalize", () => {
  it.each(cases)("%s", (_name, doc, want) => {
    const got = Object.fromEntries(orders(canonicalize(doc)).map((line) => line.split(": ") as [string, string]));
    for (const [pointer, keys] of Object.entries(want)) expect(got[pointer.replace(/~1/g, "/")], pointer).toBe(keys);
  });
});
