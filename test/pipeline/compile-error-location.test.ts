// Where the pipeline says an AJV compile error is (scripts/lib/validators.mjs, compileErrorPointer
// and keywordPointer): AJV's message names a keyword ("strict mode: unknown keyword: "xml"", "for
// keyword "minimum"") and, for some errors, the schema it was compiling ("at
// "urn:puffle:schema:A#/properties/x"", glued after the id of the schema that $ref'd it when the
// referenced one is inlined). The error must name the file and line of the keyword itself — never
// a property, an enum value, an example or an extension that happens to share its name.
//
// Each row writes a small spec (openapi.yaml and components/schemas/*.yaml) into a scratch folder,
// bundles it with Redocly in-process as the pipeline does (no lint: the rows are specs lint might
// also reject, and what is tested is the validators step's location), then runs the validators step.
// Components compile in name order, so `A` (which $refs the others) is the schema being compiled
// when AJV fails.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";
import { lineOf } from "./harness.js";

type Doc = Record<string, unknown>;
type Located = Error & { file?: string; line?: number; rule?: string; format(cwd?: string): string };

const { bundle, createConfig } = (await import("@redocly/openapi-core")) as unknown as {
  bundle: (options: { ref: string; config: unknown }) => Promise<{ bundle: { parsed: Doc }; problems: unknown[] }>;
  createConfig: (config: Doc) => Promise<unknown>;
};
const { canonicalize } = (await import(path.join(root, "scripts/lib/canonical.mjs"))) as { canonicalize: (doc: Doc) => Doc };
const { buildValidators } = (await import(path.join(root, "scripts/lib/validators.mjs"))) as {
  buildValidators: (doc: Doc, options: { root: string; header: (prefix: string) => string }) => unknown;
};
const config = await createConfig({});
const scratch = scratchDir("puffle-compile-error-");

const OPENAPI = `openapi: 3.1.0
info:
  title: Compile errors
  version: "1"
paths:
  /things/{id}:
    patch:
      operationId: updateThing
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      requestBody:
        content:
          application/json:
            schema:
              $ref: components/schemas/A.yaml
      responses:
        "200":
          description: ok
`;

/**
 * OPENAPI with a path-item parameter `id` (its schema a string, then `extra` lines), and the
 * operation's own `id` parameter kept (`operationToo`) or not.
 */
function withItemParameter(extra: string, operationToo: boolean): string {
  const operationParameter = "      parameters:\n        - name: id\n          in: path\n          required: true\n          schema:\n            type: string\n";
  const item = `  /things/{id}:\n    parameters:\n      - name: id\n        in: path\n        required: true\n        schema:\n          type: string\n${extra}`;
  const out = OPENAPI.replace("  /things/{id}:\n", item).replace(operationToo ? "" : operationParameter, "");
  if (out === OPENAPI) throw new Error("withItemParameter changed nothing");
  return out;
}

interface Row {
  name: string;
  /** components/schemas/<name>.yaml → its text. `A` is compiled first. */
  schemas: Record<string, string>;
  rule: string;
  /** The file the error must name (a key of `schemas`, or `openapi` for openapi.yaml) and text on the line it must name. */
  file: string;
  at: string;
  /** The column it must name, when asserted (1-based). */
  col?: number;
  /** openapi.yaml's text, when not OPENAPI. */
  openapi?: string;
}

/** The real `xml` keyword, in a component that A $refs (as `z`, after the decoys in `a`). */
const ZED_XML = "type: object\nxml:\n  name: zed\n";
const decoy = (lines: string): string => `type: object\nproperties:\n  a:\n    type: object\n${lines}  z:\n    $ref: Zed.yaml\n`;

const ROWS: Row[] = [
  // Unknown keywords: AJV names no schema; the keyword is looked for from the schema being compiled.
  { name: "an unknown keyword in the component compiled", schemas: { A: "type: object\nproperties:\n  p:\n    type: string\n    xml:\n      name: p\n" }, rule: "ajv/strict", file: "A", at: "    xml:" },
  { name: "an unknown keyword in a component reached through a $ref", schemas: { A: "type: object\nproperties:\n  z:\n    $ref: Zed.yaml\n", Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword that is also a property name (not the property)", schemas: { A: "type: object\nproperties:\n  xml:\n    type: string\n  z:\n    $ref: Zed.yaml\n", Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword that is a key in enum data (not the data)", schemas: { A: decoy("    enum:\n      - xml: 1\n"), Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword that is a key in const data (not the data)", schemas: { A: decoy("    const:\n      xml: 1\n"), Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword that is a key in default data (not the data)", schemas: { A: decoy("    default:\n      xml: 1\n"), Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword that is a key in examples (not the example)", schemas: { A: decoy("    examples:\n      - xml: 1\n"), Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword that is a key in an x- extension (not the extension)", schemas: { A: decoy("    x-note:\n      xml: 1\n"), Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword after a $ref cycle (A → A)", schemas: { A: "type: object\nproperties:\n  a:\n    $ref: A.yaml\n  z:\n    $ref: Zed.yaml\n", Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword in an allOf member", schemas: { A: "type: object\nallOf:\n  - type: object\n    properties:\n      p:\n        type: string\n  - type: object\n    xml:\n      name: a\n" }, rule: "ajv/strict", file: "A", at: "    xml:" },
  // dependentRequired maps property names to lists of names: data, not schemas.
  { name: "an unknown keyword that is a key of dependentRequired (not the entry)", schemas: { A: decoy("    dependentRequired:\n      xml:\n        - b\n"), Zed: ZED_XML }, rule: "ajv/strict", file: "Zed", at: "xml:" },
  { name: "an unknown keyword in a property whose name needs escaping (a/b~c)", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n  "a/b~c":\n    type: string\n    xml:\n      name: e\n' }, rule: "ajv/strict", file: "A", at: "    xml:" },
  { name: "an unknown keyword whose own name needs escaping (x~y/z)", schemas: { A: 'type: object\nproperties:\n  p:\n    type: string\n    "x~y/z": 1\n' }, rule: "ajv/strict", file: "A", at: '"x~y/z": 1' },

  // Errors that name the schema ("at …") and the keyword ("for keyword …").
  { name: "a keyword on the wrong type, in the component compiled", schemas: { A: "type: object\nproperties:\n  x:\n    type: string\n    minimum: 1\n" }, rule: "ajv/strict", file: "A", at: "minimum: 1" },
  { name: "a keyword on the wrong type, at the root of a component inlined by a $ref", schemas: { A: "type: object\nproperties:\n  z:\n    $ref: Zed.yaml\n", Zed: "type: string\nminimum: 1\n" }, rule: "ajv/strict", file: "Zed", at: "minimum: 1" },
  // A small $ref-free component is inlined where it is $ref'd: AJV then writes its id straight after
  // the referrer's, and the path inside it with no `#` (`Aurn:puffle:schema:Zed/properties/x`).
  { name: "a keyword on the wrong type, inside a component inlined by a $ref", schemas: { A: "type: object\nproperties:\n  z:\n    $ref: Zed.yaml\n", Zed: "type: object\nproperties:\n  x:\n    type: string\n    minimum: 1\n" }, rule: "ajv/strict", file: "Zed", at: "minimum: 1" },
  { name: "a keyword on the wrong type, in a property whose name needs escaping (a/b~c)", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n  "a/b~c":\n    type: string\n    minimum: 1\n' }, rule: "ajv/strict", file: "A", at: "minimum: 1" },
  // AJV writes each segment of the path URI-encoded (`a%20b`).
  { name: "a keyword on the wrong type, in a property whose name is URI-encoded in AJV's path (a b%é)", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n  "a b%é":\n    type: string\n    minimum: 1\n' }, rule: "ajv/strict", file: "A", at: "minimum: 1" },
  // Item's id is the start of ItemList's: the schema is the one whose id the message's ends with.
  // (ItemList has a $ref, so AJV compiles it on its own rather than inline in A: `ItemList#/properties/x`.)
  { name: "a keyword on the wrong type, in a component whose name starts with another's", schemas: { A: "type: object\nproperties:\n  i:\n    $ref: Item.yaml\n  l:\n    $ref: ItemList.yaml\n", Item: "type: string\n", ItemList: "type: object\nproperties:\n  i:\n    $ref: Item.yaml\n  x:\n    type: string\n    minimum: 1\n" }, rule: "ajv/strict", file: "ItemList", at: "minimum: 1" },
  // AJV's tuple message gives the path inside the schema being compiled, with no id.
  { name: "a one-item prefixItems (strictTuples), in the component compiled", schemas: { A: "type: object\nproperties:\n  q:\n    type: string\n  t:\n    type: array\n    prefixItems:\n      - type: string\n" }, rule: "ajv/strict", file: "A", at: "  t:" },
  { name: "a one-item prefixItems (strictTuples), inside a component inlined by a $ref", schemas: { A: "type: object\nproperties:\n  z:\n    $ref: Zed.yaml\n", Zed: "type: object\nproperties:\n  q:\n    type: string\n  t:\n    type: array\n    prefixItems:\n      - type: string\n" }, rule: "ajv/strict", file: "Zed", at: "  t:" },
  // ItemList has a $ref: AJV compiles it on its own, and the tuple's path is inside it, not inside A.
  { name: "a one-item prefixItems (strictTuples), inside a component compiled on its own", schemas: { A: "type: object\nproperties:\n  i:\n    $ref: Item.yaml\n  l:\n    $ref: ItemList.yaml\n", Item: "type: string\n", ItemList: "type: object\nproperties:\n  i:\n    $ref: Item.yaml\n  t:\n    type: array\n    prefixItems:\n      - type: string\n" }, rule: "ajv/strict", file: "ItemList", at: "  t:" },
  // … not in the compiled schema A, though A has a property at that path (not a tuple), and a tuple at
  // that path below one of its properties (not a schema AJV compiles on its own).
  { name: "a one-item prefixItems (strictTuples), inside a component compiled on its own, past look-alikes", schemas: { A: "type: object\nproperties:\n  a:\n    type: object\n    properties:\n      t:\n        type: array\n        prefixItems:\n          - type: string\n        minItems: 1\n        maxItems: 1\n  l:\n    $ref: ItemList.yaml\n  t:\n    type: string\n", Item: "type: string\n", ItemList: "type: object\nproperties:\n  i:\n    $ref: Item.yaml\n  t:\n    type: array\n    prefixItems:\n      - type: string\n" }, rule: "ajv/strict", file: "ItemList", at: "  t:" },
  // A tuple at that path in a schema A $refs, that is not the one AJV failed on: A is looked at first.
  { name: "a one-item prefixItems (strictTuples), in the component compiled, one it $refs having a tuple at the same path", schemas: { A: "type: object\nproperties:\n  t:\n    type: array\n    prefixItems:\n      - type: string\n  z:\n    $ref: Zed.yaml\n", Zed: "type: object\nproperties:\n  t:\n    type: array\n    prefixItems:\n      - type: string\n    minItems: 1\n    maxItems: 1\n" }, rule: "ajv/strict", file: "A", at: "  t:" },
  { name: "a one-item prefixItems (strictTuples), in a property whose name is URI-encoded in AJV's path (a b%é)", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n  "a b%é":\n    type: array\n    prefixItems:\n      - type: string\n' }, rule: "ajv/strict", file: "A", at: '"a b%é":' },

  // An invalid regular expression: AJV's message (V8's) names neither schema nor keyword, only the pattern.
  { name: "an invalid pattern in the component compiled", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n  p:\n    type: string\n    pattern: "a("\n' }, rule: "ajv/compile", file: "A", at: 'pattern: "a("' },
  { name: "an invalid pattern in a component reached through a $ref", schemas: { A: "type: object\nproperties:\n  z:\n    $ref: Zed.yaml\n", Zed: 'type: string\npattern: "[z/u: "\n' }, rule: "ajv/compile", file: "Zed", at: 'pattern: "[z/u: "' },
  // The spec's text in the message (a pattern, a keyword's name) that reads like AJV's `at "…"`: not
  // taken for a place (its `%` threw URIError: URI malformed, a stack trace).
  { name: "an invalid pattern holding at \"#%\"", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n    pattern: \'^c at "#%"(\'\n' }, rule: "ajv/compile", file: "A", at: "    pattern: '^c at" },
  { name: "an unknown keyword named x at \"#%\"", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n    \'x at "#%"\': 1\n' }, rule: "ajv/strict", file: "A", at: "    'x at" },
  { name: "an invalid patternProperties name", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\npatternProperties:\n  "^a":\n    type: string\n  "(b/~":\n    type: string\n' }, rule: "ajv/compile", file: "A", at: '"(b/~":' },

  // A schema the 2020-12 meta-schema refuses (AJV's check before it compiles; Redocly's lint lets
  // these through): AJV's error gives the path inside the schema checked (`instancePath`).
  { name: "a value the meta-schema refuses (multipleOf: 0), in a property", schemas: { A: "type: object\nproperties:\n  q:\n    type: string\n  x:\n    type: number\n    multipleOf: 0\n" }, rule: "ajv/schema", file: "A", at: "    multipleOf: 0", col: 5 },
  { name: "a value the meta-schema refuses (multipleOf: 0), at the root of a component reached through a $ref", schemas: { A: "type: object\nproperties:\n  z:\n    $ref: Zed.yaml\n", Zed: "type: number\nmultipleOf: 0\n" }, rule: "ajv/schema", file: "Zed", at: "multipleOf: 0", col: 1 },
  { name: "a type listed twice, in a property", schemas: { A: "type: object\nproperties:\n  x:\n    type:\n      - string\n      - string\n" }, rule: "ajv/schema", file: "A", at: "    type:", col: 5 },
  { name: "an $anchor the meta-schema refuses, at the root of a component", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n$anchor: "1bad"\n' }, rule: "ajv/schema", file: "A", at: "$anchor:", col: 1 },
  { name: "a value the meta-schema refuses, in a property whose name needs escaping (a/b~c)", schemas: { A: 'type: object\nproperties:\n  q:\n    type: string\n  "a/b~c":\n    type: number\n    multipleOf: 0\n' }, rule: "ajv/schema", file: "A", at: "    multipleOf: 0", col: 5 },
  // The path parameters are checked as one object schema whose properties are the parameters' schemas.
  { name: "a value the meta-schema refuses, in a path parameter's schema", schemas: { A: "type: object\nproperties:\n  q:\n    type: string\n" }, openapi: OPENAPI.replace("            type: string\n", "            type: string\n            maxLength: 9\n            multipleOf: 0\n"), rule: "ajv/schema", file: "openapi", at: "            multipleOf: 0", col: 13 },
  // … and each parameter's schema is read at its own place: an unknown format there is located there.
  { name: "an unknown format in a path parameter's schema", schemas: { A: "type: object\nproperties:\n  q:\n    type: string\n" }, openapi: OPENAPI.replace("            type: string\n", "            type: string\n            format: nonsense\n"), rule: "ajv/unknown-format", file: "openapi", at: "            format: nonsense", col: 13 },
  // A path item's parameter (lint refuses one in openapi/, but the validators step reads them): at its own place…
  { name: "a value the meta-schema refuses, in a path item's path parameter", schemas: { A: "type: object\nproperties:\n  q:\n    type: string\n" }, openapi: withItemParameter("          multipleOf: 0\n", false), rule: "ajv/schema", file: "openapi", at: "          multipleOf: 0", col: 11 },
  // … and one the operation declares again is the operation's: the path item's is not read.
  { name: "a value the meta-schema refuses, in an operation's path parameter that overrides the path item's", schemas: { A: "type: object\nproperties:\n  q:\n    type: string\n" }, openapi: withItemParameter("", true).replace("          schema:\n            type: string\n      requestBody", "          schema:\n            type: string\n            multipleOf: 0\n      requestBody"), rule: "ajv/schema", file: "openapi", at: "            multipleOf: 0", col: 13 },
];

let counter = 0;
/** Writes `schemas` as a spec, bundles it, runs the validators step; its error (or null). */
async function compileError(schemas: Record<string, string>, openapi = OPENAPI): Promise<{ error: Located | null; dir: string }> {
  const dir = path.join(scratch, String(++counter));
  fs.mkdirSync(path.join(dir, "components/schemas"), { recursive: true });
  fs.writeFileSync(path.join(dir, "openapi.yaml"), openapi);
  for (const [name, text] of Object.entries(schemas)) fs.writeFileSync(path.join(dir, "components/schemas", `${name}.yaml`), text);
  const spec = path.join(dir, "openapi.yaml");
  const bundled = await bundle({ ref: spec, config });
  expect(bundled.problems).toEqual([]);
  try {
    buildValidators(canonicalize(bundled.bundle.parsed), { root: spec, header: (prefix) => prefix });
    return { error: null, dir };
  } catch (err) {
    return { error: err as Located, dir };
  }
}

describe("a path parameter declared on the path item and again on the operation", () => {
  // OpenAPI: the operation's overrides the path item's. The two made `required: ["id", "id"]`,
  // which the meta-schema refuses ("must NOT have duplicate items"): a valid spec did not generate.
  it("generates, the path item's schema not read (its wrong keyword is no error)", async () => {
    const { error } = await compileError({ A: "type: object\nproperties:\n  q:\n    type: string\n" }, withItemParameter("          multipleOf: 0\n", true));
    expect(error?.message ?? null).toBeNull();
  });
});

describe("an AJV compile error names the file and line of the keyword", () => {
  it.each(ROWS)("$name", async (row) => {
    const { error, dir } = await compileError(row.schemas, row.openapi);
    expect(error, "the spec compiled").not.toBeNull();
    const relative = row.file === "openapi" ? "openapi.yaml" : `components/schemas/${row.file}.yaml`;
    const file = path.join(dir, relative);
    const want = `${relative}:${lineOf(row.file === "openapi" ? (row.openapi ?? OPENAPI) : row.schemas[row.file]!, row.at)}:`;
    const col = row.col === undefined ? "\\d+" : String(row.col);
    expect(error!.format(dir), error!.stack).toMatch(new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${col} \\[${row.rule}\\] `));
    expect(error!.file).toBe(file);
  });
});
