// Where a JSON value holds a number JSON cannot carry (nonFiniteAt), as the validators
// (src/validators.ts) and the CLI (a body read from JSON text) look for it, and how the validators,
// the CLI and the client (src/client.ts, its own walk of a body to be sent) say it (nonFiniteRule).
import { escapePointer } from "./json-pointer.js";
import { isPoisonKey } from "./poison-keys.js";

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
