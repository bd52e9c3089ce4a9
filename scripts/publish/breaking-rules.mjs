// Breaking-change rules that Optic's standard checks miss (scripts/diff.mjs runs both), for the
// changes that break SDK users. Each rule compares the same schema location in two bundled specs:
//
//   request side  (request body, path/query/header parameters; a header parameter's name compared
//   case-insensitively, as HTTP's are, path and query ones as written)
//     - narrowed-bound: minimum/exclusiveMinimum/minLength/minItems/minProperties raised, or
//       maximum/exclusiveMaximum/maxLength/maxItems/maxProperties lowered, or either newly set — a
//       value that was accepted is refused
//     - new-required-field: a property became required
//     - removed-request-field: a property is gone — code passing it no longer compiles against the
//       generated types (unless additionalProperties is true: the server no longer reads it), and
//       a closed object (additionalProperties/unevaluatedProperties false) refuses a body that
//       sends it (Optic lists the removal without flagging it)
//     - changed-pattern: a pattern added, or changed (whether two patterns accept the same strings
//       cannot be decided, so any change counts; one removed widens)
//     - changed-format: a format added or changed (one removed widens)
//     - closed-object: additionalProperties/unevaluatedProperties became false (or a schema, where
//       any property was allowed) — a property the client sent beside the listed ones is refused;
//       or a listed property is now refused by an additionalProperties: false that does not see it
//       (it moved into an allOf member or $ref target: additionalProperties sees only its own
//       schema's properties)
//     - new-constraint: a multipleOf added (or changed to one the old does not divide), uniqueItems
//       set to true, a query parameter's allowEmptyValue turned off (an empty value is refused), a
//       property declared in an object that took any member (its value is now checked)
//     - changed-serialization: a parameter's style, or its explode where the value may be an array
//       or an object (not deepObject, which has one serialisation), changed after OpenAPI's defaults
//       (query and cookie form, path and header simple; explode true for form only), so a client
//       writes it differently; a query parameter's allowReserved turned off (reserved characters
//       sent as they are no longer read as data). Spelling out a default is no change; allowReserved or allowEmptyValue turned on
//       accepts more (not flagged). A parameter described with `content` has none of these.
//     - new-enum: an enum or const where any value was accepted
//     - removed-enum-value: a value the client may send is no longer accepted
//   response side (every documented status and media type both specs have)
//     - removed-response-field: a property the client could read is gone (or refused, as for
//       closed-object)
//     - response-field-optional: a property that was always present (required) may now be missing
//     - removed-enum-value: a value the client handles may no longer come back (SDKs generate
//       closed unions from response enums, so removing a member changes their types)
//     - response-enum-removed: the enum (or const) is gone, so any value may come back: every value
//       added at once
//     - response-enum-value-added: a value the client's exhaustive handling does not cover (Optic
//       flags it too)
//     - response-type-widened: a type (or null) may come back that did not (`type` list grown or
//       removed, integer → number, OpenAPI 3.0 `nullable: true`; an enum or const allows only its
//       values' types): the generated types widen
//   response headers (Optic does not examine them; names compared case-insensitively, Content-Type
//   ignored as OpenAPI says)
//     - removed-response-header: a header declared on a status both specs have is gone
//     - response-header-optional: a header that was required may now be missing
//   package (breaking)
//     - removed-component: a component of `components.schemas`, `responses`, `parameters`,
//       `headers`, `requestBodies` or `pathItems` is gone, or renamed: the package exports a type
//       named after each (generated/schema.d.ts: `StatusUpdate`, `ResponseNotFound`, `ParameterId`,
//       `HeaderXRequestId`, `RequestBody…`, `PathItem…`) and a validator for each schema (`schemas.StatusUpdate` of
//       puffle-api/validators), so code naming it no longer compiles, though the wire is the same
//   operation (breaking)
//     - removed-media-type: a request or response media type both specs' operation had is gone
//     - changed-operation-id: the names generated from it (validators' entries, SDK methods) change
//     - removed-security: a security requirement (or anonymous access) a client may use is gone
//     - new-required-field (again): an optional parameter or request body became required
//   notable (printed, exit 0): a wider response that no generated type shows — a client validating
//   responses with the old schema refuses what it did not expect — and additions a client may not
//   handle. (The same changes on the request side widen what is accepted: not flagged.)
//     - response-widened-bound: a lower bound lowered or removed, an upper one raised or removed
//     - response-changed-pattern / response-changed-format: a pattern or format removed or changed
//     - response-removed-constraint: a multipleOf removed (or one the old does not divide),
//       uniqueItems no longer true
//     - response-opened-object: additionalProperties/unevaluatedProperties no longer false (or a
//       schema no longer), so a property not listed may come back
//     - new-response-status: a documented status added (a minor, by the CHANGELOG rule)
//     - new-request-field / new-response-field: a property added (optional, on the request side; a
//       new required one is new-required-field) — a minor by the CHANGELOG rule, which Optic's
//       report shows for a response only, and for a request body not at all. On the request side,
//       only where the object refused the name before (additionalProperties false): one that took
//       it (any value, or what its patternProperties schema for a name it matched, else its
//       additionalProperties schema, else its unevaluatedProperties schema, allowed) now checks the
//       value against the new property's schema, new-constraint (breaking), unless that schema
//       allows as much
//     - request-enum-value-added: a value the client may now send (a minor; Optic's report says
//       only "changed")
//     - removed-parameter: a parameter gone (the client's generated types no longer take it)
//     - response-header-widened: a response header's schema widened, by any of the response rules
//       above that flag a wider value (header values reach a client as strings, so no generated type
//       changes); a header narrowed or added is not reported
//   review (exit 1 until a person says otherwise): changes the rules cannot classify
//     - unexamined-keyword: prefixItems, contains, not, oneOf, anyOf, propertyNames,
//       patternProperties, dependentRequired/dependentSchemas, if/then/else, … (UNEXAMINED) added,
//       removed or changed (compared with `$ref`s inside followed, annotations left out, sets such
//       as enum values and oneOf branches in any order)
//     - changed-security-scheme: a security scheme of the same name sends credentials differently
//     - unexamined-content: a parameter or response header described with `content` (instead of
//       `schema`): content added, removed or changed (annotations left out), naming the place
//
// Schemas are compared after resolving local `$ref`s and merging `allOf` members (see flatten: the
// strictest bound, the common enum values and types, every pattern, format and multipleOf, all
// properties and `required`), so moving a property between components, or a bound into an `allOf`
// member, is not a change in itself — unless an additionalProperties: false no longer sees the
// property (closed-object, removed-response-field). Optic reports removed operations and statuses: not repeated.

import { HTTP_METHODS } from "../lib/spec.mjs";

const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
/** The keywords that close an object: `false` refuses a property not listed, a schema constrains it. */
const CLOSERS = ["additionalProperties", "unevaluatedProperties"];
/**
 * Keywords the rules do not read: any change under one of them (its value with every `$ref` inside
 * followed, in the schema or an `allOf` member) is a `review` finding naming the place and keyword.
 */
const UNEXAMINED = ["prefixItems", "contains", "minContains", "maxContains", "not", "oneOf", "anyOf", "propertyNames", "patternProperties", "dependentRequired", "dependentSchemas", "dependencies", "if", "then", "else", "unevaluatedItems", "discriminator"];
/** The component kinds generated/schema.d.ts exports a type for, by name (and schemas a validator). */
const EXPORTED_COMPONENTS = ["schemas", "responses", "parameters", "headers", "requestBodies", "pathItems"];
/** What each rule's finding means: `breaking` (exit 1), `review` (exit 1: undecided, a person checks), `notable` (printed, exit 0). */
export const SEVERITY = {
  "narrowed-bound": "breaking",
  "new-required-field": "breaking",
  "removed-request-field": "breaking",
  "changed-pattern": "breaking",
  "changed-format": "breaking",
  "closed-object": "breaking",
  "new-constraint": "breaking",
  "new-enum": "breaking",
  "removed-enum-value": "breaking",
  "removed-response-field": "breaking",
  "response-field-optional": "breaking",
  "response-enum-removed": "breaking",
  "response-enum-value-added": "breaking",
  "response-type-widened": "breaking",
  "removed-media-type": "breaking",
  "changed-operation-id": "breaking",
  "removed-security": "breaking",
  "removed-response-header": "breaking",
  "response-header-optional": "breaking",
  "changed-serialization": "breaking",
  "removed-component": "breaking",
  "response-widened-bound": "notable",
  "response-changed-pattern": "notable",
  "response-changed-format": "notable",
  "response-removed-constraint": "notable",
  "response-opened-object": "notable",
  "new-response-status": "notable",
  "new-request-field": "notable",
  "new-response-field": "notable",
  "request-enum-value-added": "notable",
  "removed-parameter": "notable",
  "response-header-widened": "notable",
  "unexamined-keyword": "review",
  "changed-security-scheme": "review",
  "unexamined-content": "review",
};

/** Response rules that flag a wider value: for a response header, each is `response-header-widened`. */
const HEADER_WIDENED = new Set(["response-enum-removed", "response-enum-value-added", "response-type-widened", "response-widened-bound", "response-changed-pattern", "response-changed-format", "response-removed-constraint", "response-opened-object"]);

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
/** The values of enum `list` that enum `other` lacks. */
const valuesNotIn = (list, other) => list.filter((v) => !other.some((w) => sameJson(w, v)));

/** Whether `x` is a multiple of `m` (within floating-point error). */
const divides = (m, x) => Math.abs(x / m - Math.round(x / m)) < 1e-9;

/** A finding of `rule`, with the rule's severity. */
const finding = (rule, side, where, message) => ({ rule, severity: SEVERITY[rule], side, where, message });

/** The JSON types a schema's own `type` allows (an OpenAPI 3.0 `nullable: true` adds "null"), sorted; undefined: any. */
function ownTypes(schema) {
  if (schema.type === undefined) return undefined;
  const list = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (schema.nullable === true && !list.includes("null")) list.push("null");
  return [...new Set(list)].sort();
}

/** `t` is one of `types` ("integer" is a "number"); undefined `types` allows any. */
const typeIn = (t, types) => types === undefined || types.includes(t) || (t === "integer" && types.includes("number"));

/** The JSON type of a value ("integer" for a whole number). */
const jsonType = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v);

/** The types both lists allow (undefined: any). */
function intersectTypes(a, b) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return [...new Set([...a.filter((t) => typeIn(t, b)), ...b.filter((t) => typeIn(t, a))])].sort();
}

/** Keywords whose value is data, not schemas (compared as it is). */
const DATA = new Set(["enum", "const", "required", "dependentRequired", "default", "examples", "example"]);
/** Keywords whose value maps names to schemas (the names are not keywords). */
const MAPS = new Set(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions", "dependencies"]);
/** Keywords whose array is a set (enum values, names, types, branches): compared in sorted order, as their order means nothing. */
const SETS = new Set(["enum", "required", "type", "oneOf", "anyOf", "allOf"]);
/** `texts` (each element's canonical JSON) as one JSON array in sorted order. */
const setText = (texts) => `[${[...texts].sort().join(",")}]`;

/**
 * `node` as canonical JSON text, with every `$ref` inside followed (a cycle as how far up it leads back),
 * object keys and the members of a set (SETS, dependentRequired's names) sorted, and annotations
 * (descriptions, examples, `x-` extensions) left out: equal text, same constraint.
 */
function canonical(spec, node, refs = [], names = false) {
  if (Array.isArray(node)) return `[${node.map((v) => canonical(spec, v, refs)).join(",")}]`;
  if (!node || typeof node !== "object") return JSON.stringify(node);
  const entries = [];
  for (const k of Object.keys(node).sort()) {
    if (!names && (ANNOTATIONS.has(k) || k.startsWith("x-"))) continue;
    const v = node[k];
    if (!names && k === "$ref" && typeof v === "string") {
      // A cycle is said by how many `$ref`s up it leads back, not by the target's name: a recursive
      // component renamed is the same schema.
      const back = refs.indexOf(v);
      entries.push(`"$ref":${back >= 0 ? JSON.stringify(`#cycle:${refs.length - back}`) : refs.length > 32 ? JSON.stringify(v) : canonical(spec, pointer(spec, v), [...refs, v])}`);
    } else if (!names && DATA.has(k)) {
      // dependentRequired: a set of names for each name.
      const data =
        k === "dependentRequired" && v && typeof v === "object" && !Array.isArray(v)
          ? `{${Object.keys(v).sort().map((n) => `${JSON.stringify(n)}:${Array.isArray(v[n]) ? setText(v[n].map(sortedJson)) : sortedJson(v[n])}`).join(",")}}`
          : SETS.has(k) && Array.isArray(v)
            ? setText(v.map(sortedJson))
            : sortedJson(v);
      entries.push(`${JSON.stringify(k)}:${data}`);
    } else if (!names && SETS.has(k) && Array.isArray(v)) entries.push(`${JSON.stringify(k)}:${setText(v.map((x) => canonical(spec, x, refs)))}`);
    else entries.push(`${JSON.stringify(k)}:${canonical(spec, v, refs, !names && MAPS.has(k))}`);
  }
  return `{${entries.join(",")}}`;
}

/** JSON text with object keys sorted. */
function sortedJson(v) {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(",")}]`;
  if (!v || typeof v !== "object") return JSON.stringify(v);
  return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`).join(",")}}`;
}

/** What flatten gives for a schema no rule applies to. */
const emptyFlat = () => ({ properties: {}, required: [], patterns: [], formats: [], multiples: [], types: undefined, unexamined: {}, closedBy: [] });

/**
 * The schema with `$ref`s resolved and `allOf` members merged in. Every member applies together
 * with the schema's own keywords (and a `$ref`'s siblings with its target, in 3.1), so the result
 * holds the strictest of each bound (largest lower, smallest upper), the values every `enum`
 * allows (a `const` counts as a one-value enum), every `required` name, every `pattern`, `format`
 * and `multipleOf` (as `patterns`, `formats`, `multiples`, sorted), `uniqueItems` true if any says
 * so, `additionalProperties`/`unevaluatedProperties` false if any is false (else the `allOf` of the
 * schemas given), and a property or `items` given more than once as the `allOf` of those schemas
 * (flattened in turn when walked), the types every `type` allows (`types`, undefined: any), and the
 * values of the keywords no rule reads, from the schema and every member (`unexamined`). The order
 * of the members does not matter. Other keywords are the schema's own (no rule reads them).
 */
function flatten(spec, node, refs = []) {
  // true, false or missing (no rule applies to them), and a `$ref` cycle through allOf (already merged).
  if (!node || typeof node !== "object" || Array.isArray(node) || refs.length > 64) return emptyFlat();
  if (typeof node.$ref === "string") {
    const { $ref, ...siblings } = node;
    if (refs.includes($ref)) return emptyFlat();
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
  let types = ownTypes(schema);
  const unexamined = {};
  for (const k of UNEXAMINED) if (schema[k] !== undefined) unexamined[k] = [schema[k]];
  // additionalProperties: false sees only its own schema's properties (and patternProperties).
  const closedBy = schema.additionalProperties === false ? [{ names: Object.keys(schema.properties ?? {}), patterns: Object.keys(schema.patternProperties ?? {}) }] : [];
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
    types = intersectTypes(types, m.types);
    for (const [k, list] of Object.entries(m.unexamined)) (unexamined[k] ??= []).push(...list);
    closedBy.push(...m.closedBy);
  }
  out.closedBy = closedBy;
  out.types = types;
  out.unexamined = unexamined;
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

/**
 * Whether a flattened schema refuses a property it lists: an additionalProperties: false whose own
 * schema neither lists it nor matches it with a patternProperties pattern (one that is no valid
 * regular expression is taken to match).
 */
function refused(flat, name) {
  return flat.closedBy.some((c) => !c.names.includes(name) && !c.patterns.some((p) => matchesPattern(p, name)));
}

/**
 * What a flattened request schema held a property it does not list to: undefined when it refused
 * the name, else `{ by, schemas }`, the schemas its value had to match (none: any value). A name a
 * patternProperties pattern matches is held to that pattern's schema, never to additionalProperties
 * or unevaluatedProperties; any other to additionalProperties when written (it evaluates every
 * such name, so an unevaluatedProperties beside it sees none), else to unevaluatedProperties.
 */
function heldTo(flat, name) {
  if (refused(flat, name)) return undefined;
  const byPattern = (flat.unexamined.patternProperties ?? []).flatMap((pp) => (pp && typeof pp === "object" ? Object.entries(pp).filter(([p]) => matchesPattern(p, name)).map(([, s]) => s) : []));
  if (byPattern.length > 0) return byPattern.includes(false) ? undefined : { by: "patternProperties", schemas: byPattern.filter((s) => openness(s) !== "true") };
  for (const k of CLOSERS) {
    const v = flat[k];
    if (v === undefined) continue;
    if (v === false) return undefined;
    return { by: k, schemas: openness(v) === "a schema" ? [v] : [] };
  }
  return { by: "", schemas: [] };
}

/** Whether a patternProperties pattern matches `name` (one that is no valid regular expression is taken to match). */
function matchesPattern(p, name) {
  try {
    return new RegExp(p, "u").test(name);
  } catch {
    return true;
  }
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
  const add = (rule, message) => ctx.findings.push(finding(rule, side, where, message));

  if (side === "request") {
    for (const k of LOWER) {
      if (typeof h[k] === "number" && (typeof b[k] !== "number" || h[k] > b[k])) add("narrowed-bound", `${k} raised from ${b[k] ?? "none"} to ${h[k]}`);
    }
    for (const k of UPPER) {
      if (typeof h[k] === "number" && (typeof b[k] !== "number" || h[k] < b[k])) add("narrowed-bound", `${k} lowered from ${b[k] ?? "none"} to ${h[k]}`);
    }
    const newlyRequired = h.required.filter((r) => !b.required.includes(r));
    for (const r of newlyRequired) add("new-required-field", `"${r}" is now required`);
    for (const name of Object.keys(h.properties)) {
      if (name in b.properties || h.required.includes(name)) continue;
      // An object that did not refuse the name took a value under it before (any value, or what its
      // additionalProperties/unevaluatedProperties schema allowed): its own schema now checks that
      // value, which narrows unless it allows anything (or the same as that schema).
      const took = heldTo(b, name);
      const own = h.properties[name];
      const same = took !== undefined && (openness(own) === "true" || located("head", `${where}/${name}`, () => {
        const mine = canonical(ctx.head, own);
        return took.schemas.some((s) => mine === located("base", where, () => canonical(ctx.base, s)));
      }));
      if (took === undefined || same) add("new-request-field", `"${name}" was added, optional (the API can do more: a minor, by the CHANGELOG rule)`);
      else add("new-constraint", `"${name}" was added to an object that took it before (${took.schemas.length === 0 ? "any value" : `a value its ${took.by} schema allowed`}): a value sent under that name is now checked against its schema`);
    }
    // Optic lists a removed request property without flagging it.
    const closed = h.additionalProperties === false || h.unevaluatedProperties === false;
    for (const name of Object.keys(b.properties)) {
      if (!(name in h.properties)) {
        // additionalProperties: true is an index signature in the generated types: code still compiles.
        const why = !closed && openness(h.additionalProperties) === "true" ? "the server no longer reads it; code passing it still compiles, as the object takes any property" : `code passing it no longer compiles against the generated types${closed ? "; the object is closed, so a body sending it is refused" : ""}`;
        add("removed-request-field", `"${name}" was removed (${why})`);
      }
    }
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
    for (const m of h.multiples) {
      if (!b.multiples.some((x) => divides(m, x))) add("new-constraint", `multipleOf changed from ${b.multiples.join(" and ") || "none"} to ${m}`);
    }
    if (h.uniqueItems === true && b.uniqueItems !== true) add("new-constraint", `uniqueItems changed from ${b.uniqueItems ?? "none"} to true`);
    if (Array.isArray(h.enum) && !Array.isArray(b.enum)) add("new-enum", `enum changed from none to ${JSON.stringify(h.enum)}`);
    if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
      for (const v of valuesNotIn(h.enum, b.enum)) add("request-enum-value-added", `enum value ${JSON.stringify(v)} was added (the API can do more: a minor, by the CHANGELOG rule)`);
    }
  } else {
    for (const name of Object.keys(b.properties)) {
      if (!(name in h.properties)) add("removed-response-field", `"${name}" was removed`);
      else if (b.required.includes(name) && !h.required.includes(name)) add("response-field-optional", `"${name}" is no longer required (may be missing)`);
    }
    for (const name of Object.keys(h.properties)) {
      if (!(name in b.properties)) add("new-response-field", `"${name}" was added (the API can do more: a minor, by the CHANGELOG rule)`);
    }
    if (Array.isArray(b.enum) && !Array.isArray(h.enum)) add("response-enum-removed", `enum removed (was ${JSON.stringify(b.enum)}): any value may come back`);
    if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
      for (const v of valuesNotIn(h.enum, b.enum)) add("response-enum-value-added", `enum value ${JSON.stringify(v)} was added (a client's exhaustive handling of the old values misses it)`);
    }
    // A type (or null) that may come back and did not: the generated types widen, old code breaks.
    const said = (t) => (t === undefined ? "any" : t.join(" | "));
    // An enum (or const) allows only its values' types, whatever `type` says or whether it is there.
    const hTypes = Array.isArray(h.enum) ? intersectTypes(h.types, [...new Set(h.enum.map(jsonType))].sort()) : h.types;
    if (b.types !== undefined && (hTypes === undefined || hTypes.some((t) => !typeIn(t, b.types)))) {
      const nullable = hTypes !== undefined && hTypes.filter((t) => !typeIn(t, b.types)).every((t) => t === "null");
      add("response-type-widened", `type widened from ${said(b.types)} to ${said(hTypes)}${nullable ? " (may now be null)" : ""}`);
    }
    // What came back still does, but more may: a client validating with the old schema refuses it.
    for (const k of LOWER) {
      if (typeof b[k] === "number" && !(h[k] >= b[k])) add("response-widened-bound", `${k} lowered from ${b[k]} to ${h[k] ?? "none"}`);
    }
    for (const k of UPPER) {
      if (typeof b[k] === "number" && !(h[k] <= b[k])) add("response-widened-bound", `${k} raised from ${b[k]} to ${h[k] ?? "none"}`);
    }
    for (const [k, rule, list] of [["pattern", "response-changed-pattern", "patterns"], ["format", "response-changed-format", "formats"]]) {
      const added = h[list].filter((v) => !b[list].includes(v));
      for (const v of b[list].filter((x) => !h[list].includes(x))) {
        add(rule, `${k} changed from ${JSON.stringify(v)} to ${added.length > 0 ? added.map((a) => JSON.stringify(a)).join(" and ") : "none"}`);
      }
    }
    for (const x of b.multiples) {
      if (!h.multiples.some((m) => divides(x, m))) add("response-removed-constraint", `multipleOf changed from ${x} to ${h.multiples.join(" and ") || "none"}`);
    }
    if (b.uniqueItems === true && h.uniqueItems !== true) add("response-removed-constraint", `uniqueItems changed from true to ${h.uniqueItems ?? "none"}`);
    for (const k of CLOSERS) {
      const was = openness(b[k]);
      const now = openness(h[k]);
      // The other closer false in its place: still no property beyond the listed ones.
      const other = CLOSERS.find((c) => c !== k);
      if (was === "false" && now !== "false" && h[other] !== false) add("response-opened-object", `${k} changed from false to ${now} (a property not listed may come back)`);
      else if (was === "a schema" && (now === "none" || now === "true") && h[other] !== false) add("response-opened-object", `${k} changed from a schema to ${now} (a property not listed may come back unchecked)`);
    }
  }
  // A property both list, refused now (and not before) by an additionalProperties: false that does not
  // see it, as when it moved into an allOf member beside that false.
  const unseen = "additionalProperties is false where it is not listed (it is listed only in another allOf member or $ref target, which additionalProperties does not see)";
  for (const name of Object.keys(b.properties)) {
    if (!(name in h.properties) || !refused(h, name) || refused(b, name)) continue;
    if (side === "request") add("closed-object", `"${name}" is refused: ${unseen}`);
    else add("removed-response-field", `"${name}" can no longer come back: ${unseen}`);
  }
  // Keywords no rule reads: any change is for a person to judge.
  for (const k of UNEXAMINED) {
    // Each value canonical under its keyword (`{"oneOf": …}`), so that a set's order does not count.
    const bk = located("base", where, () => (b.unexamined[k] ?? []).map((v) => canonical(ctx.base, { [k]: v })).sort());
    const hk = located("head", where, () => (h.unexamined[k] ?? []).map((v) => canonical(ctx.head, { [k]: v })).sort());
    if (sameJson(bk, hk)) continue;
    const how = bk.length === 0 ? "added" : hk.length === 0 ? "removed" : "changed";
    add("unexamined-keyword", `${k} ${how} (these rules do not examine ${k}; review by hand whether it breaks a client)`);
  }
  if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
    const gone = valuesNotIn(b.enum, h.enum);
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

/** Every operation by `METHOD path`, with its path item (one given by `$ref`, as to components.pathItems, followed). */
function operations(spec) {
  const out = new Map();
  for (const [path, raw] of Object.entries(spec.paths ?? {})) {
    const item = resolve(spec, raw);
    for (const method of HTTP_METHODS) if (item[method]) out.set(`${method.toUpperCase()} ${path}`, { item, op: item[method] });
  }
  return out;
}

/**
 * A parameter or header described with `content` (a media type and its schema) instead of `schema`:
 * not examined, so any change to it (annotations aside) is a `review` finding naming the place.
 */
function contentChange(ctx, b, h, where, side, what) {
  const bc = located("base", where, () => (b.content === undefined ? undefined : canonical(ctx.base, b.content)));
  const hc = located("head", where, () => (h.content === undefined ? undefined : canonical(ctx.head, h.content)));
  if (bc === hc) return;
  const how = bc === undefined ? "added" : hc === undefined ? "removed" : "changed";
  ctx.findings.push(finding("unexamined-content", side, where, `content ${how} (these rules do not examine a ${what} described with content; review by hand whether it breaks a client)`));
}

/** A response's headers, with `$ref`s followed, by lower-cased name (Content-Type is ignored, as OpenAPI says). */
function headers(spec, response) {
  const out = new Map();
  for (const [name, header] of Object.entries(response?.headers ?? {})) {
    if (name.toLowerCase() !== "content-type") out.set(name.toLowerCase(), { name, value: resolve(spec, header) });
  }
  return out;
}

/**
 * How a parameter described with `schema` is written: `style` and `explode` with OpenAPI's defaults
 * (query and cookie `form`, path and header `simple`; `explode` true for `form` only), and, for a
 * query parameter (the only one they apply to), `allowReserved` and `allowEmptyValue` (default false).
 */
function serialization(p) {
  const style = p.style ?? (p.in === "query" || p.in === "cookie" ? "form" : "simple");
  const query = p.in === "query";
  return { style, explode: p.explode ?? style === "form", allowReserved: query && p.allowReserved === true, allowEmptyValue: query && p.allowEmptyValue === true };
}

/**
 * Serialisation changes of a parameter both specs describe with `schema` (one described with
 * `content` is unexamined-content's): a style, or an explode where the value may be an array or an
 * object (a primitive is written the same either way; deepObject has one serialisation), changes
 * what a client sends; allowReserved or allowEmptyValue turned off refuses what a client sent.
 * Turned on, they accept more: not flagged.
 */
function serializationChanges(ctx, b, h, where) {
  if (b.content !== undefined || h.content !== undefined) return [];
  const bs = serialization(b);
  const hs = serialization(h);
  const out = [];
  // Whether the value may be an array or an object (in either spec): only then does explode matter.
  const spreads = [[ctx.base, b], [ctx.head, h]].some(([spec, p]) => {
    const types = located(spec === ctx.base ? "base" : "head", where, () => flatten(spec, p.schema ?? {}).types);
    return types === undefined || types.includes("array") || types.includes("object");
  });
  // deepObject has one serialisation (name[key]=value), whatever explode says (its default, false, is
  // often left so), so explode is not compared there.
  const deep = bs.style === "deepObject" || hs.style === "deepObject";
  if (bs.style !== hs.style) {
    const explode = deep ? " (" : bs.explode === hs.explode ? ` (explode ${bs.explode}; ` : ` and explode from ${bs.explode} to ${hs.explode} (`;
    out.push(["changed-serialization", `style changed from ${bs.style} to ${hs.style}${explode}a client serialises the parameter differently)`]);
  } else if (bs.explode !== hs.explode && spreads && !deep) {
    out.push(["changed-serialization", `explode changed from ${bs.explode} to ${hs.explode} (style ${bs.style}; a client serialises an array or object differently)`]);
  }
  if (bs.allowReserved && !hs.allowReserved) out.push(["changed-serialization", "allowReserved changed from true to false (reserved characters a client sent as they are are now read as delimiters or must be percent-encoded)"]);
  if (bs.allowEmptyValue && !hs.allowEmptyValue) out.push(["new-constraint", "allowEmptyValue changed from true to false (an empty value is refused)"]);
  return out;
}

/** An operation's parameters by `in` and name: a header's name lower-cased (HTTP's are case-insensitive), a path or query one's as it is. */
function params(spec, { item, op }) {
  const out = new Map();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => resolve(spec, x))) {
    out.set(`${p.in}:${p.in === "header" && typeof p.name === "string" ? p.name.toLowerCase() : p.name}`, p);
  }
  return out;
}

/** Runs every rule; returns `[{ rule, severity, side, where, message }]` (empty: nothing found).
 * A spec they cannot read throws a SpecShapeError naming the spec (base or head) and the place. */
export function breakingChanges(base, head) {
  const ctx = { base, head, findings: [] };
  const push = (rule, side, where, message) => ctx.findings.push(finding(rule, side, where, message));
  const baseOps = located("base", "paths", () => operations(base));
  const headOps = located("head", "paths", () => operations(head));
  for (const [name, b] of baseOps) {
    const h = headOps.get(name);
    if (!h) continue; // a removed operation: Optic reports it
    const seen = new Set();
    // Generated names follow the operationId (the validators' check<OperationId>… entries, SDK methods).
    if (typeof b.op.operationId === "string" && b.op.operationId !== h.op.operationId) {
      push("changed-operation-id", "operation", name, `operationId changed from ${JSON.stringify(b.op.operationId)} to ${JSON.stringify(h.op.operationId ?? "none")} (names generated from it change)`);
    }
    // Each security requirement is an alternative a client may use; none (or `{}`) is anonymous access.
    const requirements = (spec, op) => {
      const list = op.security ?? spec.security ?? [];
      return list.length === 0 ? [sortedJson({})] : list.map((r) => sortedJson(Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]))));
    };
    const bSec = located("base", `${name} security`, () => requirements(base, b.op));
    const hSec = located("head", `${name} security`, () => requirements(head, h.op));
    if (!hSec.includes("{}")) {
      for (const r of bSec.filter((x) => !hSec.includes(x))) {
        push("removed-security", "operation", name, `security requirement ${r === "{}" ? "none (anonymous access)" : r} no longer accepted (now ${hSec.join(" or ")}): a client using it is refused`);
      }
    }
    const bp = located("base", `${name} parameters`, () => params(base, b));
    const hp = located("head", `${name} parameters`, () => params(head, h));
    for (const [key, p] of bp) {
      const hq = hp.get(key);
      const id = `${p.in}:${p.name}`;
      if (!hq) push("removed-parameter", "request", `${name} ${id}`, "parameter removed (the server no longer reads it; a client's generated types no longer take it)");
      else {
        if (hq.required && !p.required) push("new-required-field", "request", `${name} ${id}`, "parameter is now required");
        for (const [rule, message] of serializationChanges(ctx, p, hq, `${name} ${id}`)) push(rule, "request", `${name} ${id}`, message);
        contentChange(ctx, p, hq, `${name} ${id}`, "request", "parameter");
        walk(ctx, p.schema ?? {}, hq.schema ?? {}, `${name} ${id}`, "request", seen);
      }
    }
    for (const [key, p] of hp) {
      if (p.required && !bp.has(key)) push("new-required-field", "request", `${name} ${p.in}:${p.name}`, "new required parameter");
    }
    const bReq = located("base", `${name} requestBody`, () => resolve(base, b.op.requestBody));
    const hReq = located("head", `${name} requestBody`, () => resolve(head, h.op.requestBody));
    if (hReq?.required === true && bReq?.required !== true) push("new-required-field", "request", `${name} request`, "the request body is now required");
    const bBody = bReq?.content ?? {};
    const hBody = hReq?.content ?? {};
    for (const [type, media] of Object.entries(bBody)) {
      if (hBody[type]) walk(ctx, media.schema ?? {}, hBody[type].schema ?? {}, `${name} request ${type}`, "request", seen);
      else push("removed-media-type", "request", `${name} request ${type}`, `request media type ${type} removed (a client sending it is refused)`);
    }
    for (const [status, resp] of Object.entries(b.op.responses ?? {})) {
      const hr = h.op.responses?.[status];
      if (!hr) continue; // a removed status: Optic reports it
      const bc = located("base", `${name} ${status}`, () => resolve(base, resp).content ?? {});
      const hc = located("head", `${name} ${status}`, () => resolve(head, hr).content ?? {});
      for (const [type, media] of Object.entries(bc)) {
        if (hc[type]) walk(ctx, media.schema ?? {}, hc[type].schema ?? {}, `${name} ${status} ${type}`, "response", seen);
        else push("removed-media-type", "response", `${name} ${status} ${type}`, `response media type ${type} removed (a client reading it gets another)`);
      }
      // Response headers (Optic does not examine them), matched case-insensitively as HTTP names are.
      const bh = located("base", `${name} ${status} headers`, () => headers(base, resolve(base, resp)));
      const hh = located("head", `${name} ${status} headers`, () => headers(head, resolve(head, hr)));
      for (const [key, { name: header, value: bv }] of bh) {
        const where = `${name} ${status} header:${header}`;
        const hv = hh.get(key)?.value;
        if (!hv) {
          push("removed-response-header", "response", where, `response header ${header} removed (a client reading it gets nothing)`);
          continue;
        }
        if (bv.required === true && hv.required !== true) push("response-header-optional", "response", where, `response header ${header} is no longer required (may be missing)`);
        contentChange(ctx, bv, hv, where, "response", "header");
        // A wider header value is notable only: header values reach a client as strings, whatever
        // the schema says. A narrower one (or one added) is not reported.
        const sub = { ...ctx, findings: [] };
        walk(sub, bv.schema ?? {}, hv.schema ?? {}, where, "response", seen);
        for (const f of sub.findings) {
          if (f.severity === "review") ctx.findings.push(f);
          else if (HEADER_WIDENED.has(f.rule)) push("response-header-widened", "response", f.where, f.message);
        }
      }
    }
    for (const status of Object.keys(h.op.responses ?? {})) {
      if (!Object.hasOwn(b.op.responses ?? {}, status)) push("new-response-status", "response", `${name} ${status}`, `status ${status} added (a client's handling of the documented statuses may not cover it)`);
    }
  }
  // Components the package exports by name (a type each, a validator per schema): one gone is an
  // export gone, whatever the operations still accept and answer (a rename included).
  for (const kind of EXPORTED_COMPONENTS) {
    const headNames = new Set(Object.keys(head.components?.[kind] ?? {}));
    for (const id of Object.keys(base.components?.[kind] ?? {})) {
      if (headNames.has(id)) continue;
      const what = kind === "schemas" ? `the type and the validator (schemas.${id}) the package exports for it are gone (code naming them` : "the type the package exports for it is gone (code naming it";
      push("removed-component", "package", `components/${kind}/${id}`, `component removed or renamed: ${what} no longer compiles)`);
    }
  }
  // A security scheme the operations name, changed in how credentials are sent: for a person to judge.
  const bSchemes = base.components?.securitySchemes ?? {};
  const hSchemes = head.components?.securitySchemes ?? {};
  for (const [id, scheme] of Object.entries(bSchemes)) {
    if (!Object.hasOwn(hSchemes, id)) continue; // a removed scheme an operation still names: removed-security
    const bs = located("base", `components/securitySchemes/${id}`, () => canonical(base, resolve(base, scheme)));
    const hs = located("head", `components/securitySchemes/${id}`, () => canonical(head, resolve(head, hSchemes[id])));
    if (bs !== hs) push("changed-security-scheme", "operation", `components/securitySchemes/${id}`, `security scheme ${JSON.stringify(id)} changed from ${bs} to ${hs}: review by hand`);
  }
  return ctx.findings;
}
