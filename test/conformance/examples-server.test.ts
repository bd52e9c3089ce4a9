// The error examples are what the reference server answers.
//
// 404: each operation's examples are the body the server sends for a missing id and for another
// user's id (the same body: existence is never revealed), so the thread operation's says "thread".
//
// 409: the example is shown on the same page as the docs' own request example, so the two must tell
// one story: the docs' request (its sender, its recipient) is applied (200), and the 409 example's
// existing thread is what the reference server, on its documented default seed, answers when the
// docs' thread is given that thread's sender. An example whose sender is the docs' own would say
// the docs' request conflicts with itself.
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

// 400: each named example is the body the server answers for the request this table gives it (a
// new example needs a row here). The server's id, a PATCH on the docs' record of the operation.
const deep = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const BAD_REQUESTS: Record<string, { id?: string; body: string }> = {
  emptyBody: { body: "{}" },
  allInvalid: { body: '{"status": "deleted", "unread_count": -1}' },
  invalidId: { id: "not-a-uuid", body: '{"unread_count": 0}' },
  invalidJson: { body: '["not", "an", "object"]' },
  // Deeper than the limit: the server names the first value past it.
  tooDeep: { body: `{"draft_attachments": [{"a": ${deep(1000)}}]}` },
  // A sender of Alice's workspace that is not ready (pending).
  senderNotReady: { body: '{"account_id": "9e4d1000-0000-4000-8000-000000000005"}' },
};

describe.each(specOperations().map((o) => [o.operationId, o] as const))("%s: the 400 examples are what the reference server answers", (operationId, operation) => {
  const badRequest = deref<JsonObject>((operation.op.responses as JsonObject)["400"]).content as JsonObject;
  const examples = namedExamples(badRequest["application/problem+json"] as JsonObject);
  const docsId = (namedExamples((deref<JsonObject>((operation.op.responses as JsonObject)["200"]).content as JsonObject)["application/json"] as JsonObject)[0]![1] as Record<string, JsonObject>)[operationId === "updateThread" ? "thread" : "conversation"]!.id as string;

  it.each(examples)("%s", async (name, value) => {
    const request = BAD_REQUESTS[name];
    expect(request, `no request in BAD_REQUESTS for the 400 example "${name}"`).toBeDefined();
    const response = await fetch(`${server.url}${operation.path.replace("{id}", request!.id ?? docsId)}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${ALICE_TOKEN}`, "content-type": "application/json" },
      body: request!.body,
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(400);
    expect(await response.json(), `400 example "${name}" of ${operationId}`).toEqual(value);
  });
});
