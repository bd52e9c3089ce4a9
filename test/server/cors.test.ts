// CORS, opt-in (ServerOptions.cors): off by default; with it on, preflights on the operations' paths
// are 204s allowing PATCH with the headers a client sends, and every response to an allowed origin
// (200, every problem, the ones the server writes itself) can be read by the page. Over HTTP on
// 127.0.0.1. The real browser: cors-browser.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { CORS_EXPOSE_HEADERS, ORIGIN_RULE, corsOriginsOf } from "../../src/server/cors.js";
import { parseCorsArgument } from "../../src/server/launch.js";
import { createServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import type { OperationId } from "../../src/validators.js";
import { BOB_THREAD, DOCS_CONVERSATION, DOCS_THREAD, SENDERS, checkResponse, parseRawResponse, pathOf, rawExchange, send, snapshot, start } from "./http.js";
import type { Sent } from "./http.js";
import { deref, specOperations } from "../helpers.js";
import type { JsonObject } from "../helpers.js";

const VITE = "http://localhost:5173";
const OTHER = "https://evil.example";
const ops: OperationId[] = ["updateConversation", "updateThread"];
const idOf: Record<OperationId, string> = { updateConversation: DOCS_CONVERSATION, updateThread: DOCS_THREAD };
const EXPOSED = "X-Request-Id, WWW-Authenticate, Allow, Accept-Encoding";
const ALLOWED_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Request-Id";
const CORS_HEADERS = ["access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers", "access-control-max-age", "access-control-expose-headers", "access-control-allow-credentials"];

/** The CORS response headers present, by name. */
function corsHeadersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CORS_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** A browser's preflight for a PATCH with a token and a JSON body. */
async function preflight(server: RunningServer, path: string, origin: string | null, requestHeaders = "authorization,content-type") {
  const headers: Record<string, string> = { "access-control-request-method": "PATCH", "access-control-request-headers": requestHeaders };
  if (origin !== null) headers.origin = origin;
  const response = await fetch(server.url + path, { method: "OPTIONS", headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function expectAllowed(res: Sent, origin: string): void {
  expect(res.headers.get("access-control-allow-origin"), res.text).toBe(origin);
  expect(res.headers.get("access-control-expose-headers"), res.text).toBe(EXPOSED);
  expect(res.headers.get("access-control-allow-credentials")).toBeNull();
}

/**
 * Response headers a page reads without their being exposed (the CORS-safelisted response headers),
 * and X-Content-Type-Options, which is for the browser itself and not for the page to read.
 */
const READABLE_UNEXPOSED = new Set(["cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma", "x-content-type-options"]);

describe("the CORS lists and the spec", () => {
  it("every response header the spec declares is exposed (but those a page reads anyway, and X-Content-Type-Options)", () => {
    const declared = new Set<string>();
    for (const { op } of specOperations()) {
      for (const response of Object.values(op.responses as JsonObject)) {
        for (const name of Object.keys(deref<JsonObject>(deref<JsonObject>(response).headers ?? {}))) declared.add(name.toLowerCase());
      }
    }
    expect(declared.size).toBeGreaterThan(0);
    const exposed = new Set(CORS_EXPOSE_HEADERS.split(", ").map((name) => name.toLowerCase()));
    expect([...declared].filter((name) => !READABLE_UNEXPOSED.has(name) && !exposed.has(name))).toEqual([]);
    // The 405's Allow is not in the spec (the 405 is undocumented) but is exposed too.
    expect(exposed.has("allow")).toBe(true);
  });
});

describe("CORS off (the default)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.close();
  });

  for (const op of ops) {
    it(`${op}: a preflight stays a 405 with Allow: PATCH and no CORS header`, async () => {
      const res = await preflight(server, pathOf(op, idOf[op]), VITE);
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("PATCH");
      expect(corsHeadersOf(res.headers)).toEqual({});
      checkResponse(op, "OPTIONS", { ...res, body: JSON.parse(res.text) });
    });
  }

  it("an actual request with an Origin gets no CORS header and no Vary", async () => {
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 1 }, headers: { origin: VITE } });
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res.headers)).toEqual({});
    expect(res.headers.get("vary")).toBeNull();
  });

  it("cors: false is off too", async () => {
    const app = createServer({ cors: false });
    try {
      const res = await app.inject({ method: "OPTIONS", url: pathOf("updateThread", DOCS_THREAD), headers: { origin: VITE, "access-control-request-method": "PATCH" } });
      expect(res.statusCode).toBe(405);
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});

/** Every kind of response the server gives, each from a request of the allowed origin. */
function everyResponse(origin: string) {
  const withOrigin = (headers: Record<string, string> = {}) => ({ ...headers, origin });
  return [
    { name: "200 conversation", run: (s: RunningServer) => send(s, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 2 }, headers: withOrigin() }), status: 200 },
    { name: "200 thread", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: { draft_subject: "Hi" }, headers: withOrigin() }), status: 200 },
    { name: "400 bad id", run: (s: RunningServer) => send(s, "updateThread", "nope", { body: { status: "active" }, headers: withOrigin() }), status: 400 },
    { name: "400 invalid JSON", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: "{broken", headers: withOrigin() }), status: 400 },
    { name: "400 no valid field", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: { nope: 1 }, headers: withOrigin() }), status: 400 },
    { name: "400 invalid sender", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.pending }, headers: withOrigin() }), status: 400 },
    { name: "400 malformed URL", run: (s: RunningServer) => send(s, "updateThread", "", { rawPath: "/api/threads/%E0%A4%A", body: { status: "active" }, headers: withOrigin() }), status: 400 },
    { name: "401 no token", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { token: null, body: { status: "active" }, headers: withOrigin() }), status: 401 },
    { name: "401 unknown token", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { token: "puffle_test_mallory", body: { status: "active" }, headers: withOrigin() }), status: 401 },
    { name: "404 another user's thread", run: (s: RunningServer) => send(s, "updateThread", BOB_THREAD, { body: { status: "active" }, headers: withOrigin() }), status: 404 },
    { name: "404 unknown path", run: (s: RunningServer) => send(s, "updateThread", "", { rawPath: "/api/threadz/x", body: { status: "active" }, headers: withOrigin() }), status: 404 },
    { name: "405 GET", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { method: "GET", headers: withOrigin() }), status: 405 },
    { name: "405 OPTIONS that is not a preflight", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { method: "OPTIONS", headers: withOrigin() }), status: 405 },
    { name: "409 duplicate", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales }, headers: withOrigin() }), status: 409 },
    { name: "413 by Content-Length", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: `{"draft_body_text":"${"a".repeat(1_048_576)}"}`, headers: withOrigin() }), status: 413 },
    { name: "413 chunked", run: (s: RunningServer) => sendChunked(s, origin), status: 413 },
    { name: "415", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: "status=active", contentType: "text/plain", headers: withOrigin() }), status: 415 },
    { name: "415 charset", run: (s: RunningServer) => send(s, "updateThread", DOCS_THREAD, { body: { status: "active" }, contentType: "application/json; charset=latin1", headers: withOrigin() }), status: 415 },
    { name: "415 content coding", run: (s: RunningServer) => sendGzip(s, origin), status: 415 },
  ];
}

/** A gzip-compressed JSON body (Content-Encoding: gzip): the 415 with Accept-Encoding: identity. */
async function sendGzip(server: RunningServer, origin: string): Promise<Sent> {
  const response = await fetch(server.url + pathOf("updateThread", DOCS_THREAD), {
    method: "PATCH",
    headers: { origin, authorization: "Bearer puffle_test_alice", "content-type": "application/json", "content-encoding": "gzip" },
    body: gzipSync(JSON.stringify({ status: "active" })),
  });
  const text = await response.text();
  const sent = { status: response.status, headers: response.headers, text, body: JSON.parse(text) as unknown };
  checkResponse("updateThread", "PATCH", sent);
  expect(sent.headers.get("accept-encoding")).toBe("identity");
  return sent;
}

/** A chunked body over the limit (no Content-Length): Fastify's reader stops it, the error handler answers. */
async function sendChunked(server: RunningServer, origin: string): Promise<Sent> {
  const big = `{"draft_body_text":"${"a".repeat(1_100_000)}"}`;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(big));
      controller.close();
    },
  });
  const response = await fetch(server.url + pathOf("updateThread", DOCS_THREAD), {
    method: "PATCH",
    headers: { origin, authorization: "Bearer puffle_test_alice", "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  const text = await response.text();
  const sent = { status: response.status, headers: response.headers, text, body: JSON.parse(text) as unknown };
  checkResponse("updateThread", "PATCH", sent);
  return sent;
}

describe("CORS for any origin (cors: true)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ cors: true });
  });
  afterAll(async () => {
    await server.close();
  });

  for (const op of ops) {
    it(`${op}: a preflight is a 204 allowing PATCH with Authorization and Content-Type, for any origin`, async () => {
      const before = snapshot(server);
      const res = await preflight(server, pathOf(op, idOf[op]), OTHER);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{20}$/);
      expect(corsHeadersOf(res.headers)).toEqual({
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "PATCH",
        "access-control-allow-headers": ALLOWED_HEADERS,
        "access-control-max-age": "600",
      });
      expect(res.headers.get("vary")).toBeNull();
      expect(snapshot(server)).toEqual(before);
    });
  }

  it("a preflight needs no token and does not look at the id (the actual request answers)", async () => {
    const res = await preflight(server, "/api/threads/not-a-uuid", VITE, "authorization,content-type,x-request-id");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("a preflight for a compressed body allows Content-Encoding (so the page gets the 415 and its Accept-Encoding)", async () => {
    const res = await preflight(server, pathOf("updateThread", DOCS_THREAD), VITE, "authorization,content-encoding,content-type");
    expect(res.status).toBe(204);
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(", ");
    expect(["authorization", "content-encoding", "content-type"].filter((name) => !allowed.includes(name))).toEqual([]);
  });

  it.each([
    ["other headers, once each, lower-cased", "authorization,content-type,X-Trace-Id,traceparent,x-trace-id", `${ALLOWED_HEADERS}, x-trace-id, traceparent`],
    ["empty items skipped", "x-trace-id, ,,traceparent", `${ALLOWED_HEADERS}, x-trace-id, traceparent`],
    ["a name that is not a token", "authorization,x trace", ALLOWED_HEADERS],
    ["a name that is not a token, after a good one: none added", "x-trace-id,x trace", ALLOWED_HEADERS],
  ])("a preflight allows the other headers the page asks for too (the server ignores them), but none from a list that is not header names: %s", async (_name, requested, allowed) => {
    const res = await preflight(server, pathOf("updateThread", DOCS_THREAD), VITE, requested);
    expect(res.headers.get("access-control-allow-headers")).toBe(allowed);
  });

  it("a preflight for an unknown path is the 404 problem, readable by the page", async () => {
    const res = await preflight(server, "/api/threadz/x", VITE);
    expect(res.status).toBe(404);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  for (const { name, run, status } of everyResponse(VITE)) {
    it(`${name}: Access-Control-Allow-Origin: * and the exposed headers`, async () => {
      const res = await run(server);
      expect(res.status).toBe(status);
      expectAllowed(res, "*");
    });
  }

  it("a 401 still says WWW-Authenticate, a 405 Allow (both exposed)", async () => {
    const unauthorized = await send(server, "updateThread", DOCS_THREAD, { token: null, body: { status: "active" }, headers: { origin: VITE } });
    expect(unauthorized.headers.get("www-authenticate")).toBe('Bearer realm="puffle"');
    const notAllowed = await send(server, "updateThread", DOCS_THREAD, { method: "DELETE", headers: { origin: VITE } });
    expect(notAllowed.headers.get("allow")).toBe("PATCH");
  });

  it("a request without an Origin gets the same header (it does not vary)", async () => {
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("vary")).toBeNull();
  });

  it("a request Node's HTTP parser rejects (431, written by the server itself) carries it too", async () => {
    const path = pathOf("updateThread", DOCS_THREAD);
    const exchange = await rawExchange(server, `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${VITE}\r\nX-Big: ${"a".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`);
    const res = parseRawResponse(exchange.text);
    checkResponse("updateThread", "PATCH", res);
    expect(res.status).toBe(431);
    expectAllowed(res, "*");
  });
});

describe("CORS for one origin (cors: origin)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start({ cors: VITE });
  });
  afterAll(async () => {
    await server.close();
  });

  it("a preflight from that origin is allowed, echoing it, with Vary: Origin", async () => {
    const res = await preflight(server, pathOf("updateThread", DOCS_THREAD), VITE);
    expect(res.status).toBe(204);
    expect(corsHeadersOf(res.headers)).toEqual({
      "access-control-allow-origin": VITE,
      "access-control-allow-methods": "PATCH",
      "access-control-allow-headers": ALLOWED_HEADERS,
      "access-control-max-age": "600",
    });
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it.each([[OTHER], ["http://localhost:5174"], ["https://localhost:5173"], ["null"], [null]])("a preflight from %j gets no allow header (the browser blocks)", async (origin) => {
    const res = await preflight(server, pathOf("updateThread", DOCS_THREAD), origin);
    expect(res.status).toBe(204);
    expect(corsHeadersOf(res.headers)).toEqual({});
    expect(res.headers.get("vary")).toBe("Origin");
  });

  for (const { name, run, status } of everyResponse(VITE)) {
    it(`${name}: allowed for that origin`, async () => {
      const res = await run(server);
      expect(res.status).toBe(status);
      expectAllowed(res, VITE);
      expect(res.headers.get("vary")).toBe("Origin");
    });
  }

  it("an actual request from another origin gets no CORS header (its page cannot read the answer)", async () => {
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 }, headers: { origin: OTHER } });
    expect(res.status).toBe(200);
    expect(corsHeadersOf(res.headers)).toEqual({});
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it("a request Node's HTTP parser rejects carries that origin (the only one a page could read it from)", async () => {
    const exchange = await rawExchange(server, "GARBAGE\r\n\r\n");
    const res = parseRawResponse(exchange.text);
    expect(res.status).toBe(400);
    expectAllowed(res, VITE);
    expect(res.headers.get("vary")).toBe("Origin");
  });
});

describe("CORS for several origins (cors: [origins])", () => {
  const APP = "https://app.example.com";
  let server: RunningServer;
  beforeAll(async () => {
    // Written as people type them; compared as browsers send them.
    server = await start({ cors: ["HTTP://LocalHost:5173", "https://app.example.com:443"] });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([[VITE], [APP]])("a preflight and a request from %s are allowed, echoing the origin", async (origin) => {
    const pre = await preflight(server, pathOf("updateConversation", DOCS_CONVERSATION), origin);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe(origin);
    expect(pre.headers.get("vary")).toBe("Origin");
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 1 }, headers: { origin } });
    expectAllowed(res, origin);
    expect(res.headers.get("vary")).toBe("Origin");
  });

  it("another origin is not", async () => {
    const pre = await preflight(server, pathOf("updateConversation", DOCS_CONVERSATION), OTHER);
    expect(corsHeadersOf(pre.headers)).toEqual({});
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 1 }, headers: { origin: OTHER } });
    expect(corsHeadersOf(res.headers)).toEqual({});
  });

  it("a request Node's HTTP parser rejects carries none (its Origin was never read)", async () => {
    const res = parseRawResponse((await rawExchange(server, "GARBAGE\r\n\r\n")).text);
    expect(res.status).toBe(400);
    expect(corsHeadersOf(res.headers)).toEqual({});
    expect(res.headers.get("vary")).toBe("Origin");
  });
});

describe("other spellings of the cors option", () => {
  // "*" is `true`; an origin listed twice (as typed, and as a browser sends it) is one origin, so a
  // response written without a parsed request still names it, as with cors: origin.
  it.each([
    ["*", "*", null],
    [[VITE, "HTTP://LocalHost:5173"], VITE, "Origin"],
  ] as const)("cors %j: a request Node's HTTP parser rejects carries %s", async (cors, origin, vary) => {
    const server = await start({ cors });
    try {
      const res = parseRawResponse((await rawExchange(server, "GARBAGE\r\n\r\n")).text);
      expect(res.status).toBe(400);
      expectAllowed(res, origin);
      expect(res.headers.get("vary")).toBe(vary);
    } finally {
      await server.close();
    }
  });
});

describe("--cors values (parseCorsArgument, both launchers)", () => {
  const rule = "--cors must be * (any origin), an origin, or origins separated by commas; ";
  it.each([
    ["*", { origins: "*" }],
    [" * ", { origins: "*" }],
    ["http://localhost:5173, HTTP://LocalHost:5173", { origins: [VITE] }],
    ["http://localhost:5173,https://app.example.com:443", { origins: [VITE, "https://app.example.com"] }],
    ["http://localhost:5173,*", { problem: `${rule}* allows any origin on its own, not in a list; got "*" in "http://localhost:5173,*"` }],
    ["nope", { problem: `${rule}${ORIGIN_RULE}; got "nope"` }],
  ] as const)("%j", (text, want) => {
    expect(parseCorsArgument(text)).toEqual(want);
  });
});

// Duplicates were dropped with an `includes` per origin (quadratic: 40,000 origins took ~15 s in
// either function); a Set does it now. The output is as it was: each origin once, at its first
// place, spellings of one origin (case, default port) counting as one. No timing here.
describe("repeated origins in a list (corsOriginsOf, parseCorsArgument)", () => {
  const APP = "https://app.example.com";
  const given = [VITE, APP, "HTTP://LOCALHOST:5173", "https://app.example.com:443", OTHER, VITE, OTHER];
  it("each origin once, in the order first given, as a browser sends it", () => {
    expect(corsOriginsOf(given, "createServer")).toEqual([VITE, APP, OTHER]);
    expect(parseCorsArgument(given.join(", "))).toEqual({ origins: [VITE, APP, OTHER] });
  });

  it("a long list with every origin twice (second copies reversed) keeps the first order", () => {
    const origins = Array.from({ length: 2_000 }, (_, i) => `http://h${i}.example`);
    const twice = [...origins, ...origins.map((o) => o.toUpperCase()).reverse()];
    expect(corsOriginsOf(twice, "startServer")).toEqual(origins);
    expect(parseCorsArgument(twice.join(","))).toEqual({ origins });
  });

  it("a bad origin after repeated ones is still named, in its list", () => {
    expect(() => corsOriginsOf([VITE, VITE, "nope", APP], "createServer")).toThrow(/; got "nope" in \["http:\/\/localhost:5173", "http:\/\/localhost:5173", "nope", "https:\/\/app\.example\.com"\]$/);
    expect(parseCorsArgument(`${VITE},${VITE},nope`)).toEqual({ problem: `--cors must be * (any origin), an origin, or origins separated by commas; ${ORIGIN_RULE}; got "nope" in "${VITE},${VITE},nope"` });
  });
});

describe("an invalid cors option: a TypeError naming cors and the rule", () => {
  it.each([
    ["a path", "http://localhost:5173/app"],
    ["a trailing slash", "http://localhost:5173/"],
    ["a query", "http://localhost:5173?x=1"],
    ["a fragment", "http://localhost:5173#x"],
    ["no scheme", "localhost:5173"],
    ["another scheme", "ftp://localhost"],
    ["user info", "http://user@localhost"],
    ["a bad port", "http://localhost:99999"],
    ["an empty string", ""],
    ["an empty array", []],
    ["a list with a bad origin", [VITE, "nope"]],
    ["a list with *", [VITE, "*"]],
    ["a number", 5173],
  ] as const)("%s", (_name, value) => {
    expect(() => createServer({ cors: value as never })).toThrow(TypeError);
    expect(() => createServer({ cors: value as never })).toThrow(/^createServer: cors must be true or "\*" \(any origin\), an origin or an array of origins; an origin is http:\/\/ or https:\/\/, a host and an optional :port, with no path \(not even a trailing \/\), query or fragment, e\.g\. http:\/\/localhost:5173; got /);
  });

  // The bad item is named, and within its list when it came in one (an array of one item included).
  it.each([
    ["an origin alone", "nope", 'got "nope"'],
    ["an array of one", ["nope"], 'got "nope" in ["nope"]'],
    ["a list", [VITE, 5173], `got 5173 in ["${VITE}", 5173]`],
  ] as const)("the error names the bad item: %s", (_name, value, got) => {
    expect(() => createServer({ cors: value as never })).toThrow(new RegExp(`; ${got.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  });

  // Listed whole, an array of thousands of origins made a message of megabytes, one nested 100,000
  // deep a RangeError (the stack), a sparse one a message of commas. It is cut as a string is.
  it.each([
    ["thousands of origins, one bad", [...Array.from({ length: 5000 }, (_, i) => `http://h${i}.example`), "nope"], /; got "nope" in \["http:\/\/h0\.example", "http:\/\/h1\.example", [^\n]*, …\] \(cut; 5001 items in all\)$/],
    ["an array nested 100,000 deep", Array.from({ length: 100_000 }).reduce<unknown>((inner) => [inner], "nope"), /; got \[\[\[[[\]…]* \(cut; 1 item in all\)\]+ in \[\[\[[[\]…]* \(cut; 1 item in all\)\]+$/],
    ["a sparse array of a million slots", new Array(1_000_000), /; got undefined in \[undefined, undefined, [^\n]*, …\] \(cut; 1000000 items in all\)$/],
  ] as const)("a long array is cut, on one line: %s", (_name, value, got) => {
    let caught: unknown;
    try {
      createServer({ cors: value as never });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
    const { message } = caught as TypeError;
    expect(message).toMatch(got);
    expect(message).not.toContain("\n");
    expect(message.length).toBeLessThan(1000);
  });

  it("startServer checks it before it listens, naming itself", async () => {
    await expect(start({ cors: "localhost:5173" })).rejects.toThrow(/^startServer: cors must be .*; got "localhost:5173"$/);
  });
});
