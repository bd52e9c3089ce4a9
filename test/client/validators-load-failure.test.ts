// The validators chunk (client-validators.js, loaded on first use) fails to load while calls wait
// for it (a browser's stale deploy whose chunk now 404s), some of them already ended by their own
// signal or deadline (13bc3ce): each waiting call fails with the load's PuffleError, the ended ones
// keep their PuffleAbortError / PuffleTimeoutError, no rejection is left unhandled (vitest fails
// the run on one), no timer is left behind, nothing is sent; and the next call tries the import
// again (it is not the failed one kept), is checked, sent and answered.
import { afterEach, describe, expect, it, vi } from "vitest";

let imports = 0;
let fail: (error: Error) => void = () => {};
const failed = new Promise<never>((_, reject) => (fail = reject));
failed.catch(() => {});
vi.mock("../../src/client-validators.js", async (importOriginal) => {
  imports += 1;
  if (imports === 1) await failed;
  return await importOriginal();
});

import { createPuffleClient, PuffleAbortError, PuffleError, PuffleTimeoutError } from "../../src/index.js";
import { nextTurn, track } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

afterEach(() => {
  vi.useRealTimers();
});

describe("the validators chunk fails to load while calls wait for it", () => {
  it("waiting calls get the load's PuffleError, ended ones keep theirs, no timer is left, nothing sent; the next call imports again", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const sent: string[] = [];
    const fetch = async (input: string | Request, init?: RequestInit): Promise<Response> => {
      const body = (await new Request(input, init).json()) as { draft_subject: string };
      sent.push(body.draft_subject);
      return new Response(JSON.stringify({ thread: { id: THREAD_ID, draft_subject: body.draft_subject } }), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request", maxRetries: 0 });
    const withMiddleware = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "request", maxRetries: 0 });
    withMiddleware.use({ onRequest: ({ request }) => request });
    const body = (subject: string) => ({ draft_subject: subject });

    const mine = new AbortController();
    const calls = {
      waiting: client.updateThread(THREAD_ID, body("waiting")),
      waitingWithSignal: client.updateThread(THREAD_ID, body("waitingWithSignal"), { signal: new AbortController().signal, timeoutMs: 60_000 }),
      waitingRaw: client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: body("waitingRaw"), signal: new AbortController().signal }),
      waitingViaMiddleware: withMiddleware.updateThread(THREAD_ID, body("waitingViaMiddleware"), { signal: new AbortController().signal }),
      aborted: client.updateThread(THREAD_ID, body("aborted"), { signal: mine.signal }),
      timed: client.updateThread(THREAD_ID, body("timed"), { timeoutMs: 50 }),
    };
    const states = Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, track(call)]));
    mine.abort(new Error("mine"));
    await vi.advanceTimersByTimeAsync(50);
    await nextTurn();
    expect(states.aborted!.error).toBeInstanceOf(PuffleAbortError);
    expect(states.timed!.error).toBeInstanceOf(PuffleTimeoutError);
    expect(Object.entries(states).filter(([, state]) => state.settled).map(([name]) => name).sort()).toEqual(["aborted", "timed"]);

    fail(new Error("chunk 404"));
    await Promise.allSettled(Object.values(calls));
    await nextTurn();
    for (const name of ["waiting", "waitingWithSignal", "waitingRaw", "waitingViaMiddleware"]) {
      const error = states[name]!.error;
      expect(error, name).toBeInstanceOf(PuffleError);
      expect(error, name).not.toBeInstanceOf(PuffleAbortError);
      expect(error, name).not.toBeInstanceOf(PuffleTimeoutError);
      expect((error as Error).message, name).toMatch(/^updateThread: could not load the validators to check the request body: /);
      // vitest wraps the factory's error ("There was an error when mocking a module") with it as its cause.
      expect(JSON.stringify([(error as Error).cause, ((error as Error).cause as Error | undefined)?.cause].map((e) => (e as Error | undefined)?.message)), name).toContain("chunk 404");
    }
    expect(states.aborted!.error).toBeInstanceOf(PuffleAbortError);
    expect(states.timed!.error).toBeInstanceOf(PuffleTimeoutError);
    expect(sent).toEqual([]);
    // Every call is over: none of their deadlines' timers is left behind.
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();

    // The next call imports the chunk again, and is checked, sent and answered.
    const thread = await client.updateThread(THREAD_ID, body("next"), { timeoutMs: 60_000 });
    expect(thread.draft_subject).toBe("next");
    expect(sent).toEqual(["next"]);
    expect(imports).toBe(2);
  });
});
