// The typed client: openapi-fetch over the generated `paths`, with the spec's server URL and bearer
// auth filled in, hardened against what a plain openapi-fetch wrapper lets through:
//   - the path id is checked with the generated `validatePathParams` before anything is sent;
//   - optional request/response validation with the generated validators (`validate`);
//   - a timeout (`timeoutMs`) and the caller's `signal`, told apart from network failures;
//   - `updateConversation` / `updateThread` return the typed record or throw one `PuffleApiError`
//     for every non-2xx, whatever its body (problem+json, an HTML 502, nothing).
import createClient, { defaultBodySerializer } from "openapi-fetch";
import type { Client, ClientMethod, ClientRequestMethod, FetchOptions, FetchResponse, Middleware, ParseAs } from "openapi-fetch";
import type { Conversation, paths, Thread, UpdateConversationRequest, UpdateThreadRequest } from "../generated/schema.js";
import { routes, serverUrl } from "../generated/meta.js";
import type { OperationId, ValidationIssue } from "./validators.js";
import { escapePointer } from "./json-pointer.js";
import { nonFiniteRule } from "./json-finite.js";
import { hasOwn } from "./poison-keys.js";
import { atInBaseUrlRule, shownBaseUrl } from "./url-credentials.js";
import {
  PuffleAbortError,
  PuffleApiError,
  PuffleError,
  PuffleNetworkError,
  PuffleTimeoutError,
  PuffleValidationError,
  optionsIssue,
  pathIdMessage,
  quoted,
  shown,
} from "./errors.js";

// openapi-fetch's types that `PuffleClient`'s members are made of, so that a consumer's declarations can
// name them through `puffle-api` where openapi-fetch itself is not importable (pnpm: TS2742).
export type { ClientMethod, ClientRequestMethod, FetchOptions, FetchResponse, Middleware, ParseAs };
/**
 * The result of `client.PATCH(...)`: openapi-fetch's `FetchResponse` (the same type) under puffle-api's
 * own name, so that a consumer's emitted declarations name it `import("puffle-api").PuffleFetchResponse`.
 * Written as `FetchResponse`, TypeScript named it `import("openapi-fetch")` wherever openapi-fetch could
 * be found (npm's hoisted node_modules, Yarn Plug'n'Play): a package the consumer does not depend on.
 */
export type PuffleFetchResponse<T extends Record<string | number, any>, Options, Media extends `${string}/${string}`> = FetchResponse<T, Options, Media>;

/** Which bodies the client checks against the spec: the request before it is sent, the 2xx response, or both. */
export type ValidateMode = "request" | "response" | "both";

/** The default `timeoutMs`: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The default `maxResponseBytes`: 16 MiB. The largest answer the API gives is one record (a thread
 * holds at most what a 1 MiB request body set) in a small envelope.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The default `maxRetries`: a failed attempt is retried twice (three attempts in all). */
export const DEFAULT_MAX_RETRIES = 2;

/** The largest `maxRetries` accepted. */
export const MAX_RETRIES_LIMIT = 20;

/** The default waits between attempts (see `PuffleRetryOptions`). */
export const DEFAULT_RETRY_DELAYS = Object.freeze({ baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 });

/**
 * How long the client waits between attempts. Before retry `n` (1, 2, …) it waits a random time from
 * 0 up to `min(maxDelayMs, baseDelayMs × 2^(n-1))` (exponential backoff with full jitter), or, when
 * the response has a `Retry-After` header (seconds or an HTTP date), that long, capped at
 * `maxRetryAfterMs`. A wait that would end after the call's deadline is not started: the call fails
 * with the last error instead. The hooks make the waits deterministic in tests.
 */
export interface PuffleRetryOptions {
  /** First backoff ceiling, in ms. Default 250. */
  baseDelayMs?: number | undefined;
  /** Largest backoff ceiling, in ms. Default 8000. */
  maxDelayMs?: number | undefined;
  /** Largest wait a `Retry-After` header can ask for, in ms; a longer one is cut to this. Default 60000. */
  maxRetryAfterMs?: number | undefined;
  /** The jitter source, a number in [0, 1). Default `Math.random`. */
  random?: (() => number) | undefined;
  /**
   * Waits `ms` milliseconds; should resolve early when `signal` aborts (the client also stops waiting
   * when it does). `signal` is one of this wait's own, aborted with the call's deadline or signal. Default: a timer.
   */
  sleep?: ((ms: number, signal: AbortSignal | undefined) => Promise<void>) | undefined;
}

/**
 * Extra headers, as openapi-fetch takes them: a plain object of field names to values; a string,
 * number or boolean (sent as its text) sets the header, an array adds one value per item to the
 * header's value so far, an earlier key's of the object and per call the client's (joined with ", ";
 * `[]` adds none), `null` removes the header (the token's `authorization` too, in the client's
 * headers as per call; per call also the client's), `undefined` is skipped. Names must be HTTP tokens and values Latin-1 without CR, LF or
 * NUL, and `content-type` cannot be `null` (the JSON body would go as text/plain, the API's 415):
 * `PuffleConfigError` otherwise.
 */
export type PuffleHeaders = Record<string, string | number | boolean | (string | number | boolean)[] | null | undefined>;

/** Options of `createPuffleClient`; every one may be left out (or given as `undefined`). */
export interface PuffleClientOptions {
  /** Root URL of the API. Default: the spec's server, `https://app.puffle.ai`. */
  baseUrl?: string | undefined;
  /** Bearer token. Default: the `PUFFLE_API_KEY` environment variable (in Node). */
  apiKey?: string | undefined;
  /**
   * A `fetch` to use instead of `globalThis.fetch`, called as the global one is: `fetch(url, init)`
   * by `updateConversation` / `updateThread` (`url` a string; `init` with `method`, `headers` as a
   * plain object with lower-case names, `body` as the JSON text, `redirect: "manual"` and `signal`,
   * present when there is a deadline or a caller's signal), `fetch(request)` by
   * `PATCH` and the other openapi-fetch methods — and by the two methods too while a middleware is
   * registered (`use`) or a `content-type` header is given (they then go through openapi-fetch).
   */
  fetch?: ((input: string | Request, init?: RequestInit) => Promise<Response>) | undefined;
  /** Extra headers sent with every request (see `PuffleHeaders`). */
  headers?: PuffleHeaders | undefined;
  /**
   * Check bodies against the spec with the generated validators. `"request"`: a body that is not the
   * strict form of the request schema, is nested past `x-puffle-behaviour.maxBodyDepth` (the API's
   * 400) or is longer in UTF-8 than `x-puffle-behaviour.maxBodyBytes` (the API's 413), throws
   * `PuffleValidationError` and is not sent. `"response"`: a
   * 2xx body that does not match the documented response throws `PuffleValidationError` naming the
   * field. `"both"`: both. Default: off (the path id is always checked).
   */
  validate?: ValidateMode | undefined;
  /**
   * Milliseconds to wait for the whole response (headers and body) before giving up with
   * `PuffleTimeoutError`. Default 30000; `0` waits for ever. The deadline is overall: it covers every
   * attempt and the waits between them.
   */
  timeoutMs?: number | undefined;
  /**
   * How many times a failed attempt is retried: after a network error (no response, or the connection
   * lost while reading the body), a 408, a 429 or any 5xx. Never after another 4xx, a timeout or an
   * abort, and only for operations the spec marks idempotent (both are). Default 2; `0` sends once.
   */
  maxRetries?: number | undefined;
  /** The waits between attempts (backoff, `Retry-After` cap, test hooks). */
  retry?: PuffleRetryOptions | undefined;
  /**
   * The largest response body read, in bytes. A larger one (declared by `Content-Length`, or counted
   * while it streams) is not read further: the call fails with `PuffleNetworkError` (its `cause`
   * says why), without a retry. Default 16 MiB (`DEFAULT_MAX_RESPONSE_BYTES`); `0`: no limit.
   */
  maxResponseBytes?: number | undefined;
}

/** Per-call options of `updateConversation` / `updateThread`. */
export interface PuffleRequestOptions {
  /** Aborts the request; the call rejects with `PuffleAbortError`. `null` is no signal, as in fetch's `RequestInit`. */
  signal?: AbortSignal | null | undefined;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number | undefined;
  /** Extra headers for this call, over the client's (see `PuffleHeaders`). */
  headers?: PuffleHeaders | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
}

/** The raw openapi-fetch client over the generated `paths`. */
export type PuffleRawClient = Client<paths>;

/** The paths that have a PATCH operation. */
export type PatchPath = { [P in keyof paths]: paths[P] extends { patch: object } ? P : never }[keyof paths];

/**
 * openapi-fetch's `PATCH` with the request options typed directly (not inferred): an object literal
 * body is then checked for excess properties, so a misspelled or foreign field is a compile error,
 * as a misspelled value already is. Same runtime function, same `{ data, error, response }`; `data`
 * follows `parseAs` as in openapi-fetch (`"text"`: a string, `"stream"`: the body stream; by default
 * the parsed JSON).
 */
export type StrictPatch = <P extends PatchPath, A extends ParseAs | undefined = undefined>(
  url: P,
  init: FetchOptions<paths[P]["patch"]> & { parseAs?: A },
) => Promise<PuffleFetchResponse<paths[P]["patch"], { parseAs: ParseAsGiven<A> }, `${string}/${string}`>>;

/**
 * The `parseAs` a call's `data` follows: the one given; openapi-fetch's default, `"json"`, where it
 * is not given or given as `undefined` (`parseAs: options.parseAs`).
 */
type ParseAsGiven<A extends ParseAs | undefined> = Exclude<A, undefined> | (undefined extends A ? "json" : never);

/**
 * openapi-fetch's `request("patch", url, init)`, typed as `StrictPatch` is: an unknown body field is
 * a compile error (openapi-fetch's own type infers `init`, which lets it through). Only `"patch"`:
 * the spec describes no other method.
 */
export type StrictRequest = <P extends PatchPath, A extends ParseAs | undefined = undefined>(
  method: "patch",
  url: P,
  init: FetchOptions<paths[P]["patch"]> & { parseAs?: A },
) => Promise<PuffleFetchResponse<paths[P]["patch"], { parseAs: ParseAsGiven<A> }, `${string}/${string}`>>;

/**
 * The Puffle client: the openapi-fetch methods (`PATCH` and `request` with strictly typed bodies, `use`, …; the
 * client with openapi-fetch's own types under `raw`) plus one method per operation that returns the updated record or throws.
 */
export type PuffleClient = Omit<PuffleRawClient, "PATCH" | "request"> & {
  /** `PATCH` a path: `{ data, error, response }` as in openapi-fetch; unknown body fields do not compile. */
  PATCH: StrictPatch;
  /** `request("patch", path, init)`: `PATCH` under openapi-fetch's generic name; unknown body fields do not compile. */
  request: StrictRequest;
  /** The underlying openapi-fetch client (`raw.PATCH(...)` returns `{ data, error, response }`). */
  readonly raw: PuffleRawClient;
  /** `PATCH /api/conversations/{id}`: returns the updated conversation; throws a `PuffleError` otherwise. */
  updateConversation(id: string, body: UpdateConversationRequest, options?: PuffleRequestOptions): Promise<Conversation>;
  /** `PATCH /api/threads/{id}`: returns the updated thread; throws a `PuffleError` otherwise (409: `isDuplicateThreadError`). */
  updateThread(id: string, body: UpdateThreadRequest, options?: PuffleRequestOptions): Promise<Thread>;
};

/**
 * A client option that cannot be used: names the option and the rule it breaks, and where it was
 * given (`createPuffleClient`, or the method for a per-call option).
 */
export class PuffleConfigError extends TypeError {
  /** The option that was refused: `baseUrl`, `timeoutMs`, `retry.maxDelayMs`, `headers.x-trace`, `signal`, … */
  readonly option: string;
  constructor(option: string, message: string, where = "createPuffleClient") {
    super(`${where}: ${option} ${message}`);
    this.name = "PuffleConfigError";
    this.option = option;
  }

  /**
   * What `JSON.stringify(error)` writes, in the shape of `PuffleError.toJSON` (this is a `TypeError`,
   * not a `PuffleError`): `name`, `message` (not enumerable: JSON left it out, and a JSON logger wrote
   * `{"name":"PuffleConfigError","option":"baseUrl"}`, not the rule) and the error's own fields
   * (`option`).
   */
  toJSON(): { name: string; message: string; option: string; [field: string]: unknown } {
    const json: { name: string; message: string; option: string; [field: string]: unknown } = { name: this.name, message: this.message, option: this.option };
    for (const key of Object.keys(this)) {
      if (key !== "name" && key !== "message") json[key] = (this as unknown as Record<string, unknown>)[key];
    }
    return json;
  }
}

/** The default base URL, taken from the spec's `servers`. */
export const DEFAULT_BASE_URL: string = serverUrl;

const MAX_TIMER_MS = 2_147_483_647;

/**
 * The client does not follow redirects: a 3xx is returned as it is (a `PuffleApiError` from the
 * methods). fetch's default, "follow", re-sent the PATCH and its body to wherever `Location` pointed
 * (another host, or `http:` from `https:`), with every header but `Authorization` (fetch drops only
 * that one across origins): the caller's own `headers` (an API key, a cookie) went along.
 */
const REDIRECT: RequestRedirect = "manual";
const VALIDATE_MODES: readonly ValidateMode[] = ["request", "response", "both"];
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The generated validators (`./client-validators.js`, most of the client's size) are loaded on first use:
 * with `validate` set (loading starts when the client is created), for a path id that is not a
 * canonical UUID, and to read an error response whose body is JSON. A client that never needs them never loads them.
 */
type Validators = typeof import("./client-validators.js");
let validators: Validators | undefined;
let loadingValidators: Promise<Validators> | undefined;
function loadValidators(): Promise<Validators> {
  loadingValidators ??= import("./client-validators.js").then(
    (module) => (validators = module),
    (error: unknown) => {
      loadingValidators = undefined;
      throw error;
    },
  );
  return loadingValidators;
}

/**
 * The validators, to `what` (`"check the path id"`, …) for `operationId`. When they cannot be loaded
 * (in a browser, a stale deploy's chunk that now 404s; in Node, the file missing): a `PuffleError`
 * naming the operation and what could not be checked, the import error as its `cause`. The next
 * call tries the import again.
 */
async function validatorsTo(operationId: OperationId, what: string): Promise<Validators> {
  try {
    return await loadValidators();
  } catch (error) {
    throw new PuffleError(`${operationId}: could not load the validators to ${what}: ${shown(messageOf(error))}`, { cause: error });
  }
}

/**
 * `validatorsTo`, for a check the methods make before sending, waited for no longer than the call's
 * deadline `d` (started before the wait: the wait counts against `timeoutMs`) and its `caller`'s signal
 * allow: a chunk that stalls (a browser on a slow network) fails the call with its
 * `PuffleTimeoutError` or `PuffleAbortError` (`attempts` 0: nothing sent), as a stalled response
 * does. Without a deadline or a signal there is nothing to end the wait. The load itself is shared:
 * the next call waits for the same import.
 */
async function validatorsWithin(operationId: OperationId, what: string, d: Deadline | undefined, caller: AbortSignal | undefined, url: () => string): Promise<Validators> {
  if (d === undefined) return validatorsTo(operationId, what);
  if (caller?.aborted) d.abort(caller.reason);
  const stop = caller !== undefined && !caller.aborted ? onAbort(caller, () => d.abort(caller.reason)) : undefined;
  try {
    return await race(d, validatorsTo(operationId, what));
  } catch (error) {
    if (d.timedOut || d.aborted) throw failure(error, url(), operationId, 0, timedOut(d), caller);
    throw error;
  } finally {
    stop?.();
  }
}

/**
 * `validatorsTo`, for a check the middleware makes before a raw call (or a method through
 * openapi-fetch) sends: the wait ends when `request.signal` aborts, which follows the caller's signal
 * (`withOwnSignal`, `slowCall`), with the `PuffleAbortError` the exchange would give (`attempts` 0).
 */
async function validatorsUntilAborted(operationId: OperationId, what: string, request: Request): Promise<Validators> {
  const signal = request.signal as AbortSignal | null | undefined;
  const loading = validatorsTo(operationId, what);
  if (!signal) return loading;
  try {
    return await raceAbort(loading, signal);
  } catch (error) {
    if (signal.aborted && error === signal.reason) throw new PuffleAbortError({ url: displayUrl(request.url), operationId, reason: signal.reason, attempts: 0 });
    throw error;
  }
}

/**
 * The spec's pattern for the path `id` (`components.parameters.Id`: a canonical UUID, the nil and
 * the max UUID); test/client/direct-fetch.test.ts checks it against generated/openapi.json and against
 * `validatePathParams`. An id it matches is accepted by the generated validator too (the spec's
 * pattern is stricter than `format: uuid`), so it is sent without loading the validators; any other
 * id goes to `validatePathParams`, the verdict of record.
 */
export const ID_PATTERN = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** How a request finds its operation: by method and path (`operationRoutes`). */
export interface OperationRoutes<Op extends string> {
  /** The operation of `method` on the spec's path template (`"PATCH"`, `"/api/threads/{id}"` → `updateThread`); undefined for none. */
  ofSchemaPath(method: string, schemaPath: string): Op | undefined;
  /** The operation of `method` on a request URL, whatever path prefix the base URL has; undefined for none. */
  ofUrl(method: string, url: string): Op | undefined;
}

/**
 * The lookup of an operation from a request, over a routes table (generated/meta.js `routes`). An
 * operation is its method and its path: a `GET` beside the `PATCH` on `/api/threads/{id}` is another
 * operation, and a method the spec gives no operation on a path finds none (its call is neither
 * checked against the path's other operation's schemas nor retried by its `idempotent`). The method
 * is compared upper-cased (openapi-fetch sends it so; fetch upper-cases `get`, `post`… but not `patch`).
 */
export function operationRoutes<Op extends string>(table: Readonly<Record<Op, { readonly method: string; readonly path: string }>>): OperationRoutes<Op> {
  const byRoute = new Map<string, Op>();
  const patterns: (readonly [string, RegExp, Op])[] = [];
  for (const op of Object.keys(table) as Op[]) {
    const { method, path } = table[op];
    const m = method.toUpperCase();
    byRoute.set(`${m} ${path}`, op);
    patterns.push([m, new RegExp(`${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]*")}$`), op]);
  }
  return {
    ofSchemaPath: (method, schemaPath) => byRoute.get(`${method.toUpperCase()} ${schemaPath}`),
    ofUrl(method, url) {
      let pathname: string;
      try {
        pathname = new URL(url).pathname;
      } catch {
        return undefined;
      }
      const m = method.toUpperCase();
      return patterns.find(([pm, pattern]) => pm === m && pattern.test(pathname))?.[2];
    },
  };
}

/** `PATCH /api/threads/{id}` → `updateThread`, from the generated routes. */
const OPERATIONS: OperationRoutes<OperationId> = operationRoutes(routes);

function envApiKey(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.PUFFLE_API_KEY;
  return value === undefined || value === "" ? undefined : value;
}

/** The `baseUrl` option checked (also the CLI's `--base-url`): throws `PuffleConfigError`, else returns it without trailing slashes. */
export function checkBaseUrl(value: unknown): string {
  if (typeof value !== "string") throw new PuffleConfigError("baseUrl", `must be a string, got ${typeof value}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PuffleConfigError("baseUrl", `must be an absolute http(s) URL, got ${quoted(shownBaseUrl(value))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new PuffleConfigError("baseUrl", `must use http or https, got ${JSON.stringify(url.protocol)}`);
  }
  // The value itself is not shown: it holds a password.
  if (url.username !== "" || url.password !== "") throw new PuffleConfigError("baseUrl", "must not hold a user name or password (fetch refuses such URLs; the token goes in apiKey)");
  // An empty `?` or `#` leaves url.search and url.hash empty, yet the paths would follow it.
  if (url.search || url.hash || value.includes("?") || value.includes("#")) throw new PuffleConfigError("baseUrl", `must not have a query or fragment, got ${quoted(shownBaseUrl(value))}`);
  // An "@" anywhere (a password holding a "/" left none in the userinfo: `http://deploy:2024/s3cret@host`
  // is the host `deploy` and a path, and the request went there, the password in its path).
  const at = atInBaseUrlRule(value, quoted);
  if (at !== undefined) throw new PuffleConfigError("baseUrl", at);
  return value.replace(/\/+$/, "");
}

function checkApiKey(value: unknown, source: string): string {
  if (typeof value !== "string" || value === "") throw new PuffleConfigError(source, "must be a non-empty string");
  // A token goes into a header: it must be visible ASCII with no spaces (RFC 6750 b64token and more).
  if (!/^[\x21-\x7e]+$/.test(value)) throw new PuffleConfigError(source, "must be printable ASCII without spaces or line breaks");
  return value;
}

function checkTimeout(value: unknown, option: string, where?: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_TIMER_MS) {
    throw new PuffleConfigError(option, `must be an integer number of milliseconds from 0 (no timeout) to ${MAX_TIMER_MS}, got ${typeof value === "number" ? value : typeof value}`, where);
  }
  return value;
}

function checkMaxResponseBytes(value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new PuffleConfigError("maxResponseBytes", `must be an integer number of bytes from 0 (no limit) to ${Number.MAX_SAFE_INTEGER}, got ${typeof value === "number" ? value : typeof value}`);
  }
  return value === 0 ? Infinity : value;
}

function checkRetries(value: unknown, option: string, where?: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_RETRIES_LIMIT) {
    throw new PuffleConfigError(option, `must be an integer from 0 (no retry) to ${MAX_RETRIES_LIMIT}, got ${typeof value === "number" ? value : typeof value}`, where);
  }
  return value;
}

/**
 * An AbortSignal by what it does (aborted, add/removeEventListener), as fetch's Request takes one: a
 * polyfill's (abort-controller) or another realm's (jsdom) signal is one though not `instanceof AbortSignal`.
 */
function isSignalLike(value: unknown): value is AbortSignal {
  const s = value as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown } | null | undefined;
  return typeof s === "object" && s !== null && typeof s.aborted === "boolean" && typeof s.addEventListener === "function" && typeof s.removeEventListener === "function";
}

/**
 * A per-call `signal`: an AbortSignal, or one shaped like it (another realm's, a polyfill's), since
 * the client only reads `aborted` and `reason` and listens for "abort".
 */
function checkSignal(value: unknown, where: string): AbortSignal | undefined {
  // `null` is no signal, as in fetch's RequestInit (it was ignored before it was checked).
  if (value === undefined || value === null) return undefined;
  const s = value as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown };
  if (!isSignalLike(s)) {
    const what = typeof s !== "object" ? typeof s : "an object that is not one (no aborted, addEventListener and removeEventListener)";
    throw new PuffleConfigError("signal", `must be an AbortSignal, got ${what}`, where);
  }
  return value as AbortSignal;
}

/** `JSON.stringify(body)`; a body JSON cannot hold (a BigInt, a cycle, a Symbol, Infinity or NaN) is a PuffleValidationError at the value. */
function serializeBody(operationId: OperationId, body: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    // A body nested some thousands of levels deep runs JSON.stringify out of stack: the walk stops
    // at SEND_WALK_DEPTH and says so (walked on, it ran out of stack too, and said "Maximum call
    // stack size exceeded" at a path thousands of segments long, or, building that message, "a value
    // that cannot be converted to a string").
    const issue = unsendableAt(body, "", "", []) ?? { path: "", keyword: "type", message: `cannot be sent as JSON (${messageOf(error)})` };
    throw new PuffleValidationError({ target: "request", operationId, issues: [issue] });
  }
  // JSON.stringify gives undefined, without an error, for a Symbol, a function or a toJSON giving
  // undefined: the request would go without a body (only an `undefined` body means none).
  if (text === undefined) {
    const what = typeof body === "symbol" || typeof body === "function" ? `a ${typeof body}` : "its toJSON gave undefined";
    throw new PuffleValidationError({ target: "request", operationId, issues: [{ path: "", keyword: "type", message: `is not a JSON value (${what})` }] });
  }
  // Infinity and NaN are written as null, without an error: `{size: Infinity}` in draft_attachments
  // was sent as `"size": null` (where normalizeRequestBody drops the field). Only a text holding a
  // null can hold one, so nonFiniteAt walks no other body. (A replacer finding them in the same pass
  // made JSON.stringify 3 to 4 times slower on every body: V8 has no fast path with one.)
  if (text.includes("null")) {
    const found = nonFiniteAt(body);
    if (found !== undefined) {
      const { number, keys } = found;
      // keys: the path from the body's member down; its length is the level of the number's holder.
      const issue =
        keys.length > SEND_WALK_DEPTH
          ? tooDeepIssue(`/${escapePointer(keys[0] ?? "")}`)
          : { path: keys.reduce((path, key) => `${path}/${escapePointer(key)}`, ""), keyword: "type", message: nonFiniteRule(number) };
      throw new PuffleValidationError({ target: "request", operationId, issues: [issue] });
    }
  }
  return text;
}

const DATE_TO_JSON = Date.prototype.toJSON;
const DATE_TO_ISO_STRING = Date.prototype.toISOString;

/**
 * The first number JSON.stringify wrote as null (Infinity, NaN, a Number object holding one, a
 * toJSON's), in a body it has written, walked as it walks; `keys` is its path, the body's member
 * first (built only for the one found). Lean, as it runs on every body whose JSON holds a null: no
 * path per member, a Date's own toJSON (a string or null, never a number) not called again; any other
 * toJSON is, as JSON.stringify's result is not at hand (with a replacer it is, at 3 to 4 times the
 * cost of every JSON.stringify, null or not). It walks with a stack of its own, not recursion: as deep
 * as JSON.stringify wrote (recursing, two frames a level, it ran out of stack hundreds of levels
 * sooner while its code was not optimised, and a NaN there was sent as null), past SEND_WALK_DEPTH
 * too (the caller names a NaN there as the depth issue). JSON.stringify has written the body, so that
 * is the one issue it can have: anything else the walk meets is the walk's own (a getter or toJSON
 * that throws only when read again, a cycle they make), and the member that holds it is passed over.
 */
function nonFiniteAt(body: unknown): { number: number; keys: string[] } | undefined {
  // The objects and arrays being walked, the body's first; `keys` undefined for an array (its indexes).
  const frames: { holder: object; keys: string[] | undefined; length: number; next: number }[] = [{ holder: { "": body }, keys: [""], length: 1, next: 0 }];
  const ancestors: object[] = [];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as (typeof frames)[number];
    if (frame.next >= frame.length) {
      frames.pop();
      ancestors.pop();
      continue;
    }
    const key = frame.keys === undefined ? String(frame.next) : (frame.keys[frame.next] as string);
    frame.next += 1;
    let found: number | object | undefined;
    try {
      found = nonFiniteMember(frame.holder, key, ancestors);
    } catch {
      continue; // a read that throws: the member is passed over
    }
    if (found === undefined) continue;
    if (typeof found === "number") {
      // The wrapper's "" (JSON.stringify's holder of the body) is no part of the path.
      const keys: string[] = [];
      for (let i = 1; i < frames.length; i++) {
        const at = frames[i] as (typeof frames)[number];
        keys.push(at.keys === undefined ? String(at.next - 1) : (at.keys[at.next - 1] as string));
      }
      return { number: found, keys };
    }
    let keys: string[] | undefined;
    let length: number;
    try {
      // Every index, as JSON.stringify reads them (a hole is read as undefined).
      if (Array.isArray(found)) length = found.length;
      else length = (keys = Object.keys(found)).length;
    } catch {
      continue;
    }
    frames.push({ holder: found, keys, length, next: 0 });
    ancestors.push(found);
  }
  return undefined;
}

/** `holder[key]` as JSON.stringify writes it: a number it writes as null, an object or array to walk (not one of `ancestors`), else undefined. */
function nonFiniteMember(holder: object, key: string, ancestors: object[]): number | object | undefined {
  let value: unknown = (holder as Record<string, unknown>)[key];
  // A function is an object to JSON.stringify: its toJSON is called too (without one, it is skipped).
  if ((typeof value === "object" && value !== null) || typeof value === "function" || typeof value === "bigint") {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") {
      if (toJSON === DATE_TO_JSON && value instanceof Date && value.toISOString === DATE_TO_ISO_STRING) return undefined;
      value = toJSON.call(value, key);
    }
  }
  if (typeof value === "number") return value - value === 0 ? undefined : value;
  if (typeof value !== "object" || value === null) return undefined;
  // A Number object is written as its number (JSON.stringify unboxes it): `new Number(Infinity)` as null.
  if (value instanceof Number) {
    const number = Number(value);
    return number - number === 0 ? undefined : number;
  }
  return ancestors.includes(value) ? undefined : value;
}

/** The issue of an object or array past level SEND_WALK_DEPTH, at `path`, the body's member that holds it. */
function tooDeepIssue(path: string): ValidationIssue {
  return { path, keyword: "type", message: `cannot be sent as JSON (nested more than ${SEND_WALK_DEPTH} levels deep; the body is level 1)` };
}

/** What was thrown: an Error's message, else its String(); a value that cannot be converted (no prototype, a throwing toString, a revoked Proxy) said so, not thrown. */
function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "a value that cannot be converted to a string";
  }
}

/**
 * How deep unsendableAt walks (the body is level 1): far past the most the API reads
 * (`x-puffle-behaviour.maxBodyDepth`, at most 256) and short of where its own stack runs out (some
 * thousands of levels, less in a caller already deep in its stack).
 */
const SEND_WALK_DEPTH = 1000;

/**
 * The first value JSON.stringify fails on, walked as it walks (a `toJSON` called first): a BigInt, a
 * cycle, a `toJSON` or getter that throws, or that it writes as null though it is a number (Infinity,
 * NaN); undefined when none is found. An object or array past level SEND_WALK_DEPTH (`depth` is
 * `holder`'s level) is not walked: it is an issue named by the body's member that holds it, as the
 * client's depth check names one (JSON.stringify runs out of stack some thousands of levels down).
 * Run once JSON.stringify has failed (the issues it writes no error for are nonFiniteAt's).
 */
function unsendableAt(holder: unknown, key: string, path: string, stack: object[], depth = 1): ValidationIssue | undefined {
  let value = holder;
  let pushed = false;
  try {
    // A function is an object to JSON.stringify: its toJSON is called too (without one, it is skipped).
    if ((typeof value === "object" && value !== null) || typeof value === "function" || typeof value === "bigint") {
      let toJSON: unknown;
      try {
        toJSON = (value as { toJSON?: unknown }).toJSON;
      } catch (error) {
        // A getter (or a Proxy's get) for toJSON that throws: JSON.stringify fails reading it.
        return { path, keyword: "type", message: `cannot be sent as JSON (reading its toJSON threw: ${messageOf(error)})` };
      }
      if (typeof toJSON === "function") {
        try {
          value = toJSON.call(value, key);
        } catch (error) {
          return { path, keyword: "type", message: `cannot be sent as JSON (its toJSON threw: ${messageOf(error)})` };
        }
      }
    }
    if (typeof value === "bigint" || value instanceof BigInt) return { path, keyword: "type", message: "is not a JSON value (a BigInt)" };
    // A Number object is written as its number (JSON.stringify unboxes it): `new Number(Infinity)` as null.
    if (value instanceof Number) value = Number(value);
    if (typeof value === "number" && !Number.isFinite(value)) return { path, keyword: "type", message: nonFiniteRule(value) };
    if (typeof value !== "object" || value === null) return undefined;
    if (depth > SEND_WALK_DEPTH) {
      const second = path.indexOf("/", 1);
      return tooDeepIssue(second === -1 ? path : path.slice(0, second));
    }
    if (stack.includes(value)) return { path, keyword: "type", message: "is not a JSON value (a cycle: it contains itself)" };
    stack.push(value);
    pushed = true;
    // Every index, as JSON.stringify reads them (map would skip a sparse array's holes, leaving them undefined).
    const keys = Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => String(i)) : Object.keys(value);
    for (const k of keys) {
      const at = `${path}/${escapePointer(k)}`;
      let member: unknown;
      try {
        member = (value as Record<string, unknown>)[k];
      } catch (error) {
        // A getter (or a Proxy's get) that throws: JSON.stringify fails reading the member, not its holder.
        return { path: at, keyword: "type", message: `cannot be sent as JSON (reading it threw: ${messageOf(error)})` };
      }
      const found = unsendableAt(member, k, at, stack, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  } catch (error) {
    return { path, keyword: "type", message: `cannot be sent as JSON (${messageOf(error)})` };
  } finally {
    if (pushed) stack.pop();
  }
}

/** An HTTP field name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What fetch accepts as a field value: Latin-1 (a ByteString) without NUL, CR or LF. */
const HEADER_VALUE = /^[^\0\r\n\u0100-\uffff]*$/;
/** The rule a value HEADER_VALUE refuses breaks, as a PuffleConfigError states it. */
const HEADER_VALUE_RULE = "must be a header value: no line break or NUL, and Latin-1 characters only";
/** The rule a `content-type: null` over a JSON body breaks (the methods' always, a raw call's with such a body). */
const NULL_CONTENT_TYPE_RULE =
  "cannot be null: the body is JSON, and without a content type fetch sends it as text/plain, which the API refuses (415); leave the header out to send application/json";

/**
 * A `headers` option: a plain object of field names to values, with openapi-fetch's rules for the
 * values (a string, number or boolean sets; an array appends; `null` removes, `undefined` skips). Checked
 * here, not left to fetch: a bad header would otherwise fail every attempt as a network error.
 * Returns the copy that was checked (each member and array read once), which is what is sent: the
 * caller's object, changed after the client was created or while a call waits (for the validators),
 * reaches no request, checked or not (openapi-fetch reads the client's headers again per call).
 */
function checkHeaders(value: unknown, option: string, where?: string): PuffleHeaders | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value) || (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)) {
    const what = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? `a ${(value as object).constructor?.name ?? "non-plain"} object` : typeof value;
    throw new PuffleConfigError(option, `must be a plain object of header names to values (got ${what}${value instanceof Headers ? "; Object.fromEntries(headers) gives one" : ""})`, where);
  }
  // Built with Object.fromEntries, which keeps a member named `__proto__` as a member, as a spread did.
  const copy: [string, unknown][] = [];
  for (const [name, read] of Object.entries(value)) {
    if (!HEADER_NAME.test(name)) throw new PuffleConfigError(option, `has ${quoted(name)}, which is not a header name (letters, digits and !#$%&'*+-.^_\`|~ only)`, where);
    const given: unknown = Array.isArray(read) ? read.slice() : read;
    copy.push([name, given]);
    // openapi-fetch's null removes the JSON content type, and fetch then sends the JSON text as
    // text/plain: every call would be the API's 415 (the client sends nothing but JSON bodies).
    if (given === null && name.toLowerCase() === "content-type") throw new PuffleConfigError(`${option}.${name}`, NULL_CONTENT_TYPE_RULE, where);
    if (given === undefined || given === null) continue;
    for (const item of Array.isArray(given) ? (given as unknown[]) : [given]) {
      if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
        throw new PuffleConfigError(`${option}.${name}`, `must be a string, number or boolean (or an array of them), got ${item === null ? "null" : typeof item}`, where);
      }
      if (typeof item === "string" && !HEADER_VALUE.test(item)) {
        throw new PuffleConfigError(`${option}.${name}`, HEADER_VALUE_RULE, where);
      }
    }
  }
  return Object.fromEntries(copy) as PuffleHeaders;
}

/** The retry settings with every default filled in. */
interface RetrySettings {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** The keys of `retry`: any other is refused (`retry.maxDelay`), as a client option's is. */
const RETRY_OPTION_KEYS = Object.keys({ baseDelayMs: true, maxDelayMs: true, maxRetryAfterMs: true, random: true, sleep: true } satisfies Record<keyof PuffleRetryOptions, true>);

function checkRetryOptions(value: unknown): RetrySettings {
  if (value === undefined) value = {};
  if (value === null || typeof value !== "object") throw new PuffleConfigError("retry", "must be an object");
  const issue = optionsIssue(value, RETRY_OPTION_KEYS);
  if (issue !== undefined) throw new PuffleConfigError(issue.key === undefined ? "retry" : `retry.${issue.key}`, issue.rule);
  const given = value as PuffleRetryOptions;
  const delay = (key: "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs"): number => {
    const v = given[key];
    if (v === undefined) return DEFAULT_RETRY_DELAYS[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_TIMER_MS) {
      throw new PuffleConfigError(`retry.${key}`, `must be an integer number of milliseconds from 0 to ${MAX_TIMER_MS}, got ${typeof v === "number" ? v : typeof v}`);
    }
    return v;
  };
  for (const key of ["random", "sleep"] as const) {
    if (given[key] !== undefined && typeof given[key] !== "function") throw new PuffleConfigError(`retry.${key}`, "must be a function");
  }
  return {
    baseDelayMs: delay("baseDelayMs"),
    maxDelayMs: delay("maxDelayMs"),
    maxRetryAfterMs: delay("maxRetryAfterMs"),
    random: given.random ?? Math.random,
    sleep: given.sleep ?? defaultSleep,
  };
}

/**
 * The client's "abort" handlers on each signal, behind one listener of its own per signal: the calls
 * in flight that share a signal (a caller's, such as a service's shutdown signal, or a batch's, see
 * `DeadlineQueue`) add one listener to it in all, not one each (Node warns past 10 listeners:
 * MaxListenersExceededWarning). The listener is removed with the last handler.
 */
const ABORT_HANDLERS = new WeakMap<AbortSignal, { readonly handlers: Set<() => void>; readonly dispatch: () => void }>();

/** Calls `handler` when `signal` aborts, until the returned function is called. */
function onAbort(signal: AbortSignal, handler: () => void): () => void {
  let entry = ABORT_HANDLERS.get(signal);
  if (entry === undefined) {
    const handlers = new Set<() => void>();
    const dispatch = () => {
      ABORT_HANDLERS.delete(signal);
      for (const h of handlers) h();
      handlers.clear();
    };
    entry = { handlers, dispatch };
    ABORT_HANDLERS.set(signal, entry);
    signal.addEventListener("abort", dispatch, { once: true });
  }
  const mine = entry;
  // A handler of its own per registration, so that one function registered twice is removed once.
  const registered = () => handler();
  mine.handlers.add(registered);
  return () => {
    if (!mine.handlers.delete(registered) || mine.handlers.size > 0 || ABORT_HANDLERS.get(signal) !== mine) return;
    ABORT_HANDLERS.delete(signal);
    signal.removeEventListener("abort", mine.dispatch);
  };
}

/** openapi-fetch's methods named after an HTTP method; `request(method, url, init)` is wrapped apart. */
const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * `method(url, init)` with `init.signal` replaced by a signal of the call's own that aborts, with the
 * same reason, when the caller's does; the caller's signal is listened to through `onAbort` (one
 * listener however many calls share it) until the call settles. Anything that is not an AbortSignal
 * (not even one by what it does, see `isSignalLike`) is passed on as it is (openapi-fetch and `Request` say what is wrong with it).
 * The call's own `headers` are checked first (`checkRawHeaderValues`; `where`, the method, names the call in its error).
 */
function withOwnSignal(method: LooseMethod, where: string): LooseMethod {
  return async (url, init) => {
    checkRawHeaderValues(init, where);
    init = withJsonSerializer(url, init, where);
    const caller = (init as { signal?: unknown } | undefined)?.signal;
    // A polyfill's or another realm's signal too: Request would keep a listener on it as well.
    if (!isSignalLike(caller)) return method(url, init);
    const own = new AbortController();
    let stop: (() => void) | undefined;
    if (caller.aborted) own.abort(caller.reason);
    else stop = onAbort(caller, () => own.abort(caller.reason));
    try {
      return await method(url, { ...(init as object), signal: own.signal });
    } finally {
      stop?.();
    }
  };
}

/**
 * A raw call to one of the spec's operations with a body and no `bodySerializer` of the caller's
 * gets one that serializes as openapi-fetch's default does (a `FormData` as it is, a body under
 * `content-type: application/x-www-form-urlencoded` as a form, anything else with JSON.stringify),
 * but for JSON goes through `serializeBody`, as the methods do: Infinity and NaN, which
 * JSON.stringify writes as null, and a BigInt, a cycle or a throwing `toJSON`, which made its bare
 * TypeError (naming no member), are a `PuffleValidationError` at the value, nothing sent.
 */
function withJsonSerializer(url: unknown, init: unknown, method: string): unknown {
  if (init === null || typeof init !== "object" || typeof url !== "string") return init;
  const given = init as { body?: unknown; bodySerializer?: unknown };
  if (given.body === undefined || given.bodySerializer !== undefined) return init;
  const operationId = OPERATIONS.ofSchemaPath(method, url);
  if (operationId === undefined) return init;
  const bodySerializer = (body: unknown, headers?: Headers | Record<string, string>): unknown => {
    const type = headers instanceof Headers ? headers.get("content-type") : (headers?.["Content-Type"] ?? headers?.["content-type"]);
    if (body instanceof FormData || type === "application/x-www-form-urlencoded") return (defaultBodySerializer as (body: unknown, headers?: unknown) => unknown)(body, headers);
    return serializeBody(operationId, body);
  };
  return { ...given, bodySerializer };
}

/**
 * A raw call's own `headers` (openapi-fetch's: a plain object or a `Headers`, in `init`): a string value fetch
 * refuses (a line break or NUL within it, a character beyond Latin-1) is a `PuffleConfigError` naming
 * the header, as the methods' per-call `headers` are (checkHeaders), not fetch's own TypeError, which
 * quoted the value whole (`Headers.set: "Bearer <token>\n…" is an invalid header value.`): the
 * caller's own `authorization`, token and all, in a message a logger or an error tracker keeps. Only
 * what fetch refuses is refused: it strips leading and trailing whitespace first (a token read from a
 * file with its final line break is sent), and a `Headers` holds no such value.
 * A `content-type: null` is refused too, as the methods refuse it, when openapi-fetch's serializer
 * would send the body as JSON (a body, not a `FormData`, and no `bodySerializer` of the call's): the
 * null removes the JSON content type and fetch sends the text as text/plain, the API's 415.
 */
function checkRawHeaderValues(init: unknown, where: string): void {
  if (init === null || typeof init !== "object") return;
  const { headers, body, bodySerializer } = init as { headers?: unknown; body?: unknown; bodySerializer?: unknown };
  if (headers === null || typeof headers !== "object" || headers instanceof Headers) return;
  const jsonBody = body !== undefined && bodySerializer === undefined && !(body instanceof FormData);
  for (const [name, value] of Object.entries(headers)) {
    if (value === null && jsonBody && name.toLowerCase() === "content-type") throw new PuffleConfigError(`headers.${name}`, NULL_CONTENT_TYPE_RULE, where);
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === "string" && !HEADER_VALUE.test(item.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ""))) {
        // A name that is no header name (a line break in it) is quoted: the error stays on one line.
        throw new PuffleConfigError(`headers.${HEADER_NAME.test(name) ? name : quoted(name)}`, HEADER_VALUE_RULE, where);
      }
    }
  }
}

/** An openapi-fetch method as `withOwnSignal` sees it. */
type LooseMethod = (url: unknown, init?: unknown) => Promise<unknown>;

/**
 * Waits `delay` ms through `retry.sleep`, until `signal` (the call's) aborts. A sleep of the caller's
 * is given a signal of this wait's own, which follows `signal` until the wait ends: a sleep that
 * leaves its "abort" listener on the signal it is given (one not removed when its timer fires)
 * leaves it on a signal dropped with the wait, not on the call's, which the calls of a batch share
 * (see `DeadlineQueue`; Node warns past 10) and which a call keeps across its retries (up to 20).
 * The default sleep removes its own listener: it is given `signal`. Resolves either way.
 */
async function sleepBetween(retry: RetrySettings, delay: number, signal: AbortSignal | undefined, race: <T>(waiting: Promise<T>) => Promise<T>): Promise<void> {
  let own: AbortController | undefined;
  let stop: (() => void) | undefined;
  if (signal !== undefined && retry.sleep !== defaultSleep) {
    own = new AbortController();
    if (signal.aborted) own.abort(signal.reason);
    else stop = onAbort(signal, () => own?.abort(signal.reason));
  }
  try {
    const waiting = Promise.resolve().then(() => retry.sleep(delay, own?.signal ?? signal));
    await race(waiting).catch(() => undefined);
  } finally {
    stop?.();
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function defaultSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      stop?.();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = signal ? onAbort(signal, done) : undefined;
  });
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** RFC 9110's preferred HTTP-date form, IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`; a one-digit day is read too). */
const IMF_FIXDATE = /^[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
/** RFC 9110's obsolete HTTP-date forms, both GMT: asctime (`Sun Nov  6 08:49:37 1994`) and RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`). */
const ASCTIME_DATE = /^[A-Za-z]{3} ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;
const RFC850_DATE = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** A GMT date and time as a time value; `undefined` when it names no real one (`Feb 30`, `25:00:00`). */
function utcTime(year: number, monthName: string, day: number, h: number, min: number, s: number): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month === -1 || h > 23 || min > 59 || s > 60) return undefined;
  const at = Date.UTC(year, month, day, h, min, s);
  return new Date(at).getUTCDate() === day ? at : undefined;
}

/**
 * A `Retry-After` value in milliseconds from `now`: delay-seconds (`120`) or an HTTP date in any of
 * its three forms, all GMT (a date in the past is 0). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // Each form is read here, not by Date.parse, which reads a date without a zone (asctime's) as local
  // time and rolls a day the month does not have (31 Nov) over to the next month.
  let at: number | undefined;
  const fixdate = IMF_FIXDATE.exec(text);
  const asctime = fixdate === null ? ASCTIME_DATE.exec(text) : null;
  const rfc850 = fixdate === null && asctime === null ? RFC850_DATE.exec(text) : null;
  if (fixdate !== null) {
    const [, day, month = "", year, h, min, s] = fixdate;
    at = utcTime(Number(year), month, Number(day), Number(h), Number(min), Number(s));
  } else if (asctime !== null) {
    const [, month = "", day, h, min, s, year] = asctime;
    at = utcTime(Number(year), month, Number(day), Number(h), Number(min), Number(s));
  } else if (rfc850 !== null) {
    const [, day, month = "", yy, h, min, s] = rfc850;
    // A timestamp more than 50 years in the future is in the most recent past year with those two digits.
    const clock = new Date(now);
    const year = clock.getUTCFullYear() - (clock.getUTCFullYear() % 100) + Number(yy);
    at = utcTime(year, month, Number(day), Number(h), Number(min), Number(s));
    clock.setUTCFullYear(clock.getUTCFullYear() + 50);
    if (at !== undefined && at > clock.getTime()) at = utcTime(year - 100, month, Number(day), Number(h), Number(min), Number(s));
  }
  return at === undefined ? undefined : Math.max(0, at - now);
}

/** 408, 429 and every 5xx: the statuses worth another attempt. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

function checkValidate(value: unknown): ValidateMode | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(VALIDATE_MODES as readonly string[]).includes(value)) {
    throw new PuffleConfigError("validate", `must be one of "request", "response", "both", got ${typeof value === "string" ? quoted(value) : typeof value}`);
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
    const stop = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}

/**
 * The `Request` class the client builds requests with: it remembers the serialized body it was
 * given, so the client never reads a request stream back (to validate it or to send it again).
 */
class PuffleRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    if (typeof init?.body === "string") REQUEST_BODIES.set(this, init.body);
  }
}

/** The serialized body of each request built by `PuffleRequest`. */
const REQUEST_BODIES = new WeakMap<Request, string>();

/** What the transport read of each response it returns: the bytes (read once), their text and JSON (decoded once, on demand), and the attempts. */
interface ResponseBody {
  readonly bytes: ArrayBuffer | Uint8Array<ArrayBuffer> | null;
  readonly attempts: number;
  text?: string;
  json?: { ok: true; value: unknown } | { ok: false };
}
const RESPONSE_BODIES = new WeakMap<Response, ResponseBody>();
const UTF8 = new TextDecoder();
/**
 * A request body's bytes as the API reads them: UTF-8 or refused (not with U+FFFD for a bad byte),
 * a byte order mark kept (it is no JSON); undefined when they are not UTF-8.
 */
function requestBodyText(bytes: ArrayBuffer): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function bodyText(body: ResponseBody): string {
  if (body.text === undefined) body.text = body.bytes === null ? "" : UTF8.decode(body.bytes);
  return body.text;
}

function bodyJson(body: ResponseBody): { ok: true; value: unknown } | { ok: false } {
  if (body.json === undefined) {
    const text = bodyText(body);
    body.json = text === "" ? { ok: true, value: undefined } : parseJson(text);
  }
  return body.json;
}

/** How one exchange runs: its deadline, its retries, and the signals involved. */
interface ExchangePlan {
  timeoutMs: number;
  maxRetries: number;
  /** The largest response body read (`Infinity`: no limit). */
  maxResponseBytes: number;
  /** The caller's signal: for raw calls the request's own, for the methods the `signal` option. */
  caller: AbortSignal | undefined;
  /** The methods pass this controller's signal to openapi-fetch, so the request already carries it. */
  controller?: AbortController | undefined;
}

/** How long to wait before retry `attempts + 1`: the server's Retry-After (capped), else full jitter over an exponential ceiling. */
function retryDelay(retry: RetrySettings, attempts: number, response: Response | undefined): number {
  const asked = response === undefined ? undefined : parseRetryAfter(response.headers.get("retry-after"));
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempts - 1));
  // Drawn on every retry, Retry-After or not, so an injected `random` sees one draw per retry.
  const jitter = Math.min(Math.max(Number(retry.random()) || 0, 0), 1);
  return asked !== undefined ? Math.min(asked, retry.maxRetryAfterMs) : Math.floor(jitter * ceiling);
}

/**
 * Sends `template` through `base` under one deadline (`timeoutMs`, covering every attempt, the body
 * reads and the waits between attempts) and the caller's signal, retrying network errors, 408, 429
 * and 5xx up to `maxRetries` times for idempotent operations. Each attempt's body is read into memory;
 * the response returned is a fresh one over those bytes. Failures become `PuffleTimeoutError`,
 * `PuffleAbortError` or `PuffleNetworkError` carrying the attempt count; a status is left alone (the
 * last 502 is returned, not thrown).
 */
async function exchange(base: (input: Request) => Promise<Response>, retry: RetrySettings, template: Request, plan: ExchangePlan): Promise<Response> {
  const { timeoutMs, caller } = plan;
  const url = displayUrl(template.url);
  const operationId = OPERATIONS.ofUrl(template.method, template.url);
  if (caller?.aborted) throw new PuffleAbortError({ url, operationId, reason: caller.reason, attempts: 0 });
  // Retrying is safe only because the spec says so (`x-puffle-behaviour.idempotent`), per operation.
  const maxRetries = operationId !== undefined && routes[operationId].idempotent ? plan.maxRetries : 0;
  const controller = plan.controller ?? (timeoutMs > 0 || caller !== undefined ? new AbortController() : undefined);
  const signal = controller?.signal;
  // The template can be sent as it is when it already carries our signal (or none is needed).
  const templateReady = plan.controller !== undefined || controller === undefined;
  const started = timeoutMs > 0 ? Date.now() : 0;
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller?.abort(new DOMException(`no response within ${timeoutMs} ms`, "TimeoutError"));
        }, timeoutMs)
      : undefined;
  const stopCallerAbort = caller !== undefined && controller !== undefined && caller !== signal ? onAbort(caller, () => controller.abort(caller.reason)) : undefined;
  let attempts = 0;
  const failed = (error: unknown): PuffleError => failure(error, url, operationId, attempts, timedOut ? timeoutMs : undefined, caller);
  try {
    // A retried request needs its body again: the serialized JSON when known, else the bytes, read once.
    let payload: string | ArrayBuffer | undefined = REQUEST_BODIES.get(template);
    const hasBody = template.body !== null;
    if (hasBody && payload === undefined && maxRetries > 0) payload = await template.arrayBuffer();
    const requestFor = (attempt: number): Request => {
      if (attempt === 1 && templateReady && !template.bodyUsed) return template;
      if (!hasBody || payload === undefined) return new Request(template, signal ? { signal } : {});
      return new Request(template, signal ? { body: payload, signal } : { body: payload });
    };
    for (;;) {
      attempts += 1;
      let response: Response | undefined;
      let failure: unknown;
      try {
        const sent = Promise.resolve(requestFor(attempts)).then(base).then((r) => unlessOver(r, signal));
        const received = responseOf(signal ? await raceAbort(sent, signal) : await sent);
        const reading = NULL_BODY_STATUSES.has(received.status) ? null : readBytes(received, plan.maxResponseBytes, signal);
        const bytes = reading === null ? null : signal ? await raceAbort(reading, signal) : await reading;
        response = new Response(bytes, { status: received.status, statusText: received.statusText, headers: received.headers });
        RESPONSE_BODIES.set(response, { bytes, attempts });
      } catch (error) {
        if (timedOut || caller?.aborted || isFinal(error)) throw failed(error);
        failure = error;
      }
      if (attempts <= maxRetries && (response === undefined || isRetryableStatus(response.status))) {
        const delay = retryDelay(retry, attempts, response);
        // Never wait past the deadline: give up now with what the last attempt got.
        if (timeoutMs === 0 || Date.now() - started + delay < timeoutMs) {
          if (delay > 0) await sleepBetween(retry, delay, signal, (waiting) => (signal ? raceAbort(waiting, signal) : waiting));
          if (timedOut || caller?.aborted) throw failed(undefined);
          continue;
        }
      }
      if (response === undefined) throw failed(failure);
      return response;
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    stopCallerAbort?.();
  }
}

/** The path-id check: the generated validator, with a message a person can act on. */
function pathIssues(v: Validators, operationId: OperationId, params: unknown): ValidationIssue[] | undefined {
  const result = v.validatePathParams(operationId, params ?? {});
  if (result.valid) return undefined;
  const id = params && typeof params === "object" ? (params as { id?: unknown }).id : undefined;
  // One issue for the id: validatePathParams gives the format's for a non-UUID (it drops the pattern's
  // then) and the pattern's for a UUID the pattern refuses; should both come, one is enough.
  const issues: ValidationIssue[] = [];
  for (const issue of result.errors) {
    if (issue.path === "/id" && (issue.keyword === "pattern" || issue.keyword === "format")) {
      if (issues.some((i) => i.path === "/id" && i.keyword === "pattern")) continue;
      // The id quoted (`quoted`: one line, cut with its closing quote kept and said to be cut), or
      // another value as JSON (`shown`): it may be anyone's text, relayed by the caller.
      // The example is this operation's own, from the spec (the thread page's id for threads).
      const example: unknown = (routes[operationId].pathExamples as { id?: unknown }).id;
      // A UUID the pattern refuses: its issue, the rule in the validators' words (pathIdMessage).
      issues.push({ path: "/id", keyword: "pattern", message: pathIdMessage(result.errors, example, typeof id === "string" ? quoted(id) : shown(String(JSON.stringify(id)))) });
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
      const operationId = OPERATIONS.ofSchemaPath(request.method, schemaPath);
      if (!operationId) return undefined;
      const id = (params.path as { id?: unknown } | undefined)?.id;
      if (typeof id !== "string" || !ID_PATTERN.test(id)) {
        const issues = pathIssues(validators ?? (await validatorsUntilAborted(operationId, "check the path id", request)), operationId, params.path);
        if (issues) throw new PuffleValidationError({ target: "path", operationId, issues });
      }
      if (checkRequest) {
        const v = validators ?? (await validatorsUntilAborted(operationId, "check the request body", request));
        // A body the client did not serialize (a bodySerializer's Blob) is read as the API reads it:
        // text() gave a byte that is not UTF-8 as U+FFFD (3 bytes, so the size below was wrong) and
        // dropped a byte order mark, where the API answers both with a 400.
        const text = REQUEST_BODIES.get(request) ?? (request.body === null ? "" : requestBodyText(await request.clone().arrayBuffer()));
        const parsed = text === "" ? { ok: true as const, value: undefined } : text === undefined ? { ok: false as const } : parseJson(text);
        const result = parsed.ok
          ? v.validateRequestBody(operationId, parsed.value)
          : { valid: false as const, errors: [{ path: "", keyword: "content", message: text === undefined ? "is not JSON (its bytes are not UTF-8)" : "is not JSON" }] };
        if (!result.valid) throw new PuffleValidationError({ target: "request", operationId, issues: result.errors });
        const deep = v.requestDepthIssue(operationId, result.value);
        if (deep) throw new PuffleValidationError({ target: "request", operationId, issues: [deep] });
        // The API's size limit (its 413), measured on the text as it is sent.
        const big = text === undefined ? undefined : v.requestSizeIssue(operationId, text, result.value);
        if (big) throw new PuffleValidationError({ target: "request", operationId, issues: [big] });
      }
      return undefined;
    },
    async onResponse({ schemaPath, request, response, options }) {
      // openapi-fetch reads a 2xx body as JSON by default (`parseAs: "json"`): a body that is not
      // JSON would escape as its bare SyntaxError, so it is reported here as the methods report it.
      if (!response.ok || (!checkResponse && options.parseAs !== "json")) return undefined;
      const operationId = OPERATIONS.ofSchemaPath(request.method, schemaPath);
      if (!operationId) return undefined;
      const read = RESPONSE_BODIES.get(response);
      let parsed: { ok: true; value: unknown } | { ok: false };
      if (read !== undefined) {
        parsed = bodyJson(read);
      } else {
        const text = await response.clone().text();
        parsed = text === "" ? { ok: true as const, value: undefined } : parseJson(text);
      }
      if (parsed.ok && !checkResponse) return undefined;
      const result = parsed.ok
        ? (validators ?? (await validatorsTo(operationId, "check the response body"))).validateResponseBody(operationId, response.status, parsed.value)
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

/** What the methods need of an exchange: the last response and its body, read once. */
interface Exchanged {
  readonly response: Response;
  readonly text: string;
  attempts: number;
  /** The JSON of `text`, parsed once on demand. */
  json?: { ok: true; value: unknown } | { ok: false };
}

function exchangedJson(x: Exchanged): { ok: true; value: unknown } | { ok: false } {
  if (x.json === undefined) x.json = x.text === "" ? { ok: true, value: undefined } : parseJson(x.text);
  return x.json;
}

/**
 * One call's deadline and cancellation: the `AbortController` whose signal the transport gets, and
 * the pending race to reject when the deadline passes or the caller aborts (a `fetch` may ignore
 * its signal). A call under the client's own `timeoutMs` sits in that client's `DeadlineQueue` and
 * shares its controller with the calls started in the same few milliseconds (see `DeadlineQueue`);
 * a call with a `timeoutMs` or a signal of its own has a controller and a timer of its own.
 */
class Deadline {
  timedOut = false;
  aborted = false;
  /** Rejects the race in progress, if any. */
  reject: ((reason: unknown) => void) | undefined = undefined;
  prev: Deadline | undefined = undefined;
  next: Deadline | undefined = undefined;
  queued = false;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  constructor(
    readonly timeoutMs: number,
    /** This call's own deadline (`now() + timeoutMs` when it started). */
    readonly expiresAt: number,
    /** When its queue times it out: its batch's deadline, never before its own. */
    readonly fireAt: number,
    readonly controller: AbortController,
  ) {}

  expire(): void {
    if (this.timedOut || this.aborted) return;
    this.timedOut = true;
    if (!this.controller.signal.aborted) this.controller.abort(new DOMException(`no response within ${this.timeoutMs} ms`, "TimeoutError"));
    this.reject?.(undefined);
  }

  abort(reason: unknown): void {
    if (this.timedOut || this.aborted) return;
    this.aborted = true;
    this.controller.abort(reason);
    this.reject?.(undefined);
  }
}

const now: () => number =
  typeof performance === "object" && typeof performance.now === "function" ? () => performance.now() : () => Date.now();

/** The calls of one batch: started within `granularity` ms of each other, they share one controller and one deadline. */
interface Batch {
  readonly controller: AbortController;
  readonly openUntil: number;
  readonly fireAt: number;
  size: number;
}

/** The most calls one batch's signal is given to (undici adds one listener per request to it until the request is collected). */
const MAX_BATCH = 256;

/**
 * The deadlines of calls made with the client's `timeoutMs`, oldest first (they all last as long, so
 * this is also the order they expire in), under one timer: a call started or finished while others
 * are pending costs no timer of its own. An `AbortController` per call would cost more than the rest of the call's own
 * work, so the calls started within `granularity` ms (1% of `timeoutMs`, 1 to 10 ms; at most 256
 * calls) share one: when that batch's deadline passes, the calls of the batch still pending time out
 * together and its signal aborts (the finished ones are not affected). A call thus times out at most
 * `granularity` ms after its own deadline, never before it. The timer is armed only while a call is
 * pending: it is cleared when the last one finishes. (Left armed, unref'd, it fired `timeoutMs` later
 * and held the queue and its batch's controller until then, for every client made and dropped.)
 */
class DeadlineQueue {
  private head: Deadline | undefined = undefined;
  private tail: Deadline | undefined = undefined;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private batch: Batch | undefined = undefined;
  private readonly granularity: number;
  constructor(readonly timeoutMs: number) {
    this.granularity = Math.min(10, Math.max(1, Math.floor(timeoutMs / 100)));
  }

  start(): Deadline {
    const t = now();
    let batch = this.batch;
    if (batch === undefined || t >= batch.openUntil || batch.size >= MAX_BATCH) {
      batch = this.batch = { controller: new AbortController(), openUntil: t + this.granularity, fireAt: t + this.timeoutMs + this.granularity, size: 0 };
    }
    batch.size += 1;
    const d = new Deadline(this.timeoutMs, t + this.timeoutMs, batch.fireAt, batch.controller);
    d.queued = true;
    if (this.tail === undefined) {
      this.head = this.tail = d;
      this.arm(d.fireAt);
    } else {
      d.prev = this.tail;
      this.tail.next = d;
      this.tail = d;
    }
    return d;
  }

  finish(d: Deadline): void {
    if (!d.queued) return;
    d.queued = false;
    if (d.prev) d.prev.next = d.next;
    else this.head = d.next;
    if (d.next) d.next.prev = d.prev;
    else this.tail = d.prev;
    d.prev = d.next = undefined;
    if (this.head === undefined && this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private arm(at: number): void {
    // A batch fires `granularity` ms after its calls' deadline, which may be past the most a timer
    // holds (a timeoutMs near MAX_TIMER_MS): Node would cut the timer to 1 ms, with a warning. A timer
    // that fires before its batch is due is armed again for the rest (see `fire`). One timer at most:
    // a call started while `fire` runs (from an abort listener on the batch's signal) arms it, and
    // `fire` arms it again after.
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(), Math.min(MAX_TIMER_MS, Math.max(1, Math.ceil(at - now()))));
  }

  private fire(): void {
    this.timer = undefined;
    const t = now();
    // Timers may fire a little early by this clock: a batch due within 1 ms is due (its deadline is
    // `granularity` ≥ 1 ms after its calls' own, so none times out before its own deadline).
    while (this.head !== undefined && this.head.fireAt <= t + 1) {
      const d = this.head;
      this.finish(d);
      d.expire();
    }
    if (this.head !== undefined) this.arm(this.head.fireAt);
  }
}

/** A deadline with a timer of its own (a per-call `timeoutMs`, or only a caller's signal when `timeoutMs` is 0). */
function soloDeadline(timeoutMs: number): Deadline {
  const at = timeoutMs > 0 ? now() + timeoutMs : Infinity;
  const d = new Deadline(timeoutMs, at, at, new AbortController());
  if (timeoutMs > 0) d.timer = setTimeout(() => d.expire(), timeoutMs);
  return d;
}

/** Settles with `promise`, or rejects as soon as the deadline passes or the caller aborts. */
function race<T>(d: Deadline, promise: Promise<T>): Promise<T> {
  if (d.timedOut || d.aborted) {
    promise.catch(() => {});
    return Promise.reject(new Error("deadline"));
  }
  return new Promise<T>((resolve, reject) => {
    d.reject = reject;
    promise.then(resolve, reject);
  });
}

/**
 * What an injected fetch resolved with, if it can be read as a response: this realm's `Response`
 * or another fetch's (node-fetch, undici's own package, a polyfill). A status of 0 is fetch's
 * network error (`Response.error()`): an error here, as fetch itself rejects with one.
 */
function responseOf(received: unknown): Response {
  const r = received as { status?: unknown; headers?: { get?: unknown }; arrayBuffer?: unknown; text?: unknown } | null;
  if (r === null || typeof r !== "object" || typeof r.status !== "number" || typeof r.headers?.get !== "function" || typeof r.arrayBuffer !== "function" || typeof r.text !== "function") {
    throw new TypeError(`fetch did not return a Response (got ${r === null ? "null" : typeof r === "object" ? "an object without status, headers and body methods" : typeof r})`);
  }
  if (r.status === 0) {
    // A browser's answer to `redirect: "manual"`: the 3xx, with nothing of it readable.
    if ((r as { type?: unknown }).type === "opaqueredirect") throw new RedirectNotFollowedError();
    throw new TypeError("fetch returned a network error (a response of status 0)");
  }
  if (!Number.isInteger(r.status) || r.status < 200 || r.status > 599) throw new TypeError(`fetch returned a response of status ${r.status}, not an HTTP status from 200 to 599`);
  return r as Response;
}

/** Another fetch's response as one of this realm's, with the same status, headers and body (read here). */
async function adopt(received: unknown, limit: number): Promise<Response> {
  const checked = responseOf(received);
  if (checked instanceof Response) return checked;
  // Typed as this realm's Response, it is only shaped like one.
  const r = checked as Pick<Response, "status" | "statusText" | "headers" | "arrayBuffer">;
  const bytes = NULL_BODY_STATUSES.has(r.status) ? null : await readBytes(r as Response, limit);
  return new Response(bytes, { status: r.status, statusText: typeof r.statusText === "string" ? r.statusText : "", headers: r.headers });
}

/** Sends once through `base` and reads the whole body as text. */
async function attempt(base: TransportFetch, url: string, init: RequestInit, limit: number): Promise<Exchanged> {
  const received = unlessOver(await base(url, init), init.signal);
  // The common case costs one check; any other result is checked, and another fetch's response copied.
  const response = received instanceof Response && received.status !== 0 ? received : await adopt(received, limit);
  const text = NULL_BODY_STATUSES.has(response.status) ? "" : UTF8.decode(await readBytes(response, limit, init.signal));
  return { response, text, attempts: 1, json: undefined };
}

/**
 * A browser's answer to `redirect: "manual"` (an opaque redirect: status 0, nothing readable), the
 * `cause` of the `PuffleNetworkError`. Never retried: the server would answer the same redirect.
 */
class RedirectNotFollowedError extends TypeError {
  constructor() {
    super("the server answered with a redirect, which the client does not follow (see docs/client.md)");
    this.name = "RedirectNotFollowedError";
  }
}

/**
 * Whether a failed attempt must not be retried: its answer would be the same, or (a `PuffleError` an
 * injected fetch threw) the failure is already the call's error, passed on as it is. Both exchanges.
 */
const isFinal = (error: unknown): boolean => error instanceof PuffleError || error instanceof ResponseTooLargeError || error instanceof RedirectNotFollowedError;

/** A response body over `maxResponseBytes` (the `cause` of the `PuffleNetworkError`; never retried). */
class ResponseTooLargeError extends RangeError {
  constructor(limit: number) {
    super(`the response body is larger than maxResponseBytes (${limit} bytes); it was not read further`);
    this.name = "ResponseTooLargeError";
  }
}

/**
 * What the transport answered, unless the call is already over (`signal` aborted: its deadline
 * passed or the caller aborted, and the transport, which ignored its signal, answered late): then
 * nobody will read the body, which is cancelled rather than left holding its connection.
 */
function unlessOver<T>(received: T, signal: AbortSignal | null | undefined): T {
  if (!signal?.aborted) return received;
  if (received !== null && typeof received === "object") cancelBody(received as unknown as Response);
  throw signal.reason;
}

/** Stops reading a body that will not be read (a foreign response's body may not be a web stream). */
function cancelBody(response: Response): void {
  const body = response.body as { cancel?: () => Promise<void> } | null | undefined;
  if (body && typeof body.cancel === "function") body.cancel().catch(() => undefined);
}

/**
 * Throws `ResponseTooLargeError` (and cancels the body) when `Content-Length` declares more than
 * `limit` bytes, before any of it is read. A length within the limit bounds nothing: a content-coded
 * body decodes into more (a browser's cross-origin response may hide its `Content-Encoding`), and a
 * `Response` an injected fetch built need not hold to it; the bytes are counted as they are read.
 */
function checkDeclared(response: Response, limit: number): void {
  // A response without a body (to a HEAD) declares the length of the one it leaves out: nothing to read.
  if (!(Number(response.headers.get("content-length")) > limit) || response.body === null) return;
  cancelBody(response);
  throw new ResponseTooLargeError(limit);
}

/**
 * Reads this realm's response's body, throwing `ResponseTooLargeError` (and cancelling the rest) once
 * it passes `limit` bytes. When `signal` (the call's: its deadline, the caller's abort) aborts, the
 * stream is cancelled and the read throws the signal's reason: a transport that ignores its signal
 * may leave a read pending for ever (a body that stalls after its headers), and the call's race has
 * already failed the call; the cancel lets go of the stream (and its connection). One abort hook
 * per read, through `onAbort` (one listener on a signal shared by many calls), not one per chunk.
 */
async function readCapped(response: Response, limit: number, signal: AbortSignal | null | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const body = response.body;
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  // A cancelled stream ends the pending read as `done`: the loop then throws the reason.
  const cancel = () => void reader.cancel(signal?.reason).catch(() => undefined);
  const stop = signal && !signal.aborted ? onAbort(signal, cancel) : undefined;
  if (signal?.aborted) cancel();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // As text() and arrayBuffer() refuse it: a chunk that is not bytes (a string from a hand-made
      // stream) has no byteLength to count, and such a stream could then be read for ever.
      if (!(value instanceof Uint8Array) && !(ArrayBuffer.isView(value) && (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "Uint8Array")) {
        cancel();
        throw new TypeError("Received non-Uint8Array chunk");
      }
      total += value.byteLength;
      if (total > limit) {
        cancel();
        throw new ResponseTooLargeError(limit);
      }
      chunks.push(value as Uint8Array<ArrayBuffer>);
    }
  } finally {
    stop?.();
  }
  if (signal?.aborted) throw signal.reason;
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * A response's whole body, at most `limit` bytes (a declared length over it fails at once). This
 * realm's is read with a reader of the client's, counted as it streams and cancelled when `signal`
 * aborts (see `readCapped`; arrayBuffer() would hold the stream locked, past any cancel, for as long
 * as a stalled body stalls); another fetch's with its arrayBuffer(), checked once read.
 */
async function readBytes(response: Response, limit: number, signal?: AbortSignal | null): Promise<ArrayBuffer | Uint8Array<ArrayBuffer>> {
  checkDeclared(response, limit);
  if (response instanceof Response) return readCapped(response, limit, signal);
  const bytes = await (response as { arrayBuffer(): Promise<ArrayBuffer> }).arrayBuffer();
  if (bytes.byteLength > limit) throw new ResponseTooLargeError(limit);
  return bytes;
}

/**
 * The error for a failed exchange: the deadline passed (`timedOutMs`: the timeout that passed),
 * the caller aborted, or the network failed.
 */
function failure(error: unknown, url: string, operationId: OperationId | undefined, attempts: number, timedOutMs: number | undefined, caller: AbortSignal | undefined): PuffleError {
  if (timedOutMs !== undefined) return new PuffleTimeoutError({ url, operationId, timeoutMs: timedOutMs, attempts });
  if (caller?.aborted) return new PuffleAbortError({ url, operationId, reason: caller.reason, attempts });
  if (error instanceof PuffleError) return error;
  return new PuffleNetworkError({ url, operationId, cause: error, attempts });
}

/** The timeout a deadline passed, if it did. */
function timedOut(d: Deadline | undefined): number | undefined {
  return d?.timedOut ? d.timeoutMs : undefined;
}

/** The transport the methods call: `fetch(url, init)`. */
type TransportFetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The methods' exchange: `fetch(url, init)` directly (no `Request`, no copy of the response), with
 * the same deadline, abort, retry and error rules as `exchange`.
 */
async function fastExchange(
  base: TransportFetch,
  retry: RetrySettings,
  url: string,
  init: RequestInit,
  operationId: OperationId,
  maxRetries: number,
  caller: AbortSignal | undefined,
  d: Deadline | undefined,
  queue: DeadlineQueue | undefined,
  /** The largest response body read. */
  limit: number,
  /** The first attempt, when the caller already made it (`call` does, inline, when there is no caller's signal). */
  first?: { result: Exchanged | undefined; error: unknown },
): Promise<Exchanged> {
  let attempts = 0;
  const stopCallerAbort = caller !== undefined && d !== undefined ? onAbort(caller, () => d.abort(caller.reason)) : undefined;
  try {
    for (;;) {
      attempts += 1;
      let result: Exchanged | undefined;
      let lastError: unknown;
      if (attempts === 1 && first !== undefined) {
        result = first.result;
        lastError = first.error;
        if (result === undefined && (d?.timedOut || caller?.aborted || isFinal(lastError))) throw failure(lastError, url, operationId, attempts, timedOut(d), caller);
      } else try {
        result = await (d !== undefined ? race(d, attempt(base, url, init, limit)) : attempt(base, url, init, limit));
      } catch (error) {
        if (d?.timedOut || caller?.aborted || isFinal(error)) throw failure(error, url, operationId, attempts, timedOut(d), caller);
        lastError = error;
      }
      const response = result?.response;
      if (attempts <= maxRetries && (response === undefined || isRetryableStatus(response.status))) {
        const delay = retryDelay(retry, attempts, response);
        // Never wait past the deadline: give up now with what the last attempt got.
        if (d === undefined || d.timeoutMs === 0 || now() + delay < d.expiresAt) {
          if (delay > 0) await sleepBetween(retry, delay, d?.controller.signal, (waiting) => (d ? race(d, waiting) : waiting));
          if (d?.timedOut || caller?.aborted) throw failure(undefined, url, operationId, attempts, timedOut(d), caller);
          continue;
        }
      }
      if (result === undefined) throw failure(lastError, url, operationId, attempts, timedOut(d), caller);
      result.attempts = attempts;
      return result;
    }
  } finally {
    if (d !== undefined) release(d, queue);
    stopCallerAbort?.();
  }
}

/** A call is over: its deadline no longer counts. */
function release(d: Deadline, queue: DeadlineQueue | undefined): void {
  d.reject = undefined;
  if (d.timer !== undefined) clearTimeout(d.timer);
  queue?.finish(d);
}

/**
 * `{ "X-Foo": "1" }` → `{ "x-foo": "1" }` onto `target`, as openapi-fetch 0.17's `mergeHeaders` sets
 * a `Headers` (`headers.set`, `append`, `delete`): `null` removes, `undefined` skips, a string,
 * number or boolean replaces, and an array appends each item (joined with ", ") to what is there,
 * an earlier layer's (`target`: the client's headers) or an earlier key's of the same object, so `[]`
 * changes nothing. Each value is trimmed of spaces and tabs as `Headers` trims each one it is given:
 * fetch trims the joined value only at its ends.
 */
function mergeHeaderRecord(target: Record<string, string>, headers: Record<string, unknown> | undefined): void {
  if (headers === undefined || headers === null || typeof headers !== "object") return;
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    const name = key.toLowerCase();
    if (value === null) delete target[name];
    else if (Array.isArray(value)) {
      for (const item of value) {
        const text = trimHeaderValue(String(item));
        // Own members only: `constructor` is Object.prototype's, and an array was appended to its text.
        target[name] = hasOwn(target, name) ? `${target[name]}, ${text}` : text;
      }
    } else if (value !== undefined) target[name] = trimHeaderValue(String(value));
  }
}

/** A header value without the leading and trailing spaces and tabs `Headers` strips (checkHeaders refuses CR and LF). */
function trimHeaderValue(value: string): string {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first === 32 || first === 9 || last === 32 || last === 9 ? value.replace(/^[\t ]+|[\t ]+$/g, "") : value;
}

function hasContentType(headers: Record<string, unknown> | undefined): boolean {
  if (headers === undefined || headers === null || typeof headers !== "object") return false;
  for (const key in headers) if (key.length === 12 && key.toLowerCase() === "content-type") return true;
  return false;
}

/**
 * The keys of `createPuffleClient`'s options: any other is refused, naming it (`baseURL`, axios'
 * spelling, was ignored, and the token went to the default base URL, the production API).
 */
const CLIENT_OPTION_KEYS = Object.keys({
  baseUrl: true,
  apiKey: true,
  fetch: true,
  headers: true,
  validate: true,
  timeoutMs: true,
  maxRetries: true,
  retry: true,
  maxResponseBytes: true,
} satisfies Record<keyof PuffleClientOptions, true>);

/** The keys of the methods' per-call options (`PuffleRequestOptions`): any other is refused, as a client option's is. */
const REQUEST_OPTION_KEYS = Object.keys({ signal: true, timeoutMs: true, headers: true, maxRetries: true } satisfies Record<keyof PuffleRequestOptions, true>);

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
  const issue = optionsIssue(options, CLIENT_OPTION_KEYS);
  if (issue !== undefined) throw new PuffleConfigError(issue.key ?? "options", issue.rule);
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const fromEnv = options.apiKey === undefined ? envApiKey() : undefined;
  const apiKey = options.apiKey !== undefined ? checkApiKey(options.apiKey, "apiKey") : fromEnv !== undefined ? checkApiKey(fromEnv, "PUFFLE_API_KEY") : undefined;
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new PuffleConfigError("fetch", "must be a function");
  const validate = checkValidate(options.validate);
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs, "timeoutMs");
  const maxRetries = options.maxRetries === undefined ? DEFAULT_MAX_RETRIES : checkRetries(options.maxRetries, "maxRetries");
  const retry = checkRetryOptions(options.retry);
  const maxResponseBytes = options.maxResponseBytes === undefined ? DEFAULT_MAX_RESPONSE_BYTES : checkMaxResponseBytes(options.maxResponseBytes);
  // The checked copy: changing options.headers afterwards changes no request.
  const headers: PuffleHeaders = checkHeaders(options.headers, "headers") ?? {};
  // `null` removes a header, the token's too, at this level as per call (openapi-fetch's rule): the
  // token, added after the caller's headers, used to put back an `authorization: null` of theirs.
  const noToken = Object.keys(headers).some((name) => headers[name] === null && name.toLowerCase() === "authorization");
  if (apiKey !== undefined && !noToken) headers.Authorization = `Bearer ${apiKey}`;
  const injected = options.fetch;
  // Looked up at call time, so a test's or a polyfill's later `globalThis.fetch` is honoured.
  const baseFetch: (input: Request) => Promise<Response> = injected ?? ((input: Request) => globalThis.fetch(input));
  const transport: TransportFetch = injected ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const checkRequest = validate === "request" || validate === "both";
  const checkResponse = validate === "response" || validate === "both";
  if (validate !== undefined) void loadValidators().catch(() => {}); // a failure surfaces on the first call

  // Raw calls: the request's own signal is the caller's.
  const rawFetch = (request: Request) => exchange(baseFetch, retry, request, { timeoutMs, maxRetries, maxResponseBytes, caller: request.signal });
  // Redirects are not followed (openapi-fetch's default is "follow"): see REDIRECT.
  const raw = createClient<paths>({ baseUrl, headers, fetch: rawFetch, Request: PuffleRequest, redirect: REDIRECT });
  raw.use(specMiddleware(validate));
  // openapi-fetch builds each request with the caller's `signal` (`new Request(url, { signal })`): Node's
  // Request then keeps a listener on that signal until the Request is garbage-collected, so a service
  // passing its one shutdown signal to every raw call piles listeners on it (MaxListenersExceededWarning).
  // Each raw call gets a signal of its own instead, which follows the caller's through one shared
  // listener (onAbort) that is removed when the call settles, a middleware's throw included.
  const patch = raw.PATCH;
  for (const name of RAW_METHODS) raw[name] = withOwnSignal(raw[name] as LooseMethod, name) as never;
  const request = raw.request as (method: unknown, url: unknown, init?: unknown) => Promise<unknown>;
  raw.request = ((method: unknown, url: unknown, init?: unknown) => withOwnSignal((u, i) => request(method, u, i), typeof method === "string" ? method.toUpperCase() : "request")(url, init)) as never;

  // The caller's middlewares (`use`) apply to the methods too: while there is one, the methods go
  // through openapi-fetch (`slowCall`); without, they call fetch directly (`call`). Kept as
  // openapi-fetch keeps them: an entry per `use` (one given twice is there twice), `eject` removes
  // one, and what it skips (a falsy one) or refuses (throws) is not counted.
  const callerMiddlewares: Middleware[] = [];
  const rawUse = raw.use.bind(raw);
  const rawEject = raw.eject.bind(raw);
  raw.use = (...middlewares: Middleware[]) => {
    for (const m of middlewares) {
      rawUse(m);
      if (m) callerMiddlewares.push(m);
    }
  };
  raw.eject = (...middlewares: Middleware[]) => {
    for (const m of middlewares) {
      const at = callerMiddlewares.indexOf(m);
      if (at !== -1) callerMiddlewares.splice(at, 1);
    }
    rawEject(...middlewares);
  };

  // The methods' headers, as openapi-fetch merges them: JSON content type, the client's headers, the token.
  const headersWithBody: Record<string, string> = { "content-type": "application/json" };
  mergeHeaderRecord(headersWithBody, headers);
  const headersWithoutBody: Record<string, string> = {};
  mergeHeaderRecord(headersWithoutBody, headers);
  // A content type of the caller's may make openapi-fetch serialize the body otherwise (a form): that goes through openapi-fetch.
  const clientContentType = hasContentType(headers);
  // The URL of each operation, split around the id (base URL normalized once, as `new Request` would).
  const PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
  const urlParts = {} as Record<OperationId, readonly [string, string]>;
  const retriesAllowed = {} as Record<OperationId, boolean>;
  for (const op of Object.keys(routes) as OperationId[]) {
    const href = new URL(`${baseUrl}${routes[op].path.replace(/\{id\}/g, PLACEHOLDER)}`).href;
    const at = href.indexOf(PLACEHOLDER);
    urlParts[op] = href.indexOf(PLACEHOLDER, at + 1) === -1 && at !== -1 ? [href.slice(0, at), href.slice(at + PLACEHOLDER.length)] : ["", ""];
    // Retrying is safe only because the spec says so (`x-puffle-behaviour.idempotent`), per operation.
    retriesAllowed[op] = routes[op].idempotent;
  }
  const queue = timeoutMs > 0 ? new DeadlineQueue(timeoutMs) : undefined;

  /** The methods through openapi-fetch and its middlewares (when the caller has added one). */
  async function slowCall(operationId: OperationId, id: string, body: unknown, callHeaders: PuffleHeaders | undefined, plan: ExchangePlan): Promise<Record<string, unknown>> {
    // `parseAs: "stream"`: openapi-fetch does not read a 2xx body; the transport already has it.
    const init: Record<string, unknown> = { params: { path: { id } }, body, parseAs: "stream", fetch: (request: Request) => exchange(baseFetch, retry, request, plan) };
    // The request is built with the signal the deadline and the caller's signal abort, so it need not be rebuilt to carry it.
    let stopCaller: (() => void) | undefined;
    if (plan.timeoutMs > 0 || plan.caller !== undefined) {
      const controller = (plan.controller = new AbortController());
      init.signal = controller.signal;
      // From the start, so that the middlewares' wait for the validators ends with the caller's abort
      // (the exchange, later, listens to the caller itself).
      const caller = plan.caller;
      if (caller?.aborted) controller.abort(caller.reason);
      else if (caller !== undefined) stopCaller = onAbort(caller, () => controller.abort(caller.reason));
    }
    if (callHeaders !== undefined) init.headers = callHeaders;
    // openapi-fetch's own PATCH: the signal is already one of this call's own.
    let exchanged: Awaited<ReturnType<LooseCall>>;
    try {
      exchanged = await (patch as unknown as LooseCall)(routes[operationId].path, init);
    } finally {
      stopCaller?.();
    }
    const { error, response } = exchanged;
    const read = RESPONSE_BODIES.get(response);
    if (!response.ok) throw await apiError(operationId, response, error === undefined ? "" : error, read?.attempts ?? 1);
    // A response replaced by a middleware of the caller's is read here.
    const text = read !== undefined ? bodyText(read) : await response.text();
    const parsed = read !== undefined && text !== "" ? bodyJson(read) : parseJson(text);
    return recordOf(operationId, response, text, parsed);
  }

  async function call(operationId: OperationId, id: string, body: unknown, callOptions: PuffleRequestOptions = {}): Promise<Record<string, unknown>> {
    if (callOptions === null || typeof callOptions !== "object") throw new PuffleConfigError("options", "must be an object", operationId);
    // An unknown key was ignored (`{ timeout: 5000 }` ran under the client's 30 s), as createPuffleClient's were.
    const issue = optionsIssue(callOptions, REQUEST_OPTION_KEYS);
    if (issue !== undefined) throw new PuffleConfigError(issue.key ?? "options", issue.rule, operationId);
    const callTimeout = callOptions.timeoutMs === undefined ? timeoutMs : checkTimeout(callOptions.timeoutMs, "timeoutMs", operationId);
    const callRetries = callOptions.maxRetries === undefined ? maxRetries : checkRetries(callOptions.maxRetries, "maxRetries", operationId);
    // Read once, as checked: the caller's object may change while the call waits (for the validators).
    const callHeaders = checkHeaders(callOptions.headers, "headers", operationId);
    const caller = checkSignal(callOptions.signal, operationId);
    // In openapi-fetch's order: serialize, check the id, check the body, then send. (The other path
    // serializes again, in openapi-fetch: this one reports a body JSON cannot hold.)
    const payload = body === undefined ? undefined : serializeBody(operationId, body);
    if (callerMiddlewares.length > 0 || clientContentType || hasContentType(callHeaders)) {
      return slowCall(operationId, id, body, callHeaders, { timeoutMs: callTimeout, maxRetries: callRetries, maxResponseBytes, caller });
    }
    const canonical = typeof id === "string" && ID_PATTERN.test(id);
    const [before, after] = urlParts[operationId];
    let d: Deadline | undefined;
    if (validators === undefined && (!canonical || checkRequest)) {
      // The validators are still loading (or not yet asked for): the wait is part of the call, under
      // its deadline and its signal. The deadline starts now and is the exchange's too (one deadline).
      if (callTimeout > 0 || caller !== undefined) d = soloDeadline(callTimeout);
      // The URL of a timeout or abort error here, for an id not yet checked (encodeURIComponent throws on a lone surrogate).
      const waitUrl = () => {
        try {
          return `${before}${encodeURIComponent(id)}${after}`;
        } catch {
          return `${before}${encodeURIComponent(String(id).replace(/[\ud800-\udfff]/g, "\ufffd"))}${after}`;
        }
      };
      try {
        await validatorsWithin(operationId, !canonical ? "check the path id" : "check the request body", d, caller, waitUrl);
      } catch (error) {
        if (d !== undefined) release(d, undefined);
        throw error;
      }
    }
    try {
      if (!canonical) {
        const issues = pathIssues(validators ?? (await validatorsTo(operationId, "check the path id")), operationId, { id });
        if (issues) throw new PuffleValidationError({ target: "path", operationId, issues });
      }
      if (checkRequest) {
        const v = validators ?? (await validatorsTo(operationId, "check the request body"));
        const parsed = payload === undefined ? { ok: true as const, value: undefined } : parseJson(payload);
        const result = parsed.ok ? v.validateRequestBody(operationId, parsed.value) : { valid: false as const, errors: [{ path: "", keyword: "content", message: "is not JSON" }] };
        if (!result.valid) throw new PuffleValidationError({ target: "request", operationId, issues: result.errors });
        // The schema leaves draft_attachments' items open, so only this says a body is nested past the API's depth (its 400).
        const deep = v.requestDepthIssue(operationId, result.value);
        if (deep) throw new PuffleValidationError({ target: "request", operationId, issues: [deep] });
        // Nor its size limit (x-puffle-behaviour.maxBodyBytes, the API's 413), measured on the text as it is sent.
        const big = payload === undefined ? undefined : v.requestSizeIssue(operationId, payload, result.value);
        if (big) throw new PuffleValidationError({ target: "request", operationId, issues: [big] });
      }
    } catch (error) {
      if (d !== undefined) release(d, undefined);
      throw error;
    }
    const url = canonical ? before + id + after : `${before}${encodeURIComponent(id)}${after}`;
    if (caller?.aborted) {
      if (d !== undefined) release(d, undefined);
      throw new PuffleAbortError({ url, operationId, reason: caller.reason, attempts: 0 });
    }
    const sent: Record<string, string> = payload === undefined ? { ...headersWithoutBody } : { ...headersWithBody };
    if (callHeaders !== undefined) mergeHeaderRecord(sent, callHeaders);
    const init: RequestInit = payload === undefined ? { method: "PATCH", headers: sent, redirect: REDIRECT } : { method: "PATCH", headers: sent, body: payload, redirect: REDIRECT };
    // A caller's signal aborts one call only: such a call gets a controller of its own. (A deadline
    // started before the wait for the validators is kept: it is this one.)
    if (d === undefined) {
      if (caller === undefined && callTimeout === timeoutMs && queue !== undefined) d = queue.start();
      else if (callTimeout > 0 || caller !== undefined) d = soloDeadline(callTimeout);
    }
    if (d !== undefined) init.signal = d.controller.signal;
    const retries = retriesAllowed[operationId] ? callRetries : 0;
    const inQueue = d?.queued ? queue : undefined;
    let x: Exchanged;
    if (caller === undefined) {
      // The common case inline: one attempt; only a failure or a retryable status goes on to fastExchange.
      let first: Exchanged | undefined;
      let error: unknown;
      try {
        first = await (d !== undefined ? race(d, attempt(transport, url, init, maxResponseBytes)) : attempt(transport, url, init, maxResponseBytes));
      } catch (e) {
        error = e;
      }
      if (first !== undefined && !(retries > 0 && isRetryableStatus(first.response.status))) {
        if (d !== undefined) release(d, inQueue);
        x = first;
      } else {
        x = await fastExchange(transport, retry, url, init, operationId, retries, caller, d, inQueue, maxResponseBytes, { result: first, error });
      }
    } else {
      x = await fastExchange(transport, retry, url, init, operationId, retries, caller, d, inQueue, maxResponseBytes);
    }
    const response = x.response;
    if (!response.ok) {
      // As openapi-fetch reads an error body: JSON when it parses, else the text ("" when empty).
      const parsed = exchangedJson(x);
      throw await apiError(operationId, response, parsed.ok && x.text !== "" ? parsed.value : x.text, x.attempts);
    }
    if (checkResponse) {
      const v = validators ?? (await validatorsTo(operationId, "check the response body"));
      const parsed = exchangedJson(x);
      const result = parsed.ok ? v.validateResponseBody(operationId, response.status, parsed.value) : { valid: false as const, errors: [{ path: "", keyword: "content", message: "is not JSON" }] };
      if (!result.valid) {
        throw new PuffleValidationError({ target: "response", operationId, issues: result.errors, status: response.status, requestId: response.headers.get("x-request-id") ?? undefined });
      }
    }
    return recordOf(operationId, response, x.text, x.text === "" ? { ok: false } : exchangedJson(x));
  }

  return {
    ...raw,
    // The same function: StrictPatch types its options directly (excess-property checks) and its data by `parseAs`.
    PATCH: raw.PATCH as StrictPatch,
    request: raw.request as StrictRequest,
    raw,
    updateConversation(id, body, callOptions) {
      return call("updateConversation", id, body, callOptions) as Promise<unknown> as Promise<Conversation>;
    },
    updateThread(id, body, callOptions) {
      return call("updateThread", id, body, callOptions) as Promise<unknown> as Promise<Thread>;
    },
  };
}

/**
 * The `PuffleApiError` for a non-2xx answer (the validators, loaded on demand, say whether a JSON body
 * is a `Problem`). When they cannot be loaded, the error is still the `PuffleApiError`, its body not
 * checked (`problem` and `existingThread` undefined) and the load error as its `cause`.
 */
async function apiError(operationId: OperationId, response: Response, received: unknown, attempts: number): Promise<PuffleApiError> {
  const init = { operationId, status: response.status, statusText: response.statusText, body: received, headers: response.headers, attempts };
  // A body that is not JSON (text, `""` when empty: a proxy's HTML page) is no Problem: nothing to load.
  if (typeof received === "string") return new PuffleApiError({ ...init, problem: undefined });
  let v: Validators;
  try {
    v = validators ?? (await loadValidators());
  } catch (error) {
    return new PuffleApiError({ ...init, problem: undefined, cause: error });
  }
  const problem = v.validateProblem(received) ? (received as PuffleApiError["problem"]) : undefined;
  const existingThread = response.status === 409 && v.validateDuplicateThreadProblem(received) ? (received as { existing_thread: Thread }).existing_thread : undefined;
  return new PuffleApiError({ ...init, problem, existingThread });
}

/** The `conversation` / `thread` member of a 2xx body, or the `PuffleValidationError` saying why there is none. */
function recordOf(operationId: OperationId, response: Response, text: string, parsed: { ok: true; value: unknown } | { ok: false }): Record<string, unknown> {
  const member = operationId === "updateConversation" ? "conversation" : "thread";
  const requestId = (): string | undefined => response.headers.get("x-request-id") ?? undefined;
  if (!parsed.ok) {
    throw new PuffleValidationError({ target: "response", operationId, status: response.status, requestId: requestId(), issues: [{ path: "", keyword: "content", message: text === "" ? "is empty" : "is not JSON" }] });
  }
  const value = parsed.value;
  const record = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[member] : undefined;
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    throw new PuffleValidationError({
      target: "response",
      operationId,
      status: response.status,
      requestId: requestId(),
      issues: [{ path: `/${member}`, keyword: record === undefined ? "required" : "type", message: record === undefined ? "is required" : "must be object" }],
    });
  }
  return record as Record<string, unknown>;
}
