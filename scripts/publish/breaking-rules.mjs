// Breaking-change rules that Optic's standard checks miss (scripts/diff.mjs runs both), for the
// changes that break SDK users. Each rule compares the same schema location in two bundled specs:
//
//   request side  (request body, path/query/header parameters)
//     - narrowed-bound: minimum/exclusiveMinimum/minLength/minItems raised, or maximum/
//       exclusiveMaximum/maxLength/maxItems lowered or newly set — a value that was accepted is refused
//     - new-required-field: a property became required
//     - removed-enum-value: a value the client may send is no longer accepted
//   response side (every documented status and media type both specs have)
//     - removed-response-field: a property the client could read is gone
//     - response-field-optional: a property that was always present (required) may now be missing
//     - removed-enum-value: a value the client handles may no longer come back (SDKs generate
//       closed unions from response enums, so removing a member changes their types)
//
// Schemas are compared after resolving local `$ref`s and merging `allOf` members' properties and
// `required`, so moving a property between components is not a change.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOWER = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const UPPER = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];

function resolve(spec, node) {
  let current = node;
  for (let i = 0; current && typeof current === "object" && typeof current.$ref === "string"; i++) {
    if (i > 64 || !current.$ref.startsWith("#/")) throw new Error(`cannot resolve $ref ${current.$ref}`);
    const target = current.$ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc, key) => (acc == null ? undefined : acc[key]), spec);
    // Sibling keywords of a $ref (3.1) apply together with the target.
    const { $ref, ...siblings } = current;
    current = target && typeof target === "object" ? { ...target, ...siblings } : target;
  }
  return current;
}

/** The schema with `$ref`s resolved and `allOf` members' properties, required, bounds and enum merged in. */
function flatten(spec, node, depth = 0) {
  const schema = resolve(spec, node);
  if (!schema || typeof schema !== "object" || depth > 32) return schema ?? {};
  const out = { ...schema, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  for (const member of schema.allOf ?? []) {
    const m = flatten(spec, member, depth + 1);
    for (const [k, v] of Object.entries(m.properties ?? {})) if (!(k in out.properties)) out.properties[k] = v;
    out.required.push(...(m.required ?? []));
    for (const key of [...LOWER, ...UPPER, "enum", "type", "items"]) if (out[key] === undefined && m[key] !== undefined) out[key] = m[key];
  }
  out.required = [...new Set(out.required)];
  return out;
}

function walk(ctx, base, head, where, side, seen) {
  const b = flatten(ctx.base, base);
  const h = flatten(ctx.head, head);
  const key = `${side}\u0000${where}`;
  if (seen.has(key) || seen.size > 5000) return;
  seen.add(key);
  const add = (rule, message) => ctx.findings.push({ rule, side, where, message });

  if (side === "request") {
    for (const k of LOWER) {
      if (typeof h[k] === "number" && (typeof b[k] !== "number" || h[k] > b[k])) add("narrowed-bound", `${k} raised from ${b[k] ?? "none"} to ${h[k]}`);
    }
    for (const k of UPPER) {
      if (typeof h[k] === "number" && (typeof b[k] !== "number" || h[k] < b[k])) add("narrowed-bound", `${k} lowered from ${b[k] ?? "none"} to ${h[k]}`);
    }
    const newlyRequired = h.required.filter((r) => !b.required.includes(r));
    for (const r of newlyRequired) add("new-required-field", `"${r}" is now required`);
  } else {
    for (const name of Object.keys(b.properties)) {
      if (!(name in h.properties)) add("removed-response-field", `"${name}" was removed`);
      else if (b.required.includes(name) && !h.required.includes(name)) add("response-field-optional", `"${name}" is no longer required (may be missing)`);
    }
  }
  if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
    const gone = b.enum.filter((v) => !h.enum.some((w) => JSON.stringify(w) === JSON.stringify(v)));
    for (const v of gone) add("removed-enum-value", `enum value ${JSON.stringify(v)} was removed`);
  }
  for (const [name, sub] of Object.entries(b.properties)) {
    if (name in h.properties) walk(ctx, sub, h.properties[name], `${where}/${name}`, side, seen);
  }
  if (b.items && h.items) walk(ctx, b.items, h.items, `${where}/[]`, side, seen);
}

function operations(spec) {
  const out = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.set(`${method.toUpperCase()} ${path}`, { item, op: item[method] });
  }
  return out;
}

function params(spec, { item, op }) {
  const out = new Map();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => resolve(spec, x))) out.set(`${p.in}:${p.name}`, p);
  return out;
}

/** Runs every rule; returns `[{ rule, side, where, message }]` (empty: nothing breaking found). */
export function breakingChanges(base, head) {
  const ctx = { base, head, findings: [] };
  const headOps = operations(head);
  for (const [name, b] of operations(base)) {
    const h = headOps.get(name);
    if (!h) continue; // a removed operation: Optic reports it
    const seen = new Set();
    const hp = params(head, h);
    for (const [id, p] of params(base, b)) {
      if (hp.has(id)) walk(ctx, p.schema ?? {}, hp.get(id).schema ?? {}, `${name} ${id}`, "request", seen);
    }
    for (const [id, p] of hp) {
      if (p.required && !params(base, b).has(id)) ctx.findings.push({ rule: "new-required-field", side: "request", where: `${name} ${id}`, message: "new required parameter" });
    }
    const bBody = resolve(base, b.op.requestBody)?.content ?? {};
    const hBody = resolve(head, h.op.requestBody)?.content ?? {};
    for (const [type, media] of Object.entries(bBody)) {
      if (hBody[type]) walk(ctx, media.schema ?? {}, hBody[type].schema ?? {}, `${name} request ${type}`, "request", seen);
    }
    for (const [status, resp] of Object.entries(b.op.responses ?? {})) {
      const hr = h.op.responses?.[status];
      if (!hr) continue; // a removed status: Optic reports it
      const bc = resolve(base, resp).content ?? {};
      const hc = resolve(head, hr).content ?? {};
      for (const [type, media] of Object.entries(bc)) {
        if (hc[type]) walk(ctx, media.schema ?? {}, hc[type].schema ?? {}, `${name} ${status} ${type}`, "response", seen);
      }
    }
  }
  return ctx.findings;
}
