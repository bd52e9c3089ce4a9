// The real `puffle` binary (node dist/cli/main.js, built by the vitest global setup) against the
// reference server and misbehaving node:http servers on 127.0.0.1: result JSON on stdout, one
// line on stderr naming the field and the rule, and the documented exit codes.
import { execFile, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultSeed, startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { validateResponseBody } from "../../src/validators.js";
import { closedPort, reply, startFaultServer } from "../client/fault-server.js";
import type { FaultServer } from "../client/fault-server.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "dist/cli/main.js");
const CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
const DRAFT_THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const BOB_THREAD = "b0b0c000-0000-4000-8000-000000000022";
const SALES_SENDER = "5a1e5000-0000-4000-8000-000000000003";
const PENDING_SENDER = "9e4d1000-0000-4000-8000-000000000005";
const EXISTING_THREAD = "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function puffle(args: string[], env: Record<string, string | undefined> = { PUFFLE_API_KEY: "puffle_test_alice" }): Promise<Run> {
  const childEnv: Record<string, string> = { PATH: process.env.PATH ?? "" };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: childEnv, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** stderr is exactly one line. */
function oneLine(run: Run): string {
  expect(run.stderr).toMatch(/^puffle error: [^\n]+\n$/);
  return run.stderr;
}

describe("against the reference server", () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await startServer({ port: 0 });
  });
  afterEach(async () => {
    await server.close();
  });

  it("conversation update: prints the documented 200 body, exit 0", async () => {
    const run = await puffle(["conversation", "update", "--base-url", server.url, "--id", CONVERSATION, "--status", "active", "--unread-count", "3"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const body: unknown = JSON.parse(run.stdout);
    expect(validateResponseBody("updateConversation", 200, body)).toMatchObject({ valid: true });
    expect(body).toMatchObject({ conversation: { id: CONVERSATION, status: "active", unread_count: 3 } });
  });

  it("thread update: the docs' example, participant_email stored lowercase", async () => {
    const run = await puffle([
      "thread", "update", "--base-url", server.url, "--id", DRAFT_THREAD,
      "--account-id", "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
      "--participant-email", "Founder@Example.com",
      "--draft-subject", "Quick question",
      "--draft-body-text", "Hi Alex, I had a quick question.",
    ]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as { thread: Record<string, unknown> };
    expect(validateResponseBody("updateThread", 200, body)).toMatchObject({ valid: true });
    expect(body.thread).toMatchObject({ id: DRAFT_THREAD, participant_email: "founder@example.com", draft_subject: "Quick question" });
  });

  it("thread update: --clear-* send null, --draft-attachments @file sends the file's JSON", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-"));
    const file = path.join(dir, "attachments.json");
    writeFileSync(file, JSON.stringify([{ id: "att_1", name: "deck.pdf" }]));
    const run = await puffle(["thread", "update", "--base-url", server.url, "--id", DRAFT_THREAD, "--clear-account-id", "--clear-draft-subject", "--draft-attachments", `@${file}`]).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(run.code).toBe(0);
    const { thread } = JSON.parse(run.stdout) as { thread: Record<string, unknown> };
    expect(thread.account_id).toBeNull();
    expect(thread.draft_subject).toBeNull();
    expect(thread.draft_attachments).toEqual([{ id: "att_1", name: "deck.pdf" }]);
  });

  it("thread update: --draft-attachments @- sends the JSON piped into stdin", async () => {
    const child = spawn(process.execPath, [BIN, "thread", "update", "--base-url", server.url, "--id", DRAFT_THREAD, "--draft-attachments", "@-"], {
      env: { PATH: process.env.PATH ?? "", PUFFLE_API_KEY: "puffle_test_alice" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Written in two pieces, the second after a pause: read to the end of the input, not its first chunk.
    child.stdin.write('[{"id":"att_2",');
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.stdin.end('"name":"notes.txt"}]\n');
    const code = await exited;
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { thread: Record<string, unknown> }).thread.draft_attachments).toEqual([{ id: "att_2", name: "notes.txt" }]);
  });

  it("409: exit 3, one line with the status and the existing thread, nothing on stdout", async () => {
    const run = await puffle(["thread", "update", "--base-url", server.url, "--id", DRAFT_THREAD, "--account-id", SALES_SENDER]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    const line = oneLine(run);
    expect(line).toContain("HTTP 409 Duplicate thread");
    expect(line).toContain(`(existing thread ${EXISTING_THREAD})`);
    expect(line).toMatch(/\(request id \S+\)/);
  });

  it("400 sender not ready: exit 3, names the field", async () => {
    const run = await puffle(["thread", "update", "--base-url", server.url, "--id", DRAFT_THREAD, "--account-id", PENDING_SENDER]);
    expect(run.code).toBe(3);
    expect(oneLine(run)).toMatch(/^puffle error: HTTP 400 .*account_id/);
  });

  it("404: someone else's thread, exit 3", async () => {
    const run = await puffle(["thread", "update", "--base-url", server.url, "--id", BOB_THREAD, "--status", "archived"]);
    expect(run.code).toBe(3);
    expect(oneLine(run)).toMatch(/^puffle error: HTTP 404 Not found/);
  });

  it("401: an unknown token, exit 3 with a hint", async () => {
    const run = await puffle(["conversation", "update", "--base-url", server.url, "--id", CONVERSATION, "--status", "active"], { PUFFLE_API_KEY: "puffle_test_nobody" });
    expect(run.code).toBe(3);
    expect(oneLine(run)).toMatch(/^puffle error: HTTP 401 Unauthorized.*\(check PUFFLE_API_KEY\)/);
  });

  it("PUFFLE_BASE_URL is honoured when --base-url is not given", async () => {
    const run = await puffle(["conversation", "update", "--id", CONVERSATION, "--status", "archived"], { PUFFLE_API_KEY: "puffle_test_alice", PUFFLE_BASE_URL: server.url });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ conversation: { status: "archived" } });
  });

  // The documented bounds of --timeout: the largest printed Node's multi-line TimeoutOverflowWarning on stderr.
  it.each(["0", "60000", "2147483647"])("--timeout %s: exit 0, the result on stdout, nothing on stderr", async (timeout) => {
    const run = await puffle(["conversation", "update", "--base-url", server.url, "--id", CONVERSATION, "--status", "archived", "--timeout", timeout]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ conversation: { status: "archived" } });
  });

  it("an empty PUFFLE_BASE_URL is unset, as an empty PUFFLE_API_KEY is: the spec's server", async () => {
    const run = await puffle(["conversation", "update", "--id", CONVERSATION, "--status", "archived", "--dry-run"], { PUFFLE_BASE_URL: "" });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).url).toBe(`https://app.puffle.ai/api/conversations/${CONVERSATION}`);
  });
});

describe("invalid input: exit 2, one line naming the field and the rule, nothing sent", () => {
  let probe: FaultServer;
  beforeAll(async () => {
    probe = await startFaultServer(reply(200, JSON.stringify({ thread: { id: DRAFT_THREAD, status: "active" } }), { "content-type": "application/json" }));
  });
  afterAll(async () => {
    expect(probe.requests).toEqual([]);
    await probe.close();
  });

  const thread = (...rest: string[]) => ["thread", "update", "--id", DRAFT_THREAD, ...rest];
  const CASES: readonly (readonly [string, string[], RegExp, Record<string, string>?])[] = [
    ["a negative count", thread("--unread-count", "-1"), /--unread-count <n>' argument "-1" is invalid\. unread_count must be an integer from 0 to 9007199254740991, got -1$/],
    ["a fractional count", thread("--unread-count", "1.5"), /unread_count must be an integer from 0 to 9007199254740991, got "1\.5"$/],
    ["a count in exponent form", thread("--unread-count", "1e3"), /unread_count must be an integer/],
    ["a status outside the enum", thread("--status", "deleted"), /--status <value>' argument "deleted" is invalid\. Allowed choices are active, archived\.$/],
    ["a bad email", thread("--participant-email", "not-an-email"), /--participant-email \(participant_email\) must match format "email", got "not-an-email"$/],
    ["a bad account id", thread("--account-id", "acct_1"), /--account-id \(account_id\) must match format "uuid", got "acct_1"$/],
    ["a value and its --clear", thread("--account-id", SALES_SENDER, "--clear-account-id"), /option '--account-id <uuid>' cannot be used with option '--clear-account-id'$/],
    ["attachments that are not objects", thread("--draft-attachments", "[1]"), /--draft-attachments \(draft_attachments\.0\) must be object, got 1$/],
    ["attachments that are not JSON", thread("--draft-attachments", "{"), /draft_attachments must be JSON \(array\) or @file: not valid JSON/],
    ["an attachments file that does not exist", thread("--draft-attachments", "@/nonexistent/puffle.json"), /draft_attachments: cannot read "\/nonexistent\/puffle\.json" \(ENOENT\)$/],
    ["no field at all", thread(), /nothing to update: give at least one of --account-id, .*--unread-count$/],
    ["an unknown option", thread("--stauts", "archived"), /unknown option "--stauts" \(Did you mean --status\?\)$/],
    ["a path-traversal id", ["thread", "update", "--id", "../x", "--status", "archived"], /--id must be a UUID such as 3d986dd1-9d70-45b7-8e36-5d5b8b1c9337, got "\.\.\/x"$/],
    ["a conversation's bad id", ["conversation", "update", "--id", "42", "--status", "archived"], /--id must be a UUID such as f11e8a2c-1234-4567-89ab-cdef01234567, got "42"$/],
    ["an empty id", ["thread", "update", "--id", "", "--status", "archived"], /--id must be a UUID .*got ""$/],
    ["a missing id", ["conversation", "update", "--status", "archived"], /required option '--id <uuid>' not specified$/],
    ["a bad timeout", thread("--status", "archived", "--timeout", "soon"), /--timeout must be an integer number of milliseconds/],
    ["no API key", thread("--status", "archived"), /PUFFLE_API_KEY is not set/, {}],
    ["an API key with a space", thread("--status", "archived"), /PUFFLE_API_KEY must be printable ASCII without spaces or line breaks$/, { PUFFLE_API_KEY: "a b" }],
  ];
  for (const [name, args, pattern, env] of CASES) {
    it(name, async () => {
      const run = await puffle([...args, "--base-url", probe.url], env ?? { PUFFLE_API_KEY: "puffle_test_alice" });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(oneLine(run).trimEnd()).toMatch(pattern);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it("a base URL that is not http(s)", async () => {
    const run = await puffle(["thread", "update", "--id", DRAFT_THREAD, "--status", "archived", "--base-url", "ftp://127.0.0.1"]);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toBe('puffle error: --base-url must use http or https, got "ftp:"\n');
  });
});

describe("failures without a usable response", () => {
  let fault: FaultServer | undefined;
  afterEach(async () => {
    await fault?.close();
    fault = undefined;
  });

  it("connection refused: exit 4", async () => {
    const port = await closedPort();
    const run = await puffle(["thread", "update", "--base-url", `http://127.0.0.1:${port}`, "--id", DRAFT_THREAD, "--status", "archived"]);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toContain(`network error calling http://127.0.0.1:${port}/api/threads/${DRAFT_THREAD}`);
    // What to do, on the same line: the one line on stderr docs/cli.md promises.
    expect(oneLine(run)).toMatch(new RegExp(`: ECONNREFUSED \\(after 3 attempts\\); is a server running at http://127\\.0\\.0\\.1:${port}\\? \`puffle mock --port ${port}\` starts one\n$`));
  });

  it("a server that never answers: exit 4 after --timeout", async () => {
    fault = await startFaultServer(() => {});
    const run = await puffle(["thread", "update", "--base-url", fault.url, "--id", DRAFT_THREAD, "--status", "archived", "--timeout", "200"]);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toContain(`within 200 ms; is the server at ${fault.url} up and reachable? a slower one needs a larger --timeout\n`);
  });

  // A reset and TLS meeting no TLS server said what failed only (`UND_ERR_SOCKET`,
  // `ERR_SSL_WRONG_VERSION_NUMBER`): the line ends with what to check, as a refused connection's.
  it("a server that closes the connection without an answer: exit 4, what to check", async () => {
    fault = await startFaultServer((req) => req.socket.destroy());
    const run = await puffle(["thread", "update", "--base-url", fault.url, "--id", DRAFT_THREAD, "--status", "archived", "--retries", "0"]);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toBe(`puffle error: updateThread: network error calling ${fault.url}/api/threads/${DRAFT_THREAD}: fetch failed: UND_ERR_SOCKET; the server at ${fault.url} closed the connection without an answer: check --base-url (https:// for a server with TLS), and any proxy in between\n`);
  });

  // A connection closed after the status and part of the body (undici: "terminated"): the server
  // answered over http, so the line gives no "https:// for a server with TLS" advice.
  it("a server that closes the connection while it answers: exit 4, no TLS advice", async () => {
    fault = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"thread":', () => res.socket?.destroy());
    });
    const run = await puffle(["thread", "update", "--base-url", fault.url, "--id", DRAFT_THREAD, "--status", "archived", "--retries", "0"]);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toBe(`puffle error: updateThread: network error calling ${fault.url}/api/threads/${DRAFT_THREAD}: terminated: UND_ERR_SOCKET; the server at ${fault.url} closed the connection before its answer was complete: check its logs, and any proxy in between\n`);
  });

  it("an https base URL at a plain-http port: exit 4, what to check", async () => {
    fault = await startFaultServer(reply(200, "{}"));
    const base = fault.url.replace(/^http:/, "https:");
    const run = await puffle(["thread", "update", "--base-url", base, "--id", DRAFT_THREAD, "--status", "archived", "--retries", "0"]);
    expect(run.code).toBe(4);
    expect(oneLine(run)).toMatch(new RegExp(`^puffle error: updateThread: network error calling ${base.replace(/\./g, "\\.")}/api/threads/${DRAFT_THREAD}: fetch failed: (ERR_SSL_WRONG_VERSION_NUMBER|EPROTO|ERR_SSL_PACKET_LENGTH_TOO_LONG); TLS failed at ${base.replace(/\./g, "\\.")}: is it a server without TLS\\? check --base-url \\(http:// for one, such as \`puffle mock\`\\)\n$`));
    expect(fault.requests).toEqual([]);
  });

  // A 502/503 is retried (--retries, default 2): the line says how many attempts were made, as a
  // network error's does.
  it("an HTML 502 from a proxy: exit 3", async () => {
    fault = await startFaultServer(reply(502, "<html>Bad Gateway</html>", { "content-type": "text/html" }));
    const run = await puffle(["conversation", "update", "--base-url", fault.url, "--id", CONVERSATION, "--status", "archived"]);
    expect(run.code).toBe(3);
    expect(oneLine(run)).toBe("puffle error: HTTP 502 with a non-JSON body (text/html) (after 3 attempts)\n");
  });

  it("an empty 503: exit 3", async () => {
    fault = await startFaultServer(reply(503, "", { "x-request-id": "req_empty" }));
    const run = await puffle(["conversation", "update", "--base-url", fault.url, "--id", CONVERSATION, "--status", "archived"]);
    expect(run.code).toBe(3);
    expect(oneLine(run)).toBe("puffle error: HTTP 503 with an empty body (request id req_empty) (after 3 attempts)\n");
  });

  it("a problem detail with line breaks stays on one line", async () => {
    fault = await startFaultServer(reply(400, JSON.stringify({ type: "about:blank", title: "Bad\nthing", status: 400, detail: "line one\nline two" }), { "content-type": "application/problem+json" }));
    const run = await puffle(["conversation", "update", "--base-url", fault.url, "--id", CONVERSATION, "--status", "archived"]);
    expect(run.code).toBe(3);
    expect(oneLine(run)).toBe("puffle error: HTTP 400 Bad thing: line one line two\n");
  });

  // The server's texts are cut as the client's messages cut them (200 characters, ending in …) and
  // a 400 naming 100 fields lists the first ten: the line stays a line.
  const long = (c: string) => c.repeat(100_000);
  const cut = (c: string) => `${c.repeat(199)}…`;
  it.each([
    [
      "a problem with a long title and detail, 100 long errors (the most it holds) and a long request id",
      reply(400, JSON.stringify({ type: "about:blank", title: long("T"), status: 400, detail: long("D"), errors: Array.from({ length: 100 }, (_, i) => ({ path: `/${"f".repeat(300)}${i}`, keyword: "type", message: "m".repeat(300) })) }), { "content-type": "application/problem+json", "x-request-id": "r".repeat(8000) }),
      3,
      `puffle error: HTTP 400 ${cut("T")}: ${cut("D")} [${Array.from({ length: 10 }, () => `${cut("f")} ${cut("m")}`).join("; ")}; and 90 more] (request id ${cut("r")})\n`,
    ],
    [
      "a non-JSON 500 with a long content type",
      reply(500, "x", { "content-type": `text/${"h".repeat(5000)}` }),
      3,
      `puffle error: HTTP 500 with a non-JSON body (text/${"h".repeat(194)}…) (after 3 attempts)\n`,
    ],
  ])("%s", async (_name, handler, code, want) => {
    fault = await startFaultServer(handler);
    const run = await puffle(["conversation", "update", "--base-url", fault.url, "--id", CONVERSATION, "--status", "archived"]);
    expect(run.code).toBe(code);
    expect(oneLine(run)).toBe(want);
  });

  it("a redirect (308): exit 3 naming where it pointed, not followed", async () => {
    fault = await startFaultServer(reply(308, "", { location: "https://app.puffle.ai/api/conversations/x" }));
    const run = await puffle(["conversation", "update", "--base-url", fault.url, "--id", CONVERSATION, "--status", "archived"]);
    expect(run.code).toBe(3);
    expect(oneLine(run)).toBe("puffle error: HTTP 308 with an empty body (a redirect to https://app.puffle.ai/api/conversations/x, not followed: check --base-url)\n");
    expect(fault.requests).toHaveLength(1);
  });

  it("a 200 that is not JSON: exit 5", async () => {
    fault = await startFaultServer(reply(200, "<html>ok</html>", { "content-type": "text/html" }));
    const run = await puffle(["thread", "update", "--base-url", fault.url, "--id", DRAFT_THREAD, "--status", "archived"]);
    expect(run.code).toBe(5);
    expect(oneLine(run)).toBe("puffle error: unexpected response (HTTP 200): body is not JSON\n");
  });
});

describe("help, version and puffle mock", () => {
  it("--help of thread update lists every derived option, the exit codes, and exits 0", async () => {
    const run = await puffle(["thread", "update", "--help"]);
    expect(run.code).toBe(0);
    for (const flag of ["--status <value>", "--unread-count <n>", "--account-id <uuid>", "--clear-account-id", "--participant-email <email>", "--participant-name <text>", "--draft-subject <text>", "--draft-body-text <text>", "--draft-body-html <text>", "--draft-cc <text>", "--draft-bcc <text>", "--draft-attachments <json|@file>", "--clear-draft-attachments", "--base-url <url>"]) {
      expect(run.stdout).toContain(flag);
    }
    // (The help is wrapped at 80 columns: the choices may straddle a line break.)
    expect(run.stdout.replace(/\s+/g, " ")).toContain('(choices: "active", "archived")');
    expect(run.stdout).toContain("\nExit codes:\n  0  ok: the result JSON is on stdout\n  1  internal error in puffle, or the result could not be written to stdout\n     (ENOSPC...: the update was applied)\n  2  usage or invalid input (nothing sent)\n  3  API error: the API answered 4xx/5xx, or a 3xx (redirects are not followed)\n");
  });

  // `puffle … --help | head -1`: the reader is gone before the output is written (EPIPE).
  it.each([
    ["--help, stdout closed", ["thread", "update", "--help"], "stdout", 0],
    ["a dry run, stdout closed", ["thread", "update", "--id", DRAFT_THREAD, "--status", "archived", "--dry-run"], "stdout", 0],
    ["a usage error, stderr closed", ["thread", "update", "--id", "nope"], "stderr", 2],
  ] as const)("%s: no stack trace, the command's own exit code", async (_name, args, closed, want) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "", PUFFLE_API_KEY: "puffle_test_alice" }, stdio: ["ignore", "pipe", "pipe"] });
    child[closed].destroy(); // our end of the pipe: the child's writes to it fail with EPIPE
    let other = "";
    child[closed === "stdout" ? "stderr" : "stdout"].on("data", (d) => (other += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(other).toBe("");
    expect(code).toBe(want);
  });

  it.skipIf(!existsSync("/dev/full"))("a stdout that cannot be written (a full disk: /dev/full) → one line on stderr, exit 1", async () => {
    const full = openSync("/dev/full", "w");
    try {
      const args = ["thread", "update", "--id", DRAFT_THREAD, "--status", "archived", "--dry-run"];
      const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? "", PUFFLE_API_KEY: "puffle_test_alice" }, stdio: ["ignore", full, "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
      expect(stderr).toBe("puffle error: cannot write the output: ENOSPC\n");
      expect(code).toBe(1);
    } finally {
      closeSync(full);
    }
  });

  it("--version prints the API version, the package's own (one number; not a literal a release bump breaks)", async () => {
    const run = await puffle(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version}\n`);
  });

  it("puffle mock starts the reference server, prints tokens and URL, and serves the CLI", async () => {
    const child = spawn(process.execPath, [BIN, "mock", "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match?.[1] && out.includes("puffle_test_bob")) {
            clearTimeout(timer);
            expect(out).toContain("puffle_test_alice");
            expect(out).toContain(DRAFT_THREAD);
            resolve(match[1]);
          }
        });
        child.once("exit", (code) => reject(new Error(`puffle mock exited with ${code}: ${out}`)));
      });
      const run = await puffle(["thread", "update", "--base-url", url, "--id", DRAFT_THREAD, "--status", "archived"]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ thread: { id: DRAFT_THREAD, status: "archived" } });
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("puffle mock --print-seed prints what npm run mock -- --print-seed prints (an installed package has no npm run mock), and its --data help points at it", async () => {
    const run = await puffle(["mock", "--print-seed"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const main = spawnSync(process.execPath, [path.join(ROOT, "dist/server/main.js"), "--print-seed"], { encoding: "utf8", timeout: 20_000 });
    expect(main.status).toBe(0);
    expect(run.stdout).toBe(main.stdout);
    const help = await puffle(["mock", "--help"]);
    expect(help.stdout).toContain("--print-seed");
    // The help names no file an installed package does not have.
    expect(help.stdout).not.toContain("docs/server.md");
  });

  it("puffle mock --port rejects a bad port with exit 2", async () => {
    const run = await puffle(["mock", "--port", "70000"]);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toContain("--port must be an integer from 0 (any free port) to 65535");
  });

  // The reference server's two launchers share their --host check and shutdown (src/server/launch.ts).
  const MAIN = path.join(ROOT, "dist/server/main.js");
  const LAUNCHERS = [
    ["puffle mock", [BIN, "mock"]],
    ["npm run mock (dist/server/main.js)", [MAIN]],
  ] as const;

  /** Starts `puffle mock --port 0` (or another launcher; with the request log, so a request's arrival can be seen) and waits for its banner. */
  async function startMock(extra: string[] = [], launcher: readonly string[] = [BIN, "mock"], wrapper: readonly string[] = []) {
    const [command, ...args] = [...wrapper, process.execPath, ...launcher, "--port", "0", ...extra] as [string, ...string[]];
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const port = await new Promise<number>((resolve, reject) => {
      // A launcher that never prints its banner (a regression) is stopped, not left listening.
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`no banner: ${out}${err}`));
      }, 15_000);
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (match?.[1] && out.includes("Try:")) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      void exited.then(({ code }) => reject(new Error(`puffle mock exited with ${code}: ${out}${err}`)));
    });
    return { child, port, exited, output: () => out, errors: () => err };
  }

  // Fastify logs "Server listening at …" while it starts listening, before the launcher knows the URL
  // its banner shows: that JSON line came out first, above the banner.
  it.each(LAUNCHERS)("%s prints its banner before any log line", async (name, launcher) => {
    const mock = await startMock([], launcher);
    try {
      await outputShows(mock, '"msg":"Server listening at', "no log line");
      const out = mock.output();
      expect(out.split("\n")[0]).toMatch(/^Puffle reference server listening on http:\/\/127\.0\.0\.1:\d+/);
      // docs/server.md ("In CI") gives the line's form: the URL ends it from puffle mock (but for a
      // wildcard host), " (…)" follows it from npm run mock.
      expect(out.split("\n")[0]).toMatch(name === "puffle mock" ? /:\d+$/ : /:\d+ \(data: default seed\)$/);
      expect(readFileSync(path.join(ROOT, "docs/server.md"), "utf8").replace(/\s+/g, " ")).toContain("`Puffle reference server listening on <url>`, then ` (…)` from `npm run mock` (from `puffle mock` only with `--host 0.0.0.0` or `::`)");
      expect(out.indexOf('"msg":"Server listening at'), out).toBeGreaterThan(out.indexOf("Try:"));
    } finally {
      mock.child.kill("SIGTERM");
      await exitWithin(mock, 15_000);
    }
  });

  // `--allow-reset=yes` was refused in two wordings: `puffle mock` said `unknown option
  // "--allow-reset" (given a value, not shown)`, as if there were no such option, and `npm run mock`
  // parseArgs's "Option '--allow-reset' does not take an argument". Both now say one thing.
  it.each(LAUNCHERS.flatMap(([name, launcher]) => ["--allow-reset", "--quiet", "--print-seed"].map((flag) => [name, flag, launcher] as const)))(
    "%s %s=yes: exit 2, the option named and what it takes, worded as the other launcher words it",
    (name, flag, launcher) => {
      const run = spawnSync(process.execPath, [...launcher, "--port", "0", `${flag}=yes`], { encoding: "utf8", timeout: 20_000 });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      const prefix = name === "puffle mock" ? "puffle error: " : "puffle mock: ";
      expect(run.stderr.split("\n")[0]).toBe(`${prefix}${flag} takes no value: give ${flag} alone (on) or leave it out (off)`);
      expect(run.stderr).not.toContain("yes");
    },
  );

  // For tests in another process sharing one server: opt-in, named in the banner, answered 204 once
  // the data is back at the seed (so the next request sees it), and a 404 without the option.
  it.each(LAUNCHERS)("%s --allow-reset: POST /__puffle/reset, named in the banner, puts the data back; without it a 404", async (_name, launcher) => {
    const patch = (port: number, body: object) =>
      fetch(`http://127.0.0.1:${port}/api/threads/${DRAFT_THREAD}`, {
        method: "PATCH",
        headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const seeded = defaultSeed.conversations.find((c) => c.id === DRAFT_THREAD)!.draft_subject;
    for (const allowReset of [true, false]) {
      const mock = await startMock(["--quiet", ...(allowReset ? ["--allow-reset"] : [])], launcher);
      try {
        const url = `http://127.0.0.1:${mock.port}`;
        expect(mock.output().includes(`Reset: POST ${url}/__puffle/reset puts the data back to its seed (from this machine only)\n`)).toBe(allowReset);
        expect((await patch(mock.port, { draft_subject: "Changed" })).status).toBe(200);
        const reset = await fetch(`${url}/__puffle/reset`, { method: "POST" });
        expect(reset.status).toBe(allowReset ? 204 : 404);
        const after = (await (await patch(mock.port, { unread_count: 1 })).json()) as { thread: { draft_subject: string | null } };
        expect(after.thread.draft_subject).toBe(allowReset ? seeded : "Changed");
      } finally {
        mock.child.kill("SIGTERM");
        await exitWithin(mock, 15_000);
      }
    }
  });

  /** Resolves once the mock's stdout holds `text`; rejects after 15 s with `failure` and the output. */
  function outputShows(mock: Awaited<ReturnType<typeof startMock>>, text: string, failure: string) {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${failure}: ${mock.output()}`)), 15_000);
      const check = () => {
        if (mock.output().includes(text)) {
          clearTimeout(timer);
          mock.child.stdout.off("data", check);
          resolve();
        }
      };
      mock.child.stdout.on("data", check);
      check();
    });
  }

  /** Resolves with the exit, or with "still running" once `ms` have passed (the child is then killed). */
  async function exitWithin(mock: Awaited<ReturnType<typeof startMock>>, ms: number) {
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([mock.exited, new Promise<"still running">((resolve) => (timer = setTimeout(() => resolve("still running"), ms)))]);
    clearTimeout(timer);
    if (result === "still running") {
      mock.child.kill("SIGKILL");
      await mock.exited;
    }
    return result;
  }

  it.each(LAUNCHERS.flatMap(([name, launcher]) => (["SIGINT", "SIGTERM"] as const).map((signal) => [name, signal, launcher] as const)))("%s stops on %s even while a client holds a request open: exit 0, no stack, port released", async (_name, signal, launcher) => {
    const mock = await startMock([], launcher);
    // Headers and one byte of a 100-byte body: the request stays open until the client sends the rest.
    const socket = net.connect(mock.port, "127.0.0.1");
    socket.on("error", () => {});
    try {
      socket.write(`PATCH /api/threads/${DRAFT_THREAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer puffle_test_alice\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
      await outputShows(mock, '"msg":"incoming request"', "the request never reached the server");
      mock.child.kill(signal);
      expect(await exitWithin(mock, 15_000)).toEqual({ code: 0, signal: null });
    } finally {
      socket.destroy();
    }
    expect(mock.errors()).not.toMatch(/\n\s+at /);
    const refused = await new Promise<string>((resolve) => {
      const probe = net.connect(mock.port, "127.0.0.1", () => {
        probe.destroy();
        resolve("connected");
      });
      probe.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });

  /** Resolves once nothing listens on `port` any more (a connection refused): the server has begun to close. */
  async function stoppedListening(port: number) {
    for (let attempt = 0; attempt < 300; attempt++) {
      const code = await new Promise<string>((resolve) => {
        const probe = net.connect(port, "127.0.0.1", () => {
          probe.destroy();
          resolve("connected");
        });
        probe.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      });
      if (code === "ECONNREFUSED") return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`port ${port} still accepts connections after the first signal`);
  }

  /** A failed assertion (no signal sent, or sent too late) leaves no server running: SIGKILL, then wait for the exit. */
  async function killUnlessExited(mock: Awaited<ReturnType<typeof startMock>>) {
    if (mock.child.exitCode === null && mock.child.signalCode === null) mock.child.kill("SIGKILL");
    await mock.exited;
  }

  /** A request's headers and 1 byte of its 100-byte body: it keeps close() waiting for its one-second cut. */
  async function holdRequestOpen(mock: Awaited<ReturnType<typeof startMock>>) {
    const socket = net.connect(mock.port, "127.0.0.1");
    socket.on("error", () => {});
    socket.write(`PATCH /api/threads/${DRAFT_THREAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer puffle_test_alice\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    await outputShows(mock, '"msg":"incoming request"', "the request never reached the server");
    return socket;
  }

  // docs/server.md ("Stopping"): a second SIGINT/SIGTERM while it closes ends the process at once, by
  // that signal. With `process.once` per signal, a SIGINT after a SIGTERM found its own handler still
  // installed: a second close, awaited, then exit 0.
  it.each(LAUNCHERS.flatMap(([name, launcher]) => (["SIGINT", "SIGTERM"] as const).map((second) => [name, second, launcher] as const)))("%s: SIGTERM then %s while closing ends it by the second signal", async (_name, second, launcher) => {
    const mock = await startMock([], launcher);
    let socket: net.Socket | undefined;
    try {
      socket = await holdRequestOpen(mock);
      mock.child.kill("SIGTERM");
      await stoppedListening(mock.port);
      mock.child.kill(second);
      expect(await exitWithin(mock, 15_000)).toEqual({ code: null, signal: second });
    } finally {
      socket?.destroy();
      await killUnlessExited(mock);
    }
  });

  // As a container's entry point (PID 1 of a PID namespace, no init), the kernel ignores a signal the
  // process has no handler for: the second signal did nothing, and the server waited for its grace
  // cut and exited 0. unshare(1) exits with the code of the process it forked.
  // --kill-child: when unshare dies (SIGKILLed by exitWithin or the cleanup below), the kernel kills
  // the namespace's PID 1 too; without it the server outlived a failed test, reparented, listening.
  const UNSHARE = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"] as const;
  const pidNamespaces = process.platform === "linux" && spawnSync(UNSHARE[0], [...UNSHARE.slice(1), "true"], { timeout: 10_000 }).status === 0;
  it.runIf(pidNamespaces).each(LAUNCHERS)("%s as PID 1: the first SIGTERM closes it (exit 0), a second while closing ends it, exit 143", async (_name, launcher) => {
    for (const signals of [["SIGTERM"], ["SIGTERM", "SIGTERM"]] as const) {
      const mock = await startMock([], launcher, UNSHARE);
      let socket: net.Socket | undefined;
      try {
        socket = await holdRequestOpen(mock);
        // unshare forwards no signal: signal the server, its child (PID 1 in the namespace), directly.
        const pid = Number(readFileSync(`/proc/${mock.child.pid}/task/${mock.child.pid}/children`, "utf8").trim());
        expect(readFileSync(`/proc/${pid}/status`, "utf8")).toMatch(/^NSpid:\s+\d+\s+1$/m);
        for (const [i, signal] of signals.entries()) {
          if (i > 0) await stoppedListening(mock.port);
          process.kill(pid, signal);
        }
        expect(await exitWithin(mock, 15_000)).toEqual({ code: signals.length === 1 ? 0 : 143, signal: null });
      } finally {
        socket?.destroy();
        await killUnlessExited(mock);
      }
    }
  });

  it.each(LAUNCHERS)("%s stops cleanly on a SIGTERM sent as soon as its banner is out (the handlers come first)", async (_name, launcher) => {
    for (let round = 0; round < 3; round++) {
      const mock = await startMock(["--quiet"], launcher);
      mock.child.kill("SIGTERM");
      expect(await exitWithin(mock, 15_000)).toEqual({ code: 0, signal: null });
    }
  });

  it("puffle mock --data reads a seed file that starts with a byte order mark", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-seed-"));
    const file = path.join(dir, "seed.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(defaultSeed)}`);
    try {
      const mock = await startMock(["--quiet", "--data", file]);
      expect(mock.output()).toContain("puffle_test_bob");
      mock.child.kill("SIGTERM");
      expect(await exitWithin(mock, 15_000)).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A seed file's text (a user's name, a field name it got wrong) is printed by both launchers: like
  // a server's text it must not drive the terminal (control characters, bidirectional formatting).
  const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
  const hostileText = "Evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eName";
  it.each(LAUNCHERS)("%s --data: a user's name in the banner cannot drive the terminal", async (_name, launcher) => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-seed-"));
    try {
      const seed = structuredClone(defaultSeed);
      seed.users[0]!.name = hostileText;
      const file = path.join(dir, "seed.json");
      writeFileSync(file, JSON.stringify(seed));
      const mock = await startMock(["--quiet", "--data", file], launcher);
      mock.child.kill("SIGTERM");
      expect(await exitWithin(mock, 15_000)).toEqual({ code: 0, signal: null });
      // npm run mock's banner names the file the data came from (puffle mock's names no source).
      if (launcher[0] === MAIN) expect(mock.output().split("\n")[0]).toContain(`(data: ${file})`);
      for (const line of mock.output().split("\n")) expect(line).not.toMatch(UNSAFE);
      expect(mock.output()).toContain(`${seed.users[0]!.token}   Evil ]0;pwned [2J 31m Name`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // An invalid seed's field name, quoted in the error: control characters shown as spaces, and a
  // line break in it starts no line of its own (the error was split at its line breaks first).
  const HOSTILE_FIELDS = [
    ["escape sequences", hostileText, "Evil ]0;pwned [2J 31m Name: is not a known field"],
    ["a line break", "x\r\npuffle mock: listening on http://evil.example", "x puffle mock: listening on http://evil.example: is not a known field"],
  ] as const;
  it.each(LAUNCHERS.flatMap(([name, launcher]) => HOSTILE_FIELDS.map(([what, field, shown]) => [name, what, launcher, field, shown] as const)))(
    "%s --data: an invalid seed's field name holding %s cannot drive the terminal or add a line",
    async (_name, _what, launcher, field, shown) => {
      const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-seed-"));
      try {
        const file = path.join(dir, "seed.json");
        writeFileSync(file, JSON.stringify({ ...defaultSeed, [field]: 1 }));
        const run = spawnSync(process.execPath, [...launcher, "--port", "0", "--quiet", "--data", file], { encoding: "utf8", timeout: 20_000 });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe("");
        expect(run.stderr).toContain(shown);
        for (const line of run.stderr.split("\n")) {
          expect(line).not.toMatch(UNSAFE);
          expect(line).not.toMatch(/^puffle mock: listening/);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  // Not a host: empty, blank, a URL, holding what a URL puts around a host (user info, a query, a
  // fragment), or an IPv6 address in a URL's brackets; nor text no host name can be (RFC 1123: dot-
  // separated labels of 1 to 63 letters, digits and hyphens, none first or last), which went to
  // getaddrinfo and exited 1 "cannot listen" (a control character, an escape sequence, an empty
  // label, a hyphen last in a label, an underscore, a label of 64 characters).
  const BAD_HOSTS = [[""], [" "], ["http://127.0.0.1"], ["user@127.0.0.1"], ["127.0.0.1?x"], ["127.0.0.1#x"], ["[::1]"], ["[::]"], ["a\u0001b"], ["\u001b[31mred"], ["a..b"], ["x-.example"], ["a_b"], ["a".repeat(64)]];
  const HOST_RULE = "--host must be an IP address such as 127.0.0.1 or ::1 (IPv6 without brackets) or a host name such as localhost (dot-separated labels of letters, digits and hyphens, at most 63 characters each, not starting or ending with a hyphen; 253 in all), got ";
  it.each(BAD_HOSTS)("puffle mock --host %j: exit 2 naming the option, nothing listens", async (host) => {
    const run = await puffle(["mock", "--port", "0", "--quiet", "--host", host]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(oneLine(run)).toContain(`${HOST_RULE}${JSON.stringify(host)}`);
  });

  it.each(BAD_HOSTS)("npm run mock --host %j: exit 2 naming the option, nothing listens", async (host) => {
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [MAIN, "--port", "0", "--quiet", "--host", host], { timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      });
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(`puffle mock: ${HOST_RULE}${JSON.stringify(host)}`);
  });

  it.each(LAUNCHERS)("%s --host bücher.example: exit 2, the message names its punycode form", async (_name, launcher) => {
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [...launcher, "--port", "0", "--quiet", "--host", "bücher.example"], { timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      });
    });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr.split("\n")[0]).toContain(`${HOST_RULE}"bücher.example"; an internationalized name is given in its ASCII (punycode) form, here "xn--bcher-kva.example"`);
  });

  // Numbers and dots that are not a full dotted quad: RFC 1123 names in form, which the resolver reads
  // as IPv4 shorthand (inet_aton): `127.1` listened on 127.0.0.1 (its banner `http://127.1:…`),
  // `1.2.3` tried 1.2.0.3 and `0.1` 0.0.0.1 (exit 1, "address not available"), `300.1` and
  // `127.0.0.1.` were looked up as names (exit 1, ENOTFOUND). A usage error now, naming the rule.
  const NUMERIC_RULE = "--host must be an IPv4 address in full (four decimal numbers from 0 to 255, such as 127.0.0.1) when it is numbers and dots: shorthand such as 127.1, 10.1.2 or 2130706433 is no host name, and the resolver reads it as another address; got ";
  it.each(LAUNCHERS.flatMap(([name, launcher]) => ["127.1", "1.2.3", "0.1", "300.1", "127.0.0.1."].map((host) => [name, host, launcher] as const)))("%s --host %j: exit 2 naming the rule for numbers and dots, nothing listens", async (name, host, launcher) => {
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [...launcher, "--port", "0", "--quiet", "--host", host], { timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      });
    });
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr.split("\n")[0]).toBe(
      name === "puffle mock" ? `puffle error: option '--host <host>' argument ${JSON.stringify(host)} is invalid. ${NUMERIC_RULE}${JSON.stringify(host)}` : `puffle mock: ${NUMERIC_RULE}${JSON.stringify(host)}`,
    );
  });

  // --cors [origin]: one implementation for both launchers (parseCorsArgument in src/server/launch.ts).
  /** A browser's preflight for a PATCH with a token and a JSON body, from `origin`. */
  async function preflightOn(port: number, origin: string) {
    const response = await fetch(`http://127.0.0.1:${port}/api/threads/${DRAFT_THREAD}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "PATCH", "access-control-request-headers": "authorization,content-type" },
    });
    await response.arrayBuffer();
    return response;
  }

  it.each(LAUNCHERS.flatMap(([name, launcher]) => [
    [name, ["--cors", "http://localhost:5173", "--quiet"], launcher, "CORS: on, for http://localhost:5173 (other origins get no CORS headers)", "http://localhost:5173"],
    // Alone, and followed by another option: any origin.
    [name, ["--cors", "--quiet"], launcher, "CORS: on, for any origin (*)", "*"],
    [name, ["--quiet", "--cors"], launcher, "CORS: on, for any origin (*)", "*"],
    [name, ["--quiet", "--cors=HTTP://LocalHost:5173,https://app.example.com"], launcher, "CORS: on, for http://localhost:5173, https://app.example.com (other origins get no CORS headers)", "http://localhost:5173"],
  ] as const))("%s %j: the banner says so, and a preflight from http://localhost:5173 is allowed", async (_name, extra, launcher, line, allowOrigin) => {
    const mock = await startMock([...extra], launcher);
    try {
      expect(mock.output().split("\n")[1]).toBe(line);
      const allowed = await preflightOn(mock.port, "http://localhost:5173");
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(allowOrigin);
      expect(allowed.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type, Content-Encoding, X-Request-Id");
      if (allowOrigin !== "*") {
        const other = await preflightOn(mock.port, "https://evil.example");
        expect(other.headers.get("access-control-allow-origin")).toBeNull();
      }
    } finally {
      mock.child.kill("SIGTERM");
      expect(await exitWithin(mock, 15_000)).toEqual({ code: 0, signal: null });
    }
  });

  it.each(LAUNCHERS)("%s without --cors: no CORS line, a preflight is a 405", async (_name, launcher) => {
    const mock = await startMock(["--quiet"], launcher);
    try {
      expect(mock.output()).not.toContain("CORS");
      const res = await preflightOn(mock.port, "http://localhost:5173");
      expect(res.status).toBe(405);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      mock.child.kill("SIGTERM");
      expect(await exitWithin(mock, 15_000)).toEqual({ code: 0, signal: null });
    }
  });

  const BAD_CORS: readonly (readonly [string, string])[] = [
    ["http://localhost:5173/", 'got "http://localhost:5173/"'],
    ["http://localhost:5173/app", 'got "http://localhost:5173/app"'],
    ["localhost:5173", 'got "localhost:5173"'],
    ["ftp://localhost", 'got "ftp://localhost"'],
    ["http://localhost:5173?x=1", 'got "http://localhost:5173?x=1"'],
    ["", 'got ""'],
    ["http://localhost:5173,nope", 'got "nope" in "http://localhost:5173,nope"'],
  ];
  const CORS_RULE = "--cors must be * (any origin), an origin, or origins separated by commas; an origin is http:// or https://, a host and an optional :port, with no path (not even a trailing /), query or fragment, e.g. http://localhost:5173; ";

  it.each(BAD_CORS)("puffle mock --cors %j: exit 2 naming the option and the rule, nothing listens", async (value, got) => {
    const run = await puffle(["mock", "--port", "0", "--quiet", "--cors", value]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(oneLine(run)).toContain(`${CORS_RULE}${got}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(BAD_CORS)("npm run mock --cors %j: exit 2 naming the option and the rule, nothing listens", async (value, got) => {
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [MAIN, "--port", "0", "--quiet", "--cors", value], { timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      });
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(`puffle mock: ${CORS_RULE}${got}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("puffle mock --data with a missing file: exit 2", async () => {
    const run = await puffle(["mock", "--port", "0", "--data", "/nonexistent/seed.json"]);
    expect(run.code).toBe(2);
    expect(oneLine(run)).toMatch(/^puffle error: --data: /);
  });
});

// `@-` with stdin redirected from a file, from /dev/null and from a pipe (a dry run: nothing is sent,
// so the test process may wait for the child synchronously).
// docs/server.md ("In CI") starts the mock in the background with its output to mock.log and reads
// the URL from that file in a loop. The shell may run the loop's first `sed` before the background
// job has created the file: a `sed: can't read mock.log` on stderr in about one run of three. The
// loop, as printed, with a job that writes the file 300 ms later: nothing on stderr.
describe("docs/server.md's wait-for-the-banner loop", () => {
  it("says nothing on stderr while mock.log does not exist yet, then reads the URL", () => {
    const docs = readFileSync(path.join(ROOT, "docs/server.md"), "utf8");
    const block = [...docs.matchAll(/^ *```sh\n([\s\S]*?)^ *```$/gm)].map((m) => m[1]!).find((code) => code.includes("MOCK_PID=$!"));
    expect(block).toBeDefined();
    const loop = /^ *until [\s\S]*?^ *done$/m.exec(block!)?.[0];
    expect(loop).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-wait-"));
    try {
      const script = `(sleep 0.3; echo "Puffle reference server listening on http://127.0.0.1:4999" > mock.log; sleep 1) &\nMOCK_PID=$!\n${loop}\necho "$URL"\nkill $MOCK_PID\n`;
      const run = spawnSync("sh", ["-c", script], { cwd: dir, encoding: "utf8", timeout: 20_000 });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe("http://127.0.0.1:4999\n");
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("@- reads the process's stdin", () => {
  const dryRun = (stdin: "ignore" | number | string) =>
    spawnSync(process.execPath, [BIN, "thread", "update", "--id", DRAFT_THREAD, "--draft-attachments", "@-", "--dry-run"], {
      env: { PATH: process.env.PATH ?? "", PUFFLE_API_KEY: "k" },
      encoding: "utf8",
      timeout: 20_000,
      // "ignore" is stdin from /dev/null (it was taken for text, "ignore", piped in).
      ...(stdin === "ignore" || typeof stdin === "number" ? { stdio: [stdin, "pipe", "pipe"] } : { input: stdin }),
    });

  it("from a pipe, from a file, and from /dev/null (empty, said so: exit 2)", () => {
    const piped = dryRun('[{"id":"att_1"}]');
    expect(piped.stderr).toBe("");
    expect(JSON.parse(piped.stdout).body).toEqual({ draft_attachments: [{ id: "att_1" }] });
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-stdin-"));
    const file = path.join(dir, "a.json");
    writeFileSync(file, '[{"id":"att_3"}]');
    const fd = openSync(file, "r");
    try {
      const fromFile = dryRun(fd);
      expect(fromFile.stderr).toBe("");
      expect(JSON.parse(fromFile.stdout).body).toEqual({ draft_attachments: [{ id: "att_3" }] });
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
    const empty = dryRun("ignore");
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe(`puffle error: option '--draft-attachments <json|@file>' argument "@-" is invalid. draft_attachments: stdin is empty; it must hold JSON (array)\n`);
    expect(empty.stdout).toBe("");
  });
});

describe("a value in a non-UTF-8 locale", () => {
  // A script in ISO-8859-1 (LANG=C, a Latin-1 CSV read in a loop): é is the byte E9, which Node's
  // UTF-8 reading of the arguments turns into U+FFFD. It used to be sent so, "Zo\uFFFD", exit 0.
  it("a Latin-1 byte in a text option is exit 2 naming the field, nothing printed on stdout", () => {
    const script = `exec "$0" "$1" thread update --id "$2" --participant-name "$(printf 'Zo\\351')" --dry-run`;
    const run = spawnSync("sh", ["-c", script, process.execPath, BIN, DRAFT_THREAD], { env: { PATH: process.env.PATH ?? "", LANG: "C", LC_ALL: "C" }, encoding: "utf8", timeout: 20_000 });
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^puffle error: option '--participant-name <text>' argument "Zo\uFFFD" is invalid\. participant_name holds U\+FFFD, the replacement character, [^\n]+\n$/);
    expect(run.status).toBe(2);
  });

  it("UTF-8 text is sent as it is under LANG=C", () => {
    const run = spawnSync(process.execPath, [BIN, "thread", "update", "--id", DRAFT_THREAD, "--participant-name", "Zoë 山田 🚀", "--dry-run"], { env: { PATH: process.env.PATH ?? "", LANG: "C", LC_ALL: "C" }, encoding: "utf8", timeout: 20_000 });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).body).toEqual({ participant_name: "Zoë 山田 🚀" });
    expect(run.status).toBe(0);
  });
});

describe("docs/cli.md's ids.csv loop, as printed", () => {
  let server: RunningServer;
  let dir: string;
  beforeEach(async () => {
    server = await startServer({ port: 0 });
    dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-loop-"));
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The docs' block from `# ids.csv` to `exit $status`. */
  function loopScript(): string {
    const docs = readFileSync(path.join(ROOT, "docs/cli.md"), "utf8");
    const script = /^# ids\.csv[\s\S]*?^exit \$status$/m.exec(docs)?.[0];
    expect(script, "docs/cli.md has the ids.csv loop").toBeDefined();
    return script!;
  }

  // CI shells run with errexit: GitHub Actions' `shell: bash` is `bash -eo pipefail`. A row that
  // failed used to end the script there, at `rc=$?`'s command: the rows after it not run, its error
  // line not shown (it was in err.txt), the script's exit the row's code.
  it.each([["bash"], ["bash -euo pipefail"]])("under %s: every row is run, each failing one reported, exit 1", async (shell) => {
    writeFileSync(path.join(dir, "loop.sh"), `${loopScript()}\n`);
    writeFileSync(path.join(dir, "ids.csv"), [`not-a-uuid,Hello`, `${DRAFT_THREAD},Set by the loop`, ""].join("\n"));
    const bin = path.join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(path.join(bin, "puffle"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
    const [command, ...flags] = shell.split(" ");
    // Not spawnSync: the reference server runs in this process.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`, PUFFLE_API_KEY: "puffle_test_alice", PUFFLE_BASE_URL: server.url };
      execFile(command!, [...flags, "loop.sh"], { cwd: dir, env, timeout: 30_000 }, (error, _stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr });
      });
    });
    expect(run.stderr).toBe(`not-a-uuid: puffle error: --id must be a UUID such as ${DRAFT_THREAD}, got "not-a-uuid"\n`);
    expect(run.status).toBe(1);
    expect(server.app.puffle.store.snapshot().conversations.find((row) => row.id === DRAFT_THREAD)?.draft_subject).toBe("Set by the loop");
  });
});
