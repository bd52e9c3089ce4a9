// Type-level tests of `puffle-api/validators`: each operation's own validators narrow to the body
// types the spec gives, as the generic functions do for a constant operation id.
import { expectTypeOf, test } from "vitest";
import type { Conversation, Thread, UpdateConversationRequest, UpdateThreadRequest, ValidationError } from "../../src/index.js";
import {
  normalizeRequestBody,
  schemas,
  validateRequestBody,
  validatePathParams,
  validateResponseBody,
  validateUpdateConversationRequest,
  validateUpdateConversationResponse,
  validateUpdateThreadRequest,
  validateUpdateThreadResponse,
} from "../../src/validators.js";
import type { NormalizeResult, OperationId, ResponseBody, SchemaValidateFunction, ValidateFunction, ValidationIssue, ValidationResult } from "../../src/validators.js";

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

test("a response's status narrows the body, given as a number or as its string", () => {
  // A numeric status once inferred `never` and fell through to the untyped overload: `unknown`.
  const duplicate = validateResponseBody("updateThread", 409, body);
  if (duplicate.valid) expectTypeOf(duplicate.value.existing_thread.id).toEqualTypeOf<string>();
  const same = validateResponseBody("updateThread", "409", body);
  expectTypeOf(same).toEqualTypeOf(duplicate);
  const ok = validateResponseBody("updateConversation", 200, body);
  expectTypeOf(ok).toEqualTypeOf<ReturnType<typeof validateUpdateConversationResponse>>();
  expectTypeOf(validateResponseBody("updateThread", 200, body)).toEqualTypeOf<ReturnType<typeof validateUpdateThreadResponse>>();
  // A status known only at run time: the union of the documented bodies.
  const status = 200 as 200 | 409;
  const either = validateResponseBody("updateThread", status, body);
  if (either.valid) expectTypeOf(either.value).toEqualTypeOf<ResponseBody<"updateThread", 200> | ResponseBody<"updateThread", 409>>();
  // 1.0.0 took a status's string form beside a numeric type argument; so does this version.
  const explicit = validateResponseBody<"updateThread", 409>("updateThread", "409", body);
  expectTypeOf(explicit).toEqualTypeOf(duplicate);
  // @ts-expect-error the string form of a status is the number's: no other string
  expectTypeOf(validateResponseBody<"updateThread", "2OO">).toBeFunction();
});

test("a literal status documented for no operation named does not compile", () => {
  // It fell through to the untyped overload and compiled, a result that could only be "not documented".
  // @ts-expect-error 418 is documented for neither operation
  void validateResponseBody("updateThread", 418, body);
  // @ts-expect-error nor its string form
  void validateResponseBody("updateThread", "418", body);
  // @ts-expect-error the 409 is updateThread's: updateConversation documents none
  void validateResponseBody("updateConversation", 409, body);
  // @ts-expect-error a union of statuses none of which is documented
  void validateResponseBody("updateThread", 418 as 418 | 500, body);
  // An operation known only at run time takes a status any of them documents: its bodies' union is not typed.
  const op = "updateThread" as OperationId;
  expectTypeOf(validateResponseBody(op, 409, body)).toEqualTypeOf<ValidationResult<unknown>>();
  // @ts-expect-error 418 is documented for neither of them
  void validateResponseBody(op, 418, body);
  // What is known only at run time compiles as before, untyped: a status, an operation id, a union with a documented status.
  expectTypeOf(validateResponseBody("updateThread", 418 as number, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateResponseBody("updateThread", "418" as string, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateResponseBody("updateThread" as string, 418, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateResponseBody("updateThread", 200 as 200 | 500, body)).toEqualTypeOf<ValidationResult<unknown>>();
  // An explicit instantiation names the typed overload alone, as before.
  expectTypeOf<ReturnType<typeof validateResponseBody<"updateThread", 409>>>().toEqualTypeOf(validateResponseBody("updateThread", 409, body));
});

test("a literal operation id that names no operation does not compile", () => {
  // It fell through to the untyped overload (operationId: string) and compiled: a result that could only be "unknown operationId".
  // @ts-expect-error a misspelt id
  void validateRequestBody("updateThreads", body);
  // @ts-expect-error a misspelt id
  void normalizeRequestBody("updateThreads", body);
  // @ts-expect-error a misspelt id
  void validatePathParams("updateThreads", { id: "x" });
  // @ts-expect-error a misspelt id, with a status both operations document
  void validateResponseBody("nope", 200, body);
  // @ts-expect-error nor with a status known only at run time
  void validateResponseBody("updateThreads", 200 as number, body);
  // @ts-expect-error a union of ids none of which names an operation
  void validateRequestBody("updateThreads" as "updateThreads" | "deleteThread", body);
  // An id known only at run time compiles as before, untyped: `string`, a template literal type, a
  // branded string, a union naming an operation.
  const id = "updateThreads" as string;
  expectTypeOf(validateRequestBody(id, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(normalizeRequestBody(id, body)).toEqualTypeOf<NormalizeResult<unknown>>();
  expectTypeOf(validatePathParams(id, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateResponseBody(id, 200, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateRequestBody("updateThread" as `update${string}`, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateRequestBody("updateThread" as string & { readonly brand: "OpId" }, body)).toEqualTypeOf<ValidationResult<unknown>>();
  expectTypeOf(validateRequestBody("updateThread" as "updateThread" | "getThread", body)).toEqualTypeOf<ValidationResult<unknown>>();
  // A known id is typed, as before; an explicit instantiation names the typed overload alone.
  expectTypeOf(validateRequestBody("updateThread", body)).toEqualTypeOf<ReturnType<typeof validateRequestBody<"updateThread">>>();
  expectTypeOf(normalizeRequestBody("updateThread", body)).toEqualTypeOf<ReturnType<typeof normalizeRequestBody<"updateThread">>>();
  expectTypeOf(validatePathParams("updateThread", body)).toEqualTypeOf<ReturnType<typeof validatePathParams<"updateThread">>>();
  expectTypeOf<ReturnType<typeof validatePathParams<"updateThread">>>().not.toEqualTypeOf<ValidationResult<unknown>>();
});

test("a component schema's validator narrows a value not yet typed, and leaves a typed one as it is", () => {
  // schemas.X was a plain ValidateFunction: `(data: unknown) => boolean`, no narrowing.
  if (schemas.Conversation(body)) expectTypeOf(body).toEqualTypeOf<Conversation>();
  if (schemas.Problem(body)) expectTypeOf(body.errors).toEqualTypeOf<ValidationError[] | undefined>();
  if (schemas.StatusUpdate(body)) expectTypeOf(body).toEqualTypeOf<"active" | "archived">();
  const either = body as Thread | string;
  if (schemas.Thread(either)) expectTypeOf(either).toEqualTypeOf<Thread>();
  else expectTypeOf(either).toEqualTypeOf<string>();
  // Re-checking a value already typed (a response, a record of the user's): no narrowing, so the
  // false branch is not `never` (nor `undefined` for a maybe).
  const thread = {} as Thread;
  if (!schemas.Thread(thread)) expectTypeOf(thread.id).toEqualTypeOf<string>();
  const maybe = undefined as Thread | undefined;
  if (!schemas.Thread(maybe)) expectTypeOf(maybe?.id).toEqualTypeOf<string | undefined>();
  const parsed: any = JSON.parse("{}");
  expectTypeOf(schemas.Thread(parsed)).toEqualTypeOf<boolean>();
  // Still a ValidateFunction, by name or from a union of names.
  const plain: ValidateFunction = schemas.Thread;
  const name = "Thread" as keyof typeof schemas;
  expectTypeOf(schemas[name](body)).toEqualTypeOf<boolean>();
  for (const validate of Object.values(schemas)) expectTypeOf(validate(body)).toEqualTypeOf<boolean>();
  void plain;
  expectTypeOf(schemas.Uuid).toEqualTypeOf<SchemaValidateFunction<string>>();
});
