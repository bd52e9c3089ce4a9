// The package in a worker_threads pool, as a batch job uses it (docs/client.md, "Errors across
// threads"; README, the validators' results): an error posted as `toJSON()` arrives whole, a posted
// error is a plain Error (the platform's structured clone: what the docs tell users), results clone
// as they are, the validators give a worker the same answers as the main thread (loaded by `import`
// and by `require`), and a worker terminated with calls in flight ends quietly. Workers load the
// built package (dist/, built by the global setup); everything is on 127.0.0.1 and bounded.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PuffleAbortError, PuffleApiError, PuffleConfigError, PuffleNetworkError, PuffleTimeoutError, createPuffleClient } from "../../src/index.js";
import type { PuffleError } from "../../src/index.js";
import { normalizeRequestBody, validateRequestBody } from "../../src/validators.js";
import { root } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const URL_ = `http://127.0.0.1:9/api/threads/${THREAD_ID}`;

/** `value` as another thread receives it from `postMessage`. */
function posted<T>(value: T): T {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value);
    return receiveMessageOnPort(port2)!.message as T;
  } finally {
    port1.close();
  }
}

/** Each worker test's bound: a worker that never answers fails the test in this time, not the suite's 60 s. */
const BOUND_MS = 5_000;

/** The workers a test started, terminated after it whatever happened (a failed expectation or a bound hit left them running: a call in flight, a timer). */
const workers = new Set<Worker>();
function started(worker: Worker): Worker {
  workers.add(worker);
  return worker;
}
afterEach(async () => {
  await Promise.all([...workers].map((worker) => worker.terminate()));
  workers.clear();
});

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

async function errorsOfEachClass(): Promise<(PuffleError | PuffleConfigError)[]> {
  const problem = { type: "https://app.puffle.ai/problems/invalid-request", title: "Invalid request", status: 400, detail: "At least one valid field must be present.", errors: [{ path: "/status", keyword: "enum", message: 'must be one of "active", "archived"' }] };
  const headers = new Headers({ "content-type": "application/problem+json", "x-request-id": "req_1", "set-cookie": "session=s3cret" });
  const validation = await thrownBy(createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", validate: "both" }).updateThread(THREAD_ID, { status: "deleted" } as never));
  let config: unknown;
  try {
    createPuffleClient({ baseURL: "http://127.0.0.1:9" } as never);
  } catch (error) {
    config = error;
  }
  return [
    new PuffleApiError({ operationId: "updateThread", status: 400, statusText: "Bad Request", body: problem, problem, headers }),
    validation as PuffleError,
    new PuffleNetworkError({ url: URL_, operationId: "updateThread", cause: Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) }) }),
    new PuffleTimeoutError({ url: URL_, operationId: "updateThread", timeoutMs: 50 }),
    new PuffleAbortError({ url: URL_, operationId: "updateThread", reason: new DOMException("stopped", "AbortError") }),
    config as PuffleConfigError,
  ];
}

describe("errors across threads", () => {
  it("each error's toJSON() is posted whole: name, message and the fields a receiver reads", async () => {
    const errors = await errorsOfEachClass();
    expect(errors.map((error) => error.name)).toEqual(["PuffleApiError", "PuffleValidationError", "PuffleNetworkError", "PuffleTimeoutError", "PuffleAbortError", "PuffleConfigError"]);
    for (const error of errors) {
      const json = error.toJSON();
      expect(posted(json), error.name).toEqual(json);
    }
    const [api, validation] = errors.map((error) => posted(error.toJSON()) as Record<string, unknown>);
    expect(api).toMatchObject({ name: "PuffleApiError", status: 400, requestId: "req_1", problem: { title: "Invalid request" }, headers: { "set-cookie": "[redacted]" } });
    expect(validation).toMatchObject({ name: "PuffleValidationError", target: "request", field: "status", issues: [{ path: "/status", keyword: "enum" }] });
  });

  it("an error posted as it is arrives as a plain Error without its fields (the structured clone algorithm), as docs/client.md says", async () => {
    for (const error of await errorsOfEachClass()) {
      const copy = posted(error) as unknown as Record<string, unknown> & Error;
      expect(copy.constructor, error.name).toBe(Error);
      expect(copy.name, error.name).toBe("Error");
      expect(copy.message).toBe(error.message);
      expect(Object.keys(copy)).toEqual([]);
    }
  });
});

describe("validators in worker threads", () => {
  // Mixed valid and invalid bodies, as NDJSON lines.
  const lines = Array.from({ length: 4000 }, (_, i) =>
    JSON.stringify(
      [
        { status: "archived" },
        { status: "deleted", unread_count: -1 },
        { participant_email: `User${i}@Example.com`, draft_subject: `s${i}` },
        { draft_attachments: [{ n: i }], x: i },
        {},
        { account_id: "not-a-uuid", draft_cc: ["a@b.co"] },
      ][i % 6],
    ),
  );
  const here = lines.map((line, i) => {
    const op = i % 2 ? "updateThread" : "updateConversation";
    return [validateRequestBody(op, JSON.parse(line)), normalizeRequestBody(op, JSON.parse(line))];
  });

  for (const load of ["import", "require"] as const) {
    it(`a worker loading puffle-api/validators by ${load} gives the main thread's results, which clone as they are`, async () => {
      const code = `
        const { parentPort, workerData } = require("node:worker_threads");
        const { createRequire } = require("node:module");
        (async () => {
          const V = workerData.load === "require" ? createRequire(workerData.from)("puffle-api/validators") : await import("puffle-api/validators");
          parentPort.postMessage(workerData.lines.map((line, i) => {
            const op = i % 2 ? "updateThread" : "updateConversation";
            return [V.validateRequestBody(op, JSON.parse(line)), V.normalizeRequestBody(op, JSON.parse(line))];
          }));
        })();`;
      const worker = started(new Worker(code, { eval: true, workerData: { lines, load, from: `${root}/test/client/threads.test.ts` }, stderr: true }));
      let stderr = "";
      worker.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const [results, code_] = await Promise.all([
        new Promise((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
        new Promise((resolve) => worker.once("exit", resolve)),
      ]);
      expect(code_).toBe(0);
      expect(results).toEqual(here);
      expect(stderr.replace(/^.*ExperimentalWarning.*\n?|^\(Use `node --trace-warnings.*\n?/gm, "")).toBe("");
    }, BOUND_MS);
  }
});

describe("the client in a worker", () => {
  let hanging: http.Server;
  const sockets = new Set<import("node:net").Socket>();
  let port = 0;
  beforeAll(async () => {
    hanging = http.createServer(() => {}); // answers nothing: every call stays in flight
    hanging.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    port = (hanging.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it("terminate() with calls in flight ends the worker at once, with nothing on stderr and no unhandled rejection", async () => {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      process.on("unhandledRejection", (e) => parentPort.postMessage({ unhandled: String(e) }));
      (async () => {
        const { createPuffleClient } = await import("puffle-api");
        const puffle = createPuffleClient({ baseUrl: workerData.base, apiKey: "k", timeoutMs: 60000 });
        for (let i = 0; i < 20; i++) puffle.updateThread(workerData.id, { status: "active" }).catch(() => {});
        parentPort.postMessage("in flight");
      })();`;
    // A request reaching the server (not a fixed wait: 100 ms on a loaded machine may not be enough).
    const reached = new Promise((resolve) => hanging.once("request", resolve));
    const worker = started(new Worker(code, { eval: true, workerData: { base: `http://127.0.0.1:${port}`, id: THREAD_ID }, stderr: true }));
    let stderr = "";
    worker.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const messages: unknown[] = [];
    const exited = new Promise<number>((resolve) => worker.once("exit", resolve));
    await new Promise((resolve) => worker.once("message", (message) => resolve(messages.push(message))));
    await reached;
    await worker.terminate();
    expect(await exited).toBe(1);
    expect(messages).toEqual(["in flight"]);
    expect(stderr).toBe("");
  }, BOUND_MS);

  it("a worker whose call timed out exits by itself: no timer of the client keeps it alive", async () => {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      (async () => {
        const { createPuffleClient } = await import("puffle-api");
        const puffle = createPuffleClient({ baseUrl: workerData.base, apiKey: "k", timeoutMs: 100, maxRetries: 0 });
        try { await puffle.updateThread(workerData.id, { status: "active" }); } catch (e) { parentPort.postMessage(e.toJSON()); }
      })();`;
    const worker = started(new Worker(code, { eval: true, workerData: { base: `http://127.0.0.1:${port}`, id: THREAD_ID }, stderr: true }));
    let stderr = "";
    worker.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const message = new Promise((resolve) => worker.once("message", resolve));
    const exit = new Promise<number>((resolve) => worker.once("exit", resolve));
    // Bounded without a timed assertion: were the worker kept alive, the test's bound (BOUND_MS) would
    // end it, and afterEach the worker.
    expect(await message).toMatchObject({ name: "PuffleTimeoutError", timeoutMs: 100 });
    expect(await exit).toBe(0);
    expect(stderr).toBe("");
  }, BOUND_MS);
});
