// A transport that ignores its signal (a wrapper that builds its own RequestInit, a library without
// AbortSignal support) is raced against the deadline and the caller's signal (docs/client.md,
// "Timeouts and cancellation"): the call fails at once. Its response may still arrive afterwards,
// holding a connection until its body is read or cancelled (undici keeps the socket for an
// unconsumed body). Nobody will read that body: the client cancels it, on every path, instead of
// leaving it (the raw client) or reading it to its end (the methods, which kept a trickling body's
// connection open as long as the server trickled). Each row fails a call, then lets the transport
// answer with a body that never ends, and checks that the body is cancelled.
import { describe, expect, it } from "vitest";
import { createPuffleClient, PuffleAbortError, PuffleTimeoutError } from "../../src/index.js";
import type { PuffleClient } from "../../src/index.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

/** A fetch that ignores its signal and answers only when told to, with a body that never ends. */
function lateFetch() {
  let answer: (response: Response) => void = () => {};
  const answered = new Promise<Response>((resolve) => (answer = resolve));
  let called: () => void = () => {};
  const wasCalled = new Promise<void>((resolve) => (called = resolve));
  const body = { cancelled: false };
  const fetch = (_input: string | Request, _init?: RequestInit): Promise<Response> => {
    called();
    return answered;
  };
  const respond = () =>
    answer(
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"thread":'));
          },
          cancel() {
            body.cancelled = true;
          },
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      ),
    );
  return { fetch, wasCalled, respond, body };
}

/** A few turns of the event loop: long enough for a cancel the client makes at once. */
const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

type Row = readonly [name: string, timeoutMs: number, run: (client: PuffleClient, signal: AbortSignal) => Promise<unknown>, abort: boolean, error: new (...args: never[]) => Error];

const update = (callOptions: { signal?: AbortSignal; timeoutMs?: number }) => (client: PuffleClient) => client.updateThread(THREAD_ID, { status: "archived" }, callOptions);
const rows: Row[] = [
  ["the methods, the caller aborts", 0, (client, signal) => update({ signal })(client), true, PuffleAbortError],
  ["the methods, the client's timeoutMs passes", 20, (client) => update({})(client), false, PuffleTimeoutError],
  ["the methods, a per-call timeoutMs passes", 0, (client) => update({ timeoutMs: 20 })(client), false, PuffleTimeoutError],
  ["the raw PATCH, the caller aborts", 0, (client, signal) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal }), true, PuffleAbortError],
  ["the raw PATCH, the client's timeoutMs passes", 20, (client) => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } }), false, PuffleTimeoutError],
];

describe("a response that arrives after the call failed has its body cancelled", () => {
  it.each(rows)("%s", async (_name, timeoutMs, run, abort, error) => {
    const transport = lateFetch();
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: transport.fetch, timeoutMs, maxRetries: 0 });
    const controller = new AbortController();
    const call = run(client, controller.signal);
    await transport.wasCalled;
    if (abort) controller.abort(new Error("shutting down"));
    await expect(call).rejects.toBeInstanceOf(error);
    transport.respond();
    await turns();
    expect(transport.body.cancelled).toBe(true);
  });
});
