// Type-level tests of generated/schema.d.ts against the spec: what the spec makes optional is
// optional in the types, what it requires is required. Checked by `npm run typecheck` and vitest's
// typecheck mode.
import { expectTypeOf, test } from "vitest";
import type { components, operations, ResponseUnauthorized } from "../../generated/schema.js";
import type { Channel, Conversation, ConversationRow, ConversationStatus, DraftAttachment, DuplicateThreadProblem, StatusUpdate, Thread, ThreadDraft, UnreadCount } from "../../generated/schema.js";
import type { UpdateConversationRequest, UpdateConversationResponse, UpdateThreadRequest, UpdateThreadResponse, Uuid, ValidationError } from "../../generated/schema.js";

type Problem = components["schemas"]["Problem"];
declare const problem: Problem;
declare const conversation: components["schemas"]["UpdateConversationResponse"];
declare const thread: components["schemas"]["UpdateThreadResponse"];
declare const duplicate: components["schemas"]["DuplicateThreadProblem"];

test("a response header the spec makes optional (given by $ref) may be left out", () => {
  // Each response, every header left out but those the spec requires (WWW-Authenticate on the 401).
  const responses = {
    conversation200: { headers: {}, content: { "application/json": conversation } },
    conversation400: { headers: {}, content: { "application/problem+json": problem } },
    conversation401: { headers: { "WWW-Authenticate": 'Bearer realm="puffle"' }, content: { "application/problem+json": problem } },
    conversation404: { headers: {}, content: { "application/problem+json": problem } },
    conversation413: { headers: {}, content: { "application/problem+json": problem } },
    conversation415: { headers: {}, content: { "application/problem+json": problem } },
    thread200: { headers: {}, content: { "application/json": thread } },
    thread400: { headers: {}, content: { "application/problem+json": problem } },
    thread401: { headers: { "WWW-Authenticate": 'Bearer realm="puffle"' }, content: { "application/problem+json": problem } },
    thread404: { headers: {}, content: { "application/problem+json": problem } },
    thread409: { headers: {}, content: { "application/problem+json": duplicate } },
    thread413: { headers: {}, content: { "application/problem+json": problem } },
    thread415: { headers: {}, content: { "application/problem+json": problem } },
  } satisfies {
    conversation200: operations["updateConversation"]["responses"][200];
    conversation400: operations["updateConversation"]["responses"][400];
    conversation401: operations["updateConversation"]["responses"][401];
    conversation404: operations["updateConversation"]["responses"][404];
    conversation413: operations["updateConversation"]["responses"][413];
    conversation415: operations["updateConversation"]["responses"][415];
    thread200: operations["updateThread"]["responses"][200];
    thread400: operations["updateThread"]["responses"][400];
    thread401: operations["updateThread"]["responses"][401];
    thread404: operations["updateThread"]["responses"][404];
    thread409: operations["updateThread"]["responses"][409];
    thread413: operations["updateThread"]["responses"][413];
    thread415: operations["updateThread"]["responses"][415];
  };
  void responses;
  type Headers415 = components["responses"]["UnsupportedMediaType"]["headers"];
  expectTypeOf<Headers415["Accept-Encoding"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Headers415["Cache-Control"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Headers415["X-Content-Type-Options"]>().toEqualTypeOf<"nosniff" | undefined>();
  expectTypeOf<Headers415["X-Request-Id"]>().toEqualTypeOf<string | undefined>();
  // Given, a header keeps its component's type.
  const sniff: components["responses"]["NotFound"] = {
    // @ts-expect-error X-Content-Type-Options is "nosniff" only
    headers: { "X-Content-Type-Options": "sniff" },
    content: { "application/problem+json": problem },
  };
  void sniff;
});

test("a response header the spec requires stays required", () => {
  expectTypeOf<ResponseUnauthorized["headers"]["WWW-Authenticate"]>().toEqualTypeOf<string>();
  // @ts-expect-error the 401's WWW-Authenticate is required: true
  const unauthorized: ResponseUnauthorized = { headers: {}, content: { "application/problem+json": problem } };
  void unauthorized;
});

test("each schema's root type is its components type (written as the schema's own type, for its name: scripts/lib/types.mjs)", () => {
  expectTypeOf<Channel>().toEqualTypeOf<components["schemas"]["Channel"]>();
  expectTypeOf<Conversation>().toEqualTypeOf<components["schemas"]["Conversation"]>();
  expectTypeOf<ConversationRow>().toEqualTypeOf<components["schemas"]["ConversationRow"]>();
  expectTypeOf<ConversationStatus>().toEqualTypeOf<components["schemas"]["ConversationStatus"]>();
  expectTypeOf<DraftAttachment>().toEqualTypeOf<components["schemas"]["DraftAttachment"]>();
  expectTypeOf<DuplicateThreadProblem>().toEqualTypeOf<components["schemas"]["DuplicateThreadProblem"]>();
  expectTypeOf<import("../../generated/schema.js").Problem>().toEqualTypeOf<components["schemas"]["Problem"]>();
  expectTypeOf<StatusUpdate>().toEqualTypeOf<components["schemas"]["StatusUpdate"]>();
  expectTypeOf<Thread>().toEqualTypeOf<components["schemas"]["Thread"]>();
  expectTypeOf<ThreadDraft>().toEqualTypeOf<components["schemas"]["ThreadDraft"]>();
  expectTypeOf<UnreadCount>().toEqualTypeOf<components["schemas"]["UnreadCount"]>();
  expectTypeOf<UpdateConversationRequest>().toEqualTypeOf<components["schemas"]["UpdateConversationRequest"]>();
  expectTypeOf<UpdateConversationResponse>().toEqualTypeOf<components["schemas"]["UpdateConversationResponse"]>();
  expectTypeOf<UpdateThreadRequest>().toEqualTypeOf<components["schemas"]["UpdateThreadRequest"]>();
  expectTypeOf<UpdateThreadResponse>().toEqualTypeOf<components["schemas"]["UpdateThreadResponse"]>();
  expectTypeOf<Uuid>().toEqualTypeOf<components["schemas"]["Uuid"]>();
  expectTypeOf<ValidationError>().toEqualTypeOf<components["schemas"]["ValidationError"]>();
  expectTypeOf<UpdateThreadRequest>().toEqualTypeOf<operations["updateThread"]["requestBody"]["content"]["application/json"]>();
  expectTypeOf<Thread>().toEqualTypeOf<DuplicateThreadProblem["existing_thread"]>();
  // Still object types with no declared index signature, assignable to a record as before (an interface would not be).
  expectTypeOf<Thread>().toExtend<Record<string, unknown>>();
  expectTypeOf<UpdateThreadRequest>().toExtend<Record<string, unknown>>();
});
