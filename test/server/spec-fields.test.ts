// Every request field the spec accepts is stored and returned by the reference server. The field
// list and the values are read from the spec (generated/meta.js, generated/openapi.json), never
// written here: a field added to a request schema is sent by this test on the next
// `npm run generate`. The server's storage is hand-written (src/server/seed.ts column lists, the
// views in store.ts, record-json.ts; openapi/README.md "Adding a field"), and a field it does not
// know was a 500 that no other test sent.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations as meta } from "../../generated/meta.js";
import type { RunningServer } from "../../src/server/index.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS } from "../../src/server/seed.js";
import { normalizeRequestBody, operationIds, validateRequestBody, type OperationId } from "../../src/validators.js";
import { DOCS_CONVERSATION, DOCS_THREAD, send, start } from "./http.js";

type Json = Record<string, unknown>;
const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8")) as {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, { properties?: Json }>; examples?: Record<string, { value?: unknown }> };
};

/** The record each operation updates in the default seed (docs/server.md: a contract). */
const TARGET: Record<OperationId, string> = { updateConversation: DOCS_CONVERSATION, updateThread: DOCS_THREAD };

/** Resolves a local `$ref` of the bundled spec. */
function deref(value: unknown): unknown {
  let v = value;
  while (v !== null && typeof v === "object" && typeof (v as Json).$ref === "string") {
    v = ((v as Json).$ref as string).slice(2).split("/").reduce<unknown>((node, key) => (node as Json)[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  return v;
}

/** The values the spec gives for each request field of `op`: its schema's `examples`, then every named request example, then null when it is nullable. */
function candidates(op: OperationId): Map<string, unknown[]> {
  const fields = meta[op].requestFields as Record<string, { examples?: unknown[]; type?: string | readonly string[] }>;
  const out = new Map<string, unknown[]>();
  for (const [field, schema] of Object.entries(fields)) out.set(field, [...(schema.examples ?? [])]);
  const operation = spec.paths[meta[op].path]?.[meta[op].method.toLowerCase()] as Json;
  const media = (deref(operation.requestBody) as Json).content as Record<string, { examples?: Record<string, unknown> }>;
  for (const example of Object.values(media["application/json"]?.examples ?? {})) {
    const value = (deref(example) as { value?: unknown }).value;
    if (value !== null && typeof value === "object") for (const [field, v] of Object.entries(value)) out.get(field)?.push(v);
  }
  for (const [field, schema] of Object.entries(fields)) {
    const types = typeof schema.type === "string" ? [schema.type] : schema.type ?? [];
    if (types.includes("null")) out.get(field)?.push(null);
  }
  return out;
}

/** The fields `op`'s request body schema requires (none in today's spec). */
function requiredFields(op: OperationId): string[] {
  const operation = spec.paths[meta[op].path]?.[meta[op].method.toLowerCase()] as Json;
  const media = (deref(operation.requestBody) as Json).content as Record<string, { schema?: unknown }>;
  return ((deref(media["application/json"]?.schema) as { required?: string[] } | undefined)?.required ?? []).slice();
}

/**
 * The body that sends `field` with `value`, "alone" but for the fields the request requires, each
 * with its first candidate the validator finds no fault with at its own path (`valid` tells).
 * A required field made every other field fail "sent alone" with "the spec gives
 * updateConversation.unread_count no valid value: give its schema an `examples` entry", which it had.
 */
export function bodyFor(field: string, value: unknown, required: readonly string[], values: ReadonlyMap<string, readonly unknown[]>, valid: (field: string, value: unknown) => boolean): Json {
  const body: Json = {};
  for (const other of required) {
    if (other === field) continue;
    const found = (values.get(other) ?? []).find((v) => valid(other, v));
    if (found !== undefined) body[other] = found;
  }
  body[field] = value;
  return body;
}

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.close();
});

describe("every request field of the spec is a column of the reference server", () => {
  it.each(operationIds)("%s: its request fields are among the columns the server stores", (op) => {
    const columns = new Set<string>([...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]);
    const unstored = Object.keys(meta[op].requestFields).filter((field) => !columns.has(field));
    expect(unstored, `${op} accepts ${unstored.join(", ")}, which src/server/seed.ts does not list as a column: see openapi/README.md, "Adding a field"`).toEqual([]);
  });

  it("the column lists are the spec's ConversationRow and ThreadDraft properties", () => {
    expect([...CONVERSATION_COLUMNS].sort(), "CONVERSATION_COLUMNS (src/server/seed.ts) vs ConversationRow").toEqual(Object.keys(spec.components.schemas.ConversationRow?.properties ?? {}).sort());
    expect([...DRAFT_COLUMNS].sort(), "DRAFT_COLUMNS (src/server/seed.ts) vs ThreadDraft").toEqual(Object.keys(spec.components.schemas.ThreadDraft?.properties ?? {}).sort());
  });

  for (const op of operationIds) {
    const all = candidates(op);
    const required = requiredFields(op);
    const valid = (field: string, value: unknown) => {
      const result = validateRequestBody(op, { [field]: value });
      return result.valid || !result.errors.some((e) => e.path === `/${field}` || e.path.startsWith(`/${field}/`));
    };
    for (const [field, values] of all) {
      const companions = required.filter((r) => r !== field);
      it(`${op}: ${field} sent alone${companions.length > 0 ? ` (with ${companions.join(", ")}, required)` : ""} is stored and returned`, async () => {
        // The first value the API applies as it is sent (normalized: participant_email lowercased).
        const applied = values.map((value) => normalizeRequestBody(op, bodyFor(field, value, required, all, valid))).find((r) => r.ok && Object.hasOwn(r.body, field));
        expect(applied, `the spec gives ${op}.${field} no valid value: give its schema an \`examples\` entry`).toBeDefined();
        if (applied === undefined || !applied.ok) return;
        const sent = await send(server, op, TARGET[op], { body: applied.body as Json });
        expect(sent.status, sent.text).toBe(200);
        const record = Object.values(sent.body as Json)[0] as Json;
        expect(record[field]).toEqual((applied.body as Json)[field]);
      });
    }
  }

  it("the body of a field sent alone holds the fields the request requires (planted: status required)", () => {
    const values = new Map<string, unknown[]>([["status", ["deleted", "archived"]], ["unread_count", [0]]]);
    const valid = (field: string, value: unknown) => validateRequestBody("updateConversation", { [field]: value }).valid;
    expect(bodyFor("unread_count", 0, ["status"], values, valid)).toEqual({ status: "archived", unread_count: 0 });
    expect(bodyFor("status", "active", ["status"], values, valid)).toEqual({ status: "active" });
    expect(bodyFor("unread_count", 0, [], values, valid)).toEqual({ unread_count: 0 });
  });
});
