// Types of schema-descriptions.mjs, for the tests in test/publish/.
// The spec is plain parsed JSON: its shape is the OpenAPI document's, read loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
export function sentences(text: string): string[];
export function joinDescriptions(own: string | undefined, more: readonly string[]): string | undefined;
export function withSchemaDescriptions(spec: Json): Json;
