// Builds generated/validators.js: AJV (JSON Schema 2020-12) standalone ESM, strict mode on, with
// the few runtime helpers AJV would `require()` inlined, plus per-operation tables that
// src/validators.ts uses. Nothing is compiled at import time and nothing is imported.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { _ } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { formats as runtimeFormats } from "../runtime/formats.js";
import { formatReference, formatsSource } from "./formats-source.mjs";
import { legalComment } from "./notices.mjs";
import { PipelineError } from "./errors.mjs";
import { locate } from "./locate.mjs";
import { bodyLimitProblem } from "./meta.mjs";
import { standaloneCode } from "./standalone.mjs"; // AJV's, in linear time: same bytes
import { installLinearNames } from "./codegen-names.mjs"; // AJV's optimizer's name counts, in linear time: same bytes
import { impliesFormat } from "./implies.mjs";
import { declaredScopeNames, renameScopeNames } from "./rename.mjs";
import { validateMeta2020 } from "./meta-validator-2020.mjs";
import { listOperations, requestSchemaOf, componentNameOf, propertiesOf, responsesOf, pointerOf, resolve, nodeAt } from "./spec.mjs";


const AJV_VERSION = JSON.parse(fs.readFileSync(fileURLToPath(import.meta.resolve("ajv/package.json")), "utf8")).version;

const SCHEMA_MAP_KEYS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const SCHEMA_KEYS = new Set(["items", "not", "if", "then", "else", "additionalProperties", "unevaluatedProperties", "contains", "propertyNames", "unevaluatedItems", "contentSchema"]);
const SCHEMA_ARRAY_KEYS = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
/** Annotations that do not change a verdict: left out of the compiled code to keep it small. */
const ANNOTATIONS = new Set(["description", "title", "examples", "$comment", "deprecated", "readOnly", "writeOnly"]);

/** Runtime helpers that AJV's standalone code `require()`s, and the inlined code that replaces them. */
const RUNTIME = {
  'require("ajv/dist/runtime/ucs2length").default': { name: "ucs2length", file: "../runtime/ucs2length.js", from: "ajv" },
  'require("ajv/dist/runtime/equal").default': { name: "equal", file: "../runtime/equal.js", from: "fast-deep-equal" },
};

/** What buildValidators edits in AJV's code, in one pass: pattern RegExps, format reads, RUNTIME calls. */
const DECLARATION_EDITS = new RegExp([
  String.raw`^(var pattern\d+(?:\$op)? = )new RegExp\(`,
  String.raw`^(var formats\d+(?:\$op)? = )formats(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\\n]|\\.)*")\]);$`,
  ...Object.keys(RUNTIME).map((call) => call.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
].join("|"), "gm");

const SCHEMA_URN = "urn:puffle:schema:";

/** Appended to AJV's scope names (validateN, patternN, …) in the operations' code: see buildValidators. */
const OP_SUFFIX = "$op";

/** `updateThread` → `UpdateThread`, as an identifier. */
function pascal(name) {
  const id = identifier(name);
  return id.charAt(0).toUpperCase() + id.slice(1);
}

function runtimeSource(relative) {
  const text = fs.readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8").replace(/\r\n/g, "\n");
  return text.replace(/^export /gm, "");
}

/**
 * A copy of a schema ready for AJV: local component refs become `urn:puffle:schema:Name`,
 * annotations and `x-` extensions are left out, and every `format` is recorded with its pointer.
 */
function prepare(schema, pointer, ctx) {
  if (Array.isArray(schema) || schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    const here = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref") {
      const m = /^#\/components\/schemas\/([^/]+)(\/.*)?$/.exec(value);
      if (!m) throw new PipelineError({ ...locate(ctx.root, pointer), rule: "puffle/schema-refs", message: `a schema may only $ref #/components/schemas/…, found ${value}` });
      out.$ref = `${SCHEMA_URN}${m[1]}${m[2] ? `#${m[2]}` : ""}`;
    } else if (key === "format") {
      ctx.formats.push([value, here]);
      out.format = value;
    } else if (SCHEMA_MAP_KEYS.has(key) && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, prepare(v, `${here}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, ctx)]));
    } else if (SCHEMA_KEYS.has(key)) {
      out[key] = prepare(value, here, ctx);
    } else if (SCHEMA_ARRAY_KEYS.has(key) && Array.isArray(value)) {
      out[key] = value.map((v, i) => prepare(v, `${here}/${i}`, ctx));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Where in the bundle an AJV compile error is. AJV names the schema it was compiling when it
 * failed (`at "urn:puffle:schema:Uuid#/properties/x"`), sometimes glued after the id of the schema
 * that `$ref`d it: a small schema is inlined where it is referenced, and the path inside it follows
 * its id with no `#` (`…ConversationRowurn:puffle:schema:Uuid/allOf/0`). The last of our ids that
 * the path (or nothing) follows is the one. AJV writes each segment of the path URI-encoded (`a%20b`).
 * A keyword the message names (`for keyword "minimum"`) that the schema there has is pointed at
 * too, so the line is the keyword's own.
 */
function compileErrorPointer(message, schemas, fallback, doc) {
  // Two messages name the spec's own text only (which may hold `at "…"`): read first.
  // "strict mode: unknown keyword: "xml"" names no schema: the keyword is looked for from the schema
  // being compiled, through its $refs (AJV compiled them with it).
  const unknown = /^strict mode: unknown keyword: "(.*)"$/s.exec(message)?.[1];
  if (unknown) return keywordPointer(doc, fallback, (node) => (Object.hasOwn(node, unknown) ? `/${escapePointer(unknown)}` : undefined)) ?? fallback;
  // "Invalid regular expression: /a(/u: Unterminated group" (V8's, from AJV's `new RegExp`) names only
  // the pattern: a `pattern` with it, or a `patternProperties` name.
  const regExp = /^Invalid regular expression: \/(.*)\/[a-z]*: /s.exec(message)?.[1];
  if (regExp !== undefined) {
    return keywordPointer(doc, fallback, (node) => {
      if (node.pattern === regExp) return "/pattern";
      const names = node.patternProperties;
      return names && Object.hasOwn(names, regExp) ? `/patternProperties/${escapePointer(regExp)}` : undefined;
    }) ?? fallback;
  }
  const at = /at (?:path )?"([^"]*)"/.exec(message);
  let pointer = fallback;
  if (at) {
    const [where, fragment = ""] = at[1].split("#");
    let best = -1;
    for (const [id, entry] of Object.entries(schemas)) {
      const index = where.lastIndexOf(id);
      const rest = index === -1 ? "" : where.slice(index + id.length);
      if (index !== -1 && (rest === "" || rest.startsWith("/")) && index > best) {
        best = index;
        pointer = `${entry.pointer}${decodeURIComponent(rest + fragment)}`;
      }
    }
    // A path with no id (AJV's tuple message) is inside the schema AJV was compiling: the one
    // compiled, or one it $refs that AJV compiles on its own (one with $refs, or a large one).
    if (best === -1) {
      const path = decodeURIComponent(fragment);
      const tuple = /^strict mode: "([^"]+)" is \d+-tuple/.exec(message)?.[1];
      pointer = keywordPointer(doc, fallback, (node, resource) => {
        const there = resource ? nodeAt(node, path) : undefined;
        return there && typeof there === "object" && (tuple === undefined || Object.hasOwn(there, tuple)) ? path : undefined;
      }) ?? `${fallback}${path}`;
    }
  }
  const keyword = /for keyword "([^"]+)"/.exec(message)?.[1];
  if (keyword) {
    const node = nodeAt(doc, pointer);
    if (node && typeof node === "object" && Object.hasOwn(node, keyword)) pointer += `/${keyword}`;
  }
  return pointer;
}

/** Schema keywords whose value maps names to schemas; and those whose value is data, not schemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const SCHEMA_DATA = new Set(["enum", "const", "default", "examples", "example", "dependentRequired"]);

/**
 * The pointer of the first schema (depth first, from `start`, following local `$ref`s once each)
 * for which `find(schema, resource)` gives a path (`/xml`: a keyword among its own keys — not a
 * property named so, nor a key inside data), that path appended; or undefined. `resource` is true
 * for `start` and each schema a `$ref` names. Only run for a compile error.
 */
function keywordPointer(doc, start, find) {
  const seen = new Set();
  const visit = (pointer, node, resource = false) => {
    if (node === null || typeof node !== "object") return undefined;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = visit(`${pointer}/${i}`, node[i]);
        if (found) return found;
      }
      return undefined;
    }
    const here = find(node, resource);
    if (here !== undefined) return `${pointer}${here}`;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/") && !seen.has(node.$ref)) {
      seen.add(node.$ref);
      const found = visit(node.$ref.slice(1), nodeAt(doc, node.$ref.slice(1)), true);
      if (found) return found;
    }
    for (const [key, value] of Object.entries(node)) {
      if (SCHEMA_DATA.has(key) || key.startsWith("x-") || key === "$ref") continue;
      if (SCHEMA_MAPS.has(key) && value && typeof value === "object") {
        for (const [name, sub] of Object.entries(value)) {
          const found = visit(`${pointer}/${escapePointer(key)}/${escapePointer(name)}`, sub);
          if (found) return found;
        }
        continue;
      }
      const found = visit(`${pointer}/${escapePointer(key)}`, value);
      if (found) return found;
    }
    return undefined;
  };
  return visit(start, nodeAt(doc, start), true);
}

/** An operation's documented statuses, in the order of `Object.keys` of its `responses` table. */
function documentedStatuses(op) {
  return Object.keys(Object.fromEntries(op.responses.map((r) => [r.status, true])));
}

function identifier(...parts) {
  return parts.join("$").replace(/[^A-Za-z0-9_$]/g, "_");
}

/** identifier(), made unique among `used` (`a-b` and `a_b` both read `a_b`): `a_b`, `a_b$2`, … */
function uniqueIdentifier(used, ...parts) {
  const base = identifier(...parts);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}$${i}`;
  used.add(name);
  return name;
}

/** The normalization rule (`x-puffle-normalize`) of a request schema, checked. */
function normalizeRuleOf(doc, schema, pointer, root) {
  const target = resolve(doc, schema);
  const rule = target["x-puffle-normalize"];
  if (rule === undefined) return null;
  // Located only on failure: locate parses the spec's YAML files (tens of ms).
  const fail = (message) => {
    throw new PipelineError({ ...locate(root, `${pointer}/x-puffle-normalize`), rule: "puffle/x-puffle-normalize", message });
  };
  if (!rule || typeof rule !== "object" || Array.isArray(rule)) fail("x-puffle-normalize must be an object");
  const allowed = { unknownProperties: ["drop", "reject"], invalidProperties: ["drop", "reject"] };
  for (const key of Object.keys(rule)) {
    if (!["unknownProperties", "invalidProperties", "minValidProperties", "emptyStatus", "maxErrors"].includes(key)) fail(`x-puffle-normalize has no member ${key}`);
  }
  for (const [key, values] of Object.entries(allowed)) {
    if (!values.includes(rule[key])) fail(`x-puffle-normalize.${key} must be one of ${values.join(", ")}`);
  }
  if (!Number.isInteger(rule.minValidProperties) || rule.minValidProperties < 0) fail("x-puffle-normalize.minValidProperties must be a whole number ≥ 0");
  if (!Number.isInteger(rule.emptyStatus) || rule.emptyStatus < 400 || rule.emptyStatus > 499) fail("x-puffle-normalize.emptyStatus must be a 4xx status");
  if (!Number.isInteger(rule.maxErrors) || rule.maxErrors < 1) fail("x-puffle-normalize.maxErrors must be a whole number ≥ 1");
  return { unknownProperties: rule.unknownProperties, invalidProperties: rule.invalidProperties, minValidProperties: rule.minValidProperties, emptyStatus: rule.emptyStatus, maxErrors: rule.maxErrors };
}

/**
 * A body limit of the operation's x-puffle-behaviour, or null when it declares none: `maxBodyDepth`,
 * the deepest nesting the API reads (the body itself being level 1); `maxBodyBytes`, the most bytes
 * it reads (its 413), what the client's `validate: "request"` measures the serialized body against.
 */
function bodyLimitOf(operation, root, key) {
  const value = operation.op["x-puffle-behaviour"]?.[key];
  const problem = bodyLimitProblem(key, value);
  if (problem !== undefined) throw new PipelineError({ ...locate(root, `${operation.pointer}/x-puffle-behaviour/${key}`), rule: "puffle/x-puffle-behaviour", message: problem });
  return value ?? null;
}

/** The nodes a chain of local `$ref`s passes through, `node` first: an extension on any of them is read. */
function refChain(doc, node) {
  const out = [node];
  for (let i = 0; i < 64 && node && typeof node === "object" && typeof node.$ref === "string" && node.$ref.startsWith("#/"); i++) {
    node = nodeAt(doc, node.$ref.slice(1));
    out.push(node);
  }
  return out;
}

/** Members holding data, not schemas: their contents are never read as extensions. */
const DATA_MEMBERS = new Set(["examples", "example", "const", "enum", "default"]);

/**
 * `x-puffle-normalize` is read on an operation's request body schema and `x-puffle-transform` on
 * its properties (`read[key]`: the nodes they were read on); anywhere else (a response schema, a
 * nested member) either would be ignored without a word, so it fails where it is.
 */
function checkExtensionsRead(doc, root, read) {
  const keys = Object.keys(read);
  const path = []; // the pointer's segments, joined only on failure (GitHub's spec has ~10⁶ nodes)
  const visit = (node) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(String(i));
        visit(node[i]);
        path.pop();
      }
      return;
    }
    for (const key of keys) {
      if (Object.hasOwn(node, key) && !read[key].nodes.has(node)) {
        const pointer = [...path, key].map((segment) => `/${escapePointer(segment)}`).join("");
        throw new PipelineError({ ...locate(root, pointer), rule: `puffle/${key}`, message: `${key} is read only on ${read[key].on}: here it would be ignored` });
      }
    }
    for (const key of Object.keys(node)) {
      if (DATA_MEMBERS.has(key) || key.startsWith("x-")) continue;
      path.push(key);
      visit(node[key]);
      path.pop();
    }
  };
  visit(doc);
}

/** Keywords whose evaluation AJV must track at run time (2020-12 dynamic scope and unevaluated*). */
const DYNAMIC_KEYWORDS = new Set(["$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "unevaluatedProperties", "unevaluatedItems"]);

function usesDynamicKeywords(node) {
  if (Array.isArray(node)) return node.some(usesDynamicKeywords);
  if (!node || typeof node !== "object") return false;
  return Object.entries(node).some(([key, value]) => DYNAMIC_KEYWORDS.has(key) || usesDynamicKeywords(value));
}

/**
 * Ajv2020 always tracks evaluated properties/items and passes dynamic anchors through every call;
 * both only matter for `$dynamicRef`/`$recursiveRef` and `unevaluated*`, and cost an object per
 * call and per reference. When no schema uses those keywords they are turned off: no verdict and
 * no error changes.
 */
function withoutDynamicScope(ajv, schemaList) {
  if (usesDynamicKeywords(schemaList)) return;
  ajv.opts.dynamicRef = false;
  ajv.opts.unevaluated = false;
}

/** Splits the members of an object literal's body (`a:1,b:{c:2},d:"e,f"`) at its top-level commas. */
function splitTopLevel(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `{a: x, b: y}` (as AJV writes it) → Map a → "x", b → "y"; null when it is not that shape. */
function membersOf(literal) {
  if (!literal.startsWith("{") || !literal.endsWith("}")) return null;
  const out = new Map();
  if (/^\{\s*\}$/.test(literal)) return out; // anyOf, not, unevaluated…: `params:{}`
  for (const part of splitTopLevel(literal.slice(1, -1))) {
    const m = /^\s*([A-Za-z_$][\w$]*)\s*:\s*([\s\S]*?)\s*$/.exec(part);
    if (!m) return null;
    out.set(m[1], m[2]);
  }
  return out;
}

const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const CONSTANT_STRING = new RegExp(`^${STRING}(?:\\+${STRING})*$`);

/** A JS expression that only joins string literals (`"a"+"b"`), evaluated; otherwise undefined. */
function constantString(expr) {
  if (!CONSTANT_STRING.test(expr)) return undefined;
  return expr.match(new RegExp(STRING, "g")).map((s) => JSON.parse(s)).join("");
}

/** `expr + "suffix"`, folding string literals: `instancePath+"/a"` + "/b" → `instancePath+"/a/b"`. */
function concat(expr, suffix) {
  const whole = constantString(expr);
  if (whole !== undefined) return JSON.stringify(whole + suffix);
  const m = new RegExp(`^(.*\\+)(${STRING})$`).exec(expr);
  if (m) return `${m[1]}${JSON.stringify(JSON.parse(m[2]) + suffix)}`;
  return `${expr}+${JSON.stringify(suffix)}`;
}

function escapePointer(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * How src/validators.ts (typeMessage) words a type error naming several types: `must be string or
 * null`, `must be integer, string or null` where AJV says `must be string,null`; undefined for one
 * type (AJV's `must be string` stays) or for anything but a list of type names. The two are held
 * equal by test/unit/type-messages.test.ts.
 */
export function typeMessage(type) {
  const types = Array.isArray(type) ? type : typeof type === "string" ? type.split(",") : undefined;
  if (types === undefined || types.length < 2) return undefined;
  for (const name of types) if (typeof name !== "string" || name === "") return undefined;
  return `must be ${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}`;
}

/**
 * Each `pattern` of the spec as an issue says it, in words: AJV's message quotes the regex (`must
 * match pattern "^[0-9]{4}-[0-9]{2}-…$"`), which tells a reader little. Keyed by the pattern's text
 * (a pattern used by several schemas is worded once), briefly: each is a constant of the validators
 * that check it (the four body validators grew by 97 bytes gzipped with these). A pattern the spec
 * adds without an entry keeps AJV's message (patternMessage), and test/unit/pattern-messages.test.ts
 * fails until it has one. The generated module exports the entries its validators use (`patternRules`), from which
 * `toIssues` (src/validators.ts) words AJV's errors alike.
 */
export const PATTERN_RULES = Object.freeze({
  "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$":
    "must be a UUID as 8-4-4-4-12 hex digits (no urn:uuid: prefix)",
  "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$":
    "must be a UUID as 8-4-4-4-12 hex digits, its 13th digit (the version) 1 to 8 and its 17th (the variant) 8, 9, a or b, or the nil UUID (all 0) or the max UUID in lower case (all f)",
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$":
    "must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)",
  "^Bearer( .*)?$": 'must be "Bearer", alone or followed by a space and the challenge\'s parameters',
});

/** A `pattern` issue's message: the pattern's rule in words (PATTERN_RULES), else AJV's `must match pattern "…"`. */
export function patternMessage(pattern) {
  return Object.hasOwn(PATTERN_RULES, pattern) ? PATTERN_RULES[pattern] : `must match pattern "${pattern}"`;
}

/** How src/validators.ts words a value in a message (strings quoted). */
function describe(value) {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * Post-processing of AJV's standalone code (allErrors) for the operations' validators: each error
 * object AJV would build becomes the issue src/validators.ts reports for it — `{ path, keyword,
 * message }`, the path pointing at the field itself for required and unknown properties, an enum's
 * message listing its values, a type list in English (typeMessage) — exactly what `toIssues` makes
 * of AJV's error (the differential test test/unit/issues-differential.test.ts holds the two
 * equal). The checks, their order and the verdicts are AJV's, untouched. Paths are relative to the
 * function's own data (string literals, nothing concatenated per issue); where a reference fails, the caller prefixes the callee's
 * issues with where it called it, so the validation context AJV passes (an object allocated per
 * reference) is gone. Every edit is checked to have matched the shape AJV emits (one statement a
 * line, `lines: true`); anything else fails the build.
 */
function issueCode(code) {
  // Lists cut at MAX_ISSUES where AJV's verdicts cannot depend on their length.
  const cut = cuttable(code);
  const fail = (message) => {
    throw new PipelineError({ rule: "puffle/issues", message: `${message}: AJV's output changed shape` });
  };
  // AJV's schema constants (`var schema12 = {…};`, JSON), parsed when an enum's params first name one.
  const constantSource = new Map();
  for (const [, name, json] of code.matchAll(/^var (schema\d+) = (\{.*\});$/gm)) constantSource.set(name, json);
  const constants = new Map();
  // An enum's allowedValues as AJV writes them: a member path into a schema constant
  // (`schema12.enum`, `schema12.properties["a b"].enum`) or a JSON literal; otherwise undefined.
  const valueOf = (expr) => {
    const m = /^(schema\d+)((?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\\n]|\\.)*")\])*)$/.exec(expr);
    if (!m) {
      try {
        return JSON.parse(expr);
      } catch {
        return undefined;
      }
    }
    if (!constantSource.has(m[1])) return undefined;
    if (!constants.has(m[1])) constants.set(m[1], JSON.parse(constantSource.get(m[1])));
    let value = constants.get(m[1]);
    for (const [, dotted, bracket] of m[2].matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+|"(?:[^"\\\n]|\\.)*")\]/g)) {
      if (value === null || typeof value !== "object") return undefined;
      const key = dotted ?? JSON.parse(bracket);
      if (!Object.hasOwn(value, key)) return undefined;
      value = value[key];
    }
    return value;
  };

  // AJV's instance path expression, relative to the function's data: `instancePath+"/a"` → `"/a"`.
  const relative = (expr) => {
    if (expr === "instancePath") return '""';
    if (!expr.startsWith("instancePath+")) fail(`unexpected instance path ${expr}`);
    const rest = expr.slice("instancePath+".length);
    const constant = constantString(rest);
    if (constant !== undefined) return JSON.stringify(constant);
    return rest.startsWith('"') ? rest : `""+${rest}`;
  };
  let errorObjects = 0;
  // An error object is one line, but for params AJV writes on indented lines of their own (dependentRequired's).
  let out = code.replace(/^var (err\d+) = (\{instancePath:.*(?:\n[ \t]+.*)*\});$/gm, (line, name, literal) => {
    const members = membersOf(literal);
    // `propertyName` (the key a propertyNames subschema rejected) is not part of an issue: toIssues
    // reads path, keyword, message and the params below only.
    const keys = members && [...members.keys()].join();
    if (keys !== "instancePath,schemaPath,keyword,params,message" && keys !== "instancePath,schemaPath,keyword,params,message,propertyName") fail(`unexpected error object ${line}`);
    const keyword = constantString(members.get("keyword"));
    const params = membersOf(members.get("params"));
    if (keyword === undefined || !params) fail(`unexpected error object ${line}`);
    let path = relative(members.get("instancePath"));
    let message = members.get("message");
    const property = { required: "missingProperty", additionalProperties: "additionalProperty", unevaluatedProperties: "unevaluatedProperty" }[keyword];
    if (property && params.has(property)) {
      const name = params.get(property);
      const literal = constantString(name);
      path = literal !== undefined ? concat(path, `/${escapePointer(literal)}`) : `${concat(path, "/")}+escapePointer(${name})`;
      message = JSON.stringify(keyword === "required" ? "is required" : "is not a known field");
    } else if (keyword === "enum" && params.has("allowedValues")) {
      const allowed = valueOf(params.get("allowedValues"));
      if (!Array.isArray(allowed)) fail(`unexpected enum values ${line}`);
      message = JSON.stringify(`must be one of ${allowed.map(describe).join(", ")}`);
    } else if (keyword === "pattern" && params.has("pattern")) {
      // AJV's `must match pattern "^…$"`, a constant, becomes the rule in words (PATTERN_RULES).
      const pattern = valueOf(params.get("pattern"));
      if (typeof pattern !== "string") fail(`unexpected pattern ${line}`);
      message = JSON.stringify(patternMessage(pattern));
    } else if (keyword === "type" && params.has("type")) {
      // AJV's `must be string,null`, a constant, becomes the constant `must be string or null`.
      const types = valueOf(params.get("type"));
      if (typeof types !== "string" && !Array.isArray(types)) fail(`unexpected type ${line}`);
      const english = typeMessage(types);
      if (english !== undefined) message = JSON.stringify(english);
    }
    const constant = constantString(message);
    if (constant !== undefined) message = JSON.stringify(constant);
    errorObjects++;
    return `var ${name} = {path:${path},keyword:${JSON.stringify(keyword)},message:${message}};`;
  });
  const unrewritten = /^.*\binstancePath:.*$/m.exec(out.replace(/^if\(!\((?:validate\d+|wrapper\d+\.validate)\(.*$/gm, ""));
  if (errorObjects === 0 || unrewritten) fail(`an error object was not rewritten${unrewritten ? `: ${unrewritten[0].slice(0, 300)}` : ""}`);

  // References: no context object; a callee returns its issues (null when the value is valid), which
  // are prefixed with where it was called. A recursive reference calls through AJV's wrapper object
  // (`wrapper0.validate(…)`).
  let calls = 0;
  out = out.replace(/^if\(!\((validate\d+|wrapper\d+\.validate)\((.+?), (\{instancePath:.*\})\)\)\)\{\nvErrors = vErrors === null \? \1\.errors : vErrors\.concat\(\1\.errors\);\n/gm, (line, callee, arg, literal) => {
    const members = membersOf(literal);
    if (!members || [...members.keys()].join() !== "instancePath,parentData,parentDataProperty,rootData") fail(`unexpected call ${line}`);
    const prefix = relative(members.get("instancePath"));
    const issues = `issues${calls++}`;
    const merge = prefix === '""' ? (cut ? `joined(vErrors, ${issues})` : `vErrors === null ? ${issues} : vErrors.concat(${issues})`) : `prefixed(vErrors, ${issues}, ${prefix})`;
    return `var ${issues} = ${callee}(${arg});\nif(${issues} !== null){\nvErrors = ${merge};\n`;
  });
  const preamble = /^function (validate\d+)\(data, valCxt\)\{\n"use strict"; (?:\/\*# sourceURL="[^"\n]*" \*\/;)?\nif\(valCxt\)\{\n(?:var \w+ = valCxt\.\w+;\n)+\}\nelse \{\n(?:var \w+ = [^\n]+;\n)+\}\n/gm;
  let functions = 0;
  out = out.replace(preamble, (_m, name) => {
    functions++;
    return `function ${name}(data){\n"use strict";\n`;
  });
  if (functions !== (out.match(/^function validate\d+\(/gm) ?? []).length || /\b(instancePath|parentData|parentDataProperty|rootData|valCxt)\b/.test(out)) {
    fail("a validator still reads its validation context");
  }
  // minProperties: AJV counts `Object.keys(data).length`, an array allocated per call; count the
  // same own enumerable keys with for-in and stop at the limit.
  out = out.replace(/\bObject\.keys\((data\d*)\)\.length < (\d+)\)\{$/gm, (_m, data, limit) => `fewerKeys(${data}, ${limit})){`);
  // maxLength: a string of at most N UTF-16 units has at most N code points, so AJV's count of
  // code points (a loop over the string) only runs on a string longer than the limit in units.
  const ucs2 = new Set([...out.matchAll(/^var (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;$/gm)].map((m) => m[1]));
  out = out.replace(/\b(func\d+)\((data\d*)\) > (\d+)\)\{$/gm, (m, func, data, limit) => (ucs2.has(func) ? `${data}.length > ${limit} && ${func}(${data}) > ${limit}){` : m));
  // additionalProperties beside more than 8 properties: AJV asks `hasOwnProperty.call(schemaN.properties,
  // key)`, which keeps the whole schema constant in the file for its property names; up to 32 names,
  // compare the key with them instead, as AJV itself writes it for a few properties (past that, a
  // chain of comparisons per key would cost more than the lookup).
  const hasOwn = new Set([...out.matchAll(/^var (func\d+) = Object\.prototype\.hasOwnProperty;$/gm)].map((m) => m[1]));
  out = out.replace(/\b(func\d+)\.call\(([^,()]+), (key\d+)\)/g, (m, func, expr, key) => {
    if (!hasOwn.has(func)) return m;
    const names = valueOf(expr);
    if (names === null || typeof names !== "object" || Array.isArray(names)) return m;
    const keys = Object.keys(names);
    if (keys.length > 32) return m;
    return keys.length === 0 ? "false" : `(${keys.map((k) => `${key} === ${JSON.stringify(k)}`).join(" || ")})`;
  });
  for (const func of hasOwn) {
    if (!new RegExp(`\\b${func}\\b(?! = Object\\.prototype\\.hasOwnProperty;$)`, "m").test(out)) out = out.replace(new RegExp(`^var ${func} = Object\\.prototype\\.hasOwnProperty;\n`, "m"), "");
  }
  if (out.includes("prefixed(")) {
    out = cut
      ? `function prefixed(list, issues, prefix){\nvar n = ${MAX_ISSUES} - (list === null ? 0 : list.length);\nif(n > issues.length) n = issues.length;\nfor(var i = 0; i < n; i++) issues[i].path = prefix + issues[i].path;\nif(list === null) return n === issues.length ? issues : issues.slice(0, n);\nreturn n <= 0 ? list : list.concat(n === issues.length ? issues : issues.slice(0, n));\n}\n${out}`
      : `function prefixed(list, issues, prefix){\nfor(var i = 0; i < issues.length; i++) issues[i].path = prefix + issues[i].path;\nreturn list === null ? issues : list.concat(issues);\n}\n${out}`;
  }
  if (out.includes("escapePointer(")) {
    out = `function escapePointer(segment){\nreturn segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\\//g, "~1") : segment;\n}\n${out}`;
  }
  // Each error site: AJV's six lines that append the error to `vErrors` become one call.
  let sites = 0;
  // Under a rule that makes no errors of its own (not, if) AJV pushes a placeholder `{}` per error,
  // for the count only: the rule resets vErrors before it ends, so none is ever seen. Kept as it is.
  out = out.replace(/^var (err\d+) = \{\};\nif\(vErrors === null\)\{\nvErrors = \[\1\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}\n/gm, "vErrors = report(vErrors, {});\n");
  out = out.replace(/^var (err\d+) = (\{path:.*\});\nif\(vErrors === null\)\{\nvErrors = \[\1\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}\n/gm, (_m, _name, literal) => {
    sites++;
    return `vErrors = report(vErrors, ${literal});\n`;
  });
  const leftSite = /^.*\berr\d+\b.*$/m.exec(out);
  if (sites !== errorObjects || leftSite) fail(`an error site was not rewritten${leftSite ? `: ${leftSite[0].slice(0, 300)}` : ""}`);
  out = mergeKeyCount(out);
  out = formatsWherePatternFails(out);
  if (out.includes("fewerKeys(")) {
    out = `function fewerKeys(data, limit){\nvar count = 0;\nfor(var key in data){\nif(Object.prototype.hasOwnProperty.call(data, key) && ++count >= limit) return false;\n}\nreturn true;\n}\n${out}`;
  }
  if (out.includes("insert(")) out = `function insert(list, at, issue){\nif(list === null) return [issue];\nlist.splice(at, 0, issue);\nreturn list;\n}\n${out}`;
  out = `function report(list, issue){\nif(list === null) return [issue];\n${cut ? `if(list.length < ${MAX_ISSUES}) ` : ""}list.push(issue);\nreturn list;\n}\n${out}`;
  // Each function returns its issues, null when the value is valid (AJV keeps `errors`, the count,
  // equal to the length of `vErrors`): no `errors` property written per call. The operations'
  // IssueFunctions (boolean, issues in `errors`) are thin wrappers around them (buildValidators).
  let endings = 0;
  out = out.replace(/^(validate\d+)\.errors = vErrors;\nreturn errors === 0;\n\}$/gm, () => {
    endings++;
    return "return errors === 0 ? null : vErrors;\n}";
  });
  const leftRead = /^.*\b(?:validate\d+|wrapper\d+\.validate)\.errors\b.*$/m.exec(out);
  if (endings !== functions || leftRead) fail(`a validator still ends or is read the AJV way${leftRead ? `: ${leftRead[0].slice(0, 300)}` : ""}`);
  // Functions AJV emitted twice under different ids (the same schema reached from two places, as
  // the path parameters of both operations): one is kept, the other names it.
  const bodies = new Map();
  const duplicates = new Map();
  out = out.replace(/^function (validate\d+)\(data\)\{\n[\s\S]*?^return errors === 0 \? null : vErrors;\n\}\n/gm, (block, name) => {
    const key = block.replaceAll(name, "SELF");
    const first = bodies.get(key);
    if (first === undefined) {
      bodies.set(key, name);
      return block;
    }
    duplicates.set(name, first);
    return "";
  });
  // One pass over the code for all of them (a pass per duplicate took minutes on GitHub's spec).
  if (duplicates.size) out = out.replace(/\bvalidate\d+\b/g, (name) => duplicates.get(name) ?? name);
  // Schema constants no longer referenced (AJV's error params were their only readers).
  const mentions = new Map();
  for (const [name] of out.matchAll(/\bschema\d+\b/g)) mentions.set(name, (mentions.get(name) ?? 0) + 1);
  return out.replace(/^var (schema\d+) = .*;\n/gm, (line, name) => (mentions.get(name) === 1 ? "" : line));
}

/**
 * The index just past the block that opens at `open` (a `{`), or -1: braces counted outside the
 * double-quoted strings AJV writes (its output has no regex literals inside functions).
 */
function blockEnd(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === "\\") i++;
    } else if (c === "/" && (code[i + 1] === "/" || code[i + 1] === "*")) {
      return -1;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * minProperties right before a for-in over the same object (additionalProperties): one loop
 * instead of two — the loop counts the own enumerable keys as it goes (what `fewerKeys` and AJV's
 * `Object.keys` count), and a missing count is reported after it, in the place in the list it had
 * before the loop's own issues.
 */
function mergeKeyCount(code) {
  const head = /^if\(fewerKeys\((data\d*), (\d+)\)\)\{\nvErrors = report\(vErrors, (\{path:[^\n]*\})\);\nerrors\+\+;\n\}\nfor\(var (key\d+) in \1\)\{\n/gm;
  let out = "";
  let from = 0;
  let n = 0;
  for (let m; (m = head.exec(code)); ) {
    const [whole, data, limit, issue, key] = m;
    const open = m.index + whole.length - 2;
    const end = blockEnd(code, open);
    if (end === -1) continue;
    const count = `count${n}`;
    const at = `at${n++}`;
    out += code.slice(from, m.index);
    out += `var ${count} = 0;\nvar ${at} = errors;\nfor(var ${key} in ${data}){\nif(${count} < ${limit} && Object.prototype.hasOwnProperty.call(${data}, ${key})) ${count}++;\n`;
    out += code.slice(open + 2, end);
    out += `\nif(${count} < ${limit}){\nvErrors = insert(vErrors, ${at}, ${issue});\nerrors++;\n}`;
    from = end;
  }
  return from === 0 ? code : out + code.slice(from);
}

/**
 * A regex format checked right after a pattern that implies it (scripts/lib/implies.mjs proves it:
 * the spec's UUIDs carry both `pattern` and `format: uuid`): the format is checked only where the
 * pattern failed — where it passed, so does the format. Same verdicts, same issues in the same
 * order; one regex less per valid value.
 */
function formatsWherePatternFails(code) {
  const patterns = new Map();
  for (const [, name, literal, flags] of code.matchAll(/^var (pattern\d+) = new RegExp\(("(?:[^"\\\n]|\\.)*"), "(\w*)"\);$/gm)) {
    try {
      patterns.set(name, { source: JSON.parse(literal), flags });
    } catch {
      // not a JSON string literal: left alone
    }
  }
  const formats = new Map();
  const byLiteral = new Map(Object.entries(fullFormats).filter(([, def]) => def instanceof RegExp).map(([format, def]) => [String(def), format]));
  for (const [, name, literal] of code.matchAll(/^var (formats\d+) = (\/.*\/\w*);$/gm)) if (byLiteral.has(literal)) formats.set(name, byLiteral.get(literal));
  // AJV's pattern check, then right after it its format check of the same value.
  const head = /^if\(!(pattern\d+)\.test\((data\d*)\)\)\{\n/gm;
  let out = "";
  let from = 0;
  for (let m; (m = head.exec(code)); ) {
    const [whole, pattern, data] = m;
    const p = patterns.get(pattern);
    const patternEnd = blockEnd(code, m.index + whole.length - 2);
    if (p === undefined || patternEnd === -1) continue;
    const next = /^\nif\(!\((formats\d+)\.test\((data\d*)\)\)\)\{\n/.exec(code.slice(patternEnd, patternEnd + 60));
    if (!next || next[2] !== data || !formats.has(next[1]) || !impliesFormat(formats.get(next[1]), p.source, p.flags)) continue;
    const formatEnd = blockEnd(code, patternEnd + next[0].length - 2);
    if (formatEnd === -1) continue;
    out += code.slice(from, patternEnd - 1); // the pattern's block, without its closing brace
    out += code.slice(patternEnd + 1, formatEnd); // the format's block, inside it
    out += "\n}";
    from = formatEnd;
    head.lastIndex = formatEnd;
  }
  return from === 0 ? code : out + code.slice(from);
}

const TRANSFORMS = ["lowercase"];

/**
 * The most issues (AJV error objects, for the component validators) one validator keeps: past it,
 * a fault is still counted (the verdict is AJV's) but not listed. AJV's list is as long as the value
 * has faults: a 16 MiB array of non-objects where objects are due was 8 million error objects
 * (1.6 GB) for a `false`. Applied only where the verdict cannot depend on the list's length: AJV
 * keeps its count equal to that length and rewinds both for `not`, `if`, `anyOf`, `oneOf` and the
 * like (`_errsN`), so code holding those keeps every error.
 */
export const MAX_ISSUES = 1000;

/** Whether AJV's code for a set of schemas can have its error lists cut at MAX_ISSUES (see there). */
function cuttable(code) {
  return !/\b_errs\d*\b|vErrors\.length = /.test(code);
}

/** `joined(list, more)`: AJV's `list === null ? more : list.concat(more)`, kept to MAX_ISSUES items. */
const JOINED_SOURCE = `function joined(list, more){\nif(list === null) return more.length > ${MAX_ISSUES} ? more.slice(0, ${MAX_ISSUES}) : more;\nvar room = ${MAX_ISSUES} - list.length;\nif(room <= 0) return list;\nreturn list.concat(more.length > room ? more.slice(0, room) : more);\n}`;

/** The options of the AJV instance that compiles the validators of record. */
export function ajvOptions(formats) {
  return {
    strict: true,
    // The one strict check left off: strictRequired cannot see properties that an `allOf` member
    // defines (Conversation = allOf[ConversationRow] + required), which is how the spec shares
    // columns instead of copying them. Unknown keywords, formats, types and numbers stay strict.
    strictRequired: false,
    allErrors: true,
    // A referenced schema is inlined into its callers only while small (at most 16 keywords, all
    // of ours are): on a large spec AJV otherwise generates the code of every ref-free schema again
    // at each use (GitHub's: 60 MB of code in 19 s, against 40 MB in 11 s with the limit).
    inlineRefs: 16,
    formats,
    // es5: the validation context is read with `if (valCxt)` rather than a destructuring default,
    // which allocates on every call; the code is otherwise the same.
    code: { source: true, esm: true, lines: true, es5: true, formats: _`formats` },
  };
}

const META_2020 = "https://json-schema.org/draft/2020-12/schema";

/**
 * The source of meta-validator-2020.mjs: AJV's standalone code of its 2020-12 meta-schema
 * validator as the pipeline's instance compiles it (its options; AJV compiles meta-schemas without
 * formats), `equal` imported from runtime/. Precompiled so the step does not compile the
 * meta-schema on every run; scripts/build-meta-validator.mjs writes it and
 * test/pipeline/meta-validator.test.ts holds it equal to this.
 */
export function metaValidatorSource() {
  const ajv = new Ajv2020(ajvOptions({}));
  let code = standaloneCode(ajv, { validateMeta2020: META_2020 });
  const equal = 'require("ajv/dist/runtime/equal").default';
  code = code.replace(/^"use strict";/, `"use strict";\nimport { equal } from "../runtime/equal.js";`).split(equal).join("equal");
  if (/require\(/.test(code)) throw new Error("meta validator: AJV emitted a require() other than equal");
  return `// Generated by scripts/build-meta-validator.mjs from ajv ${AJV_VERSION}: AJV's own 2020-12 meta-schema validator, precompiled. Do not edit.\n${code}`;
}

/**
 * AJV's check of a schema against its meta-schema (what `addSchema` does first), with the 2020-12
 * meta-schema validator precompiled (meta-validator-2020.mjs) rather than compiled on every run:
 * the same code, so the same verdicts and the same message. A schema naming another `$schema` goes
 * to AJV's own check.
 */
export function checkSchema(ajv, schema) {
  if (typeof schema === "boolean") return;
  if (schema.$schema !== undefined && schema.$schema !== META_2020) {
    try {
      ajv.validateSchema(schema, true);
    } catch (err) {
      throw Object.assign(err, { instancePath: ajv.errors?.[0]?.instancePath });
    }
    return;
  }
  if (!validateMeta2020(schema)) throw Object.assign(new Error(`schema is invalid: ${ajv.errorsText(validateMeta2020.errors)}`), { instancePath: validateMeta2020.errors[0]?.instancePath });
}

/**
 * The operations' schemas (path parameters, inline request and response bodies, request fields)
 * compiled once per content: a schema prepared to the same JSON as an earlier one, but for its
 * `$id`, is left out, and the entries naming it name the earlier one's id instead (buildValidators
 * then makes their functions aliases of one). Same verdicts and issues — the code AJV generates
 * depends on the content, not on the id — and less for AJV to compile: both operations of our
 * spec share their path parameters; GitHub's spec repeats its parameters, fields and inline bodies
 * across hundreds of operations (3,275 such schemas, 963 distinct). Components keep their own
 * (exported) validators; a schema that declares an `$id` or an anchor is never merged.
 */
function sameContentOnce(schemas, entries) {
  const firstWith = new Map(); // content → the first id with it
  const sameAs = new Map(); // a later id → that first id
  for (const [id, { schema }] of Object.entries(schemas)) {
    if (id.startsWith(SCHEMA_URN)) continue;
    const { $id, ...content } = schema;
    const key = JSON.stringify(content);
    // An id the spec declares (the schema's own, or one inside it) names a resource: two schemas
    // declaring the same one are an error AJV reports, which merging them would hide.
    if ($id !== id || /"\$(?:id|anchor|dynamicAnchor)":/.test(key)) continue;
    const first = firstWith.get(key);
    if (first === undefined) {
      firstWith.set(key, id);
    } else {
      sameAs.set(id, first);
      delete schemas[id];
    }
  }
  for (const entry of entries) entry[1] = sameAs.get(entry[1]) ?? entry[1];
}

/**
 * Where in the bundle a schema's meta-schema error is: AJV's `instancePath` (a JSON Pointer inside
 * the schema checked, `/properties/x/multipleOf`) after the schema's own pointer. prepare keeps
 * the schema's shape, so the path is the spec's. The path parameters' schema is made of the
 * parameters' schemas: a path into its `properties/<name>` is one into that parameter's schema.
 */
function schemaErrorPointer({ pointer, parameterPointers }, instancePath) {
  if (!instancePath) return pointer;
  if (parameterPointers) {
    const m = /^\/properties\/([^/]+)(.*)$/.exec(instancePath);
    const name = m?.[1].replace(/~1/g, "/").replace(/~0/g, "~");
    return m && Object.hasOwn(parameterPointers, name) ? `${parameterPointers[name]}${m[2]}` : pointer;
  }
  return `${pointer}${instancePath}`;
}

/**
 * Every schema the generated file needs (components, and per operation its path parameters,
 * request body, request fields and responses), prepared and compiled by one AJV instance in
 * strict mode with allErrors: the validators of record.
 */
function compileAll(doc, root) {
  installLinearNames();
  const ctx = { root, formats: [] };
  const entries = []; // [exportName, schemaId, exported]
  const schemas = {};
  const componentNames = Object.keys(doc.components?.schemas ?? {});

  // Names that differ only in case or punctuation get one generated name: one validate<Name> export
  // for both (one checking with the other's schema), and one root type in schema.d.ts.
  // And a name OpenAPI refuses: Redocly checks it only for components written in the root file; the
  // bundle names the others after their files (a space made AJV's "URN without nid cannot be serialized").
  const byKey = new Map();
  for (const name of componentNames) {
    if (!/^[a-zA-Z0-9.\-_]+$/.test(name)) {
      throw new PipelineError({ ...locate(root, pointerOf("components", "schemas", name)), rule: "puffle/names", message: `component schema name ${JSON.stringify(name)} (its file's name) must match ^[a-zA-Z0-9\\.\\-_]+$, as OpenAPI requires of component names; rename the file` });
    }
    const key = name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
    const other = byKey.get(key);
    if (other !== undefined) {
      throw new PipelineError({
        ...locate(root, pointerOf("components", "schemas", name)),
        rule: "puffle/names",
        message: `component schema ${name} differs from ${other} only in case or punctuation: their generated names (${identifier(`validate${name}`)}, the root type in schema.d.ts) would collide; rename one`,
      });
    }
    byKey.set(key, name);
  }

  for (const name of componentNames) {
    const pointer = pointerOf("components", "schemas", name);
    schemas[`${SCHEMA_URN}${name}`] = { schema: { $id: `${SCHEMA_URN}${name}`, ...prepare(doc.components.schemas[name], pointer, ctx) }, pointer };
    entries.push([identifier(`validate${name}`), `${SCHEMA_URN}${name}`, true]);
  }

  const idOf = (schema, pointer, fallbackId) => {
    const name = componentNameOf(schema);
    if (name) return `${SCHEMA_URN}${name}`;
    schemas[fallbackId] = { schema: { $id: fallbackId, ...prepare(schema, pointer, ctx) }, pointer };
    return fallbackId;
  };

  const operations = [];
  const used = new Set(entries.map(([name]) => name));
  const read = {
    "x-puffle-normalize": { nodes: new Set(), on: "an operation's request body schema" },
    "x-puffle-transform": { nodes: new Set(), on: "a property of an operation's request body schema" },
  };
  for (const operation of listOperations(doc)) {
    const { operationId: opId } = operation;
    const entry = { opId, fields: [], responses: [], normalize: null, maxBodyBytes: bodyLimitOf(operation, root, "maxBodyBytes") };

    // Path parameters, as one object whose properties are their schemas, each prepared at its own
    // pointer (the path item's parameters come first); an error inside one is located there
    // (schemaErrorPointer). A parameter the operation declares again overrides the path item's.
    const itemParameters = resolve(doc, doc.paths[operation.path]).parameters ?? [];
    const pathParameters = new Map(); // name → [parameter, its schema's pointer], the last parameter of a name
    operation.parameters.forEach((p, i) => {
      if (p.in !== "path") return;
      pathParameters.set(p.name, [p, i < itemParameters.length ? `${pointerOf("paths", operation.path)}/parameters/${i}/schema` : `${operation.pointer}/parameters/${i - itemParameters.length}/schema`]);
    });
    const paramsId = `urn:puffle:op:${opId}:params`;
    const paramsPointer = `${operation.pointer}/parameters`;
    schemas[paramsId] = {
      schema: {
        $id: paramsId,
        type: "object",
        required: [...pathParameters].filter(([, [p]]) => p.required).map(([name]) => name),
        properties: Object.fromEntries([...pathParameters].map(([name, [p, pointer]]) => [name, prepare(p.schema, pointer, ctx)])),
        additionalProperties: false,
      },
      pointer: paramsPointer,
      parameterPointers: Object.fromEntries([...pathParameters].map(([name, [, pointer]]) => [name, pointer])),
    };
    entry.params = uniqueIdentifier(used, opId, "params");
    entries.push([entry.params, paramsId, false]);

    // Request body, and one validator per field for normalizeRequestBody.
    const bodySchema = requestSchemaOf(doc, operation.op);
    if (bodySchema) {
      const bodyPointer = `${operation.pointer}/requestBody/content/application~1json/schema`;
      const bodyId = idOf(bodySchema, bodyPointer, `urn:puffle:op:${opId}:request`);
      entry.request = uniqueIdentifier(used, opId, "request");
      entries.push([entry.request, bodyId, false]);
      for (const node of refChain(doc, bodySchema)) read["x-puffle-normalize"].nodes.add(node);
      const rulePointer = componentNameOf(bodySchema) ? pointerOf("components", "schemas", componentNameOf(bodySchema)) : bodyPointer;
      entry.normalize = normalizeRuleOf(doc, bodySchema, rulePointer, root);
      if (entry.normalize) {
        // The status the API answers with: one the operation documents (the server sends it as is).
        if (!Object.hasOwn(operation.op.responses ?? {}, String(entry.normalize.emptyStatus))) {
          throw new PipelineError({ ...locate(root, `${rulePointer}/x-puffle-normalize/emptyStatus`), rule: "puffle/x-puffle-normalize", message: `x-puffle-normalize.emptyStatus ${entry.normalize.emptyStatus} is not a documented response of ${opId}` });
        }
        entry.normalize.maxDepth = bodyLimitOf(operation, root, "maxBodyDepth");
      }
      for (const [field, propSchema, propPointer] of propertiesOf(doc, bodySchema, bodyPointer)) {
        for (const node of refChain(doc, propSchema)) read["x-puffle-transform"].nodes.add(node);
        const transform = resolve(doc, propSchema)["x-puffle-transform"] ?? null;
        if (transform !== null && !TRANSFORMS.includes(transform)) {
          throw new PipelineError({ ...locate(root, `${propPointer}/x-puffle-transform`), rule: "puffle/x-puffle-transform", message: `unknown transform "${transform}" (known: ${TRANSFORMS.join(", ")})` });
        }
        // A field name goes into a URN: characters a URN cannot hold as they are (`~`, a space…) escaped.
        const fieldId = `urn:puffle:op:${opId}:field:${encodeURIComponent(field).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
        schemas[fieldId] = { schema: { $id: fieldId, ...prepare(propSchema, propPointer, ctx) }, pointer: propPointer };
        const exportName = uniqueIdentifier(used, opId, "field", field);
        entries.push([exportName, fieldId, false]);
        entry.fields.push({ field, exportName, transform });
      }
    }

    // Responses, one validator per documented status: of a status with several media types
    // (GitHub's application/json and application/sarif+json), application/json's, else the first.
    const byStatus = new Map();
    for (const response of responsesOf(doc, operation)) {
      const taken = byStatus.get(response[0]);
      if (!taken || (response[1] === "application/json" && taken[1] !== "application/json")) byStatus.set(response[0], response);
    }
    for (const [status, mediaType, schema, responsePointer] of byStatus.values()) {
      if (!schema) {
        entry.responses.push({ status, exportName: null });
        continue;
      }
      const id = idOf(schema, `${responsePointer}/content/${mediaType.replace(/\//g, "~1")}/schema`, `urn:puffle:op:${opId}:response:${status}`);
      const exportName = uniqueIdentifier(used, opId, "response", status);
      entries.push([exportName, id, false]);
      entry.responses.push({ status, exportName });
    }
    operations.push(entry);
  }
  checkExtensionsRead(doc, root, read);

  sameContentOnce(schemas, entries);

  // Formats: RegExp formats are inlined by AJV; function formats come from scripts/runtime.
  const usedFunctionFormats = new Set();
  const ajvFormats = {};
  for (const [format, pointer] of ctx.formats) {
    const def = fullFormats[format];
    if (def === undefined) {
      throw new PipelineError({ ...locate(root, pointer), rule: "ajv/unknown-format", message: `unknown format "${format}" (formats known: ${Object.keys(fullFormats).join(", ")})` });
    }
    if (def instanceof RegExp) ajvFormats[format] = def;
    else if (def === true) ajvFormats[format] = true; // password, binary: AJV checks nothing
    else if (runtimeFormats[format]) {
      ajvFormats[format] = runtimeFormats[format];
      usedFunctionFormats.add(format);
    } else {
      throw new PipelineError({ ...locate(root, pointer), rule: "puffle/format-runtime", message: `format "${format}" is a function in ajv-formats: port it to scripts/runtime/formats.js` });
    }
  }

  const ajv = new Ajv2020(ajvOptions(ajvFormats));
  withoutDynamicScope(ajv, Object.values(schemas).map((s) => s.schema));
  for (const [id, entry] of Object.entries(schemas)) {
    try {
      checkSchema(ajv, entry.schema);
      ajv.addSchema(entry.schema, id, undefined, false); // checked just above
    } catch (err) {
      throw new PipelineError({ ...locate(root, schemaErrorPointer(entry, err.instancePath)), rule: "ajv/schema", message: err.message });
    }
  }
  for (const [id, { pointer }] of Object.entries(schemas)) {
    try {
      ajv.getSchema(id);
    } catch (err) {
      const rule = /^strict mode/.test(err.message) ? "ajv/strict" : "ajv/compile";
      throw new PipelineError({ ...locate(root, compileErrorPointer(err.message, schemas, pointer, doc)), rule, message: err.message });
    }
  }

  return { ajv, schemas, entries, componentNames, operations, usedFunctionFormats };
}

/**
 * The validators of record as AJV compiles them at run time (allErrors, AJV error objects), per
 * operation in the shape of the generated `operations` table: the reference the tests hold the
 * generated code to (test/unit/issues-differential.test.ts). Not used by the generated file.
 */
export function referenceValidators(doc, { root }) {
  const { ajv, entries, operations } = compileAll(doc, root);
  const fn = (name) => (name ? ajv.getSchema(entries.find(([n]) => n === name)[1]) : null);
  return Object.fromEntries(operations.map((op) => [op.opId, {
    pathParams: fn(op.params),
    requestBody: fn(op.request),
    requestFields: Object.fromEntries(op.fields.map((f) => [f.field, fn(f.exportName)])),
    responses: Object.fromEntries(op.responses.map((r) => [r.status, fn(r.exportName)])),
  }]));
}

/** The component schemas' validators as AJV compiles them at run time, by name: the reference for `schemas`. */
export function referenceComponentValidators(doc, { root }) {
  const { ajv, componentNames } = compileAll(doc, root);
  return Object.fromEntries(componentNames.map((name) => [name, ajv.getSchema(`${SCHEMA_URN}${name}`)]));
}

/**
 * A member of one of AJV's schema constants as its standalone code reads it (`schema5.enum`,
 * `schema0.properties["a b"].enum`): an enum error's `params.allowedValues`, which buildValidators copies.
 */
const SCHEMA_MEMBER = String.raw`schema\d+(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\\n]|\\.)*")\])*`;

/**
 * @returns {{ js: string, dts: string }}
 */
export function buildValidators(doc, { root, header }) {
  const { ajv, entries, componentNames, operations, usedFunctionFormats } = compileAll(doc, root);

  // The component validators (`schemas`): AJV's standalone code, AJV error objects; only a format
  // implied by a pattern is checked where that pattern failed (formatsWherePatternFails).
  let code = standaloneCode(ajv, Object.fromEntries(entries.filter(([, , exported]) => exported).map(([name, id]) => [name, id])));
  code = formatsWherePatternFails(code.replace(/^"use strict";\n?/, ""));
  // Their error lists cut at MAX_ISSUES (see there): each error kept while there is room, a
  // callee's joined to the caller's as far as there is.
  if (cuttable(code)) {
    code = code.replace(/^vErrors\.push\((err\d+)\);$/gm, `if(vErrors.length < ${MAX_ISSUES}) vErrors.push($1);`);
    code = code.replace(/^vErrors = vErrors === null \? ((?:validate\d+|wrapper\d+\.validate)\.errors) : vErrors\.concat\(\1\);$/gm, "vErrors = joined(vErrors, $1);");
    // Any other growth of a list is AJV's output in a shape this does not know (the cut lines above
    // end in `vErrors.push(errN);` and pass the lookahead as they are: no copy of the code without them).
    const uncut = /^.*vErrors(?:\.concat\(|\.push\((?!err\d+\);$)| = \[(?!err\d+\];$)).*$/m.exec(code);
    if (uncut) throw new PipelineError({ rule: "puffle/issues", message: `a component validator's error list was not cut: ${uncut[0].slice(0, 300)}: AJV's output changed shape` });
  }
  // An enum error's `params.allowedValues` is AJV's member of a schema constant (`schema5.enum`),
  // the same array in every error of every call: a caller that sorted or pushed to it (a logger, a
  // batch job building its message) changed all later errors' allowedValues, and toIssues' message
  // (its cache is per array). Each error gets a copy, made only when the value is invalid.
  code = code.replace(new RegExp(String.raw`(\ballowedValues: )(${SCHEMA_MEMBER})(?=[,}])`, "g"), "$1$2.slice()");
  // Any other spelling is AJV's output in a shape this does not know: an allowedValues (not a schema
  // constant's JSON key, nor a member read from data) not copied, or an enum error without one. The
  // check reads the member as the copy does (`schema0.properties["a b"].enum`, a property name with a
  // space, was refused as "changed shape"), and counts the enum errors, so a respelled
  // `allowedValues:schema5.enum` (which neither the copy nor the check read) is no silent pass.
  const copied = new RegExp(String.raw`\ballowedValues: (?:${SCHEMA_MEMBER}\.slice\(\)(?=[,}])|\[)`, "g");
  const shared = new RegExp(String.raw`(?<![\w$."'])allowedValues\b(?!: (?:${SCHEMA_MEMBER}\.slice\(\)[,}]|\[))[^\n]{0,80}`).exec(code);
  const enumErrors = code.match(/\bkeyword:\s*"enum"/g)?.length ?? 0;
  const copies = code.match(copied)?.length ?? 0;
  if (shared || enumErrors !== copies) throw new PipelineError({ rule: "puffle/issues", message: `an enum error's allowedValues is not copied: ${shared ? shared[0] : `${enumErrors} enum errors, ${copies} copies`}: AJV's output changed shape` });

  // The operations' validators, compiled again from the same AJV instance and post-processed to
  // build our issues instead of AJV error objects (see issueCode). They share the module scope with
  // the components' code — every declaration at the top level, so that a bundler keeps only what
  // an import reaches — with AJV's scope names suffixed (OP_SUFFIX): the same AJV instance names
  // the same schema's function alike in both. One function per schema id; further names for the
  // same id become aliases (AJV would otherwise emit the same function twice).
  const firstNameOf = new Map();
  const aliases = [];
  for (const [name, id, exported] of entries) {
    if (exported) continue;
    if (firstNameOf.has(id)) aliases.push(`const ${name} = ${firstNameOf.get(id)};`);
    else firstNameOf.set(id, name);
  }
  const opNames = [...firstNameOf.values()];
  let opCode = standaloneCode(ajv, Object.fromEntries([...firstNameOf].map(([id, name]) => [name, id])));
  // The patterns both parts check, before issueCode rewrites the operations' error objects (for patternRules).
  const usedPatterns = Object.keys(PATTERN_RULES).filter((pattern) => [code, opCode].some((text) => text.includes(`params:{pattern: ${JSON.stringify(pattern)}}`)));
  opCode = issueCode(opCode.replace(/^"use strict";\n?/, "").replace(/^export const (\S+) = /gm, "const $1 = "));
  opCode = renameScopeNames(opCode, OP_SUFFIX);
  // Each name AJV exported is the function returning issues (null when valid); the operations'
  // table holds IssueFunctions around them (boolean, the issues in `errors`, as AJV's functions).
  const issuesOf = new Map();
  let named = 0;
  opCode = opCode.replace(new RegExp(`^const (\\S+) = (validate\\d+${OP_SUFFIX.replace(/\$/g, "\\$")});$`, "gm"), (_m, name, fn) => {
    named++;
    issuesOf.set(name, fn);
    return `function ${name}(data){\nvar issues = ${fn}(data);\n${name}.errors = issues;\nreturn issues === null;\n}`;
  });
  if (named !== opNames.length) throw new PipelineError({ rule: "puffle/issues", message: "an operation validator was not named: AJV's output changed shape" });
  for (const alias of aliases) {
    const [, name, target] = /^const (\S+) = (\S+);$/.exec(alias);
    issuesOf.set(name, issuesOf.get(target));
  }
  // The cores the check* entries below call directly: request bodies, path parameters, responses.
  const cores = [...new Set(operations.flatMap((op) => [op.params, op.request, ...op.responses.map((r) => r.exportName)]).filter(Boolean))];
  const coreName = (name) => `${name}$issues`;
  const cores$ = cores.map((name) => `const ${coreName(name)} = ${issuesOf.get(name)};`);
  // joined (MAX_ISSUES), shared by both parts' code, once.
  if (/\bjoined\(/.test(code) || /\bjoined\(/.test(opCode)) code = `${JOINED_SOURCE}\n${code}`;
  code = `${code.trim()}\n\n// The operations' validators: IssueFunctions (\`errors\` holds { path, keyword, message } issues), and the functions returning those issues (null when valid).\n${opCode.trim()}\n${aliases.join("\n")}\n${cores$.join("\n")}`;
  // Three edits of declarations AJV's code makes, in one pass over it (each pass over GitHub's
  // 40 MB of code copies it: ~0.1 s a copy):
  // - Side-effect free for a bundler: a RegExp built from a pattern string is marked pure, so that
  //   an unused one goes with the validator using it.
  // - The helpers AJV's code `require()`s (RUNTIME) are read from their inlined code.
  // - A function format the code reads from the `formats` table (`formats["date-time"]`) is read
  //   from its function instead where the table's entry is one (`dateTime`): a property read is a
  //   possible side effect to a bundler, and would keep every format. The table stays only if
  //   still read. (AJV reads a format once, into a scope value: `var formats2 = formats["date-time"];`.)
  const usedRuntime = new Set();
  code = code.replace(DECLARATION_EDITS, (match, pattern, format, dotted, quoted) => {
    if (pattern !== undefined) return `${pattern}/* @__PURE__ */ new RegExp(`;
    if (format !== undefined) {
      const ref = formatReference(dotted ?? JSON.parse(quoted));
      return ref ? `${format}${ref};` : match;
    }
    usedRuntime.add(match);
    return RUNTIME[match].name;
  });
  const runtimeParts = Object.entries(RUNTIME).filter(([call]) => usedRuntime.has(call)).map(([, { file }]) => runtimeSource(file).trim());
  if (usedFunctionFormats.size) runtimeParts.push(formatsSource(usedFunctionFormats, { table: /\bformats(?:\[|\.)/.test(code) }));
  const leftover = /require\([^)]*\)/.exec(code);
  if (leftover) throw new PipelineError({ rule: "puffle/self-contained", message: `AJV emitted ${leftover[0]}: add its runtime to RUNTIME in scripts/lib/validators.mjs` });
  if (/new Function|\beval\(/.test(code)) throw new PipelineError({ rule: "puffle/self-contained", message: "generated validators must not compile code at run time" });

  const table = [];
  table.push(`export const schemas = /* @__PURE__ */ Object.freeze({\n${componentNames.map((n) => `  ${JSON.stringify(n)}: ${identifier(`validate${n}`)},`).join("\n")}\n});`);
  // The ids alone, for messages naming the known ones: reading them does not reach every validator.
  table.push(`export const operationIds = /* @__PURE__ */ Object.freeze(${JSON.stringify(operations.map((op) => op.opId))});`);
  // Each operation's documented statuses alone, for messages naming them: reading them does not
  // reach the operations' table and every validator.
  table.push(`export const responseStatuses = /* @__PURE__ */ Object.freeze({\n${operations.map((op) => `  ${JSON.stringify(op.opId)}: /* @__PURE__ */ Object.freeze(${JSON.stringify(documentedStatuses(op))}),`).join("\n")}\n});`);
  // The rules in words of the patterns the validators check (PATTERN_RULES), for toIssues to word
  // AJV's errors (`schemas.*`) as the operations' validators word theirs.
  table.push(`export const patternRules = /* @__PURE__ */ Object.freeze({\n${usedPatterns.map((pattern) => `  ${JSON.stringify(pattern)}: ${JSON.stringify(PATTERN_RULES[pattern])},`).join("\n")}\n});`);
  // Each operation's body limits alone (x-puffle-behaviour.maxBodyBytes, maxBodyDepth; null when it
  // declares none), for the client's checks before sending: reading them does not reach the
  // operations' table and every validator (a bundler keeps the whole table once it is read).
  table.push(`export const bodyLimits = /* @__PURE__ */ Object.freeze({\n${operations.map((op) => `  ${JSON.stringify(op.opId)}: /* @__PURE__ */ Object.freeze(${JSON.stringify({ maxBodyBytes: op.maxBodyBytes, maxBodyDepth: op.normalize?.maxDepth ?? null })}),`).join("\n")}\n});`);
  table.push("export const operations = /* @__PURE__ */ Object.freeze({");
  for (const op of operations) {
    table.push(`  ${JSON.stringify(op.opId)}: /* @__PURE__ */ Object.freeze({`);
    table.push(`    pathParams: ${op.params},`);
    table.push(`    requestBody: ${op.request ?? "null"},`);
    table.push(`    requestFields: /* @__PURE__ */ Object.freeze({\n${op.fields.map((f) => `      ${JSON.stringify(f.field)}: /* @__PURE__ */ Object.freeze({ validate: ${f.exportName}, transform: ${JSON.stringify(f.transform)} }),`).join("\n")}\n    }),`);
    table.push(`    normalize: ${op.normalize ? `/* @__PURE__ */ Object.freeze(${JSON.stringify(op.normalize)})` : "null"},`);
    table.push(`    responses: /* @__PURE__ */ Object.freeze({\n${op.responses.map((r) => `      ${JSON.stringify(r.status)}: ${r.exportName ?? "null"},`).join("\n")}\n    }),`);
    table.push("  }),");
  }
  table.push("});");
  // Dispatch by switch: a call with a constant operation id (and status) compiles to a direct call
  // of that validator (a Map or object lookup leaves an indirect call on every validation).
  // The check* entries: one call for the public API's result object, the validator called directly
  // (no function property written and read back, no result built from a boolean).
  const call = (indent, value, core) => `${indent}issues = ${coreName(core)}(${value});\n${indent}break;`;
  const result = (value) => `  return issues === null ? { valid: true, value: ${value} } : { valid: false, errors: issues };`;
  table.push("/** An operation's request body: `{ valid: true, value }` or `{ valid: false, errors }` (issues before merging); null when it takes no body, undefined for an unknown id. */");
  table.push(`export function checkRequestBody(operationId, body) {\n  var issues;\n  switch (operationId) {\n${operations.map((op) => `    case ${JSON.stringify(op.opId)}:\n${op.request ? call("      ", "body", op.request) : "      return null;"}`).join("\n")}\n    default:\n      return undefined;\n  }\n${result("body")}\n}`);
  table.push("/** An operation's path parameters, as checkRequestBody; undefined for an unknown id. */");
  table.push(`export function checkPathParams(operationId, params) {\n  var issues;\n  switch (operationId) {\n${operations.map((op) => `    case ${JSON.stringify(op.opId)}:\n${call("      ", "params", op.params)}`).join("\n")}\n    default:\n      return undefined;\n  }\n${result("params")}\n}`);
  table.push("/** A documented response's body (`status` a string), as checkRequestBody; null when that response has no body, undefined when not documented. */");
  table.push(`export function checkResponseBody(operationId, status, body) {\n  var issues;\n  switch (operationId) {\n${operations.map((op) => `    case ${JSON.stringify(op.opId)}:\n      switch (status) {\n${op.responses.map((r) => `        case ${JSON.stringify(r.status)}:\n${r.exportName ? call("          ", "body", r.exportName) : "          return null;"}`).join("\n")}\n        default:\n          return undefined;\n      }\n      break;`).join("\n")}\n    default:\n      return undefined;\n  }\n${result("body")}\n}`);

  // One entry per operation's request body, path parameters and documented response body, as
  // functions of their own: an app that imports only some of them bundles only their validators.
  const perOperation = [];
  for (const op of operations) {
    const base = pascal(op.opId);
    if (op.request) perOperation.push({ name: `check${base}Request`, arg: "body", core: op.request, what: `${op.opId}'s request body` });
    perOperation.push({ name: `check${base}Params`, arg: "params", core: op.params, what: `${op.opId}'s path parameters` });
    for (const r of op.responses) if (r.exportName) perOperation.push({ name: `check${base}Response${identifier(r.status)}`, arg: "body", core: r.exportName, what: `the body of ${op.opId}'s ${r.status} response` });
  }
  for (const entry of perOperation) {
    table.push(`/** ${entry.what[0].toUpperCase()}${entry.what.slice(1)}, as checkRequestBody (issues before merging). */`);
    table.push(`export function ${entry.name}(${entry.arg}) {\n  var issues = ${coreName(entry.core)}(${entry.arg});\n${result(entry.arg)}\n}`);
  }

  // Every name is declared once: a `var` declared twice would silently be one variable.
  // (functions and constants at the start of a line; of the `var`s there, AJV's scope names — the
  // others are locals of the validate functions, whose bodies are not indented).
  const seen = new Set();
  const twice = new Set();
  for (const part of [...runtimeParts, code, table.join("\n")]) {
    const declared = [...part.matchAll(/^(?:export )?(?:function ([A-Za-z_$][\w$]*)\(|(?:const|let) ([A-Za-z_$][\w$]*) = )/gm)].map((m) => m[1] ?? m[2]);
    for (const name of [...declared, ...declaredScopeNames(part)]) {
      if (seen.has(name)) twice.add(name);
      seen.add(name);
    }
  }
  if (twice.size) throw new PipelineError({ rule: "puffle/names", message: `generated validators declare ${[...twice].join(", ")} more than once` });

  // The licence notices of the third-party code in the file (scripts/lib/notices.mjs): AJV's code
  // always; ajv-formats' when a format is checked (a function of scripts/runtime/formats.js, or a
  // pattern AJV inlines from its table); each RUNTIME helper's package when it is inlined.
  const thirdParty = new Set(["ajv"]);
  if (usedFunctionFormats.size || /^var formats\d+(?:\$op)? = \//m.test(code)) thirdParty.add("ajv-formats");
  for (const call of usedRuntime) thirdParty.add(RUNTIME[call].from);
  const js = [
    header("//"),
    "// Self-contained ESM: nothing imported, nothing CommonJS, no code compiled at run time (safe under a strict CSP).",
    legalComment(thirdParty),
    "",
    ...(runtimeParts.length ? [runtimeParts.join("\n\n"), ""] : []),
    code.trim(),
    "",
    table.join("\n"),
    "",
  ].join("\n");

  const dts = [
    header("//"),
    'import type { components } from "./schema.js";',
    "/** One error of an AJV validate function, as AJV reports it (`schemas.Conversation.errors`). */",
    "export interface AjvError {",
    "  /** JSON Pointer to the value that failed, `\"\"` for the value itself (`/thread/status`). */",
    "  instancePath: string;",
    "  /** Where the rule is in the schema (`#/required`, `urn:puffle:schema:StatusUpdate/enum`). */",
    "  schemaPath: string;",
    "  /** The JSON Schema keyword that failed (`type`, `enum`, `required`, …). */",
    "  keyword: string;",
    "  /** The keyword's details (`allowedValues` for `enum`, `missingProperty` for `required`, …). */",
    "  params: Record<string, unknown>;",
    "  /** AJV's sentence (`must be equal to one of the allowed values`). */",
    "  message?: string;",
    "}",
    "/** An AJV validate function: true when `data` is valid; otherwise the reasons are in `errors`. */",
    "export interface ValidateFunction {",
    "  (data: unknown): boolean;",
    "  /** The last call's errors (the first 1,000 at most), `null` when the value was valid. */",
    "  errors?: AjvError[] | null;",
    "}",
    "/**",
    " * A component schema's validate function (`schemas.Thread`): a `ValidateFunction` that narrows a",
    " * value not yet typed as `T` (`unknown`, a wider union) to `T` where it returns true, as AJV's own",
    " * types do. A value already typed `T`, `T | null | undefined` or `any` is left as it is either way,",
    " * so the false branch of re-checking a typed value is not `never` (nor `undefined`).",
    " */",
    "export interface SchemaValidateFunction<T> {",
    "  (data: T | null | undefined): boolean;",
    "  (data: unknown): data is T;",
    "  /** The last call's errors (the first 1,000 at most), `null` when the value was valid. */",
    "  errors?: AjvError[] | null;",
    "}",
    "/** One reason a value was rejected: `path` is a JSON Pointer to the offending value. */",
    "export interface Issue {",
    "  path: string;",
    "  keyword: string;",
    "  message: string;",
    "}",
    "/**",
    " * An operation's validate function: true when `data` is valid; otherwise the reasons are in",
    " * `errors`, as issues (before duplicates are merged), their paths relative to `data`.",
    " */",
    "export interface IssueFunction {",
    "  (data: unknown): boolean;",
    "  errors?: Issue[] | null;",
    "}",
    "export interface RequestField {",
    "  readonly validate: IssueFunction;",
    `  readonly transform: ${TRANSFORMS.map((t) => JSON.stringify(t)).join(" | ")} | null;`,
    "}",
    "/** The API's documented leniency for a request body (`x-puffle-normalize`). */",
    "export interface NormalizeRule {",
    '  readonly unknownProperties: "drop" | "reject";',
    '  readonly invalidProperties: "drop" | "reject";',
    "  readonly minValidProperties: number;",
    "  readonly emptyStatus: number;",
    "  /** At most this many errors in a 400 (`x-puffle-normalize.maxErrors`). */",
    "  readonly maxErrors: number;",
    "  /** The deepest nesting the API reads (`x-puffle-behaviour.maxBodyDepth`; the body is level 1): a deeper body is its 400 `maxDepth`. */",
    "  readonly maxDepth: number | null;",
    "}",
    ...componentNames.map((n) => `/** Validates a \`${n}\` (components/schemas/${n}). */\nexport declare const ${identifier(`validate${n}`)}: ValidateFunction;`),
    "/** One AJV validate function per component schema, by its name: `schemas.Conversation(value)` is true (and `value` a `Conversation`) or sets `schemas.Conversation.errors`. */",
    `export declare const schemas: {\n${componentNames.map((n) => `  readonly ${JSON.stringify(n)}: SchemaValidateFunction<components["schemas"][${JSON.stringify(n)}]>;`).join("\n")}\n};`,
    "/** The outcome of a check* entry: the value when valid, otherwise its issues (duplicates not yet merged). */",
    "export type CheckResult = { valid: true; value: unknown } | { valid: false; errors: Issue[] };",
    "export declare function checkRequestBody(operationId: string, body: unknown): CheckResult | null | undefined;",
    "export declare function checkPathParams(operationId: string, params: unknown): CheckResult | undefined;",
    "export declare function checkResponseBody(operationId: string, status: string, body: unknown): CheckResult | null | undefined;",
    ...perOperation.map((entry) => `/** ${entry.what[0].toUpperCase()}${entry.what.slice(1)}. */\nexport declare function ${entry.name}(${entry.arg}: unknown): CheckResult;`),
    `export declare const operationIds: readonly [${operations.map((op) => JSON.stringify(op.opId)).join(", ")}];`,
    "/** Each operation's documented response statuses (the keys of its `responses`). */",
    `export declare const responseStatuses: {\n${operations.map((op) => `  readonly ${JSON.stringify(op.opId)}: readonly [${documentedStatuses(op).map((st) => JSON.stringify(st)).join(", ")}];`).join("\n")}\n};`,
    "/** The spec's patterns the validators check, each with its rule in words: what a `pattern` issue says in place of `must match pattern \"…\"`. */",
    "export declare const patternRules: { readonly [pattern: string]: string };",
    "/** Each operation's body limits (`x-puffle-behaviour.maxBodyBytes`, `maxBodyDepth`; null when it declares none), without the validators. */",
    `export declare const bodyLimits: {\n${operations.map((op) => `  readonly ${JSON.stringify(op.opId)}: { readonly maxBodyBytes: ${op.maxBodyBytes === null ? "null" : "number"}; readonly maxBodyDepth: ${typeof op.normalize?.maxDepth === "number" ? "number" : "null"} };`).join("\n")}\n};`,
    "export declare const operations: {",
    ...operations.map((op) => [
      `  readonly ${JSON.stringify(op.opId)}: {`,
      "    readonly pathParams: IssueFunction;",
      `    readonly requestBody: ${op.request ? "IssueFunction" : "null"};`,
      `    readonly requestFields: {\n${op.fields.map((f) => `      readonly ${JSON.stringify(f.field)}: RequestField;`).join("\n")}\n    };`,
      `    readonly normalize: ${op.normalize ? "NormalizeRule" : "null"};`,
      `    readonly responses: {\n${op.responses.map((r) => `      readonly ${JSON.stringify(r.status)}: ${r.exportName ? "IssueFunction" : "null"};`).join("\n")}\n    };`,
      "  };",
    ].join("\n")),
    "};",
    "",
  ].join("\n");

  return { js, dts };
}
