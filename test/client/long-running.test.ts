// A long-running service: one client (or a client per tenant, made and dropped) making many calls
// for days, with one shutdown signal passed to all of them. Counts only, no timings: the "abort"
// listeners on that signal, the timers left once a call has settled (fake timers count unref'd ones
// too, which process.getActiveResourcesInfo() does not list), and what stays reachable after
// global gc (through v8.setFlagsFromString, as --expose-gc would).
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createPuffleClient } from "../../src/index.js";
import type { PuffleClient, PuffleClientOptions, PuffleRequestOptions } from "../../src/index.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const body = { status: "archived" } as const;

const ok = () => new Response(JSON.stringify({ thread: { id: THREAD_ID, status: "archived" } }), { status: 200, headers: { "content-type": "application/json" } });

/** Runs `n` calls, `parallel` at a time; the number of each outcome (`ok` or the error's name). */
async function calls(n: number, parallel: number, run: () => Promise<unknown>): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  for (let i = 0; i < n; i += parallel) {
    const results = await Promise.allSettled(Array.from({ length: Math.min(parallel, n - i) }, run));
    for (const r of results) {
      const key = r.status === "fulfilled" ? "ok" : String((r.reason as Error).name);
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  }
  return outcomes;
}

describe("one shutdown signal passed to 10,000 calls", () => {
  // Each row: the client's options, a middleware or not, the call, how many, what they end with.
  // `watch` is called by the fetch on every attempt (and by the sleep between attempts): the most
  // listeners the signal held while calls were in flight.
  type Row = [name: string, options: (watch: () => void) => PuffleClientOptions, middleware: boolean, run: (client: PuffleClient, signal: AbortSignal) => Promise<unknown>, n: number, outcome: string];
  const method = (callOptions: PuffleRequestOptions = {}) => (client: PuffleClient, signal: AbortSignal) => client.updateThread(THREAD_ID, body, { signal, ...callOptions });
  const rawPatch = (client: PuffleClient, signal: AbortSignal) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body, signal });
  const failing = (watch: () => void) => async (): Promise<Response> => {
    watch();
    throw new TypeError("fetch failed");
  };
  // Honours its signal, as fetch does, and never answers.
  const hanging = (watch: () => void) => (input: string | Request, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      watch();
      const signal = init?.signal ?? (input as Request).signal;
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  // Retries wait through the sleep hook (it sees the call's signal): counted, resolved at once.
  const retry = (watch: () => void) => ({ baseDelayMs: 4, random: () => 0.5, sleep: async () => watch() });
  const rows: Row[] = [
    ["the methods, answered", (watch) => ({ fetch: async () => (watch(), ok()) }), false, method(), 10_000, "ok"],
    ["the methods, every attempt failing, retries exhausted", (watch) => ({ fetch: failing(watch), retry: retry(watch) }), false, method(), 10_000, "PuffleNetworkError"],
    ["the methods, every attempt a 503, retries exhausted", (watch) => ({ fetch: async () => (watch(), new Response("busy", { status: 503 })), retry: retry(watch) }), false, method(), 10_000, "PuffleApiError"],
    ["the methods, timing out (timeoutMs: 1)", (watch) => ({ fetch: hanging(watch) }), false, method({ timeoutMs: 1 }), 1_000, "PuffleTimeoutError"],
    ["the methods with a middleware, failing", (watch) => ({ fetch: failing(watch), retry: retry(watch) }), true, method(), 10_000, "PuffleNetworkError"],
    ["the raw PATCH, answered", (watch) => ({ fetch: async () => (watch(), ok()) }), false, rawPatch, 10_000, "ok"],
    ["the raw PATCH, failing", (watch) => ({ fetch: failing(watch), retry: retry(watch) }), false, rawPatch, 10_000, "PuffleNetworkError"],
    ["the raw PATCH, timing out (timeoutMs: 1)", (watch) => ({ fetch: hanging(watch), timeoutMs: 1 }), false, rawPatch, 1_000, "PuffleTimeoutError"],
  ];

  it.each(rows)("%s: at most one listener on it at any time, none afterwards", async (_name, options, middleware, run, n, outcome) => {
    const shared = new AbortController().signal;
    let most = 0;
    const watch = () => void (most = Math.max(most, getEventListeners(shared, "abort").length));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", ...options(watch) });
    if (middleware) client.use({ onRequest: () => undefined });
    expect(await calls(n, 50, () => run(client, shared))).toEqual({ [outcome]: n });
    expect(most).toBe(1);
    expect(getEventListeners(shared, "abort")).toHaveLength(0);
  });

  it("aborted while 50 calls wait between attempts (the default sleep): every call ends, no listener is left", async () => {
    const controller = new AbortController();
    let attempts = 0;
    let allWaiting: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (allWaiting = resolve));
    const client = createPuffleClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: "k",
      // Each call's first attempt fails; its retry waits 30 s (the default sleep, a real timer).
      fetch: async () => {
        if (++attempts === 50) setImmediate(allWaiting);
        throw new TypeError("fetch failed");
      },
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 0.5 },
      timeoutMs: 0,
    });
    const pending = Array.from({ length: 50 }, () => client.updateThread(THREAD_ID, body, { signal: controller.signal }));
    await waiting;
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort(new Error("shutting down"));
    const results = await Promise.allSettled(pending);
    expect(results.map((r) => (r.status === "rejected" ? (r.reason as Error).name : "ok"))).toEqual(Array(50).fill("PuffleAbortError"));
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

// A call's deadline under the client's own timeoutMs sits in the client's queue, under one timer
// for all its calls. That timer was left armed (unref'd) when the last call finished: it fired
// timeoutMs later (30 s; up to 24 days), holding the queue and its batch's AbortController until
// then, for every client made and dropped (a client per tenant's apiKey: ~1.2 KB each).
describe("timers left once a call has settled", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  type Row = [name: string, options: PuffleClientOptions, callOptions: () => PuffleRequestOptions, fetch: (input: string | Request, init?: RequestInit) => Promise<Response>];
  const hanging = (input: string | Request, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal ?? (input as Request).signal;
      signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
    });
  const aborted = new AbortController();
  aborted.abort(new Error("stop"));
  const rows: Row[] = [
    ["answered, the client's timeoutMs", {}, () => ({}), async () => ok()],
    ["a 404, the client's timeoutMs", {}, () => ({}), async () => new Response("", { status: 404 })],
    ["failing, retries exhausted (the default sleep), the client's timeoutMs", { retry: { random: () => 0.5 } }, () => ({}), async () => Promise.reject(new TypeError("fetch failed"))],
    ["timed out, the client's timeoutMs", { timeoutMs: 5_000 }, () => ({}), hanging],
    ["answered, a per-call timeoutMs", {}, () => ({ timeoutMs: 5_000 }), async () => ok()],
    [
      "aborted in flight, with a signal",
      {},
      () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(new Error("stop")), 1_000);
        return { signal: controller.signal };
      },
      hanging,
    ],
    ["aborted before, with a signal", {}, () => ({ signal: aborted.signal }), async () => ok()],
  ];

  /** Moves time in 100 ms steps until `call` settles (a sleep, a deadline, an abort), never past it; then counts the timers left. */
  async function timersLeftAfter(call: Promise<unknown>): Promise<number> {
    let settled = false;
    call.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let i = 0; i < 200 && !settled; i++) await vi.advanceTimersByTimeAsync(100);
    expect(settled).toBe(true);
    return vi.getTimerCount();
  }

  it.each(rows)("%s: none", async (_name, options, callOptions, fetch) => {
    vi.useFakeTimers();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, ...options });
    expect(await timersLeftAfter(client.updateThread(THREAD_ID, body, callOptions()))).toBe(0);
  });

  it.each([
    ["the raw PATCH", false],
    ["the methods with a middleware (through openapi-fetch)", true],
  ] as const)("%s: none, answered, failing with retries or timed out", async (_name, middleware) => {
    vi.useFakeTimers();
    const fetches = [async () => ok(), async () => Promise.reject(new TypeError("fetch failed")), hanging];
    for (const fetch of fetches) {
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, timeoutMs: 5_000, retry: { random: () => 0.5 } });
      if (middleware) client.use({ onRequest: () => undefined });
      const call = middleware ? client.updateThread(THREAD_ID, body) : client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body });
      expect(await timersLeftAfter(call)).toBe(0);
    }
  });

  // The queue's timer fires, times a batch out and aborts its signal; a listener of the caller's on
  // that signal (a fetch wrapper's fallback) starting a call at once armed the timer for it, and the
  // firing timer armed another on top of it for the same call: one was never cleared, firing
  // timeoutMs later (and keeping the process alive until then), and the queue lost track of it.
  it("a call started from a timed-out batch's abort listener, inside the firing timer: none once it is answered", async () => {
    vi.useFakeTimers();
    let started = 0;
    const fallbacks: Promise<unknown>[] = [];
    const client: PuffleClient = createPuffleClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: "k",
      timeoutMs: 5_000,
      maxRetries: 0,
      fetch: async (_input: string | Request, init?: RequestInit) => {
        started += 1;
        if (started > 1) return ok();
        const signal = init?.signal as AbortSignal;
        signal.addEventListener("abort", () => void fallbacks.push(client.updateThread(THREAD_ID, body)), { once: true });
        return new Promise<Response>((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
      },
    });
    await timersLeftAfter(client.updateThread(THREAD_ID, body));
    expect(fallbacks).toHaveLength(1);
    await expect(fallbacks[0]).resolves.toEqual({ id: THREAD_ID, status: "archived" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("1,000 clients made for one call each and dropped: their deadline queues are collected", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // The signal each call was given: its batch's, held by the client's queue.
    const signals: WeakRef<AbortSignal>[] = [];
    const fetch = async (_input: string | Request, init?: RequestInit) => {
      if (init?.signal) signals.push(new WeakRef(init.signal));
      return ok();
    };
    for (let i = 0; i < 1_000; i++) {
      await createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch }).updateThread(THREAD_ID, body);
    }
    expect(signals).toHaveLength(1_000);
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    // The last client's may still be on the stack.
    expect(signals.filter((s) => s.deref() !== undefined).length).toBeLessThanOrEqual(1);
  });
});

describe("errors kept by the caller", () => {
  it("a PuffleApiError holds neither the response nor its body", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const responses: WeakRef<Response>[] = [];
    const fetch = async () => {
      const response = new Response(new Uint8Array(64 * 1024), { status: 500 });
      responses.push(new WeakRef(response));
      return response;
    };
    const kept: unknown[] = [];
    for (const middleware of [false, true]) {
      const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxRetries: 0 });
      if (middleware) client.use({ onRequest: () => undefined });
      for (let i = 0; i < 100; i++) kept.push(await client.updateThread(THREAD_ID, body).catch((e: unknown) => e));
    }
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(kept.map((e) => (e as Error).name)).toEqual(Array(200).fill("PuffleApiError"));
    expect(responses).toHaveLength(200);
    expect(responses.filter((r) => r.deref() !== undefined).length).toBeLessThanOrEqual(1);
  });
});

// A middleware registered and ejected per call (a request-scoped logger), or registered twice: the
// methods go through openapi-fetch, and so through the middlewares, exactly while openapi-fetch
// holds one. It keeps one entry per `use` and `eject` removes one; the client's own record of them
// was a Set, so after use(m), use(m), eject(m) the methods called fetch directly, skipping m, which
// openapi-fetch still held and ran for `PATCH`.
describe("middlewares registered and ejected per call", () => {
  it("10,000 calls each with a use/eject of its own: each call ran its middleware, none is left", async () => {
    const seen: number[] = [];
    const fetch = vi.fn(async (_input: string | Request, _init?: RequestInit) => ok());
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    for (let i = 0; i < 10_000; i++) {
      const mine = { onRequest: () => void seen.push(i) };
      client.use(mine);
      try {
        await client.updateThread(THREAD_ID, body);
      } finally {
        client.eject(mine);
      }
    }
    expect(seen).toHaveLength(10_000);
    expect(seen.every((n, i) => n === i)).toBe(true);
    // None left: the methods call fetch(url, init) directly again.
    await client.updateThread(THREAD_ID, body);
    expect(seen).toHaveLength(10_000);
    expect(typeof fetch.mock.calls.at(-1)?.[0]).toBe("string");
  });

  it.each([
    ["use(m) twice, eject(m) once", (client: PuffleClient, m: { onRequest: () => void }) => (client.use(m), client.use(m), client.eject(m)), 1],
    ["use(m, m), eject(m) once", (client: PuffleClient, m: { onRequest: () => void }) => (client.use(m, m), client.eject(m)), 1],
    ["use(m) twice, eject(m, m)", (client: PuffleClient, m: { onRequest: () => void }) => (client.use(m), client.use(m), client.eject(m, m)), 0],
  ] as const)("%s: the methods run m as often as PATCH does", async (_name, register, times) => {
    let runs = 0;
    const m = { onRequest: () => void runs++ };
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: async () => ok() });
    register(client, m);
    await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body });
    expect(runs).toBe(times);
    await client.updateThread(THREAD_ID, body);
    expect(runs).toBe(2 * times);
  });

  it("a middleware openapi-fetch refuses is not counted: the methods still call fetch directly", async () => {
    const fetch = vi.fn(async (_input: string | Request, _init?: RequestInit) => ok());
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
    expect(() => client.use({} as never)).toThrow(/Middleware must be an object/);
    client.use(undefined as never);
    await client.updateThread(THREAD_ID, body);
    expect(typeof fetch.mock.calls[0]?.[0]).toBe("string");
  });
});

// `retry.sleep` is given a signal to end the wait early. A sleep that adds an "abort" listener and
// does not remove it when its timer fires (as in `new Promise((r) => { setTimeout(r, ms);
// signal.addEventListener("abort", r) })`) left that listener on the signal it was given: under the
// client's timeoutMs, the one signal up to 256 calls of a batch share (Node warned past 10 at once:
// MaxListenersExceededWarning), and a call's own signal across its retries (up to 20). Each wait now
// gets a signal of its own, which follows the call's; the default sleep removes its own listener.
describe("a retry.sleep that leaves its listener on the signal it is given", () => {
  const leaky = (waits: AbortSignal[]) => (ms: number, signal: AbortSignal | undefined) =>
    new Promise<void>((resolve) => {
      if (signal) waits.push(signal);
      setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => resolve());
    });

  it.each([
    ["50 calls at once under the client's timeoutMs (one batch)", {}, 50, 2],
    ["one call with a signal, 20 retries", { signal: new AbortController().signal, maxRetries: 20 }, 1, 20],
    ["one raw PATCH, 20 retries", { raw: true, maxRetries: 20 }, 1, 20],
  ] as const)("%s: no signal of the call's holds more than one of its listeners", async (_name, how, n, retries) => {
    const waits: AbortSignal[] = [];
    const given: AbortSignal[] = [];
    const client = createPuffleClient({
      baseUrl: "http://127.0.0.1:9",
      apiKey: "k",
      fetch: async (input: string | Request, init?: RequestInit) => {
        const signal = init?.signal ?? (typeof input === "string" ? undefined : input.signal);
        if (signal) given.push(signal);
        throw new TypeError("fetch failed");
      },
      maxRetries: "maxRetries" in how ? how.maxRetries : 2,
      retry: { baseDelayMs: 2, maxDelayMs: 2, random: () => 0.99, sleep: leaky(waits) },
    });
    const run = () =>
      "raw" in how
        ? client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body })
        : client.updateThread(THREAD_ID, body, "signal" in how ? { signal: how.signal } : {});
    const results = await Promise.allSettled(Array.from({ length: n }, run));
    expect(results.map((r) => (r.status === "rejected" ? (r.reason as Error).name : "ok"))).toEqual(Array(n).fill("PuffleNetworkError"));
    // Each wait was given a signal of its own, none an attempt carried.
    expect(waits).toHaveLength(n * retries);
    expect(new Set(waits).size).toBe(n * retries);
    expect(waits.filter((s) => given.includes(s))).toEqual([]);
    // The signals the methods' attempts carried (a raw call's are its Requests', undici's own) hold
    // at most the client's one listener; the caller's none.
    if (!("raw" in how)) expect(Math.max(...given.map((s) => getEventListeners(s, "abort").length))).toBeLessThanOrEqual(1);
    if ("signal" in how) expect(getEventListeners(how.signal, "abort")).toHaveLength(0);
  });
});
