// The typed client: openapi-fetch over the generated `paths`, with the spec's server URL and bearer
// auth filled in, hardened against what a plain openapi-fetch wrapper lets through:
//   - the path id is checked with the generated `validatePathParams` before anything is sent;
//   - optional request/response validation with the generated validators (`validate`);
//   - a timeout (`timeoutMs`) and the caller's `signal`, told apart from network failures;
//   - `updateConversation` / `updateThread` return the typed record or throw one `PuffleApiError`
//     for every non-2xx, whatever its body (problem+json, an HTML 502, nothing).
import createClient from "openapi-fetch";
import type { Client, FetchOptions, FetchResponse, Middleware } from "openapi-fetch";
import type { Conversation, paths, Thread, UpdateConversationRequest, UpdateThreadRequest } from "../generated/schema.js";
import { operations as meta, serverUrl } from "../generated/meta.js";
import { schemas, validatePathParams, validateRequestBody, validateResponseBody } from "./validators.js";
import type { OperationId, ValidationIssue } from "./validators.js";
import {
  PuffleAbortError,
  PuffleApiError,
  PuffleError,
  PuffleNetworkError,
  PuffleTimeoutError,
  PuffleValidationError,
} from "./errors.js";

export type { Middleware };

/** Which bodies the client checks against the spec: the request before it is sent, the 2xx response, or both. */
export type ValidateMode = "request" | "response" | "both";

/** The default `timeoutMs`: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface PuffleClientOptions {
  /** Root URL of the API. Default: the spec's server, `https://app.puffle.ai`. */
  baseUrl?: string;
  /** Bearer token. Default: the `PUFFLE_API_KEY` environment variable (in Node). */
  apiKey?: string;
  /** A `fetch` to use instead of `globalThis.fetch` (it is called with a `Request`). */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * Check bodies against the spec with the generated validators. `"request"`: a body that is not the
   * strict form of the request schema throws `PuffleValidationError` and is not sent. `"response"`: a
   * 2xx body that does not match the documented response throws `PuffleValidationError` naming the
   * field. `"both"`: both. Default: off (the path id is always checked).
   */
  validate?: ValidateMode;
  /**
   * Milliseconds to wait for the whole response (headers and body) before giving up with
   * `PuffleTimeoutError`. Default 30000; `0` waits for ever.
   */
  timeoutMs?: number;
}

/** Per-call options of `updateConversation` / `updateThread`. */
export interface PuffleRequestOptions {
  /** Aborts the request; the call rejects with `PuffleAbortError`. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** The raw openapi-fetch client over the generated `paths`. */
export type PuffleRawClient = Client<paths>;

/** The paths that have a PATCH operation. */
export type PatchPath = { [P in keyof paths]: paths[P] extends { patch: object } ? P : never }[keyof paths];

/**
 * openapi-fetch's `PATCH` with the request options typed directly (not inferred): an object literal
 * body is then checked for excess properties, so a misspelled or foreign field is a compile error,
 * as a misspelled value already is. Same runtime function, same `{ data, error, response }`.
 */
export type StrictPatch = <P extends PatchPath>(
  url: P,
  init: FetchOptions<paths[P]["patch"]>,
) => Promise<FetchResponse<paths[P]["patch"], FetchOptions<paths[P]["patch"]>, `${string}/${string}`>>;

/**
 * The Puffle client: the openapi-fetch methods (`PATCH` with strictly typed bodies, `use`, …; the
 * untouched client under `raw`) plus one method per operation that returns the updated record or throws.
 */
export type PuffleClient = Omit<PuffleRawClient, "PATCH"> & {
  /** `PATCH` a path: `{ data, error, response }` as in openapi-fetch; unknown body fields do not compile. */
  PATCH: StrictPatch;
  /** The underlying openapi-fetch client (`raw.PATCH(...)` returns `{ data, error, response }`). */
  readonly raw: PuffleRawClient;
  /** `PATCH /api/conversations/{id}`: returns the updated conversation; throws a `PuffleError` otherwise. */
  updateConversation(id: string, body: UpdateConversationRequest, options?: PuffleRequestOptions): Promise<Conversation>;
  /** `PATCH /api/threads/{id}`: returns the updated thread; throws a `PuffleError` otherwise (409: `isDuplicateThreadError`). */
  updateThread(id: string, body: UpdateThreadRequest, options?: PuffleRequestOptions): Promise<Thread>;
};

/** A client option that cannot be used: names the option and the rule it breaks. */
export class PuffleConfigError extends TypeError {
  readonly option: string;
  constructor(option: string, message: string) {
    super(`createPuffleClient: ${option} ${message}`);
    this.name = "PuffleConfigError";
    this.option = option;
  }
}

/** The default base URL, taken from the spec's `servers`. */
export const DEFAULT_BASE_URL: string = serverUrl;

const MAX_TIMER_MS = 2_147_483_647;
const VALIDATE_MODES: readonly ValidateMode[] = ["request", "response", "both"];
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** `/api/threads/{id}` → `updateThread`, from the generated meta. */
const OPERATION_OF_PATH: ReadonlyMap<string, OperationId> = new Map(
  (Object.keys(meta) as OperationId[]).map((op) => [meta[op].path, op] as const),
);

function envApiKey(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.PUFFLE_API_KEY;
  return value === undefined || value === "" ? undefined : value;
}

function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") throw new PuffleConfigError("baseUrl", `must be a string, got ${typeof value}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PuffleConfigError("baseUrl", `must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new PuffleConfigError("baseUrl", `must use http or https, got ${JSON.stringify(url.protocol)}`);
  }
  if (url.search || url.hash) throw new PuffleConfigError("baseUrl", `must not have a query or fragment, got ${JSON.stringify(value)}`);
  return value.replace(/\/+$/, "");
}

function checkApiKey(value: unknown, source: string): string {
  if (typeof value !== "string" || value === "") throw new PuffleConfigError(source, "must be a non-empty string");
  // A token goes into a header: it must be visible ASCII with no spaces (RFC 6750 b64token and more).
  if (!/^[\x21-\x7e]+$/.test(value)) throw new PuffleConfigError(source, "must be printable ASCII without spaces or line breaks");
  return value;
}

function checkTimeout(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new PuffleConfigError(option, `must be an integer number of milliseconds from 0 (no timeout) to ${MAX_TIMER_MS}, got ${typeof value === "number" ? value : typeof value}`);
  }
  return value;
}

function checkValidate(value: unknown): ValidateMode | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(VALIDATE_MODES as readonly string[]).includes(value)) {
    throw new PuffleConfigError("validate", `must be one of "request", "response", "both", got ${JSON.stringify(value)}`);
  }
  return value as ValidateMode;
}

/** `https://host/api/threads/x?y` → `https://host/api/threads/x` (for messages: no query). */
function displayUrl(url: string): string {
  const q = url.indexOf("?");
  return q === -1 ? url : url.slice(0, q);
}

/** Rejects as soon as `signal` aborts, whatever `promise` does (an injected fetch may ignore the signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {}); // the loser of the race must not become an unhandled rejection
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Wraps a fetch: the whole exchange (headers and body, read into memory) runs under one deadline and
 * the request's own signal; failures become `PuffleTimeoutError`, `PuffleAbortError` or
 * `PuffleNetworkError`. Statuses are left alone: a 502 is a response, not a network error.
 */
function guardFetch(base: (input: Request) => Promise<Response>, timeoutMs: number): (input: Request) => Promise<Response> {
  return async (request: Request) => {
    const url = displayUrl(request.url);
    const operationId = operationOfUrl(request.url);
    const caller = request.signal;
    if (caller.aborted) throw new PuffleAbortError({ url, operationId, reason: caller.reason });
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException(`no response within ${timeoutMs} ms`, "TimeoutError"));
          }, timeoutMs)
        : undefined;
    const onCallerAbort = () => controller.abort(caller.reason);
    caller.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const guarded = new Request(request, { signal: controller.signal });
      const response = await raceAbort(Promise.resolve().then(() => base(guarded)), controller.signal);
      if (!(response instanceof Response)) throw new TypeError("fetch did not return a Response");
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await raceAbort(response.arrayBuffer(), controller.signal);
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (timedOut) throw new PuffleTimeoutError({ url, operationId, timeoutMs });
      if (caller.aborted) throw new PuffleAbortError({ url, operationId, reason: caller.reason });
      if (error instanceof PuffleError) throw error;
      throw new PuffleNetworkError({ url, operationId, cause: error });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
    }
  };
}

const URL_PATTERNS: readonly (readonly [RegExp, OperationId])[] = [...OPERATION_OF_PATH].map(([template, op]) => [
  new RegExp(`${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]*")}$`),
  op,
] as const);

/** The operation a request URL belongs to (for messages), whatever path prefix the base URL has. */
function operationOfUrl(url: string): OperationId | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return URL_PATTERNS.find(([pattern]) => pattern.test(pathname))?.[1];
}

/** The path-id check: the generated validator, with a message a person can act on. */
function pathIssues(operationId: OperationId, params: unknown): ValidationIssue[] | undefined {
  const result = validatePathParams(operationId, params ?? {});
  if (result.valid) return undefined;
  const id = params && typeof params === "object" ? (params as { id?: unknown }).id : undefined;
  // `format: uuid` and the pattern both fail for a non-UUID: one issue is enough.
  const issues: ValidationIssue[] = [];
  for (const issue of result.errors) {
    if (issue.path === "/id" && (issue.keyword === "pattern" || issue.keyword === "format")) {
      if (issues.some((i) => i.path === "/id" && i.keyword === "pattern")) continue;
      issues.push({ path: "/id", keyword: "pattern", message: `must be a UUID such as f11e8a2c-1234-4567-89ab-cdef01234567, got ${JSON.stringify(id)}` });
    } else {
      issues.push(issue);
    }
  }
  return issues;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The middleware that enforces the path-id check and the `validate` option on every call, raw or not. */
function specMiddleware(validate: ValidateMode | undefined): Middleware {
  const checkRequest = validate === "request" || validate === "both";
  const checkResponse = validate === "response" || validate === "both";
  return {
    async onRequest({ schemaPath, params, request }) {
      const operationId = OPERATION_OF_PATH.get(schemaPath);
      if (!operationId) return undefined;
      const issues = pathIssues(operationId, params.path);
      if (issues) throw new PuffleValidationError({ target: "path", operationId, issues });
      if (checkRequest) {
        const text = await request.clone().text();
        const parsed = text === "" ? { ok: true as const, value: undefined } : parseJson(text);
        const result = parsed.ok
          ? validateRequestBody(operationId, parsed.value)
          : { valid: false as const, errors: [{ path: "", keyword: "content", message: "is not JSON" }] };
        if (!result.valid) throw new PuffleValidationError({ target: "request", operationId, issues: result.errors });
      }
      return undefined;
    },
    async onResponse({ schemaPath, response }) {
      if (!checkResponse || !response.ok) return undefined;
      const operationId = OPERATION_OF_PATH.get(schemaPath);
      if (!operationId) return undefined;
      const text = await response.clone().text();
      const parsed = text === "" ? { ok: true as const, value: undefined } : parseJson(text);
      const result = parsed.ok
        ? validateResponseBody(operationId, response.status, parsed.value)
        : { valid: false as const, errors: [{ path: "", keyword: "content", message: "is not JSON" }] };
      if (!result.valid) {
        throw new PuffleValidationError({
          target: "response",
          operationId,
          issues: result.errors,
          status: response.status,
          requestId: response.headers.get("x-request-id") ?? undefined,
        });
      }
      return undefined;
    },
  };
}

/** The shape of the raw call the convenience methods make (`parseAs: "text"`: they parse the body themselves). */
type LooseCall = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Creates the client.
 *
 * ```ts
 * const puffle = createPuffleClient({ apiKey: "…" });
 * const thread = await puffle.updateThread(id, { status: "archived" });
 * // or, raw: const { data, error } = await puffle.PATCH("/api/threads/{id}", { params: { path: { id } }, body });
 * ```
 */
export function createPuffleClient(options: PuffleClientOptions = {}): PuffleClient {
  if (options === null || typeof options !== "object") throw new PuffleConfigError("options", "must be an object");
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const fromEnv = options.apiKey === undefined ? envApiKey() : undefined;
  const apiKey = options.apiKey !== undefined ? checkApiKey(options.apiKey, "apiKey") : fromEnv !== undefined ? checkApiKey(fromEnv, "PUFFLE_API_KEY") : undefined;
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new PuffleConfigError("fetch", "must be a function");
  const validate = checkValidate(options.validate);
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, "timeoutMs");
  const headers: Record<string, string> = { ...options.headers };
  if (apiKey !== undefined) headers.Authorization = `Bearer ${apiKey}`;
  // Looked up at call time, so a test's or a polyfill's later `globalThis.fetch` is honoured.
  const baseFetch = options.fetch ?? ((input: Request) => globalThis.fetch(input));

  const raw = createClient<paths>({ baseUrl, headers, fetch: guardFetch(baseFetch, timeoutMs) });
  raw.use(specMiddleware(validate));

  async function call(operationId: OperationId, id: string, body: unknown, callOptions: PuffleRequestOptions = {}): Promise<Record<string, unknown>> {
    if (callOptions === null || typeof callOptions !== "object") throw new PuffleConfigError("options", "must be an object");
    const init: Record<string, unknown> = { params: { path: { id } }, body, parseAs: "text" };
    if (callOptions.signal !== undefined) init.signal = callOptions.signal;
    if (callOptions.headers !== undefined) init.headers = callOptions.headers;
    if (callOptions.timeoutMs !== undefined) init.fetch = guardFetch(baseFetch, checkTimeout(callOptions.timeoutMs, "timeoutMs"));
    const { data, error, response } = await (raw.PATCH as unknown as LooseCall)(meta[operationId].path, init);
    const requestId = response.headers.get("x-request-id") ?? undefined;
    if (!response.ok) {
      const received = error === undefined ? "" : error;
      const problem = schemas.Problem(received) ? (received as PuffleApiError["problem"]) : undefined;
      const existingThread =
        response.status === 409 && schemas.DuplicateThreadProblem(received) ? (received as { existing_thread: Thread }).existing_thread : undefined;
      throw new PuffleApiError({ operationId, status: response.status, statusText: response.statusText, body: received, problem, headers: response.headers, existingThread });
    }
    const text = typeof data === "string" ? data : "";
    const parsed = parseJson(text);
    const member = operationId === "updateConversation" ? "conversation" : "thread";
    if (!parsed.ok) {
      throw new PuffleValidationError({ target: "response", operationId, status: response.status, requestId, issues: [{ path: "", keyword: "content", message: text === "" ? "is empty" : "is not JSON" }] });
    }
    const value = parsed.value;
    const record = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[member] : undefined;
    if (record === null || typeof record !== "object" || Array.isArray(record)) {
      throw new PuffleValidationError({
        target: "response",
        operationId,
        status: response.status,
        requestId,
        issues: [{ path: `/${member}`, keyword: record === undefined ? "required" : "type", message: record === undefined ? "is required" : "must be object" }],
      });
    }
    return record as Record<string, unknown>;
  }

  return {
    ...raw,
    raw,
    async updateConversation(id, body, callOptions) {
      return (await call("updateConversation", id, body, callOptions)) as Conversation;
    },
    async updateThread(id, body, callOptions) {
      return (await call("updateThread", id, body, callOptions)) as Thread;
    },
  };
}
