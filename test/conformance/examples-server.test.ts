// The 409 example is shown on the same page as the docs' own request example, so the two must tell
// one story: the docs' request (its sender, its recipient) is applied (200), and the 409 example's
// existing thread is what the reference server, on its documented default seed, answers when the
// docs' thread is given that thread's sender. An example whose sender is the docs' own would say
// the docs' request conflicts with itself.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ALICE_TOKEN, startServer } from "../../src/server/index.js";
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

const patchThread = async (id: string, body: unknown) => {
  const response = await fetch(`${server.url}/api/threads/${id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${ALICE_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as JsonObject };
};

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
