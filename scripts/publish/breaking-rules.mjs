// Breaking-change rules that Optic's standard checks miss (scripts/diff.mjs runs both), for the
// changes that break SDK users. Each rule compares the same schema location in two bundled specs:
//
//   request side  (request body, path/query/header parameters)
//     - narrowed-bound: minimum/exclusiveMinimum/minLength/minItems raised, or maximum/
//       exclusiveMaximum/maxLength/maxItems lowered or newly set — a value that was accepted is refused
//     - new-required-field: a property became required
//     - changed-pattern: a pattern added, or changed (whether two patterns accept the same strings
//       cannot be decided, so any change counts; one removed widens)
//     - changed-format: a format added or changed (one removed widens)
//     - closed-object: additionalProperties/unevaluatedProperties became false (or a schema, where
//       any property was allowed) — a property the client sent beside the listed ones is refused
//     - new-constraint: a multipleOf added (or changed to one the old does not divide), uniqueItems
//       set to true
//     - new-enum: an enum or const where any value was accepted
//     - removed-enum-value: a value the client may send is no longer accepted
//   response side (every documented status and media type both specs have)
//     - removed-response-field: a property the client could read is gone
//     - response-field-optional: a property that was always present (required) may now be missing
//     - removed-enum-value: a value the client handles may no longer come back (SDKs generate
//       closed unions from response enums, so removing a member changes their types)
//     - response-enum-removed: the enum (or const) is gone, so any value may come back: every value
//       added at once (Optic flags a response enum value added, as a client's exhaustive handling
//       no longer covers the response)
//
// Schemas are compared after resolving local `$ref`s and merging `allOf` members (see flatten: the
// strictest bound, the common enum values, every pattern, format and multipleOf, all properties and
// `required`), so moving a property between components, or a bound into an `allOf` member, is not a
// change in itself. A response pattern, format or bound removed (a wider response) is not flagged.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
/** The keywords that close an object: `false` refuses a property not listed, a schema constrains it. */
const CLOSERS = ["additionalProperties", "unevaluatedProperties"];
/** Keywords that do not constrain a value: a schema of only these is the `true` schema. */
const ANNOTATIONS = new Set(["description", "title", "examples", "example", "default", "deprecated", "readOnly", "writeOnly", "$comment"]);

/** What an additionalProperties/unevaluatedProperties value allows, as said in a finding. */
function openness(v) {
  if (v === undefined) return "none";
  if (v === false) return "false";
  if (v === true || (v && typeof v === "object" && Object.keys(v).every((k) => ANNOTATIONS.has(k) || k.startsWith("x-")))) return "true";
  return "a schema";
}

/** A spec the rules cannot read (a `$ref` they cannot follow, a malformed object), with where it is. */
export class SpecShapeError extends Error {}

/** `s` percent-decoded (a `$ref` is a URI reference), or an error naming the `$ref` (located by the caller). */
function decode(s, ref) {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new Error(`cannot follow $ref "${ref}": not a valid URI fragment`);
  }
}

/** Every `$anchor` in the spec, by name (the first one found wins, as a bundled spec has one resource). */
const anchorCache = new WeakMap();
function anchors(spec) {
  let found = anchorCache.get(spec);
  if (found) return found;
  found = new Map();
  const seen = new Set();
  const visit = (node) => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$anchor === "string" && !found.has(node.$anchor)) found.set(node.$anchor, node);
    for (const v of Object.values(node)) visit(v);
  };
  visit(spec);
  anchorCache.set(spec, found);
  return found;
}

/**
 * The node a `$ref` inside the spec ("#/…" JSON Pointer or "#name" `$anchor`) points to. One that
 * points to nothing (a misspelt anchor or name) throws: read as no schema, it hid every change.
 */
function pointer(spec, ref) {
  if (ref === "#") return spec;
  let target;
  if (ref.startsWith("#") && !ref.startsWith("#/")) target = anchors(spec).get(decode(ref.slice(1), ref));
  else if (!ref.startsWith("#/")) throw new Error(`cannot follow $ref "${ref}": only references inside the spec ("#/…" or "#anchor") are followed`);
  else {
    target = ref
      .slice(2)
      .split("/")
      .map((s) => decode(s, ref).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc, key) => (acc !== null && typeof acc === "object" && Object.hasOwn(acc, key) ? acc[key] : undefined), spec);
  }
  if (target === undefined) throw new Error(`cannot follow $ref "${ref}": nothing in the spec has that ${ref.startsWith("#/") ? "pointer" : "$anchor"}`);
  return target;
}

/** A parameter, request body or response with its `$ref`s followed (a Reference Object's siblings override). */
function resolve(spec, node) {
  let current = node;
  for (let i = 0; current && typeof current === "object" && typeof current.$ref === "string"; i++) {
    if (i > 64) throw new Error(`cannot follow $ref "${current.$ref}": a cycle of references`);
    const target = pointer(spec, current.$ref);
    const { $ref, ...siblings } = current;
    current = target && typeof target === "object" ? { ...target, ...siblings } : target;
  }
  return current;
}

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The schema with `$ref`s resolved and `allOf` members merged in. Every member applies together
 * with the schema's own keywords (and a `$ref`'s siblings with its target, in 3.1), so the result
 * holds the strictest of each bound (largest lower, smallest upper), the values every `enum`
 * allows (a `const` counts as a one-value enum), every `required` name, every `pattern`, `format`
 * and `multipleOf` (as `patterns`, `formats`, `multiples`, sorted), `uniqueItems` true if any says
 * so, `additionalProperties`/`unevaluatedProperties` false if any is false (else the `allOf` of the
 * schemas given), and a property or `items` given more than once as the `allOf` of those schemas
 * (flattened in turn when walked). The order of the members does not matter. Other keywords are the
 * schema's own (no rule reads them).
 */
function flatten(spec, node, refs = []) {
  // true, false or missing (no rule applies to them), and a `$ref` cycle through allOf (already merged).
  if (!node || typeof node !== "object" || Array.isArray(node) || refs.length > 64) return { properties: {}, required: [], patterns: [], formats: [], multiples: [] };
  if (typeof node.$ref === "string") {
    const { $ref, ...siblings } = node;
    if (refs.includes($ref)) return { properties: {}, required: [], patterns: [], formats: [], multiples: [] };
    if (Object.keys(siblings).length > 0) return flatten(spec, { ...siblings, allOf: [{ $ref }, ...(siblings.allOf ?? [])] }, refs);
    return flatten(spec, pointer(spec, $ref), [...refs, $ref]);
  }
  const schema = node;
  const out = { ...schema, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  const enums = [];
  if (Array.isArray(schema.enum)) enums.push(schema.enum);
  if (schema.const !== undefined) enums.push([schema.const]);
  const patterns = typeof schema.pattern === "string" ? [schema.pattern] : [];
  const formats = typeof schema.format === "string" ? [schema.format] : [];
  const multiples = typeof schema.multipleOf === "number" ? [schema.multipleOf] : [];
  const closers = Object.fromEntries(CLOSERS.map((k) => [k, schema[k] === undefined ? [] : [schema[k]]]));
  for (const member of schema.allOf ?? []) {
    const m = flatten(spec, member, refs);
    for (const [k, v] of Object.entries(m.properties)) out.properties[k] = k in out.properties ? { allOf: [out.properties[k], v] } : v;
    out.required.push(...m.required);
    for (const k of LOWER) if (typeof m[k] === "number" && !(out[k] >= m[k])) out[k] = m[k];
    for (const k of UPPER) if (typeof m[k] === "number" && !(out[k] <= m[k])) out[k] = m[k];
    if (Array.isArray(m.enum)) enums.push(m.enum);
    if (m.items !== undefined) out.items = out.items === undefined ? m.items : { allOf: [out.items, m.items] };
    patterns.push(...m.patterns);
    formats.push(...m.formats);
    multiples.push(...m.multiples);
    if (m.uniqueItems === true) out.uniqueItems = true;
    for (const k of CLOSERS) if (m[k] !== undefined) closers[k].push(m[k]);
  }
  out.patterns = [...new Set(patterns)].sort();
  out.formats = [...new Set(formats)].sort();
  out.multiples = [...new Set(multiples)].sort((x, y) => x - y);
  for (const k of CLOSERS) {
    const schemas = closers[k].filter((v) => openness(v) === "a schema");
    if (closers[k].includes(false)) out[k] = false;
    else if (schemas.length > 0) out[k] = schemas.length === 1 ? schemas[0] : { allOf: schemas };
    else if (closers[k].length > 0) out[k] = true;
  }
  if (enums.length > 0) out.enum = enums.reduce((acc, list) => acc.filter((v) => list.some((w) => sameJson(v, w))));
  out.required = [...new Set(out.required)];
  return out;
}

/** `fn()`, with an error it throws located: which spec, and where in it (kept when already located). */
function located(which, where, fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof SpecShapeError) throw e;
    throw new SpecShapeError(`${which} spec, ${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function walk(ctx, base, head, where, side, seen) {
  const b = located("base", where, () => flatten(ctx.base, base));
  const h = located("head", where, () => flatten(ctx.head, head));
  const key = `${side}\u0000${where}`;
  if (seen.has(key) || seen.size > 5000) return;
  seen.add(key);
  const add = (rule, message) => ctx.findings.push({ rule, side, where, message });

  if (side === "request") {
    for (const k of LOWER) {
      if (typeof h[k] === "number" && (typeof b[k] !== "number" || h[k] > b[k])) add("narrowed-bound", `${k} raised from ${b[k] ?? "none"} to ${h[k]}`);
    }
    for (const k of UPPER) {
      if (typeof h[k] === "number" && (typeof b[k] !== "number" || h[k] < b[k])) add("narrowed-bound", `${k} lowered from ${b[k] ?? "none"} to ${h[k]}`);
    }
    const newlyRequired = h.required.filter((r) => !b.required.includes(r));
    for (const r of newlyRequired) add("new-required-field", `"${r}" is now required`);
    for (const [k, rule, list] of [["pattern", "changed-pattern", "patterns"], ["format", "changed-format", "formats"]]) {
      const gone = b[list].filter((v) => !h[list].includes(v));
      for (const v of h[list].filter((x) => !b[list].includes(x))) {
        add(rule, `${k} changed from ${gone.length > 0 ? gone.map((g) => JSON.stringify(g)).join(" and ") : "none"} to ${JSON.stringify(v)}`);
      }
    }
    for (const k of CLOSERS) {
      const was = openness(b[k]);
      const now = openness(h[k]);
      // unevaluatedProperties: false where additionalProperties was already false refuses no more.
      if (k === "unevaluatedProperties" && b.additionalProperties === false) continue;
      if (now === "false" && was !== "false") add("closed-object", `${k} changed from ${was} to false (a property not listed is refused)`);
      else if (now === "a schema" && (was === "none" || was === "true")) add("closed-object", `${k} changed from ${was} to a schema (a property not listed must match it)`);
    }
    // A multiple of every old multipleOf stays valid when each new one divides one of them.
    const divides = (m, x) => Math.abs(x / m - Math.round(x / m)) < 1e-9;
    for (const m of h.multiples) {
      if (!b.multiples.some((x) => divides(m, x))) add("new-constraint", `multipleOf changed from ${b.multiples.join(" and ") || "none"} to ${m}`);
    }
    if (h.uniqueItems === true && b.uniqueItems !== true) add("new-constraint", `uniqueItems changed from ${b.uniqueItems ?? "none"} to true`);
    if (Array.isArray(h.enum) && !Array.isArray(b.enum)) add("new-enum", `enum changed from none to ${JSON.stringify(h.enum)}`);
  } else {
    for (const name of Object.keys(b.properties)) {
      if (!(name in h.properties)) add("removed-response-field", `"${name}" was removed`);
      else if (b.required.includes(name) && !h.required.includes(name)) add("response-field-optional", `"${name}" is no longer required (may be missing)`);
    }
    if (Array.isArray(b.enum) && !Array.isArray(h.enum)) add("response-enum-removed", `enum removed (was ${JSON.stringify(b.enum)}): any value may come back`);
  }
  if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
    const gone = b.enum.filter((v) => !h.enum.some((w) => sameJson(w, v)));
    for (const v of gone) add("removed-enum-value", `enum value ${JSON.stringify(v)} was removed`);
  }
  for (const [name, sub] of Object.entries(b.properties)) {
    if (name in h.properties) walk(ctx, sub, h.properties[name], `${where}/${name}`, side, seen);
  }
  if (b.items && h.items) walk(ctx, b.items, h.items, `${where}/[]`, side, seen);
  if (openness(b.additionalProperties) === "a schema" && openness(h.additionalProperties) === "a schema") {
    walk(ctx, b.additionalProperties, h.additionalProperties, `${where}/*`, side, seen);
  }
}

function operations(spec) {
  const out = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.set(`${method.toUpperCase()} ${path}`, { item, op: item[method] });
  }
  return out;
}

function params(spec, { item, op }) {
  const out = new Map();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => resolve(spec, x))) out.set(`${p.in}:${p.name}`, p);
  return out;
}

/** Runs every rule; returns `[{ rule, side, where, message }]` (empty: nothing breaking found).
 * A spec they cannot read throws a SpecShapeError naming the spec (base or head) and the place. */
export function breakingChanges(base, head) {
  const ctx = { base, head, findings: [] };
  const baseOps = located("base", "paths", () => operations(base));
  const headOps = located("head", "paths", () => operations(head));
  for (const [name, b] of baseOps) {
    const h = headOps.get(name);
    if (!h) continue; // a removed operation: Optic reports it
    const seen = new Set();
    const bp = located("base", `${name} parameters`, () => params(base, b));
    const hp = located("head", `${name} parameters`, () => params(head, h));
    for (const [id, p] of bp) {
      if (hp.has(id)) walk(ctx, p.schema ?? {}, hp.get(id).schema ?? {}, `${name} ${id}`, "request", seen);
    }
    for (const [id, p] of hp) {
      if (p.required && !bp.has(id)) ctx.findings.push({ rule: "new-required-field", side: "request", where: `${name} ${id}`, message: "new required parameter" });
    }
    const bBody = located("base", `${name} requestBody`, () => resolve(base, b.op.requestBody)?.content ?? {});
    const hBody = located("head", `${name} requestBody`, () => resolve(head, h.op.requestBody)?.content ?? {});
    for (const [type, media] of Object.entries(bBody)) {
      if (hBody[type]) walk(ctx, media.schema ?? {}, hBody[type].schema ?? {}, `${name} request ${type}`, "request", seen);
    }
    for (const [status, resp] of Object.entries(b.op.responses ?? {})) {
      const hr = h.op.responses?.[status];
      if (!hr) continue; // a removed status: Optic reports it
      const bc = located("base", `${name} ${status}`, () => resolve(base, resp).content ?? {});
      const hc = located("head", `${name} ${status}`, () => resolve(head, hr).content ?? {});
      for (const [type, media] of Object.entries(bc)) {
        if (hc[type]) walk(ctx, media.schema ?? {}, hc[type].schema ?? {}, `${name} ${status} ${type}`, "response", seen);
      }
    }
  }
  return ctx.findings;
}
