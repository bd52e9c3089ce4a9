// Type-level tests of `puffle-api/validators`: each operation's own validators narrow to the body
// types the spec gives, as the generic functions do for a constant operation id.
import { expectTypeOf, test } from "vitest";
import type { Conversation, Thread, UpdateConversationRequest, UpdateThreadRequest } from "../../src/index.js";
import {
  validateRequestBody,
  validateResponseBody,
  validateUpdateConversationRequest,
  validateUpdateConversationResponse,
  validateUpdateThreadRequest,
  validateUpdateThreadResponse,
} from "../../src/validators.js";
import type { ValidationIssue, ValidationResult } from "../../src/validators.js";

declare const body: unknown;

test("a valid result carries the operation's body type, an invalid one the issues", () => {
  const thread = validateUpdateThreadRequest(body);
  expectTypeOf(thread).toEqualTypeOf<ValidationResult<UpdateThreadRequest>>();
  if (thread.valid) {
    expectTypeOf(thread.value.status).toEqualTypeOf<"active" | "archived" | undefined>();
  } else {
    expectTypeOf(thread.errors).toEqualTypeOf<ValidationIssue[]>();
    // @ts-expect-error no value without narrowing to valid
    void thread.value;
  }
  const conversation = validateUpdateConversationRequest(body);
  expectTypeOf(conversation).toEqualTypeOf<ValidationResult<UpdateConversationRequest>>();
  if (conversation.valid) {
    expectTypeOf(conversation.value.unread_count).toEqualTypeOf<number | undefined>();
    // @ts-expect-error a conversation request has no draft fields
    void conversation.value.draft_subject;
  }
});

test("the response validators are the 200 bodies", () => {
  const conversation = validateUpdateConversationResponse(body);
  if (conversation.valid) expectTypeOf(conversation.value.conversation).toEqualTypeOf<Conversation>();
  const thread = validateUpdateThreadResponse(body);
  if (thread.valid) expectTypeOf(thread.value.thread).toEqualTypeOf<Thread>();
  expectTypeOf(validateUpdateThreadResponse).returns.toEqualTypeOf<ReturnType<typeof validateResponseBody<"updateThread", 200>>>();
  expectTypeOf(validateUpdateThreadRequest).returns.toEqualTypeOf<ReturnType<typeof validateRequestBody<"updateThread">>>();
});

test("they take the body alone", () => {
  // @ts-expect-error no operation id: the function is the operation's
  validateUpdateThreadRequest("updateThread", body);
  // @ts-expect-error no status: the function is the 200 response's
  validateUpdateConversationResponse(200, body);
});
