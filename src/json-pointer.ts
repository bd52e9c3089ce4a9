// JSON Pointer (RFC 6901) reference tokens: shared by the validators' issue paths
// (src/validators.ts), the reference server's JSON parsing (src/server/json.ts), and the readers of
// issue paths (src/errors.ts's fieldOfPointer, the CLI's value of an issue).

/** One reference token of a JSON Pointer: `~` as `~0`, then `/` as `~1` (`a~/b` → `a~0~1b`). */
export function escapePointer(segment: string): string {
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

/** The reference tokens of a JSON Pointer, unescaped (`/a~0~1b/0` → `["a~/b", "0"]`; `""` → none). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}
