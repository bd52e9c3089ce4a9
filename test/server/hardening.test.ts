// Findings of a security review of the reference server: ambiguous credentials and requests that
// never finish arriving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/index.js";
import { ALICE, BOB, DOCS_CONVERSATION, checkResponse, parseRawResponse, pathOf, rawExchange, snapshot, start } from "./http.js";

let server: RunningServer;
beforeAll(async () => {
  server = await start();
});
afterAll(async () => {
  await server.close();
});

/** A PATCH of the docs' conversation with these Authorization header lines, as written. */
function withAuthorization(...values: string[]): string {
  const body = '{"status":"active"}';
  return (
    `PATCH ${pathOf("updateConversation", DOCS_CONVERSATION)} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    values.map((v) => `Authorization: ${v}\r\n`).join("") +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
  );
}

describe("more than one Authorization header → 401 invalid_token, nothing written", () => {
  // Node kept the first and dropped the rest: a request whose first header was valid was served
  // whatever else it carried (and a proxy that reads the last one would see another user).
  const cases: [string, string[]][] = [
    ["a valid one, then an invalid one", [`Bearer ${ALICE}`, "Bearer nope"]],
    ["an invalid one, then a valid one", ["Bearer nope", `Bearer ${ALICE}`]],
    ["two users' tokens", [`Bearer ${ALICE}`, `Bearer ${BOB}`]],
    ["the same valid one twice", [`Bearer ${ALICE}`, `Bearer ${ALICE}`]],
  ];
  it.each(cases)("%s", async (_name, values) => {
    const before = snapshot(server);
    const exchange = await rawExchange(server, withAuthorization(...values));
    const res = parseRawResponse(exchange.text);
    checkResponse("updateConversation", "PATCH", res);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="puffle", error="invalid_token"');
    expect(snapshot(server)).toEqual(before);
  });

  it("one valid header is still served", async () => {
    const res = parseRawResponse((await rawExchange(server, withAuthorization(`Bearer ${ALICE}`))).text);
    expect(res.status).toBe(200);
  });
});

describe("a request that never finishes arriving", () => {
  // Fastify's default requestTimeout is 0: headers and part of a body, then nothing, held the
  // connection (and the buffered body) for ever. Node answers it with the 408 problem
  // (clientErrorHandler, tested in robustness.test.ts) once the time is up.
  it("has a finite request timeout, no shorter than the headers timeout", () => {
    const http = server.app.server;
    expect(http.requestTimeout).toBeGreaterThan(0);
    expect(http.requestTimeout).toBeLessThanOrEqual(120_000);
    expect(http.headersTimeout).toBeLessThanOrEqual(http.requestTimeout);
  });
});
