// Every timeout the options accept, up to the documented 2147483647 ms (the most a Node timer holds),
// is kept without Node's TimeoutOverflowWarning: a timer set past that bound is cut to 1 ms, with a
// warning on stderr. The client's own timeoutMs, near the bound, armed its deadline queue's timer
// that far plus the batch's few milliseconds. Each row makes a call that succeeds and checks that no
// warning was emitted.
import { describe, expect, it } from "vitest";
import { createPuffleClient } from "../../src/index.js";
import { warningsOfEachTest } from "./process-warnings.js";
import type { PuffleClientOptions, PuffleRequestOptions } from "../../src/index.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const MAX = 2_147_483_647;

const warnings = warningsOfEachTest();

const ok = async () => new Response(JSON.stringify({ thread: { id: THREAD_ID, status: "archived" } }), { status: 200, headers: { "content-type": "application/json" } });

const rows: readonly (readonly [name: string, client: PuffleClientOptions, call: PuffleRequestOptions])[] = [
  ["the client's timeoutMs at the bound", { timeoutMs: MAX }, {}],
  ["the client's timeoutMs just under the bound (within a batch's few milliseconds of it)", { timeoutMs: MAX - 5 }, {}],
  ["a per-call timeoutMs at the bound", {}, { timeoutMs: MAX }],
  ["a per-call timeoutMs at the bound, with a signal", {}, { timeoutMs: MAX, signal: new AbortController().signal }],
];

describe("timeouts up to 2147483647 ms", () => {
  it.each(rows)("%s: no TimeoutOverflowWarning", async (_name, clientOptions, callOptions) => {
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch: ok, ...clientOptions });
    await expect(client.updateThread(THREAD_ID, { status: "archived" }, callOptions)).resolves.toMatchObject({ id: THREAD_ID });
    // Node warns as the timer is set, on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings()).toEqual([]);
  });
});
