// How deep a JSON value goes: the body-depth limit (`x-puffle-behaviour.maxBodyDepth`, the API's
// parser's in src/server/json.ts) as the validators (src/validators.ts) and the CLI (a body checked
// before it is sent) apply it. Where a value holds a number JSON cannot carry is src/json-finite.ts's:
// a module of its own, as the client loads nonFiniteRule up front and tooDeepAt only with its lazy
// validators chunk (a bundler puts a module both need, whole, in a chunk loaded up front).
import { escapePointer } from "./json-pointer.js";

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
