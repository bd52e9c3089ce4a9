// The request log (logger on) never prints a bearer token, nor a client's text raw.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { createServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { ALICE, BOB, DOCS_CONVERSATION, DOCS_THREAD, parseRawResponse, pathOf, rawExchange, send, start } from "./http.js";

const lines: string[] = [];
interface Entry {
  reqId?: string;
  dropped?: string[];
  code?: string;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { method?: string; url?: string; statusCode?: number; reason?: string };
}
/** The log entries written since line `from` (an index into `lines`). */
const entriesSince = (from: number): Entry[] =>
  lines.slice(from).flatMap((line) => line.split("\n")).filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as Entry);
let server: RunningServer;
beforeAll(async () => {
  server = await start({ logger: true, logStream: { write: (line: string) => void lines.push(line) } });
});
afterAll(async () => {
  await server.close();
});

describe("request log", () => {
  const secret = "puffle_secret_never_logged_9c1f";
  it("logs every request without the Authorization header or any token", async () => {
    await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { token: BOB, body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { token: secret, body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { token: null, headers: { authorization: `Basic ${secret}` }, body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { body: "{not json" });
    await send(server, "updateThread", DOCS_THREAD, { body: { status: "active" }, contentType: "text/plain" });
    await send(server, "updateThread", DOCS_THREAD, { method: "DELETE" });
    await send(server, "updateThread", DOCS_THREAD, { rawPath: `/api/threads/${DOCS_THREAD}?access_token=${secret}`, body: { unread_count: 1 } });

    const log = lines.join("");
    // The log is there and covers the requests (so the assertions below can fail) …
    const entries = lines.flatMap((line) => line.split("\n")).filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as { req?: { method?: string; url?: string }; res?: { statusCode?: number } });
    expect(entries.filter((e) => e.req !== undefined)).toHaveLength(8);
    expect(entries.filter((e) => e.res !== undefined).map((e) => e.res?.statusCode)).toEqual([200, 404, 401, 401, 400, 415, 405, 200]);
    // … and no credential appears in it.
    for (const token of [ALICE, BOB, secret]) expect(log).not.toContain(token);
    expect(log.toLowerCase()).not.toContain("authorization");
    expect(log).not.toContain("Bearer");
  });

  it("logs a request that is not valid HTTP once, with the status and the X-Request-Id it was answered with", async () => {
    const from = lines.length;
    const exchange = await rawExchange(server, `PATCH /api/threads/${DOCS_THREAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${secret}\r\nContent-Length: abc\r\n\r\n{}`);
    const res = parseRawResponse(exchange.text);
    expect(res.status).toBe(400);
    const entries = entriesSince(from);
    expect(entries).toEqual([expect.objectContaining({ reqId: res.headers.get("x-request-id"), code: "HPE_INVALID_CONTENT_LENGTH", res: { statusCode: 400 } })]);
    const log = lines.slice(from).join("");
    expect(log).not.toContain(secret);
    expect(log.toLowerCase()).not.toContain("authorization");
  });

  // Bytes that are not valid HTTP after a request still being answered: the log had that request's
  // "incoming request" line and never its response line (the 400 for the bytes went out in its place,
  // logged under another id). Its response line comes, and one line names the ignored bytes' code.
  it("bytes that are not valid HTTP after a request still being answered: its response line, and one line for the bytes", async () => {
    const from = lines.length;
    const json = '{"unread_count":1}';
    const exchange = await rawExchange(server, `PATCH /api/threads/${DOCS_THREAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}GARBAGE\r\n\r\n`);
    const res = parseRawResponse(exchange.text);
    expect(res.status).toBe(200);
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.res !== undefined);
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(responses()).toEqual([expect.objectContaining({ reqId, res: { method: "PATCH", url: `/api/threads/${DOCS_THREAD}`, statusCode: 200 } })]);
    expect(entriesSince(from).filter((e) => e.code !== undefined)).toEqual([
      expect.objectContaining({ code: "HPE_INVALID_METHOD", msg: "ignored data that is not valid HTTP after a request still being answered; its answer closes the connection" }),
    ]);
  });

  // A request whose chunked body turns out not to be valid HTTP while it arrives was answered under a
  // new request id: not the client's (or its proxy's) X-Request-Id, which docs/server.md says is
  // echoed and is the log's reqId, and not the id of its own "incoming request" line.
  it("a request whose body is not valid HTTP while it arrives is answered and logged under its own request id", async () => {
    const from = lines.length;
    const trace = "trace-chunked-0001";
    const exchange = await rawExchange(server, `PATCH /api/threads/${DOCS_THREAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nX-Request-Id: ${trace}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\n`);
    const res = parseRawResponse(exchange.text);
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe(trace);
    const entries = entriesSince(from);
    expect(entries.filter((e) => e.req !== undefined)).toEqual([expect.objectContaining({ reqId: trace })]);
    expect(entries.filter((e) => e.code === "HPE_INVALID_CHUNK_SIZE")).toEqual([expect.objectContaining({ reqId: trace, res: { statusCode: 400 } })]);
  });

  it("a request answered before its body (a 401), whose chunked body is then not valid HTTP: its response line, and the parser's code without a status (no second response)", async () => {
    const from = lines.length;
    const exchange = await rawExchange(server, `PATCH /api/threads/${DOCS_THREAD} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer nope\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`);
    const res = parseRawResponse(exchange.text);
    expect(res.status).toBe(401);
    const reqId = res.headers.get("x-request-id");
    for (let waited = 0; !entriesSince(from).some((e) => e.res !== undefined) && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const entries = entriesSince(from);
    expect(entries.filter((e) => e.res !== undefined)).toEqual([expect.objectContaining({ reqId, res: { method: "PATCH", url: `/api/threads/${DOCS_THREAD}`, statusCode: 401, reason: expect.any(String) } })]);
    expect(entries.filter((e) => e.code !== undefined && e.code !== "ECONNRESET")).toEqual([expect.objectContaining({ code: "HPE_INVALID_CHUNK_SIZE", msg: "closed the connection of an answered request whose body is not valid HTTP" })]);
  });

  it("logs a malformed URL's request and its response, the response once with its status", async () => {
    const from = lines.length;
    const res = await send(server, "updateThread", "", { method: "GET", rawPath: `/api/threads/%zz?tok=${secret}` });
    expect(res.status).toBe(400);
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined);
    // The response line is written when the response has finished, which may be just after the client has it.
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const entries = entriesSince(from);
    expect(entries.filter((e) => e.req !== undefined)).toEqual([expect.objectContaining({ reqId, req: { method: "GET", url: "/api/threads/%zz" } })]);
    expect(responses().map((e) => e.res)).toEqual([{ method: "GET", url: "/api/threads/%zz", statusCode: 400, reason: "The request URL is malformed." }]);
    expect(entries.every((e) => e.reqId === reqId)).toBe(true);
    expect(lines.slice(from).join("")).not.toContain(secret);
  });

  // A refused request's response line gave its status alone: a test author reading the log of a
  // 400 had to capture the response to learn why. The line adds the problem's first reason (its
  // first `errors` item as the client names it, else its detail), cut to 200 characters.
  const longName = `${"n".repeat(300)}\u202e`;
  it.each([
    ["an invalid field", "updateConversation", DOCS_CONVERSATION, { body: { unread_count: -1 } }, 400, "unread_count must be >= 0 (and 1 more)"],
    ["no body at all", "updateThread", DOCS_THREAD, {}, 400, "body must be object (got no body)"],
    ["a malformed id", "updateThread", "not-a-uuid", { body: { status: "active" } }, 400, 'id must match format "uuid"'],
    ["an unknown token", "updateThread", DOCS_THREAD, { token: "nope", body: { status: "active" } }, 401, "A valid bearer token is required."],
    ["a record of another user", "updateThread", DOCS_THREAD, { token: BOB, body: { status: "active" } }, 404, "No thread with this id."],
    ["a field name of 301 characters, cut", "updateThread", DOCS_THREAD, { body: { [longName]: 1 } }, 400, `${"n".repeat(199)}… is not a known field (and 1 more)`],
  ] as const)("a refused request's response line gives its reason (%s)", async (_name, op, id, options, status, reason) => {
    const from = lines.length;
    const res = await send(server, op, id, options);
    expect(res.status).toBe(status);
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined);
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(responses().map((e) => e.res)).toEqual([{ method: "PATCH", url: pathOf(op, id), statusCode: status, reason }]);
  });

  // docs/server.md said the reason was cut to 200 characters in all; each part is (the field name,
  // the message, the detail), so the 301-character name's reason above is longer than 200.
  it("docs/server.md says the reason's parts are each cut to 200 characters, as the 301-character name's reason shows", () => {
    const doc = readFileSync(path.join(root, "docs/server.md"), "utf8").replace(/\s+/g, " ");
    expect(doc).toContain("its `detail`, on one line, the field name, the message and the detail each cut to 200 characters.");
    expect(`${"n".repeat(199)}… is not a known field (and 1 more)`.length).toBeGreaterThan(200);
  });

  // JSON.parse's reason for an unexpected token quotes the body (whole when short, else ten
  // characters either side): it went into the 400's errors and the log line, which holds no body.
  it.each([
    ["a short body that is not JSON (quoted whole)", "hunter2", "hunter2", "Unexpected token 'h'"],
    ["a longer one (its first ten characters quoted)", secret, secret.slice(0, 10), "Unexpected token 'p'"],
    ["a bad token in the middle of a long body (ten characters either side)", `{"status": "archived", "unread_count": 0, "draft_body_text": ${secret}}`, `": ${secret.slice(0, 10)}`, "Unexpected token 'p'"],
  ])("the reason for %s quotes none of it, in the 400 or in the log", async (_name, body, quotedText, reason) => {
    const from = lines.length;
    const res = await send(server, "updateThread", DOCS_THREAD, { body });
    expect(res.status).toBe(400);
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined);
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const expected = `must be object (the body is not valid JSON: ${reason} (the body's text is not quoted))`;
    expect(responses().map((e) => e.res)).toEqual([{ method: "PATCH", url: `/api/threads/${DOCS_THREAD}`, statusCode: 400, reason: `body ${expected}` }]);
    expect((res.body as { errors: unknown[] }).errors).toEqual([{ path: "", keyword: "type", message: expected }]);
    expect(lines.slice(from).join("").replace(/\\"/g, '"')).not.toContain(quotedText);
    expect(JSON.stringify(res.body)).not.toContain(quotedText);
  });

  // The 409's detail names the recipient's email address ("… an open thread with
  // founder@example.com."), the body's `participant_email` when the request sets it: the response
  // line gave it as its reason, though the log holds no body. It names the existing thread instead.
  it("a 409's response line names the existing thread, not the recipient's email address", async () => {
    const from = lines.length;
    const res = await send(server, "updateThread", "5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091", {
      body: { account_id: "5a1e5000-0000-4000-8000-000000000003", participant_email: "Founder@Example.com" },
    });
    expect(res.status).toBe(409);
    expect((res.body as { detail: string }).detail).toContain("founder@example.com");
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined);
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(responses().map((e) => e.res)).toEqual([{ method: "PATCH", url: "/api/threads/5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091", statusCode: 409, reason: "Duplicate thread: existing thread 9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b" }]);
    expect(lines.slice(from).join("").toLowerCase()).not.toContain("founder@example.com");
  });

  // The response line gave reqId, status and timing alone: which request it answered took a join
  // by reqId to its "incoming request" line. It names the method and the path too, as that line
  // does (no query string), and still holds no header and no body.
  it("a response line names its request's method and path (without the query), as the incoming request line does", async () => {
    const from = lines.length;
    const res = await send(server, "updateThread", DOCS_THREAD, { method: "DELETE", rawPath: `/api/threads/${DOCS_THREAD}?access_token=${secret}` });
    expect(res.status).toBe(405);
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined);
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const incoming = entriesSince(from).filter((e) => e.reqId === reqId && e.req !== undefined);
    expect(incoming.map((e) => e.req)).toEqual([{ method: "DELETE", url: `/api/threads/${DOCS_THREAD}` }]);
    expect(responses()).toEqual([expect.objectContaining({ msg: "request completed", res: expect.objectContaining({ method: "DELETE", url: `/api/threads/${DOCS_THREAD}`, statusCode: 405 }) })]);
    expect(Object.keys(responses()[0] ?? {})).toEqual(expect.arrayContaining(["reqId", "res", "responseTime", "msg"]));
    expect(lines.slice(from).join("")).not.toContain(secret);
  });

  it("an answered request's response line has no reason", async () => {
    const from = lines.length;
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "active" } });
    expect(res.status).toBe(200);
    const reqId = res.headers.get("x-request-id");
    const responses = () => entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined);
    for (let waited = 0; responses().length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(responses().map((e) => e.res)).toEqual([{ method: "PATCH", url: `/api/conversations/${DOCS_CONVERSATION}`, statusCode: 200 }]);
  });

  // An absolute-form target (RFC 9112 §3.2.2), which the router serves as its path: its user name
  // and password reached the log (only the query was cut off), and the 405 check, which read the
  // target as a path, answered another method with a 404.
  const absolute: [string, string, string, number][] = [
    ["PATCH", `http://deploy:${secret}@127.0.0.1/api/threads/${DOCS_THREAD}?tok=${secret}`, '{"unread_count": 1}', 200],
    ["PATCH", `HTTP://deploy:${secret}@127.0.0.1:4010/api/threads/${DOCS_THREAD}`, '{"unread_count": 1}', 200],
    ["DELETE", `http://deploy:${secret}@127.0.0.1/api/threads/${DOCS_THREAD}`, "", 405],
    ["GET", `https://deploy:${secret}@127.0.0.1/api/threadz/x`, "", 404],
    // No path (the router serves "/"): the logged path is "/" too.
    ["GET", `http://deploy:${secret}@127.0.0.1?tok=${secret}`, "", 404],
    ["GET", `http://deploy:${secret}@127.0.0.1:4010`, "", 404],
  ];
  it.each(absolute)("an absolute-form target (%s %s) is logged as its path, without its credentials", async (method, target, body, status) => {
    const from = lines.length;
    const request =
      `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n` +
      (body === "" ? "" : `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n`) +
      `Connection: close\r\n\r\n${body}`;
    const res = parseRawResponse((await rawExchange(server, request)).text);
    expect(res.status).toBe(status);
    if (status === 405) expect(res.headers.get("allow")).toBe("PATCH");
    const reqId = res.headers.get("x-request-id");
    for (let waited = 0; !entriesSince(from).some((e) => e.reqId === reqId && e.res !== undefined) && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const logged = entriesSince(from).filter((e) => e.reqId === reqId && e.req !== undefined);
    expect(logged.map((e) => e.req?.url)).toEqual([new URL(target).pathname]);
    expect(entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined).map((e) => [e.res?.method, e.res?.url])).toEqual([[method, new URL(target).pathname]]);
    expect(lines.slice(from).join("")).not.toContain(secret);
  });

  // A user name or password holding a "/" of its own (not percent-encoded) ends the authority early:
  // the router serves the rest as the path (a 404; a 400 when what is left of the authority is no
  // host and port), and that path began inside the credentials.
  const slashInCredentials: [string, string, number][] = [
    [`http://deploy:pw/${secret}@127.0.0.1/api/threads/${DOCS_THREAD}`, `/***@127.0.0.1/api/threads/${DOCS_THREAD}`, 400],
    [`http://de/ploy:${secret}@127.0.0.1/api/threads/${DOCS_THREAD}?x=1`, `/***@127.0.0.1/api/threads/${DOCS_THREAD}`, 404],
    [`http://deploy:2024/${secret}@127.0.0.1/api/threads/${DOCS_THREAD}`, `/***@127.0.0.1/api/threads/${DOCS_THREAD}`, 404],
    [`http://deploy:pw/a@b/${secret}@127.0.0.1/api/threads/${DOCS_THREAD}`, `/***@127.0.0.1/api/threads/${DOCS_THREAD}`, 400],
  ];
  it.each(slashInCredentials)("an absolute-form target whose credentials hold a / (%s) is logged without them", async (target, shown, status) => {
    const from = lines.length;
    const request = `PATCH ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nConnection: close\r\n\r\n`;
    const res = parseRawResponse((await rawExchange(server, request)).text);
    expect(res.status).toBe(status);
    const reqId = res.headers.get("x-request-id");
    for (let waited = 0; !entriesSince(from).some((e) => e.reqId === reqId && e.res !== undefined) && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(entriesSince(from).filter((e) => e.reqId === reqId && e.req !== undefined).map((e) => e.req?.url)).toEqual([shown]);
    expect(entriesSince(from).filter((e) => e.reqId === reqId && e.res !== undefined).map((e) => [e.res?.method, e.res?.url])).toEqual([["PATCH", shown]]);
    expect(lines.slice(from).join("")).not.toContain(secret);
  });
});

describe("client text in the log is escaped", () => {
  // The "dropped" line is written only when something was dropped.
  it.each([
    ["a body with nothing to drop", { status: "active" }, []],
    ["a body with an unknown field", { status: "active", colour: "red" }, [["colour"]]],
    // The body's own __proto__ member is an unknown field too, as normalizeRequestBody drops it.
    ["a body with a __proto__ member", '{"__proto__": {"polluted": "yes"}, "status": "active"}', [["__proto__"]]],
  ])("%s: dropped lines %j", async (_name, body: unknown, want) => {
    const from = lines.length;
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body });
    expect(res.status).toBe(200);
    expect(entriesSince(from).flatMap((e) => (e.dropped !== undefined ? [e.dropped] : []))).toEqual(want);
  });

  // Field names a client chose reach the log (the "dropped" line). pino's JSON escapes C0 controls
  // but wrote DEL, C1 controls (U+009B is a CSI to terminals reading 8-bit controls), bidirectional
  // formatting and U+2028/U+2029 as they came: a log shown on a terminal could be driven or disguised.
  const hostile = [
    "a\u001b[2Jb",
    "c\u009b31md\u0085e",
    "f\u007fg",
    "\u202eexe.txt",
    "h\u2066i\u2069\u200f\u200e\u061c",
    "line\u2028two\u2029three",
    "nul\u0000tab\u0009cr\u000d",
  ];
  // Every character that must not reach a log line as it is (the line's own final newline aside).
  const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;

  it("writes the names of dropped fields as \\uXXXX escapes: no unsafe character, the same JSON value", async () => {
    const from = lines.length;
    const body: Record<string, unknown> = { status: "active" };
    for (const name of hostile) body[name] = 1;
    const res = await send(server, "updateThread", DOCS_THREAD, { body });
    expect(res.status).toBe(200);
    const written = lines.slice(from).join("");
    for (const line of written.split("\n")) expect(line).not.toMatch(UNSAFE);
    expect(written).toContain("c\\u009b31md\\u0085e");
    expect(written).toContain("\\u202eexe.txt");
    expect(written).toContain("line\\u2028two\\u2029three");
    const dropped = entriesSince(from).find((e) => e.dropped !== undefined);
    expect(dropped?.dropped).toEqual(hostile);
  });
});

// `logger` and `logStream` are checked as `allowReset` is: `logger: "yes"` was read as truthy, and a
// `logStream` without a `write` method went to pino (`"x"` made a file named x, `{}` threw from the
// listening event: the process ended with a stack trace).
describe("logger and logStream are checked as allowReset is", () => {
  it.each([
    ["a string", "yes", '"yes"'],
    ["a number", 1, "1"],
    ["null", null, "null"],
  ] as const)("a logger that is not a boolean (%s) is a TypeError naming logger", async (_name, value, shown) => {
    expect(() => createServer({ logger: value as never })).toThrow(TypeError);
    expect(() => createServer({ logger: value as never })).toThrow(`createServer: logger must be true or false (or left out: off); got ${shown}`);
    await expect(start({ logger: value as never })).rejects.toThrow(`startServer: logger must be true or false (or left out: off); got ${shown}`);
  });

  it.each([
    ["null", null, "null"],
    ["a string", "x", '"x"'],
    ["an object without write", {}, "an object"],
    ["write not a function", { write: true }, "an object"],
  ] as const)("a logStream without a write method (%s) is a TypeError naming logStream", (_name, value, shown) => {
    expect(() => createServer({ logStream: value as never })).toThrow(TypeError);
    expect(() => createServer({ logStream: value as never })).toThrow(`createServer: logStream must be an object with a write(line) method (or left out: stdout); got ${shown}`);
  });

  // A function (the line-writing callback passed where its object goes) was shown as its source,
  // lines and all, and a string whole (a megabyte of it): the message is one line, cut.
  it("a function or a huge string is named in one short line", () => {
    const callback = (line: string): void => {
      void line;
    };
    for (const [options, what] of [
      [{ logStream: callback }, "logStream"],
      [{ logger: callback }, "logger"],
      [{ allowReset: callback }, "allowReset"],
    ] as const) {
      expect(() => createServer(options as never)).toThrow(new RegExp(`^createServer: ${what} must .*; got a function$`));
    }
    let message = "";
    try {
      createServer({ logger: "y\n".repeat(100_000) as never });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^createServer: logger must be true or false \(or left out: off\); got "y\\ny\\n.*…" \(cut; 200000 characters in all\)$/);
    expect(message.length).toBeLessThan(400);
  });

  // A logStream whose write throws (a full disk, a closed stream): pino calls it in the listening
  // event and in request handling, outside the caller's reach, so the process ended with the
  // error's stack trace (or the request went unanswered). The line is dropped and a warning says so, once.
  it("a logStream whose write throws: the server starts and answers, the lines are dropped, one warning", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning);
    process.on("warning", onWarning);
    let writes = 0;
    try {
      const server = await start({
        logStream: {
          write: () => {
            writes++;
            throw new Error("ENOSPC: no space left\non device");
          },
        },
      });
      try {
        for (let i = 0; i < 2; i++) expect((await send(server, "updateThread", "not-a-uuid", { body: { status: "active" } })).status).toBe(400);
      } finally {
        await server.close();
      }
      for (let waited = 0; warnings.length === 0 && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off("warning", onWarning);
    }
    expect(writes).toBeGreaterThanOrEqual(5);
    expect(warnings.map((w) => [w.message, (w as { code?: string }).code])).toEqual([
      ["puffle-api: the server's logStream.write threw (ENOSPC: no space left on device); its log lines are dropped, the server goes on", "PUFFLE_LOG_STREAM"],
    ]);
    // Without the guard startServer never settles (the throw is outside it): fail in 15 s, not 60.
  }, 15_000);

  // A logStream implies the log (docs/server.md): beside `logger: false` the stream won, and the
  // server logged without a word. The contradiction is refused, naming both; either alone still works.
  it("logger: false with a logStream is a TypeError naming both (the stream used to win: it logged)", async () => {
    const written: string[] = [];
    const logStream = { write: (line: string) => void written.push(line) };
    const message = "logger is false but logStream is given: a logStream turns the log on (it implies logger: true); leave logStream out for no log, or logger out (or true) to log to it";
    expect(() => createServer({ logger: false, logStream })).toThrow(TypeError);
    expect(() => createServer({ logger: false, logStream })).toThrow(`createServer: ${message}`);
    await expect(start({ logger: false, logStream })).rejects.toThrow(`startServer: ${message}`);
    expect(written).toEqual([]);
    // logStream alone logs to it; logger: false alone is quiet.
    const logged = await start({ logStream });
    await logged.close();
    expect(written.length).toBeGreaterThan(0);
    const quiet = createServer({ logger: false });
    await quiet.close();
  });

  it("startServer names itself for a logStream of null (which logged to stdout)", async () => {
    await expect(start({ logStream: null as never })).rejects.toThrow("startServer: logStream must be an object with a write(line) method (or left out: stdout); got null");
  });
});
