// Compile-time guarantees of the client: misspelled fields, statuses and enum values are type
// errors (each `@ts-expect-error` fails the typecheck if the line ever compiles), and the results
// and errors carry the spec's types.
import { describe, expectTypeOf, it } from "vitest";
import { createPuffleClient, isDuplicateThreadError, PuffleApiError } from "../../src/index.js";
import type { Conversation, DuplicateThreadProblem, Problem, Thread } from "../../src/index.js";

const client = createPuffleClient({ baseUrl: "http://127.0.0.1:4010", apiKey: "puffle_test_alice" });
const id = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

describe("convenience methods", () => {
  it("return the typed records", () => {
    expectTypeOf(client.updateConversation(id, { status: "archived" })).resolves.toEqualTypeOf<Conversation>();
    expectTypeOf(client.updateThread(id, { account_id: null, draft_attachments: [{ any: "thing" }] })).resolves.toEqualTypeOf<Thread>();
  });

  it("reject misspelled fields and values", () => {
    // @ts-expect-error misspelled field
    void client.updateThread(id, { staus: "archived" });
    // @ts-expect-error misspelled status value
    void client.updateThread(id, { status: "archivd" });
    // @ts-expect-error draft is returned, never accepted
    void client.updateConversation(id, { status: "draft" });
    // @ts-expect-error thread-only field on a conversation
    void client.updateConversation(id, { draft_subject: "Hi" });
    // @ts-expect-error unread_count is a number
    void client.updateConversation(id, { unread_count: "3" });
    // @ts-expect-error participant_email cannot be cleared with null
    void client.updateThread(id, { participant_email: null });
    // @ts-expect-error unknown call option
    void client.updateThread(id, { status: "active" }, { timeout: 5 });
  });
});

describe("errors", () => {
  it("hasStatus accepts only documented error statuses and types the problem", () => {
    const error = new PuffleApiError<"updateThread">({ operationId: "updateThread", status: 409, body: "", problem: undefined, headers: new Headers() });
    if (error.hasStatus(409)) {
      expectTypeOf(error.problem).toEqualTypeOf<DuplicateThreadProblem>();
      expectTypeOf(error.problem.existing_thread).toEqualTypeOf<Thread>();
    }
    if (error.hasStatus(404)) expectTypeOf(error.problem).toEqualTypeOf<Problem>();
    // @ts-expect-error 490 is not a documented status (typo of 409)
    error.hasStatus(490);
    // @ts-expect-error 200 is not an error status
    error.hasStatus(200);
    const conversationError = new PuffleApiError<"updateConversation">({ operationId: "updateConversation", status: 404, body: "", problem: undefined, headers: new Headers() });
    // @ts-expect-error updateConversation documents no 409
    conversationError.hasStatus(409);
  });

  it("a caught 409 exposes existing_thread typed", () => {
    const caught: unknown = undefined;
    if (isDuplicateThreadError(caught)) {
      expectTypeOf(caught.existingThread).toEqualTypeOf<Thread>();
      expectTypeOf(caught.status).toEqualTypeOf<409>();
      expectTypeOf(caught.problem.existing_thread).toEqualTypeOf<Thread>();
    }
    if (caught instanceof PuffleApiError) {
      expectTypeOf(caught.existingThread).toEqualTypeOf<Thread | undefined>();
      expectTypeOf(caught.problem).toEqualTypeOf<Problem | undefined>();
      expectTypeOf(caught.requestId).toEqualTypeOf<string | undefined>();
    }
  });

  it("`instanceof PuffleApiError` on a caught value narrows to either operation's error, not PuffleApiError<any>", () => {
    // As docs/client.md writes it: without PuffleApiError's `Symbol.hasInstance` declaration TypeScript
    // narrows to PuffleApiError<any>, where operationId is `any`, hasStatus(490) compiles and hasStatus(404)
    // leaves `problem` possibly undefined.
    const caught: unknown = undefined;
    if (caught instanceof PuffleApiError) {
      expectTypeOf(caught.operationId).toEqualTypeOf<"updateConversation" | "updateThread">();
      if (caught.hasStatus(404)) expectTypeOf(caught.problem).toEqualTypeOf<Problem>();
      // @ts-expect-error 490 is documented by neither operation
      caught.hasStatus(490);
    }
    const duplicate = new PuffleApiError<"updateThread">({ operationId: "updateThread", status: 409, body: "", problem: undefined, headers: new Headers() });
    if (duplicate instanceof PuffleApiError) expectTypeOf(duplicate.operationId).toEqualTypeOf<"updateThread">();
  });
});

describe("the raw openapi-fetch client still works", () => {
  it("PATCH and raw.PATCH are typed by the spec", async () => {
    const { data, error } = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "archived" } });
    if (data) expectTypeOf(data.thread).toExtend<Thread>();
    if (error) expectTypeOf(error).toExtend<Problem>();
    const raw = await client.raw.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { unread_count: 0 } });
    if (raw.data) expectTypeOf(raw.data.conversation).toExtend<Conversation>();
    // @ts-expect-error misspelled path
    void client.PATCH("/api/thread/{id}", { params: { path: { id } }, body: { status: "archived" } });
    // @ts-expect-error misspelled status value on the raw client
    void client.raw.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "archivd" } });
    // (openapi-fetch infers the init argument generically, so it does not reject an unknown body
    // field such as `unread_cont`; the convenience methods above do.)
  });
});
