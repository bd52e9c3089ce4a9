// The spec's own schemas, for the JSON Schema peers.
import spec from "../../../../generated/openapi.json" with { type: "json" };

export { spec };

/** A component schema with local references inlined and extensions/annotations left out. */
export function jsonSchema(name) {
  const walk = (node) => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== "object") return node;
    if (typeof node.$ref === "string") {
      const { $ref, ...rest } = node;
      const target = walk(spec.components.schemas[$ref.split("/").pop()]);
      return Object.keys(rest).filter((k) => !k.startsWith("x-") && k !== "description").length ? { ...walk(rest), allOf: [target] } : target;
    }
    const out = {};
    for (const [k, val] of Object.entries(node)) {
      if (k.startsWith("x-") || k === "description" || k === "examples") continue;
      out[k] = k === "properties" ? Object.fromEntries(Object.entries(val).map(([p, s]) => [p, walk(s)])) : k === "enum" || k === "required" || k === "type" ? val : walk(val);
    }
    return out;
  };
  return walk(spec.components.schemas[name]);
}

