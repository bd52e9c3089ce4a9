// The client against node:http servers that misbehave: every non-2xx becomes one PuffleApiError
// (whatever the body), a dead connection a PuffleNetworkError, a stall a PuffleTimeoutError, the
// caller's signal a PuffleAbortError; a 2xx that is not the documented body a PuffleValidationError.
import { afterEach, describe, expect, it } from "vitest";
import {
  createPuffleClient,
  PuffleAbortError,
  PuffleApiError,
  PuffleError,
  PuffleNetworkError,
  PuffleTimeoutError,
  PuffleValidationError,
} from "../../src/index.js";
import { closedPort, reply, startFaultServer } from "./fault-server.js";
import type { FaultServer } from "./fault-server.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("non-2xx responses become PuffleApiError", () => {
  it("an HTML 502 from a proxy: status, raw text body, no problem, request id", async () => {
    server = await startFaultServer(reply(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", { "content-type": "text/html", "x-request-id": "req_proxy_1" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleApiError);
    const apiError = error as PuffleApiError;
    expect(apiError.status).toBe(502);
    expect(apiError.problem).toBeUndefined();
    expect(apiError.body).toContain("502 Bad Gateway");
    expect(apiError.requestId).toBe("req_proxy_1");
    expect(apiError.message).toContain("HTTP 502");
    expect(apiError.message).toContain("non-JSON response body (text/html)");
    expect(apiError.existingThread).toBeUndefined();
  });

  it("an empty 500 with Content-Length: 0", async () => {
    server = await startFaultServer(reply(500, "", { "content-length": "0" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateConversation(CONVERSATION_ID, { status: "active" }))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(error.status).toBe(500);
    expect(error.body).toBe("");
    expect(error.problem).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    expect(error.message).toContain("empty response body");
  });

  it("an empty 503 sent chunked (no Content-Length)", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(503, { "transfer-encoding": "chunked" });
      res.end();
    });
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateThread(THREAD_ID, { unread_count: 1 }))) as PuffleApiError;
    expect(error).toBeInstanceOf(PuffleApiError);
    expect(error.status).toBe(503);
    expect(error.body).toBe("");
  });

  it("JSON that is not a problem object keeps the body and leaves problem undefined", async () => {
    server = await startFaultServer(reply(400, JSON.stringify({ message: "nope" }), { "content-type": "application/json" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateThread(THREAD_ID, { unread_count: 1 }))) as PuffleApiError;
    expect(error.status).toBe(400);
    expect(error.body).toEqual({ message: "nope" });
    expect(error.problem).toBeUndefined();
  });

  it("a 409 whose body lacks a valid existing_thread has no existingThread", async () => {
    server = await startFaultServer(reply(409, JSON.stringify({ type: "about:blank", title: "Conflict", status: 409 }), { "content-type": "application/problem+json" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateThread(THREAD_ID, { account_id: null }))) as PuffleApiError;
    expect(error.status).toBe(409);
    expect(error.problem?.title).toBe("Conflict");
    expect(error.existingThread).toBeUndefined();
  });
});

describe("2xx responses that are not the documented body", () => {
  it("a 200 with an HTML body is a response PuffleValidationError, not a crash", async () => {
    server = await startFaultServer(reply(200, "<html>ok</html>", { "content-type": "text/html" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateThread(THREAD_ID, { status: "archived" }))) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.target).toBe("response");
    expect(error.status).toBe(200);
    expect(error.issues[0]?.message).toBe("is not JSON");
  });

  it("a 200 with an empty body", async () => {
    server = await startFaultServer(reply(200, "", { "content-length": "0" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateConversation(CONVERSATION_ID, { status: "archived" }))) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.issues[0]?.message).toBe("is empty");
  });

  it("a 200 without the member names it", async () => {
    server = await startFaultServer(reply(200, JSON.stringify({ thread: null }), { "content-type": "application/json" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = (await rejection(client.updateThread(THREAD_ID, { status: "archived" }))) as PuffleValidationError;
    expect(error.field).toBe("thread");
    expect(error.message).toContain("thread must be object");
  });

  it("validate: response names the offending field of a 200 body", async () => {
    const bad = { thread: { id: THREAD_ID, status: "deleted" } };
    server = await startFaultServer(reply(200, JSON.stringify(bad), { "content-type": "application/json", "x-request-id": "req_bad" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k", validate: "response" });
    const error = (await rejection(client.updateThread(THREAD_ID, { status: "archived" }))) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.field).toBe("thread.status");
    expect(error.requestId).toBe("req_bad");
    // The message docs/client.md quotes ("Errors"): the enum's values named, not AJV's "allowed values".
    expect(error.message).toMatch(/^updateThread: response 200: thread\.status must be one of "[a-z_]+"(, "[a-z_]+")*$/);
    // Without `validate`, the same body is returned as it is.
    const lenient = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    await expect(lenient.updateThread(THREAD_ID, { status: "archived" })).resolves.toEqual(bad.thread);
  });

  it("validate: response also applies to the raw client", async () => {
    server = await startFaultServer(reply(200, JSON.stringify({ conversation: { id: CONVERSATION_ID } }), { "content-type": "application/json" }));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k", validate: "both" });
    const error = (await rejection(client.PATCH("/api/conversations/{id}", { params: { path: { id: CONVERSATION_ID } }, body: { status: "active" } }))) as PuffleValidationError;
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect(error.field).toBe("conversation.user_id");
    expect(error.message).toContain("conversation.user_id is required");
  });
});

describe("no response: network errors, timeouts, aborts", () => {
  it("connection refused → PuffleNetworkError", async () => {
    const port = await closedPort();
    const client = createPuffleClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k" });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleNetworkError);
    expect(error).not.toBeInstanceOf(PuffleTimeoutError);
    expect((error as PuffleNetworkError).message).toContain(`http://127.0.0.1:${port}/api/threads/${THREAD_ID}`);
    expect((error as PuffleNetworkError).operationId).toBe("updateThread");
  });

  it("the server drops the connection without answering → PuffleNetworkError", async () => {
    server = await startFaultServer((req) => req.socket.destroy());
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = await rejection(client.updateConversation(CONVERSATION_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleNetworkError);
  });

  it("the raw client maps network errors too", async () => {
    const port = await closedPort();
    const client = createPuffleClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: "k" });
    const error = await rejection(client.raw.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } }));
    expect(error).toBeInstanceOf(PuffleNetworkError);
  });

  it("a server that never answers → PuffleTimeoutError with the timeout", async () => {
    server = await startFaultServer(() => {
      /* never answers */
    });
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k", timeoutMs: 150 });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect((error as PuffleTimeoutError).timeoutMs).toBe(150);
    expect(server.requests).toHaveLength(1);
  });

  it("headers then a body that never ends → PuffleTimeoutError (the deadline covers the body)", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"thread":');
    });
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k", timeoutMs: 150 });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
  });

  it("a per-call timeoutMs overrides the client's", async () => {
    server = await startFaultServer(() => {});
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k", timeoutMs: 0 });
    const error = await rejection(client.updateConversation(CONVERSATION_ID, { status: "archived" }, { timeoutMs: 100 }));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
    expect((error as PuffleTimeoutError).timeoutMs).toBe(100);
  });

  it("the raw client times out too", async () => {
    server = await startFaultServer(() => {});
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k", timeoutMs: 100 });
    const error = await rejection(client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } }));
    expect(error).toBeInstanceOf(PuffleTimeoutError);
  });

  it("the caller's signal aborts a request in flight → PuffleAbortError, not a timeout", async () => {
    const controller = new AbortController();
    server = await startFaultServer(() => controller.abort(new Error("user cancelled")));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = await rejection(client.updateThread(THREAD_ID, { status: "archived" }, { signal: controller.signal }));
    expect(error).toBeInstanceOf(PuffleAbortError);
    expect(error).not.toBeInstanceOf(PuffleTimeoutError);
    expect((error as PuffleAbortError).cause).toEqual(new Error("user cancelled"));
  });

  it("a signal passed to the raw client is honoured", async () => {
    const controller = new AbortController();
    server = await startFaultServer(() => controller.abort());
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    const error = await rejection(client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" }, signal: controller.signal }));
    expect(error).toBeInstanceOf(PuffleAbortError);
  });

  it("every failure is a PuffleError", async () => {
    server = await startFaultServer(reply(502, "bad gateway"));
    const client = createPuffleClient({ baseUrl: server.url, apiKey: "k" });
    await expect(client.updateThread(THREAD_ID, { status: "archived" })).rejects.toBeInstanceOf(PuffleError);
  });
});

describe("what is sent", () => {
  it("PATCH to the documented path with the bearer token and a JSON body", async () => {
    server = await startFaultServer(reply(200, JSON.stringify({ thread: { id: THREAD_ID, status: "archived" } }), { "content-type": "application/json" }));
    const client = createPuffleClient({ baseUrl: `${server.url}/`, apiKey: "puffle_test_alice", headers: { "X-Trace": "t1" } });
    const thread = await client.updateThread(THREAD_ID, { status: "archived" }, { headers: { "X-Call": "c1" } });
    expect(thread).toEqual({ id: THREAD_ID, status: "archived" });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("PATCH");
    expect(request?.url).toBe(`/api/threads/${THREAD_ID}`);
    expect(request?.headers.authorization).toBe("Bearer puffle_test_alice");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-trace"]).toBe("t1");
    expect(request?.headers["x-call"]).toBe("c1");
    expect(JSON.parse(request?.body ?? "")).toEqual({ status: "archived" });
  });
});
