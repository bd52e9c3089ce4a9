// `puffle-api/validators` is tree-shakeable: an app bundles only the validators its imports reach.
// Each case bundles an import of src/validators.ts with rolldown (tree-shaking on, minified) and
// looks for what each validator alone carries: a path of its own, a format's code. The client's
// entry chunk, likewise, holds the generated routes and not the operations' descriptions.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { operations, routes } from "../../generated/meta.js";
import { bodyLimits, operations as validatorTables, responseStatuses } from "../../generated/validators.js";
import { bundledChunks, bundledCode } from "../bundle.js";
import { root } from "../helpers.js";

const entry = path.join(root, "src/validators.ts");

const chunks = (names: string[], file = entry) => bundledChunks(names, file);

const bundle = (names: string[]) => bundledCode(names, entry);

/** What only that validator's code holds (a minifier may quote a string with ", ' or `). */
const q = (text: string) => new RegExp(`["'\`]${text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}["'\`]`);
const MARKS: Record<string, RegExp> = {
  threadRequest: q("/draft_subject"),
  conversationResponse: q("/conversation"),
  threadResponse: q("/thread"),
  duplicateThread: q("/existing_thread"),
  operationIssues: q("is not a known field"),
  ajvErrors: q("must NOT have additional properties"),
  // The operations' table: request fields (a transform) and normalize rules, for normalizeRequestBody.
  operationsTable: /minValidProperties/,
  // A UUID pattern: a RegExp built at load, marked pure so that it goes with the validators using it.
  idPattern: /\[0-9a-fA-F\]\{8\}/,
  uriFormat: /25\[0-5\]/,
  dateTimeFormat: /\b31,28,31\b/,
};
type Mark = keyof typeof MARKS;

const cases: [string, { given: string[]; has: Mark[]; hasNot: Mark[] }][] = [
  ["the conversation request alone: no thread or response validator, no format code", { given: ["validateUpdateConversationRequest"], has: ["operationIssues"], hasNot: ["threadRequest", "conversationResponse", "threadResponse", "duplicateThread", "ajvErrors", "uriFormat", "dateTimeFormat", "idPattern"] }],
  ["the thread request alone", { given: ["validateUpdateThreadRequest"], has: ["threadRequest"], hasNot: ["conversationResponse", "threadResponse", "duplicateThread", "ajvErrors", "uriFormat"] }],
  ["the conversation response alone: its formats, not the thread's validators", { given: ["validateUpdateConversationResponse"], has: ["conversationResponse", "uriFormat", "dateTimeFormat", "idPattern"], hasNot: ["threadRequest", "threadResponse", "duplicateThread", "ajvErrors"] }],
  ["validateRequestBody reaches the request bodies only", { given: ["validateRequestBody"], has: ["threadRequest"], hasNot: ["conversationResponse", "threadResponse", "duplicateThread", "ajvErrors", "uriFormat", "operationsTable"] }],
  ["validateResponseBody reaches every documented response, not the operations' table", { given: ["validateResponseBody"], has: ["conversationResponse", "threadResponse", "duplicateThread"], hasNot: ["ajvErrors", "operationsTable"] }],
  ["normalizeRequestBody reads the operations' table (and with it every validator)", { given: ["normalizeRequestBody"], has: ["operationsTable", "threadRequest", "threadResponse"], hasNot: [] }],
  ["schemas: the component validators (AJV's errors), not the operations'", { given: ["schemas"], has: ["ajvErrors"], hasNot: ["operationIssues"] }],
];

describe("tree-shaking puffle-api/validators", () => {
  it.each(cases)("%s", async (_name, { given, has, hasNot }) => {
    const code = await bundle(given);
    for (const mark of has) expect(MARKS[mark]!.test(code), `${mark} in ${given.join(", ")}`).toBe(true);
    for (const mark of hasNot) expect(MARKS[mark]!.test(code), `${mark} in ${given.join(", ")}`).toBe(false);
  });

  it("responseStatuses lists the keys of each operation's responses, in their order", () => {
    expect(Object.keys(responseStatuses)).toEqual(Object.keys(validatorTables));
    for (const [id, table] of Object.entries(validatorTables)) {
      expect(responseStatuses[id as keyof typeof responseStatuses]).toEqual(Object.keys(table.responses));
    }
  });

  it("the four body validators bundle smaller than the generic functions", async () => {
    const gz = (code: string) => gzipSync(code, { level: 9 }).length;
    const four = gz(await bundle(["validateUpdateConversationRequest", "validateUpdateThreadRequest", "validateUpdateConversationResponse", "validateUpdateThreadResponse"]));
    const generic = gz(await bundle(["validateRequestBody", "validateResponseBody", "validatePathParams", "normalizeRequestBody"]));
    expect(four).toBeLessThan(generic * 0.8);
  });
});

describe("tree-shaking the client", () => {
  // Text only `operations` of generated/meta.js holds: request fields' descriptions, summaries.
  const described = [
    operations.updateConversation.requestFields.unread_count.description,
    operations.updateThread.requestFields.draft_subject.description,
    operations.updateThread.summary,
  ].map((text) => text.slice(0, 40));

  it("createPuffleClient's entry chunk holds the routes, not the operations' descriptions", async () => {
    const all = await chunks(["createPuffleClient"], path.join(root, "src/client.ts"));
    const entryChunk = all.find((chunk) => chunk.isEntry)!;
    for (const route of Object.values(routes)) expect(entryChunk.code).toContain(route.path);
    for (const text of described) expect(entryChunk.code, text).not.toContain(text);
    // The validators are a chunk of their own, loaded on first use.
    expect(all.length).toBeGreaterThan(1);
    expect(entryChunk.code).not.toMatch(q("is not a known field"));
  });

  // fb27d88/fe793c9's checks before sending read the body limits from `operations`, and the lazy
  // chunk then held the whole table and every validator it reaches (normalizeRequestBody's field
  // validators): +7.7 KB minified, +1.5 KiB gzipped. They read `bodyLimits`, which reaches none.
  it("the client's validators chunk holds the body limits, not the operations' table", async () => {
    const all = await chunks(["createPuffleClient"], path.join(root, "src/client.ts"));
    const lazy = all.filter((chunk) => !chunk.isEntry).map((chunk) => chunk.code).join("\n");
    expect(lazy).toMatch(q("/draft_subject"));
    expect(lazy).toMatch(/1048576/);
    expect(lazy).not.toMatch(MARKS.operationsTable!);
  });

  // src/json-depth.ts held nonFiniteRule (the client's message for Infinity or NaN) beside tooDeepAt
  // (the lazy chunk's depth check): a bundler puts a module both need in a chunk loaded up front, and
  // the depth walk went with it (esbuild: +369 B minified, +174 B gzipped). nonFiniteRule is
  // src/json-finite.ts's now; the depth walk loads with the validators.
  it("the client's up-front chunks hold no module only its validators chunk needs (json-depth.ts)", async () => {
    const all = await chunks(["createPuffleClient"], path.join(root, "src/client.ts"));
    const entryChunk = all.find((chunk) => chunk.isEntry)!;
    const upFront = [entryChunk, ...all.filter((chunk) => entryChunk.imports.includes(chunk.fileName))];
    const modules = upFront.flatMap((chunk) => chunk.moduleIds.map((id) => path.relative(root, id)));
    expect(modules).toContain(path.join("src", "json-finite.ts"));
    expect(modules).not.toContain(path.join("src", "json-depth.ts"));
    const lazy = all.filter((chunk) => !upFront.includes(chunk)).flatMap((chunk) => chunk.moduleIds.map((id) => path.relative(root, id)));
    expect(lazy).toContain(path.join("src", "json-depth.ts"));
  });

  it("bodyLimits gives each operation's maxBodyBytes and its normalize rule's maxDepth", () => {
    expect(Object.keys(bodyLimits)).toEqual(Object.keys(validatorTables));
    for (const [id, table] of Object.entries(validatorTables)) {
      const { maxBodyBytes } = operations[id as keyof typeof operations].behaviour;
      expect(bodyLimits[id as keyof typeof bodyLimits]).toEqual({ maxBodyBytes, maxBodyDepth: table.normalize?.maxDepth ?? null });
    }
  });

  it("the routes are the operations' method, path, idempotence and path parameters' examples", () => {
    expect(Object.keys(routes)).toEqual(Object.keys(operations));
    for (const [id, op] of Object.entries(operations)) {
      const pathExamples = Object.fromEntries(Object.entries(op.pathParameters).map(([name, p]) => [name, p.example]));
      expect(routes[id as keyof typeof routes]).toEqual({ method: op.method, path: op.path, idempotent: op.behaviour.idempotent === true, pathExamples });
    }
  });
});

// README's table of generated files said `routes` held "method, path and idempotence alone" after
// each route had gained its path parameters' example values (the client's message for a bad id);
// generated/README.md, which the pipeline writes from scripts/lib/pipeline.mjs, had been updated.
describe("README's row for generated/meta.js", () => {
  const rowOf = (file: string, name: RegExp) => {
    const rows = readFileSync(path.join(root, file), "utf8").split("\n").filter((line) => name.test(line));
    expect(rows, `${file}: one row for meta.js`).toHaveLength(1);
    return rows[0]!.split("|")[2]?.trim();
  };
  it("says what generated/README.md's says (routes: method, path, idempotence, path parameters' examples)", () => {
    expect(Object.keys(Object.values(routes)[0]!)).toEqual(["method", "path", "idempotent", "pathExamples"]);
    expect(rowOf("README.md", /^\| `generated\/meta\.js`/)).toBe(rowOf("generated/README.md", /^\| `meta\.js`/));
  });
});
