// `npm run test:runtimes`: the packed package where README and docs/client.md say it works besides
// Node — Bun, Deno, Cloudflare's workerd (the Workers runtime: no eval, no new Function) and Vercel's
// edge-runtime VM (code generation from strings off) — against the reference server and a fault
// server started here in Node on 127.0.0.1. Each runtime runs probe.mjs (the client with
// `validate: "both"`, every export entry, the validators) and must give the verdicts listed below;
// Bun and Deno also run the `puffle` CLI and the reference server (server.mjs). The runtimes are
// installed by setup.ts into node_modules/.cache/puffle-runtimes (install.ts; ~350 MB, not a
// devDependency: see docs/publishing.md).
import { spawn } from "node:child_process";
import type { SpawnOptions } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { rolldown } from "rolldown";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { installed } from "./install.js";

const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
const here = import.meta.dirname;
const { consumer, bin, edgeVm } = installed();
const CLI = path.join(consumer, "node_modules/puffle-api/dist/cli/main.js");
const work = path.join(consumer, "work");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], options: SpawnOptions & { input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: consumer, ...options, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    // The CLI stops reading stdin at its cap and exits: the rest of the input is an EPIPE, expected.
    child.stdin!.on("error", () => undefined);
    child.stdin!.end(options.input ?? "");
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Answers by the first path segment: the cases the reference server cannot produce. */
function faultServer(): http.Server {
  const thread = JSON.stringify({
    thread: {
      id: THREAD, user_id: "11111111-1111-1111-1111-111111111111", account_id: null, channel: "email", status: "archived", external_id: null,
      participant_name: null, participant_email: null, participant_linkedin_url: null, last_message_at: null, unread_count: 0,
      created_at: "2026-04-22T09:00:00Z", updated_at: "2026-04-22T09:00:00Z", draft_subject: null, draft_body_text: null, draft_body_html: null,
      draft_cc: null, draft_bcc: null, draft_attachments: null,
    },
  });
  const seen = new Set<string>();
  const json = { "content-type": "application/json" };
  return http.createServer((req, res) => {
    req.resume();
    const prefix = req.url!.split("/")[1]!;
    if (prefix === "invalid") res.writeHead(200, json).end(JSON.stringify({ thread: { id: THREAD, status: "gone" } }));
    else if (prefix === "stall") return; // never answers
    else if (prefix === "stall-body") res.writeHead(200, { ...json, "content-length": "1000" }).write('{"thread":');
    else if (prefix.startsWith("flaky-")) {
      // A 503 the first time, then the record.
      if (seen.has(prefix)) res.writeHead(200, json).end(thread);
      else {
        seen.add(prefix);
        res.writeHead(503, { "retry-after": "0" }).end();
      }
    } else if (prefix === "cut") {
      res.writeHead(200, { ...json, "content-length": "1000" }).write('{"thread":', () => res.destroy());
    } else if (prefix === "gzip") res.writeHead(200, { ...json, "content-encoding": "gzip" }).end(zlib.gzipSync(thread));
    else if (prefix === "big") res.writeHead(200, json).write(`[${"1,".repeat(1000)}`, () => res.end("1]")); // chunked: no length declared
    else if (prefix === "big-declared") res.writeHead(200, { ...json, "content-length": "2003" }).end(`[${"1,".repeat(1000)}1]`);
    else if (prefix === "redirect") res.writeHead(307, { location: "http://127.0.0.1:9/elsewhere" }).end();
    else if (prefix === "html") res.writeHead(502, { "content-type": "text/html" }).end("<html>bad gateway</html>");
    else res.writeHead(404).end();
  });
}

let server: RunningServer;
let fault: http.Server;
let faultUrl: string;
/** probe()'s entries as Node sees the installed package. */
let entries: Record<string, unknown>;

beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1" });
  fault = faultServer();
  await new Promise<void>((resolve) => fault.listen(0, "127.0.0.1", resolve));
  faultUrl = `http://127.0.0.1:${(fault.address() as AddressInfo).port}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const load = (entry: string) => import(pathToFileURL(path.join(consumer, "node_modules/puffle-api", entry)).href) as Promise<Record<string, unknown>>;
  entries = {
    ".": Object.keys(await load("dist/index.js")).sort(),
    "./validators": Object.keys(await load("dist/validators.js")).sort(),
    "./schema": [],
    "./openapi.json": ["3.1.0", "/api/conversations/{id}", "/api/threads/{id}"],
  };
});

afterAll(async () => {
  fault?.closeAllConnections();
  fault?.close();
  await server?.close();
});

beforeEach(() => server.app.puffle.store.reset());

const url = (prefix: string) => `${faultUrl}/${prefix}/api/threads/${THREAD}`;
const apiError = (status: number, title: string, message: string, extra: object = {}) => ({ error: "PuffleApiError", status, title, attempts: 1, ...extra, message });

/** What every runtime's probe() must give (but `codeGeneration`). */
function expected(codeGeneration: string, defaultApiKey: "from PUFFLE_API_KEY" | "no process" | "Deno without --allow-env") {
  return {
    codeGeneration,
    entries,
    client: {
      updateConversation: { id: CONVERSATION, status: "archived", unread_count: 0 },
      updateThread: { id: THREAD, status: "draft", unread_count: 0, draft_subject: "From another runtime" },
      PATCH: { status: 200, id: THREAD, threadStatus: "active" },
      notFound: apiError(404, "Not found", "updateConversation: HTTP 404 Not Found: Not found: No conversation with this id."),
      unauthorized: apiError(401, "Unauthorized", "updateThread: HTTP 401 Unauthorized: Unauthorized: A valid bearer token is required."),
      duplicate: apiError(409, "Duplicate thread", expect.stringMatching(/^updateThread: HTTP 409 Conflict: Duplicate thread: /), { existingThread: "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b" }),
      allInvalidSent: apiError(400, "Invalid request", "updateThread: HTTP 400 Bad Request: Invalid request: At least one valid field must be present. [status must be one of \"active\", \"archived\"; body must have at least 1 valid field]"),
      invalidRequest: { error: "PuffleValidationError", target: "request", message: 'updateThread: request body: status must be one of "active", "archived"' },
      invalidPathId: { error: "PuffleValidationError", target: "path", message: `updateThread: path parameter: id must be a UUID such as ${THREAD}, got "not-a-uuid"` },
      invalidResponse: { error: "PuffleValidationError", target: "response", status: 200, message: 'updateThread: response 200: thread.status must be one of "active", "archived", "draft"' },
      timeout: { error: "PuffleTimeoutError", attempts: 1, message: `updateThread: no response from ${url("stall")} within 200 ms` },
      abort: { error: "PuffleAbortError", attempts: 1, message: `updateThread: request to ${url("stall")} was aborted: stopped by the caller` },
      stalledBody: { error: "PuffleTimeoutError", attempts: 1, message: `updateThread: no response from ${url("stall-body")} within 200 ms` },
      retried503: { id: THREAD, status: "archived", unread_count: 0, draft_subject: null },
      cutBody: { error: "PuffleNetworkError", attempts: 2, message: `updateThread: network error calling ${url("cut")}` },
      gzip: { id: THREAD, status: "archived", unread_count: 0, draft_subject: null },
      tooLargeStreamed: { error: "PuffleNetworkError", attempts: 1, cause: "larger than maxResponseBytes", message: `updateThread: network error calling ${url("big")}` },
      tooLargeDeclared: { error: "PuffleNetworkError", attempts: 1, cause: "larger than maxResponseBytes", message: `updateThread: network error calling ${url("big-declared")}` },
      redirect: { error: "PuffleApiError", status: 307, attempts: 1, message: "updateThread: HTTP 307 Temporary Redirect: empty response body" },
      html502: { error: "PuffleApiError", status: 502, attempts: 1, message: "updateThread: HTTP 502 Bad Gateway: non-JSON response body (text/html)" },
      badOption: { error: "PuffleConfigError", message: 'createPuffleClient: baseUrl must use http or https, got "ftp:"' },
      defaultApiKey: {
        "from PUFFLE_API_KEY": { id: CONVERSATION, status: "active", unread_count: 0 },
        "no process": apiError(401, "Unauthorized", "updateConversation: HTTP 401 Unauthorized: Unauthorized: A valid bearer token is required."),
        "Deno without --allow-env": { error: 'not a Puffle error: NotCapable: Requires env access to "PUFFLE_API_KEY", run again with the --allow-env flag' },
      }[defaultApiKey],
    },
    validators: {
      valid: { valid: true, value: { status: "archived", draft_subject: "x" } },
      invalid: {
        valid: false,
        errors: [
          { path: "/zz", keyword: "additionalProperties", message: "is not a known field" },
          { path: "/status", keyword: "enum", message: 'must be one of "active", "archived"' },
        ],
      },
      normalizeLenient: { ok: true, body: { unread_count: 0 }, dropped: ["status", "zz"] },
      normalizeNothingLeft: 400,
      response: [false, false],
      pathParams: [true, false],
      perOperation: [true, false],
      schemas: [17, false],
    },
  };
}

/** The probe's JSON, or the error it printed, shown with its stack rather than as a diff. */
function parsed(text: string, where: string): ReturnType<typeof expected> {
  let result: { thrown?: string; stack?: string };
  try {
    result = JSON.parse(text);
  } catch {
    throw new Error(`${where} printed no JSON: ${text.slice(0, 2000)}`);
  }
  if (result.thrown !== undefined) throw new Error(`${where}: ${result.thrown}\n${result.stack}`);
  return result as ReturnType<typeof expected>;
}

/** The Worker bundled by rolldown from the consumer (its puffle-api), one file or split into chunks. */
async function bundleWorker(out: string, split: boolean): Promise<string[]> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const file of ["probe.mjs", "worker.mjs"]) copyFileSync(path.join(here, file), path.join(work, file));
  const build = await rolldown({ input: path.join(work, "worker.mjs"), cwd: consumer, platform: "browser", logLevel: "silent" });
  const { output } = await build.write({ dir: out, format: "esm", entryFileNames: "worker.js", codeSplitting: split });
  await build.close();
  return output.map((chunk) => chunk.fileName);
}

/**
 * Runs workerd on the bundle in `dir` (a socket on 127.0.0.1, outbound fetch allowed to loopback only)
 * and GETs the probe. `nodejsCompat`: with the nodejs_compat flag and a compatibility date that fills
 * `process.env` from the Worker's bindings, one of them PUFFLE_API_KEY; else no `process` at all.
 */
async function workerd(dir: string, modules: string[], nodejsCompat: boolean): Promise<string> {
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (
      modules = [ ${["worker.js", ...modules.filter((m) => m !== "worker.js")].map((m) => `(name = "${m}", esModule = embed "${m}")`).join(", ")} ],
      ${nodejsCompat ? `compatibilityDate = "2025-06-01", compatibilityFlags = ["nodejs_compat"], bindings = [(name = "PUFFLE_API_KEY", text = "puffle_test_alice")],` : `compatibilityDate = "2025-01-01",`}
      globalOutbound = "loopback",
    )),
    (name = "loopback", network = (allow = ["private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
`;
  writeFileSync(path.join(dir, "config.capnp"), config);
  // --control-fd=3: workerd writes {"event":"listen","port":…} there once the socket is bound.
  const child = spawn(bin.workerd, ["serve", "config.capnp", "--control-fd=3"], { cwd: dir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let control = "";
      child.stdio[3]!.on("data", (d) => {
        control += d;
        for (const line of control.split("\n")) {
          if (line.includes('"listen"')) resolve(JSON.parse(line).port);
        }
      });
      child.on("exit", (code) => reject(new Error(`workerd exited (${code}) before listening: ${output}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/?base=${encodeURIComponent(server.url)}&fault=${encodeURIComponent(faultUrl)}`);
    return await response.text();
  } finally {
    child.kill("SIGKILL");
  }
}

describe("probe.mjs: the client (validate: \"both\") against the servers, every entry, the validators", () => {
  const mainArgs = () => [path.join(work, "main.mjs"), server.url, faultUrl];
  const copyProbe = () => {
    for (const file of ["probe.mjs", "main.mjs"]) copyFileSync(path.join(here, file), path.join(work, file));
  };

  it("Node (the baseline)", async () => {
    copyProbe();
    const result = await run(process.execPath, mainArgs(), { env: { PUFFLE_API_KEY: "puffle_test_alice" } });
    expect(result.stderr).toBe("");
    expect(parsed(result.stdout, "node")).toEqual(expected("allowed", "from PUFFLE_API_KEY"));
  });

  it("Bun", async () => {
    copyProbe();
    const result = await run(bin.bun, mainArgs(), { env: { PUFFLE_API_KEY: "puffle_test_alice" } });
    expect(result.stderr).toBe("");
    expect(parsed(result.stdout, "bun")).toEqual(expected("allowed", "from PUFFLE_API_KEY"));
  });

  it("Deno, with network access to 127.0.0.1 only (and with PUFFLE_API_KEY allowed)", async () => {
    copyProbe();
    const env = { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", PUFFLE_API_KEY: "puffle_test_alice" };
    const result = await run(bin.deno, ["run", "--allow-net=127.0.0.1", ...mainArgs()], { env });
    expect(result.stderr).toBe("");
    expect(parsed(result.stdout, "deno")).toEqual(expected("allowed", "Deno without --allow-env"));
    server.app.puffle.store.reset();
    const allowed = await run(bin.deno, ["run", "--allow-net=127.0.0.1", "--allow-env=PUFFLE_API_KEY", ...mainArgs()], { env });
    expect(allowed.stderr).toBe("");
    expect(parsed(allowed.stdout, "deno --allow-env=PUFFLE_API_KEY")).toEqual(expected("allowed", "from PUFFLE_API_KEY"));
  });

  it("workerd, a Worker bundled in one file (no eval, no new Function; no process)", async () => {
    const out = path.join(work, "worker-single");
    const modules = await bundleWorker(out, false);
    expect(modules).toEqual(["worker.js"]);
    expect(parsed(await workerd(out, modules, false), "workerd")).toEqual(expected("EvalError", "no process"));
  });

  it("workerd, a Worker bundled in chunks (the validators loaded by a dynamic import()), with nodejs_compat", async () => {
    const out = path.join(work, "worker-split");
    const modules = await bundleWorker(out, true);
    expect(modules.length).toBeGreaterThan(1);
    expect(parsed(await workerd(out, modules, true), "workerd (chunks)")).toEqual(expected("EvalError", "from PUFFLE_API_KEY"));
  });

  it("Vercel's edge-runtime VM (@edge-runtime/vm: code generation from strings off), a script bundle", async () => {
    copyFileSync(path.join(here, "probe.mjs"), path.join(work, "probe.mjs"));
    const build = await rolldown({ input: path.join(work, "probe.mjs"), cwd: consumer, platform: "browser", logLevel: "silent" });
    const { output } = await build.generate({ format: "iife", name: "puffleProbe", codeSplitting: false });
    await build.close();
    const { EdgeVM } = await import(pathToFileURL(edgeVm).href);
    const vm = new EdgeVM();
    vm.evaluate(output[0].code);
    const text: string = await vm.evaluate(
      `puffleProbe.probe(${JSON.stringify({ baseUrl: server.url, faultUrl })}).then((o) => JSON.stringify(o), (e) => JSON.stringify({ thrown: e.name + ": " + e.message, stack: String(e.stack) }))`,
    );
    expect(parsed(text, "edge-runtime")).toEqual(expected("EvalError", "no process"));
  });
});

describe.each([
  ["Bun", () => [bin.bun]],
  ["Deno", () => [bin.deno, "run", "-A"]],
])("the puffle CLI and the reference server in %s", (_name, command) => {
  const cli = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) => {
    const [cmd, ...pre] = command();
    return run(cmd!, [...pre, CLI, ...args], { ...options, env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", ...options.env } });
  };

  it("thread update and conversation update print the record; a 404 is exit 3, a timeout exit 4", async () => {
    const thread = await cli(["thread", "update", "--base-url", server.url, "--id", THREAD, "--status", "archived", "--draft-subject", "cli"], { env: { PUFFLE_API_KEY: "puffle_test_alice" } });
    expect(thread).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(thread.stdout).thread).toMatchObject({ id: THREAD, status: "archived", draft_subject: "cli" });
    const conversation = await cli(["conversation", "update", "--base-url", server.url, "--id", CONVERSATION, "--unread-count", "0"], { env: { PUFFLE_API_KEY: "puffle_test_alice" } });
    expect(conversation).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(conversation.stdout).conversation).toMatchObject({ id: CONVERSATION, unread_count: 0 });
    const notFound = await cli(["conversation", "update", "--base-url", server.url, "--id", CONVERSATION, "--status", "archived"], { env: { PUFFLE_API_KEY: "puffle_test_bob" } });
    expect(notFound).toMatchObject({ code: 3, stdout: "" });
    expect(notFound.stderr).toMatch(/^puffle error: HTTP 404 Not found: No conversation with this id\. \(request id req_\w+\)\n$/);
    const timeout = await cli(["thread", "update", "--base-url", `${faultUrl}/stall`, "--id", THREAD, "--status", "archived", "--timeout", "200"], { env: { PUFFLE_API_KEY: "puffle_test_alice" } });
    expect(timeout).toEqual({ code: 4, stdout: "", stderr: `puffle error: updateThread: no response from ${url("stall")} within 200 ms; is the server at ${faultUrl}/stall up and reachable? a slower one needs a larger --timeout\n` });
  });

  it("usage errors are one line, exit 2; JSON from stdin (@-) is read, and capped", async () => {
    expect(await cli(["thread", "update", "--id", "not-a-uuid", "--status", "archived", "--dry-run"])).toEqual({ code: 2, stdout: "", stderr: `puffle error: --id must be a UUID such as ${THREAD}, got "not-a-uuid"\n` });
    expect(await cli(["conversation", "update", "--id", CONVERSATION, "--unread-count", "-1", "--dry-run"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `puffle error: option '--unread-count <n>' argument "-1" is invalid. unread_count must be an integer from 0 to 9007199254740991, got -1\n`,
    });
    const fromStdin = await cli(["thread", "update", "--id", THREAD, "--draft-attachments", "@-", "--dry-run"], { input: '[{"id":"a"}]' });
    expect(fromStdin).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(fromStdin.stdout)).toEqual({ method: "PATCH", url: `https://app.puffle.ai/api/threads/${THREAD}`, body: { draft_attachments: [{ id: "a" }] } });
    expect(await cli(["thread", "update", "--id", THREAD, "--draft-attachments", "@-", "--dry-run"], { input: `[${" ".repeat(1_100_000)}]` })).toEqual({
      code: 2,
      stdout: "",
      stderr: `puffle error: option '--draft-attachments <json|@file>' argument "@-" is invalid. draft_attachments: stdin holds more than 1048576 bytes, the most a request body may have\n`,
    });
  });

  it("puffle mock starts, answers and exits 0 on SIGTERM", async () => {
    const [cmd, ...pre] = command();
    const child = spawn(cmd!, [...pre, CLI, "mock", "--port", "0", "--quiet"], { cwd: consumer, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    try {
      const mockUrl = await new Promise<string>((resolve, reject) => {
        child.stdout!.on("data", (d) => {
          stdout += d;
          const m = /^Puffle reference server listening on (http:\S+)/m.exec(stdout);
          if (m) resolve(m[1]!);
        });
        void exited.then((code) => reject(new Error(`puffle mock exited (${code}): ${stdout}${stderr}`)));
      });
      const response = await fetch(`${mockUrl}/api/threads/${THREAD}`, { method: "PATCH", headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json" }, body: '{"status":"archived","zz":1}' });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { thread: { status: string } }).thread.status).toBe("archived");
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  });

  it("puffle-api/server: app.inject(), startServer on 127.0.0.1 and localhost (CORS, reset, 409)", async () => {
    const [cmd, ...pre] = command();
    copyFileSync(path.join(here, "server.mjs"), path.join(work, "server.mjs"));
    const result = await run(cmd!, [...pre, path.join(work, "server.mjs")], { env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" } });
    expect(result.stderr).toBe("");
    const listening = (host: string) => ({
      url: `http://${host}:PORT`,
      thread: ["archived", "x"],
      preflight: [204, "http://localhost:5173"],
      reset: 204,
      afterReset: ["active", "Quick question"],
      duplicate: [409, true],
    });
    expect(JSON.parse(result.stdout)).toEqual({ inject: [200, "archived"], "127.0.0.1": listening("127.0.0.1"), localhost: listening("localhost") });
  });
});
