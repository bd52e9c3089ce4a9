// scripts/lib/meta.mjs and scripts/lib/examples.mjs on specs shaped unlike ours: what meta.js and
// examples.ts hold for an operation without tags, summary or idempotent flag, a status with two
// media types, a field whose data looks like a $ref, parameters and responses without examples,
// and the x-puffle-behaviour checks that our spec never trips.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

type Doc = Record<string, any>;
const { buildMeta } = (await import(path.join(root, "scripts/lib/meta.mjs"))) as {
  buildMeta: (doc: Doc, options: { root: string; header: (prefix: string) => string }) => { js: string; dts: string; meta: Doc };
};
const { buildExamples } = (await import(path.join(root, "scripts/lib/examples.mjs"))) as {
  buildExamples: (doc: Doc, options: { header: (prefix: string) => string }) => string;
};
const options = { root: path.join(root, "openapi/openapi.yaml"), header: (prefix: string) => `${prefix} test` };

const json = (schema: Doc, examples?: Doc) => ({ "application/json": { schema, ...(examples ? { examples } : {}) } });
function spec(op: Doc, components: Doc = {}): Doc {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://one.example" }, { url: "https://two.example" }],
    paths: {
      "/things/{id}": {
        patch: {
          operationId: "updateThing",
          description: "Updates a thing (a description, not a summary).",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { content: json({ type: "object", properties: { name: { type: "string" } } }) },
          responses: { 200: { description: "ok", content: json({ type: "object" }) }, 404: { description: "no" } },
          ...op,
        },
      },
    },
    components: { schemas: {}, ...components },
  };
}

describe("buildMeta", () => {
  it("an operation without summary, tags or x-puffle-behaviour: empty ones, not idempotent; the first server", () => {
    const { meta } = buildMeta(spec({}), options);
    expect(meta.serverUrl).toBe("https://one.example");
    expect(meta.operations.updateThing).toMatchObject({ summary: "", tags: [], behaviour: {}, statuses: ["200", "404"] });
    expect(meta.routes.updateThing).toEqual({ method: "PATCH", path: "/things/{id}", idempotent: false, pathExamples: {} });
  });

  it.each([
    [true, true],
    [false, false],
  ])("x-puffle-behaviour.idempotent %j → routes idempotent %j", (given, want) => {
    const { meta } = buildMeta(spec({ "x-puffle-behaviour": { idempotent: given } }), options);
    expect(meta.routes.updateThing.idempotent).toBe(want);
  });

  it.each([
    ["an example", { example: "p-1" }, { id: { example: "p-1" } }],
    ["the first of its examples", { examples: { a: { value: "p-2" }, b: { value: "p-3" } } }, { id: { example: "p-2" } }],
    ["an examples entry that is a $ref", { examples: { a: { $ref: "#/components/examples/Id" } } }, { id: { example: "p-4" } }],
    ["its schema's first example", { schema: { type: "string", examples: ["p-5", "p-6"] } }, { id: { example: "p-5" } }],
    ["none", {}, { id: {} }],
  ])("path parameters: %s", (_name, given, want) => {
    const parameters = [{ name: "id", in: "path", required: true, schema: { type: "string" }, ...given }, { name: "q", in: "query", example: "not a path parameter" }];
    const { meta } = buildMeta(spec({ parameters }, { examples: { Id: { value: "p-4" } } }), options);
    expect(meta.operations.updateThing.pathParameters).toEqual(want);
    // The client's table carries the example values alone.
    expect(meta.routes.updateThing.pathExamples).toEqual("example" in want.id ? { id: want.id.example } : {});
  });

  it("a status with several media types is listed once", () => {
    const responses = { 200: { description: "ok", content: { ...json({ type: "object" }), "application/sarif+json": { schema: { type: "object" } } } } };
    expect(buildMeta(spec({ responses }), options).meta.operations.updateThing.statuses).toEqual(["200"]);
  });

  it("a request field's data (const, default, enum, examples, x-) is kept as written, $ref-looking or not; its schema $refs are inlined", () => {
    const data = { $ref: "#/components/schemas/Name" };
    const requestBody = {
      content: json({
        type: "object",
        properties: {
          name: { $ref: "#/components/schemas/Name" },
          literal: { type: "object", const: data, default: data, enum: [data], examples: [data], "x-note": data },
        },
      }),
    };
    const { meta } = buildMeta(spec({ requestBody }, { schemas: { Name: { type: "string", maxLength: 3 } } }), options);
    expect(meta.operations.updateThing.requestFields).toEqual({
      name: { type: "string", maxLength: 3 },
      literal: { type: "object", const: data, default: data, enum: [data], examples: [data], "x-note": data },
    });
  });

  it("requiredFields: the body's required request fields, its allOf members' too, in field order; absent when none is", () => {
    expect(buildMeta(spec({}), options).meta.operations.updateThing).not.toHaveProperty("requiredFields");
    const requestBody = {
      content: json({
        $ref: "#/components/schemas/Body",
      }),
    };
    const schemas = {
      Body: { type: "object", required: ["b", "not_a_field"], properties: { a: { type: "string" }, b: { type: "string" } }, allOf: [{ $ref: "#/components/schemas/More" }] },
      More: { type: "object", required: ["a"], properties: { c: { type: "string" } } },
    };
    const built = buildMeta(spec({ requestBody }, { schemas }), options);
    expect(Object.keys(built.meta.operations.updateThing.requestFields)).toEqual(["a", "b", "c"]);
    expect(built.meta.operations.updateThing.requiredFields).toEqual(["a", "b"]);
    expect(built.dts).toContain('readonly "requiredFields": readonly [\n      "a",\n      "b"\n    ];');
  });

  it("a recursive request field fails with puffle/meta, naming the field and the $ref, not a stack overflow", () => {
    const requestBody = { content: json({ type: "object", properties: { node: { $ref: "#/components/schemas/Node" } } }) };
    const components = { schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } } };
    expect(() => buildMeta(spec({ requestBody }, components), options)).toThrow(
      expect.objectContaining({ rule: "puffle/meta", message: expect.stringContaining("request field node of updateThing: its schema is recursive ($ref #/components/schemas/Node inside itself)") }),
    );
  });

  it("a request field nested deeper than 32 levels fails with puffle/meta, naming the field", () => {
    let deep: Doc = { type: "string" };
    for (let i = 0; i < 40; i++) deep = { type: "object", properties: { d: deep } };
    const requestBody = { content: json({ type: "object", properties: { deep } }) };
    expect(() => buildMeta(spec({ requestBody }), options)).toThrow(expect.objectContaining({ rule: "puffle/meta", message: "request field deep of updateThing: its schema is nested deeper than 32 levels" }));
  });

  it("a schema used twice side by side is not recursive", () => {
    const requestBody = { content: json({ type: "object", properties: { pair: { type: "array", prefixItems: [{ $ref: "#/components/schemas/Name" }, { $ref: "#/components/schemas/Name" }] } } }) };
    const { meta } = buildMeta(spec({ requestBody }, { schemas: { Name: { type: "string" } } }), options);
    expect(meta.operations.updateThing.requestFields.pair).toEqual({ type: "array", prefixItems: [{ type: "string" }, { type: "string" }] });
  });

  const broken: [string, Doc, string][] = [
    ["an unknown member", { idempotent: true, retries: 3 }, "unknown member retries"],
    ["senderAccount.status not documented", { senderAccount: { field: "x", status: 400 } }, "senderAccount.status 400 is not a documented response of updateThing"],
    ["duplicateRecipient.status not documented", { duplicateRecipient: { status: 409 } }, "duplicateRecipient.status 409 is not a documented response of updateThing"],
    ["ownership.notOwnedStatus not documented", { ownership: { notOwnedStatus: 403 } }, "ownership.notOwnedStatus 403 is not a documented response of updateThing"],
    // Read by the reference server as Fastify's bodyLimit (which throws at start for these) and by the CLI.
    ["maxBodyBytes 0", { maxBodyBytes: 0 }, "maxBodyBytes must be a whole number ≥ 1"],
    ["maxBodyBytes -1", { maxBodyBytes: -1 }, "maxBodyBytes must be a whole number ≥ 1"],
    ["maxBodyBytes 1.5", { maxBodyBytes: 1.5 }, "maxBodyBytes must be a whole number ≥ 1"],
    ["maxBodyBytes a string", { maxBodyBytes: "1MiB" }, "maxBodyBytes must be a whole number ≥ 1"],
    // Read by the reference server for every operation (src/server/json.ts, the least of them): the
    // validators step checked it only beside an x-puffle-normalize, so without one `maxBodyDepth: 0`
    // or an empty value (null: Math.min made it 0) generated, and every body was "too deep".
    ["maxBodyDepth 0", { maxBodyDepth: 0 }, "maxBodyDepth must be a whole number ≥ 1"],
    ["maxBodyDepth empty (null)", { maxBodyDepth: null }, "maxBodyDepth must be a whole number ≥ 1"],
    ["maxBodyDepth a string", { maxBodyDepth: "64" }, "maxBodyDepth must be a whole number ≥ 1"],
    // Every reader of a body walks it one stack frame a level: with a limit of thousands, the server
    // refused a body of 4,000 levels within it as not JSON (a stack overflow in its parser's copy).
    ["maxBodyDepth 257", { maxBodyDepth: 257 }, "maxBodyDepth must be a whole number ≥ 1 and ≤ 256"],
    ["maxBodyDepth 1e9", { maxBodyDepth: 1e9 }, "maxBodyDepth must be a whole number ≥ 1 and ≤ 256"],
    // Past V8's longest string the server could not decode the body to parse it: no limit at all.
    ["maxBodyBytes 1e20", { maxBodyBytes: 1e20 }, "maxBodyBytes must be a whole number ≥ 1 and ≤ 536870888"],
    ["maxBodyBytes 2^29 - 23", { maxBodyBytes: 2 ** 29 - 23 }, "maxBodyBytes must be a whole number ≥ 1 and ≤ 536870888"],
    // Read by the reference server's store as they are (a missing excludeStatuses is puffle/supported-shape's).
    ["conflictsWith not a mapping", { duplicateRecipient: { conflictsWith: "any" } }, "duplicateRecipient.conflictsWith must be a mapping"],
    ["conflictsWith with an unknown member", { duplicateRecipient: { conflictsWith: { excludeStatus: ["archived"] } } }, "duplicateRecipient.conflictsWith: unknown member excludeStatus"],
    ["excludeStatuses a string", { duplicateRecipient: { conflictsWith: { excludeStatuses: "archived" } } }, "duplicateRecipient.conflictsWith.excludeStatuses must be a list of statuses"],
    ["sameAccount \"yes\"", { duplicateRecipient: { conflictsWith: { sameAccount: "yes" } } }, "duplicateRecipient.conflictsWith.sameAccount must be true or false"],
    // Read by the reference server: a request with a method not listed is a 405.
    ["allowedMethods without the operation's method", { allowedMethods: ["PUT"] }, "allowedMethods must include PATCH"],
    ["allowedMethods in lower case", { allowedMethods: ["patch"] }, "allowedMethods must be a non-empty list of HTTP methods in upper case"],
    ["allowedMethods empty", { allowedMethods: [] }, "allowedMethods must be a non-empty list of HTTP methods in upper case"],
    ["allowedMethods not a list", { allowedMethods: "PATCH" }, "allowedMethods must be a non-empty list of HTTP methods in upper case"],
    ["a list instead of a mapping", ["idempotent"], "x-puffle-behaviour must be a mapping"],
    // Read by the client: anything but true turned retries off without a word.
    ["idempotent \"yes\"", { idempotent: "yes" }, "idempotent must be true or false"],
    ["idempotent 1", { idempotent: 1 }, "idempotent must be true or false"],
  ];
  it.each(broken)("x-puffle-behaviour with %s fails, naming it", (_name, behaviour, message) => {
    expect(() => buildMeta(spec({ "x-puffle-behaviour": behaviour }), options)).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-behaviour", message: expect.stringContaining(message) }));
  });

  it("the spec's own values pass the value checks", () => {
    const behaviour = { maxBodyBytes: 1, allowedMethods: ["PATCH", "OPTIONS"] };
    expect(buildMeta(spec({ "x-puffle-behaviour": behaviour }), options).meta.operations.updateThing.behaviour).toEqual(behaviour);
  });

  it("the largest maxBodyBytes and maxBodyDepth and a full conflictsWith pass the value checks", () => {
    const conflictsWith = { sameAccount: true, sameParticipantEmail: false, excludeStatuses: ["archived"], excludeWarmup: true };
    const behaviour = { maxBodyBytes: 2 ** 29 - 24, maxBodyDepth: 256, duplicateRecipient: { conflictsWith } };
    expect(buildMeta(spec({ "x-puffle-behaviour": behaviour }), options).meta.operations.updateThing.behaviour).toEqual(behaviour);
  });

  // touches: what an update changes besides the fields sent, a member of the 200 response's record.
  const withRecord = (behaviour: Doc) =>
    spec({
      "x-puffle-behaviour": behaviour,
      responses: { 200: { description: "ok", content: json({ type: "object", required: ["thing"], properties: { thing: { $ref: "#/components/schemas/Thing" } } }) } },
    }, { schemas: { Thing: { type: "object", properties: { id: { type: "string" }, updated_at: { type: "string" } } } } });
  it.each([
    ["a column the record does not have", { touches: "updatedAt" }, "touches: updatedAt is not a property of the 200 response's record (known: id, updated_at)"],
    ["one of a list the record does not have", { touches: ["updated_at", "version"] }, "touches: version is not a property of the 200 response's record (known: id, updated_at)"],
    ["not a name", { touches: 5 }, "touches must be a property name of the 200 response's record, or a list of them"],
    ["an empty list", { touches: [] }, "touches must be a property name of the 200 response's record, or a list of them"],
  ] as const)("x-puffle-behaviour.touches with %s fails, naming it", (_name, behaviour, message) => {
    expect(() => buildMeta(withRecord(behaviour), options)).toThrow(expect.objectContaining({ rule: "puffle/x-puffle-behaviour", message }));
  });
  it.each([["updated_at"], [["updated_at", "id"]]] as const)("x-puffle-behaviour.touches %j passes", (touches) => {
    expect(buildMeta(withRecord({ touches }), options).meta.operations.updateThing.behaviour.touches).toEqual(touches);
  });

  it("documented statuses pass those checks", () => {
    const behaviour = { senderAccount: { status: 404 }, duplicateRecipient: { status: 200 }, ownership: { notOwnedStatus: 404 } };
    expect(buildMeta(spec({ "x-puffle-behaviour": behaviour }), options).meta.operations.updateThing.behaviour).toEqual(behaviour);
  });
});

describe("buildExamples", () => {
  const ex = (value: unknown) => ({ value });
  it("lists only what has examples: parameters, request and responses without any, responses without content and external examples are left out", () => {
    const op = {
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string" }, examples: { one: { $ref: "#/components/examples/Id" } } },
        { name: "q", in: "query", schema: { type: "string" } },
      ],
      requestBody: { content: json({ type: "object" }, { docs: ex({ a: 1 }), remote: { externalValue: "https://example.com/x.json" } }) },
      responses: {
        200: { description: "ok", content: json({ type: "object" }) },
        201: { description: "made", content: json({ type: "object" }, { made: ex({ b: 2 }) }) },
        204: { description: "none" },
      },
    };
    const components = {
      examples: { Id: { value: "abc" } },
      schemas: {
        Empty: { type: "string", examples: [] },
        Named: { type: "string", examples: ["x"] },
        // A property's own examples, beside its $ref: typed by that property.
        Row: { type: "object", properties: { id: { $ref: "#/components/schemas/Named", examples: ["y"] }, plain: { type: "string" } } },
      },
    };
    const text = buildExamples(spec(op, components), options);
    const body = text.slice(text.indexOf("export const operationExamples"));
    expect(body).toBe(`export const operationExamples = {
  "updateThing": {
    "parameters": {
      "id": {
        "one": ("abc") satisfies operations["updateThing"]["parameters"]["path"]["id"],
      },
    },
    "request": {
      "docs": ({
        "a": 1
      }) satisfies NonNullable<operations["updateThing"]["requestBody"]>["content"]["application/json"],
    },
    "responses": {
      "201": {
        "made": ({
          "b": 2
        }) satisfies operations["updateThing"]["responses"][201]["content"]["application/json"],
      },
    },
  },
};

/** The \`examples\` of component schemas, and of their properties (\`Schema.property\`). */
export const schemaExamples = {
  "Named": [
    ("x") satisfies components["schemas"]["Named"],
  ],
  "Row.id": [
    ("y") satisfies NonNullable<components["schemas"]["Row"]>["id"],
  ],
};
`);
  });

  it("an operation with no examples at all has no sections", () => {
    const text = buildExamples(spec({}), options);
    expect(text).toContain('"updateThing": {');
    expect(text).not.toMatch(/"parameters"|"request"|"responses"/);
  });
});
