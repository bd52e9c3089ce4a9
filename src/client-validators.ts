// What the client loads on demand (see `loadValidators` in client.ts): only the validators it calls,
// so that a bundler's lazy chunk holds those and not every schema of the spec.
import { operations } from "../generated/validators.js";
import { escapePointer } from "./json-pointer.js";
import { tooDeepAt } from "./json-depth.js";
import type { OperationId, ValidationIssue } from "./validators.js";

export { validatePathParams, validateRequestBody, validateResponseBody } from "./validators.js";
export { validateDuplicateThreadProblem, validateProblem } from "../generated/validators.js";

/**
 * The issue of a request body (parsed from the JSON to be sent) nested past the operation's
 * `x-puffle-behaviour.maxBodyDepth` (the body is level 1), which the API answers with a 400 though
 * the schema allows any depth (`draft_attachments` items are open objects); undefined within it.
 * Named by the member that holds the deep value, as the CLI names it.
 */
export function requestDepthIssue(operationId: OperationId, body: unknown): ValidationIssue | undefined {
  const max = operations[operationId].normalize?.maxDepth;
  if (typeof max !== "number" || body === null || typeof body !== "object") return undefined;
  const at = tooDeepAt(body, 1, max, new Set());
  if (at === undefined) return undefined;
  const member = at === "" ? "" : at.slice(0, at.indexOf("/", 1) === -1 ? at.length : at.indexOf("/", 1));
  return { path: member, keyword: "maxDepth", message: `is nested more than ${max} levels deep (the body is level 1), the most the API reads (x-puffle-behaviour.maxBodyDepth)` };
}
