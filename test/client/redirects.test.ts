// The client does not follow redirects. fetch's default ("follow") re-sent the PATCH, its body and
// every header but Authorization (the caller's own API-key header, a cookie…) to whatever origin a
// 307/308 named, and returned that origin's answer as the update's result.
import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPuffleClient } from "../../src/client.js";
import { PuffleApiError, PuffleNetworkError } from "../../src/errors.js";
import { listenOnLoopback } from "../helpers.js";

const ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
let elsewhere: Server;
let redirector: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let redirectorUrl = "";

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ conversation: { id: ID } }));
    });
  });
  const elsewhereUrl = await listenOnLoopback(elsewhere);
  // Another origin (another port): answers every request with the status in its path's first segment.
  redirector = createServer((req, res) => {
    req.resume();
    const status = Number(/^\/(\d{3})\//.exec(req.url ?? "")?.[1] ?? 307);
    res.writeHead(status, { location: `${elsewhereUrl}/api/conversations/${ID}` }).end();
  });
  redirectorUrl = await listenOnLoopback(redirector);
});
afterAll(async () => {
  await Promise.all([elsewhere, redirector].map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("a redirect to another origin", () => {
  for (const status of [301, 302, 303, 307, 308]) {
    it(`${status}: the methods throw PuffleApiError with the ${status} (not retried); nothing reaches the other origin`, async () => {
      received.length = 0;
      const client = createPuffleClient({ baseUrl: `${redirectorUrl}/${status}`, apiKey: "tok", headers: { "x-api-key": "secret" } });
      const error = await client.updateConversation(ID, { status: "archived" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PuffleApiError);
      expect((error as PuffleApiError).status).toBe(status);
      expect((error as PuffleApiError).attempts).toBe(1);
      expect(received).toEqual([]);
    });
  }

  it("PATCH (openapi-fetch) returns the 307 as the response; nothing reaches the other origin", async () => {
    received.length = 0;
    const client = createPuffleClient({ baseUrl: `${redirectorUrl}/307`, apiKey: "tok", headers: { "x-api-key": "secret" } });
    const { response } = await client.PATCH("/api/conversations/{id}", { params: { path: { id: ID } }, body: { status: "archived" } });
    expect(response.status).toBe(307);
    expect(received).toEqual([]);
  });

  it("the methods also send redirect: \"manual\" to an injected fetch", async () => {
    let redirect: RequestRedirect | undefined;
    const client = createPuffleClient({
      apiKey: "tok",
      fetch: async (_input, init) => {
        redirect = init?.redirect;
        return new Response(JSON.stringify({ conversation: { id: ID } }), { status: 200 });
      },
    });
    await client.updateConversation(ID, { status: "archived" });
    expect(redirect).toBe("manual");
  });

  // A browser answers redirect: "manual" with an opaque redirect (status 0, nothing readable).
  it("a browser's opaque redirect: PuffleNetworkError naming the redirect, after one attempt (not retried)", async () => {
    let calls = 0;
    const opaque = { type: "opaqueredirect", status: 0, statusText: "", headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0), text: async () => "" };
    const client = createPuffleClient({ apiKey: "tok", fetch: (async () => { calls++; return opaque; }) as unknown as typeof fetch });
    const error = await client.updateConversation(ID, { status: "archived" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PuffleNetworkError);
    expect((error as PuffleNetworkError).attempts).toBe(1);
    expect(String(((error as Error).cause as Error)?.message)).toMatch(/answered with a redirect, which the client does not follow/);
    expect(calls).toBe(1);
  });
});
