// scripts/lib/validators.mjs, cases our spec does not have: a $ref into a component's subschema,
// and the bounds of x-puffle-normalize's members.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

type Doc = Record<string, unknown>;
const { buildValidators, referenceValidators } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as {
  buildValidators: (doc: Doc, options: { root: string; header: (prefix: string) => string }) => { js: string };
  referenceValidators: (doc: Doc, options: { root: string }) => Record<string, { requestBody: ((value: unknown) => boolean) | null }>;
};
const options = { root: path.join(root, "openapi/openapi.yaml"), header: (prefix: string) => `${prefix} test` };

const operation = (operationId: string, body: Doc) => ({
  operationId,
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
  requestBody: { content: { "application/json": { schema: body } } },
  responses: { 200: { description: "ok" } },
});
const doc = (bodies: Record<string, Doc>, schemas: Doc = {}): Doc => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: Object.fromEntries(Object.entries(bodies).map(([opId, body]) => [`/${opId}/{id}`, { patch: operation(opId, body) }])),
  components: { schemas },
});

describe("prepare", () => {
  it("a $ref into a component's subschema validates against that subschema", () => {
    const schemas = { Pair: { type: "object", properties: { left: { type: "integer" } } } };
    const body = { type: "object", properties: { x: { $ref: "#/components/schemas/Pair/properties/left" } } };
    const validate = referenceValidators(doc({ update: body }, schemas), options).update!.requestBody!;
    expect(validate({ x: 1 })).toBe(true);
    expect(validate({ x: {} })).toBe(false);
  });
});

describe("x-puffle-normalize bounds", () => {
  const rule = { unknownProperties: "drop", invalidProperties: "drop", minValidProperties: 1, emptyStatus: 400, maxErrors: 10 };
  const cases: [string, Doc, boolean][] = [
    ["minValidProperties 0", { minValidProperties: 0 }, true],
    ["minValidProperties -1", { minValidProperties: -1 }, false],
    ["emptyStatus 499", { emptyStatus: 499 }, true],
    ["emptyStatus 399", { emptyStatus: 399 }, false],
    ["emptyStatus 500", { emptyStatus: 500 }, false],
    ["maxErrors 1", { maxErrors: 1 }, true],
    ["maxErrors 0", { maxErrors: 0 }, false],
    ["invalidProperties reject", { invalidProperties: "reject" }, true],
    ["invalidProperties keep", { invalidProperties: "keep" }, false],
    ["an unknown member", { retries: 1 }, false],
  ];
  it.each(cases)("%s → accepted %s", (_name, change, ok) => {
    const body = { type: "object", properties: { a: { type: "string" } }, "x-puffle-normalize": { ...rule, ...change } };
    const build = () => buildValidators(doc({ update: body }), options);
    if (ok) expect(build).not.toThrow();
    else expect(build).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-normalize" }));
  });
});

describe("x-puffle-behaviour.maxBodyDepth → the normalize rule's maxDepth", () => {
  const rule = { unknownProperties: "drop", invalidProperties: "drop", minValidProperties: 1, emptyStatus: 400, maxErrors: 10 };
  const body = { type: "object", properties: { a: { type: "string" } }, "x-puffle-normalize": rule };
  const withBehaviour = (behaviour: Doc | undefined): Doc => {
    const built = doc({ update: body });
    if (behaviour !== undefined) Object.assign(((built.paths as Doc)["/update/{id}"] as { patch: Doc }).patch, { "x-puffle-behaviour": behaviour });
    return built;
  };
  const cases: [string, Doc | undefined, string | null][] = [
    ["64", { maxBodyDepth: 64 }, '"maxDepth":64'],
    ["1", { maxBodyDepth: 1 }, '"maxDepth":1'],
    ["not declared", { maxBodyBytes: 10 }, '"maxDepth":null'],
    ["no x-puffle-behaviour", undefined, '"maxDepth":null'],
    ["0", { maxBodyDepth: 0 }, null],
    ["1.5", { maxBodyDepth: 1.5 }, null],
    ['"64"', { maxBodyDepth: "64" }, null],
  ];
  it.each(cases)("%s", (_name, behaviour, want) => {
    const build = () => buildValidators(withBehaviour(behaviour), options).js;
    if (want !== null) expect(build()).toContain(want);
    else expect(build).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-behaviour", message: "maxBodyDepth must be a whole number ≥ 1" }));
  });
});
