// RFC 9457 problem details in the spec's `Problem` shape (type URIs and titles as in the spec's
// examples), always served as application/problem+json.
import type { Problem, Thread } from "../../generated/schema.js";
import { pointerTokens } from "../json-pointer.js";
import type { ValidationIssue } from "../validators.js";
import { MAX_BODY_DEPTH } from "./json.js";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const BASE = "https://app.puffle.ai/problems/";

export type ProblemBody = Problem & Record<string, unknown>;

/** Text a client sent, quoted for a problem's detail: JSON string syntax, at most 64 characters of it. */
function quoted(text: string): string {
  return text.length > 64 ? `${JSON.stringify(text.slice(0, 64))}…` : JSON.stringify(text);
}

function problem(slug: string, title: string, status: number, detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  return { type: BASE + slug, title, status, detail, ...extra };
}

export const problems = {
  invalidId: (errors: ValidationIssue[]) =>
    problem("invalid-request", "Invalid request", 400, "The path parameter id must be a UUID.", { errors }),
  notAnObject: (errors: ValidationIssue[]) =>
    problem("invalid-request", "Invalid request", 400, "The request body must be a JSON object.", { errors }),
  invalidJson: (reason: string) =>
    problem("invalid-request", "Invalid request", 400, "The request body must be a JSON object.", {
      errors: [{ path: "", keyword: "type", message: `must be object (the body is not valid JSON: ${reason})` }],
    }),
  tooDeep: (pointer: string) =>
    problem("invalid-request", "Invalid request", 400, `The request body must not be nested more than ${MAX_BODY_DEPTH} levels deep.`, {
      errors: [{ path: pointer, keyword: "maxDepth", message: `must not be nested more than ${MAX_BODY_DEPTH} levels deep` }],
    }),
  noValidField: (errors: ValidationIssue[]) =>
    problem("invalid-request", "Invalid request", 400, "At least one valid field must be present.", { errors }),
  /** A 400 naming the fields of `errors` that are missing (`isMissingField`); `errors` is listed whole. */
  missingFields: (errors: ValidationIssue[]) =>
    problem("invalid-request", "Invalid request", 400, `The request body must include ${errors.filter(isMissingField).map((e) => pointerTokens(e.path)[0]).join(", ")}.`, { errors }),
  badRequest: (detail: string) => problem("invalid-request", "Invalid request", 400, detail),
  notHttp: () => problem("invalid-request", "Invalid request", 400, "The request could not be parsed as HTTP."),
  // RFC 9112 §6.1: a transfer coding the server does not understand SHOULD be a 501. (One whose
  // body cannot be framed, `chunked` not last, is §6.3's 400, notHttp: Node's own for `chunked,
  // gzip`, the server's for `gzip` alone.)
  unsupportedTransferCoding: (codings: readonly string[]) =>
    problem(
      "not-implemented",
      "Not implemented",
      501,
      `The request body must be sent without a transfer coding other than chunked; Transfer-Encoding ${codings.map(quoted).join(", ")} is not supported.`,
    ),
  invalidSender: (field: string) =>
    problem("invalid-sender-account", "Invalid sender account", 400, `${field} must refer to a ready email sender in your workspace.`, {
      errors: [{ path: `/${field}`, keyword: "x-puffle-ready-email-sender", message: "must refer to a ready email sender in the workspace" }],
    }),
  unauthorized: () => problem("unauthorized", "Unauthorized", 401, "A valid bearer token is required."),
  forbidden: (detail: string) => problem("forbidden", "Forbidden", 403, detail),
  notFound: (what: string) => problem("not-found", "Not found", 404, `No ${what} with this id.`),
  routeNotFound: () => problem("not-found", "Not found", 404, "No such endpoint. The API serves PATCH /api/conversations/{id} and PATCH /api/threads/{id}."),
  methodNotAllowed: (method: string, allowed: readonly string[]) =>
    problem("method-not-allowed", "Method not allowed", 405, `${method} is not supported here; use ${allowed.join(", ")}.`),
  requestTimeout: () => problem("request-timeout", "Request timeout", 408, "The request was not received in time."),
  duplicate: (member: string, existing: Thread, email: string) =>
    problem("duplicate-thread", "Duplicate thread", 409, `This sender already has an open thread with ${email}.`, { [member]: existing }),
  tooLarge: (limit: number) =>
    problem("payload-too-large", "Payload too large", 413, `The request body must not be larger than ${limit} bytes.`),
  chunkExtensionsTooLarge: () =>
    problem("payload-too-large", "Payload too large", 413, "The chunk extensions of the request body are too large."),
  unsupportedMediaType: () =>
    problem("unsupported-media-type", "Unsupported media type", 415, "The request body must be sent as application/json."),
  unsupportedCharset: (charset: string) =>
    problem("unsupported-media-type", "Unsupported media type", 415, `The request body must be JSON in UTF-8; charset ${quoted(charset)} is not supported.`),
  unsupportedContentEncoding: (codings: readonly string[]) =>
    problem(
      "unsupported-media-type",
      "Unsupported media type",
      415,
      `The request body must be sent without a content coding; Content-Encoding ${codings.map(quoted).join(", ")} is not supported.`,
    ),
  expectationFailed: (expectation: string) =>
    problem("expectation-failed", "Expectation failed", 417, `The Expect header ${quoted(expectation)} is not supported; only 100-continue is.`),
  headersTooLarge: () =>
    problem("request-header-fields-too-large", "Request header fields too large", 431, "The request line and header fields are too large."),
  internal: () => problem("internal-error", "Internal server error", 500, "The server failed to handle this request."),
  serviceUnavailable: () =>
    problem("service-unavailable", "Service unavailable", 503, "The server is shutting down; send the request again on a new connection."),
} as const;

/**
 * A field of the body the request schema requires, missing: a `required` issue at `/<name>`. Only
 * the request schema's own check of the body gives one (a field's own check is at `/<field>/…`).
 */
function isMissingField(issue: ValidationIssue): boolean {
  return issue.keyword === "required" && /^\/[^/]+$/.test(issue.path);
}

/**
 * The 400 for a body `normalizeRequestBody` refused: not an object, fields the request schema
 * requires missing (a spec whose request has `required` fields; named even beside another issue of
 * that check, listed in `errors`), or no valid field left. A missing required field was "At least
 * one valid field must be present." beside the valid field the body held.
 */
export function refusedBodyProblem(errors: ValidationIssue[]): ProblemBody {
  if (errors.length === 1 && errors[0]?.keyword === "type" && errors[0].path === "") return problems.notAnObject(errors);
  if (errors.some(isMissingField)) return problems.missingFields(errors);
  return problems.noValidField(errors);
}
