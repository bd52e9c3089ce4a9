// Type-level tests: the generated types make the client reject misspelled statuses and fields at
// compile time. Checked by `npm run typecheck` and vitest's typecheck mode.
import { expectTypeOf, test } from "vitest";
import { createPuffleClient } from "../../src/index.js";
import type { Conversation, Problem, PuffleHeaders, PuffleRequestOptions, Thread, UpdateConversationRequest, UpdateThreadRequest } from "../../src/index.js";
import type { RequestBody, ResponseBody } from "../../src/validators.js";

const client = createPuffleClient({ apiKey: "k", fetch: async () => new Response("{}") });
const id = "f11e8a2c-1234-4567-89ab-cdef01234567";

test("request bodies are typed from the spec", () => {
  void client.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { status: "archived" } });
  // @ts-expect-error "archive" is not a status
  void client.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { status: "archive" } });
  // @ts-expect-error "draft" is returned, never accepted
  void client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "draft" } });
  // @ts-expect-error misspelled field
  void client.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { unread_cont: 1 } });
  // @ts-expect-error thread fields are not conversation fields
  void client.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { draft_subject: "x" } });
  // @ts-expect-error unread_count is a number
  void client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { unread_count: "3" } });
  // @ts-expect-error participant_email is not nullable
  void client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { participant_email: null } });
  void client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { account_id: null, draft_attachments: null } });
  // @ts-expect-error the path parameter is required
  void client.PATCH("/api/threads/{id}", { body: { status: "active" } });
  // @ts-expect-error only PATCH is described
  void client.GET("/api/threads/{id}", { params: { path: { id } } });
});

test("responses are typed from the spec", async () => {
  const { data } = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" } });
  // openapi-fetch flattens the type (Readable<…>): check assignability both ways.
  expectTypeOf(data).toExtend<{ thread: Thread } | undefined>();
  expectTypeOf<{ thread: Thread } | undefined>().toExtend<typeof data>();
  // Literal unions holding the docs' values, not \`string\` (exact equality would make a new enum
  // value in the spec, a legitimate change, fail this test).
  expectTypeOf<"active" | "archived" | "draft">().toExtend<Conversation["status"]>();
  expectTypeOf<string>().not.toExtend<Conversation["status"]>();
  expectTypeOf<"linkedin" | "email">().toExtend<Conversation["channel"]>();
  expectTypeOf<string>().not.toExtend<Conversation["channel"]>();
  expectTypeOf<Conversation["account_id"]>().toEqualTypeOf<string | null>();
  expectTypeOf<Thread["draft_subject"]>().toEqualTypeOf<string | null | undefined>();
  expectTypeOf<RequestBody<"updateThread">>().toEqualTypeOf<UpdateThreadRequest>();
  expectTypeOf<RequestBody<"updateConversation">>().toEqualTypeOf<UpdateConversationRequest>();
  expectTypeOf<ResponseBody<"updateThread", 409>["existing_thread"]>().toEqualTypeOf<Thread>();
});

test("headers take what openapi-fetch takes, and nothing else", () => {
  const headers: PuffleHeaders = { "x-team": "a", "x-count": 3, "x-debug": true, accept: ["application/json", "text/plain"], authorization: null, "x-skip": undefined };
  createPuffleClient({ headers });
  void client.updateThread(id, { status: "archived" }, { headers });
  // @ts-expect-error a Headers instance is refused at run time (PuffleConfigError): Object.fromEntries(headers) gives a plain object
  createPuffleClient({ headers: new Headers({ "x-team": "a" }) });
  // @ts-expect-error a value must be a string, number or boolean (or an array of them)
  void client.updateThread(id, { status: "archived" }, { headers: { "x-team": { name: "a" } } });
  // @ts-expect-error an array of pairs is a RequestInit form openapi-fetch takes, refused here (a plain object only)
  createPuffleClient({ headers: [["x-team", "a"]] });
});

test("PATCH's data follows parseAs, as openapi-fetch's does", async () => {
  // StrictPatch typed `data` as the parsed JSON whatever `parseAs` said: with "text" the call
  // resolves with the body's text (test/client/transport-edges.test.ts), typed `{ thread }`.
  const text = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: "text" });
  expectTypeOf(text.data).toEqualTypeOf<string | undefined>();
  const stream = await client.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: "stream" });
  expectTypeOf(stream.data).toEqualTypeOf<Response["body"] | undefined>();
  const blob = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: "blob" });
  expectTypeOf(blob.data).toEqualTypeOf<Blob | undefined>();
  const json = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: "json" });
  expectTypeOf(json.data).toExtend<{ thread: Thread } | undefined>();
  expectTypeOf<{ thread: Thread } | undefined>().toExtend<typeof json.data>();
  // A parseAs not known at compile time: any of them.
  const parseAs = "text" as "text" | "json";
  const either = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs });
  expectTypeOf<string>().toExtend<typeof either.data>();
  expectTypeOf<{ thread: Thread }>().toExtend<typeof either.data>();
  // parseAs given as undefined (an option passed on: `parseAs: options.parseAs`) is openapi-fetch's
  // default, JSON, as raw.PATCH types it; it was typed as any of the five.
  const given = await client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: undefined });
  expectTypeOf(given.data).toEqualTypeOf<typeof json.data>();
  const rawGiven = await client.raw.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: undefined });
  expectTypeOf(given.data).toEqualTypeOf<typeof rawGiven.data>();
  const givenToRequest = await client.request("patch", "/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: undefined });
  expectTypeOf(givenToRequest.data).toEqualTypeOf<typeof json.data>();
  // The error side is the documented problem whatever parseAs is.
  if (text.error) expectTypeOf(text.error).toExtend<Problem>();
  // @ts-expect-error not one of openapi-fetch's parseAs values
  void client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "active" }, parseAs: "xml" });
  // @ts-expect-error a misspelled field is still refused beside parseAs
  void client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { unread_cont: 1 }, parseAs: "text" });
});

test("a call's signal may be null, as in fetch's RequestInit (no signal)", () => {
  const init: RequestInit = {};
  void client.updateThread(id, { status: "archived" }, { signal: null });
  void client.updateConversation(id, { status: "archived" }, { signal: init.signal });
  expectTypeOf<PuffleRequestOptions["signal"]>().toEqualTypeOf<AbortSignal | null | undefined>();
  // @ts-expect-error not a signal
  void client.updateThread(id, { status: "archived" }, { signal: "stop" });
});

test("request(\"patch\", …) is typed as PATCH is: an unknown body field does not compile", async () => {
  // openapi-fetch's `request` infers its init generically: `unread_cont` compiled on `client.request`.
  // @ts-expect-error misspelled field
  void client.request("patch", "/api/conversations/{id}", { params: { path: { id } }, body: { unread_cont: 1 } });
  // @ts-expect-error thread fields are not conversation fields
  void client.request("patch", "/api/conversations/{id}", { params: { path: { id } }, body: { draft_subject: "x" } });
  // @ts-expect-error "draft" is returned, never accepted
  void client.request("patch", "/api/threads/{id}", { params: { path: { id } }, body: { status: "draft" } });
  // @ts-expect-error only PATCH is described
  void client.request("get", "/api/threads/{id}", { params: { path: { id } } });
  const { data, error } = await client.request("patch", "/api/threads/{id}", { params: { path: { id } }, body: { status: "archived" } });
  expectTypeOf(data).toExtend<{ thread: Thread } | undefined>();
  expectTypeOf<{ thread: Thread } | undefined>().toExtend<typeof data>();
  if (error) expectTypeOf(error).toExtend<Problem>();
  const text = await client.request("patch", "/api/threads/{id}", { params: { path: { id } }, body: { status: "archived" }, parseAs: "text" });
  expectTypeOf(text.data).toEqualTypeOf<string | undefined>();
  // The raw client keeps openapi-fetch's own type.
  void client.raw.request("patch", "/api/conversations/{id}", { params: { path: { id } }, body: { unread_cont: 1 } });
});
