// The keys that reach a prototype when a value is merged naively into another: shared by the
// reference server's JSON parsing (src/server/json.ts) and `normalizeRequestBody` (src/validators.ts),
// which both leave them out of what they keep; and `hasOwn`, how they and the validators ask for an
// own key.

/**
 * `Object.hasOwn(value, key)`, which browsers lack before Chrome 93, Firefox 92 and Safari 15.4: the
 * validators (and the client with `validate` on) call this on every check, so the older way.
 */
export function hasOwn(value: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** `__proto__`, or `constructor` holding a `prototype`. */
export function isPoisonKey(key: string, value: unknown): boolean {
  if (key === "__proto__") return true;
  return key === "constructor" && value !== null && typeof value === "object" && hasOwn(value, "prototype");
}
