// Types of breaking-rules.mjs, for test/publish/diff.test.ts.
export interface Finding {
  rule: "narrowed-bound" | "new-required-field" | "removed-enum-value" | "removed-response-field" | "response-field-optional";
  side: "request" | "response";
  where: string;
  message: string;
}
/** A spec the rules cannot read (a `$ref` outside the spec, a malformed object); the message names the spec and the place. */
export class SpecShapeError extends Error {}
/** Runs every rule on two bundled specs (parsed JSON); returns what is breaking (empty: nothing found). */
export function breakingChanges(base: unknown, head: unknown): Finding[];
