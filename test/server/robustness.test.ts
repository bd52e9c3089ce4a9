// Bad bodies, wrong content types, oversized bodies, other methods and poisoning keys: always the
// documented 4xx problem, never a 5xx, never a crash, the store unchanged.
import { request as httpRequest } from "node:http";
import type { ServerResponse } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations as meta } from "../../generated/meta.js";
import { MAX_BODY_DEPTH, createServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { normalizeRequestBody } from "../../src/validators.js";
import type { OperationId } from "../../src/validators.js";
import { ALICE, DOCS_CONVERSATION, DOCS_THREAD, checkResponse, parseRawResponse, pathOf, rawConnection, rawExchange, rowOf, send, snapshot, start } from "./http.js";
import type { Sent } from "./http.js";

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.close();
});

const ops: OperationId[] = ["updateConversation", "updateThread"];
const idOf = (op: OperationId) => (op === "updateConversation" ? DOCS_CONVERSATION : DOCS_THREAD);

async function unchanged(run: () => Promise<Sent>): Promise<Sent> {
  const before = snapshot(server);
  const res = await run();
  expect(snapshot(server)).toEqual(before);
  // The server is still up and serving.
  const ok = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 } });
  expect(ok.status).toBe(200);
  return res;
}

describe("invalid JSON → 400", () => {
  const bodies = ["{", "{status: 'active'}", '{"status": "active",}', "", "   ", "\u0000", "[1, 2", '{"a": 1} {"b": 2}', "NaN", "{\"status\": \"active\"}\u0000"];
  for (const op of ops) {
    for (const body of bodies) {
      it(`${op}: ${JSON.stringify(body)}`, async () => {
        const res = await unchanged(() => send(server, op, idOf(op), { body }));
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request body must be a JSON object." });
        expect((res.body as { errors: { path: string; keyword: string }[] }).errors).toEqual([expect.objectContaining({ path: "", keyword: "type" })]);
      });
    }
  }

  // JSON text is UTF-8 (RFC 8259 §8.1): bytes that are not were decoded with U+FFFD in their place
  // and stored ("Jos\xe9" → "Jos\ufffd") with a 200.
  const notUtf8: [string, number[]][] = [
    ["Latin-1 é", [...Buffer.from('{"draft_subject": "Jos'), 0xe9, ...Buffer.from('"}')]],
    ["a lone continuation byte", [...Buffer.from('{"draft_subject": "'), 0x80, ...Buffer.from('"}')]],
    ["an encoded surrogate (CESU-8)", [...Buffer.from('{"draft_subject": "'), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]],
    ["a truncated 4-byte sequence", [...Buffer.from('{"draft_subject": "'), 0xf0, 0x90, 0x80, ...Buffer.from('x"}')]],
    ["an overlong slash", [...Buffer.from('{"draft_subject": "'), 0xc0, 0xaf, ...Buffer.from('"}')]],
  ];
  for (const [name, bytes] of notUtf8) {
    it(`updateThread: a body that is not UTF-8 (${name}) → 400, nothing stored`, async () => {
      const res = await unchanged(() => sendBytes("updateThread", DOCS_THREAD, Buffer.from(bytes), { "content-type": "application/json" }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request body must be a JSON object." });
      expect((res.body as { errors: unknown[] }).errors).toEqual([{ path: "", keyword: "type", message: "must be object (the body is not valid JSON: its bytes are not UTF-8)" }]);
    });
  }

  // A file saved as "UTF-8 with BOM" and sent as it is (curl --data-binary @body.json): JSON text has
  // no byte order mark (RFC 8259 §8.1), and JSON.parse's reason quoted the invisible U+FEFF as the
  // unexpected token. The 400 names it.
  const withBom: [string, string][] = [
    ["before an object", '{"status": "archived"}'],
    ["before nothing else", ""],
    ["twice", '\ufeff{"status": "archived"}'],
  ];
  for (const [name, rest] of withBom) {
    it(`updateConversation: a UTF-8 byte order mark ${name} → 400 naming it, nothing stored`, async () => {
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rest)]);
      const res = await unchanged(() => sendBytes("updateConversation", DOCS_CONVERSATION, body, { "content-type": "application/json" }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request body must be a JSON object." });
      expect((res.body as { errors: unknown[] }).errors).toEqual([
        { path: "", keyword: "type", message: "must be object (the body is not valid JSON: it starts with a byte order mark, U+FEFF; send it without one)" },
      ]);
    });
  }

  // The thread page's first curl sends no body at all: its 400 says so, not JavaScript's `undefined`.
  for (const op of ops) {
    it(`${op}: no body at all (no Content-Type, no bytes) → 400 "got no body", nothing stored`, async () => {
      const res = await unchanged(() => sendBytes(op, idOf(op), Buffer.alloc(0), {}));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request body must be a JSON object." });
      expect((res.body as { errors: unknown[] }).errors).toEqual([{ path: "", keyword: "type", message: "must be object (got no body)" }]);
    });
  }

  // With a JSON Content-Type and no bytes (curl's -d forgotten; Content-Length: 0, or none at all)
  // it is no body too: the same 400 as without one, not JSON.parse's "Unexpected end of JSON input".
  const declaredEmpty: [string, string][] = [
    ["Content-Length: 0", "Content-Length: 0\r\n"],
    ["no Content-Length", ""],
    ["Content-Length: 0, with a charset", "Content-Length: 0\r\n"],
  ];
  for (const [name, length] of declaredEmpty) {
    it(`updateThread: application/json with no bytes (${name}) → 400 "got no body", nothing stored`, async () => {
      const contentType = name.includes("charset") ? "application/json; charset=utf-8" : "application/json";
      const head = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: ${contentType}\r\n${length}Connection: close\r\n\r\n`;
      const res = await unchanged(async () => parseRawResponse((await rawExchange(server, head)).text));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request body must be a JSON object." });
      expect((res.body as { errors: unknown[] }).errors).toEqual([{ path: "", keyword: "type", message: "must be object (got no body)" }]);
    });
  }

  // The same with the body framed by Transfer-Encoding: chunked (a streaming client, or `curl -X
  // PATCH -H 'Transfer-Encoding: chunked'` with nothing to send) and no chunk before the last, or by a
  // Content-Length of zero written "00": no bytes is no body whatever the framing. Fastify decides a
  // body is present from the framing headers alone, so without a Content-Type these were a 415.
  const framedEmpty: [name: string, status: 400 | 415, headers: string, body: string][] = [
    ["no Content-Type, chunked, no chunks", 400, "Transfer-Encoding: chunked\r\n", "0\r\n\r\n"],
    ["no Content-Type, chunked, no chunks, a trailer", 400, "Transfer-Encoding: chunked\r\n", "0\r\nX-Trailer: 1\r\n\r\n"],
    ["no Content-Type, identity, chunked, no chunks", 400, "Transfer-Encoding: identity, chunked\r\n", "0\r\n\r\n"],
    ["no Content-Type, Content-Length: 00", 400, "Content-Length: 00\r\n", ""],
    ["application/json, chunked, no chunks", 400, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"],
    ["application/json with a charset, chunked, no chunks", 400, "Content-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n"],
    ["no Content-Type, chunked, with bytes", 415, "Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n"],
    ["no Content-Type, chunked, bytes in two chunks with an extension", 415, "Transfer-Encoding: chunked\r\n", "1;x=y\r\n{\r\n1\r\n}\r\n0\r\n\r\n"],
    ["no Content-Type, Content-Length: 2", 415, "Content-Length: 2\r\n", "{}"],
  ];
  for (const op of ops) {
    it.each(framedEmpty)(`${op}: %s → %i, nothing stored`, async (_name, status, headers, body) => {
      const raw = `PATCH ${pathOf(op, idOf(op))} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n${headers}Connection: close\r\n\r\n${body}`;
      const res = await unchanged(async () => parseRawResponse((await rawExchange(server, raw)).text));
      expect(res.status).toBe(status);
      if (status === 400) {
        expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request body must be a JSON object." });
        expect((res.body as { errors: unknown[] }).errors).toEqual([{ path: "", keyword: "type", message: "must be object (got no body)" }]);
      } else {
        expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/unsupported-media-type", title: "Unsupported media type" });
      }
    });
  }

  // The chunked body without a Content-Type is answered on its first byte: the rest (here 70 kB,
  // more than one read) is dropped as it arrives, and the connection serves the next request.
  it("updateThread: pipelined behind a chunked body with no chunks and one with bytes (no Content-Type), a JSON request is served", async () => {
    const head = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n`;
    const big = "x".repeat(70_000);
    const json = '{"unread_count":3}';
    const { text } = await rawExchange(server, [
      `${head}Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      `${head}Transfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n${big}\r\n3\r\nabc\r\n0\r\n\r\n`,
      `${head}Content-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: close\r\n\r\n${json}`,
    ].join(""));
    expect([...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]))).toEqual([400, 415, 200]);
    expect(rowOf(snapshot(server), DOCS_THREAD).unread_count).toBe(3);
  });

  // The 415 goes out on the first byte; the rest of the body, sent after it, is read and dropped. It
  // was left paused: past the stream's buffers (~64 KiB) Node read no more of the connection, and the
  // request behind it was never answered.
  it("updateThread: a chunked body (no Content-Type) whose 1 MiB rest follows its 415, then a JSON request on the same connection", async () => {
    const head = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n`;
    const connection = rawConnection(server.port);
    const answers = () => [...connection.received().matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    const closed = connection.closed.then(() => "closed");
    const answered = async (count: number) => {
      while (answers().length < count) {
        if ((await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 20))])) === "closed") break;
      }
    };
    const timer = setTimeout(() => connection.socket.destroy(), 10_000);
    connection.socket.write(`${head}Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n`);
    await answered(1);
    expect(answers()).toEqual([415]);
    const rest = "x".repeat(1024 * 1024);
    const json = '{"unread_count":4}';
    connection.socket.write(`${rest.length.toString(16)}\r\n${rest}\r\n0\r\n\r\n`);
    connection.socket.write(`${head}Content-Type: application/json\r\nContent-Length: ${json.length}\r\nConnection: close\r\n\r\n${json}`);
    await answered(2);
    clearTimeout(timer);
    connection.socket.destroy();
    expect(answers()).toEqual([415, 200]);
    expect(rowOf(snapshot(server), DOCS_THREAD).unread_count).toBe(4);
  });

  it("UTF-8 multi-byte text and a U+FFFD the client sent itself are read as sent", async () => {
    const subject = "Jos\u00e9 \u{1F600} \ufffd \u4e2d";
    const res = await sendBytes("updateThread", DOCS_THREAD, Buffer.from(JSON.stringify({ draft_subject: subject })), { "content-type": "application/json" });
    expect(res.status).toBe(200);
    expect((res.body as { thread: { draft_subject: string } }).thread.draft_subject).toBe(subject);
  });

  it("a PATCH without any body → 400 (the body is required)", async () => {
    const res = await unchanged(() => send(server, "updateThread", DOCS_THREAD, {}));
    expect(res.status).toBe(400);
  });
});

describe("content type", () => {
  const table: { contentType: string | null; status: number }[] = [
    { contentType: "application/json", status: 200 },
    { contentType: "application/json; charset=utf-8", status: 200 },
    { contentType: "Application/JSON", status: 200 },
    { contentType: null, status: 415 },
    { contentType: "text/plain", status: 415 },
    { contentType: "application/x-www-form-urlencoded", status: 415 },
    { contentType: "multipart/form-data; boundary=x", status: 415 },
    { contentType: "application/merge-patch+json", status: 415 },
    { contentType: "application/jsonx", status: 415 },
    { contentType: "text/json", status: 415 },
  ];
  for (const op of ops) {
    for (const { contentType, status } of table) {
      it(`${op}: ${contentType ?? "(none)"} → ${status}`, async () => {
        const before = snapshot(server);
        const res = await send(server, op, idOf(op), { body: { unread_count: 6 }, contentType });
        expect(res.status).toBe(status);
        if (status === 415) {
          expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/unsupported-media-type", title: "Unsupported media type" });
          expect(snapshot(server)).toEqual(before);
        }
      });
    }
  }
});

describe("a JSON body the server would misread → 415 naming the charset or the coding (RFC 8259 §8.1, RFC 9110 §15.5.16)", () => {
  const charsets: { contentType: string; status: number; named?: string }[] = [
    { contentType: "application/json; charset=UTF-8", status: 200 },
    { contentType: 'application/json; charset="UTF-8"', status: 200 },
    { contentType: "application/json;charset=utf-8;foo=bar", status: 200 },
    { contentType: "application/json; foo=bar", status: 200 },
    { contentType: 'application/json; foo="a;charset=utf-16"', status: 200 },
    { contentType: "application/json; charset=utf-16", status: 415, named: '"utf-16"' },
    { contentType: 'application/json; charset="UTF-16LE"', status: 415, named: '"UTF-16LE"' },
    { contentType: "application/json; CHARSET=iso-8859-1", status: 415, named: '"iso-8859-1"' },
    { contentType: "application/json; charset = us-ascii", status: 415, named: '"us-ascii"' },
    { contentType: "application/json; charset=utf-8; charset=utf-16", status: 415, named: '"utf-16"' },
    { contentType: "application/json; charset=", status: 415, named: '""' },
    // A charset the client chose is quoted whole up to 64 characters, and cut there with an ellipsis past it.
    { contentType: `application/json; charset=${"x".repeat(64)}`, status: 415, named: `"${"x".repeat(64)}"` },
    { contentType: `application/json; charset=${"x".repeat(64)}y`, status: 415, named: `"${"x".repeat(64)}"…` },
  ];
  for (const op of ops) {
    for (const { contentType, status, named } of charsets) {
      it(`${op}: ${contentType} → ${status}`, async () => {
        const before = snapshot(server);
        const res = await send(server, op, idOf(op), { body: { unread_count: 6 }, contentType });
        expect(res.status).toBe(status);
        if (status === 415) {
          expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/unsupported-media-type", title: "Unsupported media type" });
          expect((res.body as { detail: string }).detail).toBe(`The request body must be JSON in UTF-8; charset ${named} is not supported.`);
          expect(res.headers.get("accept-encoding")).toBeNull();
          expect(snapshot(server)).toEqual(before);
        }
      });
    }
  }

  it("a body in UTF-16 is not decoded as UTF-8", async () => {
    const before = snapshot(server);
    const body = Buffer.from('\ufeff{"draft_subject": "Grüße"}', "utf16le");
    const res = await sendBytes("updateThread", DOCS_THREAD, body, { "content-type": "application/json; charset=utf-16" });
    expect(res.status).toBe(415);
    expect(snapshot(server)).toEqual(before);
  });

  const json = '{"unread_count": 7}';
  const codings: { name: string; encoding: string; body: Buffer; status: number; named?: string }[] = [
    { name: "gzip", encoding: "gzip", body: gzipSync(json), status: 415, named: '"gzip"' },
    { name: "br", encoding: "br", body: brotliCompressSync(json), status: 415, named: '"br"' },
    { name: "x-gzip, in upper case", encoding: "X-GZIP", body: gzipSync(json), status: 415, named: '"X-GZIP"' },
    { name: "identity, then gzip", encoding: "identity, gzip", body: gzipSync(json), status: 415, named: '"gzip"' },
    { name: "gzip twice", encoding: "gzip, gzip", body: gzipSync(gzipSync(json)), status: 415, named: '"gzip", "gzip"' },
    { name: "identity", encoding: "identity", body: Buffer.from(json), status: 200 },
    { name: "IDENTITY", encoding: "IDENTITY", body: Buffer.from(json), status: 200 },
  ];
  for (const op of ops) {
    for (const { name, encoding, body, status, named } of codings) {
      it(`${op}: Content-Encoding ${name} → ${status}`, async () => {
        const before = snapshot(server);
        const res = await sendBytes(op, idOf(op), body, { "content-type": "application/json", "content-encoding": encoding });
        expect(res.status).toBe(status);
        if (status === 415) {
          expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/unsupported-media-type", title: "Unsupported media type" });
          expect((res.body as { detail: string }).detail).toBe(`The request body must be sent without a content coding; Content-Encoding ${named} is not supported.`);
          // RFC 9110 §12.5.3: a 415 due to a content coding says which codings are accepted.
          expect(res.headers.get("accept-encoding")).toBe("identity");
          expect(snapshot(server)).toEqual(before);
        } else {
          expect(res.body).toMatchObject({ [op === "updateConversation" ? "conversation" : "thread"]: { unread_count: 7 } });
        }
      });
    }
  }

  it("two Content-Encoding headers (identity, then gzip) are both read → 415", async () => {
    const body = gzipSync(json);
    const head =
      `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n` +
      `Content-Type: application/json\r\nContent-Encoding: identity\r\nContent-Encoding: gzip\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const res = parseRawResponse((await rawExchange(server, head + body.toString("latin1"))).text);
    checkResponse("updateThread", "PATCH", res);
    expect(res.status).toBe(415);
    expect((res.body as { detail: string }).detail).toContain('Content-Encoding "gzip"');
    expect(res.headers.get("accept-encoding")).toBe("identity");
  });

  describe("order: the checks before it still answer first, the size check after it", () => {
    const gzip = { "content-type": "application/json", "content-encoding": "gzip" };
    const utf16 = { "content-type": "application/json; charset=utf-16" };
    it("no token → 401", async () => {
      expect((await sendBytes("updateThread", DOCS_THREAD, gzipSync(json), gzip, null)).status).toBe(401);
      expect((await sendBytes("updateThread", DOCS_THREAD, Buffer.from(json), utf16, null)).status).toBe(401);
    });
    it("a malformed id → 400", async () => {
      expect((await sendBytes("updateThread", "nope", gzipSync(json), gzip)).status).toBe(400);
      expect((await sendBytes("updateThread", "nope", Buffer.from(json), utf16)).status).toBe(400);
    });
    it("a body over the size limit → 415, not 413", async () => {
      const big = Buffer.alloc(meta.updateThread.behaviour.maxBodyBytes + 1, 0x20);
      expect((await sendBytes("updateThread", DOCS_THREAD, big, gzip)).status).toBe(415);
      expect((await sendBytes("updateThread", DOCS_THREAD, big, utf16)).status).toBe(415);
    });
    it("another media type → the media type's 415, whatever its coding", async () => {
      const res = await sendBytes("updateThread", DOCS_THREAD, gzipSync(json), { "content-type": "text/plain", "content-encoding": "gzip" });
      expect(res.status).toBe(415);
      expect((res.body as { detail: string }).detail).toBe("The request body must be sent as application/json.");
    });
  });
});

/** PATCHes `body` (bytes, as they are) with these headers and the token (alice by default; null: none); checks the response. */
async function sendBytes(op: OperationId, id: string, body: Buffer, headers: Record<string, string>, token: string | null = ALICE): Promise<Sent> {
  const h: Record<string, string> = { ...headers };
  if (token !== null) h.authorization = `Bearer ${token}`;
  const response = await fetch(server.url + pathOf(op, id), { method: "PATCH", headers: h, body: new Uint8Array(body) });
  const text = await response.text();
  const sent: Sent = { status: response.status, headers: response.headers, text, body: text === "" ? undefined : JSON.parse(text) };
  checkResponse(op, "PATCH", sent);
  return sent;
}

describe("body size limit (x-puffle-behaviour.maxBodyBytes)", () => {
  for (const op of ops) {
    const limit = meta[op].behaviour.maxBodyBytes;
    const bodyOfSize = (size: number) => {
      const head = '{"unread_count": 1, "padding": "';
      const tail = '"}';
      return head + "x".repeat(size - head.length - tail.length) + tail;
    };

    it(`${op}: exactly ${limit} bytes is accepted`, async () => {
      const body = bodyOfSize(limit);
      expect(Buffer.byteLength(body)).toBe(limit);
      const res = await send(server, op, idOf(op), { body });
      expect(res.status).toBe(200);
    });

    it(`${op}: ${limit + 1} bytes → 413`, async () => {
      const res = await unchanged(() => send(server, op, idOf(op), { body: bodyOfSize(limit + 1) }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({
        type: "https://app.puffle.ai/problems/payload-too-large",
        title: "Payload too large",
        status: 413,
        detail: `The request body must not be larger than ${limit} bytes.`,
      });
    });

    it(`${op}: a chunked body over the limit (no Content-Length) → 413`, async () => {
      const res = await unchanged(() => new Promise<Sent>((resolve, reject) => {
        const url = new URL(server.url + pathOf(op, idOf(op)));
        const req = httpRequest(url, {
          method: "PATCH",
          headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json", "transfer-encoding": "chunked" },
        }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) if (typeof value === "string") headers.set(name, value);
            const sent = { status: response.statusCode ?? 0, headers, text, body: JSON.parse(text) as unknown };
            checkResponse(op, "PATCH", sent);
            resolve(sent);
          });
        });
        req.on("error", reject);
        const chunk = "x".repeat(64 * 1024);
        req.write('{"unread_count": 1, "padding": "');
        for (let sent = 0; sent <= limit; sent += chunk.length) req.write(chunk);
        req.end('"}');
      }));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/payload-too-large", detail: `The request body must not be larger than ${limit} bytes.` });
    });

    // Check 4 comes before check 5 (docs/server.md): a body of another media type declared over the
    // limit is that type's 415; a JSON one is the 413, sent once the body is read, with Connection: close.
    const declaredOver: [string, number, string | null][] = [
      ["application/json", 413, "close"],
      ["text/plain", 415, null],
    ];
    it.each(declaredOver)(`${op}: %s declared by Content-Length over the limit → %i`, async (contentType, status, connection) => {
      const res = await unchanged(() => sendBytes(op, idOf(op), Buffer.from(bodyOfSize(limit + 1)), { "content-type": contentType }));
      expect(res.status).toBe(status);
      if (connection !== null) expect(res.headers.get("connection")).toBe(connection);
    });

    // The 413 by Content-Length waits for the body (docs/server.md, check 5): answered and closed
    // while the client still sent, the client saw a reset instead of the 413. Half the body is
    // sent, another request is answered meanwhile, and only the rest of the body brings the 413.
    it(`${op}: a JSON body declared over the limit is read to its end before the 413 goes out`, async () => {
      const half = "x".repeat(limit);
      const head =
        `PATCH ${pathOf(op, idOf(op))} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n` +
        `Content-Type: application/json\r\nX-Request-Id: req_drained\r\nContent-Length: ${2 * limit}\r\n\r\n`;
      const { socket, received, closed } = rawConnection(server.port);
      await new Promise<void>((resolve) => socket.write(head + half, () => resolve()));
      expect((await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 } })).status).toBe(200);
      expect(received(), "nothing is answered before the body has arrived").toBe("");
      socket.end(half);
      await closed;
      const res = parseRawResponse(received());
      expect([res.status, res.headers.get("x-request-id"), res.headers.get("connection")]).toEqual([413, "req_drained", "close"]);
    });
  }
});

describe("a body with more invalid values than a 400 lists", () => {
  // 400,000 bytes of `[1,1,…]`: one issue per item; the server answered 500 (RangeError) from
  // about 125,000 items on, within the 1 MiB limit.
  const attachments = `[${"1,".repeat(199_999)}1]`;
  it("updateThread: 200,000 invalid draft_attachments → 400 listing 100 reasons, store unchanged", async () => {
    const res = await unchanged(() => send(server, "updateThread", DOCS_THREAD, { body: `{"draft_attachments":${attachments}}` }));
    expect(res.status).toBe(400);
    const errors = (res.body as { errors: { path: string }[] }).errors;
    expect(errors).toHaveLength(100);
    expect(errors.map((e) => e.path).slice(0, 3)).toEqual(["/draft_attachments", "/draft_attachments/0", "/draft_attachments/1"]);
  });
  it("updateThread: the same beside a valid field → 200, draft_attachments dropped", async () => {
    const res = await send(server, "updateThread", DOCS_THREAD, { body: `{"draft_attachments":${attachments},"unread_count":0}` });
    expect(res.status).toBe(200);
  });
});

describe("other methods → 405 with Allow", () => {
  const methods = ["GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD"];
  for (const op of ops) {
    for (const method of methods) {
      it(`${op}: ${method} → 405, Allow: ${meta[op].behaviour.allowedMethods.join(", ")}`, async () => {
        const res = await unchanged(() => send(server, op, idOf(op), { method, ...(method === "GET" || method === "HEAD" ? {} : { body: { status: "archived" } }) }));
        expect(res.status).toBe(405);
        expect(res.headers.get("allow")).toBe(meta[op].behaviour.allowedMethods.join(", "));
        if (method !== "HEAD") {
          expect(res.body).toMatchObject({
            type: "https://app.puffle.ai/problems/method-not-allowed",
            status: 405,
            detail: `${method} is not supported here; use ${meta[op].behaviour.allowedMethods.join(", ")}.`,
          });
        }
      });
    }
    it(`${op}: 405 does not need a token and does not depend on the id`, async () => {
      const res = await send(server, op, "not-a-uuid", { method: "DELETE", token: null });
      expect(res.status).toBe(405);
    });
  }

  it("a malformed URL (bad percent-encoding) → 400 problem", async () => {
    const res = await unchanged(() => send(server, "updateThread", "", { rawPath: "/api/threads/%E0%A4%A", body: { status: "active" } }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/invalid-request", detail: "The request URL is malformed." });
  });

  it("an unknown path → 404 problem", async () => {
    const res = await send(server, "updateThread", "", { rawPath: "/api/threadz/x", body: { status: "active" } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      type: "https://app.puffle.ai/problems/not-found",
      detail: "No such endpoint. The API serves PATCH /api/conversations/{id} and PATCH /api/threads/{id}.",
    });
  });
});

describe("requests Node's HTTP parser rejects → a problem with X-Request-Id, then the connection is closed", () => {
  const path = pathOf("updateThread", DOCS_THREAD);
  const head = `PATCH ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n`;
  const cases: { name: string; request: string; status: number; type: string; detail: string }[] = [
    {
      name: "header fields over Node's 16 KiB",
      request: `${head}X-Big: ${"a".repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
      status: 431,
      type: "https://app.puffle.ai/problems/request-header-fields-too-large",
      detail: "The request line and header fields are too large.",
    },
    {
      name: "a Content-Length that is not a number",
      request: `${head}Content-Length: abc\r\n\r\n{}`,
      status: 400,
      type: "https://app.puffle.ai/problems/invalid-request",
      detail: "The request could not be parsed as HTTP.",
    },
    {
      name: "no HTTP at all",
      request: "GARBAGE\r\n\r\n",
      status: 400,
      type: "https://app.puffle.ai/problems/invalid-request",
      detail: "The request could not be parsed as HTTP.",
    },
    {
      name: "chunk extensions over Node's limit",
      request: `${head}Transfer-Encoding: chunked\r\n\r\n2;${"e".repeat(20_000)}\r\n{}\r\n0\r\n\r\n`,
      status: 413,
      type: "https://app.puffle.ai/problems/payload-too-large",
      detail: "The chunk extensions of the request body are too large.",
    },
  ];
  for (const { name, request, status, type, detail } of cases) {
    it(`${name} → ${status} ${type.slice(type.lastIndexOf("/") + 1)}`, async () => {
      const before = snapshot(server);
      const exchange = await rawExchange(server, request);
      expect(exchange.closed).toBe(true);
      const res = parseRawResponse(exchange.text);
      // The checks every other response passes: an X-Request-Id, application/problem+json, the Problem schema.
      checkResponse("updateThread", "PATCH", res);
      expect(res.status).toBe(status);
      expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{20}$/);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(res.headers.get("connection")).toBe("close");
      expect(res.body).toMatchObject({ type, status, detail });
      expect(Object.keys(res.body as object)).toEqual(["type", "title", "status", "detail"]);
      expect(snapshot(server)).toEqual(before);
      const ok = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 } });
      expect(ok.status).toBe(200);
    });
  }

  // Bytes that are not valid HTTP after a request that arrived whole and was not answered yet (more
  // body than its Content-Length said, or a pipelined line that is no request): the 400 for them went
  // out at once in that request's place, under another request id, and the connection closed, though
  // the update was applied. That request gets its own answer, with Connection: close; the bytes none.
  it.each([
    ["more body than its Content-Length", "1}"],
    ["a pipelined line that is no request", "GARBAGE\r\n\r\n"],
  ])("%s after a whole request still being answered: that request's own answer, then the connection is closed", async (_name, after) => {
    const json = '{"unread_count":5}';
    const exchange = await rawExchange(server, `PATCH ${pathOf("updateConversation", DOCS_CONVERSATION)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}${after}`);
    expect(exchange.closed).toBe(true);
    // One response (parseRawResponse holds the body to its Content-Length: a second one would be more).
    const res = parseRawResponse(exchange.text);
    expect(res.status).toBe(200);
    expect(res.headers.get("connection")).toBe("close");
    expect((res.body as { conversation: { unread_count: number } }).conversation.unread_count).toBe(5);
    expect(rowOf(snapshot(server), DOCS_CONVERSATION).unread_count).toBe(5);
    const ok = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 0 } });
    expect(ok.status).toBe(200);
  });

  // The same bytes while an earlier pipelined answer is still being written (its headers sent, not
  // finished: a large answer to a slow reader): the handler took the connection for that answer's own
  // ("an answered request whose body is not valid HTTP") and destroyed it, cutting that answer short
  // and dropping the later request's, applied or not. Forced here with two routes of the test's that
  // hold their answers until released.
  it("bytes that are not valid HTTP while an earlier pipelined answer is being written: both answers, the last with Connection: close", async () => {
    const app = createServer();
    const release: (() => void)[] = [];
    const held = (n: number) => new Promise<void>((resolve) => (release[n] = resolve));
    const started: Promise<void>[] = [];
    let headersSent!: () => void;
    started.push(new Promise<void>((resolve) => (headersSent = resolve)));
    let secondArrived!: () => void;
    started.push(new Promise<void>((resolve) => (secondArrived = resolve)));
    const releases = [held(0), held(1)];
    app.get("/test/held/:n", async (request, reply) => {
      const n = Number((request.params as { n: string }).n);
      reply.hijack();
      if (n === 0) {
        reply.raw.writeHead(200, { "content-type": "text/plain", "content-length": "5" });
        reply.raw.flushHeaders();
        headersSent();
      } else secondArrived();
      await releases[n];
      if (n === 0) reply.raw.end("first");
      else reply.raw.writeHead(200, { "content-type": "text/plain", "content-length": "6" }).end("second");
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      const port = (app.server.address() as { port: number }).port;
      const { socket, received, closed } = rawConnection(port);
      const get = (n: number) => `GET /test/held/${n} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n\r\n`;
      socket.write(get(0) + get(1));
      await Promise.all(started);
      const handled = new Promise<void>((resolve) => app.server.once("clientError", () => resolve()));
      socket.write("GARBAGE\r\n\r\n");
      await handled;
      release[0]?.();
      release[1]?.();
      await closed;
      const answers = received().split(/(?=HTTP\/1\.1 \d{3} )/);
      expect(answers.map((text) => text.slice(text.indexOf("\r\n\r\n") + 4))).toEqual(["first", "second"]);
      expect(answers.map((text) => /\r\nconnection: close\r\n/i.test(text))).toEqual([false, true]);
    } finally {
      release[0]?.();
      release[1]?.();
      await app.close();
    }
  });

  // Bytes that are not valid HTTP after a request that arrived whole and was answered, its answer
  // ended but not yet flushed (a large answer to a reader that has not read it yet; a HEAD's 405
  // whose write is still pending): the handler destroyed the connection at once, cutting that answer
  // short, and logged "an answered request whose body is not valid HTTP", though the bytes came
  // after the request. The whole answer arrives, then the connection closes; the log says so.
  it("bytes that are not valid HTTP after an answer ended but not yet flushed: the whole answer, then the connection is closed", async () => {
    const lines: string[] = [];
    const app = createServer({ logStream: { write: (line: string) => void lines.push(line) } });
    // Larger than the kernel's socket buffers on both ends (tcp_wmem/rmem), so the answer cannot be
    // flushed while the client does not read: checked below, before the bytes are sent.
    const size = 64 * 1024 * 1024;
    let ended!: (res: ServerResponse) => void;
    const answerEnded = new Promise<ServerResponse>((resolve) => (ended = resolve));
    app.get("/test/large", async (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { "content-type": "text/plain", "content-length": String(size) });
      reply.raw.end(Buffer.alloc(size, 0x61));
      ended(reply.raw);
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const socket = connect((app.server.address() as { port: number }).port, "127.0.0.1");
    try {
      socket.pause();
      socket.on("error", () => undefined);
      socket.write(`GET /test/large HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n\r\n`);
      const res = await answerEnded;
      expect(res.writableEnded).toBe(true);
      expect(res.writableFinished).toBe(false);
      const handled = new Promise<void>((resolve) => app.server.once("clientError", () => resolve()));
      socket.write("GARBAGE\r\n\r\n");
      await handled;
      let head = "";
      let bytes = 0;
      socket.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.subarray(0, 4096).toString("latin1");
        bytes += chunk.length;
      });
      socket.resume();
      await new Promise<void>((resolve) => socket.once("close", () => resolve()));
      const headLength = head.indexOf("\r\n\r\n") + 4;
      expect(head).toMatch(/^HTTP\/1\.1 200 /);
      expect(bytes - headLength, "the answer's body, whole").toBe(size);
      const messages = lines.flatMap((line) => line.split("\n")).filter((line) => line !== "").map((line) => JSON.parse(line) as { code?: string; msg?: string });
      expect(messages.filter((entry) => entry.code !== undefined)).toEqual([
        expect.objectContaining({ code: "HPE_INVALID_METHOD", msg: "ignored data that is not valid HTTP after an answered request; the connection is closed once its answer is written" }),
      ]);
    } finally {
      socket.destroy();
      await app.close();
    }
  });

  /** A connection to the server, and the server's end of it. */
  async function connection(): Promise<{ serverSide: Socket; received: Promise<{ text: string; closed: boolean }> }> {
    const accepted = new Promise<Socket>((resolve) => server.app.server.once("connection", resolve));
    const received = rawExchange(server, "");
    return { serverSide: await accepted, received };
  }

  it("a request timeout (Node's ERR_HTTP_REQUEST_TIMEOUT) → 408 request-timeout", async () => {
    const { serverSide, received } = await connection();
    server.app.server.emit("clientError", Object.assign(new Error("Request timeout"), { code: "ERR_HTTP_REQUEST_TIMEOUT" }), serverSide);
    const exchange = await received;
    expect(exchange.closed).toBe(true);
    const res = parseRawResponse(exchange.text);
    checkResponse("updateThread", "PATCH", res);
    expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/request-timeout", title: "Request timeout", status: 408 });
  });

  // 06efa2b gave the answer to a request still arriving that request's id; a body that stalls past
  // the request timeout is such a request too: its 408 echoes the client's X-Request-Id, the id of
  // its own "incoming request" line, not a new one. (Node's timer is 60 s: its error is emitted here.)
  it("a request timeout while a body is still arriving: the 408 carries that request's X-Request-Id", async () => {
    const accepted = new Promise<Socket>((resolve) => server.app.server.once("connection", resolve));
    const arrived = new Promise<void>((resolve) => server.app.server.once("request", () => resolve()));
    const { socket, received, closed } = rawConnection(server.port);
    socket.write(`PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nX-Request-Id: trace-stalled-0001\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"unread`);
    const serverSide = await accepted;
    await arrived;
    server.app.server.emit("clientError", Object.assign(new Error("Request timeout"), { code: "ERR_HTTP_REQUEST_TIMEOUT" }), serverSide);
    await closed;
    const res = parseRawResponse(received());
    expect(res.status).toBe(408);
    expect(res.headers.get("x-request-id")).toBe("trace-stalled-0001");
  });

  it("nothing is written to a socket that is no longer writable; it is closed", async () => {
    const { serverSide, received } = await connection();
    serverSide.end();
    const written: unknown[] = [];
    serverSide.write = ((chunk: unknown) => written.push(chunk) > 0) as Socket["write"];
    server.app.server.emit("clientError", Object.assign(new Error("Parse Error"), { code: "HPE_INVALID_METHOD" }), serverSide);
    expect(written).toEqual([]);
    expect(serverSide.destroyed).toBe(true);
    expect(await received).toEqual({ text: "", closed: true });
  });
});

describe("__proto__ and constructor keys never reach a prototype", () => {
  const poison = '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}';
  const bodies: { name: string; op: OperationId; body: string; status: number }[] = [
    { name: "only poisoning keys", op: "updateConversation", body: `${poison}}`, status: 400 },
    { name: "poisoning keys and a valid field", op: "updateConversation", body: `${poison}, "status": "active"}`, status: 200 },
    { name: "inside a draft attachment", op: "updateThread", body: `{"draft_attachments": [${poison}, "id": "a1"}]}`, status: 200 },
    { name: "deep inside a draft attachment", op: "updateThread", body: `{"draft_attachments": [{"meta": {"list": [${poison}}]}}]}`, status: 200 },
  ];
  for (const { name, op, body, status } of bodies) {
    it(`${op}: ${name} → ${status}`, async () => {
      const res = await send(server, op, idOf(op), { body });
      expect(res.status).toBe(status);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("polluted");
      expect(res.text).not.toContain("polluted");
      const stored = JSON.stringify(snapshot(server));
      expect(stored).not.toContain("polluted");
      expect(stored).not.toContain("__proto__");
    });
  }

  // The body's own poisoning member is an unknown field: the 400 names it as normalizeRequestBody
  // does for the same text (the parser removed it first, so the server's 400 listed only the
  // minProperties issue). One holding a value nested past the depth bound is the maxDepth 400, as
  // under any other key (it was dropped unread, and the body past the bound answered by the rest).
  const named: { op: OperationId; body: string; at: string[] }[] = [
    { op: "updateConversation", body: '{"__proto__": {"status": "archived"}}', at: ["/__proto__", ""] },
    { op: "updateThread", body: '{"constructor": {"prototype": {"polluted": "yes"}}, "status": "deleted"}', at: ["/constructor", "/status", ""] },
    { op: "updateThread", body: `{"__proto__": ${"[".repeat(MAX_BODY_DEPTH + 5)}${"]".repeat(MAX_BODY_DEPTH + 5)}, "draft_attachments": [{"__proto__": {"polluted": "yes"}}, 1]}`, at: [`/__proto__${"/0".repeat(MAX_BODY_DEPTH - 1)}`] },
  ];
  for (const { op, body, at } of named) {
    it(`${op}: ${body.slice(0, 80)} → 400 naming the poisoning key as normalizeRequestBody does`, async () => {
      const res = await unchanged(() => send(server, op, idOf(op), { body }));
      expect(res.status).toBe(400);
      const normalized = normalizeRequestBody(op, JSON.parse(body));
      expect(normalized.ok).toBe(false);
      const { errors } = res.body as { errors: { path: string }[] };
      expect(errors).toEqual(normalized.ok ? undefined : normalized.errors);
      expect(errors.map((e) => e.path)).toEqual(at);
      expect(Object.prototype).not.toHaveProperty("polluted");
    });
  }

  it("an ordinary constructor member is kept as data", async () => {
    const res = await send(server, "updateThread", DOCS_THREAD, { body: '{"draft_attachments": [{"constructor": "Acme Corp", "id": "a2"}]}' });
    expect(res.status).toBe(200);
    expect((res.body as { thread: { draft_attachments: unknown } }).thread.draft_attachments).toEqual([{ constructor: "Acme Corp", id: "a2" }]);
  });
});

describe("nesting depth", () => {
  it(`a body nested more than ${MAX_BODY_DEPTH} levels → 400 naming the place, store unchanged`, async () => {
    const depth = 100_000;
    const body = `{"draft_attachments": [{"a": ${"[".repeat(depth)}${"]".repeat(depth)}}]}`;
    const res = await unchanged(() => send(server, "updateThread", DOCS_THREAD, { body }));
    expect(res.status).toBe(400);
    const errors = (res.body as { errors: { path: string; keyword: string }[] }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.keyword).toBe("maxDepth");
    expect(errors[0]?.path).toMatch(/^\/draft_attachments\/0\/a(\/0)+$/);
  });

  it(`${MAX_BODY_DEPTH} levels are accepted and returned intact`, async () => {
    const inner = MAX_BODY_DEPTH - 3; // body, draft_attachments, the attachment
    const nested = `${"[".repeat(inner)}${"]".repeat(inner)}`;
    const res = await send(server, "updateThread", DOCS_THREAD, { body: `{"draft_attachments": [{"a": ${nested}}]}` });
    expect(res.status).toBe(200);
    expect(JSON.stringify((res.body as { thread: { draft_attachments: unknown } }).thread.draft_attachments)).toBe(`[{"a":${nested}}]`);
  });
});

describe("X-Request-Id", () => {
  it("is unique per response when the client sends none", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add((await send(server, "updateThread", DOCS_THREAD, { body: { unread_count: i } })).headers.get("x-request-id"));
    expect(ids.size).toBe(5);
  });

  it("new ids are well-formed and unique across refills of their random pool (512 ids each)", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1100; i++) {
      const res = await server.app.inject({ method: "GET", url: "/no/such/path" });
      const id = String(res.headers["x-request-id"]);
      expect(id).toMatch(/^req_[0-9a-f]{20}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(1100);
  });

  it("echoes a well-formed client id and replaces a malformed one", async () => {
    const echoed = await send(server, "updateThread", DOCS_THREAD, { body: { unread_count: 1 }, headers: { "x-request-id": "client-trace.42" } });
    expect(echoed.headers.get("x-request-id")).toBe("client-trace.42");
    const replaced = await send(server, "updateThread", DOCS_THREAD, { body: { unread_count: 1 }, headers: { "x-request-id": "bad id with spaces" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{20}$/);
  });
});
