// The request log (logger on) never prints a bearer token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/index.js";
import { ALICE, BOB, DOCS_CONVERSATION, DOCS_THREAD, send, start } from "./http.js";

const lines: string[] = [];
let server: RunningServer;
beforeAll(async () => {
  server = await start({ logger: true, logStream: { write: (line: string) => void lines.push(line) } });
});
afterAll(async () => {
  await server.close();
});

describe("request log", () => {
  const secret = "puffle_secret_never_logged_9c1f";
  it("logs every request without the Authorization header or any token", async () => {
    await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { token: BOB, body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { token: secret, body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { token: null, headers: { authorization: `Basic ${secret}` }, body: { status: "active" } });
    await send(server, "updateThread", DOCS_THREAD, { body: "{not json" });
    await send(server, "updateThread", DOCS_THREAD, { body: { status: "active" }, contentType: "text/plain" });
    await send(server, "updateThread", DOCS_THREAD, { method: "DELETE" });
    await send(server, "updateThread", DOCS_THREAD, { rawPath: `/api/threads/${DOCS_THREAD}?access_token=${secret}`, body: { unread_count: 1 } });

    const log = lines.join("");
    // The log is there and covers the requests (so the assertions below can fail) …
    const entries = lines.flatMap((line) => line.split("\n")).filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as { req?: { method?: string; url?: string }; res?: { statusCode?: number } });
    expect(entries.filter((e) => e.req !== undefined)).toHaveLength(8);
    expect(entries.filter((e) => e.res !== undefined).map((e) => e.res?.statusCode)).toEqual([200, 404, 401, 401, 400, 415, 405, 200]);
    // … and no credential appears in it.
    for (const token of [ALICE, BOB, secret]) expect(log).not.toContain(token);
    expect(log.toLowerCase()).not.toContain("authorization");
    expect(log).not.toContain("Bearer");
  });
});
