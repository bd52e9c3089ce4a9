// JSON Pointer (RFC 6901) reference tokens: shared by the validators' issue paths
// (src/validators.ts) and the reference server's JSON parsing (src/server/json.ts).

/** One reference token of a JSON Pointer: `~` as `~0`, then `/` as `~1` (`a~/b` → `a~0~1b`). */
export function escapePointer(segment: string): string {
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}
