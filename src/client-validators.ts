// What the client loads on demand (see `loadValidators` in client.ts): only the validators it calls,
// so that a bundler's lazy chunk holds those and not every schema of the spec.
export { validatePathParams, validateRequestBody, validateResponseBody } from "./validators.js";
export { validateDuplicateThreadProblem, validateProblem } from "../generated/validators.js";
