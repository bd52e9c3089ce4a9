// Rows of the client's request paths (retries, the waits between attempts, deadlines and aborts,
// reading the answer, the error each failure becomes) that no other test pinned, found by a hand
// mutation pass over src/client.ts. Each row runs on both paths where both have the rule: the
// methods (`updateThread`, fetch called directly) and the raw client (`PATCH`, through openapi-fetch).
// Every fetch is injected; nothing leaves the process; no assertion is on a duration.
import { describe, expect, it, vi } from "vitest";
import { createPuffleClient } from "../../src/client.js";
import { PuffleAbortError, PuffleError, PuffleNetworkError, PuffleTimeoutError } from "../../src/errors.js";
import type { PuffleClientOptions } from "../../src/client.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const THREAD = { id: THREAD_ID, status: "archived" };
const BODY = { status: "archived" } as const;
const okResponse = () => new Response(JSON.stringify({ thread: THREAD }), { status: 200, headers: { "content-type": "application/json" } });
const PATHS = [["the methods"], ["a raw PATCH"]] as const;
type Path = (typeof PATHS)[number][0];
/** Each path with each way a call can end early: none, the client's `timeoutMs`, a caller's signal. */
const PATHS_AND_DEADLINES = PATHS.flatMap(([path]) => (["no deadline", "the client's deadline", "a caller's signal"] as const).map((how) => [path, how] as const));

function clientWith(fetch: (input: string | Request, init?: RequestInit) => Promise<Response>, options: PuffleClientOptions) {
  return createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, ...options });
}

/** One call on `path`; resolves with what it gave: the record, the raw status, or the error. */
async function callOn(path: Path, client: ReturnType<typeof createPuffleClient>, signal?: AbortSignal): Promise<unknown> {
  if (path === "the methods") return client.updateThread(THREAD_ID, BODY, { signal }).catch((error: unknown) => error);
  return client
    .PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY, signal })
    .then(({ response }) => response.status, (error: unknown) => error);
}

describe("the jitter source is read as a number in [0, 1]: an injected random outside it is clamped", () => {
  it.each(PATHS)("%s", async (path) => {
    for (const [random, waits] of [
      [() => 5, [250]],
      [() => -3, []],
    ] as const) {
      const seen: number[] = [];
      const fetch = vi.fn(async () => (fetch.mock.calls.length === 1 ? new Response("", { status: 503 }) : okResponse()));
      const client = clientWith(fetch, { timeoutMs: 0, retry: { random, sleep: async (ms) => void seen.push(ms) } });
      const outcome = await callOn(path, client);
      expect(outcome).toEqual(path === "the methods" ? THREAD : 200);
      // 5 is the whole ceiling (baseDelayMs, 250, before the first retry), -3 none of it: no wait at all.
      expect(seen, String(random())).toEqual(waits);
      expect(fetch).toHaveBeenCalledTimes(2);
    }
  });
});

describe("a wait of 0 ms (Retry-After: 0) calls no sleep; the retry follows at once", () => {
  it.each(PATHS)("%s", async (path) => {
    const sleep = vi.fn(async () => {});
    const fetch = vi.fn(async () => (fetch.mock.calls.length === 1 ? new Response("", { status: 429, headers: { "retry-after": "0" } }) : okResponse()));
    const client = clientWith(fetch, { timeoutMs: 0, retry: { sleep } });
    expect(await callOn(path, client)).toEqual(path === "the methods" ? THREAD : 200);
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("the caller's abort during the wait between attempts", () => {
  it.each(PATHS)("%s: the sleep hook's signal aborts with it; PuffleAbortError after 1 attempt, no further request", async (path) => {
    const controller = new AbortController();
    const given: (AbortSignal | undefined)[] = [];
    const fetch = vi.fn(async () => new Response("", { status: 503 }));
    const client = clientWith(fetch, {
      timeoutMs: 0,
      retry: {
        random: () => 1,
        sleep: (_ms, signal) => {
          given.push(signal);
          controller.abort(new Error("user cancelled"));
          // Resolves when its signal aborts, or at once when it has none (the abort is then the client's to notice).
          return new Promise<void>((resolve) => (signal ? signal.addEventListener("abort", () => resolve()) : resolve()));
        },
      },
    });
    const error = (await callOn(path, client, controller.signal)) as PuffleAbortError;
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect(error.attempts).toBe(1);
    expect(given).toHaveLength(1);
    expect(given[0]?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each(PATHS)("%s: a sleep hook that ignores its signal cannot hold the call past its deadline", async (path) => {
    const fetch = vi.fn(async () => new Response("", { status: 503 }));
    const client = clientWith(fetch, { timeoutMs: 300, retry: { baseDelayMs: 100, random: () => 0.5, sleep: () => new Promise<void>(() => {}) } });
    const error = (await callOn(path, client)) as PuffleTimeoutError;
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(error.attempts).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  }, 10_000);
});

describe("an attempt ended by the deadline or the caller's abort ends the call: no retry drawn, no wait", () => {
  // A fetch that answers only when its signal aborts, as fetch does: with the signal's reason.
  const hanging = () =>
    vi.fn(
      (input: string | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
          signal?.addEventListener("abort", () => reject(signal.reason));
        }),
    );
  it.each([
    ["the methods", false],
    ["the methods", true],
    ["a raw PATCH", false],
    ["a raw PATCH", true],
  ] as const)("%s: the deadline (a caller's signal too: %s)", async (path, withSignal) => {
    const random = vi.fn(() => 0.5);
    const sleep = vi.fn(async () => {});
    const fetch = hanging();
    const client = clientWith(fetch, { timeoutMs: 100, retry: { random, sleep } });
    const error = (await callOn(path, client, withSignal ? new AbortController().signal : undefined)) as PuffleTimeoutError;
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(error.attempts).toBe(1);
    expect(random).not.toHaveBeenCalled();
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each(PATHS)("%s: the caller's abort", async (path) => {
    const random = vi.fn(() => 0.5);
    const sleep = vi.fn(async () => {});
    const controller = new AbortController();
    const fetch = hanging();
    const client = clientWith(fetch, { timeoutMs: 0, retry: { random, sleep } });
    const call = callOn(path, client, controller.signal);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    controller.abort(new Error("user cancelled"));
    const error = (await call) as PuffleAbortError;
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect(error.attempts).toBe(1);
    expect(random).not.toHaveBeenCalled();
    expect(sleep).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("a call that is over lets go of its deadline", () => {
  it("the methods, after a retry: the signal fetch was given does not abort when the call's timeoutMs passes later", async () => {
    const signals: AbortSignal[] = [];
    const fetch = vi.fn(async (_input: string | Request, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return fetch.mock.calls.length === 1 ? new Response("", { status: 503 }) : okResponse();
    });
    const client = clientWith(fetch, { retry: { random: () => 0 } });
    expect(await client.updateThread(THREAD_ID, BODY, { timeoutMs: 50 })).toEqual(THREAD);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(signals).toHaveLength(2);
    expect(signals.map((s) => s.aborted)).toEqual([false, false]);
  });
});

describe("a request a middleware of the caller's built is re-sent with its body", () => {
  it("a raw PATCH, maxRetries: 1: the retry carries the middleware's body", async () => {
    const bodies: string[] = [];
    const fetch = vi.fn(async (input: string | Request) => {
      bodies.push(await (input as Request).text());
      return bodies.length === 1 ? new Response("", { status: 503 }) : okResponse();
    });
    const client = clientWith(fetch, { timeoutMs: 0, maxRetries: 1, retry: { random: () => 0 } });
    // A body that is not the serialized JSON (a Blob): the client reads it once to send it again.
    client.use({
      onRequest: ({ request }) => new (request.constructor as typeof Request)(request.url, { method: "PATCH", headers: request.headers, body: new Blob([JSON.stringify({ status: "open" })]) }),
    });
    const { response } = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY });
    expect(response.status).toBe(200);
    expect(bodies).toEqual([JSON.stringify({ status: "open" }), JSON.stringify({ status: "open" })]);
  });
});

describe("with a middleware of the caller's (the methods then go through openapi-fetch), a failed call reports as without one", () => {
  it.each([["no middleware"], ["a middleware"]] as const)("%s: an empty 503 every time is a PuffleApiError with body \"\" after 3 attempts", async (how) => {
    const fetch = vi.fn(async () => new Response("", { status: 503, headers: { "content-length": "0" } }));
    const client = clientWith(fetch, { timeoutMs: 0, retry: { random: () => 0 } });
    if (how === "a middleware") client.use({ onRequest: () => undefined });
    const error = await rejection(client.updateThread(THREAD_ID, BODY));
    expect(error).toMatchObject({ name: "PuffleApiError", status: 503, body: "", attempts: 3 });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});

describe("with a middleware of the caller's, a 2xx is read as without one", () => {
  it("an empty 200 is a PuffleValidationError saying the body is empty", async () => {
    const client = clientWith(vi.fn(async () => new Response("", { status: 200 })), { timeoutMs: 0 });
    client.use({ onRequest: () => undefined });
    expect(await rejection(client.updateThread(THREAD_ID, BODY))).toMatchObject({ name: "PuffleValidationError", target: "response", issues: [{ path: "", keyword: "content", message: "is empty" }] });
  });

  it("a response the middleware put in place of the server's is the one read", async () => {
    const client = clientWith(vi.fn(async () => new Response("", { status: 200 })), { timeoutMs: 0 });
    client.use({ onResponse: () => okResponse() });
    expect(await client.updateThread(THREAD_ID, BODY)).toEqual(THREAD);
  });
});

describe('validate: "response" checks a 2xx body whatever parseAs the call reads it as', () => {
  const unchecked = () => vi.fn(async () => new Response(JSON.stringify({ thread: { ...THREAD, status: "bogus" } }), { status: 200, headers: { "content-type": "application/json" } }));
  it('a raw PATCH with parseAs: "text"', async () => {
    const client = clientWith(unchecked(), { timeoutMs: 0, validate: "response" });
    const call = client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY, parseAs: "text" });
    expect(await rejection(call)).toMatchObject({ name: "PuffleValidationError", target: "response", field: "thread.status", status: 200 });
  });

  it("the methods with a middleware of the caller's (they read the body as a stream)", async () => {
    const client = clientWith(unchecked(), { timeoutMs: 0, validate: "response" });
    client.use({ onRequest: () => undefined });
    expect(await rejection(client.updateThread(THREAD_ID, BODY))).toMatchObject({ name: "PuffleValidationError", target: "response", field: "thread.status", status: 200 });
  });
});

describe('validate: "request" reads a body the client did not serialize (a bodySerializer giving a Blob)', () => {
  it("a valid one is sent; an invalid one is refused naming the field, not sent", async () => {
    const fetch = vi.fn(async () => okResponse());
    const client = clientWith(fetch, { timeoutMs: 0, validate: "request" });
    const asBlob = (body: unknown) => new Blob([JSON.stringify(body)]);
    const sent = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY, bodySerializer: asBlob });
    expect(sent.response.status).toBe(200);
    const refused = client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archivd" } as never, bodySerializer: asBlob });
    expect(await rejection(refused)).toMatchObject({ name: "PuffleValidationError", target: "request", field: "status" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

// The bytes were read as text() reads them, a byte that is not UTF-8 as U+FFFD (3 bytes) and a
// byte order mark dropped: 400,000 bytes of Latin-1 text were "1200022 bytes of JSON (UTF-8), more
// than 1048576", and a body the API answers 400 ("its bytes are not UTF-8", "a byte order mark")
// was checked and sent. Its bytes are read as the API reads them.
describe('validate: "request" reads a Blob body\'s bytes as the API does', () => {
  const blobOf = (...parts: (string | Uint8Array<ArrayBuffer>)[]) => () => new Blob(parts);
  it.each([
    ["400,000 bytes of Latin-1 (é as 0xE9)", blobOf('{"draft_body_text":"', new Uint8Array(400_000).fill(0xe9), '"}'), "is not JSON (its bytes are not UTF-8)"],
    ["a Latin-1 status", blobOf('{"status":"archiv', new Uint8Array([0xe9]), '"}'), "is not JSON (its bytes are not UTF-8)"],
    ["a byte order mark first", blobOf(new Uint8Array([0xef, 0xbb, 0xbf]), '{"status":"archived"}'), "is not JSON"],
  ])("%s: refused, not sent", async (_name, bodySerializer, message) => {
    const fetch = vi.fn(async () => okResponse());
    const client = clientWith(fetch, { timeoutMs: 0, validate: "request" });
    const refused = client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY, bodySerializer });
    expect(await rejection(refused)).toMatchObject({ name: "PuffleValidationError", target: "request", issues: [{ path: "", keyword: "content", message }] });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("exactly maxBodyBytes of UTF-8 bytes is sent, one more is refused by its size", async () => {
    const fetch = vi.fn(async () => okResponse());
    const client = clientWith(fetch, { timeoutMs: 0, validate: "request" });
    const text = (length: number) => `{"draft_body_text":"${"\u00e9".repeat(200_000)}${"x".repeat(length - 400_022)}"}`;
    const send = (length: number) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: BODY, bodySerializer: () => new Blob([text(length)]) });
    expect((await send(1_048_576)).response.status).toBe(200);
    expect(await rejection(send(1_048_577))).toMatchObject({ name: "PuffleValidationError", issues: [{ path: "/draft_body_text", keyword: "maxBodyBytes" }] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("calls sharing a caller's signal: one that settles leaves the others listening to it", () => {
  it.each(PATHS)("%s", async (path) => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    // The first request answers only when its signal aborts, as fetch does; the second is answered.
    const fetch = vi.fn((input: string | Request, init?: RequestInit) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (signal) signals.push(signal);
      if (fetch.mock.calls.length === 2) return Promise.resolve(okResponse());
      return new Promise<Response>((_resolve, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
    });
    const client = clientWith(fetch, { timeoutMs: 0 });
    const first = callOn(path, client, controller.signal);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(await callOn(path, client, controller.signal)).toEqual(path === "the methods" ? THREAD : 200);
    controller.abort(new Error("shutting down"));
    // The abort reaches the first call's own signal at once (it would wait for ever otherwise).
    expect(signals).toHaveLength(2);
    expect(signals[0]?.aborted).toBe(true);
    expect(await first).toBeInstanceOf(PuffleAbortError);
  });
});

describe("a PuffleError the injected fetch throws is the call's error, as it is, after 1 attempt", () => {
  it.each(PATHS_AND_DEADLINES)("%s, %s", async (path, how) => {
    const thrown = new PuffleError("thrown by the fetch");
    const fetch = vi.fn(async () => {
      throw thrown;
    });
    const client = clientWith(fetch, { timeoutMs: how === "the client's deadline" ? 30_000 : 0, retry: { random: () => 0 } });
    expect(await callOn(path, client, how === "a caller's signal" ? new AbortController().signal : undefined)).toBe(thrown);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("a browser's opaque redirect (status 0) is final: a PuffleNetworkError after 1 attempt, on every path", () => {
  it.each(PATHS_AND_DEADLINES)("%s, %s", async (path, how) => {
    const opaque = { type: "opaqueredirect", status: 0, statusText: "", headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0), text: async () => "" };
    const fetch = vi.fn(async () => opaque as unknown as Response);
    const client = clientWith(fetch, { timeoutMs: how === "the client's deadline" ? 30_000 : 0, retry: { random: () => 0 } });
    const error = (await callOn(path, client, how === "a caller's signal" ? new AbortController().signal : undefined)) as PuffleNetworkError;
    expect(error).toBeInstanceOf(PuffleNetworkError);
    expect(error.attempts).toBe(1);
    expect((error.cause as Error).name).toBe("RedirectNotFollowedError");
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("the methods, a call's own deadline passing while fetch is being called (a fake clock advanced inside it)", () => {
  /** Calls updateThread with `options`; the fetch runs `during`, then answers on a later turn of the (real) event loop. */
  async function run(during: () => void, options: { timeoutMs: number; signal?: AbortSignal }) {
    const order: string[] = [];
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const fetch = vi.fn(() => {
        during();
        return new Promise<Response>((resolve) => setImmediate(() => (order.push("fetch answered"), resolve(okResponse()))));
      });
      const error = await clientWith(fetch, { timeoutMs: 0, maxRetries: 0 }).updateThread(THREAD_ID, BODY, options).catch((e: unknown) => e);
      order.push("call settled");
      await new Promise((resolve) => setImmediate(resolve));
      return { error, order };
    } finally {
      vi.useRealTimers();
    }
  }

  it("PuffleTimeoutError at once, without waiting for the answer", async () => {
    const { error, order } = await run(() => vi.advanceTimersByTime(100), { timeoutMs: 100 });
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect(order).toEqual(["call settled", "fetch answered"]);
  });

  it("after the caller aborted: PuffleAbortError (the abort came first), at once", async () => {
    const controller = new AbortController();
    const { error, order } = await run(
      () => {
        controller.abort(new Error("user cancelled"));
        vi.advanceTimersByTime(100);
      },
      { timeoutMs: 100, signal: controller.signal },
    );
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect(order).toEqual(["call settled", "fetch answered"]);
  });
});

describe("a wait that would end exactly at the deadline is not started; one that ends 1 ms before it is (a fake clock)", () => {
  // timeoutMs 1000, a wait of 300 ms (random 1: the whole of baseDelayMs). The first attempt's fetch
  // moves the fake clock (Date for the raw path, performance for the methods) on by `elapsed` ms,
  // then answers 503: the wait would end at elapsed + 300, against a deadline at 1000.
  const TIMEOUT_MS = 1000;
  const WAIT_MS = 300;
  const DEADLINES = [
    ["the methods", "the client's timeoutMs"],
    ["the methods", "the call's own timeoutMs"],
    ["a raw PATCH", "the client's timeoutMs"],
  ] as const;
  const ROWS = DEADLINES.flatMap(([path, whose]) => [
    [path, whose, TIMEOUT_MS - WAIT_MS - 1, "waits and retries"],
    [path, whose, TIMEOUT_MS - WAIT_MS, "gives up with the 503"],
  ] as const);

  it.each(ROWS)("%s, %s: after %i ms, a 300 ms wait before the 1000 ms deadline %s", async (path, whose, elapsed, outcome) => {
    vi.useFakeTimers({ toFake: ["Date", "performance", "setTimeout", "clearTimeout"] });
    try {
      const sleeps: number[] = [];
      const fetch = vi.fn(async () => {
        if (fetch.mock.calls.length > 1) return okResponse();
        vi.advanceTimersByTime(elapsed);
        return new Response("", { status: 503 });
      });
      const retry = { baseDelayMs: WAIT_MS, random: () => 1, sleep: async (ms: number) => void sleeps.push(ms) };
      const client = clientWith(fetch, { timeoutMs: whose === "the client's timeoutMs" ? TIMEOUT_MS : 0, retry });
      const result =
        whose === "the call's own timeoutMs"
          ? await client.updateThread(THREAD_ID, BODY, { timeoutMs: TIMEOUT_MS }).catch((error: unknown) => error)
          : await callOn(path, client);
      if (outcome === "waits and retries") {
        expect(sleeps).toEqual([WAIT_MS]);
        expect(fetch).toHaveBeenCalledTimes(2);
        expect(result).toEqual(path === "the methods" ? THREAD : 200);
      } else {
        expect(sleeps).toEqual([]);
        expect(fetch).toHaveBeenCalledTimes(1);
        if (path === "the methods") expect(result).toMatchObject({ name: "PuffleApiError", status: 503, attempts: 1 });
        else expect(result).toBe(503);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
