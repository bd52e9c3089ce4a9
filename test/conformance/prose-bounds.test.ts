// Bounds stated in prose agree with the schema's keywords. A description that says "At most 254
// characters", "at most 20 attachments", "at least one valid field" or "from 0 to 9007199254740991"
// is read, and the number is compared with the keyword of the same schema (`maxLength`, `maxItems`,
// `minProperties`, `minimum`/`maximum`, …; through a `$ref` and `allOf`), in every schema of the
// bundled spec: components, their properties at any depth, and the schemas of parameters, headers
// and bodies. A failure names the schema (its JSON Pointer) and both numbers.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root, spec, type Json, type JsonObject } from "../helpers.js";

const { locate } = (await import(path.join(root, "scripts/lib/locate.mjs"))) as { locate: (rootFile: string, pointer: string) => { file: string; line: number } };

const WORDS: Record<string, number> = { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const NUMBER = String.raw`(\d[\d,]*|${Object.keys(WORDS).join("|")})`;
const UNIT = String.raw`(?:\s+(characters?|chars?)\b)?`;
/** "at most N [characters]", "at least N", "up to N", "N characters or fewer", "between N and M", "from N to M". */
const PHRASES: { re: RegExp; bounds: ("min" | "max")[] }[] = [
  { re: new RegExp(String.raw`\bat most ${NUMBER}${UNIT}`, "gi"), bounds: ["max"] },
  { re: new RegExp(String.raw`\bno more than ${NUMBER}${UNIT}`, "gi"), bounds: ["max"] },
  { re: new RegExp(String.raw`\bup to ${NUMBER}${UNIT}`, "gi"), bounds: ["max"] },
  { re: new RegExp(String.raw`\b${NUMBER}${UNIT} or (?:fewer|less)\b`, "gi"), bounds: ["max"] },
  { re: new RegExp(String.raw`\bat least ${NUMBER}${UNIT}`, "gi"), bounds: ["min"] },
  { re: new RegExp(String.raw`\b${NUMBER}${UNIT} or more\b`, "gi"), bounds: ["min"] },
  { re: new RegExp(String.raw`\bbetween ${NUMBER} and ${NUMBER}${UNIT}`, "gi"), bounds: ["min", "max"] },
  { re: new RegExp(String.raw`\bfrom ${NUMBER} to ${NUMBER}${UNIT}`, "gi"), bounds: ["min", "max"] },
];

const KEYWORDS = {
  string: { min: "minLength", max: "maxLength" },
  array: { min: "minItems", max: "maxItems" },
  object: { min: "minProperties", max: "maxProperties" },
  number: { min: "minimum", max: "maximum" },
} as const;

/** A statement of a bound, and what the schema says. */
interface BoundCheck {
  where: string;
  phrase: string;
  keyword: string | undefined;
  said: number;
  actual: number | undefined;
}

const toNumber = (text: string) => WORDS[text.toLowerCase()] ?? Number(text.replace(/,/g, ""));

function resolve(doc: JsonObject, node: Json | undefined): JsonObject | undefined {
  let current = node;
  for (let i = 0; i < 32 && current && typeof current === "object" && !Array.isArray(current) && typeof current.$ref === "string"; i++) {
    const ref = current.$ref as string;
    if (!ref.startsWith("#/")) return undefined;
    current = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json | undefined>((acc, key) => (acc && typeof acc === "object" && !Array.isArray(acc) ? acc[key] : undefined), doc);
  }
  return current && typeof current === "object" && !Array.isArray(current) ? current : undefined;
}

/** The schema itself, its `$ref` target and its `allOf` members, transitively: every one applies. */
function applying(doc: JsonObject, schema: JsonObject, seen = new Set<JsonObject>()): JsonObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const out = [schema];
  const target = typeof schema.$ref === "string" ? resolve(doc, { $ref: schema.$ref }) : undefined;
  if (target) out.push(...applying(doc, target, seen));
  for (const member of (schema.allOf as Json[] | undefined) ?? []) {
    const m = resolve(doc, member);
    if (m) out.push(...applying(doc, m, seen));
  }
  return out;
}

function typesOf(parts: JsonObject[]): Set<string> {
  const types = new Set<string>();
  for (const part of parts) {
    const t = part.type;
    for (const name of Array.isArray(t) ? t : typeof t === "string" ? [t] : []) if (name !== "null") types.add(name === "integer" ? "number" : String(name));
  }
  return types;
}

/** The bound in effect: the strictest of the values the applying schemas give. */
function effective(parts: JsonObject[], keyword: string, bound: "min" | "max"): number | undefined {
  const values = parts.map((p) => p[keyword]).filter((v): v is number => typeof v === "number");
  if (values.length === 0) return undefined;
  return bound === "max" ? Math.min(...values) : Math.max(...values);
}

/** Every bound the description of `schema` states, with the keyword it maps to and its value. */
function checksOf(doc: JsonObject, schema: JsonObject, where: string): BoundCheck[] {
  const description = schema.description;
  if (typeof description !== "string") return [];
  const parts = applying(doc, schema);
  const types = typesOf(parts);
  const out: BoundCheck[] = [];
  for (const { re, bounds } of PHRASES) {
    for (const match of description.matchAll(re)) {
      const numbers = match.slice(1, 1 + bounds.length).map(toNumber);
      const unit = match[1 + bounds.length];
      // "characters" is a string's length; otherwise the schema's one non-null type decides.
      const kind = unit ? "string" : types.size === 1 ? ([...types][0] as keyof typeof KEYWORDS) : undefined;
      bounds.forEach((bound, i) => {
        const keyword = kind && kind in KEYWORDS ? KEYWORDS[kind][bound] : undefined;
        out.push({ where, phrase: match[0], keyword, said: numbers[i]!, actual: keyword ? effective(parts, keyword, bound) : undefined });
      });
    }
  }
  return out;
}

const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_ONES = ["items", "not", "if", "then", "else", "contains", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames"];
const pointer = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

function walkSchema(doc: JsonObject, schema: Json | undefined, where: string, out: BoundCheck[]): void {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return;
  out.push(...checksOf(doc, schema, where));
  for (const key of SCHEMA_MAPS) {
    for (const [name, sub] of Object.entries((schema[key] as JsonObject | undefined) ?? {})) walkSchema(doc, sub, `${where}/${key}/${pointer(name)}`, out);
  }
  for (const key of SCHEMA_LISTS) ((schema[key] as Json[] | undefined) ?? []).forEach((sub, i) => walkSchema(doc, sub, `${where}/${key}/${i}`, out));
  for (const key of SCHEMA_ONES) walkSchema(doc, schema[key], `${where}/${key}`, out);
}

/** Every schema of the document: components.schemas and every `schema` of a parameter, header or media type. */
function proseBounds(doc: JsonObject): BoundCheck[] {
  const out: BoundCheck[] = [];
  for (const [name, schema] of Object.entries(((doc.components as JsonObject | undefined)?.schemas as JsonObject | undefined) ?? {})) {
    walkSchema(doc, schema, `#/components/schemas/${pointer(name)}`, out);
  }
  const walk = (node: Json, at: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${at}/${i}`));
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "schema") walkSchema(doc, value, `${at}/schema`, out);
        else if (key !== "examples" && key !== "example" && !key.startsWith("x-")) walk(value, `${at}/${pointer(key)}`);
      }
    }
  };
  walk(doc.paths ?? {}, "#/paths");
  for (const key of ["parameters", "headers", "responses", "requestBodies"]) {
    walk(((doc.components as JsonObject | undefined)?.[key] as Json | undefined) ?? {}, `#/components/${key}`);
  }
  return out;
}

const message = (c: BoundCheck) =>
  c.keyword === undefined
    ? `${c.where}: the description says "${c.phrase}" (${c.said}), but no keyword of the schema holds that bound`
    : `${c.where}: the description says "${c.phrase}" (${c.said}), but ${c.keyword} is ${c.actual ?? "not set"}`;
const disagreements = (doc: JsonObject) => proseBounds(doc).filter((c) => c.keyword === undefined || c.actual !== c.said).map(message);

/**
 * A disagreement of the bundled spec with the file and line of `openapi/` to edit in front: the
 * pointer alone (`#/components/schemas/UpdateThreadRequest/properties/participant_name`) named a
 * place in generated/openapi.json, which is never edited. The line is the description's, the words
 * the message quotes: a property given by `$ref` with a description beside it is located there,
 * not in the `$ref`'s file (`UnreadCount.yaml`, whose own description says no such thing).
 */
function withSource(line: string): string {
  const where = line.slice(1, line.indexOf(": "));
  const at = locate(path.join(root, "openapi/openapi.yaml"), `${where}/description`);
  return `${path.relative(root, path.resolve(root, at.file)).split(path.sep).join("/")}:${at.line}: ${line}`;
}

describe("bounds stated in descriptions agree with the schema's keywords", () => {
  it("finds the bounds the spec's descriptions state", () => {
    const found = proseBounds(spec).map((c) => `${c.where.replace(/^#\/components\/schemas\//, "")} ${c.keyword}`);
    // A wording the reader does not recognise would make the test pass vacuously: the known ones are found.
    expect(found).toEqual(
      expect.arrayContaining([
        "UpdateThreadRequest/properties/participant_email maxLength",
        "UpdateThreadRequest/properties/participant_name maxLength",
        "UpdateThreadRequest/properties/draft_subject maxLength",
        "UpdateThreadRequest/properties/draft_cc maxLength",
        "UpdateThreadRequest/properties/draft_bcc maxLength",
        "UpdateThreadRequest/properties/draft_attachments maxItems",
        "Problem/properties/errors maxItems",
        "UnreadCount minimum",
        "UnreadCount maximum",
        "UpdateConversationRequest minProperties",
        "UpdateThreadRequest minProperties",
      ]),
    );
  });

  it("in the bundled spec", () => {
    expect(disagreements(spec).map(withSource)).toEqual([]);
  });

  /** The line of `file` where `property:`'s `description:` is (the first after it). */
  const descriptionLine = (file: string, property: string) => {
    const lines = fs.readFileSync(path.join(root, file), "utf8").split("\n");
    const start = lines.indexOf(`  ${property}:`);
    expect(start, `${file}: ${property}:`).toBeGreaterThan(0);
    return start + 1 + lines.slice(start).findIndex((l) => l.startsWith("    description:"));
  };
  const THREAD_REQUEST = "openapi/components/schemas/UpdateThreadRequest.yaml";

  it("names the file and line of openapi/ to edit: the description's", () => {
    const doc = structuredClone(spec) as any;
    doc.components.schemas.UpdateThreadRequest.properties.participant_name.maxLength = 128;
    expect(disagreements(doc).map(withSource)).toEqual([
      `${THREAD_REQUEST}:${descriptionLine(THREAD_REQUEST, "participant_name")}: #/components/schemas/UpdateThreadRequest/properties/participant_name: the description says "At most 256 characters" (256), but maxLength is 128`,
    ]);
  });

  it("a description beside a $ref: its own file and line, not the $ref's target", () => {
    const doc = structuredClone(spec) as any;
    doc.components.schemas.UpdateThreadRequest.properties.unread_count.description += " From 0 to 100.";
    expect(disagreements(doc).map(withSource)).toEqual([
      `${THREAD_REQUEST}:${descriptionLine(THREAD_REQUEST, "unread_count")}: #/components/schemas/UpdateThreadRequest/properties/unread_count: the description says "From 0 to 100" (100), but maximum is 9007199254740991`,
    ]);
  });

  // The check itself: a changed number or a missing keyword is reported, naming the place and both numbers.
  const mutated = (change: (doc: any) => void) => {
    const doc = structuredClone(spec) as any;
    change(doc);
    return disagreements(doc);
  };
  it.each([
    [
      "a maxLength changed",
      (d: any): void => {
        d.components.schemas.UpdateThreadRequest.properties.participant_email.maxLength = 255;
      },
      '#/components/schemas/UpdateThreadRequest/properties/participant_email: the description says "At most 254 characters" (254), but maxLength is 255',
    ],
    [
      "a maxItems removed",
      (d: any): void => {
        delete d.components.schemas.UpdateThreadRequest.properties.draft_attachments.maxItems;
      },
      '#/components/schemas/UpdateThreadRequest/properties/draft_attachments: the description says "At most 20" (20), but maxItems is not set',
    ],
    [
      "a maximum changed",
      (d: any): void => {
        d.components.schemas.UnreadCount.maximum = 9007199254740990;
      },
      '#/components/schemas/UnreadCount: the description says "from 0 to 9007199254740991" (9007199254740991), but maximum is 9007199254740990',
    ],
    [
      "the prose changed",
      (d: any): void => {
        d.components.schemas.Problem.properties.errors.description = "Each reason: at most 50.";
      },
      '#/components/schemas/Problem/properties/errors: the description says "at most 50" (50), but maxItems is 100',
    ],
    [
      "a bound on a schema with no single type",
      (d: any): void => {
        d.components.schemas.DraftAttachment = { description: "At least 2 of them." };
      },
      '#/components/schemas/DraftAttachment: the description says "At least 2" (2), but no keyword of the schema holds that bound',
    ],
  ] as const)("reports %s", (_name, change, want) => {
    expect(mutated(change)).toContain(want);
  });

  it("reads a property's bound through its $ref and the prose of an inline schema", () => {
    const doc = {
      components: { schemas: { Short: { type: "string", maxLength: 5 } } },
      paths: {
        "/a": {
          parameters: [{ name: "q", in: "query", schema: { type: "string", maxLength: 3, description: "Up to 4 characters." } }],
          patch: {
            requestBody: {
              content: { "application/json": { schema: { type: "object", properties: { s: { $ref: "#/components/schemas/Short", description: "At most 6 characters." } } } } },
            },
          },
        },
      },
    } as unknown as JsonObject;
    expect(disagreements(doc).sort()).toEqual([
      '#/paths/~1a/parameters/0/schema: the description says "Up to 4 characters" (4), but maxLength is 3',
      '#/paths/~1a/patch/requestBody/content/application~1json/schema/properties/s: the description says "At most 6 characters" (6), but maxLength is 5',
    ]);
  });
});
