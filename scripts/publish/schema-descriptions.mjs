// The API reference's copy of the spec (scripts/docs.mjs): every schema-level description where Redoc 3
// shows it. Redoc 3 shows one description per row: a property's own, hiding the description of the
// schema it `$ref`s (Channel's values, ConversationStatus's "a list we chose") and of that schema's
// `allOf` members; and for a body, the request body's or the response's description, never its
// schema's (UpdateThreadRequest's lenient rules, Problem's extension members). Here each of those
// places gets its own text followed by the hidden descriptions, in the order they are reached, each
// without the sentences already there. Descriptions only: nothing that is validated changes, and the
// bundled spec (generated/openapi.json) is never written — this returns a changed copy.

const SCHEMA_KEYS = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const squash = (text) => text.replace(/\s+/g, " ").trim();

/**
 * Where a description is cut into sentences: the spaces after `.`, `!` or `?` before a capital, a
 * backtick or a bracket — not after an abbreviation that goes on ("e.g. Bob").
 */
const SENTENCE_BREAK = /(?<=[.!?])(?<!\b(?:[eE]\.g|[iI]\.e|[cC]f|[vV]s)\.)(\s+)(?=[A-Z`("'[])/;

/** A description's sentences as written, each with the spaces before it (`["One.", " ", "Two."]`: sentence, spaces, sentence…). */
const pieces = (text) => text.trim().split(new RegExp(SENTENCE_BREAK, "g"));

/** A description's sentences, spaces collapsed. */
export function sentences(text) {
  const flat = squash(text);
  return flat === "" ? [] : pieces(flat).filter((_, i) => i % 2 === 0);
}

/** The node a local `$ref` ("#/components/schemas/Channel") names in `doc`, or undefined. */
function resolve(doc, ref) {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  let node = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * The descriptions a reader of `schema` is meant to read besides its own: those of the schema it
 * `$ref`s, of its `allOf` members, and of the non-null member of an `anyOf`/`oneOf` [X, null], each
 * followed by the ones under it. `seen` keeps a `$ref` cycle from looping.
 */
function hiddenDescriptions(doc, schema, seen = new Set()) {
  if (!isObject(schema)) return [];
  const out = [];
  const described = (s) => ownAndHidden(doc, s, seen);
  if (typeof schema.$ref === "string" && !seen.has(schema.$ref)) {
    seen.add(schema.$ref);
    out.push(...described(resolve(doc, schema.$ref)));
  }
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) out.push(...described(member));
  for (const key of ["anyOf", "oneOf"]) {
    const members = Array.isArray(schema[key]) ? schema[key] : [];
    const others = members.filter((m) => !(isObject(m) && m.type === "null" && Object.keys(m).length === 1));
    if (members.length === 2 && others.length === 1) out.push(...described(others[0]));
  }
  return out;
}

/** A schema's own description, then the ones it hides (`hiddenDescriptions`). */
function ownAndHidden(doc, schema, seen = new Set()) {
  return [...(isObject(schema) && typeof schema.description === "string" ? [schema.description] : []), ...hiddenDescriptions(doc, schema, seen)];
}

/**
 * `own` followed by each of `more` as a paragraph of its own, leaving out the sentences the text
 * already has (a description repeated whole adds nothing). What is kept of a description is kept
 * as written (its line breaks: a Markdown list, a code block). Undefined when there is no text at all.
 */
export function joinDescriptions(own, more) {
  let text = typeof own === "string" && own.trim() !== "" ? own : undefined;
  for (const extra of more) {
    const there = new Set(text === undefined ? [] : sentences(text));
    const parts = pieces(extra);
    let paragraph = "";
    for (let i = 0; i < parts.length; i += 2) {
      if (parts[i] === "" || there.has(squash(parts[i]))) continue;
      paragraph += (paragraph === "" ? "" : parts[i - 1]) + parts[i];
    }
    if (paragraph === "") continue;
    text = text === undefined ? paragraph : `${text}\n\n${paragraph}`;
  }
  return text;
}

/** Whether a schema is an object with properties of its own (drawn as nested rows, not as a row). */
function isObjectSchema(doc, schema, seen = new Set()) {
  if (!isObject(schema)) return false;
  if (schema.type === "object" || (Array.isArray(schema.type) && schema.type.includes("object")) || isObject(schema.properties)) return true;
  if (typeof schema.$ref === "string" && !seen.has(schema.$ref)) {
    seen.add(schema.$ref);
    return isObjectSchema(doc, resolve(doc, schema.$ref), seen);
  }
  return (schema.allOf ?? []).some((m) => isObjectSchema(doc, m, seen));
}

/** Sets `node.description` to its own text and `more`, when that adds anything. */
function extend(node, more) {
  const text = joinDescriptions(node.description, more);
  if (text !== undefined && text !== node.description) node.description = text;
}

/**
 * A row of Redoc's schema table: a property, an additional property, a scalar array item. An array
 * of objects has no row for its items, so their descriptions go to the array's row.
 */
function extendRow(doc, row) {
  if (!isObject(row)) return;
  const more = hiddenDescriptions(doc, row);
  if (isObject(row.items) && isObjectSchema(doc, row.items)) {
    more.push(...ownAndHidden(doc, row.items));
  }
  extend(row, more);
}

/** Every row under `schema` (read from `doc`, written into the copy being walked). */
function walkSchema(doc, schema) {
  if (!isObject(schema)) return;
  for (const key of ["properties", "patternProperties"]) {
    if (isObject(schema[key])) for (const row of Object.values(schema[key])) extendRow(doc, row);
  }
  if (isObject(schema.additionalProperties)) extendRow(doc, schema.additionalProperties);
  if (isObject(schema.items) && !isObjectSchema(doc, schema.items)) extendRow(doc, schema.items);
  for (const key of SCHEMA_KEYS) walkSchema(doc, schema[key]);
  for (const key of SCHEMA_MAPS) if (isObject(schema[key])) Object.values(schema[key]).forEach((s) => walkSchema(doc, s));
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) schema[key].forEach((s) => walkSchema(doc, s));
}

/** What a body's description must add: its schema's description and those hidden under it, per media type. */
function bodyDescriptions(doc, content) {
  if (!isObject(content)) return [];
  return Object.values(content).flatMap((media) => {
    const schema = isObject(media) ? media.schema : undefined;
    if (!isObject(schema)) return [];
    const more = ownAndHidden(doc, schema);
    if (isObject(schema.items)) more.push(...ownAndHidden(doc, schema.items));
    return more;
  });
}

/** A parameter or header: its description, then its schema's. */
function extendParameter(doc, parameter) {
  if (!isObject(parameter) || parameter.$ref !== undefined || !isObject(parameter.schema)) return;
  extend(parameter, ownAndHidden(doc, parameter.schema));
}

/**
 * A copy of `spec` in which every description Redoc 3 would hide is shown: appended to the
 * property's description, to the request body's or the response's description, to a parameter's
 * or header's description. `spec` is not changed.
 */
export function withSchemaDescriptions(spec) {
  const doc = spec;
  const copy = structuredClone(spec);
  const components = isObject(copy.components) ? copy.components : {};
  const each = (map, fn) => (isObject(map) ? Object.values(map).forEach(fn) : undefined);
  const mediaSchemas = (content) => each(content, (media) => walkSchema(doc, isObject(media) ? media.schema : undefined));
  const body = (node) => {
    if (!isObject(node) || node.$ref !== undefined) return;
    mediaSchemas(node.content);
    extend(node, bodyDescriptions(doc, node.content));
  };
  const response = (node) => {
    body(node);
    if (isObject(node) && node.$ref === undefined) each(node.headers, (h) => extendParameter(doc, h));
  };
  each(components.schemas, (s) => walkSchema(doc, s));
  each(components.requestBodies, body);
  each(components.responses, response);
  each(components.parameters, (p) => extendParameter(doc, p));
  each(components.headers, (h) => extendParameter(doc, h));
  for (const group of [copy.paths, copy.webhooks]) {
    each(group, (item) => {
      if (!isObject(item) || item.$ref !== undefined) return;
      for (const p of Array.isArray(item.parameters) ? item.parameters : []) extendParameter(doc, p);
      for (const op of Object.values(item)) {
        if (!isObject(op) || !isObject(op.responses)) continue;
        for (const p of Array.isArray(op.parameters) ? op.parameters : []) extendParameter(doc, p);
        body(op.requestBody);
        each(op.responses, response);
      }
    });
  }
  return copy;
}
