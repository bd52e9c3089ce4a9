// A long-running service shares one AbortSignal (its shutdown signal) across every call, and makes
// many calls at once. The client listens to that signal for each call in flight: many calls at once
// must not put a listener each on it (Node warns past 10: MaxListenersExceededWarning, "possible
// memory leak"), nor on the signal a batch of calls under the client's own timeoutMs shares while they
// wait between attempts. Each row runs 30 calls at once through an injected fetch that holds them
// until all 30 have arrived; no warning is emitted, no listener is left on the signal afterwards, and
// aborting the shared signal still aborts every call in flight.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { createPuffleClient, PuffleAbortError } from "../../src/index.js";
import { warningsOfEachTest } from "./process-warnings.js";
import type { PuffleClient, PuffleClientOptions } from "../../src/index.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CALLS = 30;

const warnings = warningsOfEachTest();

/** Warnings are emitted on the next tick: let them arrive. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** A fetch that holds every request until `CALLS` are in flight, then answers each with `answer(n)` (n: 1, 2, … per call of it). */
function gatedFetch(answer: (n: number) => Response) {
  let n = 0;
  let arrived = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return async (_input: string | Request, _init?: RequestInit): Promise<Response> => {
    n += 1;
    const mine = n;
    if (++arrived === CALLS) open();
    await gate;
    return answer(mine);
  };
}

const ok = () => new Response(JSON.stringify({ thread: { id: THREAD_ID, status: "archived" } }), { status: 200, headers: { "content-type": "application/json" } });

type Row = readonly [name: string, options: PuffleClientOptions & { middleware?: boolean }, run: (client: PuffleClient, signal: AbortSignal) => Promise<unknown>, answer: (n: number) => Response];

const update = (client: PuffleClient, signal: AbortSignal) => client.updateThread(THREAD_ID, { status: "archived" }, { signal });
const rows: Row[] = [
  ["the methods, sharing the caller's signal", {}, update, ok],
  ["the methods with a middleware (through openapi-fetch), sharing the caller's signal", { middleware: true }, update, ok],
  // openapi-fetch builds a Request with the signal it is given, and undici's Request keeps a listener
  // on that signal until the Request is collected: the raw methods pass it one of the call's own.
  ["the raw PATCH, sharing the caller's signal", {}, (client, signal) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal }), ok],
  ["the raw PATCH of client.raw, sharing the caller's signal", {}, (client, signal) => client.raw.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal }), ok],
  ["raw request(\"patch\", …), sharing the caller's signal", {}, (client, signal) => client.request("patch", "/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal }), ok],
  ["the raw PATCH with a middleware, sharing the caller's signal", { middleware: true }, (client, signal) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal }), ok],
  [
    "the methods under the client's timeoutMs (one batch signal), each waiting between attempts with the default sleep",
    // 1 ms waits (2 × 0.99, floored): real ones, through the default sleep, which listens to the batch's signal.
    { retry: { baseDelayMs: 2, maxDelayMs: 2, random: () => 0.99 } },
    (client) => client.updateThread(THREAD_ID, { status: "archived" }),
    (n) => (n <= CALLS ? new Response("busy", { status: 503 }) : ok()),
  ],
];

describe(`${CALLS} calls at once`, () => {
  it.each(rows)("%s: no MaxListenersExceededWarning, no listener left", async (_name, { middleware, ...options }, run, answer) => {
    const fetch = gatedFetch(answer);
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, ...options });
    if (middleware) client.use({ onRequest: () => undefined });
    const shared = new AbortController().signal;
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => run(client, shared)));
    await settled();
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(warnings()).toEqual([]);
    expect(getEventListeners(shared, "abort")).toHaveLength(0);
  });

  it("aborting the shared signal aborts every call in flight, and leaves no listener on it", async () => {
    const controller = new AbortController();
    let arrived = 0;
    let allIn: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => (allIn = resolve));
    // Honours its signal, as fetch does.
    const fetch = (_input: string | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        if (++arrived === CALLS) allIn();
      });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    const calls = Array.from({ length: CALLS }, () => client.updateThread(THREAD_ID, { status: "archived" }, { signal: controller.signal }));
    await allArrived;
    controller.abort(new Error("shutting down"));
    const results = await Promise.allSettled(calls);
    await settled();
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(PuffleAbortError);
    }
    expect(warnings()).toEqual([]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

// The raw methods pass openapi-fetch a signal of the call's own that follows the caller's: aborting
// still aborts them with the caller's reason, and the call's listener goes when the call settles,
// however it settles (a middleware that throws before anything is sent included).
describe("the raw methods' own signal", () => {
  const patch = (client: PuffleClient, signal: AbortSignal) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal });
  // Honours its signal, as fetch does; `seen` gets each request.
  const hangingFetch = (seen: Request[]) => (input: string | Request) =>
    new Promise<Response>((_resolve, reject) => {
      const request = input as Request;
      seen.push(request);
      request.signal.addEventListener("abort", () => reject(request.signal.reason));
    });

  it.each([
    ["in flight", false],
    ["before the call", true],
  ] as const)("a caller's abort %s rejects with PuffleAbortError carrying its reason", async (_name, before) => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    if (before) controller.abort(reason);
    const seen: Request[] = [];
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: hangingFetch(seen) });
    const call = patch(client, controller.signal);
    if (!before) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen).toHaveLength(1);
      expect(seen[0]?.signal).not.toBe(controller.signal);
      controller.abort(reason);
    }
    const error = await call.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect((error as PuffleAbortError).cause).toBe(reason);
    expect((error as PuffleAbortError).attempts).toBe(before ? 0 : 1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("a middleware that throws before anything is sent leaves no listener on the caller's signal", async () => {
    const seen: Request[] = [];
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: hangingFetch(seen) });
    client.use({
      onRequest: () => {
        throw new Error("refused by a middleware");
      },
    });
    const shared = new AbortController().signal;
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => patch(client, shared)));
    await settled();
    expect(results.map((r) => (r.status === "rejected" ? String((r.reason as Error).message) : "fulfilled"))).toEqual(Array(CALLS).fill("refused by a middleware"));
    expect(seen).toEqual([]);
    expect(warnings()).toEqual([]);
    expect(getEventListeners(shared, "abort")).toHaveLength(0);
  });

  // A polyfill's signal (abort-controller's) or another realm's (jsdom's): an AbortSignal by what it
  // does, not `instanceof AbortSignal`. Request takes it, and kept a listener on it per raw call.
  class PolyfillSignal extends EventTarget {
    aborted = false;
    reason: unknown = undefined;
    abort(reason: unknown): void {
      this.aborted = true;
      this.reason = reason;
      this.dispatchEvent(new Event("abort"));
    }
  }

  it("a polyfill's signal shared by raw calls: no listener left on it, and aborting it aborts the call with its reason", async () => {
    const shared = new PolyfillSignal();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: gatedFetch(ok) });
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => patch(client, shared as unknown as AbortSignal)));
    await settled();
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(getEventListeners(shared, "abort")).toHaveLength(0);

    const seen: Request[] = [];
    const hanging = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: hangingFetch(seen) });
    const call = patch(hanging, shared as unknown as AbortSignal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(1);
    const reason = new Error("shutting down");
    shared.abort(reason);
    const error = await call.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect((error as PuffleAbortError).cause).toBe(reason);
    expect(getEventListeners(shared, "abort")).toHaveLength(0);
  });

  it("a signal that is not an AbortSignal is refused as before, by openapi-fetch's Request", async () => {
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: hangingFetch([]) });
    const call = client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal: {} as AbortSignal });
    await expect(call).rejects.toThrow(TypeError);
  });
});

// One client, many different calls at once: nothing of one call reaches another. Each call's
// request is held by the transport until the test answers it, in an order of the test's choosing.
describe("one client, calls at once", () => {
  it("one call's abort, retry and answer are its own: the others' signals stay unaborted and each gets its own record", async () => {
    type Held = { subject: string; signal: AbortSignal | null | undefined; answer: (response: Response) => void; fail: (error: unknown) => void };
    const held: Held[] = [];
    let arrived: () => void = () => {};
    const fetch = (input: string | Request, init?: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        const request = new Request(input, init);
        const signal = input instanceof Request ? input.signal : init?.signal;
        void request.json().then((body: { draft_subject: string }) => {
          signal?.addEventListener("abort", () => reject(signal.reason));
          held.push({ subject: body.draft_subject, signal, answer: resolve, fail: reject });
          arrived();
        });
      });
    const until = async (n: number) => {
      while (held.length < n) await new Promise<void>((resolve) => (arrived = resolve));
    };
    const record = (subject: string) => new Response(JSON.stringify({ thread: { id: THREAD_ID, draft_subject: subject } }), { status: 200, headers: { "content-type": "application/json" } });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, retry: { sleep: async () => {} } });
    const mine = new AbortController();
    const body = (subject: string) => ({ draft_subject: subject });
    const calls = {
      aborted: client.updateThread(THREAD_ID, body("aborted"), { signal: mine.signal }),
      ownTimeout: client.updateThread(THREAD_ID, body("ownTimeout"), { timeoutMs: 60_000 }),
      batchA: client.updateThread(THREAD_ID, body("batchA")),
      batchB: client.updateThread(THREAD_ID, body("batchB")),
      retried: client.updateThread(THREAD_ID, body("retried")),
      raw: client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: body("raw") }).then(({ data }) => data?.thread),
    };
    const settledCalls = Promise.allSettled(Object.values(calls));
    await until(6);
    mine.abort(new Error("only this call"));
    for (const h of held) if (h.subject !== "aborted") expect(h.signal?.aborted ?? false, h.subject).toBe(false);
    held.find((h) => h.subject === "retried")!.answer(new Response("busy", { status: 503 }));
    await until(7);
    // Answered in reverse order of arrival, the retry's second attempt first.
    for (const h of [...held].reverse()) if (h.subject !== "aborted" && !h.signal?.aborted) h.answer(record(h.subject));
    const results = await settledCalls;
    const names = Object.keys(calls);
    const aborted = results[names.indexOf("aborted")] as PromiseRejectedResult;
    expect(aborted.reason).toBeInstanceOf(PuffleAbortError);
    expect((aborted.reason as PuffleAbortError).cause).toEqual(new Error("only this call"));
    for (const name of names.filter((n) => n !== "aborted")) {
      const result = results[names.indexOf(name)]!;
      expect(result.status, name).toBe("fulfilled");
      expect((result as PromiseFulfilledResult<{ draft_subject?: unknown }>).value.draft_subject, name).toBe(name);
    }
    expect(held.filter((h) => h.subject === "retried")).toHaveLength(2);
    expect(warnings()).toEqual([]);
  });
});
