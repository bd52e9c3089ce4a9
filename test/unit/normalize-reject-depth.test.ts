// normalizeRequestBody under a "reject" rule (`x-puffle-normalize` with `unknownProperties: reject`)
// and a `maxBodyDepth`, as `npm run generate` writes one (scripts/lib/validators.mjs allows both):
// the spec in openapi/ drops, so updateThread's generated rule is given "reject" here. The first
// refused field's 400 gives way to a later member nested past maxDepth (the API's parser answers
// that first), whatever its key: a `__proto__` holding the deep value too, as the lenient rule does.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../generated/validators.js", async (importOriginal) => {
  const v = await importOriginal<typeof import("../../generated/validators.js")>();
  const thread = v.operations.updateThread;
  return {
    ...v,
    operations: Object.freeze({
      ...v.operations,
      updateThread: Object.freeze({ ...thread, normalize: Object.freeze({ ...thread.normalize, unknownProperties: "reject", invalidProperties: "reject" }) }),
    }),
  };
});

const { normalizeRequestBody } = await import("../../src/validators.js");

const nest = (levels: number): string => "[".repeat(levels) + "]".repeat(levels);
const tooDeep = (key: string) => [{ path: `/${key}${"/0".repeat(63)}`, keyword: "maxDepth", message: "must not be nested more than 64 levels deep" }];

describe("a reject rule's 400 and a later member past maxDepth", () => {
  it("the rule is the mocked one (an unknown field alone is its 400)", () => {
    expect(normalizeRequestBody("updateThread", { status: "active", colour: "red" })).toEqual({ ok: false, status: 400, errors: [{ path: "/colour", keyword: "additionalProperties", message: "is not a known field" }] });
  });
  it.each(["later", "__proto__"])("an unknown field, then %s past it: the maxDepth 400", (key) => {
    // 64 arrays under a member of the body (level 1): the last one is level 66, past 64.
    const body = JSON.parse(`{"colour": "red", ${JSON.stringify(key)}: ${nest(64)}}`) as object;
    expect(normalizeRequestBody("updateThread", body)).toEqual({ ok: false, status: 400, errors: tooDeep(key) });
  });
  it.each(["later", "__proto__"])("an unknown field, then %s at the limit: the unknown field's 400", (key) => {
    const body = JSON.parse(`{"colour": "red", ${JSON.stringify(key)}: ${nest(63)}}`) as object;
    expect(normalizeRequestBody("updateThread", body)).toEqual({ ok: false, status: 400, errors: [{ path: "/colour", keyword: "additionalProperties", message: "is not a known field" }] });
  });
});
