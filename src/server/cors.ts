// CORS for the reference server, off unless asked for (`ServerOptions.cors`, `--cors [origin]` of
// both launchers): a web front end on another origin (a Vite dev server on http://localhost:5173)
// may then call the server from a browser. No credentials mode: the API uses no cookies, and the
// bearer token is an explicit header, which a preflight allows by naming it. No Fastify here: the
// launchers check `--cors` with it before the server is loaded. See docs/server.md, "CORS".
import { operations as meta } from "../../generated/meta.js";
import { quoted } from "../errors.js";

/** What a CORS-enabled server allows: any origin (`"*"`), or these origins (each as a browser sends it). */
export type CorsOrigins = "*" | readonly string[];

/** `Access-Control-Allow-Methods`: every method the operations allow (`x-puffle-behaviour.allowedMethods`). */
export const CORS_ALLOW_METHODS: string = [...new Set(Object.values(meta).flatMap((op) => [...op.behaviour.allowedMethods]))].join(", ");

/**
 * `Access-Control-Allow-Headers`: the request headers that are not CORS-safelisted and that the server
 * reads: the bearer token, the JSON content type, a content coding (answered with the 415 that says
 * so, instead of the browser blocking the request), and a client's own request id (echoed when
 * well-formed).
 */
const CORS_ALLOW_HEADERS = "Authorization, Content-Type, Content-Encoding, X-Request-Id";

const ALLOWED_BY_DEFAULT = new Set(CORS_ALLOW_HEADERS.toLowerCase().split(", "));
/** A header name (RFC 9110 §5.1: a token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A preflight's `Access-Control-Allow-Headers`: CORS_ALLOW_HEADERS, then any other header the
 * browser asks for (`Access-Control-Request-Headers`), so that a page whose client adds headers of
 * its own (a tracing header through the client's `headers` option) is not blocked: the server
 * ignores headers it does not read. A list with a name that is not a token adds nothing.
 */
export function corsAllowHeaders(requested: string | undefined): string {
  if (requested === undefined) return CORS_ALLOW_HEADERS;
  const extra: string[] = [];
  for (const part of requested.split(",")) {
    const name = part.trim().toLowerCase();
    if (name === "") continue;
    if (!HEADER_NAME.test(name)) return CORS_ALLOW_HEADERS;
    if (!ALLOWED_BY_DEFAULT.has(name) && !extra.includes(name)) extra.push(name);
  }
  return extra.length === 0 ? CORS_ALLOW_HEADERS : `${CORS_ALLOW_HEADERS}, ${extra.join(", ")}`;
}

/**
 * `Access-Control-Expose-Headers`: the response headers a client reads that a browser would otherwise
 * hide from a page (Content-Type, Content-Length and Cache-Control are always readable): the spec's
 * `X-Request-Id`, `WWW-Authenticate` (401) and `Accept-Encoding` (a 415 for a content coding), and
 * the 405's `Allow`. (`X-Content-Type-Options` is for the browser, not the page.)
 */
export const CORS_EXPOSE_HEADERS = "X-Request-Id, WWW-Authenticate, Allow, Accept-Encoding";

/** `Access-Control-Max-Age`: how long a browser may reuse a preflight's answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600;

/** The rule an origin must follow, for error messages. */
export const ORIGIN_RULE = "an origin is http:// or https://, a host and an optional :port, with no path (not even a trailing /), query or fragment, e.g. http://localhost:5173";

/**
 * The origin `text` names, as a browser serializes it in its `Origin` header (scheme and host
 * lower-cased, a default port dropped), or undefined when `text` is not an http(s) origin.
 */
function normalizeOrigin(text: string): string | undefined {
  if (!/^https?:\/\/[^\s/\\?#@]+$/i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.hostname === "" || url.origin === "null") return undefined;
  return url.origin;
}

/**
 * A `--cors` value: `*` (any origin), an origin, or origins separated by commas. Returns the origins
 * allowed, or the problem (which names `--cors` and the rule).
 */
export function parseCorsArgument(text: string): { origins: CorsOrigins } | { problem: string } {
  if (text.trim() === "*") return { origins: "*" };
  // A Set for the "seen before?" test: `origins.includes` made 40,000 origins take ~15 s (quadratic).
  const origins = new Set<string>();
  for (const part of text.split(",")) {
    const origin = normalizeOrigin(part.trim());
    if (origin === undefined) {
      // Quoted on one line and cut (`quoted`): an escape sequence or a megabyte given is not echoed as it is.
      const got = part.trim() === text.trim() ? quoted(text) : `${quoted(part.trim())} in ${quoted(text)}`;
      const why = part.trim() === "*" ? "* allows any origin on its own, not in a list" : ORIGIN_RULE;
      return { problem: `--cors must be * (any origin), an origin, or origins separated by commas; ${why}; got ${got}` };
    }
    origins.add(origin); // a repeated origin keeps its first place
  }
  return { origins: [...origins] };
}

/** The `cors` option of `createServer` / `startServer`. */
export type CorsOption = boolean | string | readonly string[] | undefined;

/**
 * The origins a `cors` option allows (undefined: CORS off). Throws a TypeError naming `cors` and the
 * rule for anything else than `true`/`false`/`undefined`, `"*"`, an origin or an array of origins.
 */
export function corsOriginsOf(option: CorsOption, where: string): CorsOrigins | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true || option === "*") return "*";
  const rule = `${where}: cors must be true or "*" (any origin), an origin or an array of origins; ${ORIGIN_RULE}`;
  const list: readonly unknown[] | undefined = typeof option === "string" ? [option] : Array.isArray(option) ? option : undefined;
  if (list === undefined || list.length === 0) throw new TypeError(`${rule}; got ${describe(option)}`);
  // A Set for the "seen before?" test: `origins.includes` made 40,000 origins take ~15 s (quadratic).
  const origins = new Set<string>();
  for (const item of list) {
    const origin = typeof item === "string" ? normalizeOrigin(item) : undefined;
    if (origin === undefined) throw new TypeError(`${rule}; got ${describe(item)}${list.length > 1 || typeof option !== "string" ? ` in ${describe(option)}` : ""}`);
    origins.add(origin); // a repeated origin keeps its first place
  }
  return [...origins];
}

/** How many characters of an array `describe` shows before it is cut (as `quoted` cuts a string). */
const SHOWN_LIST_MAX = 200;

/** An option's value as an error shows it: a string quoted, an array item by item (cut), an object as "an object". */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return listed(value, SHOWN_LIST_MAX);
  // A string quoted on one line and cut (`quoted`); a function by its kind, not its source (lines and all).
  if (typeof value === "string") return quoted(value);
  return value === null ? "null" : typeof value === "object" ? "an object" : typeof value === "function" ? "a function" : String(value);
}

/**
 * An array item by item, on one line: its items while they fit in about `room` characters (the first
 * always), then `…]` and how many it has, `["a", 1, …] (cut; 5000 items in all)`. Listed whole, an
 * array of 100,000 origins made a message of megabytes, one nested 100,000 deep a RangeError (the
 * stack), and a sparse one of 2^29 slots ran for minutes into `Invalid string length`. A hole is
 * `undefined`, as `for … of` reads it.
 */
function listed(list: readonly unknown[], room: number): string {
  if (list.length === 0) return "an empty array";
  const cut = `(cut; ${list.length} ${list.length === 1 ? "item" : "items"} in all)`;
  if (room <= 2) return `[…] ${cut}`;
  let text = "[";
  let i = 0;
  for (; i < list.length; i++) {
    const item = list[i];
    const part = `${i > 0 ? ", " : ""}${Array.isArray(item) ? listed(item, room - text.length - 2) : describe(item)}`;
    if (i > 0 && text.length + part.length + 1 > room) break;
    text += part;
  }
  return i === list.length ? `${text}]` : `${text}, …] ${cut}`;
}

/** The launchers' banner line when CORS is on. */
export function corsBannerLine(origins: CorsOrigins): string {
  return origins === "*" ? "CORS: on, for any origin (*)" : `CORS: on, for ${origins.join(", ")} (other origins get no CORS headers)`;
}

/** How a server answers with CORS on. */
export interface CorsPolicy {
  /** The `Access-Control-Allow-Origin` value for a request with this `Origin` header, or undefined (not allowed). */
  allowOrigin(origin: string | undefined): string | undefined;
  /** Whether the answer depends on `Origin` (then every response says `Vary: Origin`). */
  readonly varies: boolean;
  /**
   * The `Access-Control-Allow-Origin` of a response written without a parsed request (Node's HTTP
   * parser rejected it, so its `Origin` is unknown): `*`, the one origin allowed, or undefined when
   * several are (the response cannot say which).
   */
  readonly unparsedOrigin: string | undefined;
}

export function corsPolicy(origins: CorsOrigins): CorsPolicy {
  if (origins === "*") return { allowOrigin: () => "*", varies: false, unparsedOrigin: "*" };
  const allowed = new Set(origins);
  return {
    allowOrigin: (origin) => (origin !== undefined && allowed.has(origin) ? origin : undefined),
    varies: true,
    unparsedOrigin: origins.length === 1 ? origins[0] : undefined,
  };
}
