// Types of breaking-rules.mjs, for test/publish/diff.test.ts.
export type Severity = "breaking" | "review" | "notable";
export type Rule = keyof typeof SEVERITY;
export interface Finding {
  rule: Rule;
  /** breaking: exit 1, a new major; review: exit 1, a person decides; notable: printed, exit 0. */
  severity: Severity;
  side: "request" | "response" | "operation" | "package";
  where: string;
  message: string;
}
/** Each rule's severity. */
export declare const SEVERITY: {
  "narrowed-bound": "breaking";
  "new-required-field": "breaking";
  "removed-request-field": "breaking";
  "changed-pattern": "breaking";
  "changed-format": "breaking";
  "closed-object": "breaking";
  "new-constraint": "breaking";
  "new-enum": "breaking";
  "removed-enum-value": "breaking";
  "removed-response-field": "breaking";
  "response-field-optional": "breaking";
  "response-enum-removed": "breaking";
  "response-enum-value-added": "breaking";
  "response-type-widened": "breaking";
  "removed-media-type": "breaking";
  "changed-operation-id": "breaking";
  "removed-security": "breaking";
  "removed-response-header": "breaking";
  "response-header-optional": "breaking";
  "changed-serialization": "breaking";
  "removed-component": "breaking";
  "response-widened-bound": "notable";
  "response-changed-pattern": "notable";
  "response-changed-format": "notable";
  "response-removed-constraint": "notable";
  "response-opened-object": "notable";
  "new-response-status": "notable";
  "new-request-field": "notable";
  "new-response-field": "notable";
  "request-enum-value-added": "notable";
  "removed-parameter": "notable";
  "response-header-widened": "notable";
  "unexamined-keyword": "review";
  "changed-security-scheme": "review";
  "unexamined-content": "review";
};
/** A spec the rules cannot read (a `$ref` outside the spec, a malformed object); the message names the spec and the place. */
export class SpecShapeError extends Error {}
/** Runs every rule on two bundled specs (parsed JSON); returns every finding, breaking or not (empty: nothing found). */
export function breakingChanges(base: unknown, head: unknown): Finding[];
