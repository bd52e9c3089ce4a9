// The typed client: openapi-fetch over the generated `paths`, with the spec's server URL and
// bearer auth filled in.
import createClient from "openapi-fetch";
import type { Client, Middleware } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { serverUrl } from "../generated/meta.js";

export type { Middleware };

export interface PuffleClientOptions {
  /** Root URL of the API. Default: the spec's server, `https://app.puffle.ai`. */
  baseUrl?: string;
  /** Bearer token. Default: the `PUFFLE_API_KEY` environment variable (in Node). */
  apiKey?: string;
  /** A `fetch` to use instead of `globalThis.fetch` (it is called with a `Request`). */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** The openapi-fetch client for the Puffle update endpoints. */
export type PuffleClient = Client<paths>;

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

/**
 * Creates the typed client.
 *
 * ```ts
 * const puffle = createPuffleClient({ apiKey: "…" });
 * const { data, error } = await puffle.PATCH("/api/threads/{id}", {
 *   params: { path: { id } },
 *   body: { status: "archived" },
 * });
 * ```
 */
export function createPuffleClient(options: PuffleClientOptions = {}): PuffleClient {
  if (options === null || typeof options !== "object") throw new PuffleConfigError("options", "must be an object");
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const fromEnv = options.apiKey === undefined ? envApiKey() : undefined;
  const apiKey = options.apiKey !== undefined ? checkApiKey(options.apiKey, "apiKey") : fromEnv !== undefined ? checkApiKey(fromEnv, "PUFFLE_API_KEY") : undefined;
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new PuffleConfigError("fetch", "must be a function");
  const headers: Record<string, string> = { ...options.headers };
  if (apiKey !== undefined) headers.Authorization = `Bearer ${apiKey}`;
  return createClient<paths>({
    baseUrl,
    headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
