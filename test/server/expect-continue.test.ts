// `Expect: 100-continue` (RFC 9110 §10.1.1): a client holding its body back for the 100 (curl 7.88
// does for a body over 1 MiB) must get the final answer the headers already call for (a 401, a 413, a
// 415, …) instead of a 100, so that it need not send the body. Node wrote `100 Continue` at once
// when the server did not listen for `checkContinue`: the body went up, then came the 401. Raw
// sockets on 127.0.0.1; every wait is bounded (a connection left open is cut after WAIT_MS).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/index.js";
import { ALICE, DOCS_CONVERSATION, DOCS_THREAD, checkResponse, parseRawResponse, pathOf, rawConnection, snapshot, start } from "./http.js";

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.close();
});

const WAIT_MS = 5_000;
const CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";

/** A request's head (no body), with `Expect: 100-continue` unless `expect` is false. */
function head(options: { method?: string; path?: string; token?: string | null; contentType?: string | null; length?: number; extra?: string; expect?: boolean }): string {
  const { method = "PATCH", path = pathOf("updateThread", DOCS_THREAD), token = ALICE, contentType = "application/json", length, extra = "", expect: withExpect = true } = options;
  return (
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    (token !== null ? `Authorization: Bearer ${token}\r\n` : "") +
    (contentType !== null ? `Content-Type: ${contentType}\r\n` : "") +
    (withExpect ? "Expect: 100-continue\r\n" : "") +
    (length !== undefined ? `Content-Length: ${length}\r\n` : "") +
    `${extra}\r\n`
  );
}

/**
 * A raw connection whose `until(test)` resolves with everything received once `test` holds for it,
 * or once the server closes the connection, or after WAIT_MS (then with what came, for the
 * assertions to name).
 */
function connection() {
  const conn = rawConnection(server.port);
  let isClosed = false;
  void conn.closed.then(() => {
    isClosed = true;
  });
  const until = (test: (text: string) => boolean): Promise<string> =>
    new Promise((resolve) => {
      const check = () => {
        if (!test(conn.received()) && !isClosed) return;
        finish();
      };
      const finish = () => {
        clearTimeout(timer);
        conn.socket.off("data", check);
        resolve(conn.received());
      };
      const timer = setTimeout(finish, WAIT_MS);
      conn.socket.on("data", check);
      void conn.closed.then(finish);
      check();
    });
  return { ...conn, until, isClosed: () => isClosed };
}

/** Whether `text` holds a whole response after any 100 (its head and its Content-Length body). */
function wholeResponse(text: string): boolean {
  const rest = text.startsWith(CONTINUE) ? text.slice(CONTINUE.length) : text;
  const end = rest.indexOf("\r\n\r\n");
  if (end === -1) return false;
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(rest.slice(0, end))?.[1] ?? 0);
  return Buffer.byteLength(rest) >= Buffer.byteLength(rest.slice(0, end + 4)) + length;
}

describe("Expect: 100-continue — a final answer the headers call for comes instead of the 100", () => {
  const body = '{"draft_subject":"never sent"}';
  const cases: [string, string, number, string][] = [
    ["a bad token", head({ token: "nope", length: body.length }), 401, "unauthorized"],
    ["no token", head({ token: null, length: body.length }), 401, "unauthorized"],
    ["a bad id", head({ path: pathOf("updateThread", "not-a-uuid"), length: body.length }), 400, "invalid-request"],
    ["a Content-Length over the limit", head({ length: 2 * 1024 * 1024 }), 413, "payload-too-large"],
    ["another content type", head({ contentType: "text/plain", length: body.length }), 415, "unsupported-media-type"],
    ["a charset other than UTF-8", head({ contentType: "application/json; charset=utf-16", length: body.length }), 415, "unsupported-media-type"],
    ["another method", head({ method: "PUT", length: body.length }), 405, "method-not-allowed"],
    ["an unknown path", head({ path: "/api/threadz/x", length: body.length }), 404, "not-found"],
  ];
  it.each(cases)("%s: the final answer, no 100, Connection: close, the body never sent", async (name, text, status, slug) => {
    const before = snapshot(server);
    const conn = connection();
    conn.socket.write(text);
    const received = await conn.until(wholeResponse);
    // Answered, and the connection closed, without a byte of the body sent.
    expect(received.startsWith("HTTP/1.1 100"), `${name}: ${JSON.stringify(received.slice(0, 80))}`).toBe(false);
    expect(received).not.toContain("100 Continue");
    const res = parseRawResponse(received);
    checkResponse("updateThread", name === "another method" ? "PUT" : "PATCH", res);
    expect(res.status, name).toBe(status);
    expect(res.body).toMatchObject({ type: `https://app.puffle.ai/problems/${slug}` });
    // The body the client held back may still come: it must not be read as a request.
    expect(res.headers.get("connection")?.toLowerCase()).toBe("close");
    await conn.until(() => false);
    expect(conn.isClosed(), "the server closes the connection after the answer").toBe(true);
    expect(snapshot(server)).toEqual(before);
  });

  it("a good request: the 100 first (once), then, once the body is sent, the 200 with the update applied", async () => {
    const update = '{"draft_subject":"after the 100"}';
    const conn = connection();
    conn.socket.write(head({ length: Buffer.byteLength(update) }));
    const first = await conn.until((text) => text.includes("\r\n\r\n"));
    expect(first, "nothing but the 100 before the body is sent").toBe(CONTINUE);
    conn.socket.write(update);
    const received = await conn.until(wholeResponse);
    expect(received.startsWith(CONTINUE)).toBe(true);
    const res = parseRawResponse(received.slice(CONTINUE.length));
    checkResponse("updateThread", "PATCH", res);
    expect(res.status).toBe(200);
    expect((res.body as { thread: { draft_subject: string } }).thread.draft_subject).toBe("after the 100");
    expect(snapshot(server).conversations.find((c) => c.id === DOCS_THREAD)?.draft_subject).toBe("after the 100");
    // Kept alive: the next request on the connection is served.
    expect(res.headers.get("connection")?.toLowerCase()).not.toBe("close");
    const next = '{"unread_count":4}';
    conn.socket.write(head({ path: pathOf("updateConversation", DOCS_CONVERSATION), length: next.length, expect: false, extra: "Connection: close\r\n" }) + next);
    const all = await conn.until(() => false);
    const second = parseRawResponse(all.slice(received.length));
    expect(second.status).toBe(200);
    expect((second.body as { conversation: { unread_count: number } }).conversation.unread_count).toBe(4);
    expect(all.split("100 Continue").length - 1, "one 100 only").toBe(1);
  });

  it("a body without a Content-Type, chunked: the 100, then its first byte decides (415)", async () => {
    const conn = connection();
    conn.socket.write(head({ contentType: null, extra: "Transfer-Encoding: chunked\r\n" }));
    expect(await conn.until((text) => text.includes("\r\n\r\n"))).toBe(CONTINUE);
    conn.socket.write("2\r\n{}\r\n0\r\n\r\n");
    const received = await conn.until(wholeResponse);
    expect(parseRawResponse(received.slice(CONTINUE.length)).status).toBe(415);
    conn.socket.destroy();
  });

  const refusedEarly: [string, (length: number) => string][] = [
    ["a bad token", (length) => head({ token: "nope", length })],
    ["a malformed URL", (length) => head({ path: "/api/threads/%zz", length })],
  ];
  it.each(refusedEarly)("requests pipelined behind an early-refused one (%s) are not read after its unsent body: not applied, not answered", async (_name, refused) => {
    const before = snapshot(server);
    // B is the body the refused request A declared (Content-Length), as the server's parser must
    // read it; C, right after, would be the next request on a connection kept alive.
    const b = head({ path: pathOf("updateThread", DOCS_THREAD), length: 2, expect: false }) + "{}";
    const cBody = '{"draft_subject":"smuggled"}';
    const c = head({ path: pathOf("updateThread", DOCS_THREAD), length: cBody.length, expect: false }) + cBody;
    const a = refused(Buffer.byteLength(b));
    const conn = connection();
    conn.socket.write(a + b + c);
    const received = await conn.until(() => false);
    expect(conn.isClosed(), "the server closes the connection after A's answer").toBe(true);
    expect(received).not.toContain("100 Continue");
    const res = parseRawResponse(received);
    expect(res.status).toBe(_name === "a bad token" ? 401 : 400);
    expect(res.headers.get("connection")?.toLowerCase()).toBe("close");
    expect(snapshot(server)).toEqual(before);
  });

  it("a request pipelined right behind an early-refused one: the one answer, nothing applied", async () => {
    const before = snapshot(server);
    const bBody = '{"draft_subject":"pipelined"}';
    const b = head({ path: pathOf("updateThread", DOCS_THREAD), length: bBody.length, expect: false }) + bBody;
    const conn = connection();
    conn.socket.write(head({ token: "nope", length: 10 }) + b);
    const received = await conn.until(() => false);
    expect(conn.isClosed()).toBe(true);
    expect(received).not.toContain("100 Continue");
    expect(parseRawResponse(received).status).toBe(401);
    expect(snapshot(server)).toEqual(before);
  });
});

describe("Expect: 100-continue — keep-alive, the body limit, the answers outside the checks", () => {
  it("two Expect requests in a row on one kept-alive connection: each gets its own 100 before its body is sent", async () => {
    const conn = connection();
    let seen = "";
    for (const subject of ["first", "second"]) {
      const update = `{"draft_subject":"${subject}"}`;
      conn.socket.write(head({ length: update.length }));
      const upTo100 = await conn.until((text) => text.slice(seen.length) === CONTINUE);
      expect(upTo100.slice(seen.length), `${subject}: the 100 before its body`).toBe(CONTINUE);
      conn.socket.write(update);
      seen = await conn.until((text) => wholeResponse(text.slice(upTo100.length)));
      const res = parseRawResponse(seen.slice(upTo100.length));
      expect(res.status, subject).toBe(200);
      expect(res.headers.get("connection")?.toLowerCase()).not.toBe("close");
    }
    expect(snapshot(server).conversations.find((c) => c.id === DOCS_THREAD)?.draft_subject).toBe("second");
    conn.socket.destroy();
  });

  it("a body of exactly maxBodyBytes gets its 100 and is read (a 200); one byte more is the 413 at once, no 100", async () => {
    const max = 1_048_576;
    const update = '{"draft_subject":"at the limit"}';
    const body = update + " ".repeat(max - update.length);
    const conn = connection();
    conn.socket.write(head({ length: max }));
    expect(await conn.until((text) => text.includes("\r\n\r\n"))).toBe(CONTINUE);
    conn.socket.write(body);
    const received = await conn.until(wholeResponse);
    expect(parseRawResponse(received.slice(CONTINUE.length)).status).toBe(200);
    conn.socket.destroy();
    const over = connection();
    over.socket.write(head({ length: max + 1 }));
    const refused = await over.until(wholeResponse);
    expect(refused).not.toContain("100 Continue");
    expect(parseRawResponse(refused).status).toBe(413);
    over.socket.destroy();
  });
});

describe("Expect: 100-continue — the reset endpoint and a CORS preflight answer without the body, and close", () => {
  let other: RunningServer;
  const origin = "http://app.example";
  beforeAll(async () => {
    other = await start({ allowReset: true, cors: [origin] });
  });
  afterAll(async () => {
    await other.close();
  });
  const cases: [string, (length: number) => string, number][] = [
    ["POST /__puffle/reset", (length) => head({ method: "POST", path: "/__puffle/reset", token: null, contentType: null, length }), 204],
    ["a CORS preflight", (length) => head({ method: "OPTIONS", contentType: null, length, extra: `Origin: ${origin}\r\nAccess-Control-Request-Method: PATCH\r\n` }), 204],
  ];
  it.each(cases)("%s: its answer, no 100, Connection: close; the requests pipelined behind it are not applied", async (_name, refused, status) => {
    other.app.puffle.store.reset();
    const before = snapshot(other);
    const b = head({ length: 2, expect: false }) + "{}";
    const cBody = '{"draft_subject":"smuggled"}';
    const c = head({ length: cBody.length, expect: false }) + cBody;
    const conn = rawConnection(other.port);
    conn.socket.write(refused(Buffer.byteLength(b)) + b + c);
    const timer = setTimeout(() => conn.socket.destroy(), WAIT_MS);
    await conn.closed;
    clearTimeout(timer);
    const received = conn.received();
    expect(received).not.toContain("100 Continue");
    const res = parseRawResponse(received);
    expect(res.status).toBe(status);
    expect(res.headers.get("connection")?.toLowerCase()).toBe("close");
    expect(snapshot(other)).toEqual(before);
  });
});
