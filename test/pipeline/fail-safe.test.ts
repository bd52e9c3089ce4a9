// The pipeline fails safely: fed a broken spec (or failing part-way through its write), it exits
// non-zero with ONE line naming file, line:col and rule — no stack trace — and leaves the output
// folder byte-for-byte as it was, with no temporary folder left next to it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../property/spec.js";
import { flushCounts, tally } from "../reliability/counts.js";
import { differences, generate, lineOf, removeWorkspace, snapshot, workspace, type Run, type Workspace } from "./harness.js";

afterAll(() => flushCounts(import.meta.url));

/** Generous: a pipeline run takes ~3 s alone, far longer on a loaded 2-core machine. Not a timing assertion. */
const SLOW = 180_000;

const LINE = /^generate: (?<file>[^\s:]+):(?<line>\d+)(?::(?<col>\d+))? \[(?<rule>[^\]\s]+)\] (?<message>\S.*)$/;

interface Case {
  name: string;
  file: string;
  change: (text: string) => string;
  /** Text on the broken line, to check the reported line number. */
  at?: string;
  /** A YAML parser reports where it noticed the error: at most this many lines after it. */
  slack?: number;
  rule: RegExp;
}

const CASES: Case[] = [
  { name: "invalid YAML", file: "components/schemas/ConversationStatus.yaml", change: (t) => t.replace("  - draft", "  - [draft"), at: "[draft", slack: 1, rule: /^yaml$/ },
  { name: "invalid YAML in the root file", file: "openapi.yaml", change: (t) => t.replace(/^( {2}version: )/m, "$1["), at: "version: [", slack: 1, rule: /^yaml$/ },
  { name: "a dangling $ref", file: "components/schemas/ConversationRow.yaml", change: (t) => t.replace("$ref: Uuid.yaml", "$ref: Missing.yaml"), at: "Missing.yaml", rule: /unresolved-ref/ },
  { name: "an unknown keyword AJV strict mode rejects (example)", file: "components/schemas/UnreadCount.yaml", change: (t) => `${t}example: 3\n`, at: "example: 3", rule: /example|ajv\/strict/ },
  { name: "an unknown keyword AJV strict mode rejects (exclusiveMinimum: true, OpenAPI 3.0 style)", file: "components/schemas/UnreadCount.yaml", change: (t) => `${t}exclusiveMinimum: true\n`, rule: /./ },
  // AJV's "unknown keyword" message names no schema: it was located at the first schema compiled.
  { name: "an OpenAPI-only keyword AJV strict mode rejects (xml), in a schema others $ref", file: "components/schemas/Uuid.yaml", change: (t) => `${t}xml:\n  name: id\n`, at: "xml:", rule: /^ajv\/strict$/ },
  { name: "an OpenAPI-only keyword AJV strict mode rejects (xml), on a property", file: "components/schemas/UpdateThreadRequest.yaml", change: (t) => t.replace("    x-puffle-transform: lowercase\n", "    x-puffle-transform: lowercase\n    xml:\n      name: e\n"), at: "    xml:", rule: /^ajv\/strict$/ },
  { name: "a keyword on the wrong type (minimum on a string)", file: "components/schemas/Uuid.yaml", change: (t) => t.replace("format: uuid", "format: uuid\nminimum: 1"), rule: /ajv\/strict/ },
  { name: "an unknown format", file: "components/schemas/Uuid.yaml", change: (t) => t.replace("format: uuid", "format: uuidish"), at: "uuidish", rule: /unknown-format/ },
  { name: "a duplicate operationId", file: "paths/api_threads_{id}.yaml", change: (t) => t.replace("operationId: updateThread", "operationId: updateConversation"), rule: /operationId-unique/ },
  // Their readers look an extension up by name: a typo would drop the behaviour it describes without a word.
  { name: "a misspelt extension (x-puffle-normalise)", file: "components/schemas/UpdateThreadRequest.yaml", change: (t) => t.replace("x-puffle-normalize:\n", "x-puffle-normalise:\n"), at: "x-puffle-normalise:", rule: /^puffle\/known-extensions$/ },
  { name: "a misspelt extension (x-puffle-behavior)", file: "paths/api_threads_{id}.yaml", change: (t) => t.replace("x-puffle-behaviour:", "x-puffle-behavior:"), at: "x-puffle-behavior:", rule: /^puffle\/known-extensions$/ },
  { name: "a misspelt extension (x-puffle-transfrom)", file: "components/schemas/UpdateThreadRequest.yaml", change: (t) => t.replace("x-puffle-transform:", "x-puffle-transfrom:"), at: "x-puffle-transfrom:", rule: /^puffle\/known-extensions$/ },
  { name: "an extension where it is not read (x-puffle-transform on an operation)", file: "paths/api_threads_{id}.yaml", change: (t) => t.replace("  operationId: updateThread\n", "  operationId: updateThread\n  x-puffle-transform: lowercase\n"), at: "x-puffle-transform: lowercase", rule: /^puffle\/known-extensions$/ },
  { name: "an extension where it is not read (x-puffle-behaviour on a schema)", file: "components/schemas/UnreadCount.yaml", change: (t) => `${t}x-puffle-behaviour:\n  idempotent: true\n`, at: "x-puffle-behaviour:", rule: /^puffle\/known-extensions$/ },
  // Values the extensions' readers check (their members' names are checked too).
  { name: "x-puffle-normalize's emptyStatus not a 4xx", file: "components/schemas/UpdateThreadRequest.yaml", change: (t) => t.replace("  emptyStatus: 400", "  emptyStatus: 500"), at: "x-puffle-normalize:", slack: 6, rule: /^puffle\/x-puffle-normalize$/ },
  { name: "x-puffle-behaviour's notOwnedStatus other than the 404 the server answers (not even a documented response)", file: "paths/api_threads_{id}.yaml", change: (t) => t.replace("notOwnedStatus: 404", "notOwnedStatus: 418"), at: "notOwnedStatus: 418", rule: /^puffle\/supported-shape$/ },
  { name: "x-puffle-behaviour's maxBodyBytes 0 (the reference server could not start)", file: "paths/api_threads_{id}.yaml", change: (t) => t.replace("maxBodyBytes: 1048576", "maxBodyBytes: 0"), at: "maxBodyBytes: 0", rule: /^puffle\/x-puffle-behaviour$/ },
  { name: "a response property's x-puffle-transform", file: "components/schemas/ConversationRow.yaml", change: (t) => t.replace("\n  participant_linkedin_url:\n", "\n    x-puffle-transform: lowercase\n  participant_linkedin_url:\n"), at: "x-puffle-transform: lowercase", rule: /^puffle\/x-puffle-transform$/ },
  // meta.js holds each request field's schema inlined: the error named neither file nor field ("(spec) [puffle/meta] schema nesting deeper than 32").
  { name: "a recursive request field (a $ref back to its own component)", file: "components/schemas/DraftAttachment.yaml", change: (t) => `${t}properties:\n  parts:\n    type: array\n    description: Nested parts.\n    items:\n      $ref: DraftAttachment.yaml\n`, at: "$ref: DraftAttachment.yaml", rule: /^puffle\/meta$/ },
  // validators.js and meta.js write the spec's objects as literals, where `"__proto__": x` sets the
  // prototype: this member vanished from meta.js (and an enum's or const's object value from the check).
  { name: "a key named __proto__ in data the generated code carries (an extension value)", file: "components/schemas/UpdateThreadRequest.yaml", change: (t) => t.replace("  participant_name:\n    type: string\n", "  participant_name:\n    type: string\n    x-note:\n      __proto__:\n        shown: true\n"), at: "__proto__:", rule: /^puffle\/proto-key$/ },
  // The CLI's --help shows descriptions, summaries and enum values as they are, and reviewers read
  // them in generated diffs: a terminal escape or a bidi override (Trojan Source) went through.
  { name: "a terminal escape in a description", file: "components/schemas/UnreadCount.yaml", change: (t) => t.replace("description: >-\n  The unread counter", 'description: "\\e[2J\\e[31mThe unread counter"\nx-was: >-\n  The unread counter'), at: "\\e[2J", rule: /^puffle\/unsafe-text$/ },
  { name: "a bidi override in an enum value", file: "components/schemas/ConversationStatus.yaml", change: (t) => t.replace("  - draft\n", '  - draft\n  - "lived\\u202eeta"\n'), at: "lived", rule: /^puffle\/unsafe-text$/ },
  { name: "a bidi isolate in a description", file: "components/schemas/UnreadCount.yaml", change: (t) => t.replace("description: >-\n  The unread counter", 'description: "\\u2067The unread counter\\u2069"\nx-was: >-\n  The unread counter'), at: "\\u2067", rule: /^puffle\/unsafe-text$/ },
  { name: "a C1 control in a summary", file: "paths/api_threads_{id}.yaml", change: (t) => t.replace(/^( {2}summary: )(.*)$/m, '$1"$2\\u009b2J"'), at: "\\u009b", rule: /^puffle\/unsafe-text$/ },
  { name: "an example that contradicts its schema", file: "components/examples/MarkReadRequest.yaml", change: (t) => t.replace("unread_count: 0", "unread_count: -1"), at: "unread_count: -1", rule: /invalid-media-type-examples/ },
];

function expectUntouched(ws: Workspace, before: ReturnType<typeof snapshot>): void {
  const after = snapshot(ws.out);
  expect(differences(before.files, after.files)).toEqual([]);
  expect(after.siblings).toEqual(before.siblings);
}

/** The output is what generate writes for the repository's spec, and nothing is left beside it. */
function expectFreshOutput(ws: Workspace): void {
  const after = snapshot(ws.out);
  expect(differences(after.files, snapshot(path.join(repoRoot, "generated")).files)).toEqual([]);
  expect(after.siblings).toEqual(["generated"]);
}

function oneLine(run: Run): string {
  expect(run.status).not.toBe(0);
  expect(run.status).not.toBeNull();
  const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at\s/m);
  return lines[0]!;
}

describe("a broken spec: non-zero exit, one located message, output untouched", () => {
  // Sequential on purpose: each case spawns the whole pipeline, and CI has 2 cores.
  it.each(CASES)("$name", (c) => {
    const ws = workspace();
    try {
      ws.edit(c.file, c.change);
      const before = snapshot(ws.out);
      const run = generate(ws);
      tally("pipeline: broken specs fail safely", "broken specs");
      const line = oneLine(run);
      const m = LINE.exec(line);
      expect(m, line).not.toBeNull();
      expect(m!.groups!.rule).toMatch(c.rule);
      expect(Number(m!.groups!.line)).toBeGreaterThan(0);
      expect(m!.groups!.file).toBe(`openapi/${c.file}`);
      if (c.at) {
        const broken = lineOf(fs.readFileSync(ws.file(c.file), "utf8"), c.at);
        expect(Number(m!.groups!.line), line).toBeGreaterThanOrEqual(broken);
        expect(Number(m!.groups!.line), line).toBeLessThanOrEqual(broken + (c.slack ?? 0));
      }
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  // Regression: a strictTypes error inside a schema reached through a $ref was located at the
  // referring component's first line (`Conversation.yaml:1:1`), because AJV names the schema
  // "urn:puffle:schema:ConversationRowurn:puffle:schema:Uuid". It must name Uuid.yaml and the `minimum` line.
  it("a keyword on the wrong type is located at its own file and line", () => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/Uuid.yaml", (t) => t.replace("format: uuid", "format: uuid\nminimum: 1"));
      const m = LINE.exec(oneLine(generate(ws)));
      expect(m!.groups!.file).toBe("openapi/components/schemas/Uuid.yaml");
      expect(Number(m!.groups!.line)).toBe(lineOf(fs.readFileSync(ws.file("components/schemas/Uuid.yaml"), "utf8"), "minimum: 1"));
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

// Redocly names no file and no line for these: a `$ref` cycle ("Self-referencing circular pointer",
// and for some cycles a stack trace from its other rejections) and a root file that is not a mapping.
describe("a broken spec Redocly does not locate: located all the same", () => {
  const cycle = "a $ref that leads back to itself";
  const root = "the root file must be a mapping (openapi, info, paths, …), got";
  const cases: [string, { files: Record<string, string>; want: string }][] = [
    ["a component that is a $ref to itself", { files: { "components/schemas/Uuid.yaml": "$ref: Uuid.yaml\n" }, want: `components/schemas/Uuid.yaml:1:1 [circular-ref] ${cycle}: components/schemas/Uuid.yaml → components/schemas/Uuid.yaml` }],
    [
      "two components that are $refs to each other",
      { files: { "components/schemas/Uuid.yaml": "$ref: UnreadCount.yaml\n", "components/schemas/UnreadCount.yaml": "description: x\n$ref: Uuid.yaml\n" }, want: `components/schemas/UnreadCount.yaml:2:1 [circular-ref] ${cycle}: components/schemas/UnreadCount.yaml → components/schemas/Uuid.yaml → components/schemas/UnreadCount.yaml` },
    ],
    [
      "two properties that are $refs to each other (a stack trace before)",
      {
        files: { "components/schemas/Uuid.yaml": 'type: object\nproperties:\n  a:\n    $ref: "#/properties/b"\n  b:\n    $ref: "#/properties/a"\n' },
        want: `components/schemas/Uuid.yaml:4:5 [circular-ref] ${cycle}: components/schemas/Uuid.yaml#/properties/a → components/schemas/Uuid.yaml#/properties/b → components/schemas/Uuid.yaml#/properties/a`,
      },
    ],
    ["an empty root file", { files: { "openapi.yaml": "" }, want: `openapi.yaml:1:1 [yaml] ${root} an empty file` }],
    ["a root file of comments only", { files: { "openapi.yaml": "# the spec\n" }, want: `openapi.yaml:1:1 [yaml] ${root} an empty file` }],
    ["a root file that is a list", { files: { "openapi.yaml": "- openapi: 3.1.0\n" }, want: `openapi.yaml:1:1 [yaml] ${root} a list` }],
    ["a root file that is null", { files: { "openapi.yaml": "null\n" }, want: `openapi.yaml:1:1 [yaml] ${root} null` }],
  ];
  it.each(cases)("%s", (_name, { files, want }) => {
    const ws = workspace();
    try {
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(ws.file(file), text);
      const before = snapshot(ws.out);
      const run = generate(ws);
      tally("pipeline: broken specs fail safely", "broken specs");
      expect(oneLine(run)).toBe(`generate: openapi/${want}`);
      expect(run.stderr).not.toMatch(/Warning/);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

// The Redocly config (--config) was passed to Redocly as it was: one it could not read, parse or
// load ended generate with Redocly's stack trace, and one it loaded with a problem Redocly's CLI
// reports (an unknown rule, a severity that is none, a list) was ignored, the spec linted without it.
describe("a broken Redocly config: non-zero exit, one located message, output untouched", () => {
  const loaded = "the Redocly config cannot be loaded:";
  const cases: [string, { config: string | null | "folder"; files?: Record<string, string>; want: string }][] = [
    ["a config that does not exist", { config: null, want: "redocly.yaml [puffle/config] config file not found" }],
    ["a folder", { config: "folder", want: `redocly.yaml [puffle/config] ${loaded} Expected a file but received a folder at ` }],
    ["invalid YAML", { config: "rules: [\n", want: `redocly.yaml:2:1 [yaml] ${loaded} ` }],
    ["an extends that names no config", { config: "extends:\n  - recommended-strictest\n", want: `redocly.yaml [puffle/config] ${loaded} Invalid config recommended-strictest: there is no such built-in config.` }],
    ["a plugin that is not there", { config: "plugins:\n  - ./missing-plugin.mjs\n", want: `redocly.yaml [puffle/config] ${loaded} Plugin "./missing-plugin.mjs" not found.` }],
    ["a plugin that does not load (its own stack trace in Redocly's message)", { config: "plugins:\n  - ./broken-plugin.mjs\n", files: { "broken-plugin.mjs": "export default (\n" }, want: `redocly.yaml [puffle/config] ${loaded} Failed to load plugin ` }],
    ["an unknown rule", { config: "extends:\n  - recommended\nrules:\n  no-such-rule: error\n", want: "redocly.yaml:4:3 [puffle/config] Property `no-such-rule` is not expected here." }],
    ["a severity that is none", { config: "extends:\n  - recommended\nrules:\n  no-unused-components: fatal\n", want: 'redocly.yaml:4:25 [puffle/config] `no-unused-components` can be one of the following only: "error", "warn", "off".' }],
    ["a list", { config: "- recommended\n", want: "redocly.yaml:1:1 [puffle/config] Expected type `ConfigRoot` (object) but got `array`" }],
  ];
  it.each(cases)("%s", (_name, { config, files = {}, want }) => {
    const ws = workspace();
    try {
      fs.rmSync(ws.config);
      if (config === "folder") fs.mkdirSync(ws.config);
      else if (config !== null) fs.writeFileSync(ws.config, config);
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(ws.dir, file), text);
      const before = snapshot(ws.out);
      const run = generate(ws);
      const line = oneLine(run);
      expect(line.startsWith(`generate: ${want}`), line).toBe(true);
      expect(run.status).toBe(1);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

describe("an extension member left out", () => {
  // Retrying is safe only where the spec says so: without `idempotent: true` the client must not retry.
  it("an operation without x-puffle-behaviour.idempotent is not idempotent in meta.js's routes", async () => {
    const ws = workspace();
    try {
      ws.edit("paths/api_threads_{id}.yaml", (t) => t.replace("    idempotent: true\n", ""));
      const run = generate(ws);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const meta = fs.readFileSync(path.join(ws.out, "meta.js"), "utf8");
      const routes = meta.slice(meta.indexOf("export const routes"));
      expect(routes).toMatch(/"updateThread": \{\s*"method": "PATCH",\s*"path": "[^"]*",\s*"idempotent": false,\s*"pathExamples"/);
      expect(routes).toMatch(/"updateConversation": \{\s*"method": "PATCH",\s*"path": "[^"]*",\s*"idempotent": true,\s*"pathExamples"/);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

describe("a spec file that is not UTF-8 fails at its first bad byte", () => {
  // Redocly decodes it without complaint (U+FFFD), which went on into every generated file.
  const cases: [string, { bytes: (text: Buffer) => Buffer; line: number; col: number; byte: string }][] = [
    ["Latin-1 é in a description", { bytes: (b) => Buffer.from(b.toString("latin1").replace("The unread counter", "The caf\u00e9 unread counter"), "latin1"), line: 3, col: 10, byte: "0xe9" }],
    ["a stray continuation byte", { bytes: (b) => Buffer.concat([b, Buffer.from("# x\x80\n", "latin1")]), line: 7, col: 4, byte: "0x80" }],
  ];
  it.each(cases)("%s", (_name, { bytes, line, col, byte }) => {
    const ws = workspace();
    try {
      const file = ws.file("components/schemas/UnreadCount.yaml");
      fs.writeFileSync(file, bytes(fs.readFileSync(file)));
      const before = snapshot(ws.out);
      const m = LINE.exec(oneLine(generate(ws)));
      expect(m).not.toBeNull();
      expect(m!.groups).toMatchObject({ file: "openapi/components/schemas/UnreadCount.yaml", line: String(line), col: String(col), rule: "puffle/encoding" });
      expect(m!.groups!.message).toContain(`byte ${byte}`);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it("a U+FFFD written as UTF-8 is text like any other", () => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/UnreadCount.yaml", (t) => t.replace("The unread counter", "The \uFFFD unread counter"));
      const run = generate(ws);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(fs.readFileSync(path.join(ws.out, "openapi.json"), "utf8")).toContain("The \uFFFD unread counter");
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

// A spec edit that CI regenerates must not make the pipeline fetch a URL (a server that never
// answers hung it; one that did had its document bundled into generated/) or read a file outside
// the spec's folder (any file the job can read, a credentials JSON, was bundled when it parsed as a
// schema). Refused at the `$ref`, before anything is read.
describe("a $ref out of the spec's folder is refused at the $ref, never fetched or read", () => {
  const OUTSIDE = "type: string\nformat: uuid\ndescription: from outside the spec's folder\n";
  const cases: [string, { files?: Record<string, string>; symlink?: [string, string]; ref: string; want: RegExp }][] = [
    ["an http URL (a closed loopback port)", { ref: '"http://127.0.0.1:9/Uuid.yaml"', want: /http:\/\/127\.0\.0\.1:9\/Uuid\.yaml is a URL: URLs are never fetched/ }],
    ["an https URL", { ref: '"https://127.0.0.1:9/Uuid.yaml#/x"', want: /https:\/\/127\.0\.0\.1:9\/Uuid\.yaml is a URL/ }],
    ["a file: URL", { ref: '"file:///etc/hostname"', want: /file:\/\/\/etc\/hostname is a URL/ }],
    ["an absolute path (/etc/passwd)", { ref: "/etc/passwd", want: /\/etc\/passwd is outside it/ }],
    ["a schema file beside openapi/ (bundled before)", { files: { "../outside.yaml": OUTSIDE }, ref: "../../../outside.yaml", want: /outside\.yaml is outside it/ }],
    ["a symlink inside openapi/ to a file outside it", { files: { "../outside.yaml": OUTSIDE }, symlink: ["components/schemas/Link.yaml", "../../../outside.yaml"], ref: "Link.yaml", want: /Link\.yaml is outside it/ }],
  ];
  it.each(cases)("%s", (_name, { files = {}, symlink, ref, want }) => {
    const ws = workspace();
    try {
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(ws.file(file), text);
      if (symlink) fs.symlinkSync(symlink[1], ws.file(symlink[0]));
      ws.edit("components/schemas/ConversationRow.yaml", (t) => t.replace("$ref: Uuid.yaml", `$ref: ${ref}`));
      const before = snapshot(ws.out);
      const line = oneLine(generate(ws));
      const m = LINE.exec(line);
      expect(m, line).not.toBeNull();
      expect(m!.groups).toMatchObject({ file: "openapi/components/schemas/ConversationRow.yaml", rule: "no-unresolved-refs" });
      expect(Number(m!.groups!.line)).toBe(lineOf(fs.readFileSync(ws.file("components/schemas/ConversationRow.yaml"), "utf8"), `$ref: ${ref}`));
      expect(m!.groups!.message).toMatch(/a \$ref must name a file inside the spec's folder/);
      expect(m!.groups!.message).toMatch(want);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

// With more than one problem, the line names the first and says how to find the others: the
// refused $refs (and the unsafe-text check) are npm run generate's own; npm run lint:openapi,
// Redocly's CLI, fetches a URL $ref and reports nothing for them.
it("several refused $refs: the first, and where the others are reported", () => {
  const ws = workspace();
  try {
    ws.edit("components/schemas/ConversationRow.yaml", (t) => t.replaceAll("$ref: Uuid.yaml", '$ref: "http://127.0.0.1:9/Uuid.yaml"'));
    const line = oneLine(generate(ws));
    expect(line).toMatch(/is a URL: URLs are never fetched \(and \d+ more problems?: `npm run generate` reports the next once this one is fixed; `npm run lint:openapi` lists Redocly's own\)$/);
  } finally {
    removeWorkspace(ws);
  }
}, SLOW);

// YAML aliases share one parsed node; every step after the parse walks or copies it once per alias.
// Eight levels of ten aliases each (a "billion laughs" of 10^8 nodes in 8 lines) ran lint out of
// memory: a V8 crash with its native stack trace after ~40 s. A few aliases are fine.
// The bidirectional marks (LRM U+200E, RLM U+200F, ALM U+061C) reorder nothing: writers of Hebrew or
// Arabic text put them where mixed-direction text would otherwise display wrongly (UTS #55 allows
// them). Only the overrides, embeddings and isolates are refused (above).
describe("text in a right-to-left language, with its direction marks", () => {
  it("generates, the marks kept as they are", () => {
    const ws = workspace();
    try {
      const text = "\u05de\u05d5\u05e0\u05d4 \u05e9\u05dc API\u200f, \u0639\u062f\u0627\u062f\u061c (LRM\u200e)";
      ws.edit("components/schemas/UnreadCount.yaml", (t) => t.replace("description: >-\n  The unread counter", `description: ${JSON.stringify(text)}\nx-was: >-\n  The unread counter`));
      const run = generate(ws);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const doc = JSON.parse(fs.readFileSync(path.join(ws.out, "openapi.json"), "utf8"));
      expect(doc.components.schemas.UnreadCount.description).toBe(text);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

describe("YAML aliases that repeat a file's nodes past the bound are refused at the first alias", () => {
  const bomb = (levels: number) => {
    let text = 'x-bomb-0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i <= levels; i++) text += `x-bomb-${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
    return text;
  };
  const cases: [string, { file: string; text: (t: string) => string; want: RegExp }][] = [
    ["a billion laughs in a component file", { file: "components/schemas/UnreadCount.yaml", text: (t) => `${t}${bomb(8)}`, want: /^Failed to parse: YAML aliases here repeat more than 100000 nodes/ }],
    ["a billion laughs in the root file", { file: "openapi.yaml", text: (t) => `${t}${bomb(8)}`, want: /^YAML aliases here repeat more than 100000 nodes/ }],
    ["an alias inside its own anchor (a cycle)", { file: "components/schemas/UnreadCount.yaml", text: (t) => `${t}x-loop: &loop\n  self: *loop\n`, want: /YAML aliases here repeat more than 100000 nodes/ }],
  ];
  it.each(cases)("%s", (_name, { file, text, want }) => {
    const ws = workspace();
    try {
      fs.writeFileSync(ws.file(file), text(fs.readFileSync(ws.file(file), "utf8")));
      const before = snapshot(ws.out);
      // A bounded heap: without the bound, the run that fails fails in seconds, not minutes.
      const line = oneLine(generate(ws, { env: { NODE_OPTIONS: "--max-old-space-size=512" } }));
      const m = LINE.exec(line);
      expect(m, line).not.toBeNull();
      expect(m!.groups).toMatchObject({ file: `openapi/${file}`, rule: "yaml" });
      const firstAlias = fs.readFileSync(ws.file(file), "utf8").split("\n").findIndex((l) => /\*a0\b|self: \*/.test(l)) + 1;
      expect(Number(m!.groups!.line), line).toBe(firstAlias);
      expect(m!.groups!.message).toMatch(want);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it("a few aliases generate as if written out", () => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/UnreadCount.yaml", (t) => `${t}x-shared: &shared\n  a: 1\n  b: [1, 2]\nx-again: *shared\n`);
      const run = generate(ws);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const doc = JSON.parse(fs.readFileSync(path.join(ws.out, "openapi.json"), "utf8"));
      expect(doc.components.schemas.UnreadCount["x-again"]).toEqual({ a: 1, b: [1, 2] });
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

// Two components whose names differ only in case or punctuation got one generated name: with
// Unread-Count and Unread_Count, validators.js exported one validateUnread_Count for both
// (schemas["Unread-Count"] checked Unread_Count's schema) and validators.d.ts declared it twice
// (TS2451); schema.d.ts's root type UnreadCount named whichever came last.
describe("component schema names OpenAPI refuses, or that differ only in case or punctuation, are refused", () => {
  const copyAs = (ws: Workspace, name: string, maximum: string) =>
    fs.writeFileSync(ws.file(`components/schemas/${name}.yaml`), fs.readFileSync(ws.file("components/schemas/UnreadCount.yaml"), "utf8").replace("maximum: 9007199254740991", `maximum: ${maximum}`));
  const cases: [string, { names: [string, string]; want: { file: string; message: RegExp } }][] = [
    ["Unread_Count beside UnreadCount", { names: ["Unread_Count", "UnreadCount"], want: { file: "Unread_Count", message: /component schema Unread_Count differs from UnreadCount only in case or punctuation/ } }],
    // Redocly checks this rule of OpenAPI's only for components written in the root file; the bundle names the others after their files.
    // (A space gave AJV's "URN without nid cannot be serialized"; LINE reads file names without one.)
    ["a component file whose name is no component name (a +)", { names: ["Unread+Count", "UnreadCount"], want: { file: "Unread+Count", message: /component schema name "Unread\+Count" \(its file's name\) must match .* as OpenAPI requires of component names/ } }],
    ["a component file named with a backtick and ${", { names: ["Un`${x}`", "UnreadCount"], want: { file: "Un`${x}`", message: /component schema name "Un`\$\{x\}`"/ } }],
    ["unreadCount beside UnreadCount (one root type for both)", { names: ["unreadCount", "UnreadCount"], want: { file: "unreadCount", message: /component schema unreadCount differs from UnreadCount only/ } }],
  ];
  it.each(cases)("%s", (_name, { names, want }) => {
    const ws = workspace();
    try {
      for (const [i, name] of names.entries()) if (name !== "UnreadCount") copyAs(ws, name, String(9007199254740990 - i));
      const users = ["components/schemas/UpdateThreadRequest.yaml", "components/schemas/UpdateConversationRequest.yaml"];
      for (const [i, name] of names.entries()) if (name !== "UnreadCount") ws.edit(users[i]!, (t) => t.replace("$ref: UnreadCount.yaml", `$ref: ${name}.yaml`));
      const before = snapshot(ws.out);
      const line = oneLine(generate(ws));
      const m = LINE.exec(line);
      expect(m, line).not.toBeNull();
      expect(m!.groups).toMatchObject({ file: `openapi/components/schemas/${want.file}.yaml`, line: "1", rule: "puffle/names" });
      expect(m!.groups!.message).toMatch(want.message);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

describe("a spec broken for lint and for a later step reports the lint problem", () => {
  // Lint (its problem names the rule to fix) comes before the validators step, which would fail too
  // here (AJV strict mode): with the types step on its worker thread and in process alike.
  it.each([["types on a worker thread", {}], ["every step in process", { PUFFLE_GENERATE_THREADS: "0" }]] as const)("%s", (_name, env) => {
    const ws = workspace();
    try {
      ws.edit("components/schemas/Uuid.yaml", (t) => t.replace("format: uuid", "format: uuid\nminimum: 1"));
      ws.edit("paths/api_threads_{id}.yaml", (t) => t.replace("operationId: updateThread", "operationId: updateConversation"));
      const before = snapshot(ws.out);
      const m = LINE.exec(oneLine(generate(ws, { env })));
      expect(m!.groups!.rule).toMatch(/operationId-unique/);
      expect(m!.groups!.file).toBe("openapi/paths/api_threads_{id}.yaml");
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

describe("a failure part-way through writing leaves the output untouched", () => {
  // Injected with PUFFLE_GENERATE_FAIL_AFTER_WRITE=1: the new files are all written (to the
  // temporary folder next to the output), then the run fails before the swap. A read-only folder
  // cannot inject this under root — root ignores permission bits (CAP_DAC_OVERRIDE), and the tests
  // run as root in CI — so the chmod variant below runs only for an unprivileged user.
  it("after every file is written, before the swap", () => {
    const ws = workspace();
    try {
      const before = snapshot(ws.out);
      const run = generate(ws, { env: { PUFFLE_GENERATE_FAIL_AFTER_WRITE: "1" } });
      tally("pipeline: write failures leave generated/ as it was", "faults injected");
      const line = oneLine(run);
      expect(line).toContain(ws.out);
      expect(line).toMatch(/left as it was/);
      expectUntouched(ws, before);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it.skipIf(process.getuid?.() === 0)("a read-only parent folder (unprivileged users only)", () => {
    const ws = workspace();
    const parent = path.dirname(ws.out);
    try {
      const before = snapshot(ws.out);
      fs.chmodSync(parent, 0o555);
      const run = generate(ws);
      fs.chmodSync(parent, 0o755);
      tally("pipeline: write failures leave generated/ as it was", "faults injected");
      oneLine(run);
      expectUntouched(ws, before);
    } finally {
      fs.chmodSync(parent, 0o755);
      removeWorkspace(ws);
    }
  }, SLOW);
});

/**
 * Runs generate as an unprivileged user, where permission bits apply: as it is when not root; when
 * root (CI), as nobody (uid 65534) through setpriv, the workspace handed over to it. Null when
 * neither can be done (root without setpriv, or a repository nobody may read).
 */
function unprivileged(ws: Workspace): ((env?: Record<string, string>) => Run) | null {
  if (process.getuid?.() !== 0) return (env = {}) => generate(ws, { env });
  const as = ["--reuid=65534", "--regid=65534", "--clear-groups"];
  const probe = spawnSync("setpriv", [...as, process.execPath, path.join(repoRoot, "scripts/generate.mjs"), "--no-such-option"], { encoding: "utf8" });
  if (probe.status !== 2) return null;
  const chown = (p: string) => {
    fs.lchownSync(p, 65534, 65534);
    if (fs.lstatSync(p).isDirectory()) for (const name of fs.readdirSync(p)) chown(path.join(p, name));
  };
  chown(ws.dir);
  return (env = {}) => {
    const r = spawnSync("setpriv", [...as, process.execPath, path.join(repoRoot, "scripts/generate.mjs"), "--spec", ws.spec, "--config", ws.config, "--out", ws.out], {
      cwd: ws.dir,
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 120_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

describe("between the two renames of the swap (PUFFLE_GENERATE_IN_SWAP), or while the new output is written (PUFFLE_GENERATE_IN_WRITE)", () => {
  // A signal there, when the output folder is away: by the default action the process ended
  // there, with no output folder and .generated.new-* and .generated.old-* left beside it. Caught,
  // it was then lost: the run ended with 0 as if never interrupted (its code is 128 + the signal).
  it.each([
    ["PUFFLE_GENERATE_IN_SWAP", "SIGINT", 130],
    ["PUFFLE_GENERATE_IN_SWAP", "SIGTERM", 143],
    ["PUFFLE_GENERATE_IN_WRITE", "SIGINT", 130],
  ])("%s=%s: the output complete, nothing beside it, exit %i", (hook, signal, code) => {
    const ws = workspace();
    try {
      fs.appendFileSync(path.join(ws.out, "README.md"), "a hand edit generate undoes\n");
      const run = generate(ws, { env: { [hook]: signal, PUFFLE_GENERATE_THREADS: "0" } });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(code);
      expectFreshOutput(ws);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  // Killed outright there, the run leaves no output folder and its two folders beside it: the next
  // run wrote generated/ again, but left them for good (an old copy of the output in one).
  it("SIGKILL: its folders left; the next run writes the output and removes them, a running process's kept", () => {
    const ws = workspace();
    try {
      fs.appendFileSync(path.join(ws.out, "README.md"), "a hand edit generate undoes\n");
      const killed = generate(ws, { env: { PUFFLE_GENERATE_IN_SWAP: "SIGKILL", PUFFLE_GENERATE_THREADS: "0" } });
      expect(killed.status).toBe(null);
      const left = fs.readdirSync(path.dirname(ws.out)).sort();
      expect(left).toEqual([expect.stringMatching(/^\.generated\.new-\d+-\w{6}$/), expect.stringMatching(/^\.generated\.old-\d+-\w{6}$/)]);
      const live = `.generated.new-${process.pid}-abcdef`;
      fs.mkdirSync(path.join(path.dirname(ws.out), live));
      const run = generate(ws, { env: { PUFFLE_GENERATE_THREADS: "0" } });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
      const after = snapshot(ws.out);
      expect(differences(after.files, snapshot(path.join(repoRoot, "generated")).files)).toEqual([]);
      expect(after.siblings).toEqual([live, "generated"]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  // Two runs in one folder at once: the other's output came into place there, so the rename
  // failed (ENOTEMPTY), then the restore too, and the previous output was left as .generated.old-*.
  it("another run's output coming into place: set aside too, the output written, nothing beside it", () => {
    const ws = workspace();
    try {
      fs.appendFileSync(path.join(ws.out, "README.md"), "a hand edit generate undoes\n");
      const run = generate(ws, { env: { PUFFLE_GENERATE_IN_SWAP: "race", PUFFLE_GENERATE_THREADS: "0" } });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expectFreshOutput(ws);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});

describe("permissions, as an unprivileged user", () => {
  // A read-only generated/ was renamed away, then could not be emptied: the new output was in place,
  // its old copy left beside it as .generated.old-*, and the message said "it was left as it was".
  it("a read-only output folder: one line naming it, output and its folder as they were", () => {
    const ws = workspace();
    try {
      const run = unprivileged(ws);
      if (!run) return void console.warn("skipped: cannot run generate as an unprivileged user here");
      fs.appendFileSync(path.join(ws.out, "README.md"), "a hand edit generate would undo\n");
      fs.chmodSync(ws.out, 0o555);
      const before = snapshot(ws.out);
      const result = run({ PUFFLE_GENERATE_THREADS: "0" });
      fs.chmodSync(ws.out, 0o755);
      const line = oneLine(result);
      expect(line).toMatch(/^generate: could not write \S*out\/generated: EACCES/);
      expect(line).toMatch(/left as it was$/);
      expectUntouched(ws, before);
    } finally {
      fs.chmodSync(ws.out, 0o755);
      removeWorkspace(ws);
    }
  }, SLOW);

  // The skip record lives in node_modules/.cache/puffle-generate, which this user may not write
  // (root's, or a read-only install): it only costs the next run its skip.
  it("a writable output folder is written (a one-file read-only, the cache not writable or not)", () => {
    const ws = workspace();
    try {
      const run = unprivileged(ws);
      if (!run) return void console.warn("skipped: cannot run generate as an unprivileged user here");
      fs.appendFileSync(path.join(ws.out, "README.md"), "a hand edit generate undoes\n");
      fs.chmodSync(path.join(ws.out, "README.md"), 0o444);
      const result = run({ PUFFLE_GENERATE_THREADS: "0" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expectFreshOutput(ws);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  // A folder in the output (generate:check reports it as extra) that cannot be emptied: the new
  // output is in place, so the message says that and what is left over, not "left as it was".
  it("a read-only folder inside the output: written, the leftover named", () => {
    const ws = workspace();
    const sub = path.join(ws.out, "sub");
    try {
      const run = unprivileged(ws);
      if (!run) return void console.warn("skipped: cannot run generate as an unprivileged user here");
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, "notes.txt"), "mine");
      if (process.getuid?.() === 0) for (const p of [sub, path.join(sub, "notes.txt")]) fs.lchownSync(p, 65534, 65534);
      fs.chmodSync(sub, 0o555);
      const result = run({ PUFFLE_GENERATE_THREADS: "0" });
      expect(result.status).toBe(0);
      const left = /^generate: wrote \S*out\/generated, but could not remove its previous copy (\S+) \(EACCES[^\n]*\): delete it by hand$/m.exec(result.stderr)?.[1];
      expect(left).toMatch(/\/out\/\.generated\.old-\d+-\w+$/);
      expect(differences(snapshot(ws.out).files, snapshot(path.join(repoRoot, "generated")).files)).toEqual([]);
      fs.chmodSync(path.join(left!, "sub"), 0o755);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});
