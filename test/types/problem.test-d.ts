// Type-level tests: a strict SDK user reading a problem+json body. Left as they are, on purpose:
// - `Problem` has no index signature. Its extension members (RFC 9457 §3.2) are read without a
//   cast through `in` (TypeScript 4.9+ narrows to `Problem & Record<"trace_id", unknown>`), while
//   a misspelled member (`problem.detial`) and an unknown one in a literal stay compile errors; an
//   index signature `[key: string]: unknown` would give up both.
// - `problem.errors` items are `{ path, keyword, message }`, `path` a JSON Pointer: the wire format
//   (the spec's ValidationError, the validators' ValidationIssue). The field's name is
//   `fieldOfPointer(path)`, as `PuffleValidationError.field` gives it for the first issue.
import { expectTypeOf, test } from "vitest";
import { fieldOfPointer, PuffleApiError } from "../../src/index.js";
import type { DuplicateThreadProblem, Problem, ValidationIssue } from "../../src/index.js";

declare const problem: Problem;

test("an extension member is read through `in`, without a cast; a misspelled member is an error", () => {
  if ("trace_id" in problem) expectTypeOf(problem.trace_id).toEqualTypeOf<unknown>();
  const traceId = "trace_id" in problem && typeof problem.trace_id === "string" ? problem.trace_id : undefined;
  expectTypeOf(traceId).toEqualTypeOf<string | undefined>();
  // @ts-expect-error no `detial`: a misspelled member is caught
  void problem.detial;
  // @ts-expect-error an unknown member in a literal is caught (a fixture, a mock's answer)
  const fixture: Problem = { type: "about:blank", title: "Not Found", status: 404, detial: "x" };
  void fixture;
  // The one extension member the spec names is typed, on its own type.
  const duplicate = {} as DuplicateThreadProblem;
  expectTypeOf(duplicate.existing_thread.id).toEqualTypeOf<string>();
});

test("an issue's `path` is a JSON Pointer; `fieldOfPointer` names the field", () => {
  type Item = NonNullable<Problem["errors"]>[number];
  expectTypeOf<Item>().toEqualTypeOf<{ keyword: string; message: string; path: string }>();
  expectTypeOf<Item>().toEqualTypeOf<ValidationIssue>();
  const fields = (error: unknown) => (error instanceof PuffleApiError ? (error.problem?.errors ?? []).map((issue) => fieldOfPointer(issue.path)) : []);
  expectTypeOf(fields).returns.toEqualTypeOf<string[]>();
  // @ts-expect-error no `field` on an issue: it is `path`
  void problem.errors?.[0]?.field;
});
