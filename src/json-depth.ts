// How deep a JSON value goes: the body-depth limit (`x-puffle-behaviour.maxBodyDepth`, the API's
// parser's in src/server/json.ts) as the validators (src/validators.ts) and the CLI (a body checked
// before it is sent) apply it; and where a value holds a number JSON cannot carry (nonFiniteAt).
import { escapePointer } from "./json-pointer.js";
import { isPoisonKey } from "./poison-keys.js";

/**
 * Where `value` (an object or array at level `depth`; the body is level 1) holds an object or array
 * past level `max`: the JSON Pointer to the first one, depth first in key order, relative to
 * `value` ("" for `value` itself); undefined when none does. The API's parser finds the same one
 * (src/server/json.ts), in the keys it drops (`__proto__`, `constructor` holding a `prototype`) as
 * in any other. A cycle or a read that throws is not followed (no JSON value has them).
 */
export function tooDeepAt(value: object, depth: number, max: number, ancestors: Set<object>): string | undefined {
  if (ancestors.has(value)) return undefined;
  if (depth > max) return "";
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === null || typeof item !== "object") continue;
        const at = tooDeepAt(item, depth + 1, max, ancestors);
        if (at !== undefined) return `/${i}${at}`;
      }
    } else {
      for (const key of Object.keys(value)) {
        const member: unknown = (value as Record<string, unknown>)[key];
        if (member === null || typeof member !== "object") continue;
        const at = tooDeepAt(member, depth + 1, max, ancestors);
        if (at !== undefined) return `/${escapePointer(key)}${at}`;
      }
    }
  } catch {
    // A read that throws: not followed.
  } finally {
    ancestors.delete(value);
  }
  return undefined;
}

/**
 * Where `value` holds a number JSON cannot carry (Infinity, -Infinity, NaN: JSON.stringify writes
 * `null` for it, and JSON.parse reads a number past ±1.7976931348623157e308, `1e400`, as Infinity):
 * the JSON Pointer to the first one, depth first in key order, relative to `value` ("" for `value`
 * itself), with the number; undefined when none does. Cycles, reads that throw and the keys the API
 * drops (`__proto__`, `constructor` holding a `prototype`) are not followed.
 */
export function nonFiniteAt(value: unknown, ancestors: Set<object> = new Set()): { at: string; number: number } | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : { at: "", number: value };
  if (value === null || typeof value !== "object" || ancestors.has(value)) return undefined;
  ancestors.add(value);
  try {
    const keys = Array.isArray(value) ? Array.from({ length: value.length }, (_, i) => String(i)) : Object.keys(value);
    for (const key of keys) {
      const member: unknown = (value as Record<string, unknown>)[key];
      if (!Array.isArray(value) && isPoisonKey(key, member)) continue;
      const found = nonFiniteAt(member, ancestors);
      if (found !== undefined) return { at: `/${escapePointer(key)}${found.at}`, number: found.number };
    }
  } catch {
    // A read that throws: not followed.
  } finally {
    ancestors.delete(value);
  }
  return undefined;
}

/** Why a number found by nonFiniteAt is no JSON value, as the validators and the CLI say it. */
export function nonFiniteRule(number: number): string {
  return Number.isNaN(number)
    ? "is not a JSON value (NaN, which JSON.stringify sends as null)"
    : `is not a JSON value (${number > 0 ? "" : "-"}Infinity: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)`;
}
