// Findings of a security review of the reference server: ambiguous credentials, requests that
// never finish arriving, and responses a cache could keep or a browser could sniff.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer } from "../../src/server/index.js";
import { problems } from "../../src/server/problems.js";
import type { RunningServer } from "../../src/server/index.js";
import { schemas } from "../../src/validators.js";
import type { OperationId } from "../../src/validators.js";
import { ALICE, BOB, DOCS_CONVERSATION, DOCS_THREAD, MISSING_ID, SENDERS, checkResponse, parseRawResponse, pathOf, rawConnection, rawExchange, send, snapshot, start } from "./http.js";
import type { SendOptions, Sent } from "./http.js";
import { deref, root, specOperations, type JsonObject } from "../helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.close();
});

/** A PATCH of the docs' conversation with these Authorization header lines, as written. */
function withAuthorization(...values: string[]): string {
  const body = '{"status":"active"}';
  return (
    `PATCH ${pathOf("updateConversation", DOCS_CONVERSATION)} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    values.map((v) => `Authorization: ${v}\r\n`).join("") +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
  );
}

describe("more than one Authorization header → 401 invalid_token, nothing written", () => {
  // Node kept the first and dropped the rest: a request whose first header was valid was served
  // whatever else it carried (and a proxy that reads the last one would see another user).
  const cases: [string, string[]][] = [
    ["a valid one, then an invalid one", [`Bearer ${ALICE}`, "Bearer nope"]],
    ["an invalid one, then a valid one", ["Bearer nope", `Bearer ${ALICE}`]],
    ["two users' tokens", [`Bearer ${ALICE}`, `Bearer ${BOB}`]],
    ["the same valid one twice", [`Bearer ${ALICE}`, `Bearer ${ALICE}`]],
  ];
  it.each(cases)("%s", async (_name, values) => {
    const before = snapshot(server);
    const exchange = await rawExchange(server, withAuthorization(...values));
    const res = parseRawResponse(exchange.text);
    checkResponse("updateConversation", "PATCH", res);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="puffle", error="invalid_token"');
    expect(snapshot(server)).toEqual(before);
  });

  it("one valid header is still served", async () => {
    const res = parseRawResponse((await rawExchange(server, withAuthorization(`Bearer ${ALICE}`))).text);
    expect(res.status).toBe(200);
  });
});

describe("a request that never finishes arriving", () => {
  // Fastify's default requestTimeout is 0: headers and part of a body, then nothing, held the
  // connection (and the buffered body) for ever. Node answers it with the 408 problem
  // (clientErrorHandler, tested in robustness.test.ts) once the time is up.
  it("has a finite request timeout, no shorter than the headers timeout", () => {
    const http = server.app.server;
    expect(http.requestTimeout).toBeGreaterThan(0);
    expect(http.requestTimeout).toBeLessThanOrEqual(120_000);
    expect(http.headersTimeout).toBeLessThanOrEqual(http.requestTimeout);
  });
});

describe("every response: Cache-Control: no-store, X-Content-Type-Options: nosniff", () => {
  // Responses carry private records and problem details: a shared cache must not keep them and a
  // browser must not sniff them into another type. Each row takes another path through the server
  // (route hook, not-found scope, frameworkErrors, error handler, the raw writes of clientErrorHandler).
  const expectHeaders = (res: Sent | { status: number; headers: Headers }, where: string) => {
    expect(res.headers.get("cache-control"), where).toBe("no-store");
    expect(res.headers.get("x-content-type-options"), where).toBe("nosniff");
  };
  const big = `{"unread_count": 1, "padding": "${"x".repeat(1_100_000)}"}`;
  const viaSend: [string, OperationId, string, SendOptions, number][] = [
    ["200", "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 } }, 200],
    ["400 malformed id", "updateThread", "nope", { body: { status: "active" } }, 400],
    ["400 invalid JSON", "updateThread", DOCS_THREAD, { body: "{" }, 400],
    ["400 malformed URL (frameworkErrors)", "updateThread", "", { rawPath: "/api/threads/%E0%A4%A", body: { status: "active" } }, 400],
    ["401", "updateThread", DOCS_THREAD, { token: null, body: { status: "active" } }, 401],
    ["404 record", "updateThread", MISSING_ID, { body: { status: "active" } }, 404],
    ["404 route", "updateThread", "", { rawPath: "/api/threadz/x", body: { status: "active" } }, 404],
    ["405", "updateThread", DOCS_THREAD, { method: "DELETE" }, 405],
    ["409", "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales } }, 409],
    ["413 by Content-Length (answered in the hook)", "updateThread", DOCS_THREAD, { body: big }, 413],
    ["415", "updateThread", DOCS_THREAD, { body: { status: "active" }, contentType: "text/plain" }, 415],
  ];
  it.each(viaSend)("%s", async (name, op, id, options, status) => {
    const before = snapshot(server);
    const res = await send(server, op, id, options);
    expect(res.status).toBe(status);
    expectHeaders(res, name);
    if (status !== 200) expect(snapshot(server)).toEqual(before);
  });

  const head = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n`;
  const raw: [string, string, number][] = [
    ["400 not HTTP (written to the socket)", "GARBAGE\r\n\r\n", 400],
    ["413 chunk extensions (written to the socket)", `${head}Transfer-Encoding: chunked\r\n\r\n2;${"e".repeat(20_000)}\r\n{}\r\n0\r\n\r\n`, 413],
    ["431 (written to the socket)", `${head}X-Big: ${"a".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`, 431],
  ];
  it.each(raw)("%s", async (name, request, status) => {
    const res = parseRawResponse((await rawExchange(server, request)).text);
    expect(res.status).toBe(status);
    expectHeaders(res, name);
  });

  // A client's X-Request-Id is echoed when it is 1 to 200 of [A-Za-z0-9._:-]; otherwise a new one is made.
  it.each([
    ["200 characters", "a".repeat(200), true],
    ["201 characters", "a".repeat(201), false],
    ["every allowed character", "Az09._:-", true],
    ["a character outside the set", "abc/def", false],
  ])("X-Request-Id of %s: echoed %s", async (_name, id, echoed) => {
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 1 }, headers: { "x-request-id": id } });
    expect(res.status).toBe(200);
    if (echoed) expect(res.headers.get("x-request-id")).toBe(id);
    else expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{20}$/);
  });

  it("the spec declares them, with X-Request-Id, on every response of both operations", () => {
    for (const { operationId, op } of specOperations()) {
      for (const [status, response] of Object.entries(op.responses as JsonObject)) {
        const headers = Object.keys((deref<JsonObject>(response).headers ?? {}) as JsonObject);
        expect(headers, `${operationId} ${status}`).toEqual(expect.arrayContaining(["X-Request-Id", "Cache-Control", "X-Content-Type-Options"]));
      }
    }
  });

  it("500 (the error handler's last branch), through inject", async () => {
    const app = createServer();
    try {
      app.puffle.store.updateShared = () => {
        throw new Error("store failed");
      };
      const res = await app.inject({
        method: "PATCH",
        url: pathOf("updateThread", DOCS_THREAD),
        headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json" },
        payload: '{"unread_count": 1}',
      });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ type: "https://app.puffle.ai/problems/internal-error", status: 500 });
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-request-id"]).toMatch(/^req_[0-9a-f]{20}$/);
    } finally {
      await app.close();
    }
  });
});

describe("answers Node and Fastify used to write themselves: the 417 and the 503 while closing", () => {
  // Node answered an `Expect` other than 100-continue with a bodiless 417, and Fastify a request
  // arriving on an open connection while the server closes with its own 503 JSON: neither had
  // X-Request-Id, Cache-Control, X-Content-Type-Options or a problem body.
  const expectStamped = (res: Sent, status: number, slug: string, where: string) => {
    expect(res.status, where).toBe(status);
    expect(res.headers.get("x-request-id"), where).toMatch(/^[A-Za-z0-9._:\-]{1,200}$/);
    expect(res.headers.get("cache-control"), where).toBe("no-store");
    expect(res.headers.get("x-content-type-options"), where).toBe("nosniff");
    expect(res.headers.get("content-type"), where).toMatch(/^application\/problem\+json(;|$)/);
    expect(res.body, where).toMatchObject({ type: `https://app.puffle.ai/problems/${slug}`, status });
    expect(schemas.Problem(res.body), `${where}\n${JSON.stringify(schemas.Problem.errors)}`).toBe(true);
  };
  const request = (path: string, extra: string, body = '{"status":"active"}') =>
    `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n` +
    `${extra}Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;

  const expectations: [string, string, string | undefined][] = [
    ["an operation's path", request(pathOf("updateThread", DOCS_THREAD), "Expect: 200-ok\r\n"), undefined],
    ["an operation's path, without a token", request(pathOf("updateThread", DOCS_THREAD), "Expect: 200-ok\r\n").replace(/Authorization: [^\r]*\r\n/, ""), undefined],
    ["an unknown path", request("/api/threadz/x", "Expect: whatever\r\n"), undefined],
    ["the client's X-Request-Id", request(pathOf("updateConversation", DOCS_CONVERSATION), "Expect: 200-ok\r\nX-Request-Id: mine-417\r\n"), "mine-417"],
  ];
  it.each(expectations)("417 to an Expect other than 100-continue: %s", async (name, text, id) => {
    const before = snapshot(server);
    const res = parseRawResponse((await rawExchange(server, text)).text);
    expectStamped(res, 417, "expectation-failed", name);
    const expectation = /\r\nExpect: ([^\r]*)\r\n/.exec(text)![1];
    expect((res.body as { detail: string }).detail).toBe(`The Expect header ${JSON.stringify(expectation)} is not supported; only 100-continue is.`);
    if (id !== undefined) expect(res.headers.get("x-request-id")).toBe(id);
    expect(snapshot(server)).toEqual(before);
  });

  // An unknown path is answered by the not-found scope's own hook, which must add them too.
  it.each([["an operation's path", pathOf("updateThread", DOCS_THREAD)], ["an unknown path", "/api/threadz/x"]])("417 with CORS on: the CORS headers too (%s)", async (_name, path) => {
    const corsServer = await start({ cors: true });
    try {
      const text = request(path, "Expect: 200-ok\r\nOrigin: http://localhost:5173\r\n");
      const res = parseRawResponse((await rawExchange(corsServer, text)).text);
      expectStamped(res, 417, "expectation-failed", "417 with CORS");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
    } finally {
      await corsServer.close();
    }
  });

  // app.inject() never meets Node's parser, so nothing emitted checkExpectation: `Expect: 200-ok`
  // was served there (a 200, the update applied) where the same request over a socket is the 417.
  it("the same answers through app.inject() as over a socket (no checkExpectation there)", async () => {
    const app = createServer();
    try {
      const inject = (expectation: string | string[], path: string = pathOf("updateThread", DOCS_THREAD)) =>
        app.inject({
          method: "PATCH",
          url: path,
          // IncomingHttpHeaders types `expect` as a string; inject passes an array on as it is.
          headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json", expect: expectation as string, "x-request-id": "inject-417" },
          payload: '{"draft_subject":"not applied"}',
        });
      const before = app.puffle.store.snapshot();
      const cases: [string | string[], string | undefined][] = [["200-ok", undefined], ["", undefined], ["whatever", "/api/threadz/x"], [["200-ok", "foo"], undefined]];
      for (const [expectation, path] of cases) {
        const res = await inject(expectation, path);
        const where = `Expect: ${JSON.stringify(expectation)}`;
        expect(res.statusCode, where).toBe(417);
        expect(res.headers["x-request-id"], where).toBe("inject-417");
        expect(res.headers["cache-control"], where).toBe("no-store");
        expect(res.json(), where).toEqual(problems.expectationFailed(Array.isArray(expectation) ? expectation.join(", ") : expectation));
      }
      expect(app.puffle.store.snapshot()).toEqual(before);
      // Node's rule: 100-continue anywhere in the value (any case) is served.
      expect((await inject("100-Continue")).statusCode).toBe(200);
      expect((await inject("foo, 100-continue")).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("an HTTP/1.0 request's Expect is not read (Node's rule: Expect is HTTP/1.1's)", async () => {
    const text = request(pathOf("updateThread", DOCS_THREAD), "Expect: 200-ok\r\n").replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n");
    expect(parseRawResponse((await rawExchange(server, text)).text).status).toBe(200);
  });

  it("Expect: 100-continue is still served", async () => {
    const res = parseRawResponse((await rawExchange(server, request(pathOf("updateThread", DOCS_THREAD), "Expect: 100-continue\r\n"))).text.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, ""));
    expect(res.status).toBe(200);
  });

  /** Splits what came back on one connection into its responses (each with a Content-Length body). */
  const responsesIn = (text: string): Sent[] => {
    const out: Sent[] = [];
    let rest = text;
    while (rest !== "") {
      const end = rest.indexOf("\r\n\r\n");
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(rest.slice(0, end))?.[1]);
      const bytes = Buffer.from(rest, "utf8");
      const size = Buffer.byteLength(rest.slice(0, end + 4)) + length;
      out.push(parseRawResponse(bytes.subarray(0, size).toString("utf8")));
      rest = bytes.subarray(size).toString("utf8");
    }
    return out;
  };

  it("503 to a request arriving on an open connection while the server closes", async () => {
    const app = createServer();
    let closing!: () => void;
    const closingSeen = new Promise<void>((resolve) => {
      closing = resolve;
    });
    app.addHook("preClose", (done) => {
      closing();
      done();
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as AddressInfo).port;
    const body = '{"status":"active"}';
    const first = `PATCH ${pathOf("updateConversation", DOCS_CONVERSATION)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const second = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nX-Request-Id: mine-503\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
    const { socket, received, closed: ended } = rawConnection(port);
    try {
      // The first request is routed (its body not sent yet), so the connection is busy when the server closes.
      const routed = new Promise<void>((resolve) => app.server.once("request", () => resolve()));
      socket.write(first);
      await routed;
      const closed = app.close();
      await closingSeen;
      // Its body, and a second request on the same connection.
      socket.write(body + second);
      await ended;
      await closed;
    } finally {
      socket.destroy();
      await app.close();
    }
    const [served, refused] = responsesIn(received());
    expect(served?.status).toBe(200);
    expectStamped(refused!, 503, "service-unavailable", "503 while closing");
    expect(refused!.headers.get("x-request-id")).toBe("mine-503");
    expect(refused!.headers.get("connection")).toBe("close");
  });
});

describe("a body with a transfer coding other than chunked → 501, never read", () => {
  // Node reads `Transfer-Encoding: gzip, chunked` (chunked last, so the body's length is known) and
  // hands over the body with only the chunking removed: it was parsed as JSON as it came, still
  // coded, and a body labelled gzip but sent plain was applied. The server decodes no transfer
  // coding, so such a body is refused before it is read: a 501, as RFC 9112 §6.1 says for a
  // transfer coding the server does not understand (it was a 400, which §6.3 keeps for a request
  // whose length cannot be known: Node's own, for `chunked, gzip`).
  const body = '{"unread_count": 7}';
  const request = (te: string) =>
    `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n` +
    `Content-Type: application/json\r\nTransfer-Encoding: ${te}\r\nConnection: close\r\n\r\n` +
    `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  const refused: [string, string][] = [
    ["gzip, chunked", '"gzip"'],
    ["deflate, chunked", '"deflate"'],
    ["GZIP , Chunked", '"GZIP"'],
    ["x-custom, gzip, chunked", '"x-custom", "gzip"'],
  ];
  it.each(refused)("Transfer-Encoding: %s", async (te, named) => {
    const before = snapshot(server);
    const res = parseRawResponse((await rawExchange(server, request(te))).text);
    expect(res.status).toBe(501);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json(;|$)/);
    expect(res.body).toEqual({ type: "https://app.puffle.ai/problems/not-implemented", title: "Not implemented", status: 501, detail: `The request body must be sent without a transfer coding other than chunked; Transfer-Encoding ${named} is not supported.` });
    expect(snapshot(server)).toEqual(before);
  });

  it.each(["chunked", "identity, chunked"])("Transfer-Encoding: %s is read", async (te) => {
    const res = parseRawResponse((await rawExchange(server, request(te))).text);
    expect(res.status).toBe(200);
    expect((res.body as { thread: { unread_count: number } }).thread.unread_count).toBe(7);
  });
});

describe("a request answered before its body, whose body Node's parser then refuses: one response", () => {
  // Node emits the request when its headers are complete and checks how its body is framed only
  // after: a hook that answered at once (a 401, the transfer coding's 501) was followed by the
  // parser's 400 on the same connection, two responses to one request (a keep-alive client reads
  // the second as the answer to its next). `chunked` not last is RFC 9112 §6.3's 400, as
  // docs/server.md says (it was the 501 and then the 400).
  const path = pathOf("updateThread", DOCS_THREAD);
  const head = (token: string, te: string) => `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: ${te}\r\n`;
  const cases: [string, string, number, string][] = [
    ["an unknown token, then a chunk size that is not hex", `${head("nope", "chunked")}\r\nzz\r\n{}\r\n0\r\n\r\n`, 401, "unauthorized"],
    ["Transfer-Encoding: gzip (chunked not last)", `${head(ALICE, "gzip")}\r\n{"unread_count": 3}`, 400, "invalid-request"],
    ["Transfer-Encoding: gzip (chunked not last), Connection: close", `${head(ALICE, "gzip")}Connection: close\r\n\r\n{"unread_count": 3}`, 400, "invalid-request"],
    ["Transfer-Encoding: identity", `${head(ALICE, "identity")}\r\n{"unread_count": 3}`, 400, "invalid-request"],
  ];
  it.each(cases)("%s", async (_name, request, status, type) => {
    const before = snapshot(server);
    const exchange = await rawExchange(server, request);
    expect(exchange.closed).toBe(true);
    expect(exchange.text.match(/^HTTP\/1\.1 \d+/gm)).toEqual([`HTTP/1.1 ${status}`]);
    const res = parseRawResponse(exchange.text);
    expect((res.body as { type: string }).type).toBe(`https://app.puffle.ai/problems/${type}`);
    expect(snapshot(server)).toEqual(before);
  });
});

describe("HTTP framing problems → 400 invalid-request, which docs/server.md lists beyond the spec's 400s", () => {
  // The spec's 400 responses give the API's reasons (malformed id, body, nothing valid, sender);
  // these are HTTP's, answered before any of them, so docs/server.md's "Where the server goes beyond
  // the spec" names each (a malformed URL's 400 was only in its Errors paragraph).
  const path = pathOf("updateThread", DOCS_THREAD);
  const head = `Host: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n`;
  const beyond = (() => {
    const markdown = readFileSync(join(root, "docs/server.md"), "utf8");
    const start = markdown.indexOf("\n## Where the server goes beyond the spec\n");
    expect(start, "docs/server.md has a section \"Where the server goes beyond the spec\"").toBeGreaterThan(0);
    const end = markdown.indexOf("\n## ", start + 1);
    return markdown.slice(start, end === -1 ? undefined : end).replace(/\s+/g, " ");
  })();
  const cases: [name: string, request: string, halfClose: boolean, named: RegExp][] = [
    ["a malformed URL", `PATCH /api/threads/%E0%A4%A HTTP/1.1\r\n${head}Content-Length: 2\r\nConnection: close\r\n\r\n{}`, false, /a malformed URL \(bad percent-encoding\)/],
    ["a body cut short of its Content-Length", `PATCH ${path} HTTP/1.1\r\n${head}Content-Length: 10\r\n\r\n{}`, true, /a body cut short of its `Content-Length`/],
  ];
  it.each(cases)("%s", async (_name, request, halfClose, named) => {
    const before = snapshot(server);
    let text: string;
    if (halfClose) {
      const connection = rawConnection(server.port);
      connection.socket.end(request);
      const timer = setTimeout(() => connection.socket.destroy(), 5_000);
      await connection.closed;
      clearTimeout(timer);
      text = connection.received();
    } else text = (await rawExchange(server, request)).text;
    const res = parseRawResponse(text);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", status: 400 });
    expect(snapshot(server)).toEqual(before);
    expect(beyond).toMatch(named);
    expect(beyond).toContain("These 400s are HTTP's, not the API's: the spec's 400 responses (`BadRequest`, `ThreadBadRequest`) list only the API's reasons");
  });

  it("a transfer coding other than chunked, the 501 (RFC 9112 §6.1), is named there too", () => {
    expect(beyond).toMatch(/`…\/problems\/not-implemented` \(501, a transfer coding other than `chunked`/);
  });
});

describe("a header after the first thousand is read like any other", () => {
  // Node's HTTP parser frames a request with every header, but Node handed the server only the
  // first 1000 (its maxHeadersCount of 2000 counts names and values): one more Authorization,
  // Content-Encoding or Transfer-Encoding after 1000 short filler lines (well within the 16 KiB of
  // header fields) was dropped unseen, so two tokens no longer made a 401 and a coded body was read.
  const filler = "x-filler: 1\r\n".repeat(1_200);
  const body = '{"unread_count": 11}';
  const path = pathOf("updateThread", DOCS_THREAD);
  const cases: [string, string, string, number][] = [
    ["a second Authorization", "Authorization: Bearer nope\r\n", `Content-Length: ${body.length}\r\n\r\n${body}`, 401],
    ["Content-Encoding: gzip", "Content-Encoding: gzip\r\n", `Content-Length: ${body.length}\r\n\r\n${body}`, 415],
    ["Transfer-Encoding: gzip, chunked", "Transfer-Encoding: gzip, chunked\r\n", `\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`, 501],
  ];
  it.each(cases)("%s", async (_name, late, rest, status) => {
    const before = snapshot(server);
    const request =
      `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nConnection: close\r\n` +
      `${filler}${late}${rest}`;
    const res = parseRawResponse((await rawExchange(server, request)).text);
    // (checkResponse holds a response to the API's statuses, below 500; the 501 is HTTP's.)
    if (status < 500) checkResponse("updateThread", "PATCH", res);
    expect(res.status).toBe(status);
    expect(snapshot(server)).toEqual(before);
  });

  it("the same request without the late header is served", async () => {
    const request =
      `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nConnection: close\r\n` +
      `${filler}Content-Length: ${body.length}\r\n\r\n${body}`;
    expect(parseRawResponse((await rawExchange(server, request)).text).status).toBe(200);
  });
});

// docs/server.md's sentence on the server's only 5xx followed the 503 alone once a transfer coding's
// 501 was added (bb108d2): it must name every 5xx problem the server has, besides a bug's 500.
describe("docs/server.md names every 5xx the server answers", () => {
  it("the sentence 'the server's only 5xx besides a bug's 500' names each 5xx of src/server/problems.ts", () => {
    const statuses = new Set<number>();
    for (const [name, make] of Object.entries(problems)) {
      const made = (make as (...args: unknown[]) => { status: number })(["x"], [], "x");
      expect(typeof made.status, name).toBe("number");
      if (made.status >= 500 && made.status !== 500) statuses.add(made.status);
    }
    const text = readFileSync(join(root, "docs/server.md"), "utf8").replace(/\s+/g, " ");
    const sentence = text.split(/(?<=\.) /).find((s) => s.includes("the server's only 5xx besides a bug's 500"));
    expect(sentence, "docs/server.md: no sentence on the server's only 5xx").toBeDefined();
    const named = new Set([...sentence!.matchAll(/\b5\d\d\b/g)].map((m) => Number(m[0])).filter((status) => status !== 500));
    expect([...named].sort(), sentence).toEqual([...statuses].sort());
  });
});

describe("a bug's 500 (docs/server.md: the only 5xx besides the 503 while closing and a transfer coding's 501)", () => {
  // The error handler's last branch: an exception that is no 4xx of Fastify's is a 500 problem whose
  // detail says nothing of it (the message stays in the log), with the headers of every response.
  // Only a 4xx of Fastify's is a 400 with its message: an error that says it is a 5xx is a bug's 500 too.
  const thrown: [string, () => Error][] = [
    ["an Error", () => new Error("a bug's own words")],
    ["an Error with statusCode 502", () => Object.assign(new Error("a bug's own words"), { statusCode: 502 })],
  ];
  it.each(thrown)("%s thrown while applying an update → 500 internal-error, its message not sent", async (_name, error) => {
    const spy = vi.spyOn(server.app.puffle.store, "updateShared").mockImplementation(() => {
      throw error();
    });
    try {
      const res = await fetch(server.url + pathOf("updateThread", DOCS_THREAD), {
        method: "PATCH",
        headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json", "x-request-id": "req_bug" },
        body: '{"unread_count": 3}',
      });
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect([res.headers.get("x-request-id"), res.headers.get("cache-control"), res.headers.get("x-content-type-options")]).toEqual(["req_bug", "no-store", "nosniff"]);
      expect(await res.json()).toEqual({
        type: "https://app.puffle.ai/problems/internal-error",
        title: "Internal server error",
        status: 500,
        detail: "The server failed to handle this request.",
      });
    } finally {
      spy.mockRestore();
    }
  });
});
