// Scenario 4 helper: GitHub's REST description (OpenAPI 3.0.3) rendered as the OpenAPI 3.1 our
// pipeline takes (JSON Schema 2020-12 under AJV's strict mode), for timing our steps on a large
// spec. Every change is counted and reported with the figures:
// - `nullable: true` → `null` added to `type` (and to `enum`); 3.0's `nullable` without a `type`
//   constrains nothing and is left out;
// - a schema's `example` → `examples: [example]` (3.1; an annotation either way);
// - `discriminator`, `xml`, `externalDocs` in schemas left out (OpenAPI annotations AJV does not know);
// - siblings of a `$ref` left out (3.0 ignores them; 3.1 would apply them), but `description`;
// - keywords for a type the schema's `type` excludes left out (they check nothing: strictTypes
//   rejects them), and a schema with object (array) keywords but no `type` gets type object
//   (array) — the one change that narrows what validates;
// - formats ajv-formats does not define (`repo.nwo`, `timestamp`) left out (strict mode rejects them).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const repo = path.resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const { fullFormats } = createRequire(`${repo}/package.json`)("ajv-formats/dist/formats.js");
const KNOWN_FORMATS = new Set(Object.keys(fullFormats));
const SCHEMA_MAP = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_ONE = ["items", "not", "if", "then", "else", "additionalProperties", "contains", "propertyNames"];
const SCHEMA_ARR = ["allOf", "anyOf", "oneOf", "prefixItems"];
const ONLY = {
  object: ["properties", "additionalProperties", "required", "patternProperties", "minProperties", "maxProperties", "propertyNames", "dependentRequired"],
  array: ["items", "minItems", "maxItems", "uniqueItems", "contains", "prefixItems"],
  string: ["minLength", "maxLength", "pattern"],
  number: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
};

function as31(doc) {
  const changes = {};
  const count = (what) => (changes[what] = (changes[what] ?? 0) + 1);
  const schema = (s) => {
    if (!s || typeof s !== "object" || Array.isArray(s)) return s;
    const out = {};
    for (const [k, v] of Object.entries(s)) {
      if (SCHEMA_MAP.includes(k) && v && typeof v === "object") out[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, schema(x)]));
      else if (SCHEMA_ONE.includes(k)) out[k] = schema(v);
      else if (SCHEMA_ARR.includes(k) && Array.isArray(v)) out[k] = v.map(schema);
      else if (k === "nullable") count("nullable → type with null");
      else if (k === "example") {
        count("example → examples");
        out.examples = [v];
      } else if (["discriminator", "xml", "externalDocs"].includes(k)) count(`${k} left out`);
      else if (k === "format" && !KNOWN_FORMATS.has(v)) count(`format ${v} left out`);
      else out[k] = v;
    }
    if (out.$ref) {
      for (const k of Object.keys(out)) {
        if (k !== "$ref" && k !== "description") {
          delete out[k];
          count("$ref sibling left out");
        }
      }
      return out;
    }
    if (s.nullable === true && typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    if (out.type !== undefined) {
      const types = [].concat(out.type);
      for (const [t, keys] of Object.entries(ONLY)) {
        if (types.includes(t) || (t === "number" && types.includes("integer"))) continue;
        for (const k of keys) {
          if (k in out) {
            delete out[k];
            count(`${t} keyword on a non-${t} left out`);
          }
        }
      }
    } else if (ONLY.object.some((k) => k in out)) {
      out.type = "object";
      count("type object added (object keywords, no type)");
    } else if (ONLY.array.some((k) => k in out)) {
      out.type = "array";
      count("type array added (array keywords, no type)");
    }
    return out;
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "schema" ? schema(v) : walk(v)]));
  };
  const out = walk(doc);
  out.openapi = "3.1.0";
  if (doc.components?.schemas) out.components.schemas = Object.fromEntries(Object.entries(doc.components.schemas).map(([n, s]) => [n, schema(s)]));
  return { doc: out, changes };
}

/** Writes the 3.1 rendering of `file` into `dir`; returns its path and the changes made. */
export function githubAs31(file, dir) {
  const { doc, changes } = as31(JSON.parse(fs.readFileSync(file, "utf8")));
  const out = path.join(dir, "api.github.com.3.1.json");
  fs.writeFileSync(out, JSON.stringify(doc, null, 2));
  return { file: out, changes };
}

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)$/;
const unescapePointer = (s) => s.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * A smaller spec of the same kind, for timing against spec size: every `every`-th path and webhook
 * (`x-webhooks`, `webhooks`), in key order, with the components they reach through `$ref`,
 * transitively; components of a type that nothing reaches by `$ref` (security schemes, named by
 * `security`) are kept whole. `every` 1 keeps everything reachable.
 */
export function sliceSpec(doc, every) {
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`every must be a positive integer, got ${every}`);
  const pick = (map) => (map ? Object.fromEntries(Object.entries(map).filter((_, i) => i % every === 0)) : map);
  const out = { ...doc, paths: pick(doc.paths) };
  for (const key of ["x-webhooks", "webhooks"]) if (doc[key]) out[key] = pick(doc[key]);
  const components = doc.components ?? {};
  const reached = Object.fromEntries(Object.keys(components).map((type) => [type, new Set()]));
  const queue = [];
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") {
        const m = COMPONENT_REF.exec(v);
        if (!m) continue;
        const [type, name] = [unescapePointer(m[1]), unescapePointer(m[2])];
        if (!components[type] || !Object.hasOwn(components[type], name)) throw new Error(`${v} does not resolve`);
        if (!reached[type].has(name)) {
          reached[type].add(name);
          queue.push(components[type][name]);
        }
      } else visit(v);
    }
  };
  visit({ paths: out.paths, "x-webhooks": out["x-webhooks"], webhooks: out.webhooks });
  while (queue.length) visit(queue.pop());
  // A component type that no $ref of the whole spec names is kept whole (security schemes).
  const typesByRef = new Set();
  JSON.stringify(doc, (k, v) => {
    if (k === "$ref" && typeof v === "string") {
      const m = COMPONENT_REF.exec(v);
      if (m) typesByRef.add(unescapePointer(m[1]));
    }
    return v;
  });
  out.components = Object.fromEntries(Object.entries(components).map(([type, members]) => [
    type,
    typesByRef.has(type) ? Object.fromEntries(Object.entries(members).filter(([name]) => reached[type].has(name))) : members,
  ]));
  return out;
}
