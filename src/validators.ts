// The `puffle-api/validators` entry: check request and response bodies exactly as the API does,
// with the generated, precompiled AJV validators (no AJV at run time, nothing compiled on import).
import {
  checkPathParams,
  checkRequestBody,
  checkResponseBody,
  checkUpdateConversationRequest,
  checkUpdateConversationResponse200,
  checkUpdateThreadRequest,
  checkUpdateThreadResponse200,
  operationIds as ids,
  operations as tables,
  patternRules,
  responseStatuses,
  schemas,
} from "../generated/validators.js";
import type { AjvError, CheckResult, IssueFunction, NormalizeRule, SchemaValidateFunction, ValidateFunction } from "../generated/validators.js";
import type { operations as Operations } from "../generated/schema.js";
import { escapePointer } from "./json-pointer.js";
import { tooDeepAt } from "./json-depth.js";
import { nonFiniteAt, nonFiniteRule } from "./json-finite.js";
import { hasOwn, isPoisonKey } from "./poison-keys.js";

export { schemas };
export type { AjvError, SchemaValidateFunction, ValidateFunction };

/** `"updateConversation" | "updateThread"`. */
export type OperationId = keyof Operations & keyof typeof tables;

/** The JSON request body an operation accepts in full (strict form). */
export type RequestBody<Op extends OperationId> = NonNullable<Operations[Op]["requestBody"]>["content"]["application/json"];

/** The documented response statuses of an operation, as numbers. */
export type ResponseStatus<Op extends OperationId> = keyof Operations[Op]["responses"] & number;

type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

/** A documented response status as a number or as its string form: `409` or `"409"`. */
export type ResponseStatusKey<Op extends OperationId> = ResponseStatus<Op> | `${ResponseStatus<Op>}`;

/** The number a status key stands for: `"409"` → `409`. */
type StatusNumber<K> = K extends `${infer N extends number}` ? N : K;

/** A documented status of any of the operations `Op` names, as a number or its string form. */
type AnyStatusKey<Op> = Op extends OperationId ? ResponseStatusKey<Op> : never;

/**
 * The status `validateResponseBody`'s untyped overload takes: any status known only at run time
 * (`number`, `string`) or given with an operation id known only at run time (or unknown: its
 * result names it); for a known operation, a status type of which no member is documented for it
 * (`418`, `"2OO"`: the result could only be "not documented") is a compile error whose type names
 * the operation (`Argument of type '418' is not assignable to parameter of type '"a status
 * documented for updateThread"'`).
 */
type DocumentableStatus<Op extends string, S> = string extends Op
  ? S
  : [Op] extends [OperationId]
    ? number extends S
      ? S
      : string extends S
        ? S
        : [Extract<S, AnyStatusKey<Op>>] extends [never]
          ? `a status documented for ${Op}`
          : S
    : S;

/**
 * The operation id the untyped overloads take: any id known only at run time (`string`, a
 * template literal type such as `` `update${string}` ``, a branded string) or a union naming one
 * operation at least; a literal that names none (`"updateThreads"`: the result could only be
 * "unknown operationId") is a compile error whose type lists the ids (`Argument of type
 * '"updateThreads"' is not assignable to parameter of type '"updateConversation" | "updateThread"'`).
 */
type KnownOperationId<Op extends string> = [Extract<Op, OperationId>] extends [never]
  ? [Exclude<Op, LiteralString<Op>>] extends [never]
    ? OperationId
    : Op
  : Op;

/** The members of `T` that are string literals (`"nope"`), not `string`, a template literal type or a branded string. */
type LiteralString<T> = T extends string ? (string extends T ? never : {} extends Record<T, 1> ? never : T) : never;

/** The body of a documented response. */
export type ResponseBody<Op extends OperationId, S extends ResponseStatus<Op>> = ContentOf<Operations[Op]["responses"][S]>;

/** The path parameters of an operation (`{ id }`). */
export type PathParams<Op extends OperationId> = Operations[Op]["parameters"]["path"];

/** One reason a value was rejected. `path` is a JSON Pointer to the offending value (`/unread_count`), `""` for the value itself. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value: `/unread_count`, `/thread/status`, `/id` for the path id; `""` for the value as a whole. */
  path: string;
  /** The rule that failed: a JSON Schema keyword (`type`, `enum`, `format`, `additionalProperties`, `minProperties`, …). */
  keyword: string;
  /** What is wrong, for a person to read (`must be one of "active", "archived"`). */
  message: string;
}

/** A check's verdict: the value, typed, when it is valid; else every issue found. */
export type ValidationResult<T> = { valid: true; value: T } | { valid: false; errors: ValidationIssue[] };

/**
 * `normalizeRequestBody`'s verdict, as the API applies it: `ok` with the body it would apply (the
 * unknown fields and invalid values it drops left out, their names in `dropped`), or the status it
 * answers (400) with the issues.
 */
export type NormalizeResult<T> =
  | { ok: true; body: T; dropped: string[] }
  | { ok: false; status: number; errors: ValidationIssue[] };

/** Every operation the validators know (`"updateConversation"`, `"updateThread"`). */
export const operationIds: readonly OperationId[] = ids;

/** `String(value)`, or undefined where the value's own conversion throws (a caller's `toString`). */
function stringOf(value: unknown): string | undefined {
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

/**
 * What `describe` writes as a `\uXXXX` escape: controls (C0, DEL, C1), bidi formatting, line and
 * paragraph separators — src/unsafe-text.ts's list. Not imported from there: the client loads this
 * module lazily, and a module both import goes into the chunk loaded up front (tried: the client's
 * up-front part 11.9 → 12.1 KiB gzipped).
 */
const UNSAFE_IN_MESSAGE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;
/** The most characters of a caller's value `describe` quotes. */
const DESCRIBED_MAX = 200;

/**
 * A value of the caller's (an operationId, a status) as a message quotes it: a string JSON-quoted,
 * anything else as `String()` gives it; on one line (the characters above escaped) and cut to
 * DESCRIBED_MAX characters, so a line break or a megabyte given is not echoed as it is.
 */
function describe(value: unknown): string {
  const cut = (text: string) => (text.length > DESCRIBED_MAX ? `${text.slice(0, DESCRIBED_MAX)}…` : text);
  const text = typeof value === "string" ? JSON.stringify(cut(value)) : stringOf(value);
  if (text === undefined) return "(a value that cannot be converted to a string)";
  return escapeUnsafe(typeof value === "string" ? text : cut(text));
}

/** `text` with the characters UNSAFE_IN_MESSAGE matches written as `\\uXXXX` escapes. */
function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_IN_MESSAGE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * `must be one of …` for an enum's allowed values, kept per list of values: a component validator's
 * error carries a copy of its enum (a new array each time), so they are kept by the values, in JSON
 * (strings and finite numbers only, which JSON tells apart as describe does), at most
 * ENUM_MESSAGES_MAX lists (then the cache starts again: a caller's own errors may hold any lists)
 * of at most ENUM_KEY_MAX characters in JSON: the key holds the values whole (describe cuts them in
 * the message), and a caller's lists of long strings were kept, 256 lists of a 1 MB string 256 MB.
 */
const enumMessages = /* @__PURE__ */ new Map<string, string>();
const ENUM_MESSAGES_MAX = 256;
const ENUM_KEY_MAX = 1024;

function enumMessage(allowed: readonly unknown[]): string {
  let key: string | undefined;
  if (allowed.length <= 64 && allowed.every((value) => typeof value === "string" || (typeof value === "number" && Number.isFinite(value)))) key = JSON.stringify(allowed);
  let message = key === undefined ? undefined : enumMessages.get(key);
  if (message === undefined) {
    message = `must be one of ${allowed.map(describe).join(", ")}`;
    if (key !== undefined && key.length <= ENUM_KEY_MAX) {
      if (enumMessages.size >= ENUM_MESSAGES_MAX) enumMessages.clear();
      enumMessages.set(key, message);
    }
  }
  return message;
}

/**
 * `must be string or null` (three types or more: `must be integer, string or null`) for a type
 * error naming several types, where AJV says `must be string,null`; undefined for one type (AJV's
 * `must be string` stays) or for anything but a list of type names. AJV gives the types in
 * `params.type`: an array, or a string for one type. scripts/lib/validators.mjs words the
 * operations' validators' type issues with the same function (typeMessage), at build time.
 */
function typeMessage(type: unknown): string | undefined {
  const types: unknown[] | undefined = Array.isArray(type) ? type : typeof type === "string" ? type.split(",") : undefined;
  if (types === undefined || types.length < 2) return undefined;
  for (const name of types) if (typeof name !== "string" || name === "") return undefined;
  return `must be ${types.slice(0, -1).join(", ")} or ${types[types.length - 1] as string}`;
}

/**
 * AJV errors → `{ path, keyword, message }`, pointing at the field itself for required/unknown
 * properties, an enum's message listing its values, a type list in English (typeMessage), a spec
 * pattern's rule in words (`patternRules`: the generated validators' wording of it, in place of
 * AJV's `must match pattern "^…$"`; a pattern without one keeps AJV's message).
 */
export function toIssues(errors: readonly AjvError[] | null | undefined, prefix = ""): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!errors) return out;
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i]!;
    let path = prefix + error.instancePath;
    let message = error.message ?? `must pass "${error.keyword}"`;
    const p = error.params;
    if (error.keyword === "required" && typeof p.missingProperty === "string") {
      path += `/${escapePointer(p.missingProperty)}`;
      message = "is required";
    } else if (error.keyword === "additionalProperties" && typeof p.additionalProperty === "string") {
      path += `/${escapePointer(p.additionalProperty)}`;
      message = "is not a known field";
    } else if (error.keyword === "unevaluatedProperties" && typeof p.unevaluatedProperty === "string") {
      path += `/${escapePointer(p.unevaluatedProperty)}`;
      message = "is not a known field";
    } else if (error.keyword === "enum" && Array.isArray(p.allowedValues)) {
      message = enumMessage(p.allowedValues);
    } else if (error.keyword === "pattern" && typeof p.pattern === "string" && hasOwn(patternRules, p.pattern)) {
      message = patternRules[p.pattern]!;
    } else if (error.keyword === "type") {
      message = typeMessage(p.type) ?? message;
    }
    out.push({ path, keyword: error.keyword, message });
  }
  return merged(out);
}

/**
 * The issues as reported: each (path, keyword, message) once, and without patterns that only
 * restate a failed format. The operations' generated validators build their issues in the same
 * words as `toIssues` (scripts/lib/validators.mjs, issueCode); both end here. With a `limit`, the
 * first that many of them, reading no further (`normalizeRequestBody`'s 400 lists at most
 * `maxErrors`: merging all of a field with 500,000 invalid items took half a second to keep 99).
 *
 * Where a value fails both its `format` and a `pattern` (the spec pairs `format: uuid` with a
 * canonical-form pattern), the pattern only restates the format with a regex: the readable format
 * issue is kept. A value that passes its format but not the pattern keeps the pattern issue. A
 * restated pattern's format issue may come after it, so the format paths are gathered first.
 */
function merged(issues: ValidationIssue[], limit = Infinity): ValidationIssue[] {
  // Duplicates and restated patterns can only occur with two issues or more.
  if (issues.length < 2) return issues.length <= limit ? issues : issues.slice(0, limit);
  let formatPaths: Set<string> | undefined;
  for (let i = 0; i < issues.length; i++) if (issues[i]!.keyword === "format") (formatPaths ??= new Set()).add(issues[i]!.path);
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (let i = 0; i < issues.length && out.length < limit; i++) {
    const issue = issues[i]!;
    const key = `${issue.path}\u0000${issue.keyword}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (formatPaths !== undefined && issue.keyword === "pattern" && formatPaths.has(issue.path)) continue;
    out.push(issue);
  }
  return out;
}

/** The issues an operation's validator left in `errors`, merged (the first `limit` of them), under `prefix`. */
function issuesOf(validate: IssueFunction, prefix = "", limit = Infinity): ValidationIssue[] {
  const issues = merged(validate.errors ?? [], limit);
  if (prefix !== "") for (const issue of issues) issue.path = prefix + issue.path;
  return issues;
}

/**
 * A check* entry's outcome as the API reports it: the generated validator built the result in one
 * pass (AJV's code, building our issues as it goes); two issues or more are merged.
 */
function reported<T>(result: CheckResult): ValidationResult<T> {
  return (result.valid || result.errors.length < 2 ? result : { valid: false, errors: merged(result.errors) }) as ValidationResult<T>;
}

/**
 * A value whose reading threw — a getter, a Proxy trap, a revoked Proxy: no JSON value does that,
 * and AJV's code lets the exception through. Reported as an issue instead, at the shallowest place
 * (breadth first, each object once, at most 10,000 reads) where a read throws; "" when none is
 * found again.
 */
const UNREADABLE = "cannot be read (a getter or Proxy trap threw): not a JSON value";

function unreadable(value: unknown, error: unknown, prefix = ""): ValidationIssue[] {
  const at = throwingPath(value);
  if (at !== undefined) return [{ path: prefix + at, keyword: "type", message: UNREADABLE }];
  // No read throws when tried again (a getter that threw once; the stack exhausted by the check): say what was thrown.
  const what = thrownText(error);
  return [{ path: prefix, keyword: "type", message: `could not be checked (${escapeUnsafe(what.replace(/\s+/g, " ").slice(0, 200))})` }];
}

/**
 * What was thrown, as `unreadable` shows it: an Error's name and message, else its String(); a value
 * that cannot be converted (no prototype, a toString that throws, a revoked Proxy) said so, not thrown.
 */
function thrownText(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return "a value that cannot be converted to a string";
  }
}

function throwingPath(root: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: [unknown, string][] = [[root, ""]];
  let budget = 10_000;
  for (let i = 0; i < queue.length; i++) {
    const [value, path] = queue[i]!;
    if (value === null || (typeof value !== "object" && typeof value !== "function") || seen.has(value)) continue;
    seen.add(value);
    const keys: string[] = [];
    try {
      Array.isArray(value); // throws for a revoked Proxy
      for (const key in value) keys.push(key);
    } catch {
      return path;
    }
    for (const key of keys) {
      if (--budget < 0) return undefined;
      const here = `${path}/${escapePointer(key)}`;
      try {
        queue.push([(value as Record<string, unknown>)[key], here]);
      } catch {
        return here;
      }
    }
  }
  return undefined;
}

function unknownOperation(operationId: unknown): ValidationIssue[] {
  return [{
    path: "",
    keyword: "operationId",
    message: `unknown operationId ${describe(operationId)} (known: ${operationIds.join(", ")})`,
  }];
}

/** A known operation's entry in one of the generated per-operation tables, undefined for any other id. */
function entryOf<T>(table: Readonly<Record<OperationId, T>>, operationId: unknown): T | undefined {
  return typeof operationId === "string" && hasOwn(table, operationId) ? table[operationId as OperationId] : undefined;
}

/** Checks a request body against the operation's strict schema: every field valid, no unknown field, at least one field. */
export function validateRequestBody<Op extends OperationId>(operationId: Op, body: unknown): ValidationResult<RequestBody<Op>>;
// The untyped overload: an operation id known only at run time (its result names an unknown one).
// Generic to see a literal id, and refuse one that names no operation (KnownOperationId). Its
// second type parameter is never given nor used: it keeps this overload out of
// `typeof validateRequestBody<"updateThread">`, which names the typed one alone.
export function validateRequestBody<Op extends string, _Untyped>(operationId: KnownOperationId<Op>, body: unknown): ValidationResult<unknown>;
export function validateRequestBody(operationId: string, body: unknown): ValidationResult<unknown> {
  // checkRequestBody and the others switch over the ids: with a constant id, a direct call.
  let result: CheckResult | null | undefined;
  try {
    result = checkRequestBody(operationId, body);
  } catch (error) {
    return { valid: false, errors: unreadable(body, error) };
  }
  if (result) return reported(result);
  if (result === undefined) return { valid: false, errors: unknownOperation(operationId) };
  // An operation without a request body (a GET): no body is its valid request; any value is refused.
  return body === undefined ? { valid: true, value: undefined } : { valid: false, errors: noBodyIssues(operationId, body) };
}

/** The issue of a body given to an operation that takes none (a GET's). */
function noBodyIssues(operationId: string, body: unknown): ValidationIssue[] {
  const got = body === null ? "null" : Array.isArray(body) ? "an array" : typeof body === "object" ? "an object" : typeof body;
  return [{ path: "", keyword: "content", message: `${operationId} takes no request body (got ${got})` }];
}

/** Checks a response body against the schema documented for that status. */
// S ranges over the keys themselves: inferred from `S | \`${S}\`` a number literal gave `never`,
// and every call with a numeric status fell through to the untyped overload below. The
// `${S & number}` member keeps what 1.0.0 took, a numeric type argument with the string form
// (`<"updateThread", 409>(…, "409", …)`); it infers nothing (S is inferred from the bare S).
export function validateResponseBody<Op extends OperationId, S extends ResponseStatusKey<Op>>(operationId: Op, status: S | `${S & number}`, body: unknown): ValidationResult<ResponseBody<Op, Extract<StatusNumber<S>, ResponseStatus<Op>>>>;
// The untyped overload: a status known only at run time, or an operation id (its result names an
// unknown one). Generic to see a literal status, and refuse one no operation named documents
// (DocumentableStatus), or a literal id that names no operation (KnownOperationId). Its third type parameter is never given nor used: it keeps this overload
// out of `typeof validateResponseBody<"updateThread", 200>`, which names the typed one alone.
export function validateResponseBody<Op extends string, S extends number | string, _Untyped>(operationId: KnownOperationId<Op>, status: DocumentableStatus<Op, S>, body: unknown): ValidationResult<unknown>;
export function validateResponseBody(operationId: string, status: number | string, body: unknown): ValidationResult<unknown> {
  let key: string | undefined;
  if (typeof status === "string") key = status;
  else if (typeof status === "number") key = String(status);
  // String() of anything else runs user code: only for a known operation, as ever, and a throwing
  // conversion is an undocumented status (checkResponseBody knows no "").
  else if (entryOf<readonly string[]>(responseStatuses, operationId)) key = stringOf(status) ?? "";
  else return { valid: false, errors: unknownOperation(operationId) };
  let result: CheckResult | null | undefined;
  try {
    result = checkResponseBody(operationId, key, body);
  } catch (error) {
    return { valid: false, errors: unreadable(body, error) };
  }
  if (result) return reported(result);
  if (result === undefined) {
    const documented = entryOf<readonly string[]>(responseStatuses, operationId);
    if (!documented) return { valid: false, errors: unknownOperation(operationId) };
    return {
      valid: false,
      errors: [{
        path: "",
        keyword: "status",
        message: `status ${describe(status)} is not documented for ${operationId} (documented: ${documented.join(", ")})`,
      }],
    };
  }
  return body === undefined || body === null || body === ""
    ? { valid: true, value: body }
    : { valid: false, errors: [{ path: "", keyword: "content", message: `status ${key} of ${operationId} has no body` }] };
}

/** Checks path parameters (`{ id }`) against the documented pattern. */
export function validatePathParams<Op extends OperationId>(operationId: Op, params: unknown): ValidationResult<PathParams<Op>>;
// Untyped: as validateRequestBody's (a literal id that names no operation does not compile).
export function validatePathParams<Op extends string, _Untyped>(operationId: KnownOperationId<Op>, params: unknown): ValidationResult<unknown>;
export function validatePathParams(operationId: string, params: unknown): ValidationResult<unknown> {
  let result: CheckResult | undefined;
  try {
    result = checkPathParams(operationId, params);
  } catch (error) {
    return { valid: false, errors: unreadable(params, error) };
  }
  return result ? reported(result) : { valid: false, errors: unknownOperation(operationId) };
}

// The request and 200 response bodies of each operation, as functions of their own: the same
// results as validateRequestBody / validateResponseBody with that id (and 200), and an app that
// imports only some of them bundles only their validators (the generic functions reach them all).

/** `validateRequestBody("updateConversation", body)`, alone. */
export function validateUpdateConversationRequest(body: unknown): ValidationResult<RequestBody<"updateConversation">> {
  try {
    return reported(checkUpdateConversationRequest(body));
  } catch (error) {
    return { valid: false, errors: unreadable(body, error) };
  }
}

/** `validateRequestBody("updateThread", body)`, alone. */
export function validateUpdateThreadRequest(body: unknown): ValidationResult<RequestBody<"updateThread">> {
  try {
    return reported(checkUpdateThreadRequest(body));
  } catch (error) {
    return { valid: false, errors: unreadable(body, error) };
  }
}

/** `validateResponseBody("updateConversation", 200, body)`, alone. */
export function validateUpdateConversationResponse(body: unknown): ValidationResult<ResponseBody<"updateConversation", 200>> {
  try {
    return reported(checkUpdateConversationResponse200(body));
  } catch (error) {
    return { valid: false, errors: unreadable(body, error) };
  }
}

/** `validateResponseBody("updateThread", 200, body)`, alone. */
export function validateUpdateThreadResponse(body: unknown): ValidationResult<ResponseBody<"updateThread", 200>> {
  try {
    return reported(checkUpdateThreadResponse200(body));
  } catch (error) {
    return { valid: false, errors: unreadable(body, error) };
  }
}

const TRANSFORMS = {
  lowercase: (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value),
} as const;

/**
 * How deep `copyJson` walks a kept value when the operation's spec declares no `maxBodyDepth` (with
 * one, that is the limit, and a deeper body is the API's 400).
 */
const MAX_WALK_DEPTH = 256;
/** `copyJson`'s answer for a value it cannot walk (a cycle, a read that throws; too deep without a `maxBodyDepth`). */
const NOT_A_TREE = Symbol("not a tree");
/** `copyJson`'s answer for a value that goes past the operation's `maxBodyDepth`. */
const TOO_DEEP = Symbol("too deep");
/** `copyJson`'s answer for a value holding Infinity or NaN (JSON.stringify sends null; JSON.parse reads `1e400` as Infinity). */
const NOT_FINITE = Symbol("not finite");

/** A copy of `value` (at level `depth`; the body is level 1); throws NOT_A_TREE, TOO_DEEP or NOT_FINITE. */
function copyTree(value: object, depth: number, max: number, ancestors: Set<object>): unknown {
  if (ancestors.has(value)) throw NOT_A_TREE;
  if (depth > max) throw TOO_DEEP;
  ancestors.add(value);
  let out: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "number" && !Number.isFinite(item)) throw NOT_FINITE;
      items.push(item !== null && typeof item === "object" ? copyTree(item, depth + 1, max, ancestors) : item);
    }
    out = items;
  } else {
    const members: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const member: unknown = (value as Record<string, unknown>)[key];
      if (isPoisonKey(key, member)) {
        // Dropped, but within the depth like any other member (the API's parser: src/server/json.ts).
        if (member !== null && typeof member === "object" && tooDeepAt(member, depth + 1, max, new Set()) !== undefined) throw TOO_DEEP;
        continue;
      }
      if (typeof member === "number" && !Number.isFinite(member)) throw NOT_FINITE;
      members[key] = member !== null && typeof member === "object" ? copyTree(member, depth + 1, max, ancestors) : member;
    }
    out = members;
  }
  ancestors.delete(value);
  return out;
}

/**
 * A kept object or array (JSON data: draft_attachments, a member of the body: level 2) as a copy of
 * its own, made of fresh plain objects and arrays, without the keys the API drops from bodies
 * (`__proto__`, `constructor` holding a `prototype`, at any depth): one walk, which copies as it
 * checks. NOT_A_TREE when it cannot be walked; TOO_DEEP when it goes past `maxDepth` (the spec's
 * `maxBodyDepth`; null: NOT_A_TREE past MAX_WALK_DEPTH); NOT_FINITE when it holds Infinity or NaN,
 * which JSON cannot carry (the API would store what `1e400` parses to and answer `null`).
 */
function copyJson(value: object, maxDepth: number | null): unknown {
  try {
    return copyTree(value, 2, maxDepth ?? MAX_WALK_DEPTH, new Set());
  } catch (error) {
    return error === NOT_FINITE ? NOT_FINITE : error === TOO_DEEP && maxDepth !== null ? TOO_DEEP : NOT_A_TREE;
  }
}

/** The API's 400 for a body nested past `maxDepth` at `path`. */
function tooDeepResult(rule: NormalizeRule, path: string): NormalizeResult<unknown> {
  return { ok: false, status: rule.emptyStatus, errors: [{ path, keyword: "maxDepth", message: `must not be nested more than ${rule.maxDepth} levels deep` }] };
}

/**
 * The 400 of a "reject" rule with these errors, unless a later member of the body is nested past
 * `maxDepth`: the API's parser answers that before any field is looked at.
 */
function rejected(rule: NormalizeRule, body: object, keys: readonly string[], errors: ValidationIssue[]): NormalizeResult<unknown> {
  if (rule.maxDepth !== null) {
    for (const key of keys) {
      let member: unknown;
      try {
        member = (body as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      if (member === null || typeof member !== "object") continue;
      const at = tooDeepAt(member, 2, rule.maxDepth, new Set());
      if (at !== undefined) return tooDeepResult(rule, `/${escapePointer(key)}${at}`);
    }
  }
  return { ok: false, status: rule.emptyStatus, errors };
}

/**
 * Applies the API's documented leniency (the spec's `x-puffle-normalize`): unknown fields and
 * invalid values are dropped, `participant_email` is lowercased (`x-puffle-transform`), keys that
 * reach a prototype when merged naively (`__proto__`, `constructor` holding a `prototype`) are left
 * out of the values kept (as the API drops them), a member holding `undefined` is absent (as
 * `JSON.stringify` sends the body: neither kept nor dropped), and when no valid field remains — an
 * empty object, all fields invalid, or not an object at all — the result is the API's 400. A body
 * nested deeper than the API reads (`x-puffle-behaviour.maxBodyDepth`) is its 400 `maxDepth`,
 * whatever field holds the deep value. The body returned is the caller's own: its objects and
 * arrays (`draft_attachments`) are copies, so changing it leaves the input as it was, and the
 * other way round.
 */
export function normalizeRequestBody<Op extends OperationId>(operationId: Op, body: unknown): NormalizeResult<RequestBody<Op>>;
// Untyped: as validateRequestBody's (a literal id that names no operation does not compile).
export function normalizeRequestBody<Op extends string, _Untyped>(operationId: KnownOperationId<Op>, body: unknown): NormalizeResult<unknown>;
export function normalizeRequestBody(operationId: string, body: unknown): NormalizeResult<unknown> {
  const table = entryOf<(typeof tables)[OperationId]>(tables, operationId);
  if (!table) return { ok: false, status: 400, errors: unknownOperation(operationId) };
  // An operation without a request body (a GET): nothing to normalize; a body given is named, not
  // read as a body with no valid field ("must have at least 1 valid field").
  const strictBody: IssueFunction | null = table.requestBody;
  if (strictBody === null) return body === undefined ? { ok: true, body: undefined, dropped: [] } : { ok: false, status: 400, errors: noBodyIssues(operationId, body) };
  const rule: NormalizeRule = table.normalize ?? { unknownProperties: "reject", invalidProperties: "reject", minValidProperties: 1, emptyStatus: 400, maxErrors: 100, maxDepth: null };
  // A value whose reading throws (a getter, a Proxy trap, a revoked Proxy) is no JSON value: the
  // body is a 400 when it cannot be read as a whole, a field is dropped as invalid when it cannot.
  let keys: string[];
  try {
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      // The API parses the whole body before it looks at its type: an array nested too deep is its maxDepth 400.
      if (rule.maxDepth !== null && Array.isArray(body)) {
        const at = tooDeepAt(body, 1, rule.maxDepth, new Set());
        if (at !== undefined) return tooDeepResult(rule, at);
      }
      // No body at all (a PATCH without one, as the thread page's first curl sends) is "no body", not
      // JavaScript's `undefined`.
      const got = body === undefined ? "no body" : body === null ? "null" : Array.isArray(body) ? "an array" : typeof body;
      return { ok: false, status: rule.emptyStatus, errors: [{ path: "", keyword: "type", message: `must be object (got ${got})` }] };
    }
    keys = Object.keys(body);
  } catch (error) {
    return { ok: false, status: rule.emptyStatus, errors: unreadable(body, error) };
  }
  const fields: Readonly<Record<string, { validate: IssueFunction; transform: keyof typeof TRANSFORMS | null }>> = table.requestFields;
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  // The issues a 400 lists: at most `maxErrors - 1` field issues are kept (the last one is why
  // the body failed), so a field with a million invalid items keeps 99 of them, not a million (and
  // no issue list is spread into a call's arguments, which threw RangeError past ~120,000); an
  // invalid field's issues are merged only as far as they are kept (issuesOf's limit).
  const errors: ValidationIssue[] = [];
  const errorRoom = Math.max(0, rule.maxErrors - 1);
  const note = (issues: readonly ValidationIssue[]): void => {
    for (let i = 0; i < issues.length && errors.length < errorRoom; i++) errors.push(issues[i]!);
  };
  let kept = 0;
  // Each member is read once, in key order: a value nested past maxDepth answers as soon as it is
  // met (the members before it had none), kept or not.
  for (const key of keys) {
    const field = hasOwn(fields, key) ? fields[key] : undefined;
    if (!field) {
      let member: unknown = null;
      try {
        member = (body as Record<string, unknown>)[key];
      } catch {
        // Unreadable: dropped like any unknown field.
      }
      // A member holding undefined is absent, as JSON.stringify sends it: neither dropped nor an issue.
      if (member === undefined) continue;
      if (rule.maxDepth !== null && member !== null && typeof member === "object") {
        const at = tooDeepAt(member, 2, rule.maxDepth, new Set());
        if (at !== undefined) return tooDeepResult(rule, `/${escapePointer(key)}${at}`);
      }
      const issue = { path: `/${escapePointer(key)}`, keyword: "additionalProperties", message: "is not a known field" };
      if (rule.unknownProperties === "reject") return rejected(rule, body, keys, [issue]);
      dropped.push(key);
      if (errors.length < errorRoom) errors.push(issue);
      continue;
    }
    let value: unknown;
    let valid: boolean;
    let read = false;
    try {
      value = (body as Record<string, unknown>)[key];
      read = true;
      if (value === undefined) continue; // absent, as JSON.stringify sends it
      valid = field.validate(value);
    } catch (error) {
      const path = `/${escapePointer(key)}`;
      const issues = read ? unreadable(value, error, path) : [{ path, keyword: "type", message: UNREADABLE }];
      if (rule.invalidProperties === "reject") return rejected(rule, body, keys, issues);
      dropped.push(key);
      note(issues);
      continue;
    }
    if (!valid) {
      if (rule.maxDepth !== null && value !== null && typeof value === "object") {
        const at = tooDeepAt(value, 2, rule.maxDepth, new Set());
        if (at !== undefined) return tooDeepResult(rule, `/${escapePointer(key)}${at}`);
      }
      if (rule.invalidProperties === "reject") return rejected(rule, body, keys, issuesOf(field.validate, `/${escapePointer(key)}`));
      dropped.push(key);
      if (errors.length < errorRoom) note(issuesOf(field.validate, `/${escapePointer(key)}`, errorRoom - errors.length));
      continue;
    }
    let result = field.transform ? TRANSFORMS[field.transform](value) : value;
    // An object or array (draft_attachments) holds members no field validator looks at, and is
    // kept as a copy: the result shares nothing with the input.
    if (result !== null && typeof result === "object") {
      const source = result;
      result = copyJson(source, rule.maxDepth);
      if (result === TOO_DEEP) return tooDeepResult(rule, `/${escapePointer(key)}${tooDeepAt(source, 2, rule.maxDepth!, new Set()) ?? ""}`);
      if (result === NOT_FINITE) {
        // The API's parser answers a body nested too deep before any value in it is looked at.
        const deep = rule.maxDepth === null ? undefined : tooDeepAt(source, 2, rule.maxDepth, new Set());
        if (deep !== undefined) return tooDeepResult(rule, `/${escapePointer(key)}${deep}`);
        const found = nonFiniteAt(source);
        const issue = { path: `/${escapePointer(key)}${found?.at ?? ""}`, keyword: "type", message: nonFiniteRule(found?.number ?? Number.NaN) };
        if (rule.invalidProperties === "reject") return rejected(rule, body, keys, [issue]);
        dropped.push(key);
        if (errors.length < errorRoom) errors.push(issue);
        continue;
      }
      if (result === NOT_A_TREE) {
        const issue = { path: `/${escapePointer(key)}`, keyword: "type", message: rule.maxDepth === null ? `is not a JSON value (cyclic, nested more than ${MAX_WALK_DEPTH} levels deep, or unreadable)` : "is not a JSON value (cyclic or unreadable)" };
        if (rule.invalidProperties === "reject") return rejected(rule, body, keys, [issue]);
        dropped.push(key);
        if (errors.length < errorRoom) errors.push(issue);
        continue;
      }
    }
    out[key] = result;
    kept++;
  }
  if (kept < rule.minValidProperties) {
    // A 400 lists at most `maxErrors` reasons: the first field errors (`note` kept no more), then why the body failed.
    errors.push({
      path: "",
      keyword: "minProperties",
      message: `must have at least ${rule.minValidProperties} valid field${rule.minValidProperties === 1 ? "" : "s"}`,
    });
    return { ok: false, status: rule.emptyStatus, errors };
  }
  // The result must pass the strict schema; if it does not, the spec's extension and its schema disagree.
  let strict: boolean;
  try {
    strict = strictBody(out);
  } catch (error) {
    return { ok: false, status: rule.emptyStatus, errors: unreadable(out, error) };
  }
  if (!strict) {
    return { ok: false, status: rule.emptyStatus, errors: issuesOf(strictBody) };
  }
  return { ok: true, body: out, dropped };
}
