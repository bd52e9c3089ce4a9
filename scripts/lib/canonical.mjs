// Stable key order for the bundled spec, so that the same description, however its source files
// order their keys, always bundles to the same bytes.
//
// - Objects that are maps (paths, components, properties, responses, content, examples, …) and
//   plain data (example values, extension values, enum/const/default values) are sorted by key.
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
/** Keys whose value is data, not description: sorted all the way down. */
const DATA_KEYS = new Set(["value", "default", "const", "enum", "example"]);

const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byRank = (a, b) => {
  const ra = RANK.get(a) ?? Infinity;
  const rb = RANK.get(b) ?? Infinity;
  return ra !== rb ? ra - rb : byKey(a, b);
};

function isObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function sortData(value) {
  if (Array.isArray(value)) return value.map(sortData);
  if (!isObject(value)) return value;
  const out = {};
  for (const key of Object.keys(value).sort(byKey)) out[key] = sortData(value[key]);
  return out;
}

function sortNode(value, parentKey) {
  if (Array.isArray(value)) {
    // `examples` in a schema is an array of data; schema `required` etc. are strings.
    return parentKey === "examples" ? value.map(sortData) : value.map((v) => sortNode(v, undefined));
  }
  if (!isObject(value)) return value;
  if (DATA_KEYS.has(parentKey) || (parentKey && parentKey.startsWith("x-"))) return sortData(value);
  const isMap = MAP_KEYS.has(parentKey);
  const keys = Object.keys(value).sort(isMap ? byKey : byRank);
  const out = {};
  for (const key of keys) out[key] = sortNode(value[key], isMap ? undefined : key);
  return out;
}

/** A deep copy of an OpenAPI document with its keys in canonical order. */
export function canonicalize(doc) {
  return sortNode(doc, undefined);
}
