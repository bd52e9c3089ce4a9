// A body that stalls after its headers, from a transport that ignores its signal (a wrapper that
// builds its own RequestInit, a library without AbortSignal support): the call's race fails it at
// its deadline or at the caller's abort (docs/client.md, "Timeouts and cancellation"), but the
// client's read of the body stayed pending for ever, holding the stream (and, over a network, its
// connection) as long as the server kept it open. The read is now cancelled when the call's signal
// aborts. Each row answers with a body that sends its first bytes and then nothing, lets the deadline
// pass or aborts the caller's signal once the client waits for more, and checks the error, that the
// stream was cancelled with the signal's reason, and that no listener is left on the caller's signal.
import { getEventListeners } from "node:events";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPuffleClient, PuffleAbortError, PuffleTimeoutError } from "../../src/index.js";
import type { PuffleClient, PuffleClientOptions } from "../../src/index.js";
import { rejection } from "../helpers.js";
import { warningsOfEachTest } from "./process-warnings.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const BASE = "http://127.0.0.1:9";
const URL_SHOWN = `${BASE}/api/threads/${THREAD_ID}`;
const encoder = new TextEncoder();

const warnings = warningsOfEachTest();

/**
 * A fetch that ignores its signal and answers 200 with a body that sends `{"thread":` and then
 * nothing, never ending and never erroring; `before` answers the first calls (a 503 to retry).
 */
function stallingFetch(headers: Record<string, string> = {}, before: Response[] = []) {
  const body = { reached: false, cancelled: false, reason: undefined as unknown };
  let waiting: () => void = () => {};
  /** Resolves once the client has read the first bytes and waits for more. */
  const stalled = new Promise<void>((resolve) => (waiting = resolve));
  const fetch = async (_input: string | Request, _init?: RequestInit): Promise<Response> => {
    const early = before.shift();
    if (early !== undefined) return early;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"thread":'));
      },
      pull() {
        body.reached = true;
        waiting();
        return new Promise<void>(() => {}); // never more
      },
      cancel(reason) {
        body.cancelled = true;
        body.reason = reason;
      },
    });
    return new Response(stream, { status: 200, headers: { "content-type": "application/json", ...headers } });
  };
  return { fetch, stalled, body };
}

/** A few turns of the event loop: long enough for a cancel the client makes at once. */
const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

type Run = (client: PuffleClient, signal: AbortSignal) => Promise<unknown>;
const method = (callOptions: { timeoutMs?: number; signal?: boolean }): Run => (client, signal) =>
  client.updateThread(THREAD_ID, { status: "archived" }, { ...(callOptions.timeoutMs !== undefined ? { timeoutMs: callOptions.timeoutMs } : {}), ...(callOptions.signal ? { signal } : {}) });
const raw = (withSignal: boolean): Run => (client, signal) =>
  client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, ...(withSignal ? { signal } : {}) });

interface Row {
  options: PuffleClientOptions & { middleware?: boolean };
  run: Run;
  /** Abort the caller's signal once the body stalls (else the deadline passes). */
  abort: boolean;
  headers?: Record<string, string>;
  /** Answers before the stalling one (retried). */
  before?: () => Response[];
  attempts?: number;
}

// Deadlines of 100 ms: the body is reached at once (an injected fetch), long before.
const rows: [string, Row][] = [
  ["the methods, the client's timeoutMs passes", { options: { timeoutMs: 100 }, run: method({}), abort: false }],
  ["the methods, a per-call timeoutMs passes", { options: { timeoutMs: 0 }, run: method({ timeoutMs: 100 }), abort: false }],
  ["the methods, the caller aborts (timeoutMs: 0)", { options: { timeoutMs: 0 }, run: method({ signal: true }), abort: true }],
  ["the methods, the caller aborts (the default timeoutMs)", { options: {}, run: method({ signal: true }), abort: true }],
  ["the methods, a Content-Length within maxResponseBytes", { options: { timeoutMs: 100 }, run: method({}), abort: false, headers: { "content-length": "100" } }],
  ["the methods, counted chunk by chunk under a small maxResponseBytes", { options: { timeoutMs: 100, maxResponseBytes: 1024 }, run: method({}), abort: false }],
  ["the methods, the second attempt's body (after a 503)", { options: { timeoutMs: 100, maxRetries: 1, retry: { random: () => 0, sleep: async () => {} } }, run: method({}), abort: false, before: () => [new Response("busy", { status: 503 })], attempts: 2 }],
  ["the methods with a middleware (through openapi-fetch), the deadline passes", { options: { timeoutMs: 100, middleware: true }, run: method({}), abort: false }],
  ["the methods with a middleware, the caller aborts (timeoutMs: 0)", { options: { timeoutMs: 0, middleware: true }, run: method({ signal: true }), abort: true }],
  ["the raw PATCH, the client's timeoutMs passes", { options: { timeoutMs: 100 }, run: raw(false), abort: false }],
  ["the raw PATCH, the caller aborts (timeoutMs: 0)", { options: { timeoutMs: 0 }, run: raw(true), abort: true }],
  ["the raw PATCH, a Content-Length within maxResponseBytes", { options: { timeoutMs: 100 }, run: raw(false), abort: false, headers: { "content-length": "100" } }],
];

describe("a body that stalls after its headers, from a fetch that ignores its signal", () => {
  it.each(rows)("%s: the call fails and the stream is cancelled", async (_name, row) => {
    const transport = stallingFetch(row.headers, row.before?.());
    const { middleware, ...options } = row.options;
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch: transport.fetch, maxRetries: 0, ...options });
    if (middleware) client.use({ onRequest: () => undefined });
    const controller = new AbortController();
    const reason = new Error("shutting down");
    const call = row.run(client, controller.signal);
    if (row.abort) {
      await transport.stalled;
      controller.abort(reason);
    }
    const error = await rejection(call);
    const attempts = row.attempts ?? 1;
    const suffix = attempts > 1 ? ` (after ${attempts} attempts)` : "";
    if (row.abort) {
      expect(error).toBeInstanceOf(PuffleAbortError);
      expect((error as PuffleAbortError).message).toBe(`updateThread: request to ${URL_SHOWN} was aborted: shutting down${suffix}`);
      expect((error as PuffleAbortError).cause).toBe(reason);
    } else {
      expect(error).toBeInstanceOf(PuffleTimeoutError);
      expect((error as PuffleTimeoutError).message).toBe(`updateThread: no response from ${URL_SHOWN} within 100 ms${suffix}`);
    }
    expect((error as PuffleAbortError | PuffleTimeoutError).attempts).toBe(attempts);
    await turns();
    expect(transport.body.reached).toBe(true);
    expect(transport.body.cancelled).toBe(true);
    if (row.abort) expect(transport.body.reason).toBe(reason);
    else expect((transport.body.reason as DOMException).name).toBe("TimeoutError");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

// The hook that cancels a stalled read is one per read, on the call's signal, through the client's
// shared listener: 30 calls reading bodies that come in several chunks, at once, sharing a caller's
// signal or the signal of the batch under the client's timeoutMs, put one listener on it at most,
// leave none once read, and read every body whole.
describe("bodies read in several chunks leave no listener behind", () => {
  const CALLS = 30;
  const THREAD = JSON.stringify({ thread: { id: THREAD_ID, status: "archived" } });
  const chunked = (seen: AbortSignal[]) => async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? (input as Request).signal;
    if (signal) seen.push(signal);
    const parts = [THREAD.slice(0, 5), THREAD.slice(5, 20), THREAD.slice(20)];
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve));
        const part = parts.shift();
        if (part === undefined) controller.close();
        else controller.enqueue(encoder.encode(part));
      },
    });
    return new Response(stream, { status: 200, headers: { "content-type": "application/json" } });
  };

  const record = (value: unknown) => value;
  const rawData = (value: unknown) => (value as { data?: unknown }).data;
  it.each([
    ["the methods under the client's timeoutMs (one batch signal)", method({}), record, JSON.parse(THREAD).thread],
    ["the methods sharing the caller's signal", method({ signal: true }), record, JSON.parse(THREAD).thread],
    ["the raw PATCH sharing the caller's signal", raw(true), rawData, JSON.parse(THREAD)],
  ] as const)("%s", async (_name, run, read, expected) => {
    const seen: AbortSignal[] = [];
    const client = createPuffleClient({ baseUrl: BASE, apiKey: "k", fetch: chunked(seen) });
    const shared = new AbortController().signal;
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => run(client, shared)));
    await turns();
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    for (const r of results) expect(read((r as PromiseFulfilledResult<unknown>).value)).toEqual(expected);
    expect(seen).toHaveLength(CALLS);
    for (const signal of new Set(seen)) expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(getEventListeners(shared, "abort")).toHaveLength(0);
    expect(warnings()).toEqual([]);
  });
});

// Over a network: undici holds the connection of a body nobody reads or cancels. A transport that
// drops the signal (built on the global fetch), a server that sends the headers and the first bytes
// and then nothing: once the call has failed, the connection is closed.
describe("a stalled body over a connection (127.0.0.1)", () => {
  let server: Server;
  let base = "";
  let closed: Promise<void> = Promise.resolve();
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      closed = new Promise((resolve) => res.socket?.once("close", () => resolve()));
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"thread":');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // Each drops the signal it is given, as a wrapper building its own RequestInit does.
  const withoutSignal = async (input: string | Request, init?: RequestInit): Promise<Response> => {
    if (typeof input === "string") return globalThis.fetch(input, { ...init, signal: null });
    return globalThis.fetch(input.url, { method: input.method, headers: input.headers, body: await input.text(), redirect: "manual" });
  };

  it.each([
    ["the methods", method({})],
    ["the raw PATCH", raw(false)],
  ] as const)("%s: PuffleTimeoutError, and the connection is closed", { timeout: 10_000 }, async (_name, run) => {
    const client = createPuffleClient({ baseUrl: base, apiKey: "k", fetch: withoutSignal, timeoutMs: 200, maxRetries: 0 });
    const error = await rejection(run(client, new AbortController().signal));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    // Without the cancel, the server's socket stays open as long as the server keeps it (here: until afterAll).
    await closed;
  });
});
