// The errors the Puffle client throws. Every one extends `PuffleError`, so one `instanceof` check
// tells a Puffle failure from anything else; the subclasses tell apart what went wrong:
//
//   PuffleValidationError  a path id, request body or response body broke the spec (nothing sent, or
//                          a response the spec does not allow); names the field and the rule
//   PuffleApiError         the API answered with a non-2xx status (any body: problem+json, HTML, empty)
//   PuffleNetworkError     no HTTP response at all (refused, reset, DNS, TLS…), or one the client
//                          does not read: a body over `maxResponseBytes`, a browser's opaque redirect
//   PuffleTimeoutError     no complete response within `timeoutMs`
//   PuffleAbortError       the caller's `signal` aborted the request
//
// `PuffleConfigError` (a bad client option) lives in client.ts and extends TypeError, as before.
//
// A message is one line, safe to print (src/unsafe-text.ts's `oneLine`): text from the server (a
// problem's title and detail, the status text, a header) may hold line breaks, escape sequences or
// bidi overrides, and each such text is cut to `SHOWN_TEXT_MAX` characters; the properties
// (`problem`, `body`, `headers`, `requestId`) keep what the server sent. So is a field name (or a
// path id) the caller relayed from elsewhere; `field` and `issues[].path` keep it.
import type { DuplicateThreadProblem, Problem, Thread } from "../generated/schema.js";
import type { OperationId, ResponseBody, ResponseStatus, ValidationIssue } from "./validators.js";
import { withoutCredentials } from "./url-credentials.js";
import { hasOwn } from "./poison-keys.js";
import { pointerTokens } from "./json-pointer.js";
import { boundedLine, escapeUnsafeInJson, oneLine, unicodeEscape } from "./unsafe-text.js";

/**
 * The most characters of one text from elsewhere a message shows: from the server (title, detail,
 * status text, a header) or relayed by the caller (a field name of a body, a path id).
 */
const SHOWN_TEXT_MAX = 200;

/** Text from elsewhere as a message shows it: one line, at most `SHOWN_TEXT_MAX` characters. */
export function shown(text: string): string {
  return boundedLine(text, SHOWN_TEXT_MAX);
}

/**
 * A string from elsewhere as a message quotes it: JSON-quoted, on one line, at most `shown`'s length
 * within the quotes (a line separator, an escape sequence or a megabyte of it is not echoed as it
 * is). What `JSON.stringify` leaves as it is and a terminal or `oneLine` would not show as it is, is
 * written as a `\uXXXX` escape too (DEL, C1 controls, bidirectional formatting, the separators and
 * whitespace other than a space: `\u009b`, `\u202e`, `\u00a0`), so the quote is the value in JSON
 * syntax. A run of spaces is shown as one (as `oneLine` would show it) and the quote says so, with
 * the length the value had: `"a b" (spaces collapsed; 4 characters in all)`. A longer one is cut at
 * a whole character or escape, ends in `…"` and says so, `"xxx…" (cut; 5000 characters in all)`:
 * the closing quote is kept, so the reader sees where the quote ends, and the note, that the value
 * did not end there. The client's config errors quote the caller's values so, and the CLI and the
 * mock launchers their arguments.
 */
export function quoted(text: string): string {
  // As boundedLine does: a megabyte is cut before it is quoted (not in a surrogate pair).
  const long = text.length > SHOWN_TEXT_MAX * 4;
  const json = escapeUnsafeInJson(JSON.stringify(long ? text.slice(0, SHOWN_TEXT_MAX * 4).replace(/[\uD800-\uDBFF]$/, "") : text)).replace(/[^\S ]/g, unicodeEscape);
  // Only runs of spaces are left that `oneLine` would change (the quotes are at both ends).
  const line = json.replace(/ {2,}/g, " ");
  if (!long && Array.from(line).length <= SHOWN_TEXT_MAX) {
    return line === json ? line : `${line} (spaces collapsed; ${characterCount(text)} characters in all)`;
  }
  let kept = "";
  let length = 0;
  let collapsed = false;
  // Whole characters and escapes (`\n`, `\u001b`) of the quoted text, without its quotes; a space
  // after a space is left out.
  for (const part of json.slice(1, -1).match(/\\u[0-9a-fA-F]{4}|\\[\s\S]|[\s\S]/gu) ?? []) {
    if (part === " " && kept.endsWith(" ")) {
      collapsed = true;
      continue;
    }
    const size = part.startsWith("\\") ? part.length : 1;
    if (length + size > SHOWN_TEXT_MAX - 3) break; // room for the two quotes and `…`
    kept += part;
    length += size;
  }
  return `"${kept}…" (cut${collapsed ? ", spaces collapsed" : ""}; ${characterCount(text)} characters in all)`;
}

/** How many characters (code points) `text` holds, a surrogate pair one; without an array of them. */
function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return count;
}

/**
 * What is wrong with an options object, read once: `key` undefined when the value itself cannot hold
 * options (`rule`: "must be an object whose properties are the options, got a Map …", see
 * `readOptionKeys`), else the first key it gives (`optionKeys`: its own, then inherited ones)
 * that is none of `known`, as an error names it (`baseURL`; a name that is no identifier quoted, as
 * `quoted` quotes it), with the rule it breaks: `is not an option (did you mean baseUrl?)` when one
 * known key is close (the same but for case, or at most 2 edits away), else the list of options.
 * Undefined when every key is known. A JavaScript caller's misspelled option (axios' `baseURL`) was
 * ignored without a word: the client called the production API with the token. TypeScript refuses
 * such a key in a literal already. The client's three option objects and the server's two share it;
 * each throws its own error class.
 */
export function optionsIssue(given: object, known: readonly string[]): { key?: string; rule: string } | undefined {
  const read = readOptionKeys(given);
  if (typeof read === "string") return { rule: `${OPTIONS_OBJECT_RULE}, got ${read}` };
  for (const key of read) {
    if (known.includes(key)) continue;
    const near = nearestKey(key, known);
    return {
      key: /^[A-Za-z_$][\w$]*$/.test(key) ? key : quoted(key),
      rule: `is not an option ${near !== undefined ? `(did you mean ${near}?)` : `(the options are ${known.join(", ")})`}`,
    };
  }
  return undefined;
}

/** How many prototypes deep the keys of an options object are read (a class hierarchy is a few). */
const OPTION_PROTOTYPES_MAX = 100;

/**
 * The keys an options object gives, as reading `options.baseUrl` sees them: its own enumerable
 * string keys, then those its prototypes (short of an `Object.prototype`, this realm's or
 * another's) add, enumerable or getters (`Object.create({ baseURL })`, a config class's
 * `get baseURL()`: each was ignored, as an own key was). Symbol keys are none: no option is a symbol, nor a slip for one. Linear in the keys (a list's
 * `includes` per inherited key took 0.8 s for 20,000 own and 20,000 inherited); a prototype chain
 * that loops (a Proxy's `getPrototypeOf` returning itself: the walk never ended) or runs past
 * OPTION_PROTOTYPES_MAX throws, as a Proxy trap may: `readOptionKeys` names it.
 */
function optionKeys(given: object): string[] {
  const keys = Object.keys(given);
  const seen = new Set(keys);
  const prototypes = new Set<object>();
  for (let proto = Object.getPrototypeOf(given) as object | null; proto !== null && !isObjectPrototype(proto); proto = Object.getPrototypeOf(proto) as object | null) {
    if (prototypes.has(proto) || prototypes.size >= OPTION_PROTOTYPES_MAX) throw new Error(`its prototype chain loops or is more than ${OPTION_PROTOTYPES_MAX} deep`);
    prototypes.add(proto);
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === "constructor" || seen.has(key)) continue;
      const property = Object.getOwnPropertyDescriptor(proto, key);
      if (property !== undefined && (property.enumerable === true || property.get !== undefined)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return keys;
}

/**
 * Whether `proto` is `Object.prototype` of this realm or of another one (options built in a `vm`
 * context, an iframe or a worker's realm): the root of the chain (its own prototype null) whose
 * `constructor` is a function with it as its `prototype`. Another realm's was walked as a prototype
 * of the options, and its `__proto__` accessor was refused as an unknown key. A root of
 * `Object.create(null)` has no such `constructor`, and is walked.
 */
function isObjectPrototype(proto: object): boolean {
  if (proto === Object.prototype) return true;
  if (Object.getPrototypeOf(proto) !== null) return false;
  const constructor = Object.getOwnPropertyDescriptor(proto, "constructor")?.value as unknown;
  return typeof constructor === "function" && (constructor as { prototype?: unknown }).prototype === proto;
}

/** The rule an options value that cannot hold options breaks (`optionsIssue`). */
const OPTIONS_OBJECT_RULE = "must be an object whose properties are the options";

/**
 * An options value's keys (`optionKeys`), or what it is when its options cannot be properties of it
 * (`a Map`, `an array`, `a Promise`), which a check of its keys would let through (a Map's entries
 * and a Promise's eventual value are no keys: the defaults applied, the token went to the production
 * API). A plain object, one with a null prototype and a class instance give their keys. A Proxy
 * whose trap throws (`ownKeys`, `getPrototypeOf`; a revoked one), a `then` getter that throws or a
 * prototype chain that loops is named as an object whose keys cannot be read, with the reason, not
 * the trap's own error (or, for the loop, no answer at all).
 */
function readOptionKeys(given: object): string[] | string {
  try {
    if (Array.isArray(given)) return "an array";
    const tag = Object.prototype.toString.call(given).slice(8, -1);
    if (tag === "Map") return "a Map (pass its entries as properties: Object.fromEntries(map))";
    if (tag === "Set" || tag === "WeakMap" || tag === "WeakSet") return `a ${tag}`;
    if (tag === "Promise" || typeof (given as { then?: unknown }).then === "function") return "a Promise (an await left out?)";
    return optionKeys(given);
  } catch (error) {
    let reason: string;
    try {
      reason = shown(isError(error) ? String(error.message) : String(error));
    } catch {
      reason = "reading them threw";
    }
    return `an object whose keys cannot be read (${reason})`;
  }
}

/** The known key `key` is likely a slip for: equal but for case, else the nearest within 2 edits (case ignored); undefined if none. */
function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    // The distance is at least the difference in length: a long key is not compared character by character.
    if (Math.abs(k.length - lower.length) > 2) continue;
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Whether `value` is an Error of this realm (`instanceof Error`) or of another one: a `vm` context's,
 * an iframe's, a test environment's (`vm.runInNewContext("new Error('x')")`), which `instanceof`
 * does not see, so such a cause had no `name` in `toJSON` and read `Error: x` (its `String`) in the
 * message. Another realm's native error has the `Error` tag (`Object.prototype.toString`), and no
 * `Symbol.toStringTag` (one, own or inherited, makes the tag say anything: `{ [Symbol.toStringTag]:
 * "Error" }`, a Proxy answering "Error" for it, is no Error; it was named "undefined"). Never throws
 * (a revoked Proxy, a throwing getter: none).
 */
export function isError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  if (value === null || typeof value !== "object") return false;
  try {
    if ((value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] !== undefined) return false;
    return Object.prototype.toString.call(value) === "[object Error]";
  } catch {
    return false;
  }
}

/** The base class of every error the client throws while making a request. */
export class PuffleError extends Error {
  /** `message` is shown on one line (line breaks, controls and bidi formatting become spaces). */
  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
    // Browsers before Chrome 93, Firefox 91 and Safari 15 ignore Error's `options`: set `cause` as they would.
    if (options !== undefined && "cause" in options && !hasOwn(this, "cause")) {
      Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
    }
    this.name = "PuffleError";
  }

  /**
   * What `JSON.stringify(error)` writes (a JSON logger without pino's serializer, an error tracker):
   * `name`, `message` (an Error's own, not enumerable, which JSON left out), the error's own fields
   * (`status`, `requestId`, `url`, `attempts`, …; `headers` as an object, `Set-Cookie`,
   * `Authorization` and `Cookie` as `"[redacted]"`, as `util.inspect` shows them), for a
   * `PuffleNetworkError` the transport's `code` (`ECONNREFUSED`, `ENOTFOUND`: in `cause`, which is not
   * enumerable either), and `cause` as `{ name, message, code }` (its message one line, cut as the
   * error's message cuts it, the request URL in it masked as `url` is). Never the token.
   */
  toJSON(): { name: string; message: string; code?: string; cause?: { name?: string; message: string; code?: string }; [field: string]: unknown } {
    const json: { name: string; message: string; code?: string; cause?: { name?: string; message: string; code?: string }; [field: string]: unknown } = { name: this.name, message: this.message };
    for (const key of Object.keys(this)) {
      if (key === "name" || key === "message" || key === "cause" || key === "code") continue;
      const value: unknown = (this as unknown as Record<string, unknown>)[key];
      json[key] = value instanceof Headers ? redactedHeaders(value) : value;
    }
    const cause: unknown = (this as { cause?: unknown }).cause;
    if (this instanceof PuffleNetworkError) {
      const code = transportCode(cause);
      if (code !== undefined) json.code = code;
    }
    if (hasOwn(this, "cause")) json.cause = causeJson(cause, REQUEST_URLS.get(this));
    return json;
  }
}

/**
 * The request URL each error of the client was given, before `withoutCredentials` masked it (the
 * error keeps the masked one only): `toJSON` masks it in the cause's message as the error's message
 * does (node-fetch's `request to <url> failed`).
 */
const REQUEST_URLS = new WeakMap<PuffleError, string>();

/** `headers` as a plain object, SECRET_HEADERS' values as `"[redacted]"` (what `util.inspect` shows). */
function redactedHeaders(headers: Headers): Record<string, string> {
  const view: Record<string, string> = {};
  for (const [name, value] of headers) view[name] = SECRET_HEADERS.has(name) ? "[redacted]" : value;
  return view;
}

/**
 * The transport's error code of a cause (`ECONNREFUSED`, `ENOTFOUND`, `UND_ERR_SOCKET`): its own
 * `code`, else its cause's (undici's `fetch failed` holds it there), two levels at most; only a
 * non-empty string (a DOMException's numeric `code` is none). Undefined when there is none or it
 * cannot be read.
 */
export function transportCode(cause: unknown): string | undefined {
  try {
    let at = cause;
    for (let depth = 0; depth < 2 && at !== null && typeof at === "object"; depth++) {
      const code: unknown = (at as { code?: unknown }).code;
      if (typeof code === "string" && code !== "") return shown(code);
      at = (at as { cause?: unknown }).cause;
    }
  } catch {
    // A getter that throws, a revoked Proxy: no code.
  }
  return undefined;
}

/** A cause as `toJSON` writes it: `{ name, message, code }` for an Error, `{ message }` for another value; messages shown as the error's message shows them. */
function causeJson(cause: unknown, url: string | undefined): { name?: string; message: string; code?: string } {
  const masked = (text: string) => shown(url === undefined ? text : maskedIn(text, url, withoutCredentials(url)));
  const code = transportCode(cause);
  let name: string | undefined;
  let message: string;
  try {
    // Its own try: a `name` that cannot be read leaves the message to say what failed.
    name = isError(cause) ? shown(String(cause.name)) : undefined;
  } catch {
    name = undefined;
  }
  try {
    if (isError(cause)) {
      message = masked(String(cause.message));
    } else {
      message = masked(describeCause(cause));
    }
  } catch {
    message = "a value that cannot be converted to a string";
  }
  return { ...(name !== undefined ? { name } : {}), message, ...(code !== undefined ? { code } : {}) };
}

/** The field a JSON Pointer names, `unread_count` for `/unread_count`, `thread.status` for `/thread/status`; `""` for the whole value. */
export function fieldOfPointer(pointer: string): string {
  return pointerTokens(pointer).join(".");
}

/**
 * An issue's field as a message names it: `unread_count`, `thread.status` (fieldOfPointer); `body`
 * for the whole value (path `""`), and `""` for a member whose name is empty (path `/`), which
 * fieldOfPointer also gives as `""`.
 */
export function issueLabel(pointer: string): string {
  if (pointer === "") return "body";
  const field = fieldOfPointer(pointer);
  return field === "" ? '""' : field;
}

/**
 * The most issues a generated validator lists (MAX_ISSUES in scripts/lib/validators.mjs, held equal
 * by test/unit/issue-bounds.test.ts): a list this long may have been cut, so the faults beyond its
 * first issue are "at least" its length - 1, not that many.
 */
export const MAX_ISSUES = 1000;

/** `and N more` for a list of `listed` issues of which the first `named` are named: "at least" when the list may have been cut at MAX_ISSUES. */
export function moreIssues(listed: number, named: number): string {
  return `and ${listed >= MAX_ISSUES ? "at least " : ""}${listed - named} more`;
}

/**
 * A path id its check refused, as the client's issue and the CLI's `--id` error say it, from the
 * path check's `issues`: an id that is a UUID the validators' pattern refuses (a version 0, the max
 * UUID in upper case) is told the rule in their words (their pattern issue at `/id`), since "must be
 * a UUID" is untrue of it; text that is no UUID at all (the validators keep the format's issue then)
 * "must be a UUID". Then the operation's example id when the spec gives one, then what was given
 * (`got`, already quoted).
 */
export function pathIdMessage(issues: readonly { path: string; keyword: string; message: string }[], example: unknown, got: string): string {
  const rule = issues.find((i) => i.path === "/id" && i.keyword === "pattern")?.message;
  const such = typeof example === "string" ? `such as ${example}` : "";
  if (rule === undefined) return `must be a UUID${such === "" ? "" : ` ${such}`}, got ${got}`;
  return `${rule}${such === "" ? "" : `, ${such}`}, got ${got}`;
}

/** What a `PuffleValidationError` was checking. */
export type ValidationTarget = "path" | "request" | "response";

/**
 * A value broke the spec. For `path` and `request` nothing was sent; for `response` the API
 * answered 2xx with a body the spec does not allow (the change may have been applied).
 */
export class PuffleValidationError extends PuffleError {
  /** What was checked: `"path"` (the path id) or `"request"` (the body; nothing was sent), `"response"` (a 2xx body). */
  readonly target: ValidationTarget;
  /** The operation called: `"updateConversation"` or `"updateThread"`. */
  readonly operationId: OperationId;
  /** Every reason, as the validators report them (`path` is a JSON Pointer). */
  readonly issues: readonly ValidationIssue[];
  /** The field of the first issue (`unread_count`, `id`, `thread.status`), `""` for the value as a whole. */
  readonly field: string;
  /** For `response`: the HTTP status of the response. */
  readonly status: number | undefined;
  /** For `response`: the `X-Request-Id` of the response, if any. */
  readonly requestId: string | undefined;

  constructor(init: {
    target: ValidationTarget;
    operationId: OperationId;
    issues: readonly ValidationIssue[];
    status?: number | undefined;
    requestId?: string | undefined;
  }) {
    const first = init.issues[0] ?? { path: "", keyword: "invalid", message: "is invalid" };
    const field = fieldOfPointer(first.path);
    const what = init.target === "path" ? "path parameter" : init.target === "request" ? "request body" : `response ${init.status ?? ""}`.trimEnd();
    const more = init.issues.length > 1 ? ` (${moreIssues(init.issues.length, 1)})` : "";
    super(`${init.operationId}: ${what}: ${shown(issueLabel(first.path))} ${first.message}${more}`);
    this.name = "PuffleValidationError";
    this.target = init.target;
    this.operationId = init.operationId;
    this.issues = Object.freeze([...init.issues]);
    this.field = field;
    this.status = init.status;
    this.requestId = init.requestId;
  }
}

/** How many issues a message or the CLI's error line lists; the rest are counted (`and 3 more`). */
const ISSUES_SHOWN = 10;

/**
 * Issues as one line: the first ISSUES_SHOWN, each field (`label` of its path) and message cut as
 * text from elsewhere is (`shown`): a server's 400, or a response our validators refused, may name
 * thousands of fields, or one a megabyte long. `given` adds to an issue (the CLI: the value given).
 */
export function issuesText(issues: readonly ValidationIssue[], label: (pointer: string) => string, given?: (pointer: string) => string): string {
  const listed = issues.slice(0, ISSUES_SHOWN).map((issue) => `${shown(label(issue.path))} ${shown(issue.message)}${given?.(issue.path) ?? ""}`);
  if (issues.length > ISSUES_SHOWN) listed.push(moreIssues(issues.length, ISSUES_SHOWN));
  return listed.join("; ");
}

/**
 * A problem's `errors` as its message shows them, ` [participant_email must match format "email"; body
 * must have at least 1 valid field]`: each field (issueLabel: `body` for the whole value) and
 * message, by issuesText; `""` when there are none. In a value built by hand, an item that is no
 * issue (a string `path` and `message`) is left out, the others shown (one such item among the
 * first ten dropped every reason).
 */
function problemReasons(problem: Problem | undefined): string {
  const errors: unknown = problem?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return "";
  const issues = (errors as unknown[]).filter((issue): issue is ValidationIssue => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string";
  });
  return issues.length > 0 ? ` [${issuesText(issues, issueLabel)}]` : "";
}

type StatusOf<Op extends OperationId> = Op extends OperationId ? ResponseStatus<Op> : never;
type ErrorStatusOf<Op extends OperationId> = Exclude<StatusOf<Op>, 200>;
type BodyOf<Op extends OperationId, S extends number> = Op extends OperationId
  ? S extends ResponseStatus<Op>
    ? ResponseBody<Op, S>
    : never
  : never;

/**
 * Headers whose value is a credential: a `Set-Cookie` from a proxy in front of the API (an access
 * gateway's session, a load balancer's), and the request's own should a server echo them.
 */
const SECRET_HEADERS = new Set(["set-cookie", "set-cookie2", "authorization", "proxy-authorization", "cookie"]);

/** Node's (and Bun's) `util.inspect.custom`, by its registered name: this module also runs in browsers. */
const INSPECT_CUSTOM = Symbol.for("nodejs.util.inspect.custom");

/**
 * A copy of `headers` (every value, `get("set-cookie")` included) that `util.inspect`
 * (`console.error(error)`) shows with SECRET_HEADERS' values as `[redacted]`: Node's Headers shows
 * them all. `JSON.stringify` and pino show a Headers as `{}` (it has no enumerable property).
 */
function inspectRedacted(headers: Headers): Headers {
  const copy = new Headers(headers);
  Object.defineProperty(copy, INSPECT_CUSTOM, {
    value(_depth: number, options: object, inspect?: (value: unknown, options: object) => string): unknown {
      const view: Record<string, string> = {};
      for (const [name, value] of copy) view[name] = SECRET_HEADERS.has(name) ? "[redacted]" : value;
      return typeof inspect === "function" ? `Headers ${inspect(view, options)}` : view;
    },
  });
  return copy;
}

/**
 * The API answered with a status other than 2xx — any status, documented or not, with any body
 * (RFC 9457 problem details, an HTML page from a proxy, or nothing at all).
 */
export class PuffleApiError<Op extends OperationId = OperationId> extends PuffleError {
  /** The operation called: `"updateConversation"` or `"updateThread"` (it decides which statuses `hasStatus` takes). */
  readonly operationId: Op;
  /** The HTTP status. */
  readonly status: number;
  /** The problem details, when the body is an `application/problem+json`-shaped object that matches the spec's `Problem`; otherwise undefined. */
  readonly problem: Problem | undefined;
  /** The body as received: parsed JSON when it is JSON, else the text, `""` when empty. */
  readonly body: unknown;
  /** The `X-Request-Id` response header, to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /**
   * The response headers, every value as received (a copy); `util.inspect` shows a `Set-Cookie`
   * (and an `Authorization` or `Cookie`) as `[redacted]`.
   */
  readonly headers: Headers;
  /** For a 409 duplicate recipient: the sender's existing thread (`existing_thread`); otherwise undefined. */
  readonly existingThread: Thread | undefined;
  /** How many times the request was sent (1 unless a network error, 408, 429 or 5xx was retried); this is the last answer. */
  readonly attempts: number;

  /**
   * `cause`: why the body could not be checked against the spec (the client's validators could not be
   * loaded). Given, the message says the body was not checked, and `cause` is set.
   */
  constructor(init: { operationId: Op; status: number; statusText?: string | undefined; body: unknown; problem: Problem | undefined; headers: Headers; existingThread?: Thread | undefined; attempts?: number | undefined; cause?: unknown }) {
    const requestId = init.headers.get("x-request-id") ?? undefined;
    const unchecked = "cause" in init;
    // What the server sent is shown on one line and cut (`shown`); the properties keep it whole.
    const detail = init.problem?.detail ? shown(init.problem.detail) : "";
    const summary = init.problem
      ? `${shown(init.problem.title)}${detail ? `: ${detail}` : ""}`
      : init.body === ""
        ? "empty response body"
        : typeof init.body === "string"
          ? `non-JSON response body (${shown(init.headers.get("content-type") ?? "no content type")})`
          : unchecked
            ? "JSON response body"
            : "response body is not a problem details object";
    const reasons = problemReasons(init.problem);
    const existing = init.existingThread && typeof init.existingThread.id === "string" ? ` (existing thread ${shown(init.existingThread.id)})` : "";
    const note = unchecked ? " (the body was not checked: the validators could not be loaded)" : "";
    const statusText = init.statusText ? shown(init.statusText) : "";
    const shownId = requestId ? shown(requestId) : "";
    const attempts = init.attempts ?? 1;
    super(`${init.operationId}: HTTP ${init.status}${statusText ? ` ${statusText}` : ""}: ${summary}${reasons}${existing}${note}${shownId ? ` (request id ${shownId})` : ""}${attemptsSuffix(attempts)}`, unchecked ? { cause: init.cause } : undefined);
    this.name = "PuffleApiError";
    this.operationId = init.operationId;
    this.status = init.status;
    this.problem = init.problem;
    this.body = init.body;
    this.requestId = requestId;
    this.headers = inspectRedacted(init.headers);
    this.existingThread = init.existingThread;
    this.attempts = attempts;
  }

  /**
   * Narrows to one documented status, typing `problem` as that status's body: true only when the
   * status is that one and the body is its documented body (a `Problem`; for the 409, a
   * `DuplicateThreadProblem` with its `existing_thread`). Only the statuses the spec documents for
   * the operation are accepted at compile time (`hasStatus(490)` is an error).
   */
  hasStatus<S extends ErrorStatusOf<Op>>(status: S): this is PuffleApiError<Op> & { status: S; problem: BodyOf<Op, S> } {
    if (this.status !== status || this.problem === undefined) return false;
    // The 409's documented body is a DuplicateThreadProblem (`existing_thread` a Thread): the client
    // sets existingThread only when the body is one. Every other error status's is a Problem.
    return status !== 409 || this.existingThread !== undefined;
  }

  /**
   * `value instanceof PuffleApiError`: the ordinary prototype-chain check. Declared so that TypeScript
   * (5.3+) narrows a caught `unknown` to `PuffleApiError` of either operation, as written in the docs,
   * instead of `PuffleApiError<any>` (what `instanceof` gives a generic class): `operationId` is then
   * not `any`, `hasStatus(490)` does not compile and `hasStatus(404)` types `problem`.
   */
  static override [Symbol.hasInstance]<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * A 409 duplicate recipient from `updateThread`, with the sender's existing thread. An interface, so
 * that its members are shown as `Thread` and `DuplicateThreadProblem` (an intersection with the
 * class's `Thread | undefined` gave the structure of both, unnamed).
 */
export interface DuplicateThreadError extends PuffleApiError<"updateThread"> {
  /** Always 409. */
  readonly status: 409;
  /** The problem details, with the existing thread as `existing_thread`. */
  readonly problem: DuplicateThreadProblem;
  /** The sender's existing thread with the same recipient (the problem's `existing_thread`). */
  readonly existingThread: Thread;
}

/** True for a 409 duplicate recipient carrying `existing_thread` (typed as `Thread`). */
export function isDuplicateThreadError(error: unknown): error is DuplicateThreadError {
  return error instanceof PuffleApiError && error.status === 409 && error.existingThread !== undefined;
}

/**
 * No HTTP response: the connection was refused or reset (also while the body was read), the host was
 * not found, TLS failed…; or a response the client does not read: a body over `maxResponseBytes`, or
 * (in a browser) a redirect, which the client does not follow. The cause is in `cause`.
 */
export class PuffleNetworkError extends PuffleError {
  /** The operation called, read from the request URL; undefined for a raw call to a URL that is none of the spec's paths. */
  readonly operationId: OperationId | undefined;
  /** The request URL, as the message shows it: a user name and password in it masked (`withoutCredentials`). */
  readonly url: string;
  /** How many times the request was sent; `cause` is the last attempt's failure. */
  readonly attempts: number;
  constructor(init: { url: string; operationId?: OperationId | undefined; cause: unknown; attempts?: number | undefined }) {
    const url = withoutCredentials(init.url);
    // The transport's text (a TLS error listing the certificate's names, a proxy's) is shown cut too.
    const reason = shown(maskedIn(describeCause(init.cause), init.url, url));
    const attempts = init.attempts ?? 1;
    super(`${init.operationId ? `${init.operationId}: ` : ""}network error calling ${url}: ${reason}${attemptsSuffix(attempts)}`, { cause: init.cause });
    this.name = "PuffleNetworkError";
    REQUEST_URLS.set(this, init.url);
    this.operationId = init.operationId;
    this.url = url;
    this.attempts = attempts;
  }
}

/**
 * No complete response arrived within `timeoutMs`, which covers every attempt and the waits between
 * them. The request may or may not have been applied (both updates are safe to retry).
 */
export class PuffleTimeoutError extends PuffleError {
  /** The operation called, read from the request URL; undefined for a raw call to a URL that is none of the spec's paths. */
  readonly operationId: OperationId | undefined;
  /** The request URL, as the message shows it: a user name and password in it masked (`withoutCredentials`). */
  readonly url: string;
  /** The deadline that passed, in milliseconds (the client's or the call's `timeoutMs`). */
  readonly timeoutMs: number;
  /** How many times the request was sent before the deadline passed. */
  readonly attempts: number;
  constructor(init: { url: string; operationId?: OperationId | undefined; timeoutMs: number; attempts?: number | undefined }) {
    const url = withoutCredentials(init.url);
    const attempts = init.attempts ?? 1;
    super(`${init.operationId ? `${init.operationId}: ` : ""}no response from ${url} within ${init.timeoutMs} ms${attemptsSuffix(attempts)}`);
    this.name = "PuffleTimeoutError";
    REQUEST_URLS.set(this, init.url);
    this.operationId = init.operationId;
    this.url = url;
    this.timeoutMs = init.timeoutMs;
    this.attempts = attempts;
  }
}

/** The caller's `signal` aborted the request; its reason is in `cause`. */
export class PuffleAbortError extends PuffleError {
  /** The operation called, read from the request URL; undefined for a raw call to a URL that is none of the spec's paths. */
  readonly operationId: OperationId | undefined;
  /** The request URL, as the message shows it: a user name and password in it masked (`withoutCredentials`). */
  readonly url: string;
  /**
   * How many times the request was sent before the abort (0: aborted before anything was sent). The
   * client always gives it; constructed without it, 1, as `PuffleNetworkError` and
   * `PuffleTimeoutError` take (since 1.0.0).
   */
  readonly attempts: number;
  constructor(init: { url: string; operationId?: OperationId | undefined; reason: unknown; attempts?: number | undefined }) {
    const url = withoutCredentials(init.url);
    const attempts = init.attempts ?? 1;
    super(`${init.operationId ? `${init.operationId}: ` : ""}request to ${url} was aborted: ${shown(maskedIn(describeCause(init.reason), init.url, url))}${attemptsSuffix(attempts)}`, { cause: init.reason });
    this.name = "PuffleAbortError";
    REQUEST_URLS.set(this, init.url);
    this.operationId = init.operationId;
    this.url = url;
    this.attempts = attempts;
  }
}

/** `" (after 3 attempts)"` when a request was retried, `""` for a single attempt. */
function attemptsSuffix(attempts: number): string {
  return attempts > 1 ? ` (after ${attempts} attempts)` : "";
}

/**
 * `text` (a transport's own message) with the request URL it names shown as the error shows it:
 * node-fetch says `request to <url> failed`, which would repeat the password the URL held.
 */
function maskedIn(text: string, url: string, masked: string): string {
  if (url === masked || url === "") return text;
  let out = text.split(url).join(masked);
  // As the transport may name it: parsed (node-fetch's `request.url`), a password's space or
  // non-ASCII character percent-encoded (`pa%20ss`), which the text as given did not match.
  let href: string | undefined;
  try {
    href = new URL(url).href;
  } catch {
    href = undefined;
  }
  if (href !== undefined && href !== url) out = out.split(href).join(masked);
  return out;
}

/** A cause's or reason's text; one that cannot be converted (no prototype, a throwing toString, a revoked Proxy) said so, not thrown. */
function describeCause(cause: unknown): string {
  try {
    if (isError(cause)) {
      const own = (cause as { cause?: unknown }).cause;
      const inner = own === cause ? undefined : own;
      // A `code` present but undefined or null (a cause that is its own cause, a wrapper's) is none: it read "loop: undefined".
      const innerCode: unknown = inner && typeof inner === "object" ? (inner as { code?: unknown }).code : undefined;
      const code = innerCode === undefined || innerCode === null ? undefined : String(innerCode);
      const innerMessage = isError(inner) ? inner.message : undefined;
      return [cause.message, code ?? innerMessage].filter(Boolean).join(": ");
    }
    return String(cause);
  } catch {
    return "a value that cannot be converted to a string";
  }
}
