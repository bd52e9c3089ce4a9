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

type Row = readonly [name: string, options: PuffleClientOptions & { middleware?: boolean; platformListeners?: boolean }, run: (client: PuffleClient, signal: AbortSignal) => Promise<unknown>, answer: (n: number) => Response];

const update = (client: PuffleClient, signal: AbortSignal) => client.updateThread(THREAD_ID, { status: "archived" }, { signal });
const rows: Row[] = [
  ["the methods, sharing the caller's signal", {}, update, ok],
  ["the methods with a middleware (through openapi-fetch), sharing the caller's signal", { middleware: true }, update, ok],
  // The raw PATCH builds a Request with the caller's signal (openapi-fetch does): undici's Request keeps
  // a listener on it until the Request is collected, and lifts the signal's limit to 1500 itself.
  ["the raw PATCH, sharing the caller's signal", { platformListeners: true }, (client, signal) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal }), ok],
  [
    "the methods under the client's timeoutMs (one batch signal), each waiting between attempts with the default sleep",
    // 1 ms waits (2 × 0.99, floored): real ones, through the default sleep, which listens to the batch's signal.
    { retry: { baseDelayMs: 2, maxDelayMs: 2, random: () => 0.99 } },
    (client) => client.updateThread(THREAD_ID, { status: "archived" }),
    (n) => (n <= CALLS ? new Response("busy", { status: 503 }) : ok()),
  ],
];

describe(`${CALLS} calls at once`, () => {
  it.each(rows)("%s: no MaxListenersExceededWarning, no listener left", async (_name, { middleware, platformListeners, ...options }, run, answer) => {
    const fetch = gatedFetch(answer);
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, ...options });
    if (middleware) client.use({ onRequest: () => undefined });
    const shared = new AbortController().signal;
    const results = await Promise.allSettled(Array.from({ length: CALLS }, () => run(client, shared)));
    await settled();
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(warnings()).toEqual([]);
    if (!platformListeners) expect(getEventListeners(shared, "abort")).toHaveLength(0);
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
