// The client reads at most `maxResponseBytes` of a response body. It read every body whole: a
// server that streamed without end (or a small gzip that inflates to gigabytes) grew the process
// until the deadline — with `timeoutMs: 0`, until it ran out of memory.
import { createServer } from "node:http";
import type { Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPuffleClient, DEFAULT_MAX_RESPONSE_BYTES, PuffleConfigError } from "../../src/client.js";
import { PuffleNetworkError } from "../../src/errors.js";

const ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
const record = JSON.stringify({ conversation: { id: ID, note: "x".repeat(2000) } });
let server: Server;
let base = "";
const hits: Record<string, number> = {};
/** What the endless stream wrote before the client stopped reading (bounded by the test anyway). */
let streamed = 0;

function endless(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const write = () => {
    // Never more than 64 MiB, whatever the client does.
    while (streamed < 64 * 1024 * 1024 && !res.destroyed) {
      streamed += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    res.end();
  };
  res.write("{");
  write();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const kind = /^\/(\w+)\//.exec(req.url ?? "")?.[1] ?? "";
    hits[kind] = (hits[kind] ?? 0) + 1;
    switch (kind) {
      case "endless":
        return endless(res);
      case "declared":
        // Declares 1 GiB; sends a little and then nothing (the client must not wait for the rest).
        res.writeHead(502, { "content-type": "text/plain", "content-length": String(1024 ** 3) });
        return void res.write("x".repeat(1000));
      case "head":
        // What a HEAD is answered with: the length of the body it leaves out, and no body.
        return void res.writeHead(200, { "content-type": "application/json", "content-length": String(1024 ** 3) }).end();
      case "gzip": {
        // 2 MiB of spaces, about 2 KiB on the wire.
        const body = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20));
        return void res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(body.length) }).end(body);
      }
      default:
        return void res.writeHead(200, { "content-type": "application/json" }).end(record);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failureOf(promise: Promise<unknown>): Promise<PuffleNetworkError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PuffleNetworkError);
  return error as PuffleNetworkError;
}

describe("maxResponseBytes", () => {
  it("defaults to 16 MiB", () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(16 * 1024 * 1024);
  });

  it("an endless body: PuffleNetworkError once past the limit, one attempt, the rest not read", async () => {
    streamed = 0;
    const client = createPuffleClient({ baseUrl: `${base}/endless`, apiKey: "k", maxResponseBytes: 1024 * 1024, timeoutMs: 0 });
    const error = await failureOf(client.updateConversation(ID, { status: "active" }));
    expect(error.message).toMatch(/larger than maxResponseBytes \(1048576 bytes\)/);
    expect(error.attempts).toBe(1);
    expect(hits.endless).toBe(1);
    expect(streamed).toBeLessThan(64 * 1024 * 1024);
  });

  it("a declared Content-Length over the limit fails at once (an error status too), without a retry", async () => {
    const client = createPuffleClient({ baseUrl: `${base}/declared`, apiKey: "k", maxResponseBytes: 4096, timeoutMs: 0 });
    const error = await failureOf(client.updateConversation(ID, { status: "active" }));
    expect(error.message).toMatch(/larger than maxResponseBytes \(4096 bytes\)/);
    expect(error.attempts).toBe(1);
  });

  it("a compressed body is counted as decoded", async () => {
    const client = createPuffleClient({ baseUrl: `${base}/gzip`, apiKey: "k", maxResponseBytes: 1024 * 1024 });
    expect((await failureOf(client.updateConversation(ID, { status: "active" }))).message).toMatch(/larger than maxResponseBytes/);
  });

  it("PATCH (openapi-fetch) is bounded too", async () => {
    const client = createPuffleClient({ baseUrl: `${base}/endless`, apiKey: "k", maxResponseBytes: 1024 * 1024, timeoutMs: 0, maxRetries: 2 });
    const before = hits.endless ?? 0;
    const error = await failureOf(client.PATCH("/api/conversations/{id}", { params: { path: { id: ID } }, body: { status: "active" } }));
    expect(error.message).toMatch(/larger than maxResponseBytes/);
    expect(hits.endless).toBe(before + 1);
  });

  it("an injected fetch's response without Content-Length is counted", async () => {
    const client = createPuffleClient({ apiKey: "k", maxResponseBytes: 100, fetch: async () => new Response(record, { status: 200 }) });
    expect((await failureOf(client.updateConversation(ID, { status: "active" }))).message).toMatch(/larger than maxResponseBytes \(100 bytes\)/);
  });

  it("a body within the limit is read as before, declared or streamed; 0 means no limit", async () => {
    for (const maxResponseBytes of [record.length, 0, undefined]) {
      const client = createPuffleClient({ baseUrl: `${base}/ok`, apiKey: "k", maxResponseBytes });
      expect(await client.updateConversation(ID, { status: "active" })).toEqual(JSON.parse(record).conversation);
      const injected = createPuffleClient({ apiKey: "k", maxResponseBytes, fetch: async () => new Response(record, { status: 200 }) });
      expect(await injected.updateConversation(ID, { status: "active" })).toEqual(JSON.parse(record).conversation);
      const { data } = await client.PATCH("/api/conversations/{id}", { params: { path: { id: ID } }, body: { status: "active" } });
      expect(data).toEqual(JSON.parse(record));
    }
  });

  it("another fetch's response declaring a Content-Length within the limit is checked once read (its body may be longer)", async () => {
    // Shaped like node-fetch's or a polyfill's: not this realm's Response, so it is copied, and its
    // Content-Length says nothing of what its arrayBuffer() delivers.
    const foreign = () => ({
      status: 200,
      statusText: "OK",
      headers: new Headers({ "content-type": "application/json", "content-length": "10" }),
      body: null,
      arrayBuffer: async () => new TextEncoder().encode(record).buffer,
      text: async () => record,
    });
    const client = createPuffleClient({ apiKey: "k", maxResponseBytes: 100, maxRetries: 2, fetch: async () => foreign() as unknown as Response });
    const error = await failureOf(client.updateConversation(ID, { status: "active" }));
    expect(error.message).toMatch(/larger than maxResponseBytes \(100 bytes\)/);
    expect(error.attempts).toBe(1);
    expect((await failureOf(client.PATCH("/api/conversations/{id}", { params: { path: { id: ID } }, body: { status: "active" } }))).message).toMatch(/larger than maxResponseBytes/);
  });

  it("a browser's cross-origin response (type cors, Content-Encoding hidden) is counted as it streams: its Content-Length may be the compressed size", async () => {
    // What a browser hands back for a gzip body from an API that does not expose Content-Encoding:
    // Content-Length (safelisted) says 10, the decoded body is longer. It must not be read whole
    // before the size is checked (a gzip bomb): the stream is pulled only until the limit passes.
    let pulls = 0;
    const cors = (chunks: number) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulls += 1;
          if (pulls > chunks) controller.close();
          else controller.enqueue(new TextEncoder().encode(pulls === 1 ? `{"conversation":{"id":"${ID}","note":"` : "x".repeat(1000)));
        },
      });
      const response = new Response(body, { status: 200, headers: { "content-type": "application/json", "content-length": "10" } });
      Object.defineProperty(response, "type", { value: "cors" });
      return response;
    };
    const client = createPuffleClient({ apiKey: "k", maxResponseBytes: 4096, maxRetries: 2, fetch: async () => cors(200) });
    const error = await failureOf(client.updateConversation(ID, { status: "active" }));
    expect(error.message).toMatch(/larger than maxResponseBytes \(4096 bytes\)/);
    expect(error.attempts).toBe(1);
    expect(pulls).toBeLessThan(10);
    // Within the limit it is read as before.
    const small = () => {
      const response = new Response(record, { status: 200, headers: { "content-type": "application/json", "content-length": String(record.length) } });
      Object.defineProperty(response, "type", { value: "cors" });
      return response;
    };
    const roomy = createPuffleClient({ apiKey: "k", maxResponseBytes: record.length, fetch: async () => small() });
    expect(await roomy.updateConversation(ID, { status: "active" })).toEqual(JSON.parse(record).conversation);
  });

  it("this realm's Response from an injected fetch declaring a Content-Length within the limit is checked once read (a mock need not enforce it)", async () => {
    const lying = () => new Response(record, { status: 200, headers: { "content-type": "application/json", "content-length": "10" } });
    const client = createPuffleClient({ apiKey: "k", maxResponseBytes: 100, maxRetries: 2, fetch: async () => lying() });
    const error = await failureOf(client.updateConversation(ID, { status: "active" }));
    expect(error.message).toMatch(/larger than maxResponseBytes \(100 bytes\)/);
    expect(error.attempts).toBe(1);
    expect((await failureOf(client.PATCH("/api/conversations/{id}", { params: { path: { id: ID } }, body: { status: "active" } }))).message).toMatch(/larger than maxResponseBytes/);
  });

  it("a response without a body (HEAD) declaring more than the limit is not an error: there is nothing to read", async () => {
    const client = createPuffleClient({ baseUrl: `${base}/head`, apiKey: "k", maxResponseBytes: 4096 });
    // The spec documents no HEAD: called through openapi-fetch's untyped method, as a raw call may.
    const head = client.HEAD as unknown as (path: string, init: object) => Promise<{ response: Response }>;
    const { response } = await head("/api/conversations/{id}", { params: { path: { id: ID } } });
    expect(response.status).toBe(200);
    const nobody = createPuffleClient({ apiKey: "k", maxResponseBytes: 4096, fetch: async () => new Response(null, { status: 200, headers: { "content-length": String(1024 ** 3) } }) });
    const { response: direct } = await nobody.PATCH("/api/conversations/{id}", { params: { path: { id: ID } }, body: { status: "active" }, parseAs: "text" });
    expect(direct.status).toBe(200);
  });

  it("a body streamed as strings, not bytes, fails at its first chunk as text() does (it was counted as NaN bytes, never over the limit)", async () => {
    let pulls = 0;
    // Bounded here; an endless one was read for ever (every read resolves at once: not even the timeout could fire).
    const strings = () =>
      new ReadableStream({
        pull(controller) {
          pulls += 1;
          if (pulls > 50) controller.close();
          else controller.enqueue("x".repeat(1000));
        },
      });
    const client = createPuffleClient({ apiKey: "k", maxResponseBytes: 4096, maxRetries: 0, fetch: async () => new Response(strings(), { status: 200 }) });
    const error = await failureOf(client.updateConversation(ID, { status: "active" }));
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(String((error.cause as Error).message)).toMatch(/non-Uint8Array chunk/);
    expect(pulls).toBeLessThan(5);
  });

  it.each([-1, 1.5, "16", Number.MAX_SAFE_INTEGER + 1])("rejects %s", (value) => {
    expect(() => createPuffleClient({ maxResponseBytes: value as number })).toThrow(PuffleConfigError);
  });
});
