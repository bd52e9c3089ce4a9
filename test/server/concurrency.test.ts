// Requests at the same time (docs/server.md, "Requests in flight"): each is applied whole, in one
// synchronous step, in the order the bodies finish arriving; every answer is its own request's. The
// interleavings are forced (a body held half-sent until another request is answered), not raced.
import type { Socket } from "node:net";
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/index.js";
import { ALICE, DOCS_THREAD, SENDERS, parseRawResponse, pathOf, rawConnection, rawExchange, rowOf, send, start } from "./http.js";

/** Alice's email thread to founder@example.com on the `sales` sender; the docs' thread writes to the same recipient. */
const SALES_THREAD = "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b";

function patchText(id: string, body: unknown, requestId: string, close = false): string {
  const json = typeof body === "string" ? body : JSON.stringify(body);
  return (
    `PATCH ${pathOf("updateThread", id)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n` +
    `Content-Type: application/json\r\nX-Request-Id: ${requestId}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
    `${close ? "Connection: close\r\n" : ""}\r\n${json}`
  );
}

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(() => server.close());
beforeEach(() => server.app.puffle.store.reset());

describe("two requests at once", () => {
  it("a body still arriving is applied when it has arrived: after a request that began later and finished first", async () => {
    // Moving either thread to the `growth` sender is fine alone; moving both is the 409 (same sender, same recipient).
    const a = patchText(DOCS_THREAD, { account_id: SENDERS.growth }, "req_first_to_start");
    const headersAndHalf = a.length - 10;
    const seen = new Promise<void>((resolve) => {
      const listener = (request: IncomingMessage) => {
        if (request.headers["x-request-id"] !== "req_first_to_start") return;
        server.app.server.off("request", listener);
        resolve();
      };
      server.app.server.on("request", listener);
    });
    const { socket, received, closed: ended } = rawConnection(server.port);
    socket.write(a.slice(0, headersAndHalf));
    await seen; // the server has A's headers (and authenticated it); its body is not all there

    const b = await send(server, "updateThread", SALES_THREAD, { body: { account_id: SENDERS.growth } });
    expect(b.status).toBe(200);
    const moved = (b.body as { thread: Record<string, unknown> }).thread;

    socket.end(a.slice(headersAndHalf));
    await ended;
    const answer = parseRawResponse(received());
    expect(answer.status).toBe(409);
    expect(answer.headers.get("x-request-id")).toBe("req_first_to_start");
    // The 409 names the thread as B left it, and A wrote nothing.
    expect((answer.body as { existing_thread: Record<string, unknown> }).existing_thread).toEqual(moved);
    const stored = server.app.puffle.store.snapshot();
    expect(rowOf(stored, DOCS_THREAD).account_id).toBe(SENDERS.docs);
    expect(rowOf(stored, SALES_THREAD).account_id).toBe(SENDERS.growth);
  });
});

describe("many requests at once", () => {
  it("over many connections, each answer is its own request's; the last by updated_at is what is stored", async () => {
    const N = 40;
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        send(server, "updateThread", DOCS_THREAD, { body: { unread_count: i, draft_subject: `s${i}` }, headers: { "x-request-id": `req_many_${i}` } }),
      ),
    );
    const threads = answers.map((answer, i) => {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-request-id")).toBe(`req_many_${i}`);
      const thread = (answer.body as { thread: { unread_count: number; draft_subject: string; updated_at: string } }).thread;
      expect([thread.unread_count, thread.draft_subject]).toEqual([i, `s${i}`]);
      return thread;
    });
    // One update at a time: every updated_at differs, and the store holds the latest answer.
    const stamps = threads.map((t) => Date.parse(t.updated_at));
    expect(new Set(stamps).size).toBe(N);
    const last = threads[stamps.indexOf(Math.max(...stamps))]!;
    const row = rowOf(server.app.puffle.store.snapshot(), DOCS_THREAD);
    expect([row.unread_count, row.draft_subject, row.updated_at]).toEqual([last.unread_count, last.draft_subject, last.updated_at]);
  });

  it("pipelined on one connection, they are applied and answered in order, a rejected one among them writing nothing", async () => {
    const N = 20;
    let text = "";
    for (let i = 0; i < N; i++) text += patchText(DOCS_THREAD, i === 7 ? { unread_count: -1 } : { unread_count: i }, `req_pipe_${i}`, i === N - 1);
    const exchange = await rawExchange(server, text);
    expect(exchange.closed).toBe(true);
    const responses = exchange.text.split(/(?=HTTP\/1\.1 \d{3} )/).map(parseRawResponse);
    expect(responses).toHaveLength(N);
    let previous = "";
    responses.forEach((response, i) => {
      expect(response.headers.get("x-request-id")).toBe(`req_pipe_${i}`);
      if (i === 7) {
        expect(response.status).toBe(400);
        return;
      }
      expect(response.status).toBe(200);
      const thread = (response.body as { thread: { unread_count: number; updated_at: string } }).thread;
      expect(thread.unread_count).toBe(i);
      expect(thread.updated_at > previous).toBe(true);
      previous = thread.updated_at;
    });
    expect(rowOf(server.app.puffle.store.snapshot(), DOCS_THREAD).unread_count).toBe(N - 1);
  });
});

// RFC 9112 §9.6: after an answer that says `Connection: close` the server processes no further request
// on that connection. A pipelining client has sent them already; Node parses and routes them, and
// closes the connection after that answer, so theirs are never written: they must not be applied.
describe("requests pipelined behind one whose answer closes the connection", () => {
  const after = patchText(DOCS_THREAD, { unread_count: 42 }, "req_after");
  const cases: readonly (readonly [string, string, number])[] = [
    ["a body over the limit (413, answered before the body is read)", patchText(DOCS_THREAD, { draft_body_text: "x".repeat(1_100_000) }, "req_first"), 413],
    ["a body that is not JSON (400 from the body reader)", patchText(DOCS_THREAD, "{", "req_first"), 400],
  ];
  it.each(cases)("%s: the one answer is that one's, and the request after it is not applied", async (_name, first, status) => {
    const exchange = await rawExchange(server, first + after);
    expect(exchange.closed).toBe(true);
    const answers = exchange.text.split(/(?=HTTP\/1\.1 \d{3} )/).map(parseRawResponse);
    expect(answers.map((a) => [a.status, a.headers.get("x-request-id"), a.headers.get("connection")])).toEqual([[status, "req_first", "close"]]);
    expect(rowOf(server.app.puffle.store.snapshot(), DOCS_THREAD).unread_count).toBe(0);
  });

  // Two answers that close the connection, marked out of order, and a request between them: the
  // earliest mark must win. A body declared over the limit is marked when its headers arrive, one
  // that is not JSON once it has been read. Here all three requests' headers are routed before any
  // body is read (1 not JSON, 2 a valid update, 3 declared over the limit: marked at once), then 1's
  // body fails (marked after 3, though it arrived first), then 2's handler runs: 2 arrived after 1
  // and is not applied. (Keeping 3's mark applied 2, whose answer Node never writes.) Node routes
  // them all in one go when it parses the connection's bytes in JavaScript, as it does once
  // something else listens for the socket's data (here the test, on a server of its own; an HTTPS
  // server's connections too); when its native parser reads the socket, 1's body is read before 3
  // is routed and 3 is refused unmarked. The order is the event loop's, not timing: one write.
  it("two answers that close it, the later-arriving one marked first: the earlier one wins, the request between them is not applied", async () => {
    const own = await start();
    try {
      own.app.server.on("connection", (socket: Socket) => socket.on("data", () => undefined));
      const overLimit =
        `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\n` +
        `Content-Type: application/json\r\nX-Request-Id: req_third\r\nContent-Length: 2000000\r\n\r\n`;
      const exchange = await rawExchange(own, patchText(DOCS_THREAD, "{", "req_first") + patchText(DOCS_THREAD, { unread_count: 42 }, "req_between") + overLimit);
      expect(exchange.closed).toBe(true);
      const answers = exchange.text.split(/(?=HTTP\/1\.1 \d{3} )/).map(parseRawResponse);
      expect(answers.map((a) => [a.status, a.headers.get("x-request-id"), a.headers.get("connection")])).toEqual([[400, "req_first", "close"]]);
      expect(rowOf(own.app.puffle.store.snapshot(), DOCS_THREAD).unread_count).toBe(0);
    } finally {
      await own.close();
    }
  });

  it("the reset endpoint behind it does not reset", async () => {
    const resettable = await start({ allowReset: true });
    try {
      expect((await send(resettable, "updateThread", DOCS_THREAD, { body: { unread_count: 7 } })).status).toBe(200);
      const reset = "POST /__puffle/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n";
      const exchange = await rawExchange(resettable, patchText(DOCS_THREAD, "{", "req_first") + reset);
      expect(exchange.closed).toBe(true);
      expect(exchange.text.split(/(?=HTTP\/1\.1 \d{3} )/).map((text) => parseRawResponse(text).status)).toEqual([400]);
      expect(rowOf(resettable.app.puffle.store.snapshot(), DOCS_THREAD).unread_count).toBe(7);
      // Behind answers that keep the connection open, it resets between them, in order.
      const ordered = await rawExchange(resettable, patchText(DOCS_THREAD, { draft_subject: "before" }, "req_1") + reset + patchText(DOCS_THREAD, { unread_count: 9 }, "req_3", true));
      expect(ordered.text.split(/(?=HTTP\/1\.1 \d{3} )/).map((text) => parseRawResponse(text).status)).toEqual([200, 204, 200]);
      const row = rowOf(resettable.app.puffle.store.snapshot(), DOCS_THREAD);
      expect([row.draft_subject, row.unread_count]).toEqual(["Quick question", 9]);
    } finally {
      await resettable.close();
    }
  });

  it("a client's own Connection: close, with a request after it: the first is answered with its 200 (not a 400), the second is not applied", async () => {
    const exchange = await rawExchange(server, patchText(DOCS_THREAD, { draft_subject: "first" }, "req_first", true) + after);
    expect(exchange.closed).toBe(true);
    const answers = exchange.text.split(/(?=HTTP\/1\.1 \d{3} )/).map(parseRawResponse);
    expect(answers.map((a) => [a.status, a.headers.get("x-request-id")])).toEqual([[200, "req_first"]]);
    expect((answers[0]!.body as { thread: { draft_subject: string } }).thread.draft_subject).toBe("first");
    const row = rowOf(server.app.puffle.store.snapshot(), DOCS_THREAD);
    expect([row.draft_subject, row.unread_count]).toEqual(["first", 0]);
  });
});
