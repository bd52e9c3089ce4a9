// The oldest browsers the shipped client and validators support, as stated in README.md ("Browsers
// and other runtimes") and docs/client.md ("Browser and runtime baseline"): ES2022 syntax without the
// ES2022 parts those browsers lack, and no run-time API newer than Chrome/Edge 85, Firefox 79,
// Safari 14. The package is bundled as an app's bundler would (rolldown, platform browser, from the
// built dist/, openapi-fetch and the validators' lazy chunk included) and the output is read with
// acorn: a change that needs a newer browser fails here, naming the API and the file. If the
// change is wanted, raise the baseline in README.md and docs/client.md, then this file's lists.
// Then the same code runs in a fresh realm with those newer APIs removed and Error's `options`
// ignored (an engine of that age): validators, normalizeRequestBody and a client call with
// `validate: "both"` must work, and a PuffleNetworkError must keep its `cause`. No network.
import { writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import * as acorn from "acorn";
import { rolldown } from "rolldown";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../scratch.js";
import { deref, root, spec } from "../helpers.js";
import type { JsonObject } from "../helpers.js";

const UPDATE = "update the baseline in README.md and docs/client.md (and this test's lists) if that is intended";

/** The ECMAScript version the shipped code is stated to be in. */
const ECMA_VERSION = 2022;

/** Syntax acorn accepts at ECMA_VERSION that the stated browsers do not. */
const SYNTAX_DENIED: Record<string, string> = {
  PrivateIdentifier: "private class members #x (Firefox 90, Safari 14.1/15)",
  StaticBlock: "class static blocks (Chrome 94, Firefox 93, Safari 16.4)",
  "static PropertyDefinition": "static class fields (Firefox 75, Safari 14.1)",
  "top-level await": "top-level await (Chrome 89, Firefox 89, Safari 15)",
  "for await": "async iteration (of a ReadableStream: Chrome 124, Firefox 110, no Safari)",
};

/** Regular expression features newer than the stated browsers. */
const REGEX_DENIED: ReadonlyArray<readonly [RegExp, string]> = [
  [/\(\?<[=!]/, "lookbehind (Safari 16.4)"],
  [/\(\?[imsx-]+:/, "modifiers (?i:…) (Chrome 125, Firefox 132, Safari 18.4)"],
];
const REGEX_FLAGS_ALLOWED = "gimsuy"; // not d (hasIndices: Safari 15), not v (Chrome 112, Firefox 116, Safari 17)

/** `Global.member` reads newer than the stated browsers. */
const STATICS_DENIED: Record<string, string> = {
  "Object.hasOwn": "Chrome 93, Firefox 92, Safari 15.4",
  "Object.groupBy": "Chrome 117, Firefox 119, Safari 17.4",
  "Map.groupBy": "Chrome 117, Firefox 119, Safari 17.4",
  "Array.fromAsync": "Chrome 121, Firefox 115, Safari 16.4",
  "Promise.withResolvers": "Chrome 119, Firefox 121, Safari 17.4",
  "AbortSignal.any": "Chrome 116, Firefox 124, Safari 17.4",
  "AbortSignal.timeout": "Chrome 103, Firefox 100, Safari 16",
  "AbortSignal.abort": "Chrome 93, Firefox 88, Safari 15",
  "Response.json": "Chrome 105, Firefox 115, Safari 17",
  "URL.canParse": "Chrome 120, Firefox 115, Safari 17",
  "URL.parse": "Chrome 126, Firefox 126, Safari 18",
  "ReadableStream.from": "Chrome 141, Firefox 117, no Safari",
  "Intl.Segmenter": "Firefox 125",
  "crypto.randomUUID": "Chrome 92, Firefox 95, Safari 15.4",
  "Error.isError": "Chrome 134, Firefox 138, no Safari",
};

/** Method names, called on any value, of built-ins newer than the stated browsers. */
const METHODS_DENIED: Record<string, string> = {
  at: "Array/String.prototype.at (Chrome 92, Firefox 90, Safari 15.4)",
  findLast: "Array.prototype.findLast (Chrome 97, Firefox 104, Safari 15.4)",
  findLastIndex: "Array.prototype.findLastIndex (Chrome 97, Firefox 104, Safari 15.4)",
  toSorted: "Array.prototype.toSorted (Chrome 110, Firefox 115, Safari 16)",
  toReversed: "Array.prototype.toReversed (Chrome 110, Firefox 115, Safari 16)",
  toSpliced: "Array.prototype.toSpliced (Chrome 110, Firefox 115, Safari 16)",
  hasOwn: "Object.hasOwn (Chrome 93, Firefox 92, Safari 15.4)",
  isWellFormed: "String.prototype.isWellFormed (Chrome 111, Firefox 119, Safari 16.4)",
  toWellFormed: "String.prototype.toWellFormed (Chrome 111, Firefox 119, Safari 16.4)",
  throwIfAborted: "AbortSignal.prototype.throwIfAborted (Chrome 100, Firefox 97, Safari 15.4)",
  getSetCookie: "Headers.prototype.getSetCookie (Chrome 113, Firefox 112, Safari 17)",
  union: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  intersection: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  difference: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  symmetricDifference: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  isSubsetOf: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  isSupersetOf: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  isDisjointFrom: "Set methods (Chrome 122, Firefox 127, Safari 17)",
  transfer: "ArrayBuffer.prototype.transfer (Chrome 114, Firefox 122, Safari 17.4)",
  bytes: "Response/Blob.prototype.bytes (Chrome 132, Firefox 128, Safari 18)",
};

/** Globals newer than the stated browsers. */
const GLOBALS_DENIED: Record<string, string> = {
  structuredClone: "Chrome 98, Firefox 94, Safari 15.4",
  WeakRef: "Chrome 84, Firefox 79, Safari 14.1",
  FinalizationRegistry: "Chrome 84, Firefox 79, Safari 14.1",
  reportError: "Chrome 95, Firefox 93, Safari 15.4",
  DecompressionStream: "Chrome 80, Firefox 113, Safari 16.4",
  CompressionStream: "Chrome 80, Firefox 113, Safari 16.4",
  TextDecoderStream: "Chrome 71, Firefox 105, Safari 14.1",
  Iterator: "iterator helpers (Chrome 122, Firefox 131, Safari 18.4)",
};

/** The names the global object goes by in a browser bundle. */
const GLOBAL_OBJECTS: readonly string[] = ["globalThis", "self", "window"];

/** The `value` of the example `name` of an operation's response. */
function example(pathKey: string, status: string, name: string): JsonObject {
  const op = deref<JsonObject>(deref<JsonObject>((spec.paths as JsonObject)[pathKey]).patch);
  const response = deref<JsonObject>((op.responses as JsonObject)[status]);
  const content = Object.values(response.content as JsonObject)[0] as JsonObject;
  return deref<JsonObject>((content.examples as JsonObject)[name]).value as JsonObject;
}

interface Chunk {
  readonly name: string;
  readonly code: string;
}

const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const dir = scratchDir("puffle-baseline-");
const dist = (file: string) => JSON.stringify(path.join(root, "dist", file));
/** What an app imports: the client with validation (its validators chunk loaded on demand), and `puffle-api/validators`. */
const ENTRIES: Record<string, string> = {
  client: `import { createPuffleClient } from ${dist("index.js")};\nexport const client = createPuffleClient({ apiKey: "puffle_test_alice", validate: "both" });\n`,
  validators: `export * from ${dist("validators.js")};\n`,
};
let chunks: Chunk[] = [];
/** Everything above in one script (no code splitting), exposing `puffle` on the global object. */
let script = "";

async function bundle(name: string, source: string, format: "esm" | "iife"): Promise<Chunk[]> {
  const input = path.join(dir, `${name}.js`);
  writeFileSync(input, source);
  const build = await rolldown({ input, cwd: dir, platform: "browser", logLevel: "silent", treeshake: true });
  const { output } = await build.generate(format === "iife" ? { format, name: "puffle", codeSplitting: false } : { format });
  await build.close();
  return output.flatMap((c) => (c.type === "chunk" ? [{ name: `${name}: ${c.fileName}`, code: c.code }] : []));
}

beforeAll(async () => {
  for (const [name, source] of Object.entries(ENTRIES)) chunks.push(...(await bundle(name, source, "esm")));
  const all = `export { createPuffleClient, PuffleNetworkError } from ${dist("index.js")};\nexport * from ${dist("validators.js")};\n`;
  script = (await bundle("all", all, "iife"))[0]!.code;
});

type Node = acorn.Node & Record<string, unknown>;

/** Each node of `ast` with its parent, and whether it sits inside a function. */
function walk(node: Node, visit: (n: Node, parent: Node | undefined, inFunction: boolean) => void, parent?: Node, inFunction = false): void {
  visit(node, parent, inFunction);
  const inner = inFunction || /Function/.test(node.type);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object" && typeof (child as Node).type === "string") walk(child as Node, visit, node, inner);
    }
  }
}

/** What a chunk uses that the stated browsers lack, one line each. */
function tooNew(code: string): string[] {
  const found = new Set<string>();
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" }) as unknown as Node;
  const regex = (pattern: string, flags: string) => {
    for (const [feature, reason] of REGEX_DENIED) if (feature.test(pattern)) found.add(`regex ${reason}: /${pattern}/`);
    for (const flag of flags) if (!REGEX_FLAGS_ALLOWED.includes(flag)) found.add(`regex flag ${flag}: /${pattern}/${flags}`);
  };
  walk(ast, (n, parent, inFunction) => {
    if (n.type === "PrivateIdentifier") found.add(SYNTAX_DENIED.PrivateIdentifier!);
    if (n.type === "StaticBlock") found.add(SYNTAX_DENIED.StaticBlock!);
    if (n.type === "PropertyDefinition" && n.static) found.add(SYNTAX_DENIED["static PropertyDefinition"]!);
    if ((n.type === "AwaitExpression" || (n.type === "ForOfStatement" && n.await)) && !inFunction) found.add(SYNTAX_DENIED["top-level await"]!);
    if (n.type === "ForOfStatement" && n.await) found.add(SYNTAX_DENIED["for await"]!);
    const r = (n as { regex?: { pattern: string; flags: string } }).regex;
    if (n.type === "Literal" && r) regex(r.pattern, r.flags);
    if ((n.type === "NewExpression" || n.type === "CallExpression") && (n.callee as Node).type === "Identifier" && (n.callee as { name: string }).name === "RegExp") {
      const [pattern, flags] = (n.arguments as Node[]).map((a) => (a.type === "Literal" && typeof a.value === "string" ? a.value : undefined));
      if (pattern !== undefined) regex(pattern, flags ?? "");
    }
    if (n.type === "MemberExpression" && !n.computed) {
      const object = n.object as Node & { name?: string };
      const property = (n.property as { name?: string }).name;
      const where = object.type === "Identifier" ? `${object.name}.${property}` : object.type === "MemberExpression" && (object.property as { name?: string }).name ? `${(object.property as { name?: string }).name}.${property}` : "";
      if (STATICS_DENIED[where]) found.add(`${where} (${STATICS_DENIED[where]})`);
      const called = parent !== undefined && parent.type === "CallExpression" && parent.callee === n;
      if (called && property !== undefined && Object.hasOwn(METHODS_DENIED, property)) found.add(`.${property}() — ${METHODS_DENIED[property]}`);
      // A denied global read off the global object (`globalThis.structuredClone`), not only by its bare name.
      if (object.type === "Identifier" && GLOBAL_OBJECTS.includes(object.name!) && property !== undefined && Object.hasOwn(GLOBALS_DENIED, property)) found.add(`${property} (${GLOBALS_DENIED[property]})`);
    }
    if (n.type === "Identifier" && Object.hasOwn(GLOBALS_DENIED, n.name as string)) {
      const isProperty = parent !== undefined && ((parent.type === "MemberExpression" && parent.property === n && !parent.computed) || (parent.type === "Property" && parent.key === n));
      if (!isProperty) found.add(`${n.name as string} (${GLOBALS_DENIED[n.name as string]})`);
    }
  });
  return [...found];
}

describe("the shipped client and validators stay within the stated browser baseline", () => {
  it("bundles the client entry, its lazy validators chunk and puffle-api/validators", () => {
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.some((c) => c.code.includes("createClient") || c.code.includes("onRequest"))).toBe(true); // openapi-fetch is in
  });

  it(`every chunk parses as ES${ECMA_VERSION}`, () => {
    const failures = chunks.flatMap((c) => {
      try {
        acorn.parse(c.code, { ecmaVersion: ECMA_VERSION, sourceType: "module" });
        return [];
      } catch (error) {
        return [`${c.name}: ${(error as Error).message}`];
      }
    });
    expect(failures, `the shipped code no longer parses as ES${ECMA_VERSION}; ${UPDATE}`).toEqual([]);
  });

  it("uses no syntax, regex feature or API newer than Chrome/Edge 85, Firefox 79, Safari 14", () => {
    const found = chunks.flatMap((c) => tooNew(c.code).map((what) => `${c.name}: ${what}`));
    expect(found, `the shipped code needs a newer browser than stated; give it a fallback, or ${UPDATE}`).toEqual([]);
  });

  it("the deny-lists catch what they list (the scanner is not blind)", () => {
    const sample = [
      "class A { static x = 1; #y; static { } }",
      "Object.hasOwn({}, 'a'); [1].at(-1); structuredClone({}); AbortSignal.any([]); globalThis.crypto.randomUUID();",
      "/(?<=a)b/v; new RegExp('(?<!a)', 'd');",
      "await 0; async function f(s) { for await (const c of s); }",
      "globalThis.reportError(0); new self.WeakRef({});",
    ].join("\n");
    expect(tooNew(sample)).toEqual(expect.arrayContaining([
      SYNTAX_DENIED["static PropertyDefinition"], SYNTAX_DENIED.PrivateIdentifier, SYNTAX_DENIED.StaticBlock, SYNTAX_DENIED["top-level await"], SYNTAX_DENIED["for await"],
      expect.stringContaining("Object.hasOwn"), expect.stringContaining(".at()"), expect.stringContaining("structuredClone"), expect.stringContaining("AbortSignal.any"), expect.stringContaining("crypto.randomUUID"),
      expect.stringContaining("reportError"), expect.stringContaining("WeakRef"),
      expect.stringContaining("regex lookbehind"), expect.stringContaining("regex flag v"), expect.stringContaining("regex flag d"),
    ]));
  });

  it("runs in an engine without the newer APIs (Object.hasOwn and the rest removed, Error's options ignored)", async () => {
    const context = vm.createContext({ Headers, Request, Response, URL, URLSearchParams, AbortController, AbortSignal, DOMException, TextDecoder, setTimeout, clearTimeout });
    const removed = [...Object.keys(STATICS_DENIED).filter((k) => /^(Object|Array|Promise|Map)\./.test(k)), ...Object.keys(GLOBALS_DENIED).filter((k) => k !== "Iterator")];
    vm.runInContext(
      `for (const name of ${JSON.stringify(removed)}) { const [a, b] = name.split("."); if (b) delete globalThis[a][b]; else delete globalThis[a]; }
       for (const p of ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced"]) delete Array.prototype[p];
       for (const p of ["at", "isWellFormed", "toWellFormed"]) delete String.prototype[p];
       Error = new Proxy(Error, { construct: (E, [message], newTarget) => Reflect.construct(E, [message], newTarget) });`,
      context,
    );
    expect(vm.runInContext(`typeof Object.hasOwn + typeof [].at + ("cause" in new Error("e", { cause: 1 }))`, context)).toBe("undefinedundefinedfalse");
    vm.runInContext(script, context);
    const puffle = context.puffle as typeof import("../../src/index.js") & typeof import("../../src/validators.js");

    expect(puffle.validateRequestBody("updateThread", { status: "archived" }).valid).toBe(true);
    expect(puffle.validateRequestBody("updateThread", { status: "deleted" }).valid).toBe(false);
    expect(puffle.normalizeRequestBody("updateThread", { status: "archived", x: 1 })).toEqual({ ok: true, body: { status: "archived" }, dropped: ["x"] });
    const cause = new TypeError("connection refused");
    expect(new puffle.PuffleNetworkError({ url: "https://api.example/", cause }).cause).toBe(cause);

    const threadResponse = example("/api/threads/{id}", "200", "docs");
    const respond = (body: unknown) => async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    const options = { apiKey: "puffle_test_alice", baseUrl: "https://api.example", validate: "both", maxRetries: 0 } as const;
    const ok = puffle.createPuffleClient({ ...options, fetch: respond(threadResponse) });
    expect(await ok.updateThread(THREAD, { status: "archived" })).toEqual(threadResponse.thread);
    const bad = puffle.createPuffleClient({ ...options, fetch: respond({ thread: { ...(threadResponse.thread as JsonObject), status: "deleted" } }) });
    await expect(bad.updateThread(THREAD, { status: "archived" })).rejects.toMatchObject({ name: "PuffleValidationError", target: "response", field: "thread.status" });
    await expect(ok.updateThread(THREAD, { status: "deleted" } as never)).rejects.toMatchObject({ name: "PuffleValidationError", target: "request" });
    const refused = puffle.createPuffleClient({ ...options, fetch: async () => Promise.reject(cause) });
    await expect(refused.updateThread(THREAD, { status: "archived" })).rejects.toMatchObject({ name: "PuffleNetworkError", cause });
  });
});
