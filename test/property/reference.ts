// The independent implementation for the differential: @cfworker/json-schema, draft 2020-12, with
// its own format checks (uuid, email, date-time, uri, uri-reference), given the same schemas as
// the spec holds them (component refs pointed at `$defs`).
import { Validator } from "@cfworker/json-schema";
import { doc, type Schema } from "./spec.js";

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" ? v.replace(/^#\/components\/schemas\//, "#/$defs/") : rewrite(v);
  }
  return out;
}

const defs = rewrite(doc.components.schemas) as Record<string, Schema>;

export function referenceValidator(schema: Schema): (value: unknown) => boolean {
  const root = { $schema: "https://json-schema.org/draft/2020-12/schema", ...(rewrite(schema) as Schema), $defs: defs };
  const validator = new Validator(root as never, "2020-12", false);
  return (value) => validator.validate(value).valid;
}
