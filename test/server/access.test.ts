// Bearer auth, ownership (404 same as missing) and malformed ids, over HTTP on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultSeed } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import type { OperationId } from "../../src/validators.js";
import { ALICE, BOB, BOB_CONVERSATION, BOB_THREAD, DOCS_CONVERSATION, DOCS_THREAD, MISSING_ID, send, snapshot, start } from "./http.js";

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.close();
});

const ops: OperationId[] = ["updateConversation", "updateThread"];

describe("bearer auth", () => {
  const cases: { name: string; headers: Record<string, string>; token: string | null; challenge: string }[] = [
    { name: "no Authorization header", headers: {}, token: null, challenge: 'Bearer realm="puffle"' },
    { name: "empty Authorization header", headers: { authorization: "" }, token: null, challenge: 'Bearer realm="puffle"' },
    { name: "Basic scheme", headers: { authorization: "Basic YWxpY2U6c2VjcmV0" }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "Bearer without a token", headers: { authorization: "Bearer" }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "Bearer with spaces only", headers: { authorization: "Bearer    " }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "token without scheme", headers: { authorization: ALICE }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    // A valid token under another scheme: the header must be of the form `Bearer <token>` (both pages).
    { name: "a valid token under the Basic scheme", headers: { authorization: `Basic ${ALICE}` }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "a valid token under the Token scheme", headers: { authorization: `Token ${ALICE}` }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "a valid token after a scheme ending in Bearer", headers: { authorization: `XBearer ${ALICE}` }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "two tokens", headers: { authorization: `Bearer ${ALICE} ${BOB}` }, token: null, challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "unknown token", headers: {}, token: "puffle_test_mallory", challenge: 'Bearer realm="puffle", error="invalid_token"' },
    { name: "token of another case", headers: {}, token: ALICE.toUpperCase(), challenge: 'Bearer realm="puffle", error="invalid_token"' },
  ];
  for (const op of ops) {
    for (const c of cases) {
      it(`${op}: ${c.name} → 401 with WWW-Authenticate: Bearer, nothing changed`, async () => {
        const before = snapshot(server);
        const res = await send(server, op, DOCS_THREAD, { token: c.token, headers: c.headers, body: { status: "active" } });
        expect(res.status).toBe(401);
        expect(res.headers.get("www-authenticate")).toBe(c.challenge);
        expect(res.body).toMatchObject({ type: "https://app.puffle.ai/problems/unauthorized", title: "Unauthorized", status: 401 });
        expect(snapshot(server)).toEqual(before);
      });
    }
  }

  it.each([
    ["the scheme in lower case", `bearer ${ALICE}`],
    ["the scheme in upper case", `BEARER ${ALICE}`],
    ["several spaces after the scheme", `Bearer   ${ALICE}`],
  ])("accepts %s", async (_name, authorization) => {
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { token: null, headers: { authorization }, body: { unread_count: 1 } });
    expect(res.status).toBe(200);
  });

  it("accepts a seed token that ends in = padding (RFC 6750 b64token)", async () => {
    const padded = "puffle_test_padded==";
    const custom = await start({ seed: { ...defaultSeed, users: defaultSeed.users.map((u) => (u.token === ALICE ? { ...u, token: padded } : u)) } });
    try {
      const res = await send(custom, "updateConversation", DOCS_CONVERSATION, { token: padded, body: { unread_count: 1 } });
      expect(res.status).toBe(200);
    } finally {
      await custom.close();
    }
  });

  it("authenticates before it looks at the id or the body", async () => {
    const res = await send(server, "updateThread", "not-a-uuid", { token: null, body: "{broken" });
    expect(res.status).toBe(401);
  });
});

describe("ownership", () => {
  const table: { op: OperationId; token: string; owned: string; notOwned: string }[] = [
    { op: "updateConversation", token: ALICE, owned: DOCS_CONVERSATION, notOwned: BOB_CONVERSATION },
    { op: "updateThread", token: ALICE, owned: DOCS_THREAD, notOwned: BOB_THREAD },
    { op: "updateConversation", token: BOB, owned: BOB_CONVERSATION, notOwned: DOCS_CONVERSATION },
    { op: "updateThread", token: BOB, owned: BOB_THREAD, notOwned: DOCS_THREAD },
  ];
  for (const { op, token, owned, notOwned } of table) {
    it(`${op} as ${token}: another user's record → 404 byte-for-byte the same as a missing id`, async () => {
      const before = snapshot(server);
      const body = { status: "archived", unread_count: 5 };
      const other = await send(server, op, notOwned, { token, body });
      const missing = await send(server, op, MISSING_ID, { token, body });
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(other.text).toBe(missing.text);
      for (const header of ["content-type", "content-length", "www-authenticate", "allow"]) {
        expect(other.headers.get(header)).toBe(missing.headers.get(header));
      }
      expect(other.body).toMatchObject({ type: "https://app.puffle.ai/problems/not-found", title: "Not found", status: 404 });
      expect(snapshot(server)).toEqual(before);
      // The owner can update it.
      const own = await send(server, op, owned, { token, body: { unread_count: 2 } });
      expect(own.status).toBe(200);
    });
  }

  it("an id in upper case names the same record", async () => {
    const res = await send(server, "updateThread", DOCS_THREAD.toUpperCase(), { body: { unread_count: 0 } });
    expect(res.status).toBe(200);
    expect((res.body as { thread: { id: string } }).thread.id).toBe(DOCS_THREAD);
  });
});

describe("malformed ids → 400 with errors at /id (validatePathParams)", () => {
  // `body`: what is sent with it (default a valid one). The id is checked first: its 400 lists only
  // `/id` whatever the body (Problem.errors says so).
  const ids: { name: string; raw: string; body?: unknown }[] = [
    { name: "a word", raw: "nope" },
    { name: "a UUID without dashes", raw: "f11e8a2c123445679abcdef01234567a" },
    { name: "a UUID with an invalid version nibble", raw: "f11e8a2c-1234-9567-89ab-cdef01234567" },
    { name: "a UUID with version nibble 0", raw: "f11e8a2c-1234-0567-89ab-cdef01234567" },
    { name: "a UUID with an invalid variant nibble", raw: "f11e8a2c-1234-4567-c9ab-cdef01234567" },
    { name: "a UUID with a trailing character", raw: `${DOCS_CONVERSATION}0` },
    { name: "a UUID in braces", raw: `%7B${DOCS_CONVERSATION}%7D` },
    { name: "an encoded slash", raw: "a%2Fb" },
    { name: "a dot", raw: "." },
    { name: "a space", raw: "%20" },
    { name: "an empty id", raw: "" },
    { name: "a very long id", raw: "a".repeat(5000) },
    { name: "a word, with a body whose every field is invalid", raw: "nope", body: { status: "deleted", unread_count: -1, foo: 1 } },
    { name: "a word, with a body that is not JSON", raw: "nope", body: "{broken" },
  ];
  for (const op of ops) {
    for (const { name, raw, body = { status: "active" } } of ids) {
      it(`${op}: ${name}`, async () => {
        const before = snapshot(server);
        const base = op === "updateConversation" ? "/api/conversations/" : "/api/threads/";
        const res = await send(server, op, raw, { rawPath: base + raw, body });
        expect(res.status).toBe(400);
        const problem = res.body as { type: string; errors: { path: string; keyword: string }[] };
        expect(problem.type).toBe("https://app.puffle.ai/problems/invalid-request");
        expect(problem.errors.length).toBeGreaterThan(0);
        for (const error of problem.errors) expect(error.path).toBe("/id");
        expect(snapshot(server)).toEqual(before);
      });
    }
  }

  // The conversation page's pattern takes the nil and the max UUID besides versions 1-8 of the
  // RFC 9562 variant: they pass the id check and are looked up (no record has them: the 404).
  for (const op of ops) {
    it.each([
      ["the nil UUID", "00000000-0000-0000-0000-000000000000"],
      ["the max UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
      ["a version 8 UUID of variant b", "f11e8a2c-1234-8567-b9ab-cdef01234567"],
    ])(`${op}: %s matches the pattern → 404, not 400`, async (_name, raw) => {
      const res = await send(server, op, raw, { body: { status: "active" } });
      expect(res.status).toBe(404);
    });
  }

  it("a path with an extra segment is not the endpoint → 404", async () => {
    const res = await send(server, "updateThread", "", { rawPath: `/api/threads/a/b`, body: { status: "active" } });
    expect(res.status).toBe(404);
  });
});
