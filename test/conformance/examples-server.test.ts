// The error examples are what the reference server answers: every named example of every error
// status (the tables at the end give the request for each 400, 401, 413 and 415 example).
//
// 404: each operation's examples are the body the server sends for a missing id and for another
// user's id (the same body: existence is never revealed), so the thread operation's says "thread".
//
// 409: the example is shown on the same page as the docs' own request example, so the two must tell
// one story: the docs' request (its sender, its recipient) is applied (200), and the 409 example's
// existing thread is what the reference server, on its documented default seed, answers when the
// docs' thread is given that thread's sender. An example whose sender is the docs' own would say
// the docs' request conflicts with itself.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE_TOKEN, defaultSeed, startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { deref, namedExamples, specOperations, type JsonObject } from "../helpers.js";

const thread = specOperations().find((o) => o.operationId === "updateThread")!;
const content = (status: string) => deref<JsonObject>((thread.op.responses as JsonObject)[status]).content as JsonObject;
const docsRequest = Object.fromEntries(namedExamples((deref<JsonObject>(thread.op.requestBody).content as JsonObject)["application/json"] as JsonObject)).docs as JsonObject;
const docsResponse = Object.fromEntries(namedExamples(content("200")["application/json"] as JsonObject)).docs as { thread: JsonObject };
const conflicts = namedExamples(content("409")["application/problem+json"] as JsonObject);

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await server?.close();
});

const patch = async (urlPath: string, body: unknown) => {
  const response = await fetch(`${server.url}${urlPath}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${ALICE_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, contentType: response.headers.get("content-type"), body: (await response.json()) as JsonObject };
};
const patchThread = (id: string, body: unknown) => patch(`/api/threads/${id}`, body);

// No record has this id; Bob owns the other, and Alice asks.
const MISSING_ID = "deadbeef-0000-4000-8000-000000000000";
const BOBS_ID = defaultSeed.conversations.find((c) => c.user_id !== defaultSeed.users.find((u) => u.token === ALICE_TOKEN)!.id)!.id;

describe.each(specOperations().map((o) => [o.operationId, o] as const))("%s: the 404 examples are what the reference server answers", (_operationId, operation) => {
  const notFound = deref<JsonObject>((operation.op.responses as JsonObject)["404"]).content as JsonObject;
  const examples = Object.entries(notFound).flatMap(([mediaType, media]) => namedExamples(media as JsonObject).map(([name, value]) => [mediaType, name, value] as const));
  const requestMedia = (deref<JsonObject>(operation.op.requestBody).content as JsonObject)["application/json"] as JsonObject;
  const body = namedExamples(requestMedia)[0]![1];

  it("documents a 404 example", () => {
    expect(examples.length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ["a missing id", MISSING_ID],
    ["another user's id", BOBS_ID],
  ])("for %s", async (_case, id) => {
    const answer = await patch(operation.path.replace("{id}", id), body);
    expect(answer.status).toBe(404);
    for (const [mediaType, name, value] of examples) {
      expect(answer.contentType, `content type of "${name}"`).toContain(mediaType);
      expect(answer.body, `404 example "${name}" of ${operation.operationId}`).toEqual(value);
    }
  });
});

it("there is a 409 example and a docs request that sets a sender", () => {
  expect(conflicts.length).toBeGreaterThanOrEqual(1);
  expect(typeof docsRequest.account_id).toBe("string");
});

it.each(conflicts)("409 example %s: not the docs' own sender and recipient, and what the reference server answers", async (_name, value) => {
  const example = value as JsonObject & { existing_thread: JsonObject };
  const existing = example.existing_thread;
  // The docs' request gives its thread this sender for this recipient and succeeds: an open thread
  // of that sender with that recipient would have been a 409.
  expect([existing.account_id, existing.participant_email]).not.toEqual([docsRequest.account_id, docsRequest.participant_email]);

  const id = docsResponse.thread.id as string;
  const answer = await patchThread(id, { account_id: existing.account_id });
  expect(answer.status).toBe(409);
  const { existing_thread: got, ...problem } = answer.body as JsonObject & { existing_thread: JsonObject };
  const { existing_thread: _, ...exampleProblem } = example;
  expect(problem).toEqual(exampleProblem);
  expect(got).toMatchObject(existing);
});

// 400, 401, 413, 415: each named example is the body the server answers for the request this table
// gives it (a new example needs a row here; 404 and 409 are above). A PATCH on the docs' record of
// the operation unless the row names another id.
const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
interface ExampleRequest {
  id?: string;
  body: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Default alice's; null: no Authorization header. */
  token?: string | null;
}
const ERROR_REQUESTS: Record<string, Record<string, ExampleRequest>> = {
  "400": {
    emptyBody: { body: "{}" },
    allInvalid: { body: '{"status": "deleted", "unread_count": -1}' },
    invalidId: { id: "not-a-uuid", body: '{"unread_count": 0}' },
    invalidJson: { body: '["not", "an", "object"]' },
    // Deeper than the limit: the server names the first value past it.
    tooDeep: { body: `{"draft_attachments": [{"a": ${deep(1000)}}]}` },
    // A sender of Alice's workspace that is not ready (pending).
    senderNotReady: { body: '{"account_id": "9e4d1000-0000-4000-8000-000000000005"}' },
  },
  "401": { missingToken: { body: '{"unread_count": 0}', token: null } },
  "413": { tooLarge: { body: `{"draft_body": "${"x".repeat(1_048_576)}"}` } },
  "415": {
    notJson: { body: "unread_count=0", headers: { "content-type": "application/x-www-form-urlencoded" } },
    charset: { body: '{"unread_count": 0}', headers: { "content-type": "application/json; charset=utf-16" } },
    contentEncoding: { body: new Uint8Array(gzipSync('{"unread_count": 0}')), headers: { "content-encoding": "gzip" } },
  },
};

/**
 * One line per documented error status of `operationId` that ERROR_REQUESTS has no row for: a new
 * status (a 429 added through components/responses) failed as `expected [ '400', …, '429' ] to
 * deeply equal [ '400', … ]`, naming neither the table nor what a row is.
 */
export function statusesWithoutRow(operationId: string, statuses: readonly string[], table: Readonly<Record<string, unknown>> = ERROR_REQUESTS): string[] {
  return statuses
    .filter((status) => !(status in table))
    .map((status) => `${operationId} ${status}: no row in ERROR_REQUESTS (test/conformance/examples-server.test.ts): give each of its named examples the request that makes the reference server answer it; a status the server never sends needs the server to send it first (openapi/README.md, "What the code supports")`);
}

it("the check can fail: a documented status with no row in ERROR_REQUESTS (a 429 added)", () => {
  expect(statusesWithoutRow("updateThread", ["400", "401", "413", "415", "429"])).toEqual([
    'updateThread 429: no row in ERROR_REQUESTS (test/conformance/examples-server.test.ts): give each of its named examples the request that makes the reference server answer it; a status the server never sends needs the server to send it first (openapi/README.md, "What the code supports")',
  ]);
});

describe.each(specOperations().map((o) => [o.operationId, o] as const))("%s: the 400, 401, 413 and 415 examples are what the reference server answers", (operationId, operation) => {
  const responses = operation.op.responses as JsonObject;
  const examples = Object.keys(ERROR_REQUESTS).flatMap((status) => {
    const media = (deref<JsonObject>(responses[status]).content as JsonObject)["application/problem+json"] as JsonObject;
    return namedExamples(media).map(([name, value]) => [status, name, value] as const);
  });
  const okExample = namedExamples((deref<JsonObject>(responses["200"]).content as JsonObject)["application/json"] as JsonObject)[0]![1];
  const docsId = (okExample as Record<string, JsonObject>)[operationId === "updateThread" ? "thread" : "conversation"]!.id as string;

  it("every error status has a row, and every status with a row has examples", () => {
    const errorStatuses = Object.keys(responses).filter((status) => !["200", "404", "409"].includes(status));
    expect(statusesWithoutRow(operationId, errorStatuses)).toEqual([]);
    expect(errorStatuses.sort()).toEqual(Object.keys(ERROR_REQUESTS).filter((status) => status in responses).sort());
    for (const status of errorStatuses) expect(examples.some(([s]) => s === status), status).toBe(true);
  });

  it.each(examples)("%s %s", async (status, name, value) => {
    const request = ERROR_REQUESTS[status]![name];
    expect(request, `no request in ERROR_REQUESTS["${status}"] for the example "${name}"`).toBeDefined();
    const { id = docsId, body, headers = {}, token = ALICE_TOKEN } = request!;
    const response = await fetch(`${server.url}${operation.path.replace("{id}", id)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", ...headers, ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(Number(status));
    expect(await response.json(), `${status} example "${name}" of ${operationId}`).toEqual(value);
  });
});
