// Reading the bundled document: operations, local $refs, request fields, responses.
import { PipelineError } from "./errors.mjs";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function escapePointer(segment) {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerOf(...segments) {
  return segments.map((s) => `/${escapePointer(s)}`).join("");
}

/** The node a JSON Pointer (`/components/schemas/X`) names in `doc`, or undefined. */
export function nodeAt(doc, pointer) {
  let node = doc;
  for (const seg of pointer.split("/").slice(1)) node = node?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  return node;
}

/** Follows local `$ref`s (`#/…`) until it reaches an object that is not a bare reference. */
export function resolve(doc, node, seen = new Set()) {
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    const ref = node.$ref;
    if (!ref.startsWith("#/")) throw new PipelineError({ rule: "puffle/local-refs", message: `only local $refs are supported after bundling, found ${ref}` });
    if (seen.has(ref)) throw new PipelineError({ rule: "puffle/local-refs", message: `$ref cycle through ${ref}` });
    seen.add(ref);
    let target = doc;
    for (const seg of ref.slice(2).split("/")) {
      const key = seg.replace(/~1/g, "/").replace(/~0/g, "~");
      target = target?.[key];
    }
    if (target === undefined) throw new PipelineError({ rule: "puffle/local-refs", message: `dangling $ref ${ref}` });
    // A $ref with siblings (3.1) keeps the siblings' annotations: merge them over the target.
    const { $ref, ...siblings } = node;
    node = Object.keys(siblings).length ? { ...target, ...siblings, $ref: target.$ref } : target;
    if (node.$ref === undefined) delete node.$ref;
  }
  return node;
}

/** Every operation of the document, in path then method order. */
export function listOperations(doc) {
  const out = [];
  for (const [urlPath, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolve(doc, rawItem);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: urlPath,
        pointer: pointerOf("paths", urlPath, method),
        op,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(doc, p)),
      });
    }
  }
  return out;
}

/** The JSON request body schema of an operation (possibly a `$ref`), or undefined. */
export function requestSchemaOf(doc, op) {
  const body = resolve(doc, op.requestBody);
  return body?.content?.["application/json"]?.schema;
}

/** The name of the component a schema `$ref`s directly, if it does. */
export function componentNameOf(schema) {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(schema?.$ref ?? "");
  return m ? m[1].replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
}

/**
 * The properties of an object schema, following `allOf` members, as
 * `[name, propertySchema, schemaPointer]` in declaration order.
 */
export function propertiesOf(doc, schema, pointer) {
  const target = resolve(doc, schema);
  const name = componentNameOf(schema);
  const base = name ? pointerOf("components", "schemas", name) : pointer;
  const out = [];
  for (const [key, prop] of Object.entries(target.properties ?? {})) out.push([key, prop, `${base}/properties/${escapePointer(key)}`]);
  (target.allOf ?? []).forEach((member, i) => out.push(...propertiesOf(doc, member, `${base}/allOf/${i}`)));
  return out;
}

/** `[status, mediaType, schema, responsePointer]` for every documented response of an operation. */
export function responsesOf(doc, operation) {
  const out = [];
  for (const [status, raw] of Object.entries(operation.op.responses ?? {})) {
    const response = resolve(doc, raw);
    const entries = Object.entries(response.content ?? {});
    if (entries.length === 0) out.push([status, undefined, undefined, `${operation.pointer}/responses/${status}`]);
    for (const [mediaType, media] of entries) out.push([status, mediaType, media.schema, `${operation.pointer}/responses/${status}`]);
  }
  return out;
}
