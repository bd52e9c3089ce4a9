// Stable key order for the bundled spec: the same source always bundles to the same bytes, and
// however the source files order the keys of the OpenAPI and JSON Schema objects, those come out in
// one order. Example data is the exception: it is shown to readers as written, so it keeps the
// order it was authored in.
//
// - Example data keeps its authored order, all the way down: the `value` of an Example Object, an
//   `example` (media type, parameter, header, schema) and each item of a schema's `examples` array.
//   So do the named `examples` maps of media types, parameters and headers (tools such as Swagger
//   UI, Redoc and Redocly show the first one by default: the one the source lists first); each
//   Example Object in them lists its own keywords in the order below. (JavaScript puts integer-like
//   keys such as "1" first, in ascending order, whatever the source says.)
// - Other objects that are maps (paths, components and `components.examples`, properties,
//   responses, content, …) and other plain data (extension values, enum/const/default values) are
//   sorted by key.
// - Every other object (an OpenAPI or JSON Schema object) lists its keywords in the order below,
//   then any others (extensions) sorted by key.
// - Arrays keep their order: it carries meaning (enum, parameters, allOf, servers).

const KEYWORD_ORDER = [
  // document
  "x-generated", "openapi", "info", "jsonSchemaDialect", "servers", "security", "tags", "paths", "webhooks", "components",
  // names and prose first: parameter, tag, info, operation
  "name", "in", "title", "summary", "description", "operationId",
  // info, server
  "version", "url", "identifier", "email", "license", "contact", "termsOfService",
  // operation, parameter, response, media type
  "required", "deprecated", "style", "explode", "allowEmptyValue",
  "parameters", "requestBody", "responses", "callbacks", "headers", "content", "links", "encoding",
  // JSON Schema
  "$schema", "$id", "$anchor", "$ref", "$dynamicRef", "type", "format", "const", "enum", "default",
  "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "multipleOf",
  "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "contains",
  "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
  "properties", "patternProperties", "additionalProperties", "unevaluatedProperties", "propertyNames",
  "dependentRequired", "dependentSchemas", "prefixItems", "items", "unevaluatedItems",
  "readOnly", "writeOnly", "examples", "$defs",
  // security scheme, example, everything else of OpenAPI's
  "scheme", "bearerFormat", "flows", "openIdConnectUrl", "schema", "example", "value", "externalValue",
  "externalDocs", "variables",
];
const RANK = new Map(KEYWORD_ORDER.map((k, i) => [k, i]));

/** Keys whose value, when it is an object, maps names to things. */
const MAP_KEYS = new Set([
  "paths", "webhooks", "schemas", "responses", "parameters", "examples", "requestBodies", "headers",
  "securitySchemes", "links", "callbacks", "pathItems", "properties", "patternProperties", "$defs",
  "dependentSchemas", "content", "encoding", "variables", "mapping", "scopes",
]);
/** Keys whose value is example data: copied in its authored order, all the way down. */
const EXAMPLE_KEYS = new Set(["value", "example"]);
/** Keys whose value is other data, not description: sorted all the way down. */
const DATA_KEYS = new Set(["default", "const", "enum"]);

const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byRank = (a, b) => {
  const ra = RANK.get(a) ?? Infinity;
  const rb = RANK.get(b) ?? Infinity;
  return ra !== rb ? ra - rb : byKey(a, b);
};

/** `out[key] = value`, but a `__proto__` key becomes an own member, as JSON.parse and the YAML loader make it (an assignment would set the copy's prototype and lose the member). */
function put(out, key, value) {
  if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function sortData(value) {
  if (Array.isArray(value)) return value.map(sortData);
  if (!isObject(value)) return value;
  const out = {};
  for (const key of Object.keys(value).sort(byKey)) put(out, key, sortData(value[key]));
  return out;
}

function copyData(value) {
  if (Array.isArray(value)) return value.map(copyData);
  if (!isObject(value)) return value;
  const out = {};
  for (const key of Object.keys(value)) put(out, key, copyData(value[key]));
  return out;
}

/**
 * `parentKey`: the key `value` is found under (undefined for a map's members and array items);
 * `holderKey`: the key the object holding it is found under (to tell `components.examples`, a
 * component map, from a media type's or parameter's named examples).
 */
function sortNode(value, parentKey, holderKey) {
  // Example data, arrays included: as authored.
  if (EXAMPLE_KEYS.has(parentKey)) return copyData(value);
  if (Array.isArray(value)) {
    // `examples` in a schema is an array of example data; schema `required` etc. are strings.
    return parentKey === "examples" ? value.map(copyData) : value.map((v) => sortNode(v, undefined));
  }
  if (!isObject(value)) return value;
  if (DATA_KEYS.has(parentKey) || (parentKey && parentKey.startsWith("x-"))) return sortData(value);
  // Named examples of a media type, parameter or header: the authored order of their names.
  const namedExamples = parentKey === "examples" && holderKey !== "components";
  const isMap = MAP_KEYS.has(parentKey);
  const keys = namedExamples ? Object.keys(value) : Object.keys(value).sort(isMap ? byKey : byRank);
  const out = {};
  for (const key of keys) put(out, key, isMap ? sortNode(value[key], undefined) : sortNode(value[key], key, parentKey));
  return out;
}

/** A deep copy of an OpenAPI document with its keys in canonical order. */
export function canonicalize(doc) {
  return sortNode(doc, undefined);
}
