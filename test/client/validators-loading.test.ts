// Many calls start while the client's validators chunk (client-validators.js, loaded on first use)
// is still loading: in a browser on a slow network that import can stall. The chunk is held here
// (vi.mock's factory waits on a gate the test opens), so every step below happens while it loads:
// the import is asked for once however many calls wait for it; a call's own signal ends its wait
// (PuffleAbortError) and its deadline does too (PuffleTimeoutError), nothing sent, the other calls
// untouched: once the chunk arrives they are checked, sent and answered, each with its own body.
// Before the fix, an aborted or timed-out call waited for the chunk, then was sent and resolved.
import { afterEach, describe, expect, it, vi } from "vitest";

let imports = 0;
let arrive: () => void = () => {};
const chunk = new Promise<void>((resolve) => (arrive = resolve));
vi.mock("../../src/client-validators.js", async (importOriginal) => {
  imports += 1;
  await chunk;
  return await importOriginal();
});

import { createPuffleClient, PuffleAbortError, PuffleTimeoutError } from "../../src/index.js";
import { nextTurn, track } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

afterEach(() => {
  vi.useRealTimers();
});

describe("calls that start while the validators chunk loads", () => {
  it("one import for all; a call's signal or deadline ends its own wait, nothing sent; the others are answered each with its own body", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sent: string[] = [];
    const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      const body = (await request.json()) as { draft_subject: string };
      sent.push(body.draft_subject);
      return new Response(JSON.stringify({ thread: { id: THREAD_ID, draft_subject: body.draft_subject } }), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request", maxRetries: 0 });
    const withMiddleware = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request", maxRetries: 0 });
    withMiddleware.use({ onRequest: ({ request }) => request });
    const body = (subject: string) => ({ draft_subject: subject });

    const others = Array.from({ length: 46 }, (_, i) => client.updateThread(THREAD_ID, body(`other${i}`)));
    const mine = new AbortController();
    const aborted = client.updateThread(THREAD_ID, body("aborted"), { signal: mine.signal });
    const timed = client.updateThread(THREAD_ID, body("timed"), { timeoutMs: 50 });
    const rawMine = new AbortController();
    const rawAborted = client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: body("rawAborted"), signal: rawMine.signal });
    const viaMine = new AbortController();
    const viaMiddleware = withMiddleware.updateThread(THREAD_ID, body("viaMiddleware"), { signal: viaMine.signal });

    const states = { aborted: track(aborted), rawAborted: track(rawAborted), viaMiddleware: track(viaMiddleware), timed: track(timed) };
    const othersStates = others.map(track);
    mine.abort(new Error("only this call"));
    rawMine.abort(new Error("only this raw call"));
    viaMine.abort(new Error("only this call through openapi-fetch"));
    await nextTurn();
    for (const [name, reason] of [
      ["aborted", "only this call"],
      ["rawAborted", "only this raw call"],
      ["viaMiddleware", "only this call through openapi-fetch"],
    ] as const) {
      const state = states[name];
      expect(state.settled, `${name} ended while the chunk was still loading`).toBe(true);
      expect(state.error, name).toBeInstanceOf(PuffleAbortError);
      expect((state.error as PuffleAbortError).cause, name).toEqual(new Error(reason));
      expect((state.error as PuffleAbortError).attempts, name).toBe(0);
    }

    expect(states.timed.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    await nextTurn();
    expect(states.timed.settled, "timed out while the chunk was still loading").toBe(true);
    expect(states.timed.error).toBeInstanceOf(PuffleTimeoutError);
    expect((states.timed.error as PuffleTimeoutError).timeoutMs).toBe(50);
    expect((states.timed.error as PuffleTimeoutError).attempts).toBe(0);

    // Nothing has been sent, nor has any other call ended.
    expect(sent).toEqual([]);
    expect(othersStates.filter((state) => state.settled)).toEqual([]);
    vi.useRealTimers();

    arrive();
    const answers = await Promise.all(others);
    answers.forEach((thread, i) => expect(thread.draft_subject).toBe(`other${i}`));
    expect(sent.sort()).toEqual(others.map((_, i) => `other${i}`).sort());
    expect(imports).toBe(1);
  });
});
