// The `puffle-api` entry: the typed client, its errors, and every type of the spec, under its component name.
export {
  createPuffleClient,
  PuffleConfigError,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAYS,
  DEFAULT_MAX_RESPONSE_BYTES,
  MAX_RETRIES_LIMIT,
  parseRetryAfter,
} from "./client.js";
export type { PuffleClient, PuffleClientOptions, PuffleHeaders, PuffleRawClient, PuffleRequestOptions, PuffleRetryOptions, ValidateMode, Middleware, PatchPath, StrictPatch, StrictRequest, ClientMethod, ClientRequestMethod, FetchOptions, FetchResponse, PuffleFetchResponse, ParseAs } from "./client.js";
export {
  PuffleError,
  PuffleValidationError,
  PuffleApiError,
  PuffleNetworkError,
  PuffleTimeoutError,
  PuffleAbortError,
  isDuplicateThreadError,
  fieldOfPointer,
} from "./errors.js";
export type { DuplicateThreadError, ValidationTarget } from "./errors.js";
export type * from "../generated/schema.js";
export type { OperationId, RequestBody, ResponseBody, ResponseStatus, PathParams, ValidationIssue, ValidationResult, NormalizeResult } from "./validators.js";
