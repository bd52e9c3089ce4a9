// A request's operation is its method and its path, not its path alone: the raw client's
// middleware (path id, `validate`) and its retries (`x-puffle-behaviour.idempotent`) used to take
// any method on `/api/threads/{id}` for `updateThread`. Here with the shipped spec (a raw GET or
// POST on a PATCH's path, as a JavaScript caller or a cast can send), and with a routes table that
// has two methods on one path (`operationRoutes`, the lookup the client builds from meta.js's
// `routes`), as a third operation beside a PATCH would make it. Every fetch is injected.
import { describe, expect, it, vi } from "vitest";
import { createPuffleClient, operationRoutes } from "../../src/client.js";
import { PuffleApiError, PuffleNetworkError, PuffleValidationError } from "../../src/errors.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** The raw client's `request` with a method the spec has no operation for on that path. */
type LooseRequest = (method: string, url: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

describe("operationRoutes: two methods on one path are two operations", () => {
  // The order of the table decides nothing (a Map keyed by path kept the last one).
  const tables = {
    "GET first": {
      getThread: { method: "GET", path: "/api/threads/{id}" },
      updateThread: { method: "PATCH", path: "/api/threads/{id}" },
      createMessage: { method: "POST", path: "/api/threads/{id}/messages" },
    },
    "PATCH first": {
      updateThread: { method: "PATCH", path: "/api/threads/{id}" },
      createMessage: { method: "POST", path: "/api/threads/{id}/messages" },
      getThread: { method: "GET", path: "/api/threads/{id}" },
    },
  } as const;
  it.each(Object.keys(tables) as (keyof typeof tables)[])("%s", (order) => {
    const routes = operationRoutes(tables[order]);
    expect(routes.ofSchemaPath("GET", "/api/threads/{id}")).toBe("getThread");
    expect(routes.ofSchemaPath("PATCH", "/api/threads/{id}")).toBe("updateThread");
    expect(routes.ofSchemaPath("patch", "/api/threads/{id}")).toBe("updateThread");
    expect(routes.ofSchemaPath("DELETE", "/api/threads/{id}")).toBeUndefined();
    expect(routes.ofSchemaPath("POST", "/api/threads/{id}/messages")).toBe("createMessage");
    expect(routes.ofSchemaPath("POST", "/api/threads/{id}")).toBeUndefined();
    const url = `http://127.0.0.1:9/v1/api/threads/${THREAD_ID}`;
    expect(routes.ofUrl("GET", url)).toBe("getThread");
    expect(routes.ofUrl("PATCH", url)).toBe("updateThread");
    expect(routes.ofUrl("POST", url)).toBeUndefined();
    expect(routes.ofUrl("POST", `${url}/messages`)).toBe("createMessage");
    expect(routes.ofUrl("GET", `${url}/messages`)).toBeUndefined();
    expect(routes.ofUrl("GET", "not a url")).toBeUndefined();
  });
});

describe("the raw client finds a call's operation by method and path (shipped spec)", () => {
  it("a GET on the PATCH's path is not checked as updateThread's request (validate: both)", async () => {
    const fetch = vi.fn(async () => json(200, { anything: true }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "both", maxRetries: 0 });
    const { data, response } = await (client.request as unknown as LooseRequest)("get", "/api/threads/{id}", { params: { path: { id: THREAD_ID } } });
    // Was: PuffleValidationError "updateThread: request body: body must be object", nothing sent.
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(response.status).toBe(200);
    // Nor is its answer checked as updateThread's 200 ("thread is required").
    expect(data).toEqual({ anything: true });
  });

  it("the PATCH on that path is still checked as updateThread's", async () => {
    const fetch = vi.fn(async () => json(200, { anything: true }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, validate: "both", maxRetries: 0 });
    const sent = (client.request as unknown as LooseRequest)("patch", "/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } });
    const error = await sent.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PuffleValidationError);
    expect((error as PuffleValidationError).operationId).toBe("updateThread");
    expect((error as PuffleValidationError).target).toBe("response");
  });

  it("a POST on the PATCH's path is not retried by updateThread's idempotent", async () => {
    const fetch = vi.fn(async () => new Response("", { status: 503 }));
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxRetries: 2, retry: { sleep: async () => {} } });
    const { response } = await (client.request as unknown as LooseRequest)("post", "/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } });
    expect(response.status).toBe(503);
    // Was: 3 attempts (a POST re-sent twice, as if it were the idempotent PATCH).
    expect(fetch).toHaveBeenCalledTimes(1);
    // The PATCH itself is still retried.
    fetch.mockClear();
    const patched = await client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: { status: "archived" } });
    expect(patched.response.status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("a network error on another method does not name updateThread; the PATCH's does", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("fetch failed");
    });
    const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch, maxRetries: 0 });
    const other = await (client.request as unknown as LooseRequest)("delete", "/api/threads/{id}", { params: { path: { id: THREAD_ID } } }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(PuffleNetworkError);
    expect((other as PuffleNetworkError).operationId).toBeUndefined();
    expect((other as Error).message).toMatch(/^network error calling /);
    const patch = await client.updateThread(THREAD_ID, { status: "archived" }).catch((e: unknown) => e);
    expect(patch).toBeInstanceOf(PuffleNetworkError);
    expect((patch as PuffleNetworkError).operationId).toBe("updateThread");
    expect(patch).not.toBeInstanceOf(PuffleApiError);
  });
});
