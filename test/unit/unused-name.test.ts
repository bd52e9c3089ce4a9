// unusedName (test/helpers.ts) names the field or column a "the check can fail" test plants: never one
// the spec or the server really has. Those plants used draft_reply_to, and a contributor adding that
// field for real saw them fail beside the real change ("expected [] to deeply equal [draft_reply_to]").
// No test failed with unusedName returning its name as given, since the spec has no draft_reply_to yet.
import { describe, expect, it } from "vitest";
import { unusedName } from "../helpers.js";

describe("unusedName", () => {
  it("keeps a free name as it is", () => {
    expect(unusedName("draft_reply_to", ["draft_cc", "draft_bcc"])).toBe("draft_reply_to");
    expect(unusedName("draft_reply_to", [])).toBe("draft_reply_to");
  });

  it("a name the spec has (draft_reply_to added for real) gives another, free one", () => {
    const taken = ["draft_cc", "draft_reply_to"];
    const name = unusedName("draft_reply_to", taken);
    expect(taken).not.toContain(name);
    expect(name).toBe("planted_draft_reply_to");
  });

  it("goes on until the name is free, from any iterable (a Set, a generator)", () => {
    const taken = new Set(["priority", "planted_priority"]);
    expect(unusedName("priority", taken)).toBe("planted_planted_priority");
    expect(unusedName("priority", (function* () { yield "priority"; })())).toBe("planted_priority");
  });
});
