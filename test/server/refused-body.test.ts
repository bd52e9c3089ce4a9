// The detail of the reference server's 400 for a body normalizeRequestBody refuses. A spec whose
// request schema makes a field required (a legitimate edit for a major) made the server answer a
// body without it, `{"unread_count": 0}`, with "At least one valid field must be present." beside
// the valid field it held; the errors said `/status` `required`, the detail contradicted them.
import { describe, expect, it } from "vitest";
import { refusedBodyProblem } from "../../src/server/problems.js";
import { normalizeRequestBody } from "../../src/validators.js";

describe("refusedBodyProblem: the 400's detail says why the body was refused", () => {
  it("a field the request schema requires, missing (planted: status required)", () => {
    const errors = [{ path: "/status", keyword: "required", message: "is required" }];
    expect(refusedBodyProblem(errors).detail).toBe("The request body must include status.");
  });

  it("several required fields, each named (a pointer's escapes read back)", () => {
    const errors = [
      { path: "/status", keyword: "required", message: "is required" },
      { path: "/a~1b", keyword: "required", message: "is required" },
    ];
    expect(refusedBodyProblem(errors)).toMatchObject({ status: 400, detail: "The request body must include status, a/b.", errors });
  });

  it("a missing field beside another issue of the request schema's check: the missing one named, every issue listed", () => {
    const errors = [
      { path: "/status", keyword: "required", message: "is required" },
      { path: "", keyword: "maxProperties", message: "must NOT have more than 1 properties" },
    ];
    expect(refusedBodyProblem(errors)).toMatchObject({ detail: "The request body must include status.", errors });
  });

  it("a required member inside a field's value is that field's issue, not a missing field", () => {
    const errors = [
      { path: "/draft_attachments/0/url", keyword: "required", message: "is required" },
      { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
    ];
    expect(refusedBodyProblem(errors).detail).toBe("At least one valid field must be present.");
  });

  it.each([
    ["an empty body", {}, "At least one valid field must be present."],
    ["an all-invalid body", { status: "deleted" }, "At least one valid field must be present."],
    ["not an object", [1], "The request body must be a JSON object."],
  ])("as before for this spec: %s", (_name, body, detail) => {
    const normalized = normalizeRequestBody("updateConversation", body);
    expect(normalized.ok).toBe(false);
    if (normalized.ok) return;
    expect(refusedBodyProblem(normalized.errors).detail).toBe(detail);
  });
});
