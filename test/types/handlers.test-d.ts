// Type-level tests: a handler written once over both operations, as a strict SDK user writes it.
// Generic over the operation (`<Op extends OperationId>(op: Op, body: RequestBody<Op>)`), the
// per-operation methods (`puffle[op]`) and the validators take it without a cast, and each call site
// is checked against its own operation's body. Through `PATCH` and a table of paths the generic form
// needs one (openapi-fetch's `FetchOptions<paths[P]["patch"]>` of a path not yet known is not
// related to `RequestBody<Op>`); the union form (`op: OperationId`) compiles without, but its body is
// either operation's, so a thread field given for a conversation is not caught.
import { expectTypeOf, test } from "vitest";
import { createPuffleClient } from "../../src/index.js";
import type { Conversation, PatchPath, Thread } from "../../src/index.js";
import { normalizeRequestBody, validateRequestBody, validateResponseBody } from "../../src/validators.js";
import type { OperationId, RequestBody, ResponseBody, ValidationResult } from "../../src/validators.js";

const puffle = createPuffleClient({ apiKey: "k", fetch: async () => new Response("{}") });
const id = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

/** What each operation's method resolves with. */
type RecordOf<Op extends OperationId> = { updateConversation: Conversation; updateThread: Thread }[Op];

test("generic over the operation: no cast, and each call checked against its operation", async () => {
  const update = <Op extends OperationId>(op: Op, body: RequestBody<Op>) => puffle[op](id, body);
  const check = <Op extends OperationId>(op: Op, body: unknown): ValidationResult<RequestBody<Op>> => validateRequestBody(op, body);
  const checkResponse = <Op extends OperationId>(op: Op, body: unknown): ValidationResult<ResponseBody<Op, 200>> => validateResponseBody(op, 200, body);
  const relay = async <Op extends OperationId>(op: Op, input: unknown) => {
    const normalized = normalizeRequestBody(op, input);
    return normalized.ok ? update(op, normalized.body) : undefined;
  };
  void update("updateThread", { draft_subject: "Hi" });
  void update("updateConversation", { unread_count: 0 });
  // @ts-expect-error a thread's field is no conversation's
  void update("updateConversation", { draft_subject: "Hi" });
  // @ts-expect-error "draft" is returned, never accepted
  void update("updateThread", { status: "draft" });
  const result = check("updateThread", {});
  if (result.valid) expectTypeOf(result.value.draft_subject).toEqualTypeOf<string | null | undefined>();
  const response = checkResponse("updateConversation", {});
  if (response.valid) expectTypeOf(response.value.conversation).toEqualTypeOf<Conversation>();
  expectTypeOf(relay<"updateThread">).returns.resolves.toEqualTypeOf<Conversation | Thread | undefined>();
  // The record's type, per operation, with a map of the user's (the methods are a union in a generic body).
  const typed = <Op extends OperationId>(op: Op, body: RequestBody<Op>) => puffle[op](id, body) as Promise<RecordOf<Op>>;
  expectTypeOf(typed("updateThread", { status: "archived" })).resolves.toEqualTypeOf<Thread>();
});

test("through PATCH and a table of paths: the generic form needs a cast, the union form does not", () => {
  const pathOf = { updateConversation: "/api/conversations/{id}", updateThread: "/api/threads/{id}" } as const satisfies Record<OperationId, PatchPath>;
  const generic = <Op extends OperationId>(op: Op, body: RequestBody<Op>) =>
    // @ts-expect-error FetchOptions<paths[(typeof pathOf)[Op]]["patch"]> is not related to RequestBody<Op>
    puffle.PATCH(pathOf[op], { params: { path: { id } }, body });
  const union = (op: OperationId, body: RequestBody<OperationId>) => puffle.PATCH(pathOf[op], { params: { path: { id } }, body });
  void [generic, union];
  // The union form's body is either operation's: a thread field given for a conversation compiles.
  void union("updateConversation", { draft_subject: "Hi" });
});
