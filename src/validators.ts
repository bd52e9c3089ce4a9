// The `puffle-api/validators` entry: check request and response bodies exactly as the API does,
// with the generated, precompiled AJV validators (no AJV at run time, nothing compiled on import).
import { checks, operations as tables, schemas } from "../generated/validators.js";
import type { AjvError, ValidateFunction } from "../generated/validators.js";
import type { operations as Operations } from "../generated/schema.js";

export { schemas };
export type { AjvError, ValidateFunction };

/** `"updateConversation" | "updateThread"`. */
export type OperationId = keyof Operations & keyof typeof tables;

/** The JSON request body an operation accepts in full (strict form). */
export type RequestBody<Op extends OperationId> = NonNullable<Operations[Op]["requestBody"]>["content"]["application/json"];

/** The documented response statuses of an operation, as numbers. */
export type ResponseStatus<Op extends OperationId> = keyof Operations[Op]["responses"] & number;

type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : undefined;

/** The body of a documented response. */
export type ResponseBody<Op extends OperationId, S extends ResponseStatus<Op>> = ContentOf<Operations[Op]["responses"][S]>;

/** The path parameters of an operation (`{ id }`). */
export type PathParams<Op extends OperationId> = Operations[Op]["parameters"]["path"];

/** One reason a value was rejected. `path` is a JSON Pointer to the offending value (`/unread_count`), `""` for the value itself. */
export interface ValidationIssue {
  path: string;
  keyword: string;
  message: string;
}

export type ValidationResult<T> = { valid: true; value: T } | { valid: false; errors: ValidationIssue[] };

export type NormalizeResult<T> =
  | { ok: true; body: T; dropped: string[] }
  | { ok: false; status: number; errors: ValidationIssue[] };

export const operationIds = Object.freeze(Object.keys(tables)) as readonly OperationId[];

function escapePointer(segment: string): string {
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** `must be one of …` for an enum's allowed values, kept per array (the generated schemas' own). */
const enumMessages = new WeakMap<readonly unknown[], string>();

function enumMessage(allowed: readonly unknown[]): string {
  let message = enumMessages.get(allowed);
  if (message === undefined) {
    message = `must be one of ${allowed.map(describe).join(", ")}`;
    enumMessages.set(allowed, message);
  }
  return message;
}

/** AJV errors → `{ path, keyword, message }`, pointing at the field itself for required/unknown properties. */
export function toIssues(errors: readonly AjvError[] | null | undefined, prefix = ""): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!errors) return out;
  // Duplicates can only occur with two errors or more.
  const seen = errors.length > 1 ? new Set<string>() : null;
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
    }
    if (seen !== null) {
      const key = `${path}\u0000${error.keyword}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push({ path, keyword: error.keyword, message });
  }
  return out.length > 1 ? withoutRestatedPatterns(out) : out;
}

/**
 * Where a value fails both its `format` and a `pattern` (the spec pairs `format: uuid` with a
 * canonical-form pattern), the pattern only restates the format with a regex: keep the readable
 * format issue. A value that passes its format but not the pattern keeps the pattern issue.
 */
function withoutRestatedPatterns(issues: ValidationIssue[]): ValidationIssue[] {
  const formatPaths = new Set<string>();
  for (const issue of issues) if (issue.keyword === "format") formatPaths.add(issue.path);
  if (formatPaths.size === 0) return issues;
  return issues.filter((issue) => issue.keyword !== "pattern" || !formatPaths.has(issue.path));
}

/**
 * `check` is the boolean-only build of the same schema (allErrors off, no messages): the fast path.
 * Only when it says invalid does the detailed (allErrors) validator run, for the reasons; its
 * verdict is the one returned. test/unit/fast-path.test.ts checks that the two always agree.
 */
function run<T>(validate: ValidateFunction, value: unknown, check: ValidateFunction): ValidationResult<T> {
  if (check(value) || validate(value)) return { valid: true, value: value as T };
  return { valid: false, errors: toIssues(validate.errors) };
}

function unknownOperation(operationId: unknown): ValidationIssue[] {
  return [{
    path: "",
    keyword: "operationId",
    message: `unknown operationId ${describe(operationId)} (known: ${operationIds.join(", ")})`,
  }];
}

function tableOf(operationId: unknown) {
  return typeof operationId === "string" && Object.hasOwn(tables, operationId) ? tables[operationId as OperationId] : undefined;
}

/** A detailed validator and its boolean twin. */
interface Pair {
  readonly validate: ValidateFunction;
  readonly check: ValidateFunction;
}

/** Per operation, everything a call needs, found with one Map lookup. */
interface Compiled {
  readonly requestBody: Pair;
  readonly pathParams: Pair;
  readonly responses: ReadonlyMap<string, Pair | null>;
}

const compiled = new Map<string, Compiled>();
for (const operationId of operationIds) {
  const table = tables[operationId];
  const fast = checks[operationId];
  const fastResponses: Readonly<Record<string, ValidateFunction | null>> = fast.responses;
  compiled.set(operationId, {
    requestBody: { validate: table.requestBody, check: fast.requestBody },
    pathParams: { validate: table.pathParams, check: fast.pathParams },
    responses: new Map(Object.entries(table.responses as Readonly<Record<string, ValidateFunction | null>>).map(([status, validate]) => [status, validate ? { validate, check: fastResponses[status]! } : null])),
  });
}

function compiledOf(operationId: unknown): Compiled | undefined {
  return typeof operationId === "string" ? compiled.get(operationId) : undefined;
}

/** Checks a request body against the operation's strict schema: every field valid, no unknown field, at least one field. */
export function validateRequestBody<Op extends OperationId>(operationId: Op, body: unknown): ValidationResult<RequestBody<Op>>;
export function validateRequestBody(operationId: string, body: unknown): ValidationResult<unknown>;
export function validateRequestBody(operationId: string, body: unknown): ValidationResult<unknown> {
  const op = compiledOf(operationId);
  if (!op) return { valid: false, errors: unknownOperation(operationId) };
  return run(op.requestBody.validate, body, op.requestBody.check);
}

/** Checks a response body against the schema documented for that status. */
export function validateResponseBody<Op extends OperationId, S extends ResponseStatus<Op>>(operationId: Op, status: S | `${S}`, body: unknown): ValidationResult<ResponseBody<Op, S>>;
export function validateResponseBody(operationId: string, status: number | string, body: unknown): ValidationResult<unknown>;
export function validateResponseBody(operationId: string, status: number | string, body: unknown): ValidationResult<unknown> {
  const op = compiledOf(operationId);
  if (!op) return { valid: false, errors: unknownOperation(operationId) };
  const key = typeof status === "string" ? status : String(status);
  const pair = op.responses.get(key);
  if (pair === undefined) {
    const responses: Readonly<Record<string, ValidateFunction | null>> = tables[operationId as OperationId].responses;
    return {
      valid: false,
      errors: [{
        path: "",
        keyword: "status",
        message: `status ${describe(status)} is not documented for ${operationId} (documented: ${Object.keys(responses).join(", ")})`,
      }],
    };
  }
  if (pair === null) {
    return body === undefined || body === null || body === ""
      ? { valid: true, value: body }
      : { valid: false, errors: [{ path: "", keyword: "content", message: `status ${key} of ${operationId} has no body` }] };
  }
  return run(pair.validate, body, pair.check);
}

/** Checks path parameters (`{ id }`) against the documented pattern. */
export function validatePathParams<Op extends OperationId>(operationId: Op, params: unknown): ValidationResult<PathParams<Op>>;
export function validatePathParams(operationId: string, params: unknown): ValidationResult<unknown>;
export function validatePathParams(operationId: string, params: unknown): ValidationResult<unknown> {
  const op = compiledOf(operationId);
  if (!op) return { valid: false, errors: unknownOperation(operationId) };
  return run(op.pathParams.validate, params, op.pathParams.check);
}

const TRANSFORMS = {
  lowercase: (value: unknown) => (typeof value === "string" ? value.toLowerCase() : value),
} as const;

/**
 * Applies the API's documented leniency (the spec's `x-puffle-normalize`): unknown fields and
 * invalid values are dropped, `participant_email` is lowercased (`x-puffle-transform`), and when
 * no valid field remains — an empty object, all fields invalid, or not an object at all — the
 * result is the API's 400.
 */
export function normalizeRequestBody<Op extends OperationId>(operationId: Op, body: unknown): NormalizeResult<RequestBody<Op>>;
export function normalizeRequestBody(operationId: string, body: unknown): NormalizeResult<unknown>;
export function normalizeRequestBody(operationId: string, body: unknown): NormalizeResult<unknown> {
  const table = tableOf(operationId);
  if (!table) return { ok: false, status: 400, errors: unknownOperation(operationId) };
  const rule = table.normalize ?? { unknownProperties: "reject", invalidProperties: "reject", minValidProperties: 1, emptyStatus: 400, maxErrors: 100 };
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    const got = body === null ? "null" : Array.isArray(body) ? "an array" : typeof body;
    return { ok: false, status: rule.emptyStatus, errors: [{ path: "", keyword: "type", message: `must be object (got ${got})` }] };
  }
  const fields: Readonly<Record<string, { validate: ValidateFunction; transform: keyof typeof TRANSFORMS | null }>> = table.requestFields;
  const fieldChecks: Readonly<Record<string, ValidateFunction>> = checks[operationId as OperationId].requestFields;
  const out: Record<string, unknown> = {};
  const dropped: string[] = [];
  const errors: ValidationIssue[] = [];
  let kept = 0;
  for (const key of Object.keys(body)) {
    const value = (body as Record<string, unknown>)[key];
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field) {
      const issue = { path: `/${escapePointer(key)}`, keyword: "additionalProperties", message: "is not a known field" };
      if (rule.unknownProperties === "reject") return { ok: false, status: rule.emptyStatus, errors: [issue] };
      dropped.push(key);
      errors.push(issue);
      continue;
    }
    if (!fieldChecks[key]!(value) && !field.validate(value)) {
      const issues = toIssues(field.validate.errors, `/${escapePointer(key)}`);
      if (rule.invalidProperties === "reject") return { ok: false, status: rule.emptyStatus, errors: issues };
      dropped.push(key);
      errors.push(...issues);
      continue;
    }
    out[key] = field.transform ? TRANSFORMS[field.transform](value) : value;
    kept++;
  }
  if (kept < rule.minValidProperties) {
    // A 400 lists at most `maxErrors` reasons: the first field errors, then why the body failed.
    if (errors.length > rule.maxErrors - 1) errors.length = rule.maxErrors - 1;
    errors.push({
      path: "",
      keyword: "minProperties",
      message: `must have at least ${rule.minValidProperties} valid field${rule.minValidProperties === 1 ? "" : "s"}`,
    });
    return { ok: false, status: rule.emptyStatus, errors };
  }
  // The result must pass the strict schema; if it does not, the spec's extension and its schema disagree.
  if (!checks[operationId as OperationId].requestBody(out) && !table.requestBody(out)) {
    return { ok: false, status: rule.emptyStatus, errors: toIssues(table.requestBody.errors) };
  }
  return { ok: true, body: out, dropped };
}
