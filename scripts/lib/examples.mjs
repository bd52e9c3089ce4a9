// Builds generated/examples.ts: every example of the bundled spec as a TypeScript value that
// `satisfies` the generated type it illustrates, so that `npm run typecheck` fails when an example
// and the types disagree (Redocly checks examples against schemas; AJV and tsc must agree too).
import { listOperations, resolve, responsesOf } from "./spec.mjs";

function valuesOf(doc, media) {
  const out = [];
  for (const [name, raw] of Object.entries(media?.examples ?? {})) {
    const example = resolve(doc, raw);
    if ("value" in example) out.push([name, example.value]);
  }
  return out;
}

function block(indent, entries) {
  return entries.map(([name, body]) => `${indent}${JSON.stringify(name)}: ${body},`).join("\n");
}

function satisfies(value, type, indent) {
  const json = JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
  return `(${json}) satisfies ${type}`;
}

export function buildExamples(doc, { header }) {
  const ops = [];
  for (const operation of listOperations(doc)) {
    const opType = `operations[${JSON.stringify(operation.operationId)}]`;
    const sections = [];
    const params = [];
    for (const p of operation.parameters) {
      const values = Object.entries(p.examples ?? {}).map(([n, e]) => [n, resolve(doc, e).value]);
      if (values.length === 0) continue;
      const type = `${opType}["parameters"][${JSON.stringify(p.in)}][${JSON.stringify(p.name)}]`;
      params.push([p.name, `{\n${block("        ", values.map(([n, v]) => [n, satisfies(v, type, "        ")]))}\n      }`]);
    }
    if (params.length) sections.push(["parameters", `{\n${block("      ", params)}\n    }`]);
    const body = resolve(doc, operation.op.requestBody);
    const requests = [];
    for (const [mediaType, media] of Object.entries(body?.content ?? {})) {
      const type = `NonNullable<${opType}["requestBody"]>["content"][${JSON.stringify(mediaType)}]`;
      requests.push(...valuesOf(doc, media).map(([n, v]) => [n, satisfies(v, type, "      ")]));
    }
    if (requests.length) sections.push(["request", `{\n${block("      ", requests)}\n    }`]);
    const responses = [];
    for (const [status, mediaType] of responsesOf(doc, operation)) {
      if (!mediaType) continue;
      const media = resolve(doc, operation.op.responses[status]).content[mediaType];
      // A status is a number (written bare, as always), or a range or `default`: quoted, or it is not TypeScript.
      const key = /^\d+$/.test(status) ? status : JSON.stringify(status);
      const type = `${opType}["responses"][${key}]["content"][${JSON.stringify(mediaType)}]`;
      const values = valuesOf(doc, media);
      if (values.length) responses.push([status, `{\n${block("        ", values.map(([n, v]) => [n, satisfies(v, type, "        ")]))}\n      }`]);
    }
    if (responses.length) sections.push(["responses", `{\n${block("      ", responses)}\n    }`]);
    ops.push([operation.operationId, `{\n${block("    ", sections)}\n  }`]);
  }
  const schemaExamples = [];
  const addSchemaExamples = (key, examples, type) => {
    if (!Array.isArray(examples) || examples.length === 0) return;
    schemaExamples.push([key, `[\n${examples.map((v) => `    ${satisfies(v, type, "    ")},`).join("\n")}\n  ]`]);
  };
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const type = `components["schemas"][${JSON.stringify(name)}]`;
    addSchemaExamples(name, schema.examples, type);
    // A property's own examples (written beside its `$ref`, as `ConversationRow.user_id`'s are):
    // keyed `Schema.property`, typed by that property of the schema's type (NonNullable: a schema
    // that may be null, `type: [object, "null"]`, is `{ … } | null`, which has no property to index).
    for (const [property, sub] of Object.entries(schema.properties ?? {})) {
      addSchemaExamples(`${name}.${property}`, sub?.examples, `NonNullable<${type}>[${JSON.stringify(property)}]`);
    }
  }
  return [
    header("//"),
    'import type { components, operations } from "./schema.js";',
    "",
    "/** Every named example of every operation, typed by the operation it belongs to. */",
    `export const operationExamples = {\n${block("  ", ops)}\n};`,
    "",
    "/** The `examples` of component schemas, and of their properties (`Schema.property`). */",
    `export const schemaExamples = {\n${block("  ", schemaExamples)}\n};`,
    "",
  ].join("\n");
}
