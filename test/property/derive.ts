// Schema → fast-check arbitraries, derived from the bundled spec's JSON Schemas (never from a
// hand-written list of fields). It understands exactly the keywords the spec uses — type (with
// "null"), enum, minimum/maximum, maxLength, maxItems, format (uuid, email, date-time, uri, uri-reference), pattern,
// properties/required/additionalProperties/minProperties, items, allOf and $ref — and throws on any
// other keyword, so a spec change it cannot follow fails loudly instead of going untested.
import fc from "fast-check";
import { deref, type Json, type Schema } from "./spec.js";

export type JsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";
const ALL_TYPES: JsonType[] = ["null", "boolean", "integer", "number", "string", "array", "object"];

const UNDERSTOOD = new Set([
  "$ref", "type", "enum", "minimum", "maximum", "format", "pattern", "properties", "required",
  "additionalProperties", "minProperties", "items", "allOf", "maxLength", "maxItems",
  // annotations: no effect on a verdict
  "description", "title", "examples",
]);

/** A schema with `$ref`s followed and `allOf` members merged: the constraints on one value. */
export interface Flat {
  types: JsonType[] | null;
  enum?: Json[];
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
  properties: Record<string, Schema>;
  required: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  items?: Schema;
  maxLength?: number;
  maxItems?: number;
}

const flatCache = new WeakMap<Schema, Flat>();

export function flatten(schema: Schema): Flat {
  const cached = flatCache.get(schema);
  if (cached) return cached;
  const flat: Flat = { types: null, properties: {}, required: [] };
  const visit = (s: Schema, depth: number, inAllOf: boolean): void => {
    if (depth > 16) throw new Error("schema nesting too deep for the deriver");
    for (const key of Object.keys(s)) {
      if (!UNDERSTOOD.has(key) && !key.startsWith("x-")) throw new Error(`the arbitrary deriver does not understand the keyword "${key}": teach test/property/derive.ts`);
    }
    if (typeof s.$ref === "string") visit(deref(s), depth + 1, inAllOf);
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as JsonType[];
      flat.types = flat.types === null ? [...types] : flat.types.filter((t) => types.includes(t) || (t === "integer" && types.includes("number")));
    }
    if (s.enum !== undefined) {
      const values = s.enum as Json[];
      flat.enum = flat.enum === undefined ? [...values] : flat.enum.filter((v) => values.includes(v));
    }
    if (typeof s.minimum === "number") flat.minimum = Math.max(flat.minimum ?? -Infinity, s.minimum);
    if (typeof s.maximum === "number") flat.maximum = Math.min(flat.maximum ?? Infinity, s.maximum);
    for (const k of ["format", "pattern"] as const) {
      if (typeof s[k] === "string") {
        if (flat[k] !== undefined && flat[k] !== s[k]) throw new Error(`two different ${k}s on one value`);
        flat[k] = s[k] as string;
      }
    }
    for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      flat.properties[name] = flat.properties[name] ? { allOf: [flat.properties[name]!, prop] } : prop;
    }
    for (const name of (s.required ?? []) as string[]) if (!flat.required.includes(name)) flat.required.push(name);
    if (s.additionalProperties !== undefined) {
      if (inAllOf && s.additionalProperties === false) throw new Error("additionalProperties: false inside allOf/$ref is not merged by the deriver");
      flat.additionalProperties = s.additionalProperties as boolean | Schema;
    }
    if (typeof s.maxLength === "number") flat.maxLength = Math.min(flat.maxLength ?? Infinity, s.maxLength);
    if (typeof s.maxItems === "number") flat.maxItems = Math.min(flat.maxItems ?? Infinity, s.maxItems);
    if (typeof s.minProperties === "number") flat.minProperties = Math.max(flat.minProperties ?? 0, s.minProperties);
    if (s.items !== undefined) {
      if (flat.items) throw new Error("two items schemas on one value");
      flat.items = s.items as Schema;
    }
    for (const member of (s.allOf ?? []) as Schema[]) visit(member, depth + 1, true);
  };
  visit(schema, 0, false);
  if (flat.format !== undefined && !(flat.format in FORMATS)) throw new Error(`the arbitrary deriver knows no format "${flat.format}"`);
  flatCache.set(schema, flat);
  return flat;
}

const codePoints = (s: string) => [...s].length;

const allows = (flat: Flat, t: JsonType) => flat.types === null || flat.types.includes(t) || (t === "integer" && flat.types.includes("number"));

// ---------------------------------------------------------------- formats

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const HEX = "0123456789abcdef";

/** Valid values of a format, and corruptions of them that every implementation must reject. */
interface FormatArbs {
  valid: fc.Arbitrary<string>;
  /** Invalid under RFC and under both AJV and @cfworker/json-schema: made by breaking a valid value. */
  invalid: fc.Arbitrary<string>;
  /** Strings near the format (valid values with one character edited, random strings of its alphabet): the differential's food. */
  near: fc.Arbitrary<string>;
}

const dateTime = fc
  .record({
    date: fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }),
    offset: fc.option(fc.record({ sign: fc.constantFrom("+", "-"), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }) }), { nil: undefined }),
    lowerT: fc.boolean(),
    fraction: fc.boolean(),
  })
  .map(({ date, offset, lowerT, fraction }) => {
    let s = date.toISOString();
    if (!fraction) s = s.replace(/\.\d+Z$/, "Z");
    if (offset) s = s.replace(/Z$/, `${offset.sign}${pad(offset.h)}:${pad(offset.m)}`);
    return lowerT ? s.replace("T", "t") : s;
  });

const insertAt = (s: string, i: number, piece: string) => s.slice(0, i % (s.length + 1)) + piece + s.slice(i % (s.length + 1));
const replaceAt = (s: string, i: number, ch: string) => (s.length === 0 ? ch : s.slice(0, i % s.length) + ch + s.slice((i % s.length) + 1));
const deleteAt = (s: string, i: number) => (s.length === 0 ? s : s.slice(0, i % s.length) + s.slice((i % s.length) + 1));

/** One-character edits of a valid value, with characters that matter to the format. */
function edits(valid: fc.Arbitrary<string>, alphabet: string): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom(...alphabet), fc.constantFrom("insert", "replace", "delete"))
    .map(([s, i, ch, op]) => (op === "insert" ? insertAt(s, i, ch) : op === "replace" ? replaceAt(s, i, ch) : deleteAt(s, i)));
}

function near(valid: fc.Arbitrary<string>, alphabet: string, divergent?: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    ...(divergent ? [{ weight: 1, arbitrary: divergent }] : []),
    { weight: 2, arbitrary: valid },
    { weight: 4, arbitrary: edits(valid, alphabet) },
    { weight: 2, arbitrary: edits(edits(valid, alphabet), alphabet) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 }) },
  );
}

const uuidValid = fc.oneof(fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }), fc.uuid().map((u) => u.toUpperCase()), fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"));
const emailValid = fc.emailAddress();
const uriValid = fc.webUrl({ withQueryParameters: true, withFragments: true });
const uriRefValid = fc.oneof(uriValid, fc.uuid().map((u) => `/api/threads/${u}`), fc.constantFrom("about:blank", "#frag", "", "relative/path?q=1"));

/**
 * Where AJV (ajv-formats "full", inlined in generated/validators.js, and the spec's patterns) and
 * @cfworker/json-schema legitimately disagree on a format. Each class is pinned, value by value, in
 * test/property/differential-pinned.test.ts; the differential generates these classes (so that it
 * would notice a new one) and leaves out of the comparison exactly the strings these predicates
 * match, counting them.
 */
const KNOWN_FORMAT_DIVERGENCES: Record<string, { why: string; test: (s: string) => boolean }[]> = {
  email: [
    { why: "AJV's email regex requires a dot in the domain; @cfworker/json-schema accepts a single-label host (`a@localhost`)", test: (s) => !s.slice(s.lastIndexOf("@") + 1).includes(".") },
    { why: "@cfworker/json-schema accepts a quoted local part (`\"a b\"@example.com`); AJV does not", test: (s) => s.startsWith('"') },
    { why: "@cfworker/json-schema accepts an address literal (`a@[127.0.0.1]`); AJV does not", test: (s) => s.slice(s.lastIndexOf("@") + 1).startsWith("[") },
    { why: "@cfworker/json-schema enforces RFC 5321 lengths (local part ≤ 64, domain ≤ 253, label ≤ 63); AJV enforces none", test: (s) => { const at = s.lastIndexOf("@"); const host = s.slice(at + 1); return at > 64 || host.length > 253 || host.split(".").some((l) => l.length > 63); } },
  ],
};

export function knownDivergence(format: string, s: string): string | undefined {
  return KNOWN_FORMAT_DIVERGENCES[format]?.find((d) => d.test(s))?.why;
}

const DIVERGENT: Record<string, fc.Arbitrary<string>> = {
  uuid: uuidValid0().map((u) => `urn:uuid:${u}`),
  "date-time": fc.oneof(
    fc.tuple(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), fc.constantFrom("+0530", "-05", "+00", "+2359")).map(([d, o]) => d.toISOString().replace(/Z$/, o)),
    fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().replace("T", " ")),
  ),
  email: fc.oneof(
    fc.emailAddress().map((e) => e.replace(/@.*/, "@localhost")),
    fc.emailAddress().map((e) => `"a b"${e.slice(e.indexOf("@"))}`),
    fc.emailAddress().map((e) => e.replace(/@.*/, "@[127.0.0.1]")),
    fc.emailAddress().map((e) => `${"x".repeat(65)}${e.slice(e.indexOf("@"))}`),
    fc.emailAddress().map((e) => `${e}.${"l".repeat(64)}.com`),
  ),
};

function uuidValid0(): fc.Arbitrary<string> {
  return fc.uuid();
}

const FORMATS: Record<string, FormatArbs> = {
  uuid: {
    valid: uuidValid,
    // One character that is not a hex digit or hyphen, a missing or an extra character: never a UUID.
    invalid: fc.oneof(
      fc.tuple(uuidValid, fc.nat(35), fc.constantFrom("g", "x", " ", "_", "{")).map(([u, i, ch]) => replaceAt(u, i, ch)),
      uuidValid.map((u) => u.slice(0, -1)),
      fc.tuple(uuidValid, fc.constantFrom(...HEX)).map(([u, ch]) => u + ch),
    ),
    near: near(uuidValid, `${HEX}ABCDEFg-{}: urn`, DIVERGENT.uuid),
  },
  email: {
    valid: emailValid,
    // No "@" at all: no implementation accepts it.
    invalid: fc.oneof(emailValid.map((e) => e.replace("@", "")), emailValid.map((e) => e.replace("@", " at "))),
    near: near(emailValid, "aZ9.@-_+\"[]:() \\é", DIVERGENT.email),
  },
  "date-time": {
    valid: dateTime,
    // Month 13, no separator between date and time, or no time zone: RFC 3339 rejects all three.
    invalid: fc.oneof(
      dateTime.map((s) => `${s.slice(0, 5)}13${s.slice(7)}`),
      dateTime.map((s) => s.replace(/[Tt]/, "")),
      dateTime.map((s) => s.replace(/(Z|[+-]\d\d:\d\d)$/, "")),
    ),
    near: near(dateTime, "0123456789-:TtZz.+ ", DIVERGENT["date-time"]),
  },
  uri: {
    valid: uriValid,
    // A space is allowed nowhere in a URI; without a scheme it is at most a relative reference.
    invalid: fc.oneof(fc.tuple(uriValid, fc.nat()).map(([u, i]) => insertAt(u, i, " ")), uriValid.map((u) => u.replace(/^[a-z][a-z0-9+.-]*:/i, ""))),
    near: near(uriValid, "ah:/?#[]@%2 .\"\\<>{}|^`é"),
  },
  "uri-reference": {
    valid: uriRefValid,
    invalid: fc.tuple(uriRefValid, fc.nat()).map(([u, i]) => insertAt(u, i, " ")),
    near: near(uriRefValid, "ah:/?#[]@%2 .\"\\<>{}|^`é"),
  },
};

// ---------------------------------------------------------------- valid values

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function integerIn(min = -MAX_SAFE, max = MAX_SAFE): fc.Arbitrary<number> {
  const lo = Math.max(min, -MAX_SAFE);
  const hi = Math.min(max, MAX_SAFE);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
    { weight: 4, arbitrary: fc.bigInt({ min: BigInt(lo), max: BigInt(hi) }).map(Number) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 1000 }).map((d) => Math.min(hi, lo + d)) },
  );
}

/** Keys that are not properties of the schema (for extra members and unknown fields). */
export function unknownKey(flat: Flat): fc.Arbitrary<string> {
  return fc
    .oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "Status", "unread-count", ""))
    .filter((k) => !Object.hasOwn(flat.properties, k));
}

/** Unknown keys in generated objects are never `__proto__`: fc.record/Object.assign would set the prototype instead of a member. */
const extraKey = (flat: Flat) => unknownKey(flat).filter((k) => k !== "__proto__");

export function validArb(schema: Schema, depth = 0): fc.Arbitrary<Json> {
  const flat = flatten(schema);
  if (flat.enum) return fc.constantFrom(...flat.enum);
  const types = flat.types ?? (["null", "boolean", "integer", "string"] as JsonType[]);
  const options: fc.Arbitrary<Json>[] = [];
  for (const t of types) {
    switch (t) {
      case "null": options.push(fc.constant(null)); break;
      case "boolean": options.push(fc.boolean()); break;
      case "integer": options.push(integerIn(flat.minimum, flat.maximum)); break;
      case "number": options.push(fc.double({ min: flat.minimum ?? -1e308, max: flat.maximum ?? 1e308, noNaN: true, noDefaultInfinity: true })); break;
      case "string": {
        let arb: fc.Arbitrary<string>;
        // A UUID pattern implies its format (scripts/lib/implies.mjs): the pattern's strings are
        // valid. Any other format's pattern only narrows it (date-time's is RFC 3339's grammar, without
        // the day and range checks): the format's values, kept to the pattern.
        if (flat.pattern !== undefined && flat.format !== undefined && flat.format !== "uuid") arb = FORMATS[flat.format]!.valid.filter((v) => new RegExp(flat.pattern!, "u").test(v));
        else if (flat.pattern !== undefined) arb = fc.stringMatching(new RegExp(flat.pattern));
        else if (flat.format !== undefined) arb = FORMATS[flat.format]!.valid;
        else arb = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 30 }));
        if (flat.maxLength !== undefined) {
          const max = flat.maxLength;
          // Free text now and then exactly at the bound (formatted values keep their own shape);
          // always within it, counted in code points as JSON Schema does.
          if (flat.pattern === undefined && flat.format === undefined) {
            arb = fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: max, maxLength: max }) });
          }
          arb = arb.filter((v) => codePoints(v) <= max);
        }
        options.push(arb);
        break;
      }
      case "array":
        options.push(fc.array(flat.items ? validArb(flat.items, depth + 1) : fc.jsonValue({ maxDepth: 2 }), { maxLength: Math.min(4, flat.maxItems ?? 4) }) as fc.Arbitrary<Json>);
        break;
      case "object": options.push(validObject(flat, depth)); break;
    }
  }
  return options.length === 1 ? options[0]! : fc.oneof(...options);
}

function validObject(flat: Flat, depth: number): fc.Arbitrary<Json> {
  for (const r of flat.required) if (!Object.hasOwn(flat.properties, r)) throw new Error(`required "${r}" has no property schema`);
  const record = fc.record(
    Object.fromEntries(Object.entries(flat.properties).map(([k, s]) => [k, validArb(s, depth + 1)])),
    { requiredKeys: flat.required },
  ) as fc.Arbitrary<Record<string, Json>>;
  let arb: fc.Arbitrary<Record<string, Json>> = record;
  if (flat.additionalProperties !== false) {
    const extraValue = typeof flat.additionalProperties === "object" ? validArb(flat.additionalProperties, depth + 1) : fc.jsonValue({ maxDepth: 2 });
    arb = fc.tuple(record, fc.dictionary(extraKey(flat), extraValue as fc.Arbitrary<Json>, { maxKeys: 3 })).map(([r, extra]) => ({ ...extra, ...r }));
  }
  const min = flat.minProperties ?? 0;
  return min > 0 ? arb.filter((o) => Object.keys(o).length >= min) : arb;
}

// ---------------------------------------------------------------- single mutations

/** A value that breaks its schema in one place: `at` is the path (segments) of the broken value. */
export interface Mutated {
  value: Json;
  at: string[];
  /** The JSON Schema keyword the mutation breaks. */
  keyword: string;
}

const wrongTypeArbs: Record<JsonType, fc.Arbitrary<Json>> = {
  null: fc.constant(null),
  boolean: fc.boolean(),
  integer: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  string: fc.string({ maxLength: 10 }),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) as fc.Arbitrary<Json>,
  object: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) as fc.Arbitrary<Json>,
};

/** Replacements for the whole value that break exactly one of its own (non-object) constraints. */
export function invalidLeafArbs(schema: Schema): { keyword: string; arb: fc.Arbitrary<Json> }[] {
  const flat = flatten(schema);
  const out: { keyword: string; arb: fc.Arbitrary<Json> }[] = [];
  if (flat.types !== null) {
    for (const t of ALL_TYPES) if (!allows(flat, t)) out.push({ keyword: "type", arb: wrongTypeArbs[t] });
  }
  if (flat.enum && allows(flat, "string")) {
    const values = flat.enum;
    out.push({ keyword: "enum", arb: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...values.map((v) => String(v).toUpperCase()), ...values.map((v) => ` ${String(v)}`))).filter((s) => !values.includes(s)) });
  }
  if (allows(flat, "integer")) {
    if (flat.minimum !== undefined) out.push({ keyword: "minimum", arb: fc.oneof(fc.constant(flat.minimum - 1), fc.integer({ min: 1, max: 1_000_000 }).map((d) => flat.minimum! - d)) });
    if (flat.maximum !== undefined) out.push({ keyword: "maximum", arb: fc.oneof(fc.constant(flat.maximum + 1), fc.integer({ min: 1, max: 1_000_000 }).map((d) => flat.maximum! + d), fc.constant(1e300)) });
  }
  if (allows(flat, "string") && flat.maxLength !== undefined) {
    const max = flat.maxLength;
    out.push({ keyword: "maxLength", arb: fc.integer({ min: 1, max: 64 }).chain((extra) => fc.string({ minLength: max + extra, maxLength: max + extra })).filter((v) => codePoints(v) > max) });
  }
  if (allows(flat, "array") && flat.maxItems !== undefined && flat.items) {
    const max = flat.maxItems;
    out.push({ keyword: "maxItems", arb: fc.array(validArb(flat.items, 1), { minLength: max + 1, maxLength: max + 3 }) as fc.Arbitrary<Json> });
  }
  if (allows(flat, "string")) {
    if (flat.pattern !== undefined) {
      const re = new RegExp(flat.pattern, "u");
      const matching = fc.stringMatching(new RegExp(flat.pattern));
      out.push({
        keyword: "pattern",
        arb: fc.oneof(fc.string({ maxLength: 40 }), fc.tuple(matching, fc.nat(), fc.constantFrom("g", " ", "-", "é")).map(([s, i, ch]) => replaceAt(s, i, ch)), matching.map((s) => `${s}0`)).filter((s) => !re.test(s)),
      });
    }
    // A pattern that does not imply the format leaves the format's own defects (month 13) to test.
    if (flat.format !== undefined && (flat.pattern === undefined || flat.format !== "uuid")) {
      out.push({ keyword: "format", arb: FORMATS[flat.format]!.invalid });
    }
  }
  return out;
}

export const pointer = (at: string[]) => at.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

/**
 * An instance of `schema` with exactly one defect somewhere inside it: a member with a value past
 * a bound, outside an enum, of the wrong type, null where null is not allowed, off its format or
 * pattern; a required member missing; or (when additionalProperties is false) an unknown member.
 * At depth 0 the value itself is kept an object: the defect is always inside, in a named field.
 */
export function mutatedArb(schema: Schema, depth = 0): fc.Arbitrary<Mutated> {
  const flat = flatten(schema);
  const options: fc.Arbitrary<Mutated>[] = [];
  const objectShaped = Object.keys(flat.properties).length > 0 && allows(flat, "object");
  if (depth > 0 || !objectShaped) {
    for (const { keyword, arb } of invalidLeafArbs(schema)) options.push(arb.map((value) => ({ value, at: [], keyword })));
  }
  if (objectShaped) {
    const base = validObject(flat, depth) as fc.Arbitrary<Record<string, Json>>;
    const names = Object.keys(flat.properties);
    const inner = Object.fromEntries(names.map((name) => [name, mutatedArb(flat.properties[name]!, depth + 1)]));
    options.push(
      fc.constantFrom(...names).chain((name) =>
        fc.tuple(base, inner[name]!).map(([obj, bad]) => ({
          value: { ...obj, [name]: bad.value },
          at: [name, ...bad.at],
          keyword: bad.keyword,
        })),
      ),
    );
    if (flat.required.length > 0) {
      options.push(
        fc.tuple(base, fc.constantFrom(...flat.required)).map(([obj, name]) => {
          const { [name]: _gone, ...rest } = obj;
          return { value: rest, at: [name], keyword: "required" };
        }),
      );
    }
    if (flat.additionalProperties === false) {
      options.push(
        fc.tuple(base, extraKey(flat), fc.jsonValue({ maxDepth: 1 })).map(([obj, key, v]) => ({ value: { ...obj, [key]: v as Json }, at: [key], keyword: "additionalProperties" })),
      );
    }
  }
  if (flat.items && allows(flat, "array")) {
    options.push(
      fc.tuple(fc.array(validArb(flat.items, depth + 1), { maxLength: 3 }), mutatedArb(flat.items, depth + 1), fc.nat()).map(([items, bad, i]) => {
        const at = i % (items.length + 1);
        const value = [...items.slice(0, at), bad.value, ...items.slice(at)];
        return { value, at: [String(at), ...bad.at], keyword: bad.keyword };
      }),
    );
  }
  if (options.length === 0) throw new Error("schema admits every value: nothing to mutate");
  return fc.oneof(...options);
}

// ---------------------------------------------------------------- near and random inputs

/** Values that probe one member's schema from every side: valid ones, broken ones and near-misses of its format. */
function probeArb(schema: Schema, depth = 0): fc.Arbitrary<Json> {
  const flat = flatten(schema);
  const options: fc.Arbitrary<Json>[] = [validArb(schema, depth), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>];
  for (const { arb } of invalidLeafArbs(schema)) options.push(arb);
  if (flat.format !== undefined && allows(flat, "string")) options.push(FORMATS[flat.format]!.near, FORMATS[flat.format]!.near);
  if (Object.keys(flat.properties).length > 0 && depth < 3) options.push(looseObjectArb(schema, depth + 1));
  if (flat.items && depth < 3) options.push(fc.array(probeArb(flat.items, depth + 1), { maxLength: 3 }) as fc.Arbitrary<Json>);
  return fc.oneof(...options);
}

/** Objects built from the schema's own member names, each with a probing value, plus unknown members. */
export function looseObjectArb(schema: Schema, depth = 0): fc.Arbitrary<Json> {
  const flat = flatten(schema);
  const member = (s: Schema, validWeight: number) => fc.oneof({ weight: validWeight, arbitrary: validArb(s, depth + 1) }, { weight: 1, arbitrary: probeArb(s, depth + 1) });
  const required = Object.fromEntries(flat.required.map((k) => [k, member(flat.properties[k]!, 6)]));
  const optional = Object.fromEntries(Object.entries(flat.properties).filter(([k]) => !flat.required.includes(k)).map(([k, s]) => [k, member(s, 3)]));
  return fc
    .tuple(
      fc.record(required) as fc.Arbitrary<Record<string, Json>>,
      fc.record(optional, { requiredKeys: [] }) as fc.Arbitrary<Record<string, Json>>,
      // Most of the time every required member is present, so the probe reaches the others.
      fc.option(fc.constantFrom(...flat.required, ...(flat.required.length ? [] : [""])), { freq: 8 }),
      fc.option(fc.dictionary(extraKey(flat), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 2 }), { freq: 3 }),
    )
    .map(([req, opt, drop, extra]) => {
      const out: Record<string, Json> = { ...((extra ?? {}) as Record<string, Json>), ...req, ...opt };
      if (drop !== null) delete out[drop];
      return out;
    });
}

/** The differential's input mix for one schema: valid, single-mutated, near and random values. */
export function differentialArb(schema: Schema): fc.Arbitrary<Json> {
  const options: fc.WeightedArbitrary<Json>[] = [
    { weight: 3, arbitrary: validArb(schema) },
    { weight: 3, arbitrary: mutatedArb(schema).map((m) => m.value) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  ];
  if (Object.keys(flatten(schema).properties).length > 0) options.push({ weight: 4, arbitrary: looseObjectArb(schema) });
  return fc.oneof(...options);
}

/** The documented format divergence an input runs into, if any (a string in a format-checked position). */
export function divergenceIn(schema: Schema, value: unknown, depth = 0): string | undefined {
  if (depth > 32) return undefined;
  const flat = flatten(schema);
  if (typeof value === "string") return flat.format !== undefined ? knownDivergence(flat.format, value) : undefined;
  if (Array.isArray(value)) {
    if (!flat.items) return undefined;
    for (const item of value) {
      const why = divergenceIn(flat.items, item, depth + 1);
      if (why) return why;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const sub = Object.hasOwn(flat.properties, k) ? flat.properties[k] : typeof flat.additionalProperties === "object" ? flat.additionalProperties : undefined;
      const why = sub ? divergenceIn(sub, v, depth + 1) : undefined;
      if (why) return why;
    }
  }
  return undefined;
}
