// The bundled spec (generated/openapi.json) as the property tests read it: component schemas,
// operations, and for each validator under test the JSON Schema it was generated from. Everything
// here is read from the spec, so a field added to openapi/ is generated and mutated without a
// change to the tests.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = { [key: string]: unknown };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const doc = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated/openapi.json"), "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Schema>; responses: Record<string, Schema> };
};

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;

/** Follows `#/…` references in the bundled document (parameters, responses, schemas). */
export function deref<T = Schema>(node: unknown): T {
  let current = node as Schema;
  for (let guard = 0; current && typeof current.$ref === "string"; guard++) {
    if (guard > 32) throw new Error(`$ref cycle at ${String(current.$ref)}`);
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) throw new Error(`non-local $ref ${ref}`);
    let target: unknown = doc;
    for (const seg of ref.slice(2).split("/")) target = (target as Record<string, unknown>)?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    current = target as Schema;
  }
  return current as T;
}

function componentName(schema: unknown): string | undefined {
  const ref = (schema as Schema | undefined)?.$ref;
  return typeof ref === "string" ? COMPONENT_REF.exec(ref)?.[1] : undefined;
}

export type Target =
  | { kind: "request"; op: string; name: string; schema: Schema }
  | { kind: "response"; op: string; status: string; name: string; schema: Schema }
  | { kind: "params"; op: string; name: string; schema: Schema };

export interface Operation {
  op: string;
  request: Schema;
  responses: { status: string; schema: Schema | undefined }[];
  params: Schema;
}

/** Every operation with its request, response and path-parameter schemas, as the spec gives them. */
export const operations: Operation[] = [];
for (const item of Object.values(doc.paths)) {
  const shared = ((item.parameters as unknown[]) ?? []).map((p) => deref(p));
  for (const [method, raw] of Object.entries(item)) {
    if (method === "parameters" || method.startsWith("x-")) continue;
    const op = raw as Schema;
    const params = [...shared, ...((op.parameters as unknown[]) ?? []).map((p) => deref(p))].filter((p) => p.in === "path");
    const body = deref<Schema>(op.requestBody);
    const request = (body.content as Record<string, Schema>)["application/json"]!.schema as Schema;
    const responses = Object.entries(op.responses as Record<string, unknown>).map(([status, r]) => {
      const content = (deref<Schema>(r).content ?? {}) as Record<string, Schema>;
      const media = Object.values(content)[0];
      return { status, schema: media?.schema as Schema | undefined };
    });
    operations.push({
      op: op.operationId as string,
      request,
      responses,
      params: {
        type: "object",
        required: params.filter((p) => p.required).map((p) => p.name),
        properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
        additionalProperties: false,
      },
    });
  }
}

/** Every schema a validator of ours is generated from: request bodies, documented responses, path params. */
export function targets(): Target[] {
  const out: Target[] = [];
  for (const o of operations) {
    out.push({ kind: "request", op: o.op, name: componentName(o.request) ?? `${o.op} request`, schema: o.request });
    for (const r of o.responses) {
      if (r.schema) out.push({ kind: "response", op: o.op, status: r.status, name: componentName(r.schema) ?? `${o.op} ${r.status}`, schema: r.schema });
    }
    out.push({ kind: "params", op: o.op, name: `${o.op} path params`, schema: o.params });
  }
  return out;
}
