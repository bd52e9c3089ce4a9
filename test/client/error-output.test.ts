// The client's errors as a library user meets them: printed (`console.error(err)`, `err.message` on a
// terminal), logged (pino's err serializer: type, message and stack with their causes, then every
// enumerable own property; `JSON.stringify(err)`; `util.inspect(err)`) or sent to an error tracker.
// A message is one safe, bounded line whatever the server sent, and no shape of an error shows the
// password a base URL held. Injected fetch only, but for docs/client.md's example line, checked
// against the reference server on 127.0.0.1.
import { readFileSync } from "node:fs";
import path from "node:path";
import { inspect } from "node:util";
import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { startServer } from "../../src/server/index.js";
import { createPuffleClient, fieldOfPointer, isDuplicateThreadError, PuffleAbortError, PuffleApiError, PuffleConfigError, PuffleError, PuffleNetworkError, PuffleTimeoutError, PuffleValidationError } from "../../src/index.js";
import type { PuffleClientOptions } from "../../src/index.js";
import { validatePathParams } from "../../src/validators.js";
import { rejection, root } from "../helpers.js";
import { closedPort } from "./fault-server.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const BASE = "http://127.0.0.1:9";
/** What src/unsafe-text.ts calls unsafe: controls (C0, DEL, C1), bidi formatting, line and paragraph separators. */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
const HOSTILE = "Bad\r\nRequest \u001b[2J\u001b]0;pwned\u0007 \u009b31m \u007f \u202eesrever\u2066 \u2028next\u0085line";
const MEGABYTE = "x".repeat(1_000_000);

/** The error-shaped object pino's standard `err` serializer logs: type, message, stack, then every enumerable property (for...in). */
function pinoShape(error: Error): Record<string, unknown> {
  const shape: Record<string, unknown> = { type: error.constructor.name, message: error.message, stack: error.stack };
  for (let cause = (error as { cause?: unknown }).cause; cause instanceof Error; cause = (cause as { cause?: unknown }).cause) {
    shape.message = `${String(shape.message)}: ${cause.message}`;
    shape.stack = `${String(shape.stack)}\ncaused by: ${String(cause.stack)}`;
  }
  for (const key in error) if (shape[key] === undefined && key !== "cause") shape[key] = (error as unknown as Record<string, unknown>)[key];
  return shape;
}

/** Every way a user shows or logs an error. */
function shownAs(error: Error): Record<string, string> {
  return {
    message: error.message,
    string: String(error),
    json: JSON.stringify(error),
    pino: JSON.stringify(pinoShape(error)),
    inspect: inspect(error, { depth: 10, showHidden: true }),
  };
}

function answering(status: number, body: string, headers: Record<string, string>, statusText = "", more: PuffleClientOptions = {}) {
  return createPuffleClient({ baseUrl: BASE, apiKey: "k", maxRetries: 0, fetch: async () => new Response(body, { status, statusText, headers }), ...more });
}

describe("an error response's message is one safe, bounded line; the parsed values stay as sent", () => {
  const problem = (title: string, detail?: string) => JSON.stringify({ type: "about:blank", title, status: 400, ...(detail === undefined ? {} : { detail }) });
  const PROBLEM_JSON = { "content-type": "application/problem+json" };
  it.each<[string, { status: number; body: string; headers: Record<string, string>; statusText?: string }]>([
    ["a title and detail with line breaks, escape sequences, C1 controls and bidi overrides", { status: 400, body: problem(HOSTILE, HOSTILE), headers: PROBLEM_JSON }],
    ["a megabyte of detail", { status: 400, body: problem("Bad Request", MEGABYTE), headers: PROBLEM_JSON }],
    ["a megabyte of title", { status: 400, body: problem(MEGABYTE), headers: PROBLEM_JSON }],
    ["a detail of nothing but controls", { status: 400, body: problem("Bad Request", "\u001b\u009b\n\r\t".repeat(200_000)), headers: PROBLEM_JSON }],
    ["an X-Request-Id with escape sequences", { status: 400, body: problem("Bad Request"), headers: { ...PROBLEM_JSON, "x-request-id": "req\u001b[2J\u001b]0;pwned\u0007\u0085" } }],
    ["a 10 000-character X-Request-Id", { status: 400, body: problem("Bad Request"), headers: { ...PROBLEM_JSON, "x-request-id": "r".repeat(10_000) } }],
    ["a status text with a C1 control (a CSI)", { status: 400, body: problem("Bad Request"), headers: PROBLEM_JSON, statusText: "Bad \u009b2J Request\t" }],
    ["a non-JSON body whose content type holds an escape sequence", { status: 502, body: "<html>", headers: { "content-type": `text/html\u001b]0;pwned\u0007${"y".repeat(5_000)}` } }],
  ])("%s", async (_name, { status, body, headers, statusText }) => {
    const error = (await rejection(answering(status, body, headers, statusText).updateThread(THREAD_ID, { status: "archived" }))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    for (const [how, text] of Object.entries({ message: error.message, string: String(error), stackLine: error.stack?.split("\n")[0] ?? "" })) {
      expect(text, how).not.toMatch(UNSAFE);
      expect(text.length, how).toBeLessThanOrEqual(1_000);
    }
    expect(error.stack?.startsWith(`PuffleApiError: ${error.message}\n`)).toBe(true);
    // For code: the server's values, as they were sent.
    expect(error.body).toEqual(headers["content-type"]?.startsWith("application/") ? JSON.parse(body) : body);
    if (error.problem !== undefined) expect(error.problem).toEqual(JSON.parse(body));
    expect(error.requestId).toBe(headers["x-request-id"]);
    expect(error.headers.get("content-type")).toBe(headers["content-type"]);
  });

  it.each<[string, { body: string; headers: Record<string, string>; statusText: string }, string]>([
    ["a problem", { body: problem("Bad Request", "No field to update."), headers: { ...PROBLEM_JSON, "x-request-id": "req-1" }, statusText: "Bad Request" }, "updateThread: HTTP 400 Bad Request: Bad Request: No field to update. (request id req-1)"],
    ["the hostile title and detail", { body: problem(HOSTILE, HOSTILE), headers: PROBLEM_JSON, statusText: "" }, "updateThread: HTTP 400: Bad Request [2J ]0;pwned 31m esrever next line: Bad Request [2J ]0;pwned 31m esrever next line"],
    ["a megabyte of detail: cut, marked with …", { body: problem("Bad Request", MEGABYTE), headers: PROBLEM_JSON, statusText: "" }, `updateThread: HTTP 400: Bad Request: ${"x".repeat(199)}…`],
  ])("the message for %s", async (_name, { body, headers, statusText }, want) => {
    const error = (await rejection(answering(400, body, headers, statusText).updateThread(THREAD_ID, { status: "archived" }))) as PuffleApiError;
    expect(error.message).toBe(want);
  });
});

// A transport's message (a TLS failure listing the certificate's names, a proxy's text) or an abort
// reason is text from elsewhere too: one line, cut as the server's texts are.
// Node's Headers shows every value under util.inspect, so `console.error(error)` printed a
// Set-Cookie a proxy in front of the API sent (an access gateway's session) whole into the log.
describe("an error response's Set-Cookie is not shown by util.inspect; the headers keep it", () => {
  it("util.inspect and JSON show it as [redacted]; headers.get returns it; pino shows no header", async () => {
    const headers = { "content-type": "application/problem+json", "set-cookie": "CF_Authorization=eyJ.s3cret_session", "x-request-id": "req-7" };
    const error = (await rejection(answering(403, JSON.stringify({ type: "about:blank", title: "Forbidden", status: 403 }), headers).updateThread(THREAD_ID, { status: "archived" }))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    for (const [how, text] of Object.entries({ ...shownAs(error), console: inspect(error) })) expect(text, how).not.toContain("s3cret_session");
    expect(inspect(error.headers)).toContain("'set-cookie': '[redacted]'");
    expect(inspect(error.headers)).toContain("'x-request-id': 'req-7'");
    expect(JSON.parse(JSON.stringify(error)).headers).toEqual({ "content-type": "application/problem+json", "set-cookie": "[redacted]", "x-request-id": "req-7" });
    expect(error.headers.get("set-cookie")).toBe(headers["set-cookie"]);
    expect(error.requestId).toBe("req-7");
    // Built from its parts, with several cookies: each one stays readable, none is shown.
    const given = new Headers([["set-cookie", "a=s3cret_session"], ["set-cookie", "b=s3cret_session"]]);
    const built = new PuffleApiError({ operationId: "updateThread", status: 502, body: "", problem: undefined, headers: given });
    expect(inspect(built, { depth: 10, showHidden: true })).not.toContain("s3cret_session");
    expect(built.headers.getSetCookie()).toEqual(["a=s3cret_session", "b=s3cret_session"]);
    expect(inspect(given)).toContain("s3cret_session"); // the caller's own Headers is not changed
  });
});

describe("a network error's cause and an abort's reason are shown cut", () => {
  const url = `${BASE}/api/threads/${THREAD_ID}`;
  it.each<[string, PuffleClientOptions, AbortSignal | undefined, string]>([
    ["a transport's megabyte of message", { fetch: async () => { throw new TypeError(MEGABYTE); } }, undefined, `updateThread: network error calling ${url}: ${"x".repeat(199)}…`],
    ["its inner cause's megabyte", { fetch: async () => { throw new TypeError("fetch failed", { cause: new Error(`${MEGABYTE}\nsecond line`) }); } }, undefined, `updateThread: network error calling ${url}: fetch failed: ${"x".repeat(185)}…`],
    ["an abort reason's megabyte", {}, AbortSignal.abort(MEGABYTE), `updateThread: request to ${url} was aborted: ${"x".repeat(199)}…`],
    // A cause or reason String() cannot convert made the client throw a TypeError ("Cannot convert object to primitive value").
    ["a transport that throws an object without a prototype", { fetch: async () => { throw Object.create(null); } }, undefined, `updateThread: network error calling ${url}: a value that cannot be converted to a string`],
    ["an abort reason whose toString throws", {}, AbortSignal.abort({ toString() { throw new Error("no"); } }), `updateThread: request to ${url} was aborted: a value that cannot be converted to a string`],
  ])("%s", async (_name, options, signal, want) => {
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", maxRetries: 0, fetch: async () => new Response("{}"), ...options });
    const error = (await rejection(client.updateThread(THREAD_ID, { status: "archived" }, signal ? { signal } : {}))) as PuffleError;
    expect(error.message).toBe(want);
  });
});

describe("no shape of an error shows a password the base URL held", () => {
  // It parses as the host `deploy`, the port 2024 and the path `/s3cret@host`: no credentials for
  // checkBaseUrl's user-name rule. The client took it, sent the password in the request's path to
  // the host `deploy`, and its errors named the request URL masked. It is refused now (an "@"
  // anywhere, as the CLI refuses it), the password in no shape of the error, nothing sent.
  const baseUrl = "https://deploy:2024/s3cret@host";
  const raw = `${baseUrl}/api/threads/${THREAD_ID}`;
  const masked = `https://***@host/api/threads/${THREAD_ID}`;
  const body = { status: "archived" } as const;

  it("createPuffleClient refuses it, naming the rule, the password not shown", () => {
    const fetch = vi.fn(async () => Response.json({}));
    const error = (() => {
      try {
        createPuffleClient({ baseUrl, apiKey: "puffle_live_t0ken", fetch });
      } catch (e) {
        return e as PuffleConfigError;
      }
      throw new Error("not refused");
    })();
    expect(error).toBeInstanceOf(PuffleConfigError);
    expect(error.option).toBe("baseUrl");
    expect(error.message).toContain('must not hold an "@", got "https://***@host": no user name or password goes in it');
    for (const [how, text] of Object.entries(shownAs(error))) {
      expect(text, how).not.toContain("s3cret");
      expect(text, how).not.toContain("puffle_live_t0ken");
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  // The error classes (exported, for a caller's own transport or tests) still mask a URL they are given so.
  const failed = new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND deploy"), { code: "ENOTFOUND", hostname: "deploy" }) });
  const refused = async (): Promise<Response> => {
    throw failed;
  };
  it.each([
    ["a network error", () => new PuffleNetworkError({ url: raw, operationId: "updateThread", cause: failed }), "PuffleNetworkError"],
    ["a network error after retries", () => new PuffleNetworkError({ url: raw, operationId: "updateThread", cause: failed, attempts: 3 }), "PuffleNetworkError"],
    ["a timeout", () => new PuffleTimeoutError({ url: raw, operationId: "updateThread", timeoutMs: 1 }), "PuffleTimeoutError"],
    ["an abort before sending", () => new PuffleAbortError({ url: raw, operationId: "updateThread", reason: new DOMException("This operation was aborted", "AbortError"), attempts: 0 }), "PuffleAbortError"],
    ["an abort while waiting", () => new PuffleAbortError({ url: raw, operationId: "updateThread", reason: new Error("user went away") }), "PuffleAbortError"],
    ["a network error of a raw call", () => new PuffleNetworkError({ url: raw, cause: failed }), "PuffleNetworkError"],
  ])("%s", (_name, make, name) => {
    const error = make() as Error & { url: string };
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(PuffleError);
    // The url property is what the message names: the request URL with the credentials masked.
    expect(error.url).toBe(masked);
    expect(error.message).toContain(masked);
    for (const [how, text] of Object.entries(shownAs(error))) {
      expect(text, how).not.toContain("s3cret");
    }
  });

  it("a transport whose own message names the URL (node-fetch's `request to <url> failed`): masked in the message too", () => {
    const cause = Object.assign(new TypeError(`request to ${raw} failed, reason: getaddrinfo ENOTFOUND deploy`), { type: "system", code: "ENOTFOUND" });
    const error = new PuffleNetworkError({ url: raw, operationId: "updateThread", cause });
    expect(error.url).toBe(masked);
    expect(error.message).toBe(`updateThread: network error calling ${masked}: request to ${masked} failed, reason: getaddrinfo ENOTFOUND deploy`);
    // The cause is the transport's own error, as it was thrown (docs/client.md says so).
    expect(JSON.stringify(error)).not.toContain("s3cret");
  });
  it("an ordinary base URL is unchanged in url and message", async () => {
    const error = (await rejection(createPuffleClient({ baseUrl: BASE, apiKey: "k", maxRetries: 0, fetch: refused }).updateThread(THREAD_ID, body))) as Error & { url: string };
    expect(error.url).toBe(`${BASE}/api/threads/${THREAD_ID}`);
    expect(error.message).toBe(`updateThread: network error calling ${BASE}/api/threads/${THREAD_ID}: fetch failed: ENOTFOUND`);
  });
});

describe("a value the caller relayed (a path id, a body from elsewhere): the message stays one safe, bounded line", () => {
  const fetch = async () => Response.json({ thread: { id: THREAD_ID, status: "archived" } });
  const puffle = createPuffleClient({ baseUrl: BASE, apiKey: "k", validate: "request", fetch });
  const long = "x".repeat(1_000_000);
  const key = `\u001b[2J\u009b\u202e${"k".repeat(1_000_000)}`;
  it.each<[string, () => Promise<unknown>, { field: string; issue?: string }]>([
    ["a megabyte of path id", () => puffle.updateThread(long, { status: "archived" }), { field: "id" }],
    ["a path id with controls and bidi overrides", () => puffle.updateThread(`a\u009b2J\u202e\u2028b`, { status: "archived" }), { field: "id" }],
    ["a megabyte of path id, raw PATCH", () => puffle.PATCH("/api/threads/{id}", { params: { path: { id: long } }, body: { status: "archived" } }), { field: "id" }],
    ["an unknown body field with a megabyte of name and escape sequences", () => puffle.updateThread(THREAD_ID, { status: "archived", [key]: 1 } as never), { field: key, issue: "is not a known field" }],
  ])("%s", async (_name, call, want) => {
    const error = (await rejection(call())) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    for (const [how, text] of Object.entries({ message: error.message, issue: error.issues[0]?.message ?? "" })) {
      expect(text, how).not.toMatch(UNSAFE);
      expect(text.length, how).toBeLessThanOrEqual(1_000);
    }
    // For code: the field as given.
    expect(error.field).toBe(want.field);
    if (want.issue !== undefined) expect(error.issues[0]?.message).toBe(want.issue);
  });

  it("a short path id is quoted whole", async () => {
    const error = (await rejection(puffle.updateThread("a/b", { status: "archived" }))) as PuffleValidationError;
    expect(error.message).toBe('updateThread: path parameter: id must be a UUID such as 3d986dd1-9d70-45b7-8e36-5d5b8b1c9337, got "a/b"');
  });

  it("a UUID the id pattern refuses (version 0, the upper-case max UUID) is told the rule in the validators' words, not \"must be a UUID\"", async () => {
    for (const id of ["3d986dd1-9d70-05b7-8e36-5d5b8b1c9337", "00000000-0000-0000-0000-00000000000a", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"]) {
      const error = (await rejection(puffle.updateThread(id, { status: "archived" }))) as PuffleValidationError;
      const checked = validatePathParams("updateThread", { id });
      const rule = !checked.valid ? checked.errors[0]?.message : "";
      expect(rule, id).toMatch(/^must be a UUID as 8-4-4-4-12 hex digits, .*\(the version\) 1 to 8 .* the max UUID in lower case \(all f\)$/);
      expect(error.message).toBe(`updateThread: path parameter: id ${rule}, such as 3d986dd1-9d70-45b7-8e36-5d5b8b1c9337, got "${id}"`);
    }
  });

  it("a long path id is cut as quoted() cuts: the closing quote kept, and said to be cut", async () => {
    const error = (await rejection(puffle.updateThread("x".repeat(5_000), { status: "archived" }))) as PuffleValidationError;
    expect(error.issues[0]?.message).toBe(`must be a UUID such as 3d986dd1-9d70-45b7-8e36-5d5b8b1c9337, got "${"x".repeat(197)}…" (cut; 5000 characters in all)`);
  });
});

describe("docs/client.md's Errors section", () => {
  it("names the one error a call throws that is no PuffleError: a bad per-call option's PuffleConfigError, a TypeError", async () => {
    const puffle = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "puffle_test_alice", fetch: async () => new Response("{}") });
    const error = await rejection(puffle.updateThread(THREAD_ID, { status: "archived" }, { maxRetries: -1 }));
    expect(error).toBeInstanceOf(PuffleConfigError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(PuffleError);
    const docs = readFileSync(path.join(root, "docs/client.md"), "utf8").replace(/\s+/g, " ");
    expect(docs).toContain("Everything the client throws while making a request extends `PuffleError`, but a bad option's `PuffleConfigError` (a `TypeError`, below), which a call given a bad per-call option throws too:");
  });
});

// A 400's reasons are in its `errors`: a message that gave only the title and detail ("At least one
// valid field must be present.") named no field, though the body was refused for one; the CLI's line
// named them. A 409's message names the existing thread, as the CLI's does.
describe("an error response's message names the problem's reasons and a 409's existing thread", () => {
  const PROBLEM_JSON = { "content-type": "application/problem+json" };
  const issue = (path: string, message: string) => ({ path, keyword: "format", message });
  it.each<[string, object, string]>([
    [
      "a 400 with two reasons, one for the body as a whole",
      { type: "about:blank", title: "Invalid request", status: 400, detail: "At least one valid field must be present.", errors: [issue("/participant_email", 'must match format "email"'), issue("", "must have at least 1 valid field")] },
      'updateThread: HTTP 400: Invalid request: At least one valid field must be present. [participant_email must match format "email"; body must have at least 1 valid field]',
    ],
    [
      "twelve reasons: the first ten, and how many more",
      { type: "about:blank", title: "Invalid request", status: 400, errors: Array.from({ length: 12 }, (_, i) => issue(`/draft_cc/${i}`, "must be a string")) },
      `updateThread: HTTP 400: Invalid request [${Array.from({ length: 10 }, (_, i) => `draft_cc.${i} must be a string`).join("; ")}; and 2 more]`,
    ],
    [
      "a reason's megabyte of field name and message: each cut",
      { type: "about:blank", title: "Invalid request", status: 400, errors: [issue(`/${MEGABYTE}`, `${HOSTILE}${MEGABYTE}`)] },
      `updateThread: HTTP 400: Invalid request [${"x".repeat(199)}… Bad Request [2J ]0;pwned 31m esrever next line${"x".repeat(153)}…]`,
    ],
    ["an empty errors list: nothing added", { type: "about:blank", title: "Invalid request", status: 400, errors: [] }, "updateThread: HTTP 400: Invalid request"],
  ])("%s", async (_name, body, want) => {
    const error = (await rejection(answering(400, JSON.stringify(body), PROBLEM_JSON).updateThread(THREAD_ID, { status: "archived" }))) as PuffleApiError;
    expect(error.problem).toEqual(body);
    expect(error.message).toBe(want);
  });

  it("a 409 names the existing thread", async () => {
    const existing = "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b";
    const server = await startServer({ port: 0, host: "127.0.0.1" });
    try {
      const puffle = createPuffleClient({ baseUrl: server.url, apiKey: "puffle_test_alice" });
      const error = (await rejection(puffle.updateThread(THREAD_ID, { account_id: "5a1e5000-0000-4000-8000-000000000003" }))) as PuffleApiError;
      expect(isDuplicateThreadError(error)).toBe(true);
      expect(error.message).toMatch(new RegExp(`^updateThread: HTTP 409 Conflict: Duplicate thread: .* \\(existing thread ${existing}\\) \\(request id req_[0-9a-f]+\\)$`));
    } finally {
      await server.close();
    }
  });
});

describe("docs/client.md's example message", () => {
  it("is the line the client prints for the reference server's 400 to an empty body (request id aside)", async () => {
    const docs = readFileSync(path.join(root, "docs/client.md"), "utf8");
    const shown = docs.split("\n").filter((line) => line.startsWith("updateThread: HTTP 400"));
    expect(shown).toHaveLength(1);
    const server = await startServer({ port: 0, host: "127.0.0.1" });
    try {
      const puffle = createPuffleClient({ baseUrl: server.url, apiKey: "puffle_test_alice" });
      const error = (await rejection(puffle.updateThread(THREAD_ID, {} as never))) as PuffleApiError;
      expect(error).toBeInstanceOf(PuffleApiError);
      const requestId = /\(request id (req_[0-9a-f]+)\)$/.exec(shown[0] ?? "")?.[1];
      expect(requestId, "the docs' line ends in a request id of the server's form").toBeDefined();
      expect(error.message.replace(String(error.requestId), String(requestId))).toBe(shown[0]);
    } finally {
      await server.close();
    }
  });
});

// The errors as constructed directly (the client builds them so): each init field reaches the
// message and the property it documents, with the documented defaults when it is left out.
describe("PuffleValidationError and PuffleApiError, built from their parts", () => {
  const issue = (path: string, message = "must be one of \"active\", \"archived\"") => ({ path, keyword: "enum", message });
  it.each([
    ["a path id", { target: "path", issues: [issue("/id", "must match pattern")] }, "updateThread: path parameter: id must match pattern", undefined],
    ["a request body, two issues", { target: "request", issues: [issue("/status"), issue("/unread_count", "must be >= 0")] }, "updateThread: request body: status must be one of \"active\", \"archived\" (and 1 more)", undefined],
    ["a response with its status", { target: "response", status: 200, issues: [issue("/thread/status")] }, "updateThread: response 200: thread.status must be one of \"active\", \"archived\"", 200],
    ["a response without a status", { target: "response", issues: [issue("")] }, "updateThread: response: body must be one of \"active\", \"archived\"", undefined],
    ["no issues at all", { target: "request", issues: [] }, "updateThread: request body: body is invalid", undefined],
    // `/` is a member named "", not the body as a whole: it read `body must be …`.
    ["a member named \"\"", { target: "request", issues: [issue("/")] }, "updateThread: request body: \"\" must be one of \"active\", \"archived\"", undefined],
  ] as const)("PuffleValidationError: %s", (_name, init, message, status) => {
    const error = new PuffleValidationError({ operationId: "updateThread", ...init });
    expect(error.message).toBe(message);
    expect(error.status).toBe(status);
    expect(error.target).toBe(init.target);
    expect(error.issues).toEqual(init.issues);
  });

  const base = { operationId: "updateThread" as const, status: 502, body: "", problem: undefined, headers: new Headers() };
  it.each([
    ["no status text, attempts or cause", {}, "updateThread: HTTP 502: empty response body", 1],
    ["a status text", { statusText: "Bad Gateway" }, "updateThread: HTTP 502 Bad Gateway: empty response body", 1],
    ["three attempts", { attempts: 3 }, "updateThread: HTTP 502: empty response body (after 3 attempts)", 3],
    ["a body not checked (the validators could not be loaded)", { body: { a: 1 }, cause: new Error("no validators") }, "updateThread: HTTP 502: JSON response body (the body was not checked: the validators could not be loaded)", 1],
  ] as const)("PuffleApiError: %s", (_name, init, message, attempts) => {
    const error = new PuffleApiError({ ...base, ...init });
    expect(error.message).toBe(message);
    expect(error.operationId).toBe("updateThread");
    expect(error.attempts).toBe(attempts);
    expect("cause" in error).toBe("cause" in init);
    if ("cause" in init) expect(error.cause).toBe(init.cause);
  });

  // A problem built by hand (or a server's, unchecked): one malformed item among the first ten of
  // `errors` dropped every reason from the message, and `/` (a member named "") read as `body`.
  it.each([
    ["a malformed item among well-formed ones", [{ path: "/status", message: "must be string" }, { path: 3 }, null, "x", { path: "/unread_count", keyword: "minimum", message: "must be >= 0" }], " [status must be string; unread_count must be >= 0]"],
    ["a malformed item first", [{ message: "no path" }, { path: "", message: "must have at least 1 valid field" }], " [body must have at least 1 valid field]"],
    ["no well-formed item", [{ path: 1, message: 2 }], ""],
    ["a member named \"\" (path /) beside the body (path \"\")", [{ path: "/", message: "is not a known field" }, { path: "", message: "must have at least 1 valid field" }], ' ["" is not a known field; body must have at least 1 valid field]'],
  ] as const)("PuffleApiError's reasons: %s", (_name, errors, reasons) => {
    const problem = { type: "https://app.puffle.ai/problems/invalid-request", title: "Invalid request", status: 400, detail: "At least one valid field must be present.", errors } as never;
    const error = new PuffleApiError({ ...base, status: 400, body: problem, problem });
    expect(error.message).toBe(`updateThread: HTTP 400: Invalid request: At least one valid field must be present.${reasons}`);
  });

  it("hasStatus is true only for that status with a problem body", () => {
    const problem = { type: "https://app.puffle.ai/problems/not-found", title: "Not found", status: 404 };
    const html = new PuffleApiError<"updateThread">({ ...base, status: 404, body: "<html>", headers: new Headers({ "content-type": "text/html" }) });
    expect(html.hasStatus(404)).toBe(false);
    const notFound = new PuffleApiError<"updateThread">({ ...base, status: 404, body: problem, problem });
    expect(notFound.hasStatus(404)).toBe(true);
    expect(notFound.hasStatus(400)).toBe(false);
  });
});

// The other errors, built directly: each init field reaches the message and the property it
// documents, with the documented defaults when it is left out (mutants of each passed every test).
describe("PuffleError, PuffleNetworkError, PuffleTimeoutError and PuffleAbortError, built from their parts", () => {
  const url = `${BASE}/api/threads/${THREAD_ID}`;
  const secretUrl = `http://u:s3cret@127.0.0.1:9/api/threads/${THREAD_ID}`;
  const maskedUrl = `http://***:***@127.0.0.1:9/api/threads/${THREAD_ID}`;

  it("PuffleError: its name, and its message on one line", () => {
    const error = new PuffleError("first\nsecond\u001b[2J");
    expect(error.name).toBe("PuffleError");
    expect(error.message).toBe("first second [2J");
  });

  it.each<[string, () => PuffleError, string, { operationId: string | undefined; url: string; attempts: number; timeoutMs?: number }]>([
    ["a network error, defaults", () => new PuffleNetworkError({ url, cause: new TypeError("fetch failed") }), `network error calling ${url}: fetch failed`, { operationId: undefined, url, attempts: 1 }],
    ["a network error after 3 attempts", () => new PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed"), attempts: 3 }), `updateThread: network error calling ${url}: fetch failed (after 3 attempts)`, { operationId: "updateThread", url, attempts: 3 }],
    ["a network error whose cause's cause is null", () => new PuffleNetworkError({ url, cause: Object.assign(new TypeError("fetch failed"), { cause: null }) }), `network error calling ${url}: fetch failed`, { operationId: undefined, url, attempts: 1 }],
    ["a timeout, defaults", () => new PuffleTimeoutError({ url, timeoutMs: 50 }), `no response from ${url} within 50 ms`, { operationId: undefined, url, attempts: 1, timeoutMs: 50 }],
    ["a timeout after 2 attempts", () => new PuffleTimeoutError({ url, operationId: "updateConversation", timeoutMs: 50, attempts: 2 }), `updateConversation: no response from ${url} within 50 ms (after 2 attempts)`, { operationId: "updateConversation", url, attempts: 2, timeoutMs: 50 }],
    ["an abort, defaults", () => new PuffleAbortError({ url, reason: "stop" }), `request to ${url} was aborted: stop`, { operationId: undefined, url, attempts: 1 }],
    ["an abort after 2 attempts", () => new PuffleAbortError({ url, operationId: "updateThread", reason: "stop", attempts: 2 }), `updateThread: request to ${url} was aborted: stop (after 2 attempts)`, { operationId: "updateThread", url, attempts: 2 }],
    ["an abort before sending (0 attempts)", () => new PuffleAbortError({ url, reason: "stop", attempts: 0 }), `request to ${url} was aborted: stop`, { operationId: undefined, url, attempts: 0 }],
    ["an abort whose reason names the URL with its password", () => new PuffleAbortError({ url: secretUrl, reason: new Error(`gave up on ${secretUrl}`) }), `request to ${maskedUrl} was aborted: gave up on ${maskedUrl}`, { operationId: undefined, url: maskedUrl, attempts: 1 }],
  ])("%s", (_name, make, message, properties) => {
    const error = make();
    expect(error.message).toBe(message);
    expect(error).toMatchObject(properties);
    expect((error as unknown as { operationId: unknown }).operationId).toBe(properties.operationId);
  });

  it("isDuplicateThreadError: only a 409 that carries the existing thread", () => {
    const existingThread = { id: THREAD_ID } as never;
    const base = { operationId: "updateThread" as const, body: "", problem: undefined, headers: new Headers() };
    expect(isDuplicateThreadError(new PuffleApiError({ ...base, status: 409, existingThread }))).toBe(true);
    expect(isDuplicateThreadError(new PuffleApiError({ ...base, status: 409 }))).toBe(false);
    expect(isDuplicateThreadError(new PuffleApiError({ ...base, status: 400, existingThread }))).toBe(false);
    expect(isDuplicateThreadError({ status: 409, existingThread })).toBe(false);
  });

  it.each([
    ["", ""],
    ["/unread_count", "unread_count"],
    ["/thread/status", "thread.status"],
    ["/a~1b~1c", "a/b/c"],
    ["/a~0b~0c", "a~b~c"],
    ["/a~01", "a~1"],
    ["/items/0", "items.0"],
  ])("fieldOfPointer(%j) is %j", (pointer, field) => {
    expect(fieldOfPointer(pointer)).toBe(field);
  });
});

// JSON.stringify(error) left out `message` (an Error's is not enumerable) and `cause` (nor is it): a
// JSON logger without pino's serializer logged `{"name":"PuffleNetworkError","url":…,"attempts":1}`,
// not what failed. toJSON gives name, message, the error's own fields, a network error's transport
// code, and the cause, redacted as util.inspect is (or more).
describe("JSON.stringify(error) says what happened (toJSON)", () => {
  const json = (error: unknown) => JSON.parse(JSON.stringify(error)) as Record<string, unknown>;

  it("a refused connection: name, message, url, attempts, code ECONNREFUSED and the cause", async () => {
    const port = await closedPort();
    const error = await rejection(createPuffleClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "puffle_live_s3cret", maxRetries: 0 }).updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleNetworkError);
    const url = `http://127.0.0.1:${port}/api/threads/${THREAD_ID}`;
    expect(json(error)).toEqual({
      name: "PuffleNetworkError",
      message: (error as Error).message,
      operationId: "updateThread",
      url,
      attempts: 1,
      code: "ECONNREFUSED",
      cause: { name: "TypeError", message: "fetch failed", code: "ECONNREFUSED" },
    });
    expect((error as Error).message).toBe(`updateThread: network error calling ${url}: fetch failed: ECONNREFUSED`);
    expect(JSON.stringify(error)).not.toContain("s3cret");
  });

  it("a host not found: code ENOTFOUND; a cause without a code: none", () => {
    const notFound = new PuffleNetworkError({ url: `${BASE}/x`, cause: new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND nohost"), { code: "ENOTFOUND" }) }) });
    expect(json(notFound)).toMatchObject({ name: "PuffleNetworkError", code: "ENOTFOUND", cause: { name: "TypeError", message: "fetch failed", code: "ENOTFOUND" } });
    const plain = json(new PuffleNetworkError({ url: `${BASE}/x`, cause: new Error("the response body is larger than maxResponseBytes (5 bytes); it was not read further") }));
    // A raw call's operationId (undefined) is left out, as JSON leaves out undefined.
    const tooLarge = "the response body is larger than maxResponseBytes (5 bytes); it was not read further";
    expect(plain).toEqual({ name: "PuffleNetworkError", message: `network error calling ${BASE}/x: ${tooLarge}`, url: `${BASE}/x`, attempts: 1, cause: { name: "Error", message: tooLarge } });
  });

  it("an API error: its fields, headers redacted, no cause; a timeout, an abort and a validation error: theirs", async () => {
    const problem = { type: "about:blank", title: "Not found", status: 404, detail: "No thread with this id." };
    const api = await rejection(answering(404, JSON.stringify(problem), { "content-type": "application/problem+json", "x-request-id": "req-9", authorization: "Bearer puffle_live_s3cret" }).updateThread(THREAD_ID, { status: "archived" }));
    expect(json(api)).toEqual({
      name: "PuffleApiError",
      message: "updateThread: HTTP 404: Not found: No thread with this id. (request id req-9)",
      operationId: "updateThread",
      status: 404,
      problem,
      body: problem,
      requestId: "req-9",
      headers: { authorization: "[redacted]", "content-type": "application/problem+json", "x-request-id": "req-9" },
      attempts: 1,
    });
    expect(json(new PuffleTimeoutError({ url: `${BASE}/x`, operationId: "updateThread", timeoutMs: 200 }))).toEqual({ name: "PuffleTimeoutError", message: `updateThread: no response from ${BASE}/x within 200 ms`, operationId: "updateThread", url: `${BASE}/x`, timeoutMs: 200, attempts: 1 });
    expect(json(new PuffleAbortError({ url: `${BASE}/x`, reason: new DOMException("This operation was aborted", "AbortError"), attempts: 0 }))).toMatchObject({ name: "PuffleAbortError", attempts: 0, cause: { name: "AbortError", message: "This operation was aborted" } });
    expect(json(new PuffleAbortError({ url: `${BASE}/x`, reason: "shutting down" })).cause).toEqual({ message: "shutting down" });
    expect(json(new PuffleAbortError({ url: `${BASE}/x`, reason: Object.create(null) })).cause).toEqual({ message: "a value that cannot be converted to a string" });
    const invalid = json(new PuffleValidationError({ target: "request", operationId: "updateThread", issues: [{ path: "/status", keyword: "enum", message: "must be one of" }] }));
    expect(invalid).toEqual({ name: "PuffleValidationError", message: "updateThread: request body: status must be one of", target: "request", operationId: "updateThread", issues: [{ path: "/status", keyword: "enum", message: "must be one of" }], field: "status" });
  });

  it("a cause's message that names the URL with a password: masked as the error's message masks it; a megabyte of it: cut", () => {
    const raw = `https://deploy:2024/s3cret@host/api/threads/${THREAD_ID}`;
    const cause = Object.assign(new TypeError(`request to ${raw} failed, reason: getaddrinfo ENOTFOUND deploy`), { code: "ENOTFOUND" });
    const error = new PuffleNetworkError({ url: raw, operationId: "updateThread", cause });
    expect(json(error).cause).toEqual({ name: "TypeError", message: `request to https://***@host/api/threads/${THREAD_ID} failed, reason: getaddrinfo ENOTFOUND deploy`, code: "ENOTFOUND" });
    expect(JSON.stringify(error)).not.toContain("s3cret");
    // A cause that is its own cause (code undefined), one whose name cannot be read: the message still says what failed.
    const loop = Object.assign(new Error("loop"), { code: undefined as unknown });
    (loop as { cause?: unknown }).cause = loop;
    const looped = new PuffleNetworkError({ url: `${BASE}/x`, cause: loop });
    expect(looped.message).toBe(`network error calling ${BASE}/x: loop`);
    expect(json(looped).cause).toEqual({ name: "Error", message: "loop" });
    const nameless = Object.defineProperty(new Error("connect failed"), "name", { get: () => { throw new Error("no name"); } });
    expect(json(new PuffleNetworkError({ url: `${BASE}/x`, cause: nameless })).cause).toEqual({ message: "connect failed" });
    // A transport naming the URL as parsed (node-fetch's request.url): the password's space percent-encoded.
    const spaced = `https://deploy:pa ss@host/api/threads/${THREAD_ID}`;
    const parsed = new PuffleNetworkError({ url: spaced, operationId: "updateThread", cause: new TypeError(`request to ${new URL(spaced).href} failed`) });
    expect(parsed.message).toBe(`updateThread: network error calling https://***:***@host/api/threads/${THREAD_ID}: request to https://***:***@host/api/threads/${THREAD_ID} failed`);
    expect(json(parsed).cause).toEqual({ name: "TypeError", message: `request to https://***:***@host/api/threads/${THREAD_ID} failed` });
    expect(JSON.stringify(parsed)).not.toContain("pa%20ss");
    const long = json(new PuffleNetworkError({ url: `${BASE}/x`, cause: new TypeError(`${MEGABYTE}\nsecond line`) }));
    expect((long.cause as { message: string }).message).toBe(`${"x".repeat(199)}…`);
  });

  // Another realm's Error (a vm context's, a test environment's fetch) is no `instanceof Error` here:
  // it was written as `{ message: "Error: x" }` (no name) and its message read `Error: x`.
  it("a cause from another realm: named and worded as this realm's", () => {
    const foreign = (source: string): unknown => runInNewContext(source);
    const plain = new PuffleNetworkError({ url: `${BASE}/x`, cause: foreign("new Error('x')") });
    expect(plain.message).toBe(`network error calling ${BASE}/x: x`);
    expect(json(plain).cause).toEqual({ name: "Error", message: "x" });
    // undici's shape: a TypeError holding the socket's error, code and all.
    const nested = foreign("const e = new TypeError('fetch failed'); e.cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }); e");
    const reset = new PuffleNetworkError({ url: `${BASE}/x`, operationId: "updateThread", cause: nested });
    const here = new PuffleNetworkError({ url: `${BASE}/x`, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) }) });
    expect(reset.message).toBe(here.message);
    expect(json(reset)).toEqual(json(here));
    expect(json(reset).cause).toEqual({ name: "TypeError", message: "fetch failed", code: "UND_ERR_SOCKET" });
    // A cause whose inner cause is another realm's (no code): its message, as this realm's is shown.
    const inner = new PuffleNetworkError({ url: `${BASE}/x`, cause: new TypeError("fetch failed", { cause: foreign("new Error('socket hang up')") }) });
    expect(inner.message).toBe(`network error calling ${BASE}/x: fetch failed: socket hang up`);
    const aborted = new PuffleAbortError({ url: `${BASE}/x`, reason: foreign("new RangeError('stop')") });
    expect(aborted.message).toBe(`request to ${BASE}/x was aborted: stop`);
    expect(json(aborted).cause).toEqual({ name: "RangeError", message: "stop" });
    // An object that only looks like an Error is no Error still: its String, no name.
    expect(json(new PuffleNetworkError({ url: `${BASE}/x`, cause: { name: "Error", message: "x", toString: () => "shaped" } })).cause).toEqual({ message: "shaped" });
  });

  // The tag that names another realm's Error can be given by any object: one that only says it is an
  // Error (its Symbol.toStringTag, a Proxy's answer for it) was named "undefined", worded "undefined".
  it("an object tagged \"Error\" is no Error: its String, no name", () => {
    const tagged = { [Symbol.toStringTag]: "Error", toString: () => "tagged" };
    const proxied = new Proxy({ toString: () => "proxied" }, { get: (target, key, receiver) => (key === Symbol.toStringTag ? "Error" : Reflect.get(target, key, receiver)) });
    for (const [cause, text] of [[tagged, "tagged"], [proxied, "proxied"]] as const) {
      const error = new PuffleNetworkError({ url: `${BASE}/x`, cause });
      expect(error.message).toBe(`network error calling ${BASE}/x: ${text}`);
      expect(json(error).cause).toEqual({ message: text });
    }
    // Another realm's Error subclass is still one (its tag is Error's).
    const sub = new PuffleNetworkError({ url: `${BASE}/x`, cause: runInNewContext("class Mine extends Error { name = 'Mine' }; new Mine('sub')") });
    expect(json(sub).cause).toEqual({ name: "Mine", message: "sub" });
  });

  // A TypeError, not a PuffleError: JSON.stringify wrote `{"name":"PuffleConfigError","option":"baseURL"}`, not the rule.
  it("a PuffleConfigError: name, message and option, still a TypeError; from createPuffleClient and from a call", async () => {
    let thrown: unknown;
    try {
      createPuffleClient({ baseURL: "http://localhost:4010" } as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).not.toBeInstanceOf(PuffleError);
    expect(json(thrown)).toEqual({ name: "PuffleConfigError", message: "createPuffleClient: baseURL is not an option (did you mean baseUrl?)", option: "baseURL" });
    const perCall = await rejection(createPuffleClient({ baseUrl: BASE, apiKey: "k" }).updateThread(THREAD_ID, { status: "archived" }, { timeoutMs: -1 }));
    expect(json(perCall)).toEqual({ name: "PuffleConfigError", message: "updateThread: timeoutMs must be an integer number of milliseconds from 0 (no timeout) to 2147483647, got -1", option: "timeoutMs" });
    expect(JSON.stringify({ err: new PuffleConfigError("signal", "must be an AbortSignal, got string", "updateThread") })).toBe('{"err":{"name":"PuffleConfigError","message":"updateThread: signal must be an AbortSignal, got string","option":"signal"}}');
  });
});
