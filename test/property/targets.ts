// Each schema of the spec paired with the public validator that checks it.
import { validatePathParams, validateRequestBody, validateResponseBody, type ValidationResult } from "../../src/validators.js";
import { targets, type Target } from "./spec.js";

export type Check = (value: unknown) => ValidationResult<unknown>;

export function checkOf(t: Target): Check {
  switch (t.kind) {
    case "request": return (v) => validateRequestBody(t.op, v);
    case "response": return (v) => validateResponseBody(t.op, t.status, v);
    case "params": return (v) => validatePathParams(t.op, v);
  }
}

export function label(t: Target): string {
  return t.kind === "response" ? `${t.op} ${t.status} (${t.name})` : `${t.op} ${t.kind} (${t.name})`;
}

export const allTargets = targets();
