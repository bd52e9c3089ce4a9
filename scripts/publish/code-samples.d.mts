// Types of code-samples.mjs, for the tests in test/publish/.
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
export interface OperationSamples {
  operationId: string;
  path: string;
  method: string;
  id: string;
  body: Record<string, unknown>;
  exampleName: string;
  member: string;
  serverUrl: string;
  samples: CodeSample[];
}
// The spec is plain parsed JSON: its shape is the OpenAPI document's, read loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
export function deref(spec: Json, node: Json): Json;
export function operationsOf(spec: Json): { path: string; method: string; operation: Json; pathItem: Json }[];
export function shellQuote(value: unknown): string;
export function buildCodeSamples(spec: Json): OperationSamples[];
export function decorateWithCodeSamples(spec: Json): Json;
