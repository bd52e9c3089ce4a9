// The detail of the reference server's 400 for a body normalizeRequestBody refuses. A spec whose
// request schema makes a field required (a legitimate edit for a major) made the server answer a
// body without it, `{"unread_count": 0}`, with "At least one valid field must be present." beside
// the valid field it held; the errors said `/status` `required`, the detail contradicted them.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { refusedBodyProblem } from "../../src/server/problems.js";
import { normalizeRequestBody, type OperationId } from "../../src/validators.js";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

describe("refusedBodyProblem: the 400's detail says why the body was refused", () => {
  it("a field the request schema requires, missing (planted: status required)", () => {
    const errors = [{ path: "/status", keyword: "required", message: "is required" }];
    expect(refusedBodyProblem(errors).detail).toBe("The request body must include status.");
  });

  it("several required fields, each named (a pointer's escapes read back)", () => {
    const errors = [
      { path: "/status", keyword: "required", message: "is required" },
      { path: "/a~1b", keyword: "required", message: "is required" },
    ];
    expect(refusedBodyProblem(errors)).toMatchObject({ status: 400, detail: "The request body must include status, a/b.", errors });
  });

  it("a missing field beside another issue of the request schema's check: the missing one named, every issue listed", () => {
    const errors = [
      { path: "/status", keyword: "required", message: "is required" },
      { path: "", keyword: "maxProperties", message: "must NOT have more than 1 properties" },
    ];
    expect(refusedBodyProblem(errors)).toMatchObject({ detail: "The request body must include status.", errors });
  });

  it("a required member inside a field's value is that field's issue, not a missing field", () => {
    const errors = [
      { path: "/draft_attachments/0/url", keyword: "required", message: "is required" },
      { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
    ];
    expect(refusedBodyProblem(errors).detail).toBe("At least one valid field must be present.");
  });

  it.each([
    ["an empty body", {}, "At least one valid field must be present."],
    ["an all-invalid body", { status: "deleted" }, "At least one valid field must be present."],
    ["not an object", [1], "The request body must be a JSON object."],
  ])("as before for this spec: %s", (_name, body, detail) => {
    const normalized = normalizeRequestBody("updateConversation", body);
    expect(normalized.ok).toBe(false);
    if (normalized.ok) return;
    expect(refusedBodyProblem(normalized.errors).detail).toBe(detail);
  });
});

// README, "Answering a request as the API does", gives a service the function that answers what the
// API answers (the 400's detail and the server's reasons a body is not JSON were only in the spec's
// examples and in src/server/): run as printed, it must agree with the reference server.
describe("README's checkUpdate answers as the reference server does", async () => {
  const { default: ts } = await import("typescript");
  const { createServer } = await import("../../src/server/index.js");
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split("\n#### Answering a request as the API does\n")[1];
  const source = section?.match(/```ts\n([\s\S]*?)\n```/)?.[1];
  it("README prints the function", () => {
    expect(source, "README.md has no ts block under \"#### Answering a request as the API does\"").toContain("export function checkUpdate(");
  });
  if (source === undefined) return;
  const dir = scratchDir("readme-check-update-");
  const file = path.join(dir, "check-update.mjs");
  const validators = pathToFileURL(path.join(root, "src/validators.ts")).href;
  writeFileSync(file, ts.transpileModule(source.replace('"puffle-api/validators"', JSON.stringify(validators)), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
  const { checkUpdate } = (await import(pathToFileURL(file).href)) as {
    checkUpdate: (op: OperationId, id: string, bytes: Uint8Array) => { problem: Record<string, unknown> } | { body: Record<string, unknown>; dropped: string[] };
  };
  const app = createServer();
  afterAll(() => app.close());

  const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
  const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
  const nested = (levels: number) => "[".repeat(levels) + "1" + "]".repeat(levels);
  const bytes = (text: string) => Buffer.from(text, "utf8");
  const cases: [string, OperationId, string, Buffer][] = [
    ["the conversation page's request", "updateConversation", CONVERSATION, bytes('{"status":"active","unread_count":4503599627370495}')],
    ["the thread page's request", "updateThread", THREAD, bytes('{"account_id":"8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11","participant_email":"founder@example.com","draft_subject":"Quick question","draft_body_text":"Hi Alex, I had a quick question."}')],
    ["an invalid status dropped", "updateConversation", CONVERSATION, bytes('{"status":"deleted","unread_count":2}')],
    ["every field invalid", "updateConversation", CONVERSATION, bytes('{"status":"deleted","unread_count":-1}')],
    ["an empty body", "updateThread", THREAD, bytes("{}")],
    ["only unknown fields", "updateThread", THREAD, bytes('{"foo":1,"__proto__":{"x":1}}')],
    ["an array", "updateThread", THREAD, bytes('["not","an","object"]')],
    ["null", "updateThread", THREAD, bytes("null")],
    ["no bytes", "updateThread", THREAD, Buffer.alloc(0)],
    ["whitespace", "updateThread", THREAD, bytes("  ")],
    ["not JSON", "updateThread", THREAD, bytes("{bad")],
    ["cut short", "updateThread", THREAD, bytes('{"status":')],
    ["a byte order mark", "updateThread", THREAD, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes('{"status":"active"}')])],
    ["Latin-1 bytes", "updateThread", THREAD, Buffer.from('{"draft_subject":"caf\u00e9"}', "latin1")],
    ["a malformed id", "updateThread", "not-a-uuid", bytes("{}")],
    ["an id outside the pattern", "updateConversation", "00000000-0000-0000-0000-000000000001", bytes('{"status":"active"}')],
    ["nested too deep in a field", "updateThread", THREAD, bytes(`{"draft_attachments":[{"a":${nested(70)}}]}`)],
    ["nested too deep after an invalid field", "updateThread", THREAD, bytes(`{"status":"bad","zz":${nested(70)}}`)],
    ["an array nested too deep", "updateThread", THREAD, bytes(nested(70))],
    ["300 unknown fields", "updateThread", THREAD, bytes(JSON.stringify(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, 1]))))],
    ["500 invalid attachments", "updateThread", THREAD, bytes(JSON.stringify({ draft_attachments: Array(500).fill(1) }))],
    ["an email lowercased", "updateThread", THREAD, bytes('{"participant_email":"Founder@Example.COM","draft_cc":5}')],
  ];
  it.each(cases)("%s", async (_name, op, id, body) => {
    app.puffle.store.reset();
    const response = await app.inject({
      method: "PATCH",
      url: `/api/${op === "updateThread" ? "threads" : "conversations"}/${id}`,
      headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json" },
      payload: body,
    });
    const answer = checkUpdate(op, id, body);
    if ("problem" in answer) {
      expect(answer.problem).toEqual(response.json());
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.json()[op === "updateThread" ? "thread" : "conversation"]).toMatchObject(answer.body);
  });
});
