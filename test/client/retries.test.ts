// The client against a fault-injecting loopback server, with retries: network errors (refused,
// reset mid-body, truncated), 408, 429 and 5xx are retried with the same body; other 4xx are not;
// Retry-After is honoured and capped; nothing waits past the deadline or the caller's signal. Every
// case ends in a typed result or a typed error, with no unhandled rejection and no socket left open
// on the server. The waits go through an injected `sleep` that records them and returns at once,
// so no test waits for real backoff and none asserts a duration.
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from "vitest";
import {
  createPuffleClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAYS,
  parseRetryAfter,
  PuffleAbortError,
  PuffleApiError,
  PuffleConfigError,
  PuffleError,
  PuffleNetworkError,
  PuffleTimeoutError,
  PuffleValidationError,
} from "../../src/index.js";
import type { PuffleClientOptions } from "../../src/index.js";
import { EXIT, runCli } from "../../src/cli/program.js";
import { closedPort, reply, sequence, startFaultServer } from "./fault-server.js";
import type { FaultHandler, FaultServer } from "./fault-server.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
const THREAD = { id: THREAD_ID, status: "archived" };
const OK = reply(200, JSON.stringify({ thread: THREAD }), { "content-type": "application/json" });
const BODY = { status: "archived", draft_subject: "Intro" } as const;

// --- the fault handlers ----------------------------------------------------------------------

/** Headers and part of the body, then the connection is destroyed (Content-Length promises more). */
const resetMidBody: FaultHandler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
  res.write('{"thread":{"id":"3d98', () => res.socket?.destroy());
};
/** Chunked JSON cut off: the terminating chunk never comes, the connection closes. */
const truncatedJsonConnectionLost: FaultHandler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"thread":{"id":', () => res.socket?.destroy());
};
/** A complete HTTP message whose JSON is cut off: a response, not a network failure. */
const truncatedJsonComplete = reply(200, '{"thread":{"id":"3d986dd1', { "content-type": "application/json" });
const html502 = reply(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", { "content-type": "text/html" });
const stall: FaultHandler = () => {
  /* never answers */
};
/** The documented 200 body, a few bytes at a time. */
const slowTrickle: FaultHandler = (_req, res) => {
  const payload = JSON.stringify({ thread: THREAD });
  res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) });
  let at = 0;
  const timer = setInterval(() => {
    res.write(payload.slice(at, at + 6));
    at += 6;
    if (at >= payload.length) {
      clearInterval(timer);
      res.end();
    }
  }, 5);
  res.on("close", () => clearInterval(timer));
};
/** Whitespace forever: the body never ends. */
const endlessTrickle: FaultHandler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write("{");
  const timer = setInterval(() => res.write(" "), 10);
  res.on("close", () => clearInterval(timer));
};

// --- the harness -----------------------------------------------------------------------------

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

let server: FaultServer | undefined;

/**
 * Waits (bounded) until the server has no connection open; returns how many are left. Bounded at
 * 8 s: Node 20's fetch (undici 6) closes the connection of an aborted exchange within its 4 s
 * keep-alive timeout rather than at once; a connection the client kept reading would stay open.
 */
async function openSocketsAfterSettling(s: FaultServer): Promise<number> {
  for (let i = 0; i < 400 && s.openSockets() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return s.openSockets();
}

afterEach(async () => {
  // Let any stray rejection reach the detector before checking it.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const left = server ? await openSocketsAfterSettling(server) : 0;
  await server?.close();
  server = undefined;
  expect(unhandled, "unhandled rejections").toEqual([]);
  expect(left, "server-side sockets still open after the call").toBe(0);
});

async function serve(handler: FaultHandler): Promise<FaultServer> {
  // Idle keep-alive connections close quickly, so a socket still open afterwards is one the client abandoned mid-exchange.
  server = await startFaultServer(handler, { keepAliveTimeoutMs: 100 });
  return server;
}

/**
 * serve() for a test of a concurrent describe (the afterEach above tracks one server, the last
 * started): the same server, and the same check when the test ends (no socket left open, within
 * the same bound), through the test's own onTestFinished. The timeout cases each wait out a real
 * deadline and then, on Node 20, the seconds undici takes to close the aborted connection: run
 * concurrently, those waits overlap.
 */
async function serveFor(test: Pick<TestContext, "expect" | "onTestFinished">, handler: FaultHandler): Promise<FaultServer> {
  const own = await startFaultServer(handler, { keepAliveTimeoutMs: 100 });
  test.onTestFinished(async () => {
    const left = await openSocketsAfterSettling(own);
    await own.close();
    test.expect(left, "server-side sockets still open after the call").toBe(0);
  });
  return own;
}

/** A client whose waits are recorded, not slept (jitter fixed at 0.5). */
function clientFor(s: FaultServer, options: PuffleClientOptions = {}) {
  const waits: number[] = [];
  const client = createPuffleClient({
    baseUrl: s.url,
    apiKey: "k",
    timeoutMs: 5_000,
    retry: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) },
    ...options,
  });
  return { client, waits };
}

// --- the cases -------------------------------------------------------------------------------

describe("retried: 5xx, 408, 429 and network errors", () => {
  it("5xx then 200: retried with the same body, succeeds; the server saw 3 requests", async () => {
    const s = await serve(sequence(reply(503, ""), html502, OK));
    const { client, waits } = clientFor(s);
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(s.requests).toHaveLength(3);
    for (const request of s.requests) {
      expect(request.method).toBe("PATCH");
      expect(request.url).toBe(`/api/threads/${THREAD_ID}`);
      expect(request.headers.authorization).toBe("Bearer k");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.body).toBe(JSON.stringify(BODY));
    }
    // Full jitter: random × min(maxDelayMs, baseDelayMs × 2^(n-1)), with random fixed at 0.5.
    expect(waits).toEqual([DEFAULT_RETRY_DELAYS.baseDelayMs / 2, DEFAULT_RETRY_DELAYS.baseDelayMs]);
  });

  it("an HTML 502 every time: PuffleApiError after maxRetries + 1 attempts, carrying the count", async () => {
    const s = await serve(html502);
    const { client } = clientFor(s);
    const error = (await rejection(client.updateConversation(CONVERSATION_ID, { status: "archived" }))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(error.status).toBe(502);
    expect(error.body).toContain("502 Bad Gateway");
    expect(error.attempts).toBe(DEFAULT_MAX_RETRIES + 1);
    expect(error.message).toContain(`(after ${DEFAULT_MAX_RETRIES + 1} attempts)`);
    expect(s.requests).toHaveLength(DEFAULT_MAX_RETRIES + 1);
  });

  it("408 is retried", async () => {
    const s = await serve(sequence(reply(408, ""), OK));
    const { client } = clientFor(s);
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(s.requests).toHaveLength(2);
  });

  it("a 429 with Retry-After in seconds waits that long, then succeeds", async () => {
    const s = await serve(sequence(reply(429, "", { "retry-after": "3" }), OK));
    const { client, waits } = clientFor(s, { timeoutMs: 0 });
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(waits).toEqual([3_000]);
    expect(s.requests).toHaveLength(2);
  });

  it("a 503 with Retry-After as an HTTP date waits until then", async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const s = await serve(sequence(reply(503, "", { "retry-after": at }), OK));
    const { client, waits } = clientFor(s, { timeoutMs: 0 });
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(25_000);
    expect(waits[0]).toBeLessThanOrEqual(30_000);
  });

  it("a hostile Retry-After is capped at maxRetryAfterMs", async () => {
    const s = await serve(sequence(reply(429, "", { "retry-after": "999999999999" }), reply(429, "", { "retry-after": "999999999999" }), OK));
    const { client, waits } = clientFor(s, { timeoutMs: 0 });
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(waits).toEqual([DEFAULT_RETRY_DELAYS.maxRetryAfterMs, DEFAULT_RETRY_DELAYS.maxRetryAfterMs]);
    const capped = await serve(sequence(reply(429, "", { "retry-after": "86400" }), OK));
    const custom = clientFor(capped, { timeoutMs: 0, retry: { maxRetryAfterMs: 5_000, sleep: async (ms) => void custom.waits.push(ms) } });
    await expect(custom.client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(custom.waits).toEqual([5_000]);
    await s.close();
  });

  it("a Retry-After that would end past the deadline is not waited for: the 429 is returned at once", async () => {
    const s = await serve(reply(429, JSON.stringify({ type: "about:blank", title: "Too many requests", status: 429 }), { "retry-after": "120", "content-type": "application/problem+json" }));
    const { client, waits } = clientFor(s, { timeoutMs: 2_000 });
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(1);
    expect(error.headers.get("retry-after")).toBe("120");
    expect(waits).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  // The wait counts from the call's start: one that fits in timeoutMs but would end past the
  // deadline, given the time the first attempt took, is not started either (both paths).
  for (const path of ["the methods", "the raw client"] as const) {
    it(`${path}: a wait shorter than timeoutMs that would still end past the deadline is not started`, async () => {
      const s = await serve((_req, res) => {
        setTimeout(() => {
          res.writeHead(503, { "retry-after": "1", "content-type": "application/problem+json" });
          res.end(JSON.stringify({ type: "about:blank", title: "Busy", status: 503 }));
        }, 600);
      });
      const { client, waits } = clientFor(s, { timeoutMs: 1_500 });
      if (path === "the methods") {
        const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleApiError;
        expect(error).toBeInstanceOf(PuffleApiError);
        expect(error.status).toBe(503);
      } else {
        const { error, response } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY });
        expect(response.status).toBe(503);
        expect(error).toMatchObject({ title: "Busy" });
      }
      expect(waits).toEqual([]);
      expect(s.requests).toHaveLength(1);
    }, 10_000);
  }

  it("599, the last 5xx, is retried like the others", async () => {
    const s = await serve(sequence(reply(599, ""), OK));
    const { client } = clientFor(s);
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(s.requests).toHaveLength(2);
  });

  it("a backoff longer than the deadline is not started, with the real timer (the test would hang otherwise)", async () => {
    const s = await serve(reply(503, ""));
    const client = createPuffleClient({ baseUrl: s.url, apiKey: "k", timeoutMs: 1_000, retry: { baseDelayMs: 600_000, maxDelayMs: 600_000, random: () => 1 } });
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(error.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  }, 10_000);

  it("a connection reset mid-body is retried; the retry succeeds", async () => {
    const s = await serve(sequence(resetMidBody, OK));
    const { client } = clientFor(s);
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.body).toBe(JSON.stringify(BODY));
  });

  it("a connection reset mid-body every time: PuffleNetworkError with the attempt count", async () => {
    const s = await serve(resetMidBody);
    const { client } = clientFor(s);
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleNetworkError;
    expect(error).toBeInstanceOf(PuffleNetworkError);
    expect(error.attempts).toBe(3);
    expect(error.message).toContain("(after 3 attempts)");
    expect(s.requests).toHaveLength(3);
  });

  it("truncated JSON on a lost connection is a network error, retried", async () => {
    const s = await serve(sequence(truncatedJsonConnectionLost, OK));
    const { client } = clientFor(s);
    await expect(client.updateThread(THREAD_ID, BODY)).resolves.toEqual(THREAD);
    expect(s.requests).toHaveLength(2);
  });

  it("connection refused: retried, then PuffleNetworkError with the count", async () => {
    const port = await closedPort();
    const waits: number[] = [];
    const client = createPuffleClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k", maxRetries: 4, retry: { random: () => 1, sleep: async (ms) => void waits.push(ms) } });
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleNetworkError;
    expect(error).toBeInstanceOf(PuffleNetworkError);
    expect(error.attempts).toBe(5);
    // Exponential: 250, 500, 1000, 2000 (random 1 = the full ceiling).
    expect(waits).toEqual([250, 500, 1_000, 2_000]);
  });

  it("the raw client retries too, and returns the last error response as { error, response }", async () => {
    const s = await serve(sequence(reply(500, ""), OK));
    const { client } = clientFor(s);
    const { data, response } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY });
    expect(response.status).toBe(200);
    expect(data?.thread).toEqual(THREAD);
    expect(s.requests.map((r) => r.body)).toEqual([JSON.stringify(BODY), JSON.stringify(BODY)]);
    const failing = await serve(reply(503, JSON.stringify({ type: "about:blank", title: "Unavailable", status: 503 }), { "content-type": "application/problem+json" }));
    const second = clientFor(failing);
    const last = await second.client.raw.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY });
    expect(last.response.status).toBe(503);
    expect(last.error).toMatchObject({ title: "Unavailable" });
    expect(failing.requests).toHaveLength(3);
    await s.close();
  });

  it("validate: request checks once and every attempt sends the same body", async () => {
    const s = await serve(sequence(reply(502, ""), OK));
    const { client } = clientFor(s, { validate: "request" });
    await expect(client.updateThread(THREAD_ID, { account_id: null, draft_attachments: [{ name: "a.pdf" }] })).resolves.toEqual(THREAD);
    expect(s.requests.map((r) => JSON.parse(r.body))).toEqual([
      { account_id: null, draft_attachments: [{ name: "a.pdf" }] },
      { account_id: null, draft_attachments: [{ name: "a.pdf" }] },
    ]);
  });

  it("concurrent calls each re-send their own body", async () => {
    const seen = new Set<string>();
    const s = await serve((req, res, body) => {
      // Each body's first request fails: its retry must carry the same body.
      if (!seen.has(body)) {
        seen.add(body);
        return reply(503, "")(req, res, body);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ thread: { id: THREAD_ID, draft_subject: JSON.parse(body).draft_subject } }));
    });
    const { client } = clientFor(s);
    const subjects = ["a", "b", "c", "d", "e"];
    const threads = await Promise.all(subjects.map((draft_subject) => client.updateThread(THREAD_ID, { draft_subject })));
    expect(threads.map((t) => t.draft_subject)).toEqual(subjects);
    expect(s.requests).toHaveLength(2 * subjects.length);
  });
});

describe.concurrent("not retried", () => {
  for (const status of [400, 401, 403, 404, 409, 413, 422]) {
    it(`${status}: one request`, async ({ expect, onTestFinished }) => {
      const s = await serveFor({ expect, onTestFinished }, reply(status, JSON.stringify({ type: "about:blank", title: `HTTP ${status}`, status }), { "content-type": "application/problem+json" }));
      const { client, waits } = clientFor(s);
      const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleApiError;
      expect(error).toBeInstanceOf(PuffleApiError);
      expect(error.status).toBe(status);
      expect(error.attempts).toBe(1);
      expect(error.message).not.toContain("attempts");
      expect(waits).toEqual([]);
      expect(s.requests).toHaveLength(1);
    });
  }

  it("a complete 200 whose JSON is truncated is a response error, not retried", async ({ expect, onTestFinished }) => {
    const s = await serveFor({ expect, onTestFinished }, truncatedJsonComplete);
    const { client } = clientFor(s);
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.issues[0]?.message).toBe("is not JSON");
    expect(s.requests).toHaveLength(1);
  });

  it("a stalled response times out once: the deadline covers all attempts, so none follows", async ({ expect, onTestFinished }) => {
    const s = await serveFor({ expect, onTestFinished }, stall);
    const { client, waits } = clientFor(s, { timeoutMs: 200 });
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleTimeoutError;
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(error.attempts).toBe(1);
    expect(waits).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  it("a deadline that passes after a retry reports every attempt", async ({ expect, onTestFinished }) => {
    const s = await serveFor({ expect, onTestFinished }, sequence(reply(503, ""), stall));
    const { client } = clientFor(s, { timeoutMs: 300 });
    const error = (await rejection(client.updateThread(THREAD_ID, BODY))) as PuffleTimeoutError;
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("(after 2 attempts)");
    expect(s.requests).toHaveLength(2);
  });

  it("maxRetries: 0 sends once; a per-call maxRetries overrides the client's", async ({ expect, onTestFinished }) => {
    const s = await serveFor({ expect, onTestFinished }, reply(503, ""));
    const { client } = clientFor(s, { maxRetries: 0 });
    await expect(client.updateThread(THREAD_ID, BODY)).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(s.requests).toHaveLength(1);
    await expect(client.updateThread(THREAD_ID, BODY, { maxRetries: 1 })).rejects.toMatchObject({ status: 503, attempts: 2 });
    expect(s.requests).toHaveLength(3);
  });

  it("the caller's signal stops the wait between attempts: PuffleAbortError, no further request", async ({ expect, onTestFinished }) => {
    const s = await serveFor({ expect, onTestFinished }, reply(503, ""));
    const controller = new AbortController();
    const client = createPuffleClient({
      baseUrl: s.url,
      apiKey: "k",
      timeoutMs: 0,
      // A wait that only ends when the signal aborts: the abort must end it.
      retry: { random: () => 1, sleep: (_ms, signal) => new Promise((resolve) => { controller.abort(new Error("user cancelled")); signal?.addEventListener("abort", () => resolve()); }) },
    });
    const error = (await rejection(client.updateThread(THREAD_ID, BODY, { signal: controller.signal }))) as PuffleAbortError;
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect(error.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it("a sleep hook that ignores the signal cannot hold the call past its deadline", async ({ expect, onTestFinished }) => {
    const s = await serveFor({ expect, onTestFinished }, reply(503, "", { "retry-after": "1" }));
    const client = createPuffleClient({ baseUrl: s.url, apiKey: "k", timeoutMs: 2_000, retry: { sleep: () => new Promise(() => {}) } });
    const error = await rejection(client.updateThread(THREAD_ID, BODY));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(s.requests).toHaveLength(1);
  }, 10_000);
});

describe.concurrent("every fault ends in a typed result or a typed error, within the timeout", () => {
  const FAULTS: readonly (readonly [string, FaultHandler, "ok" | (new (...args: never[]) => PuffleError)])[] = [
    ["connection reset mid-body", resetMidBody, PuffleNetworkError],
    ["stalled response", stall, PuffleTimeoutError],
    ["truncated JSON, connection lost", truncatedJsonConnectionLost, PuffleNetworkError],
    ["truncated JSON, complete message", truncatedJsonComplete, PuffleValidationError],
    ["HTML 502", html502, PuffleApiError],
    ["429 with Retry-After", reply(429, "", { "retry-after": "1" }), PuffleApiError],
    ["slow trickle", slowTrickle, "ok"],
    ["endless trickle", endlessTrickle, PuffleTimeoutError],
    ["server drops the connection before answering", (req) => req.socket.destroy(), PuffleNetworkError],
  ];
  for (const [name, handler, expected] of FAULTS) {
    it(name, async ({ expect, onTestFinished }) => {
      const s = await serveFor({ expect, onTestFinished }, handler);
      const { client } = clientFor(s, { timeoutMs: 1_500 });
      const outcome = await client.updateThread(THREAD_ID, BODY).then(
        (thread) => ({ thread }),
        (error: unknown) => ({ error }),
      );
      if (expected === "ok") {
        expect(outcome).toEqual({ thread: THREAD });
      } else {
        expect("error" in outcome && outcome.error).toBeInstanceOf(expected);
      }
    }, 10_000);
  }
});

describe("options and Retry-After parsing", () => {
  it("rejects bad retry options by name", () => {
    for (const maxRetries of [-1, 1.5, 21, Number.NaN]) expect(() => createPuffleClient({ maxRetries })).toThrow(PuffleConfigError);
    // The documented bounds are themselves accepted: 0 and MAX_RETRIES_LIMIT (20).
    for (const maxRetries of [0, 20]) expect(() => createPuffleClient({ maxRetries })).not.toThrow();
    expect(DEFAULT_RETRY_DELAYS).toEqual({ baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 });
    expect(DEFAULT_MAX_RETRIES).toBe(2);
    expect(() => createPuffleClient({ maxRetries: "2" as unknown as number })).toThrow(/maxRetries must be an integer from 0/);
    expect(() => createPuffleClient({ retry: { baseDelayMs: -1 } })).toThrow(/retry\.baseDelayMs must be an integer/);
    expect(() => createPuffleClient({ retry: { maxRetryAfterMs: 1.5 } })).toThrow(/retry\.maxRetryAfterMs/);
    expect(() => createPuffleClient({ retry: { sleep: "soon" as never } })).toThrow(/retry\.sleep must be a function/);
    expect(() => createPuffleClient({ retry: null as never })).toThrow(/retry must be an object/);
  });

  it("a bad per-call maxRetries is refused before sending", async () => {
    const s = await serve(OK);
    const { client } = clientFor(s);
    await expect(client.updateThread(THREAD_ID, BODY, { maxRetries: -1 })).rejects.toBeInstanceOf(PuffleConfigError);
    expect(s.requests).toHaveLength(0);
  });

  it("parseRetryAfter reads delay-seconds and HTTP dates, and nothing else", () => {
    const now = Date.parse("Wed, 21 Oct 2015 07:27:55 GMT");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).toBe(0);
    for (const bad of [null, "", "-1", "1.5", "soon", "2015-10-21", "1e3"]) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });

  it("parseRetryAfter reads the two obsolete HTTP-date forms too, as GMT whatever the machine's time zone", () => {
    // RFC 9110 §5.6.7: a recipient MUST accept all three forms. asctime has no zone and is GMT; Date.parse
    // read it as local time (5 hours off in New York, so a 5 s wait became the 60 s cap), and RFC 850's
    // form was not read at all (the backoff applied instead).
    const tz = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const now = Date.parse("Wed, 21 Oct 2015 07:27:55 GMT");
      expect(parseRetryAfter("Wed Oct 21 07:28:00 2015", now)).toBe(5_000);
      expect(parseRetryAfter("Sun Nov  6 08:49:37 1994", Date.parse("Sun, 06 Nov 1994 08:49:36 GMT"))).toBe(1_000);
      expect(parseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now)).toBe(5_000);
      // A two-digit year more than 50 years ahead is the most recent past year with those digits.
      expect(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", Date.parse("Sun, 06 Nov 1994 08:49:36 GMT"))).toBe(1_000);
      // The timestamp, not its year, decides: 50 years and 29 days ahead is 1976, 50 years exactly is 2076.
      const nov2026 = Date.parse("Sun, 01 Nov 2026 00:00:00 GMT");
      expect(parseRetryAfter("Monday, 30-Nov-76 08:49:37 GMT", nov2026)).toBe(0);
      expect(parseRetryAfter("Sunday, 01-Nov-76 00:00:00 GMT", nov2026)).toBe(Date.parse("Sun, 01 Nov 2076 00:00:00 GMT") - nov2026);
      expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(5_000);
      for (const bad of ["Sat Feb 30 07:28:00 2015", "Wed Oct 21 25:28:00 2015", "Monday, 30-Feb-15 07:28:00 GMT"]) expect(parseRetryAfter(bad, now)).toBeUndefined();
      // The preferred form (IMF-fixdate) is read as strictly: a day the month does not have (Date.parse
      // rolled 31 Nov over to 1 Dec) and a date without its GMT (Date.parse read it in local time) are
      // no HTTP date.
      for (const bad of ["Tue, 31 Nov 2015 07:28:00 GMT", "Wed, 21 Oct 2015 07:28:00", "Wed, 21 Oct 2015 07:28:00 +0200", "Wed, 21 Oct 2015 24:00:00 GMT"]) {
        expect(parseRetryAfter(bad, now), bad).toBeUndefined();
      }
      expect(parseRetryAfter("Thu, 29 Feb 2024 00:00:00 GMT", Date.parse("Thu, 29 Feb 2024 00:00:00 GMT") - 2_000)).toBe(2_000);
      expect(parseRetryAfter("Wed, 29 Feb 2023 00:00:00 GMT", now)).toBeUndefined();
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe("the CLI's --retries", () => {
  async function cli(argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = "";
    const code = await runCli(argv, { env: { PUFFLE_API_KEY: "k" }, io: { stdout: () => {}, stderr: (t) => void (stderr += t) } });
    return { code, stderr };
  }

  it("--retries 0 sends once, --retries 1 twice; the exit code stays 3 for an API error", async () => {
    const s = await serve(reply(503, ""));
    const args = ["thread", "update", "--base-url", s.url, "--id", THREAD_ID, "--status", "archived"];
    expect((await cli([...args, "--retries", "0"])).code).toBe(EXIT.api);
    expect(s.requests).toHaveLength(1);
    expect((await cli([...args, "--retries", "1"])).code).toBe(EXIT.api);
    expect(s.requests).toHaveLength(3);
  });

  it("a retried 503 then 200 exits 0", async () => {
    const s = await serve(sequence(reply(503, ""), OK));
    expect((await cli(["thread", "update", "--base-url", s.url, "--id", THREAD_ID, "--status", "archived", "--retries", "1"])).code).toBe(EXIT.ok);
    expect(s.requests).toHaveLength(2);
  });

  it("a bad --retries is a usage error", async () => {
    for (const bad of ["-1", "x", "21"]) {
      const run = await cli(["thread", "update", "--id", THREAD_ID, "--status", "archived", "--retries", bad]);
      expect(run.code).toBe(EXIT.usage);
      expect(run.stderr).toContain("--retries must be an integer from 0");
    }
  });
});
