// scripts/publish/schema-descriptions.mjs on its own: where each hidden schema-level description goes
// in the docs' copy of the spec, that text already there is not repeated, and that nothing but
// descriptions changes (the bundle itself included). The page is checked in docs-fields.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { joinDescriptions, sentences, withSchemaDescriptions } from "../../scripts/publish/schema-descriptions.mjs";
import { root } from "../helpers.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("sentences", () => {
  it.each([
    ["One. Two.", ["One.", "Two."]],
    ["Values: `a` or `b`. `draft` is returned only.", ["Values: `a` or `b`.", "`draft` is returned only."]],
    ["A number from 0 to 9 (2^53 − 1, exact). (Ours.)", ["A number from 0 to 9 (2^53 − 1, exact).", "(Ours.)"]],
    ["Across\n  lines.  Spaces  kept as one.", ["Across lines.", "Spaces kept as one."]],
    ["e.g. lower case stays one", ["e.g. lower case stays one"]],
    ["A short form, e.g. Bob, i.e. Robert. Next.", ["A short form, e.g. Bob, i.e. Robert.", "Next."]],
    ["   ", []],
  ])("%j", (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe("joinDescriptions", () => {
  it.each([
    ["own, then another paragraph", "Own.", ["Theirs."], "Own.\n\nTheirs."],
    ["no own text", undefined, ["Theirs."], "Theirs."],
    ["the same words already there", "Own. Theirs.", ["Theirs."], "Own. Theirs."],
    ["some sentences already there: only the others", "Archive it. Values are dropped.", ["Archive it. Values are dropped later."], "Archive it. Values are dropped.\n\nValues are dropped later."],
    ["spacing does not count", "Own\n  text.", ["Own text."], "Own\n  text."],
    ["a second description repeating the first", "Own.", ["A. B.", "B. A."], "Own.\n\nA. B."],
    ["nothing at all", undefined, [], undefined],
    ["Markdown of a description kept whole", "Own.", ["- one\n- two"], "Own.\n\n- one\n- two"],
    // What is kept of a description is kept as written: a list or code block is not run into one line.
    ["a sentence left out, a Markdown list kept as written", "Intro.", ["Intro. Values:\n\n- `a`: one.\n- `b`: two."], "Intro.\n\nValues:\n\n- `a`: one.\n- `b`: two."],
    ["a sentence left out, a code block kept as written", "Intro.", ["Intro. Example:\n\n```json\n{\"a\": 1}\n```"], "Intro.\n\nExample:\n\n```json\n{\"a\": 1}\n```"],
    // A sentence is already there when the text has that sentence, not when it ends another one.
    ["a sentence that is the end of another is not already there", "Not Archived.", ["Archived. Kept for a year."], "Not Archived.\n\nArchived. Kept for a year."],
    ["an abbreviation does not cut a sentence (no half left)", "Use a short form, e.g. Alice.", ["Use a short form, e.g. Bob."], "Use a short form, e.g. Alice.\n\nUse a short form, e.g. Bob."],
  ])("%s", (_what, own, more, expected) => {
    expect(joinDescriptions(own, more)).toBe(expected);
  });
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const doc = (schemas: Json, extra: Json = {}): Json => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, ...extra, components: { schemas, ...extra.components } });

describe("withSchemaDescriptions", () => {
  it.each<[string, Json, string, string | undefined]>([
    [
      "a property's own description, then its $ref'd schema's",
      doc({ Status: { description: "Ours.", enum: ["a"] }, Row: { properties: { status: { description: "Own.", ...ref("Status") } } } }),
      "/components/schemas/Row/properties/status",
      "Own.\n\nOurs.",
    ],
    [
      "a $ref'd schema's description the property already says",
      doc({ Status: { description: "Ours.", enum: ["a"] }, Row: { properties: { status: { description: "Own. Ours.", ...ref("Status") } } } }),
      "/components/schemas/Row/properties/status",
      "Own. Ours.",
    ],
    [
      "a bare $ref: the schema's description and its allOf members'",
      doc({ Base: { description: "Base.", properties: {} }, Obj: { description: "Obj.", allOf: [ref("Base")] }, Row: { properties: { o: ref("Obj") } } }),
      "/components/schemas/Row/properties/o",
      "Obj.\n\nBase.",
    ],
    [
      "a $ref through another $ref",
      doc({ A: { description: "A.", type: "string" }, B: { description: "B.", ...ref("A") }, Row: { properties: { p: { description: "P.", ...ref("B") } } } }),
      "/components/schemas/Row/properties/p",
      "P.\n\nB.\n\nA.",
    ],
    [
      "a nullable anyOf member",
      doc({ Id: { description: "Id.", type: "string" }, Row: { properties: { p: { description: "P.", anyOf: [ref("Id"), { type: "null" }] } } } }),
      "/components/schemas/Row/properties/p",
      "P.\n\nId.",
    ],
    [
      "an array of objects: its items' description on the array's row",
      doc({ Err: { description: "One error.", type: "object", properties: { m: { type: "string" } } }, P: { properties: { errors: { description: "Errors.", type: "array", items: ref("Err") } } } }),
      "/components/schemas/P/properties/errors",
      "Errors.\n\nOne error.",
    ],
    [
      "an array of scalars: its items' row gets it",
      doc({ Tag: { description: "A tag.", type: "string" }, P: { properties: { tags: { description: "Tags.", type: "array", items: ref("Tag") } } } }),
      "/components/schemas/P/properties/tags/items",
      "A tag.",
    ],
    [
      "an additional property's row",
      doc({ V: { description: "A value.", type: "string" }, P: { type: "object", additionalProperties: { description: "Any key.", ...ref("V") } } }),
      "/components/schemas/P/additionalProperties",
      "Any key.\n\nA value.",
    ],
    [
      "a $ref cycle ends",
      doc({ Node: { description: "A node.", type: "object", properties: { child: { description: "Its child.", ...ref("Node") } } } }),
      "/components/schemas/Node/properties/child",
      "Its child.\n\nA node.",
    ],
    [
      "a component schema's own description is left as it is",
      doc({ Status: { description: "Ours.", enum: ["a"] }, Row: { description: "Row.", allOf: [ref("Status")] } }),
      "/components/schemas/Row",
      "Row.",
    ],
    [
      "a request body: its description, then its schema's, without the sentences it has",
      doc(
        { Req: { description: "Fields to change. At least one field.", ...ref("Base") }, Base: { description: "Strict form.", type: "object" } },
        { paths: { "/x": { patch: { requestBody: { description: "At least one field.", content: { "application/json": { schema: ref("Req") } } }, responses: {} } } } },
      ),
      "/paths/~1x/patch/requestBody",
      "At least one field.\n\nFields to change.\n\nStrict form.",
    ],
    [
      "a shared response, each media type's schema",
      doc(
        { Problem: { description: "Problem details.", type: "object" }, Plain: { description: "Plain text.", type: "string" } },
        { components: { responses: { Bad: { description: "Bad.", content: { "application/problem+json": { schema: ref("Problem") }, "text/plain": { schema: ref("Plain") } } } } } },
      ),
      "/components/responses/Bad",
      "Bad.\n\nProblem details.\n\nPlain text.",
    ],
    [
      "a response given by $ref in an operation is extended where it is defined, not at the $ref",
      doc(
        { Problem: { description: "Problem details.", type: "object" } },
        { paths: { "/x": { get: { responses: { 400: { $ref: "#/components/responses/Bad" } } } } }, components: { responses: { Bad: { description: "Bad.", content: { "application/json": { schema: ref("Problem") } } } } } },
      ),
      "/paths/~1x/get/responses/400",
      undefined,
    ],
    [
      "a parameter: its description, then its schema's",
      doc({ Uuid: { description: "Canonical form.", type: "string" } }, { components: { parameters: { Id: { name: "id", in: "path", required: true, description: "The id.", schema: ref("Uuid") } } } }),
      "/components/parameters/Id",
      "The id.\n\nCanonical form.",
    ],
  ])("%s", (_what, input, pointer, expected) => {
    const before = JSON.stringify(input);
    const out = withSchemaDescriptions(input);
    expect(JSON.stringify(input)).toBe(before);
    const at = pointer.split("/").slice(1).reduce((node: Json, key) => node[key.replace(/~1/g, "/")], out);
    expect(at.description).toBe(expected);
  });

  it("the bundle's copy differs in descriptions only, and the same way on every run", () => {
    const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
    const text = JSON.stringify(spec);
    const out = withSchemaDescriptions(spec);
    expect(JSON.stringify(spec)).toBe(text);
    expect(JSON.stringify(withSchemaDescriptions(spec))).toBe(JSON.stringify(out));
    const changed: string[] = [];
    const compare = (a: Json, b: Json, at: string) => {
      if (a === null || typeof a !== "object") {
        if (a !== b) throw new Error(`${at} changed`);
        return;
      }
      expect(Object.keys(b).filter((k) => k !== "description").sort(), at).toEqual(Object.keys(a).filter((k) => k !== "description").sort());
      for (const key of Object.keys(a)) {
        if (key === "description" && typeof a[key] === "string") {
          if (a[key] !== b[key]) {
            // What was there stays first.
            expect(b[key].startsWith(`${a[key]}\n\n`), `${at}/description`).toBe(true);
            changed.push(`${at}`);
          }
        } else compare(a[key], b[key], `${at}/${key}`);
      }
      for (const key of Object.keys(b)) if (!(key in a) && key === "description") changed.push(`${at} (added)`);
    };
    compare(spec, out, "#");
    expect(changed).toContain("#/components/schemas/ConversationRow/properties/status");
    expect(changed).toContain("#/components/schemas/ConversationRow/properties/channel");
    expect(changed).toContain("#/components/responses/BadRequest");
    expect(out.components.schemas.ConversationRow.properties.channel.description).toBe(
      `${spec.components.schemas.ConversationRow.properties.channel.description}\n\n${spec.components.schemas.Channel.description}`,
    );
  });
});
