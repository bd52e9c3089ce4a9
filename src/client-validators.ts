// What the client loads on demand (see `loadValidators` in client.ts): only the validators it calls,
// so that a bundler's lazy chunk holds those and not every schema of the spec.
import { bodyLimits } from "../generated/validators.js";
import { escapePointer } from "./json-pointer.js";
import { tooDeepAt } from "./json-depth.js";
import type { OperationId, ValidationIssue } from "./validators.js";

export { validatePathParams, validateRequestBody, validateResponseBody } from "./validators.js";
export { validateDuplicateThreadProblem, validateProblem } from "../generated/validators.js";

/**
 * The issue of a request body (parsed from the JSON to be sent) nested past the operation's
 * `x-puffle-behaviour.maxBodyDepth` (the body is level 1), which the API answers with a 400 though
 * the schema allows any depth (`draft_attachments` items are open objects); undefined within it.
 * Named by the member that holds the deep value, as the CLI names it (both by bodyDepthBreach).
 */
export function requestDepthIssue(operationId: OperationId, body: unknown): ValidationIssue | undefined {
  const max = bodyLimits[operationId].maxBodyDepth;
  if (typeof max !== "number") return undefined;
  const member = bodyDepthBreach(body, max);
  if (member === undefined) return undefined;
  return { path: member, keyword: "maxDepth", message: `is nested more than ${max} levels deep (the body is level 1), the most the API reads (x-puffle-behaviour.maxBodyDepth)` };
}

/**
 * Where a request body (the value to be sent) is nested past `maxBodyDepth` levels (the body is
 * level 1): the JSON Pointer to the body's member that holds the deep value ("" for the body
 * itself); undefined within the limit. The client's check (requestDepthIssue) and the CLI's (the
 * limit read from the operation it runs) both ask it, each saying it in its own words.
 */
export function bodyDepthBreach(body: unknown, maxBodyDepth: number): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const at = tooDeepAt(body, 1, maxBodyDepth, new Set());
  if (at === undefined) return undefined;
  return at === "" ? "" : at.slice(0, at.indexOf("/", 1) === -1 ? at.length : at.indexOf("/", 1));
}

/**
 * How many bytes `text` is in UTF-8, as fetch sends a string body (a lone surrogate as U+FFFD, 3
 * bytes; JSON.stringify writes none), without encoding it (no Buffer in a browser).
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 4 bytes for its 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The issue of a request body whose JSON text (`text`, as it is sent) is longer in UTF-8 than the
 * operation's `x-puffle-behaviour.maxBodyBytes`, which the API answers with a 413; undefined within
 * it. Named by the body's largest member (`body` is `text` parsed), as the CLI names it (both by
 * bodySizeBreach).
 */
export function requestSizeIssue(operationId: OperationId, text: string, body: unknown): ValidationIssue | undefined {
  const max = bodyLimits[operationId].maxBodyBytes;
  if (typeof max !== "number") return undefined;
  const breach = bodySizeBreach(text, body, max);
  if (breach === undefined) return undefined;
  const { bytes, largest } = breach;
  const within = largest === undefined ? "" : `; its largest field, ${largest.bytes} bytes`;
  return { path: largest?.pointer ?? "", keyword: "maxBodyBytes", message: `makes the body ${bytes} bytes of JSON (UTF-8), more than ${max}, the most the API accepts (x-puffle-behaviour.maxBodyBytes${within})` };
}

/**
 * How far a request body's JSON text (`text`, as it is sent; `body` is it parsed) is past
 * `maxBodyBytes` in UTF-8: its size and its largest member (the JSON Pointer to it and its size;
 * the first of the largest, undefined for a body that is no object or has no member); undefined
 * within the limit. The client's check (requestSizeIssue) and the CLI's both ask it, each saying
 * it in its own words.
 */
export function bodySizeBreach(text: string, body: unknown, maxBodyBytes: number): { bytes: number; largest: { pointer: string; bytes: number } | undefined } | undefined {
  // Each UTF-16 code unit is at most 3 bytes: most bodies are decided without counting.
  if (text.length * 3 <= maxBodyBytes) return undefined;
  const bytes = utf8ByteLength(text);
  if (bytes <= maxBodyBytes) return undefined;
  let largest: { key: string; bytes: number } | undefined;
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    for (const [key, member] of Object.entries(body)) {
      const size = utf8ByteLength(JSON.stringify(member) ?? "");
      if (largest === undefined || size > largest.bytes) largest = { key, bytes: size };
    }
  }
  return { bytes, largest: largest === undefined ? undefined : { pointer: `/${escapePointer(largest.key)}`, bytes: largest.bytes } };
}
