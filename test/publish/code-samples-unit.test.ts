// scripts/publish/code-samples.mjs on its own: shell quoting round-trips through sh, the CLI sample
// spells null and object fields as the CLI reads them, the sample's id is the one the documented
// 200 response returns, a $ref cycle is an error, and the docs' copy drops the generated notice.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCodeSamples, decorateWithCodeSamples, deref, shellQuote } from "../../scripts/publish/code-samples.mjs";
import { root } from "../helpers.js";

describe("shellQuote", () => {
  it.each(["plain", "a b", "it's", "'", "''x'", "$HOME", "a\\b", '{"a":"it\'s"}', "*", ""])("%j reads back through sh as itself", (value) => {
    const r = spawnSync("sh", ["-c", `printf %s ${shellQuote(value)}`], { encoding: "utf8" });
    expect(r.stdout).toBe(value);
  });
  it("quotes what has more after a safe start", () => {
    expect(shellQuote("abc;rm")).toBe("'abc;rm'");
  });
});

const spec = () => {
  const s = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
  return s;
};

describe("buildCodeSamples", () => {
  it("the CLI sample clears a null field and passes an object field as JSON", () => {
    const s = spec();
    s.components.examples.UpdateThreadDocsRequest.value = { account_id: null, draft_cc: ["a@example.com"], draft_subject: "Hi" };
    const thread = buildCodeSamples(s).find((e: { operationId: string }) => e.operationId === "updateThread");
    const cli = thread!.samples.find((x: { label: string }) => x.label === "puffle CLI")!.source;
    expect(cli).toContain("--clear-account-id");
    expect(cli).toContain(`--draft-cc '["a@example.com"]'`);
    expect(cli).toContain("--draft-subject Hi");
  });

  it.each([
    ["updateConversation", "conversation"],
    ["updateThread", "thread"],
  ])("%s: the id is the path example its documented 200 response returns", (operationId, member) => {
    const s = spec();
    const entry = buildCodeSamples(s).find((e: { operationId: string }) => e.operationId === operationId);
    const op = Object.values(s.paths as Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>).map((item) => item.patch).find((o) => o?.operationId === operationId)!;
    const ok = deref(s, op.responses["200"]);
    const returned = Object.values(ok.content["application/json"].examples).map((e) => (deref(s, e).value as Record<string, { id: string }>)[member]?.id);
    expect(returned).toContain(entry!.id);
  });
});

// The HTML reference shows the samples to copy and paste: a name the spec gives (a request field,
// a path segment) was written into the CLI sample bare, so `a;touch pwned` ran a second command.
describe("the CLI sample is inert whatever the spec names", () => {
  const cliOf = (s: any, operationId = "updateThread") =>
    buildCodeSamples(s).find((e: { operationId: string }) => e.operationId === operationId)!.samples.find((x: { label: string }) => x.label === "puffle CLI")!.source as string;
  /** The words sh reads from the sample, with `puffle` printing its arguments; and what else ran. */
  const argvOf = (sample: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-sample-"));
    try {
      const r = spawnSync("sh", ["-c", `puffle() { printf '%s\\n' "$@"; }\n${sample}`], { cwd: dir, encoding: "utf8" });
      return { words: r.stdout.split("\n").slice(0, -1), status: r.status, leftovers: fs.readdirSync(dir) };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  it.each([
    ["a field name with a ;", (s: any) => (s.components.examples.UpdateThreadDocsRequest.value = { "a;touch pwned": "x" }), ["--a;touch pwned", "x"]],
    ["a null field name with $(…)", (s: any) => (s.components.examples.UpdateThreadDocsRequest.value = { "b$(touch pwned)": null }), ["--clear-b$(touch pwned)"]],
    ["a path segment with $(…)", (s: any) => (s.paths["/api/$(touch pwned)s/{id}"] = s.paths["/api/threads/{id}"]) && delete s.paths["/api/threads/{id}"], ["$(touch pwned)"]],
  ] as const)("%s", (_name, edit, words) => {
    const s = spec();
    edit(s);
    const run = argvOf(cliOf(s));
    expect(run.status).toBe(0);
    expect(run.leftovers).toEqual([]);
    for (const word of words) expect(run.words).toContain(word);
  });
});

describe("the TypeScript sample names its variable after the 200 record's member", () => {
  // It was written in bare: `const <member> = await …`, whatever the spec called the member.
  // A reserved word is shaped like an identifier, but `const default = …` is a syntax error.
  it.each(["x = 0; process.exit(1); let y", "a-b", "1st", "default", "new", "class", "await"])("%j is refused, not written into the code", (member) => {
    const s = spec();
    const schema = s.components.schemas.UpdateThreadResponse;
    schema.properties = { [member]: schema.properties.thread };
    schema.required = [member];
    expect(() => buildCodeSamples(s)).toThrow(`the 200 response's member ${JSON.stringify(member)} is not a JavaScript identifier`);
  });
});

describe("deref and decorateWithCodeSamples", () => {
  it("a $ref cycle is an error, not an endless loop", () => {
    const s = { components: { a: { $ref: "#/components/b" }, b: { $ref: "#/components/a" } } };
    expect(() => deref(s, { $ref: "#/components/a" })).toThrow(/circular \$ref/);
  });
  it("the docs' copy has no generated notice; the bundle keeps it", () => {
    const s = spec();
    expect(s["x-generated"]).toBeDefined();
    expect(decorateWithCodeSamples(s)["x-generated"]).toBeUndefined();
    expect(s["x-generated"]).toBeDefined();
  });
});

// A third operation (openapi/README.md, "What the code supports"): `npm run docs` stopped at
// "getThread: no application/json request body" or "createConversation: no path parameter", not
// saying what to do, and on a 204 with a bare TypeError ("Cannot read properties of undefined");
// a GET with a body would have got a `curl -X GET … -d` and a `puffle thread update` sample.
describe("an operation the samples are not written for is named, with what it lacks and where its samples go", () => {
  const problem = (ref: string) => ({ $ref: `#/components/responses/${ref}` });
  const ok = { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/UpdateThreadResponse" } } } };
  const id = { $ref: "#/components/parameters/ThreadId" };
  const body = (s: Record<string, any>) => s.paths["/api/threads/{id}"].patch.requestBody;
  it.each([
    ["a GET without a body (getThread)", "/api/threads/{id}", "get", () => ({ operationId: "getThread", parameters: [id], responses: { 200: ok, 404: problem("ThreadNotFound") } }), /^getThread \(GET \/api\/threads\/\{id\}\): it is GET; /],
    ["a GET with a body", "/api/threads/{id}", "get", (s: Record<string, any>) => ({ operationId: "getThread", parameters: [id], requestBody: body(s), responses: { 200: ok } }), /^getThread \(GET \/api\/threads\/\{id\}\): it is GET; /],
    ["a POST with a 201 and no path id (createConversation)", "/api/conversations", "post", (s: Record<string, any>) => ({ operationId: "createConversation", requestBody: body(s), responses: { 201: ok } }), /^createConversation \(POST \/api\/conversations\): it is POST; /],
    ["a PATCH answering 204 (no 200)", "/api/threads/{id}/read", "patch", (s: Record<string, any>) => ({ operationId: "markThreadRead", parameters: [id], requestBody: body(s), responses: { 204: { description: "done" } } }), /^markThreadRead \(PATCH \/api\/threads\/\{id\}\/read\): it has no application\/json 200 response; /],
    ["a PATCH without a path id", "/api/threads", "patch", (s: Record<string, any>) => ({ operationId: "updateThreads", requestBody: body(s), responses: { 200: ok } }), /^updateThreads \(PATCH \/api\/threads\): it has no path parameter; /],
    // Made without a word before: a second path parameter left `{mid}` in the curl URL, a required
    // query parameter was not sent, an array example became `--0 1 --1 2`, no operationId wrote
    // `puffle.undefined(…)`; the rest named the operation only ("updateX: request body has no
    // examples", "member undefined is not a JavaScript identifier").
    ["a PATCH with two path parameters", "/api/threads/{id}/messages/{mid}", "patch", (s: Record<string, any>) => ({ operationId: "updateMessage", parameters: [id, { name: "mid", in: "path", required: true, schema: { type: "string" }, examples: { a: { value: "m1" } } }], requestBody: body(s), responses: { 200: ok } }), /^updateMessage \(PATCH \/api\/threads\/\{id\}\/messages\/\{mid\}\): it has 2 path parameters \(id, mid\), the samples fill one; /],
    ["a PATCH with a required query parameter", "/api/threads/{id}/x", "patch", (s: Record<string, any>) => ({ operationId: "updateX", parameters: [id, { name: "q", in: "query", required: true, schema: { type: "string" } }], requestBody: body(s), responses: { 200: ok } }), /^updateX \(PATCH \/api\/threads\/\{id\}\/x\): it has a required query parameter q, the samples send none; /],
    ["a PATCH whose request example is an array", "/api/threads/{id}/x", "patch", () => ({ operationId: "updateX", parameters: [id], requestBody: { content: { "application/json": { schema: { type: "array" }, examples: { a: { value: [1, 2] } } } } }, responses: { 200: ok } }), /^updateX \(PATCH \/api\/threads\/\{id\}\/x\): its request example a is an array, not an object; /],
    ["a PATCH whose 200 schema names no member", "/api/threads/{id}/x", "patch", (s: Record<string, any>) => ({ operationId: "updateX", parameters: [id], requestBody: body(s), responses: { 200: { description: "ok", content: { "application/json": { schema: { type: "array", items: {} } } } } } }), /^updateX \(PATCH \/api\/threads\/\{id\}\/x\): the 200 response's schema names no member /],
  ] as const)("%s", (_name, path, method, operation, message) => {
    const s = spec();
    s.paths[path] = { ...(s.paths[path] ?? {}), [method]: operation(s) };
    let thrown: unknown;
    try {
      buildCodeSamples(s);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).toContain("write the new operation's in scripts/publish/code-samples.mjs");
  });
});

// What the spec lacks for a sample is said where it is added (openapi/, not code-samples.mjs), with
// the operation, method and path: these named the operation only.
describe("an operation whose examples or operationId are missing is named, with where to add them", () => {
  const id = { $ref: "#/components/parameters/ThreadId" };
  const ok = { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/UpdateThreadResponse" } } } };
  const body = (s: Record<string, any>) => s.paths["/api/threads/{id}"].patch.requestBody;
  it.each([
    ["a path parameter without examples", (s: Record<string, any>) => ({ operationId: "updateX", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], requestBody: body(s), responses: { 200: ok } }), "updateX (PATCH /api/threads/{id}/x): path parameter id has no examples; the samples are made from the spec's examples: add one in openapi/ (the parameter's examples)"],
    ["a request body without examples", () => ({ operationId: "updateX", parameters: [id], requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: { 200: ok } }), "updateX (PATCH /api/threads/{id}/x): its application/json request body has no examples; the samples are made from the spec's examples: add one in openapi/ (the request body's examples, `docs` first)"],
    ["no operationId", (s: Record<string, any>) => ({ parameters: [id], requestBody: body(s), responses: { 200: ok } }), "(no operationId) (PATCH /api/threads/{id}/x): it has no operationId; give it one in openapi/ (the TypeScript sample calls the client's method of that name)"],
  ] as const)("%s", (_name, operation, message) => {
    const s = spec();
    s.paths["/api/threads/{id}/x"] = { patch: operation(s) };
    expect(() => buildCodeSamples(s)).toThrow(message);
  });
});
