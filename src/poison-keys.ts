// The keys that reach a prototype when a value is merged naively into another: shared by the
// reference server's JSON parsing (src/server/json.ts) and `normalizeRequestBody` (src/validators.ts),
// which both leave them out of what they keep.

/** `__proto__`, or `constructor` holding a `prototype`. */
export function isPoisonKey(key: string, value: unknown): boolean {
  if (key === "__proto__") return true;
  return key === "constructor" && value !== null && typeof value === "object" && Object.hasOwn(value, "prototype");
}
