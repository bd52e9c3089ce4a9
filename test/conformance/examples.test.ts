// Every example in the bundled spec validates against its own schema through the generated
// validators (the artifact users get), and the docs' examples are in the spec verbatim.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { schemas, validatePathParams, validateRequestBody, validateResponseBody } from "../../src/validators.js";
import { deref, namedExamples, readJson, referenceDirFrom, root, spec, specOperations, type Json, type JsonObject } from "../helpers.js";

const operations = specOperations();

describe.each(operations.map((o) => [o.operationId, o] as const))("%s examples", (operationId, operation) => {
  const requestMedia = (deref<JsonObject>(operation.op.requestBody).content as JsonObject)["application/json"] as JsonObject;
  const requestExamples = namedExamples(requestMedia);

  it("has request examples, each valid against the request schema", () => {
    expect(requestExamples.length).toBeGreaterThanOrEqual(4);
    for (const [name, value] of requestExamples) {
      const result = validateRequestBody(operationId, value);
      expect(result, `request example "${name}"`).toEqual({ valid: true, value });
    }
  });

  const responses = Object.entries(operation.op.responses as JsonObject);
  it.each(responses.map(([status, response]) => [status, response] as const))("response %s has named examples, each valid for that status", (status, response) => {
    const content = deref<JsonObject>(response).content as JsonObject;
    const examples = Object.values(content).flatMap((media) => namedExamples(media as JsonObject));
    expect(examples.length, `examples of ${status}`).toBeGreaterThanOrEqual(1);
    for (const [name, value] of examples) {
      const result = validateResponseBody(operationId, status, value);
      expect(result, `response ${status} example "${name}"`).toEqual({ valid: true, value });
      // An example of an error response carries its own status.
      if (Number(status) >= 400) expect((value as JsonObject).status, `status member of "${name}"`).toBe(Number(status));
    }
  });

  it("has path parameter examples, each valid", () => {
    const id = operation.parameters.find((p) => p.name === "id");
    const examples = namedExamples(id);
    expect(examples.length).toBeGreaterThanOrEqual(1);
    for (const [name, value] of examples) {
      expect(validatePathParams(operationId, { id: value }), `id example "${name}"`).toEqual({ valid: true, value: { id: value } });
    }
  });

  it("has path parameter examples of its own kind of record: the docs' 200 example's id is one of them", () => {
    const id = operation.parameters.find((p) => p.name === "id");
    const ids = namedExamples(id).map(([, value]) => value);
    const ok = deref<JsonObject>((operation.op.responses as JsonObject)["200"]).content as JsonObject;
    const docs = Object.fromEntries(namedExamples(ok["application/json"] as JsonObject)).docs as JsonObject;
    expect(ids).toContain((Object.values(docs)[0] as JsonObject).id);
  });

  it("documents the interesting requests", () => {
    const names = requestExamples.map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(["docs", "archive", "reactivate", "markRead"]));
    if (operationId === "updateThread") expect(names).toEqual(expect.arrayContaining(["clearSender", "editDraft", "clearDraft"]));
  });
});

it("every component schema's `examples`, and those beside a property's `$ref` to one, validate against it", () => {
  let checked = 0;
  const check = (name: string, examples: Json | undefined, label: string) => {
    for (const value of (examples as Json[] | undefined) ?? []) {
      const validate = schemas[name as keyof typeof schemas];
      expect(validate(value), `${label} example ${JSON.stringify(value)}`).toBe(true);
      checked++;
    }
  };
  for (const [name, schema] of Object.entries((spec.components as JsonObject).schemas as JsonObject)) {
    check(name, (schema as JsonObject).examples, name);
    for (const [property, sub] of Object.entries(((schema as JsonObject).properties as JsonObject | undefined) ?? {})) {
      const ref = (sub as JsonObject).$ref;
      if (typeof ref === "string") check(ref.slice("#/components/schemas/".length), (sub as JsonObject).examples, `${name}.${property}`);
    }
  }
  expect(checked).toBeGreaterThan(0);
});

// Swagger UI, Scalar and Stoplight Elements show a schema's `examples` under every property that
// `$ref`s it, and Elements builds its sample objects from them. `Uuid` had the docs' conversation id
// as its example, so `user_id` showed a conversation's id and Elements' sample conversation had
// `user_id` equal to `id`. A schema shared by properties of different names carries no example of
// its own; each property gives its own beside the `$ref`, and a column of the docs' response shows
// the docs' value for it.
describe("a property's example is one of its own", () => {
  const componentSchemas = (spec.components as JsonObject).schemas as JsonObject;
  const refsBy = (doc: JsonObject) => {
    const names = new Map<string, Set<string>>();
    const walk = (node: Json) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== "object") return;
      for (const [property, sub] of Object.entries((node.properties as JsonObject | undefined) ?? {})) {
        const ref = (sub as JsonObject | null)?.$ref;
        if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
          const target = ref.slice("#/components/schemas/".length);
          names.set(target, (names.get(target) ?? new Set()).add(property));
        }
      }
      for (const [key, value] of Object.entries(node)) if (!DATA_KEYS.has(key)) walk(value);
    };
    walk(doc.components as Json);
    walk(doc.paths as Json);
    return names;
  };
  const sharedWithExamples = (doc: JsonObject) =>
    [...refsBy(doc)]
      .filter(([target, properties]) => properties.size > 1 && Array.isArray((((doc.components as JsonObject).schemas as JsonObject)[target] as JsonObject).examples))
      .map(([target, properties]) => `${target} (used by ${[...properties].join(", ")})`);

  it("no schema `$ref`d by properties of different names has `examples` of its own", () => {
    expect(sharedWithExamples(spec)).toEqual([]);
  });

  it("the check can fail: an example on Uuid (id and user_id)", () => {
    const broken = structuredClone(spec);
    (((broken.components as JsonObject).schemas as JsonObject).Uuid as JsonObject).examples = ["f11e8a2c-1234-4567-89ab-cdef01234567"];
    expect(sharedWithExamples(broken)).toEqual(["Uuid (used by id, user_id)"]);
  });

  it("each column the docs' conversation shows has, if any, the docs' value among its examples", () => {
    const docs = (deref<JsonObject>({ $ref: "#/components/examples/UpdateConversationDocsResponse" }).value as JsonObject).conversation as JsonObject;
    const properties = (componentSchemas.ConversationRow as JsonObject).properties as JsonObject;
    let checked = 0;
    for (const [column, value] of Object.entries(docs)) {
      const property = properties[column] as JsonObject;
      const examples = (property.examples ?? deref<JsonObject>(property).examples) as Json[] | undefined;
      if (!examples) continue;
      expect(examples, `ConversationRow.${column}'s examples`).toContainEqual(value);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

// Lint (Redocly) checks media-type, parameter and schema examples, but not a response header's
// (`Retry-After: thirty` on an integer header generated), nor a schema's `examples` written beside a
// `$ref` (`unread_count: {$ref: UnreadCount.yaml, examples: [three]}`: its rule sees the $ref's
// target only), and the tests above read only operations' bodies, the path id and component
// schemas. Here every example anywhere in the bundle is checked against the schema it illustrates,
// with AJV and ajv-formats' full formats, the validators' rules.
describe("every example anywhere in the bundle is valid against its schema", () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv, { mode: "full" });
  ajv.addSchema({ ...spec, $id: "urn:puffle:bundle" });
  const checks = exampleChecks(spec);

  it("finds them: header, parameter, media-type and schema examples", () => {
    expect(checks.some(([where]) => where.startsWith("/components/headers/"))).toBe(true);
    expect(checks.some(([where]) => where.includes("/parameters/"))).toBe(true);
    expect(checks.some(([where]) => where.includes("/content/application~1json/examples/"))).toBe(true);
    expect(checks.some(([where]) => where.startsWith("/components/schemas/") && where.includes("/examples/"))).toBe(true);
  });

  it.each(checks.map(([where, schemaPointer, value]) => [where, schemaPointer, value] as const))("%s", (_where, schemaPointer, value) => {
    const validate = ajv.compile({ $ref: `urn:puffle:bundle#${schemaPointer}` });
    expect(validate(value) ? [] : ajv.errorsText(validate.errors)).toEqual([]);
  });

  it.each([
    ["a header example of the wrong type", (doc: JsonObject) => ((((doc.components as JsonObject).headers as JsonObject).XRequestId as JsonObject).examples = { bad: { value: 5 } })],
    ["an example beside a $ref", (doc: JsonObject) => ((((doc.components as JsonObject).schemas as JsonObject).UpdateConversationRequest as JsonObject).properties as JsonObject).unread_count = { $ref: "#/components/schemas/UnreadCount", examples: ["three"] }],
  ])("the check can fail: %s", (_name, breakIt) => {
    const broken = structuredClone(spec);
    breakIt(broken);
    const strict = new Ajv2020.default({ strict: false, allErrors: true });
    addFormats.default(strict, { mode: "full" });
    strict.addSchema({ ...broken, $id: "urn:puffle:bundle" });
    const failing = exampleChecks(broken).filter(([, schemaPointer, value]) => !strict.compile({ $ref: `urn:puffle:bundle#${schemaPointer}` })(value));
    expect(failing.length).toBe(1);
  });
});

/** Keys whose value is data or names, not more of the document to walk for examples. */
const DATA_KEYS = new Set(["examples", "example", "enum", "const", "default"]);
/** Keys whose members are named schemas (a property may be called `examples`). */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);

/**
 * `[where, schemaPointer, value]` for every example of the bundle: a schema's `examples` items, and
 * the `example` or named `examples` of a header, a parameter or a media type (Example Objects
 * followed through `$ref`), each with the JSON Pointer of the schema it illustrates.
 */
function exampleChecks(doc: JsonObject): [string, string, Json][] {
  const out: [string, string, Json][] = [];
  const at = (pointer: string, key: string) => `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
  const walk = (node: Json, pointer: string, membersAreSchemas: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`, false));
      return;
    }
    if (node === null || typeof node !== "object") return;
    if (!membersAreSchemas) {
      // A schema's examples: a list.
      if (Array.isArray(node.examples)) node.examples.forEach((value, i) => out.push([`${pointer}/examples/${i}`, pointer, value]));
      // A header's, a parameter's or a media type's: `example`, or a map of Example Objects.
      if (node.schema && typeof node.schema === "object" && !Array.isArray(node.schema)) {
        const schemaPointer = `${pointer}/schema`;
        if ("example" in node) out.push([`${pointer}/example`, schemaPointer, node.example as Json]);
        if (node.examples && typeof node.examples === "object" && !Array.isArray(node.examples)) {
          for (const [name, example] of Object.entries(node.examples)) {
            const resolved = deref<JsonObject>(example);
            if (resolved && "value" in resolved) out.push([at(`${pointer}/examples`, name), schemaPointer, resolved.value as Json]);
          }
        }
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (!membersAreSchemas && (DATA_KEYS.has(key) || key.startsWith("x-"))) continue;
      walk(value, at(pointer, key), !membersAreSchemas && SCHEMA_MAPS.has(key));
    }
  };
  walk(doc, "", false);
  return out;
}

it("every example in the spec was checked above (none hides outside operations)", () => {
  const used = new Set<string>();
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/examples/")) used.add(node.$ref.slice("#/components/examples/".length));
      Object.values(node).forEach(walk);
    }
  };
  walk(spec.paths as Json);
  walk((spec.components as JsonObject).responses as Json);
  walk((spec.components as JsonObject).parameters as Json);
  const declared = Object.keys(((spec.components as JsonObject).examples as JsonObject) ?? {});
  expect(declared.filter((name) => !used.has(name))).toEqual([]);
});

describe("the docs' examples are in the spec verbatim", () => {
  const fixture = readJson<Record<string, { request: Json; response: Json }>>("test/fixtures/docs-examples.json");
  const byId = Object.fromEntries(operations.map((o) => [o.operationId, o]));

  it.each(Object.keys(fixture))("%s: request and 200 response examples named `docs` equal the fixture", (operationId) => {
    const op = byId[operationId]!.op;
    const request = namedExamples((deref<JsonObject>(op.requestBody).content as JsonObject)["application/json"] as JsonObject);
    const response = namedExamples((deref<JsonObject>((op.responses as JsonObject)["200"]).content as JsonObject)["application/json"] as JsonObject);
    expect(Object.fromEntries(request).docs).toStrictEqual(fixture[operationId]!.request);
    expect(Object.fromEntries(response).docs).toStrictEqual(fixture[operationId]!.response);
  });

  // Verbatim includes the order: the bundle shows the pages' keys in the pages' order (`id` first),
  // and lists `docs` first among the named examples, where Swagger UI, Redoc and Redocly look for
  // the one they show by default. Both bundled files: openapi.json and openapi.yaml.
  const yamlSpec = parseYaml(fs.readFileSync(path.join(root, "generated/openapi.yaml"), "utf8")) as JsonObject;
  it.each(Object.keys(fixture).flatMap((id) => [[id, "openapi.json", spec] as const, [id, "openapi.yaml", yamlSpec] as const]))(
    "%s: in %s, `docs` is the first request and 200 example, with the fixture's key order",
    (operationId, _file, bundled) => {
      const at = (node: Json | undefined): JsonObject => resolveIn(bundled, node);
      const op = Object.values(bundled.paths as JsonObject).map((item) => at(item).patch as JsonObject).find((o) => o?.operationId === operationId)!;
      const request = (at(op.requestBody).content as JsonObject)["application/json"] as JsonObject;
      const response = (at((op.responses as JsonObject)["200"]).content as JsonObject)["application/json"] as JsonObject;
      for (const [media, want] of [[request, fixture[operationId]!.request], [response, fixture[operationId]!.response]] as const) {
        const names = Object.keys(media.examples as JsonObject);
        expect(names[0], `first of ${names.join(", ")}`).toBe("docs");
        expect(JSON.stringify(at((media.examples as JsonObject).docs).value)).toBe(JSON.stringify(want));
      }
    },
  );

  // The fixture itself is checked against Puffle's published pages when they are beside the repo
  // (they are in CI and in development: ../shared/reference, or PUFFLE_REFERENCE_DIR).
  const referenceDir = referenceDirFrom(process.env);
  const pages = { updateConversation: "update-conversation.txt", updateThread: "update-thread.txt" } as const;
  it.runIf(referenceDir !== undefined).each(Object.entries(pages))("%s: the fixture equals the JSON on %s", (operationId, page) => {
    const text = fs.readFileSync(path.join(referenceDir!, page), "utf8");
    const objects = jsonObjectsIn(text);
    for (const part of ["request", "response"] as const) {
      const changed = docsExampleChange(page, operationId, part, fixture[operationId]![part], objects);
      expect(changed === undefined, changed).toBe(true);
    }
    // …in the pages' key order too.
    const texts = objects.map((o) => JSON.stringify(o));
    expect(texts).toContain(JSON.stringify(fixture[operationId]!.request));
    expect(texts).toContain(JSON.stringify(fixture[operationId]!.response));
  });
});

// The words the pages give each operation: its title (after the method and the path, one segment a
// line) is the summary, and the line after "Response" is the 200 response's description.
describe("the spec's summaries and 200 descriptions are the published pages' words", () => {
  const referenceDir = referenceDirFrom(process.env);
  const pages = { updateConversation: "update-conversation.txt", updateThread: "update-thread.txt" } as const;
  const byId = Object.fromEntries(operations.map((o) => [o.operationId, o]));
  it.runIf(referenceDir !== undefined).each(Object.entries(pages))("%s, from %s", (operationId, page) => {
    const lines = fs.readFileSync(path.join(referenceDir!, page), "utf8").split("\n").map((l) => l.trim());
    const op = byId[operationId]!;
    // "PATCH", then the path one segment a line ("/", "api", "/", …, "{id}"), then the title.
    const method = lines.indexOf(op.method.toUpperCase());
    const segments = op.path.split(/(\/)/).filter((x) => x !== "");
    expect(lines.slice(method + 1, method + 1 + segments.length)).toEqual(segments);
    const file = `openapi/paths/${op.path.slice(1).replace(/\//g, "_")}.yaml`;
    expect(op.op.summary, `${page}'s title is ${operationId}'s summary (${file}): Puffle changed it, update the summary`).toBe(lines[method + 1 + segments.length]);
    const response = lines.indexOf("Response");
    const description = lines.slice(response + 1).find((l) => l !== "");
    expect(deref<JsonObject>((op.op.responses as JsonObject)["200"]).description, `${page}'s line after "Response" is ${operationId}'s 200 description (${file}): Puffle changed it, update the description`).toBe(description);
  });
});

/**
 * Undefined when a JSON object of `page` equals the fixture's `part`; else one message naming the
 * page, the members that differ from the page's closest object (the most top-level keys in common),
 * and the files to update: the spec's `docs` example and the fixture.
 */
export function docsExampleChange(page: string, operationId: string, part: "request" | "response", want: Json, objects: Json[]): string | undefined {
  if (objects.some((o) => JSON.stringify(o) === JSON.stringify(want))) return undefined;
  const keys = (v: Json) => (v && typeof v === "object" && !Array.isArray(v) ? Object.keys(v) : []);
  const flat = (v: Json, at = ""): [string, string][] =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.entries(v).flatMap(([k, x]) => flat(x, `${at}/${k}`)) : [[at || "/", JSON.stringify(v)]];
  const closest = [...objects].sort((a, b) => keys(b).filter((k) => keys(want).includes(k)).length - keys(a).filter((k) => keys(want).includes(k)).length)[0];
  const [was, is] = [new Map(flat(want)), new Map(flat(closest ?? {}))];
  const diffs = [...new Set([...was.keys(), ...is.keys()])]
    .filter((k) => was.get(k) !== is.get(k))
    .map((k) => `${k}: ${was.get(k) ?? "(none)"} → ${is.get(k) ?? "(none)"}`);
  const file = `openapi/components/examples/${operationId[0]!.toUpperCase()}${operationId.slice(1)}Docs${part === "request" ? "Request" : "Response"}.yaml`;
  return `${page}: its ${part} example is not the fixture's ${operationId}.${part} (${diffs.length ? diffs.join(", ") : "the same members in another order"}): Puffle changed it; update ${file} (the spec's \`docs\` example) and test/fixtures/docs-examples.json to the page (openapi/README.md, "When Puffle's pages change")`;
}

it("a changed docs example names the page, the member and the files to update", () => {
  const want = { status: "active", unread_count: 4503599627370495 };
  expect(docsExampleChange("update-conversation.txt", "updateConversation", "request", want, [{ conversation: {} }, { status: "active", unread_count: 5 }])).toBe(
    'update-conversation.txt: its request example is not the fixture\'s updateConversation.request (/unread_count: 4503599627370495 → 5): Puffle changed it; update openapi/components/examples/UpdateConversationDocsRequest.yaml (the spec\'s `docs` example) and test/fixtures/docs-examples.json to the page (openapi/README.md, "When Puffle\'s pages change")',
  );
  expect(docsExampleChange("p", "updateConversation", "request", want, [{ a: 1 }, want])).toBeUndefined();
});

/** Follows local `$ref`s within `doc` (the JSON or the YAML bundle). */
function resolveIn(doc: JsonObject, node: Json | undefined): JsonObject {
  let current = node;
  while (current && typeof current === "object" && !Array.isArray(current) && typeof current.$ref === "string") {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json | undefined>((acc, key) => (acc && typeof acc === "object" && !Array.isArray(acc) ? acc[key] : undefined), doc);
  }
  return current as JsonObject;
}

/** Every balanced `{…}` in a text that parses as JSON, outermost first. */
function jsonObjectsIn(text: string): Json[] {
  const out: Json[] = [];
  for (let start = text.indexOf("{"); start !== -1; start = text.indexOf("{", start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        try {
          out.push(JSON.parse(text.slice(start, i + 1)) as Json);
        } catch {
          // not JSON (a path template like {id})
        }
        break;
      }
    }
  }
  return out;
}

it("both operations' path id has the same schema (a thread is a row of conversations), each its own description", () => {
  const [conversation, thread] = ["updateConversation", "updateThread"].map((op) => operations.find((o) => o.operationId === op)!.parameters.find((p) => p.name === "id")!);
  expect(thread!.schema).toEqual(conversation!.schema);
  expect(conversation!.description).toMatch(/^Conversation UUID\./);
  expect(thread!.description).toMatch(/^Thread \(`conversations\.id`\) UUID\./);
});
