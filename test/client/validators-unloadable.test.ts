// The client's validators (dist/client-validators.js, loaded on first use) cannot be loaded: in a
// browser, a stale deploy whose hashed chunk now 404s; in Node, the file missing. A copy of the built
// package without that file is driven from a child process, over an injected fetch (no network):
// an error response is still the `PuffleApiError` (its body not checked, the load error as `cause`);
// a check that cannot run (path id, request, response; methods and raw client) is a `PuffleError`
// naming the operation and what could not be checked, nothing sent when it is the request's; and a
// later call tries the import again.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const EXISTING = { id: "f11e8a2c-1234-4567-89ab-cdef01234567", status: "active" };
const NOT_FOUND = { type: "about:blank", title: "Not Found", status: 404, detail: "No thread with this id." };
const DUPLICATE = { type: "about:blank", title: "Conflict", status: 409, detail: "A thread with this recipient exists.", existing_thread: EXISTING };

interface Answer {
  status: number;
  statusText?: string;
  body: string;
  headers?: Record<string, string>;
}
interface Call {
  /** `method`: updateThread(id, body); `raw`: client.PATCH("/api/threads/{id}", …); `use`: updateThread with a middleware registered. */
  via: "method" | "raw" | "use";
  id: string;
  validate?: "request" | "response";
  answers: Answer[];
  maxRetries?: number;
}
type Step = Call | { restore: true };

/** What the child saw of one call: the error's kind and properties (or the result), and how many requests were sent. */
interface Seen {
  resolved?: unknown;
  name?: string;
  puffleError?: boolean;
  apiError?: boolean;
  message?: string;
  status?: number;
  body?: unknown;
  requestId?: string;
  attempts?: number;
  problem?: unknown;
  existingThread?: unknown;
  hasCause?: boolean;
  causeCode?: string;
  sent: number;
}

// Runs in the copy: imports its dist/index.js once, then each step in order.
const DRIVER = `
import fs from "node:fs";
const [steps, stash] = JSON.parse(process.argv[2]);
const m = await import("./dist/index.js");
const seen = [];
for (const step of steps) {
  if (step.restore) { fs.copyFileSync(stash, "./dist/client-validators.js"); continue; }
  let sent = 0;
  const answers = [...step.answers];
  const fetch = async () => {
    sent++;
    const a = answers.length > 1 ? answers.shift() : answers[0];
    return new Response(a.body, { status: a.status, statusText: a.statusText ?? "", headers: { "content-type": "application/json", ...a.headers } });
  };
  const retry = { sleep: async () => {}, random: () => 0 };
  const client = m.createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: step.validate, maxRetries: step.maxRetries ?? 0, retry });
  if (step.via === "use") client.use({ onRequest: () => undefined });
  const body = { status: "archived" };
  const out = { sent: 0 };
  try {
    out.resolved = step.via === "raw"
      ? await client.PATCH("/api/threads/{id}", { params: { path: { id: step.id } }, body })
      : await client.updateThread(step.id, body);
    if (step.via === "raw") out.resolved = { data: out.resolved.data, status: out.resolved.response.status };
  } catch (e) {
    Object.assign(out, {
      name: e.name, puffleError: e instanceof m.PuffleError, apiError: e instanceof m.PuffleApiError, message: e.message,
      status: e.status, body: e.body, requestId: e.requestId, attempts: e.attempts,
      problem: e.problem ?? null, existingThread: e.existingThread ?? null, hasCause: "cause" in e, causeCode: e.cause?.code,
    });
  }
  out.sent = sent;
  seen.push(out);
}
process.stdout.write(JSON.stringify(seen));
`;

let dir: string;
let stash: string;
const validatorsFile = () => path.join(dir, "dist/client-validators.js");

beforeAll(() => {
  // The package as installed: dist/ (fresh from the global setup), generated/, package.json, its dependencies.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-unloadable-"));
  fs.cpSync(path.join(root, "dist"), path.join(dir, "dist"), { recursive: true });
  fs.cpSync(path.join(root, "generated"), path.join(dir, "generated"), { recursive: true });
  fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "junction");
  fs.writeFileSync(path.join(dir, "driver.mjs"), DRIVER);
  stash = path.join(dir, "client-validators.js.stash");
  fs.renameSync(validatorsFile(), stash);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function drive(steps: Step[]): Seen[] {
  const out = execFileSync(process.execPath, ["driver.mjs", JSON.stringify([steps, stash])], { cwd: dir, encoding: "utf8", timeout: 30_000 });
  return JSON.parse(out) as Seen[];
}

const json = (value: unknown) => JSON.stringify(value);
const NOT_LOADED = "(the body was not checked: the validators could not be loaded)";
/** The message of the `PuffleError` for a check that could not run; the import error's text follows. */
const couldNot = (what: string) => new RegExp(`^updateThread: could not load the validators to ${what}: Cannot find module '[^\\n]*client-validators\\.js'`);

describe("the validators cannot be loaded", () => {
  const apiRows: [string, Call, Partial<Seen>, string][] = [
    [
      "a 404 problem response",
      { via: "method", id: THREAD_ID, answers: [{ status: 404, statusText: "Not Found", body: json(NOT_FOUND), headers: { "x-request-id": "req-1" } }] },
      { status: 404, body: NOT_FOUND, requestId: "req-1", attempts: 1, sent: 1 },
      `updateThread: HTTP 404 Not Found: JSON response body ${NOT_LOADED} (request id req-1)`,
    ],
    [
      "a 409 duplicate recipient",
      { via: "method", id: THREAD_ID, answers: [{ status: 409, statusText: "Conflict", body: json(DUPLICATE) }] },
      { status: 409, body: DUPLICATE, attempts: 1, sent: 1 },
      `updateThread: HTTP 409 Conflict: JSON response body ${NOT_LOADED}`,
    ],
    [
      "a 503 retried, then a 404",
      { via: "method", id: THREAD_ID, maxRetries: 1, answers: [{ status: 503, body: "" }, { status: 404, body: json(NOT_FOUND), headers: { "x-request-id": "req-2" } }] },
      { status: 404, body: NOT_FOUND, requestId: "req-2", attempts: 2, sent: 2 },
      `updateThread: HTTP 404: JSON response body ${NOT_LOADED} (request id req-2) (after 2 attempts)`,
    ],
    [
      "a 404 through a middleware of the caller's (use)",
      { via: "use", id: THREAD_ID, answers: [{ status: 404, body: json(NOT_FOUND) }] },
      { status: 404, body: NOT_FOUND, attempts: 1, sent: 1 },
      `updateThread: HTTP 404: JSON response body ${NOT_LOADED}`,
    ],
  ];

  it.each(apiRows)("%s is still a PuffleApiError: status (and its text in the message), body, request id and attempts kept, body not checked", (_name, call, expected, message) => {
    const [seen] = drive([call]);
    expect(seen).toMatchObject({ name: "PuffleApiError", puffleError: true, apiError: true, problem: null, existingThread: null, hasCause: true, causeCode: "ERR_MODULE_NOT_FOUND", ...expected });
    expect(seen!.message).toBe(message);
  });

  const OK = { status: 200, body: json({ thread: { id: THREAD_ID, status: "archived" } }) };
  const checkRows: [string, Call, string, number][] = [
    ["a path id that is not a canonical UUID", { via: "method", id: "not-a-uuid", answers: [OK] }, "check the path id", 0],
    ['validate: "request"', { via: "method", id: THREAD_ID, validate: "request", answers: [OK] }, "check the request body", 0],
    ['validate: "response"', { via: "method", id: THREAD_ID, validate: "response", answers: [OK] }, "check the response body", 1],
    ["a path id that is not a canonical UUID, raw client (PATCH)", { via: "raw", id: "not-a-uuid", answers: [OK] }, "check the path id", 0],
    ['validate: "request", raw client (PATCH)', { via: "raw", id: THREAD_ID, validate: "request", answers: [OK] }, "check the request body", 0],
    ['validate: "response", raw client (PATCH)', { via: "raw", id: THREAD_ID, validate: "response", answers: [OK] }, "check the response body", 1],
    ["a path id that is not a canonical UUID, with a middleware (use)", { via: "use", id: "not-a-uuid", answers: [OK] }, "check the path id", 0],
  ];

  it.each(checkRows)("%s: a PuffleError saying what could not be checked, the import error as cause", (_name, call, what, sent) => {
    const [seen] = drive([call]);
    expect(seen).toMatchObject({ name: "PuffleError", puffleError: true, apiError: false, hasCause: true, causeCode: "ERR_MODULE_NOT_FOUND", sent });
    expect(seen!.message).toMatch(couldNot(what));
    expect(seen!.message).not.toMatch(/[\r\n]/);
  });

  // A body that is not JSON (a proxy's HTML page, an empty body) cannot be a Problem: nothing is
  // loaded to read it, so it is the PuffleApiError it always was, with nothing left unchecked.
  const textRows: [string, Answer, string][] = [
    ["a proxy's HTML 502", { status: 502, statusText: "Bad Gateway", body: "<html>bad gateway</html>", headers: { "content-type": "text/html" } }, "updateThread: HTTP 502 Bad Gateway: non-JSON response body (text/html)"],
    ["an empty 404", { status: 404, body: "" }, "updateThread: HTTP 404: empty response body"],
  ];

  it.each(textRows)("%s needs no validators: the usual PuffleApiError, no cause", (_name, answer, message) => {
    const [seen] = drive([{ via: "method", id: THREAD_ID, answers: [answer] }]);
    expect(seen).toMatchObject({ name: "PuffleApiError", apiError: true, status: answer.status, body: answer.body, problem: null, hasCause: false, sent: 1 });
    expect(seen!.message).toBe(message);
  });

  it("a later call tries the import again: once the file is back, the error response is checked", () => {
    const notFound: Call = { via: "method", id: THREAD_ID, answers: [{ status: 404, statusText: "Not Found", body: json(NOT_FOUND) }] };
    try {
      const [before, after] = drive([notFound, { restore: true }, notFound]);
      expect(before).toMatchObject({ name: "PuffleApiError", problem: null, hasCause: true });
      expect(after).toMatchObject({ name: "PuffleApiError", problem: NOT_FOUND, hasCause: false, status: 404 });
      expect(after!.message).toBe("updateThread: HTTP 404 Not Found: Not Found: No thread with this id.");
    } finally {
      fs.rmSync(validatorsFile(), { force: true });
    }
  });
});
