// JSON request bodies: parsed with JSON.parse (which never touches a prototype), then copied into
// fresh objects without the keys that could reach one when a consumer merges the value naively
// (`__proto__` anywhere, `constructor` holding a `prototype`), and with a bounded nesting depth so
// that every stored value can be serialized again.

import { operations as meta } from "../../generated/meta.js";
import { escapePointer } from "../json-pointer.js";
import { isPoisonKey } from "../poison-keys.js";

/**
 * Deepest nesting accepted in a request body (the body itself is depth 1): the spec's
 * `x-puffle-behaviour.maxBodyDepth`, the same for every operation.
 */
export const MAX_BODY_DEPTH: number = Math.min(...Object.values(meta).map((op) => op.behaviour.maxBodyDepth));

export class BodyDepthError extends Error {
  readonly pointer: string;
  constructor(pointer: string) {
    super(`nested more than ${MAX_BODY_DEPTH} levels deep`);
    this.name = "BodyDepthError";
    this.pointer = pointer;
  }
}

/**
 * A deep copy of a parsed JSON value without poisoning keys; throws BodyDepthError when too deep
 * (a poisoning key's value too: the limit is the body's, whatever the key).
 * With `keepOwnPoison`, the value's own poisoning members (not the ones nested in them or in other
 * members) are kept as they are, as own data properties, otherwise unread.
 */
export function sanitizeJson(value: unknown, depth = 1, pointer = "", keepOwnPoison = false): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_BODY_DEPTH) throw new BodyDepthError(pointer);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(sanitizeJson(value[i], depth + 1, `${pointer}/${i}`));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (isPoisonKey(key, member)) {
      // Dropped or kept unread, but within the body's depth like any other member: a `__proto__`
      // nested past the limit was accepted where any other key was the 400.
      sanitizeJson(member, depth + 1, `${pointer}/${escapePointer(key)}`);
      // defineProperty: `out.__proto__ = member` would set out's prototype.
      if (keepOwnPoison) Object.defineProperty(out, key, { value: member, enumerable: true, writable: true, configurable: true });
      continue;
    }
    out[key] = sanitizeJson(member, depth + 1, `${pointer}/${escapePointer(key)}`);
  }
  return out;
}

/**
 * Whether a parsed JSON value is already what sanitizeJson would make of it: nothing nested too
 * deep and no poisoning key (`keepOwnPoison`: as sanitizeJson keeps the value's own). Reads only (no
 * copy), so the usual body costs one walk, not a rebuild.
 */
function isClean(value: unknown, depth: number, keepOwnPoison = false): boolean {
  if (value === null || typeof value !== "object") return true;
  if (depth > MAX_BODY_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isClean(value[i], depth + 1)) return false;
    return true;
  }
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (isPoisonKey(key, member)) {
      if (keepOwnPoison && isClean(member, depth + 1)) continue;
      return false;
    }
    if (!isClean(member, depth + 1)) return false;
  }
  return true;
}

/**
 * JSON.parse + sanitizeJson. Throws SyntaxError for invalid JSON, BodyDepthError when too deep.
 * JSON.parse already returns fresh plain objects, so a value without a poisoning key and within the
 * depth bound is returned as parsed; anything else goes through sanitizeJson (same result as before).
 *
 * But for the body's own members: a poisoning key of the body object itself is kept as JSON.parse
 * made it (an own data property, which sets no prototype), unread, for normalizeRequestBody, which
 * drops it as the unknown field it is, names it (in a 400's errors, in the log's dropped fields)
 * as it does for the same text parsed by a caller, and never copies it into the body it keeps.
 * Removed here, it was missing from the server's 400 that `normalizeRequestBody` lists for that text.
 */
export function parseJsonBody(text: string): unknown {
  const value: unknown = JSON.parse(text);
  return isClean(value, 1, true) ? value : sanitizeJson(value, 1, "", true);
}
