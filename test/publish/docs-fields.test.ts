// Every field of the API reference as a reader sees it: for each operation of the built page
// (`npm run docs`, opened in Debian's Chromium with no network), the request body and every
// response body (the 200 record and the problem+json errors) are expanded, nested objects and array
// items included, and each property the spec gives (walked from generated/openapi.json: $ref,
// allOf, `type: [x, "null"]` resolved as Redoc resolves them) must be on screen with its name, its
// description, its type (with "or null"), its format, its bounds (length, items, range, multiple),
// its enum or const values, its default, its pattern, and its required / read-only / write-only /
// deprecated marks. A spec change that Redoc renders without one of them (a description on an
// `anyOf` member, a bound it drops) fails here; a keyword the walker does not know fails too, until
// someone has looked at how Redoc shows it and taught this file.
//
// Every schema-level description reachable from a body must be on screen too: the body's root schema's
// (and what it $refs or is made of with allOf) in the body's own text, and for a property the
// descriptions of the schema it $refs, of that schema's allOf members and, for an array of objects,
// of its items, in the property's row, sentence by sentence. Redoc 3 shows none of these itself (a
// row shows the property's own description, a body the request body's or the response's); the docs
// build adds them to those descriptions (scripts/publish/schema-descriptions.mjs).
//
// Not checked, because Redoc 3 never shows it (see docs/publishing.md): `additionalProperties: false`.
//
// Redoc's markup read here: each property is an element `.schema-property-item` whose id is
// `<tag>/<operationId>/t=request&path=<path>` or `…/t=response&c=<status>&path=<path>` (lower case;
// a nested property `parent/child`, an array item's `parent[]/child`, a scalar item `parent/[i]`, an
// additional property `…/property name*`); its first child is the header (name, type line, pattern,
// marks), then the description, default and enum; a nested schema is in `[data-schema-nested-open]`.
import { mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deref, operationsOf } from "../../scripts/publish/code-samples.mjs";
import { launchChromium, requireChromium } from "../browser.js";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";
import { buildDocsPage } from "./docs-page.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const spec: Json = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));

// ---------------------------------------------------------------------------------------------
// What the spec says: the fields of a body, flattened as Redoc flattens them.

/** One row the page must show, and what its header and its text must hold. */
interface Field {
  /** The element id Redoc gives the row. */
  readonly id: string;
  /** The field as a reader names it (`thread.draft_attachments[].property name*`), for messages. */
  readonly label: string;
  readonly name: string;
  readonly description: string | undefined;
  /** Text the header must contain: the type phrase, format, bounds, the full pattern. */
  readonly header: readonly string[];
  /** Lines the header must have (`required`, `read-only`, …) and those it must not. */
  readonly marks: readonly string[];
  readonly notMarks: readonly string[];
  /** Text the row must contain below its header: enum, const and default values. */
  readonly values: readonly string[];
  /** Descriptions of the schemas behind the row ($ref, allOf, an array's object items), each to be shown. */
  readonly hidden: readonly string[];
}

const ANNOTATIONS = new Set(["description", "examples", "example", "title", "$comment"]);
const HANDLED = new Set([
  ...ANNOTATIONS,
  "$ref", "allOf", "anyOf", "oneOf", "type", "properties", "required", "items", "additionalProperties",
  "format", "pattern", "enum", "const", "default", "readOnly", "writeOnly", "deprecated",
  "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minItems", "maxItems", "uniqueItems", "minProperties",
]);
/**
 * The descriptions of the schemas a schema is made of, which the reader must read with its own: the
 * schema it $refs, its allOf members, the X of an anyOf/oneOf [X, null], each with those under it;
 * for an array of objects (drawn as the array's row, the items having none), its items' too.
 */
function hiddenUnder(doc: Json, raw: Json, seen: ReadonlySet<string> = new Set()): string[] {
  if (raw === null || typeof raw !== "object") return [];
  const withOwn = (s: Json, seenHere: ReadonlySet<string>) => [...(typeof s?.description === "string" ? [s.description] : []), ...hiddenUnder(doc, s, seenHere)];
  const out: string[] = [];
  if (raw.$ref && !seen.has(raw.$ref)) out.push(...withOwn(deref(doc, { $ref: raw.$ref }), new Set([...seen, raw.$ref])));
  for (const member of raw.allOf ?? []) out.push(...withOwn(member, seen));
  for (const key of ["anyOf", "oneOf"]) {
    const others = (raw[key] ?? []).filter((m: Json) => !(m.type === "null" && Object.keys(m).length === 1));
    if (others.length === 1) out.push(...withOwn(others[0], seen));
  }
  if (raw.items && typesOf(flatten(doc, raw.items, "items")).includes("object")) out.push(...withOwn(raw.items, seen));
  return out;
}

/** A description cut where a reader's sentence or clause ends, each piece to be found on screen. */
const pieces = (text: string) => plain(text).split(/(?<=[.!?;:])\s+/).filter((p) => p !== "");

const LOWER = ["minimum", "minLength", "minItems", "minProperties", "exclusiveMinimum"];
const UPPER = ["maximum", "maxLength", "maxItems", "exclusiveMaximum"];

class Unsupported extends Error {}

/** `a` and `b` as one schema (allOf members, or a $ref's target and its siblings; `b` wins for annotations). */
function merge(a: Json, b: Json, at: string): Json {
  const out: Json = { ...a };
  for (const [key, value] of Object.entries<Json>(b)) {
    if (!(key in out) || ANNOTATIONS.has(key) || key.startsWith("x-")) out[key] = value;
    else if (key === "properties") {
      for (const name of Object.keys(value)) if (name in out.properties) throw new Unsupported(`${at}: property ${name} in two allOf members`);
      out.properties = { ...out.properties, ...value };
    } else if (key === "required") out.required = [...new Set([...out.required, ...value])];
    else if (LOWER.includes(key)) out[key] = Math.max(out[key], value);
    else if (UPPER.includes(key)) out[key] = Math.min(out[key], value);
    else if (key === "enum") out.enum = out.enum.filter((v: unknown) => value.some((w: unknown) => JSON.stringify(v) === JSON.stringify(w)));
    else if (JSON.stringify(out[key]) !== JSON.stringify(value)) throw new Unsupported(`${at}: ${key} given twice (${JSON.stringify(out[key])}, ${JSON.stringify(value)})`);
  }
  return out;
}

/** The schema with $ref, allOf and a nullable anyOf/oneOf resolved into one object. */
function flatten(doc: Json, schema: Json, at: string): Json {
  let s: Json = schema ?? {};
  if (s.$ref) {
    const { $ref, ...siblings } = s;
    s = merge(flatten(doc, deref(doc, { $ref }), `${at} → ${$ref}`), siblings, at);
  }
  if (s.allOf) {
    const { allOf, ...rest } = s;
    s = merge(allOf.reduce((acc: Json, member: Json, i: number) => merge(acc, flatten(doc, member, `${at}/allOf/${i}`), at), {}), rest, at);
  }
  for (const key of ["anyOf", "oneOf"]) {
    if (!s[key]) continue;
    // `anyOf: [X, {type: "null"}]`: X or null.
    const { [key]: members, ...rest } = s;
    const others = members.filter((m: Json) => !(m.type === "null" && Object.keys(m).length === 1));
    if (others.length !== 1 || members.length !== 2) throw new Unsupported(`${at}: ${key} other than [X, {type: "null"}]`);
    const inner = flatten(doc, others[0], `${at}/${key}`);
    s = merge({ ...inner, type: [...typesOf(inner), "null"] }, rest, at);
  }
  const unknown = Object.keys(s).filter((k) => !HANDLED.has(k) && !k.startsWith("x-"));
  if (unknown.length > 0) throw new Unsupported(`${at}: ${unknown.join(", ")}`);
  return s;
}

function typesOf(s: Json): string[] {
  if (s.type !== undefined) return Array.isArray(s.type) ? s.type : [s.type];
  if (s.properties || s.additionalProperties !== undefined) return ["object"];
  if (s.items) return ["array"];
  return [];
}

/** How Redoc names a type: `string or null`, `Array of objects or null`, `any`. */
function typePhrase(doc: Json, s: Json, at: string): string {
  const types = typesOf(s);
  const nonNull = types.filter((t) => t !== "null");
  if (nonNull.length > 1) throw new Unsupported(`${at}: type ${JSON.stringify(types)}`);
  let base = nonNull[0] ?? "any";
  if (base === "array") {
    const itemTypes = typesOf(flatten(doc, s.items, `${at}/items`)).filter((t) => t !== "null");
    base = itemTypes.length === 1 ? `Array of ${itemTypes[0]}s` : "Array";
  }
  return types.includes("null") ? `${base} or null` : base;
}

/** The bounds Redoc writes on the type line: `<= 254 characters`, `[ 0 .. 9 ]`, `non-empty`. */
function bounds(s: Json, at: string): string[] {
  const out: string[] = [];
  const range = (lo: number | undefined, hi: number | undefined, unit: string) => {
    const u = unit ? ` ${unit}` : "";
    if (lo !== undefined && hi !== undefined) out.push(`[ ${lo} .. ${hi} ]${u}`);
    else if (hi !== undefined) out.push(`<= ${hi}${u}`);
    else if (lo !== undefined) out.push(`>= ${lo}${u}`);
  };
  range(s.minLength, s.maxLength, "characters");
  if ((s.exclusiveMinimum !== undefined || s.exclusiveMaximum !== undefined) && (s.minimum ?? s.maximum ?? null) !== null) {
    throw new Unsupported(`${at}: an exclusive bound with an inclusive one`);
  }
  if (s.exclusiveMinimum !== undefined && s.exclusiveMaximum !== undefined) throw new Unsupported(`${at}: two exclusive bounds`);
  if (s.exclusiveMinimum !== undefined) out.push(`> ${s.exclusiveMinimum}`);
  if (s.exclusiveMaximum !== undefined) out.push(`< ${s.exclusiveMaximum}`);
  range(s.minimum, s.maximum, "");
  if (s.multipleOf !== undefined) out.push(`multiple of ${s.multipleOf}`);
  if (s.minItems === 1 && s.maxItems === undefined) out.push("non-empty");
  else range(s.minItems, s.maxItems, "items");
  if (s.uniqueItems) out.push("unique");
  if (s.minProperties === 1) out.push("non-empty");
  else if (s.minProperties !== undefined) throw new Unsupported(`${at}: minProperties ${s.minProperties}`);
  return out;
}

function field(doc: Json, id: string, label: string, name: string, s: Json, required: boolean, at: string, extra: string[] = [], hidden: string[] = []): Field {
  const values: string[] = [];
  if (s.const !== undefined) values.push("Value:", JSON.stringify(s.const));
  else if (s.enum?.length === 1) values.push("Value:", JSON.stringify(s.enum[0]));
  else if (s.enum) values.push("Enum:", ...s.enum.map((v: unknown) => JSON.stringify(v)));
  if (s.default !== undefined) values.push("Default:", JSON.stringify(s.default));
  const marks = [required && "required", s.readOnly && "read-only", s.writeOnly && "write-only", s.deprecated && "deprecated"].filter((m): m is string => !!m);
  return {
    id,
    label,
    name,
    description: s.description,
    header: [typePhrase(doc, s, at), ...(s.format ? [`(${s.format})`] : []), ...bounds(s, at), ...(s.pattern ? [s.pattern] : []), ...extra],
    marks,
    notMarks: required ? [] : ["required"],
    values,
    hidden,
  };
}

/** The rows of an object schema's properties, nested ones after their parent. */
function fieldsOf(doc: Json, s: Json, idPrefix: string, pathPrefix: string, labelPrefix: string, at: string): Field[] {
  const out: Field[] = [];
  const required: string[] = s.required ?? [];
  for (const [name, raw] of Object.entries<Json>(s.properties ?? {})) {
    const p = flatten(doc, raw, `${at}/properties/${name}`);
    out.push(field(doc, `${idPrefix}${pathPrefix}${name}`, `${labelPrefix}${name}`, name, p, required.includes(name), `${at}/properties/${name}`, [], hiddenUnder(doc, raw)));
    out.push(...nested(doc, p, `${idPrefix}`, `${pathPrefix}${name}`, `${labelPrefix}${name}`, `${at}/properties/${name}`));
  }
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) {
    const name = "property name*";
    const p = s.additionalProperties === true ? {} : flatten(doc, s.additionalProperties, `${at}/additionalProperties`);
    const hidden = s.additionalProperties === true ? [] : hiddenUnder(doc, s.additionalProperties);
    out.push(field(doc, `${idPrefix}${pathPrefix}${name}`, `${labelPrefix}${name}`, name, p, false, `${at}/additionalProperties`, ["additional property"], hidden));
    out.push(...nested(doc, p, idPrefix, `${pathPrefix}${name}`, `${labelPrefix}${name}`, `${at}/additionalProperties`));
  }
  return out;
}

/** The rows under a field: an object's properties, an array's items. */
function nested(doc: Json, p: Json, idPrefix: string, path: string, label: string, at: string): Field[] {
  const types = typesOf(p);
  if (types.includes("object")) return fieldsOf(doc, p, idPrefix, `${path}/`, `${label}.`, at);
  if (types.includes("array") && p.items) {
    const item = flatten(doc, p.items, `${at}/items`);
    if (typesOf(item).includes("object")) return fieldsOf(doc, item, idPrefix, `${path}[]/`, `${label}[].`, `${at}/items`);
    const f = field(doc, `${idPrefix}${path}/[i]`, `${label}[]`, "[i]", item, false, `${at}/items`, [], hiddenUnder(doc, p.items));
    return [{ ...f, description: item.description }, ...nested(doc, item, idPrefix, `${path}/[i]`, `${label}[]`, `${at}/items`)];
  }
  return [];
}

interface Body {
  /** The id of the body's element, and what its own text (above the first property) must hold. */
  readonly bodyId: string;
  readonly rootBounds: readonly string[];
  /** The root schema's description and those it is made of, to be shown in the body's own text. */
  readonly rootDescriptions: readonly string[];
  readonly status: string | undefined;
  readonly fields: readonly Field[];
}

/** The schema of an operation's JSON request body. */
function jsonRequestSchema(op: ReturnType<typeof operationsOf>[number]): Json {
  const content = deref(spec, op.operation.requestBody)?.content ?? {};
  return Object.entries<Json>(content).find(([type]) => /^application\/(.+\+)?json$/.test(type))?.[1]?.schema;
}

/** The request body and every response body of an operation, as the rows the page must show. */
function bodiesOf(s: Json, op: ReturnType<typeof operationsOf>[number]): Body[] {
  const anchor = `${String(op.operation.tags[0]).toLowerCase()}/${String(op.operation.operationId).toLowerCase()}`;
  const bodies: Body[] = [];
  const jsonSchema = (content: Json) => Object.entries<Json>(content ?? {}).find(([type]) => /^application\/(.+\+)?json$/.test(type))?.[1]?.schema;
  const add = (schema: Json, bodyId: string, idPrefix: string, status: string | undefined, at: string) => {
    const root = flatten(s, schema, at);
    const rootDescriptions = [...(typeof schema.description === "string" ? [schema.description] : []), ...hiddenUnder(s, schema)];
    bodies.push({ bodyId, rootBounds: bounds(root, at), rootDescriptions, status, fields: fieldsOf(s, root, idPrefix, "", "", at) });
  };
  const requestSchema = jsonSchema(deref(s, op.operation.requestBody)?.content);
  if (requestSchema) add(requestSchema, `${anchor}/request/body`, `${anchor}/t=request&path=`, undefined, `${op.path} request`);
  for (const status of Object.keys(op.operation.responses)) {
    const schema = jsonSchema(deref(s, op.operation.responses[status]).content);
    if (schema) add(schema, `${anchor}/response&c=${status}/body`, `${anchor}/t=response&c=${status}&path=`, status, `${op.path} ${status}`);
  }
  return bodies;
}

// ---------------------------------------------------------------------------------------------
// What the page shows.

/** A description as text on screen: Markdown's code, emphasis and link marks dropped, spaces collapsed. */
const plain = (text: string) =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*]/g, "")
    .replace(/[\s\u200b]+/g, " ")
    .trim();

interface Shown {
  readonly visible: boolean;
  readonly name: string;
  readonly header: string;
  readonly own: string;
}

/**
 * Opens every collapsed schema of a body (one "+" at a time, waiting for Redoc to draw it: a second
 * click before that would close it again), draws the nested schemas Redoc leaves empty until they
 * are scrolled to, and shows every full pattern ("Show pattern").
 */
async function expandAll(page: Page, bodyId: string): Promise<void> {
  // The request's body element holds its schema; a response's is a heading next to it.
  const head = page.locator(`[id="${bodyId}"]`);
  const scope = (await head.locator(".schema-property-item").count()) > 0 ? head : head.locator("xpath=..");
  const closed = scope.locator('[data-schema-nested-open="false"] > button');
  const patterns = scope.locator(".schema-property-item button").filter({ hasText: /^Show pattern$/ });
  // A nested schema Redoc has not drawn yet (off screen) is an empty box with a min-height: the first
  // one is scrolled to (in one step with counting them: one can be drawn between two calls).
  const LAZY = '[aria-hidden="true"][style*="min-height"]';
  const drawLazy = () => scope.evaluate((el, selector) => {
    const boxes = el.querySelectorAll(selector);
    boxes[0]?.scrollIntoView();
    return boxes.length;
  }, LAZY);
  for (let round = 0; round < 200; round++) {
    const lazy = await drawLazy();
    if (lazy > 0) {
      await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length < n, [LAZY, lazy] as const, { timeout: 5000 });
      continue;
    }
    const [nClosed, nPatterns] = [await closed.count(), await patterns.count()];
    if (nClosed + nPatterns === 0) return;
    const [buttons, before, what] = nClosed > 0 ? [closed, nClosed, "+"] : [patterns, nPatterns, "Show pattern"];
    await buttons.first().click({ timeout: 5000 });
    await expect.poll(() => buttons.count(), { message: `${bodyId}: ${what} clicked` }).toBeLessThan(before);
  }
  throw new Error(`#${bodyId}: still collapsed parts after 200 rounds`);
}

async function shown(page: Page, ids: readonly string[]): Promise<(Shown | null)[]> {
  return page.evaluate((wanted) => {
    return wanted.map((id) => {
      const el = document.getElementById(id);
      if (!el) return null;
      const kids = [...el.children] as HTMLElement[];
      return {
        visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
        name: el.querySelector(".schema-name")?.textContent ?? "",
        header: kids[0]?.innerText ?? "",
        own: kids.filter((k) => !k.hasAttribute("data-schema-nested-open")).slice(1).map((k) => k.innerText).join("\n"),
      };
    });
  }, ids);
}

/** What the page fails to show of the bodies of one operation, one line each (empty: all shown). */
async function missingOnPage(browser: Browser, indexHtml: string, s: Json, op: ReturnType<typeof operationsOf>[number]): Promise<string[]> {
  const anchor = `${String(op.operation.tags[0]).toLowerCase()}/${String(op.operation.operationId).toLowerCase()}`;
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const missing: string[] = [];
  try {
    await page.goto(`${pathToFileURL(indexHtml).href}#/${anchor}`);
    await page.locator(`[id="${anchor}"]`).getByRole("heading", { name: op.operation.summary }).waitFor();
    for (const body of bodiesOf(s, op)) {
      const where = body.status === undefined ? "request" : `response ${body.status}`;
      if (body.status !== undefined) {
        await page.locator(`[id="${anchor}/responses"]`).getByRole("tab", { name: body.status, exact: true }).click();
      }
      await page.locator(`[id="${body.bodyId}"]`).waitFor();
      await expandAll(page, body.bodyId);
      // The body's own text: from its heading to its first property; for a response, with the
      // response's description, which Redoc puts above its headers (the Markdown of the response's
      // panel outside any row).
      const rootText = await page.evaluate(([bodyId, responsesId]) => {
        const head = document.getElementById(bodyId)!;
        const el = head.querySelector(".schema-property-item") ? head : head.parentElement!;
        const first = el.querySelector(".schema-property-item");
        const range = document.createRange();
        range.setStartBefore(head);
        if (first) range.setEndBefore(first);
        else range.setEndAfter(el.lastChild!);
        const tabs = responsesId === undefined ? null : document.getElementById(responsesId);
        if (!tabs) return range.toString();
        let panel: HTMLElement = head;
        while (panel.parentElement && !panel.parentElement.contains(tabs)) panel = panel.parentElement;
        const markdown = [...panel.querySelectorAll('[data-component-name="Markdown/Markdown"]')].filter((m) => !m.closest(".schema-property-item"));
        return [...markdown.map((m) => m.textContent ?? ""), range.toString()].join("\n");
      }, [body.bodyId, body.status === undefined ? undefined : `${anchor}/responses`] as const);
      for (const b of body.rootBounds) if (!rootText.includes(b)) missing.push(`${where} body: "${b}" not shown`);
      for (const d of body.rootDescriptions) {
        const lost = pieces(d).filter((p) => !plain(rootText).includes(p));
        if (lost.length > 0) missing.push(`${where} body: its schema's description not shown (${JSON.stringify(lost[0]!.slice(0, 80))}${lost.length > 1 ? ` and ${lost.length - 1} more` : ""})`);
      }
      const rows = await shown(page, body.fields.map((f) => f.id));
      body.fields.forEach((f, i) => {
        const row = rows[i];
        const at = `${where} ${f.label}`;
        if (!row || !row.visible) {
          missing.push(`${at}: not shown`);
          return;
        }
        const header = row.header.replace(/\u200b/g, "");
        const lines = header.split("\n").map((l) => l.trim());
        if (row.name !== f.name) missing.push(`${at}: shown as "${row.name}"`);
        for (const h of f.header) if (!header.includes(h)) missing.push(`${at}: "${h}" not shown (type line: ${JSON.stringify(lines.slice(1).join(" | "))})`);
        for (const m of f.marks) if (!lines.includes(m)) missing.push(`${at}: not marked ${m}`);
        for (const m of f.notMarks) if (lines.includes(m)) missing.push(`${at}: marked ${m}, which the spec does not say`);
        if (f.description !== undefined && !plain(row.own).includes(plain(f.description))) {
          missing.push(`${at}: description not shown (shown: ${JSON.stringify(plain(row.own).slice(0, 120))})`);
        }
        for (const d of f.hidden) {
          const lost = pieces(d).filter((p) => !plain(row.own).includes(p));
          if (lost.length > 0) missing.push(`${at}: its schema's description not shown (${JSON.stringify(lost[0]!.slice(0, 80))}${lost.length > 1 ? ` and ${lost.length - 1} more` : ""})`);
        }
        const own = row.own.split("\n").map((l) => l.trim());
        for (const v of f.values) if (!own.includes(v)) missing.push(`${at}: ${v} not shown`);
      });
    }
  } finally {
    await page.close();
  }
  return missing;
}

// ---------------------------------------------------------------------------------------------

let browser: Browser;
const scratch = scratchDir("puffle-docs-fields-");
const built = (edited?: Json) => {
  const dir = mkdtempSync(path.join(scratch, "page-"));
  buildDocsPage(dir, edited);
  return path.join(dir, "index.html");
};
let indexHtml: string;

beforeAll(async () => {
  requireChromium();
  indexHtml = built();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("API reference page: every field of every body, with its description and constraints", () => {
  it("walks the spec: each operation has a request body and a 200 record, and its rows include nested ones", () => {
    for (const op of operationsOf(spec)) {
      const bodies = bodiesOf(spec, op);
      expect(bodies[0]?.status, op.operation.operationId).toBeUndefined();
      expect(bodies.map((b) => b.status)).toContain("200");
      expect(bodies.find((b) => b.status === "200")!.fields.some((f) => f.label.includes("."))).toBe(true);
    }
    // Array items' properties (the problem's errors[], a thread's draft_attachments[]) are walked too.
    const labels = operationsOf(spec).flatMap((op) => bodiesOf(spec, op).flatMap((b) => b.fields.map((f) => f.label)));
    expect(labels.filter((l) => l.includes("[]."))).not.toEqual([]);
    // Schema-level descriptions are collected: a body's root schema's, a $ref'd one under a property's own,
    // an allOf member's, an array's object items'.
    const schemas = spec.components.schemas;
    const bodies = operationsOf(spec).flatMap((op) => bodiesOf(spec, op));
    const rows = bodies.flatMap((b) => b.fields);
    const first = operationsOf(spec)[0]!;
    expect(bodiesOf(spec, first)[0]!.rootDescriptions).toContain(deref(spec, jsonRequestSchema(first)).description);
    expect(rows.find((f) => f.label === "conversation.channel")?.hidden).toContain(schemas.Channel.description);
    expect(rows.find((f) => f.label === "conversation.status")?.hidden).toContain(schemas.ConversationStatus.description);
    expect(rows.find((f) => f.label === "conversation")?.hidden).toEqual([schemas.Conversation.description, schemas.ConversationRow.description]);
    expect(rows.find((f) => f.label === "errors")?.hidden).toContain(schemas.ValidationError.description);
    expect(bodies.find((b) => b.status === "409")?.rootDescriptions).toEqual([schemas.DuplicateThreadProblem.description, schemas.Problem.description]);
  });

  for (const op of operationsOf(spec)) {
    it(`${op.operation.operationId}: the request body and every response body, every property`, async () => {
      expect(await missingOnPage(browser, indexHtml, spec, op)).toEqual([]);
    }, 60_000);
  }
});

// The check itself must see a field that Redoc renders without what the spec says. Written as
// `anyOf: [Uuid, {type: "null"}]` (the same values valid as `type: [string, "null"]` with the uuid
// format and pattern), a thread's `account_id` is shown by Redoc 3 with Uuid's description and no
// pattern: the property's own description and its pattern are gone from the page.
describe("the check on a spec whose page hides a description and a pattern", () => {
  it("names the field and what is missing", async () => {
    const edited = structuredClone(spec);
    const accountId = edited.components.schemas.UpdateThreadRequest.properties.account_id;
    edited.components.schemas.UpdateThreadRequest.properties.account_id = {
      anyOf: [{ $ref: "#/components/schemas/Uuid" }, { type: "null" }],
      description: accountId.description,
    };
    const op = operationsOf(edited).find((o) => o.operation.operationId === "updateThread")!;
    const missing = await missingOnPage(browser, built(edited), edited, op);
    expect(missing.filter((m) => m.startsWith("request account_id: description not shown"))).toHaveLength(1);
    expect(missing).toContain(`request account_id: "${accountId.pattern}" not shown (type line: "Uuid (string) or null")`);
  }, 60_000);
});
