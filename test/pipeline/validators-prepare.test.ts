// scripts/lib/validators.mjs, cases our spec does not have: a $ref into a component's subschema,
// and the bounds of x-puffle-normalize's members.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

type Doc = Record<string, unknown>;
const { buildValidators, referenceValidators } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as {
  buildValidators: (doc: Doc, options: { root: string; header: (prefix: string) => string }) => { js: string; dts: string };
  referenceValidators: (doc: Doc, options: { root: string }) => Record<string, { requestBody: ((value: unknown) => boolean) | null }>;
};
const options = { root: path.join(root, "openapi/openapi.yaml"), header: (prefix: string) => `${prefix} test` };

const operation = (operationId: string, body: Doc) => ({
  operationId,
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
  requestBody: { content: { "application/json": { schema: body } } },
  responses: { 200: { description: "ok" }, 400: { description: "bad" }, 499: { description: "odd" } },
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
    // The server answers with it as is: a status the operation documents.
    ["emptyStatus 422, not documented", { emptyStatus: 422 }, false],
  ];
  it.each(cases)("%s → accepted %s", (_name, change, ok) => {
    const body = { type: "object", properties: { a: { type: "string" } }, "x-puffle-normalize": { ...rule, ...change } };
    const build = () => buildValidators(doc({ update: body }), options);
    if (ok) expect(build).not.toThrow();
    else expect(build).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-normalize" }));
  });
});

describe("x-puffle-normalize → the operations' table", () => {
  it("each member as the spec gives it (none the same as our spec's, whose values a constant would also write)", () => {
    const rule = { unknownProperties: "reject", invalidProperties: "reject", minValidProperties: 0, emptyStatus: 499, maxErrors: 7 };
    const body = { type: "object", properties: { a: { type: "string" } }, "x-puffle-normalize": rule };
    expect(buildValidators(doc({ update: body }), options).js).toContain(
      'normalize: /* @__PURE__ */ Object.freeze({"unknownProperties":"reject","invalidProperties":"reject","minValidProperties":0,"emptyStatus":499,"maxErrors":7,"maxDepth":null}),',
    );
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
    ["256, the largest", { maxBodyDepth: 256 }, '"maxDepth":256'],
    ["257", { maxBodyDepth: 257 }, null],
  ];
  it.each(cases)("%s", (_name, behaviour, want) => {
    const build = () => buildValidators(withBehaviour(behaviour), options).js;
    if (want !== null) expect(build()).toContain(want);
    else expect(build).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-behaviour", message: expect.stringMatching(/^maxBodyDepth must be a whole number ≥ 1 and ≤ 256 \(/) }));
  });
});

// The client's validate: "request" measures a body against it (its 413), from the bodyLimits table.
describe("x-puffle-behaviour.maxBodyBytes → the bodyLimits table's maxBodyBytes", () => {
  const body = { type: "object", properties: { a: { type: "string" } } };
  const withBehaviour = (behaviour: Doc | undefined): Doc => {
    const built = doc({ update: body });
    if (behaviour !== undefined) Object.assign(((built.paths as Doc)["/update/{id}"] as { patch: Doc }).patch, { "x-puffle-behaviour": behaviour });
    return built;
  };
  const cases: [string, Doc | undefined, string | null][] = [
    ["1048576", { maxBodyBytes: 1_048_576 }, '"maxBodyBytes":1048576,'],
    ["1", { maxBodyBytes: 1 }, '"maxBodyBytes":1,'],
    ["not declared", { maxBodyDepth: 10 }, '"maxBodyBytes":null,'],
    ["no x-puffle-behaviour", undefined, '"maxBodyBytes":null,'],
    ["0", { maxBodyBytes: 0 }, null],
    ["1.5", { maxBodyBytes: 1.5 }, null],
    ['"1024"', { maxBodyBytes: "1024" }, null],
    ["2^29 - 24, the largest", { maxBodyBytes: 2 ** 29 - 24 }, `"maxBodyBytes":${2 ** 29 - 24},`],
    ["2^29 - 23", { maxBodyBytes: 2 ** 29 - 23 }, null],
  ];
  it.each(cases)("%s", (_name, behaviour, want) => {
    const build = () => buildValidators(withBehaviour(behaviour), options);
    if (want !== null) {
      expect(build().js).toContain(want);
      expect(build().dts).toContain(`readonly maxBodyBytes: ${want.includes("null") ? "null" : "number"};`);
    } else expect(build).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-behaviour", message: expect.stringMatching(/^maxBodyBytes must be a whole number ≥ 1 and ≤ 536870888 \(/) }));
  });
});

describe("x-puffle-normalize and x-puffle-transform only where the validators step reads them", () => {
  const rule = { unknownProperties: "drop", invalidProperties: "drop", minValidProperties: 1, emptyStatus: 400, maxErrors: 10 };
  const email = { type: "string", "x-puffle-transform": "lowercase" };
  /** One operation: request body `Req` ({ email }), 200 response `Res`; `change` edits the components. */
  const build = (change: (schemas: Record<string, Record<string, unknown>>) => void) => {
    const schemas: Record<string, Record<string, unknown>> = {
      Email: { ...email },
      Req: { type: "object", properties: { email: { $ref: "#/components/schemas/Email" } }, "x-puffle-normalize": rule },
      Res: { type: "object", properties: { email: { type: "string" }, items: { type: "array", items: { type: "object", properties: { a: { type: "string" } } } } } },
    };
    change(schemas);
    const built = doc({ update: { $ref: "#/components/schemas/Req" } }, schemas);
    const patch = ((built.paths as Doc)["/update/{id}"] as { patch: Doc }).patch;
    patch.responses = { 200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Res" } } } }, 400: { description: "bad" } };
    return () => buildValidators(built, options);
  };
  it("where they are read (the request body schema, a request property through a $ref, a property's own): accepted", () => {
    expect(build(() => {})).not.toThrow();
    expect(build((s) => Object.assign((s.Req!.properties as Doc), { name: { type: "string", "x-puffle-transform": "lowercase" } }))).not.toThrow();
  });
  it("a key named so inside data (examples, const, enum, default) is a value, not an extension: accepted", () => {
    const data = { "x-puffle-normalize": rule, "x-puffle-transform": "lowercase" };
    expect(build((s) => Object.assign(s.Res!, { examples: [data], default: data }))).not.toThrow();
    expect(build((s) => Object.assign((s.Res!.properties as Doc), { tag: { type: "object", const: data }, kind: { type: "object", enum: [data] } }))).not.toThrow();
  });
  it("a transform the code does not know fails at it, naming the known ones", () => {
    expect(build((s) => { s.Email!["x-puffle-transform"] = "uppercase"; })).toThrow(
      expect.objectContaining({ rule: "puffle/x-puffle-transform", message: 'unknown transform "uppercase" (known: lowercase)' }),
    );
  });
  const misplaced: [string, (schemas: Record<string, Record<string, unknown>>) => void, string][] = [
    ["x-puffle-normalize on a response schema", (s) => { s.Res!["x-puffle-normalize"] = rule; }, "puffle/x-puffle-normalize"],
    ["x-puffle-normalize on a request property", (s) => { s.Email!["x-puffle-normalize"] = rule; }, "puffle/x-puffle-normalize"],
    ["x-puffle-transform on a response property", (s) => { ((s.Res!.properties as Doc).email as Doc)["x-puffle-transform"] = "lowercase"; }, "puffle/x-puffle-transform"],
    ["x-puffle-transform on a nested request member", (s) => { Object.assign((s.Req!.properties as Doc), { list: { type: "array", items: { ...email } } }); }, "puffle/x-puffle-transform"],
    ["x-puffle-transform on the request body schema", (s) => { s.Req!["x-puffle-transform"] = "lowercase"; }, "puffle/x-puffle-transform"],
  ];
  it.each(misplaced)("%s fails, naming it (it was ignored without a word)", (_name, change, ruleName) => {
    expect(build(change)).toThrow(expect.objectContaining({ rule: ruleName, message: expect.stringContaining("here it would be ignored") }));
  });
});

describe("the component validators' enum errors", () => {
  // Each error's params.allowedValues is a copy of the schema's enum (`….enum.slice()`); AJV reads an
  // enum under a property whose name is no identifier as `schema0.properties["a b"].enum`, which the
  // copy took and the check after it refused as "AJV's output changed shape".
  it.each(["status", "a-b", "a b", 'a"}b'])("an enum under the property %j is copied, and the spec builds", (key) => {
    const schemas = { Box: { type: "object", properties: { [key]: { enum: ["x", "y"] } } } };
    const { js } = buildValidators(doc({ update: { $ref: "#/components/schemas/Box" } }, schemas), options);
    const member = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    expect(js).toContain(`allowedValues: schema0.properties${member}.enum.slice()}`);
  });
});
