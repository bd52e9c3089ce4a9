// What a caller (a batch job's worker, a logger) is handed is its own: changing a result, an issue or
// an AJV error object leaves the next call's answer as it was, and the results cross a thread
// (structuredClone, as postMessage clones) whole. The component validators' enum errors carried
// the generated schema's own `enum` array (AJV's `params.allowedValues`): a caller sorting or
// pushing to it changed every later error's allowedValues, and toIssues' message.
import { describe, expect, it } from "vitest";
import {
  normalizeRequestBody,
  schemas,
  toIssues,
  validatePathParams,
  validateRequestBody,
  validateResponseBody,
  validateUpdateThreadRequest,
} from "../../src/validators.js";

type Mutable = { errors?: { path: string; keyword: string; message: string }[]; dropped?: string[]; body?: Record<string, unknown> };

/** Changes every part of a result a caller could reach. */
function scribble(result: Mutable): void {
  for (const issue of result.errors ?? []) Object.assign(issue, { path: "/x", keyword: "x", message: "x" });
  result.errors?.push({ path: "/y", keyword: "y", message: "y" });
  result.dropped?.push("y");
  if (result.body) result.body.y = 1;
}

describe("results are the caller's own", () => {
  const calls: [string, () => unknown][] = [
    ["validateRequestBody, invalid", () => validateRequestBody("updateThread", { status: "deleted", unread_count: -1 })],
    ["validateRequestBody, not an object", () => validateRequestBody("updateConversation", 5)],
    ["validateRequestBody, unknown operation", () => validateRequestBody("nope" as string, {})],
    ["validateResponseBody, undocumented status", () => validateResponseBody("updateThread", 418 as number, {})],
    ["validateResponseBody, invalid", () => validateResponseBody("updateConversation", 200, { conversation: { status: "x" } })],
    ["validatePathParams", () => validatePathParams("updateThread", { id: "x" })],
    ["validateUpdateThreadRequest", () => validateUpdateThreadRequest({ status: 1 })],
    ["normalizeRequestBody, 400", () => normalizeRequestBody("updateConversation", {})],
    ["normalizeRequestBody, not an object", () => normalizeRequestBody("updateThread", null)],
    ["normalizeRequestBody, ok", () => normalizeRequestBody("updateThread", { status: "deleted", x: 1, draft_attachments: [{ a: 1 }] })],
  ];
  for (const [name, call] of calls) {
    it(`${name}: changing one result leaves the next as it was, and it clones whole`, () => {
      const first = call();
      const expected = structuredClone(first);
      expect(structuredClone(first)).toEqual(first);
      scribble(first as Mutable);
      expect(call()).toEqual(expected);
    });
  }
});

describe("the component validators' AJV errors", () => {
  it("an enum error's allowedValues is a copy: changing it changes no later error nor toIssues' message", () => {
    expect(schemas.Conversation({ status: "x" })).toBe(false);
    const enumError = () => schemas.Conversation.errors!.find((error) => error.keyword === "enum")!;
    const allowed = enumError().params.allowedValues as string[];
    expect(allowed).toEqual(["active", "archived", "draft"]);
    allowed.push("deleted");
    allowed.reverse();

    expect(schemas.Conversation({ status: "x" })).toBe(false);
    expect(enumError().params.allowedValues).toEqual(["active", "archived", "draft"]);
    expect(toIssues([enumError()]).map((issue) => issue.message)).toEqual(['must be one of "active", "archived", "draft"']);
    // The same schema's enum, reached through another component (Thread's status).
    expect(schemas.Thread({ id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", status: "x" })).toBe(false);
    expect(schemas.Thread.errors!.find((error) => error.keyword === "enum")!.params.allowedValues).toEqual(["active", "archived", "draft"]);
  });

  it("toIssues words an enum by the values it holds now: a list changed since an earlier call is not named as it was", () => {
    const allowed = ["a", "b"];
    const error = { instancePath: "/x", schemaPath: "#/enum", keyword: "enum", params: { allowedValues: allowed }, message: "must be equal to one of the allowed values" };
    expect(toIssues([error])[0]!.message).toBe('must be one of "a", "b"');
    allowed.push("c");
    expect(toIssues([error])[0]!.message).toBe('must be one of "a", "b", "c"');
    expect(toIssues([{ ...error, params: { allowedValues: [1, "1", null] } }])[0]!.message).toBe('must be one of 1, "1", null');
  });

  it("each enum the component validators report is not shared between calls", () => {
    const cases: [keyof typeof schemas, unknown][] = [
      ["Channel", "fax"],
      ["ConversationStatus", "x"],
      ["StatusUpdate", "draft"],
      ["UpdateThreadRequest", { status: "x" }],
      ["UpdateConversationRequest", { status: "x" }],
    ];
    for (const [name, value] of cases) {
      const validate = schemas[name] as (value: unknown) => boolean;
      const errorsOf = () => (validate as unknown as { errors: { keyword: string; params: { allowedValues?: unknown[] } }[] }).errors;
      expect(validate(value), name).toBe(false);
      const first = errorsOf().find((error) => error.keyword === "enum")!.params.allowedValues!;
      expect(validate(value), name).toBe(false);
      const second = errorsOf().find((error) => error.keyword === "enum")!.params.allowedValues!;
      expect(second, name).toEqual(first);
      expect(second, name).not.toBe(first);
    }
  });
});

describe("toIssues' enum messages", () => {
  // A list whose `map` counts its calls: toIssues words a list with it unless its message is kept.
  class Counted<T> extends Array<T> {
    static calls = 0;
    override map<U>(fn: (value: T, index: number, array: T[]) => U): U[] {
      Counted.calls++;
      return Array.from(this, (value, index) => fn(value, index, this));
    }
  }
  const wordings = (allowed: unknown[]) => {
    const list = Counted.from(allowed);
    const error = { instancePath: "/x", schemaPath: "#/enum", keyword: "enum", params: { allowedValues: list }, message: "m" };
    Counted.calls = 0;
    const messages = [toIssues([error])[0]!.message, toIssues([{ ...error, params: { allowedValues: Counted.from(allowed) } }])[0]!.message];
    expect(messages[1]).toBe(messages[0]);
    return Counted.calls;
  };

  it("a short list's message is kept by its values (a copy of it is not worded again)", () => {
    expect(wordings(["short-a", "short-b"])).toBe(1);
  });

  it("a list of long values is not kept: the key would hold them whole (256 lists of a 1 MB string held 256 MB)", () => {
    expect(wordings(["x".repeat(2000), "y"])).toBe(2);
    expect(wordings(Array.from({ length: 60 }, (_, i) => `value-${i}-`.padEnd(40, "z")))).toBe(2);
  });
});
