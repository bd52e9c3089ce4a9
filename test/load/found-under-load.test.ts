// Server bugs the load test found, pinned as plain regression tests (deterministic, in-process).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/index.js";
import { DOCS_THREAD, send, snapshot, start } from "../server/http.js";

describe("another method is a 405 whatever its body (docs/server.md: the method is check 1)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.close();
  });

  // Found by test/load/server-load.test.ts: `DELETE` with `Content-Type: application/json` and no
  // body was a 400 "not valid JSON", because the body was parsed before the method was checked.
  const bodies: Array<[string, string, string]> = [
    ["an empty JSON body", "", "application/json"],
    ["invalid JSON", '{"status":', "application/json"],
    ["a body nested too deep", `{"a":${"[".repeat(100)}${"]".repeat(100)}}`, "application/json"],
    ["a body over the size limit", JSON.stringify({ draft_body_text: "x".repeat(1_100_000) }), "application/json"],
    ["a text/plain body", '{"status":"archived"}', "text/plain"],
  ];
  for (const op of ["updateConversation", "updateThread"] as const) {
    for (const method of ["DELETE", "POST", "PUT"]) {
      for (const [what, body, contentType] of bodies) {
        it(`${op}: ${method} with ${what} → 405, nothing changed`, async () => {
          const before = snapshot(server);
          const res = await send(server, op, DOCS_THREAD, { method, body, contentType, token: null });
          expect(res.status, res.text).toBe(405);
          expect(res.headers.get("allow")).toBe("PATCH");
          expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/method-not-allowed", status: 405 });
          expect(snapshot(server)).toEqual(before);
        });
      }
    }
  }
});
