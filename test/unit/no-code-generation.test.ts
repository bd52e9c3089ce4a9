// The built package (dist/, made by the vitest global setup) where code generation from strings is
// disallowed — a page whose Content-Security-Policy lacks 'unsafe-eval', Cloudflare Workers, Vercel
// Edge — here Node under --disallow-code-generation-from-strings (workerd and Vercel's edge-runtime
// VM themselves: test/runtimes/, `npm run test:runtimes`): every export entry
// loads, every exported validator, normalizeRequestBody and the client with `validate: "both"` work,
// and so does the `puffle` CLI. A dependency or a generator change that adds `new Function` or
// `eval` on these paths fails here with "EvalError: Code generation from strings disallowed".
// The reference server cannot run there (Fastify compiles its routes with `new Function`): it says so
// in one line instead of V8's bare "Code generation from strings disallowed for this context".
// (generated/validators.js alone: test/unit/self-contained.test.ts; in Chromium under a CSP:
// test/client/csp-browser.test.ts.)
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { CODE_GENERATION_DISALLOWED } from "../../src/server/launch.js";
import { startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";

const FLAG = "--disallow-code-generation-from-strings";
const CHILD = path.join(root, "test/fixtures/no-code-generation-child.mjs");
const BIN = path.join(root, "dist/cli/main.js");
const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --disallow-code-generation-from-strings <args>`, with only PATH and the env given. */
function node(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [FLAG, ...args], { cwd: root, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe(`the built package under node ${FLAG}`, () => {
  let result: {
    thrown?: string;
    stack?: string;
    codeGeneration: string;
    entries: Record<string, number>;
    checks: [string, unknown, unknown][];
    client: Record<string, unknown>;
    sent: string[];
  };

  beforeAll(async () => {
    const run = await node([CHILD, root]);
    expect(run.stderr).toBe("");
    result = JSON.parse(run.stdout);
    // The first thing that threw, with its stack (which module compiled code), rather than a diff.
    if (result.thrown !== undefined) throw new Error(`${result.thrown}\n${result.stack}`);
  });

  it("the flag is in effect: new Function throws EvalError in the child", () => {
    expect(result.codeGeneration).toBe("EvalError");
  });

  it("every export entry with run-time code loads", () => {
    expect(Object.keys(result.entries)).toEqual([".", "./validators", "./schema", "./server"]);
    expect(result.entries["."]).toBeGreaterThan(0);
    expect(result.entries["./validators"]).toBeGreaterThan(0);
  });

  it("every exported validator and normalizeRequestBody give their verdicts on the spec's examples and broken values", () => {
    // Every example of both operations (requests, 200s and each documented error body), each a check.
    expect(result.checks.filter(([name]) => / response \d+ /.test(name)).length).toBeGreaterThanOrEqual(30);
    for (const [name, verdict, expected] of result.checks) expect(verdict, name).toEqual(expected);
  });

  it('the client with validate: "both" sends valid requests, refuses invalid ones and invalid responses, reads a problem', () => {
    expect(result.client).toEqual({
      thread: { id: THREAD, status: "draft" },
      conversation: { id: CONVERSATION, status: "archived" },
      badRequest: { name: "PuffleValidationError", target: "request", message: 'updateThread: request body: status must be one of "active", "archived"' },
      badResponse: { name: "PuffleValidationError", target: "response", status: 200, message: 'updateThread: response 200: thread.status must be one of "active", "archived", "draft"' },
      badPathId: { name: "PuffleValidationError", target: "path", message: `updateThread: path parameter: id must be a UUID such as ${THREAD}, got "not-a-uuid"` },
      problem: { name: "PuffleApiError", status: 404, message: "updateConversation: HTTP 404: Not found", title: "Not found" },
      raw: THREAD,
    });
    // The invalid request and the bad path id were not sent.
    expect(result.sent).toEqual([
      `PATCH http://127.0.0.1:9/api/threads/${THREAD}`,
      `PATCH http://127.0.0.1:9/api/conversations/${CONVERSATION}`,
      `PATCH http://127.0.0.1:9/api/threads/${THREAD}`,
      `PATCH http://127.0.0.1:9/api/conversations/${CONVERSATION}`,
      `PATCH http://127.0.0.1:9/api/threads/${THREAD}`,
    ]);
  });
});

describe(`the puffle CLI under node ${FLAG}`, () => {
  // The reference server runs in this process (it cannot run under the flag: see below); only the
  // CLI has the flag.
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("--dry-run prints both operations' requests", async () => {
    const thread = await node([BIN, "thread", "update", "--id", THREAD, "--status", "archived", "--draft-subject", "Hi", "--dry-run"]);
    expect(thread).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(thread.stdout)).toEqual({ method: "PATCH", url: `https://app.puffle.ai/api/threads/${THREAD}`, body: { status: "archived", draft_subject: "Hi" } });
    const conversation = await node([BIN, "conversation", "update", "--id", CONVERSATION, "--unread-count", "0", "--dry-run"]);
    expect(conversation).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(conversation.stdout)).toEqual({ method: "PATCH", url: `https://app.puffle.ai/api/conversations/${CONVERSATION}`, body: { unread_count: 0 } });
  });

  it("a bad id is the one-line usage error, exit 2", async () => {
    const run = await node([BIN, "thread", "update", "--id", "not-a-uuid", "--status", "archived", "--dry-run"]);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `puffle error: --id must be a UUID such as ${THREAD}, got "not-a-uuid"\n` });
  });

  it("a real call prints the record", async () => {
    const run = await node([BIN, "conversation", "update", "--base-url", server.url, "--id", CONVERSATION, "--status", "archived"], { PUFFLE_API_KEY: "puffle_test_alice" });
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout)).toMatchObject({ conversation: { id: CONVERSATION, status: "archived" } });
  });
});

describe(`the reference server under node ${FLAG}`, () => {
  const SAYS = `cannot start the reference server: ${CODE_GENERATION_DISALLOWED}`;

  it("importing puffle-api/server works; createServer throws an EvalError saying why and what to do", async () => {
    const script = `
      const { createServer } = await import(${JSON.stringify(path.join(root, "dist/server/index.js"))});
      try { createServer(); console.log("created"); } catch (e) { console.log(JSON.stringify([e.name, e.message, e.cause?.name])); }`;
    const run = await node(["--input-type=module", "-e", script]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(["EvalError", `createServer: ${CODE_GENERATION_DISALLOWED}`, "EvalError"]);
  });

  it("puffle mock and npm run mock's launcher: one line saying so, exit 1", async () => {
    expect(await node([BIN, "mock", "--port", "0", "--quiet"])).toEqual({ code: 1, stdout: "", stderr: `puffle error: ${SAYS}\n` });
    expect(await node([path.join(root, "dist/server/main.js"), "--port", "0", "--quiet"])).toEqual({ code: 1, stdout: "", stderr: `puffle mock: ${SAYS}\n` });
  });
});
