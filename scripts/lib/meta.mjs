// Builds generated/meta.js: what the client and the CLI need to know about the spec without
// loading it — the server URL, the version, and per operation its method, path, documented
// statuses, path parameters (each with an example value, where the spec gives one), request fields
// (resolved schemas, with descriptions), the names of the required ones (`requiredFields`, only when
// the body schema makes some required) and behaviour (`x-puffle-behaviour`);
// and `routes`, per operation only its method, path, whether it is idempotent and its path
// parameters' example values — all the client
// reads, a table of its own so that a bundle of the client leaves `operations` (descriptions and
// all) out.
import { PipelineError } from "./errors.mjs";
import { locate } from "./locate.mjs";
import { listOperations, requestSchemaOf, propertiesOf, responsesOf, resolve, escapePointer } from "./spec.mjs";

/**
 * A schema with every local `$ref` replaced by its target. A recursive schema (a `$ref` back to a
 * schema it is inside of) has no inlined form: `fail` says so, at that `$ref` (`pointer`: where
 * `schema` is in the bundle).
 */
function inline(doc, schema, fail, pointer, depth = 0, inside = []) {
  if (depth > 32) fail("is nested deeper than 32 levels", pointer);
  if (Array.isArray(schema)) return schema.map((s, i) => inline(doc, s, fail, `${pointer}/${i}`, depth + 1, inside));
  if (!schema || typeof schema !== "object") return schema;
  const ref = typeof schema.$ref === "string" ? schema.$ref : undefined;
  if (ref !== undefined && inside.includes(ref)) fail(`is recursive ($ref ${ref} inside itself), which is not supported: meta.js holds each request field's schema inlined`, `${pointer}/$ref`);
  const within = ref === undefined ? inside : [...inside, ref];
  const target = resolve(doc, schema);
  // Where the target is: a component's own place (a $ref with siblings: the $ref's).
  const at = ref !== undefined && ref.startsWith("#/") && Object.keys(schema).length === 1 ? ref.slice(1) : pointer;
  const out = {};
  for (const [k, v] of Object.entries(target)) {
    if (["examples", "enum", "const", "default"].includes(k) || k.startsWith("x-")) out[k] = v;
    else out[k] = inline(doc, v, fail, `${at}/${escapePointer(k)}`, depth + 1, within);
  }
  return out;
}

/**
 * The request fields a body schema lists in `required`, its own and its `allOf` members' (as
 * `propertiesOf` follows them), in the order of `fields` (the request fields' names): what the CLI
 * marks as required in --help and refuses a call without. A required name that is not a request
 * field is left out: no option could send it, and the body's validator names it.
 */
function requiredFieldsOf(doc, schema, fields) {
  const named = new Set();
  const visit = (s, depth) => {
    const target = resolve(doc, s);
    if (!target || typeof target !== "object" || depth > 32) return;
    if (Array.isArray(target.required)) for (const name of target.required) if (typeof name === "string") named.add(name);
    for (const member of target.allOf ?? []) visit(member, depth + 1);
  };
  visit(schema, 0);
  return fields.filter((name) => named.has(name));
}

const BEHAVIOUR_KEYS = ["ownership", "idempotent", "maxBodyBytes", "maxBodyDepth", "allowedMethods", "touches", "senderAccount", "duplicateRecipient"];

/**
 * The largest maxBodyBytes: V8's longest string on 64-bit (Node's buffer.constants.MAX_STRING_LENGTH,
 * 2^29 − 24). The reference server decodes a JSON body to one string for JSON.parse, so a longer
 * body was a 400 "Cannot create a string longer than …", never the 413 a limit promises.
 */
export const MAX_BODY_BYTES = 2 ** 29 - 24;

/** What a maxBodyBytes must be, as the meta and validators steps say it. */
export const MAX_BODY_BYTES_RULE = `maxBodyBytes must be a whole number ≥ 1 and ≤ ${MAX_BODY_BYTES} (the longest text Node makes; the reference server decodes a body to one string to parse it)`;

/**
 * The largest maxBodyDepth. Whatever reads a body walks it recursively, one stack frame a level: the
 * reference server's parser and copy (src/server/json.ts), its store's structuredClone, JSON.stringify
 * of its reply and of the CLI's output, the validators and the client (src/json-depth.ts, whose walk
 * takes a stack overflow for a value it cannot read, so for one within the limit). A 1 MiB body can
 * nest 500,000 levels; with the limit at 400,000 the reference server (Node 20) took a body of 3,500
 * levels, and answered one of 4,000 with a 400 "draft_attachments is not a JSON value (cyclic or
 * unreadable)", of 4,500 "the body is not valid JSON: Maximum call stack size exceeded": within the
 * limit the spec states, refused for what it is not. 256 is the depth the validators walk to when a
 * spec gives no limit (MAX_WALK_DEPTH, src/validators.ts), more than ten times short of that; the spec's
 * own is 64.
 */
export const MAX_BODY_DEPTH = 256;

/** What a maxBodyDepth must be, as the meta and validators steps say it. */
export const MAX_BODY_DEPTH_RULE = `maxBodyDepth must be a whole number ≥ 1 and ≤ ${MAX_BODY_DEPTH} (each reader of a body walks it one stack frame a level: with a limit of thousands, the reference server refused bodies within it as not JSON, out of stack)`;

/** Each body limit of x-puffle-behaviour with its largest value and the rule a bad value breaks. */
const BODY_LIMITS = {
  maxBodyBytes: { max: MAX_BODY_BYTES, rule: MAX_BODY_BYTES_RULE },
  maxBodyDepth: { max: MAX_BODY_DEPTH, rule: MAX_BODY_DEPTH_RULE },
};

/**
 * The rule `value` breaks as x-puffle-behaviour's `key` (`maxBodyBytes` or `maxBodyDepth`: a whole
 * number from 1 to its largest), or undefined when it keeps it or is not given: the meta and
 * validators steps check a limit by this one test.
 */
export function bodyLimitProblem(key, value) {
  const { max, rule } = BODY_LIMITS[key];
  return value === undefined || (Number.isInteger(value) && value >= 1 && value <= max) ? undefined : rule;
}

/** The members of duplicateRecipient.conflictsWith the reference server's store reads (src/server/store.ts). */
const CONFLICT_RULES = ["sameAccount", "sameParticipantEmail", "excludeStatuses", "excludeWarmup"];

/** An HTTP method as the reference server compares it with a request's: upper case. */
const METHOD = /^[A-Z]+$/;

/**
 * The property names of the record a 200 response carries (`{ "thread": Thread }` → Thread's), or
 * undefined when the 200 body is not one member holding an object with properties.
 */
function recordPropertiesOf(doc, operation) {
  const ok = responsesOf(doc, operation).find(([status, mediaType]) => status === "200" && mediaType === "application/json");
  if (ok?.[2] === undefined) return undefined;
  const members = propertiesOf(doc, ok[2], "");
  if (members.length !== 1) return undefined;
  const names = propertiesOf(doc, members[0][1], "").map(([name]) => name);
  return names.length > 0 ? names : undefined;
}

function behaviourOf(doc, operation, root) {
  const behaviour = operation.op["x-puffle-behaviour"] ?? {};
  const fail = (member, message) => {
    throw new PipelineError({ ...locate(root, `${operation.pointer}/x-puffle-behaviour${member ? `/${member}` : ""}`), rule: "puffle/x-puffle-behaviour", message });
  };
  if (!behaviour || typeof behaviour !== "object" || Array.isArray(behaviour)) fail("", "x-puffle-behaviour must be a mapping");
  for (const key of Object.keys(behaviour)) {
    if (!BEHAVIOUR_KEYS.includes(key)) fail(key, `unknown member ${key} (known: ${BEHAVIOUR_KEYS.join(", ")})`);
  }
  // Values the reference server and the CLI use as they are: Fastify's bodyLimit (which throws at
  // start for anything else) and the @file bound; the methods a request may use (any other is a 405).
  // maxBodyDepth: the deepest body the reference server parses (src/server/json.ts, the least over the
  // operations), with or without an x-puffle-normalize (whose maxDepth the validators step checks it for).
  for (const key of ["maxBodyBytes", "maxBodyDepth"]) {
    const problem = bodyLimitProblem(key, behaviour[key]);
    if (problem !== undefined) fail(key, problem);
  }
  const { allowedMethods } = behaviour;
  if (allowedMethods !== undefined) {
    if (!Array.isArray(allowedMethods) || allowedMethods.length === 0 || !allowedMethods.every((m) => typeof m === "string" && METHOD.test(m))) {
      fail("allowedMethods", "allowedMethods must be a non-empty list of HTTP methods in upper case (PATCH, …)");
    }
    if (!allowedMethods.includes(operation.method)) fail("allowedMethods", `allowedMethods must include ${operation.method}, the operation's own method (the reference server answers any other with 405)`);
  }
  // Read by the reference server's store as they are: a missing excludeStatuses threw in it
  // (undefined.includes), "archived" for [archived] compared substrings, a "yes" was true and an
  // unknown member (excludeStatus) was ignored. That updateThread has each member is
  // puffle/supported-shape's to say (scripts/lib/redocly-plugin.mjs).
  const conflictsWith = behaviour.duplicateRecipient?.conflictsWith;
  if (conflictsWith !== undefined) {
    const at = "duplicateRecipient/conflictsWith";
    if (conflictsWith === null || typeof conflictsWith !== "object" || Array.isArray(conflictsWith)) fail(at, "duplicateRecipient.conflictsWith must be a mapping (sameAccount, sameParticipantEmail, excludeStatuses, excludeWarmup)");
    for (const [key, value] of Object.entries(conflictsWith)) {
      if (!CONFLICT_RULES.includes(key)) fail(`${at}/${key}`, `duplicateRecipient.conflictsWith: unknown member ${key} (known: ${CONFLICT_RULES.join(", ")})`);
      if (key === "excludeStatuses") {
        if (!Array.isArray(value) || !value.every((s) => typeof s === "string" && s !== "")) fail(`${at}/${key}`, "duplicateRecipient.conflictsWith.excludeStatuses must be a list of statuses (archived, …)");
      } else if (typeof value !== "boolean") fail(`${at}/${key}`, `duplicateRecipient.conflictsWith.${key} must be true or false`);
    }
  }
  // Read by the client: anything but true would turn retries off without a word.
  if (behaviour.idempotent !== undefined && typeof behaviour.idempotent !== "boolean") fail("idempotent", "idempotent must be true or false");
  // What an update changes besides the fields sent (the reference server: updated_at).
  if (behaviour.touches !== undefined) {
    const touches = typeof behaviour.touches === "string" ? [behaviour.touches] : behaviour.touches;
    if (!Array.isArray(touches) || touches.length === 0 || !touches.every((t) => typeof t === "string" && t !== "")) {
      fail("touches", "touches must be a property name of the 200 response's record, or a list of them");
    }
    const known = recordPropertiesOf(doc, operation);
    const unknown = known === undefined ? undefined : touches.find((t) => !known.includes(t));
    if (unknown !== undefined) fail("touches", `touches: ${unknown} is not a property of the 200 response's record (known: ${known.join(", ")})`);
  }
  const statuses = Object.keys(operation.op.responses ?? {});
  for (const key of ["senderAccount", "duplicateRecipient"]) {
    const status = behaviour[key]?.status;
    if (status !== undefined && !statuses.includes(String(status))) {
      throw new PipelineError({ ...locate(root, `${operation.pointer}/x-puffle-behaviour/${key}/status`), rule: "puffle/x-puffle-behaviour", message: `${key}.status ${status} is not a documented response of ${operation.operationId}` });
    }
  }
  const notOwned = behaviour.ownership?.notOwnedStatus;
  if (notOwned !== undefined && !statuses.includes(String(notOwned))) {
    throw new PipelineError({ ...locate(root, `${operation.pointer}/x-puffle-behaviour/ownership/notOwnedStatus`), rule: "puffle/x-puffle-behaviour", message: `ownership.notOwnedStatus ${notOwned} is not a documented response of ${operation.operationId}` });
  }
  return behaviour;
}

/**
 * A parameter's example value: its `example`, else the first of its `examples` (Example Objects'
 * `value`s), else the first of its schema's `examples`; undefined when the spec gives none.
 */
function parameterExampleOf(doc, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  for (const example of Object.values(parameter.examples ?? {})) {
    const value = resolve(doc, example)?.value;
    if (value !== undefined) return value;
  }
  const schemaExamples = resolve(doc, parameter.schema ?? {})?.examples;
  return Array.isArray(schemaExamples) && schemaExamples.length > 0 ? schemaExamples[0] : undefined;
}

/** An operation's path parameters by name: whether each has an example value (the CLI's help shows it). */
function pathParametersOf(doc, operation) {
  const out = {};
  for (const parameter of operation.parameters) {
    if (parameter?.in !== "path" || typeof parameter.name !== "string") continue;
    const example = parameterExampleOf(doc, parameter);
    out[parameter.name] = example === undefined ? {} : { example };
  }
  return out;
}

/** A TypeScript type literal describing a JSON value exactly (readonly, literal types). */
function typeLiteral(value, indent = "") {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "readonly []";
    return `readonly [\n${value.map((v) => `${inner}${typeLiteral(v, inner)}`).join(",\n")}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  return `{\n${keys.map((k) => `${inner}readonly ${JSON.stringify(k)}: ${typeLiteral(value[k], inner)};`).join("\n")}\n${indent}}`;
}

export function buildMeta(doc, { root, header }) {
  const meta = {
    title: doc.info.title,
    apiVersion: doc.info.version,
    serverUrl: doc.servers?.[0]?.url ?? "",
    operations: {},
    routes: {},
  };
  for (const operation of listOperations(doc)) {
    const bodySchema = requestSchemaOf(doc, operation.op);
    const requestFields = bodySchema
      ? Object.fromEntries(propertiesOf(doc, bodySchema, `${operation.pointer}/requestBody/content/application~1json/schema`).map(([name, schema, pointer]) => {
          const fail = (message, at) => {
            throw new PipelineError({ ...locate(root, at), rule: "puffle/meta", message: `request field ${name} of ${operation.operationId}: its schema ${message}` });
          };
          return [name, inline(doc, schema, fail, pointer)];
        }))
      : {};
    const requiredFields = bodySchema ? requiredFieldsOf(doc, bodySchema, Object.keys(requestFields)) : [];
    meta.operations[operation.operationId] = {
      method: operation.method,
      path: operation.path,
      summary: operation.op.summary ?? "",
      tags: operation.op.tags ?? [],
      statuses: [...new Set(responsesOf(doc, operation).map(([status]) => status))],
      pathParameters: pathParametersOf(doc, operation),
      requestFields,
      // Only when the body makes some field required: a spec without one keeps the meta it had.
      ...(requiredFields.length > 0 ? { requiredFields } : {}),
      behaviour: behaviourOf(doc, operation, root),
    };
    const pathParameters = meta.operations[operation.operationId].pathParameters;
    meta.routes[operation.operationId] = {
      method: operation.method,
      path: operation.path,
      idempotent: meta.operations[operation.operationId].behaviour.idempotent === true,
      // The example value of each path parameter that has one (the client's message for a bad id shows it).
      pathExamples: Object.fromEntries(Object.entries(pathParameters).flatMap(([name, p]) => ("example" in p ? [[name, p.example]] : []))),
    };
  }
  const js = [
    header("//"),
    ...Object.entries(meta).map(([k, v]) => `export const ${k} = ${JSON.stringify(v, null, 2)};`),
    "",
  ].join("\n");
  const dts = [
    header("//"),
    ...Object.entries(meta).map(([k, v]) => `export declare const ${k}: ${typeLiteral(v)};`),
    "",
  ].join("\n");
  return { js, dts, meta };
}
