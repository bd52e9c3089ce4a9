// The `puffle-api` entry: the typed client and every type of the spec, under its component name.
export { createPuffleClient, PuffleConfigError, DEFAULT_BASE_URL } from "./client.js";
export type { PuffleClient, PuffleClientOptions, Middleware } from "./client.js";
export type * from "../generated/schema.js";
export type { OperationId, RequestBody, ResponseBody, ResponseStatus, PathParams, ValidationIssue, ValidationResult, NormalizeResult } from "./validators.js";
