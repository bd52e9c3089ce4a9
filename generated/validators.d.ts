// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
import type { components } from "./schema.js";
/** One error of an AJV validate function, as AJV reports it (`schemas.Conversation.errors`). */
export interface AjvError {
  /** JSON Pointer to the value that failed, `""` for the value itself (`/thread/status`). */
  instancePath: string;
  /** Where the rule is in the schema (`#/required`, `urn:puffle:schema:StatusUpdate/enum`). */
  schemaPath: string;
  /** The JSON Schema keyword that failed (`type`, `enum`, `required`, …). */
  keyword: string;
  /** The keyword's details (`allowedValues` for `enum`, `missingProperty` for `required`, …). */
  params: Record<string, unknown>;
  /** AJV's sentence (`must be equal to one of the allowed values`). */
  message?: string;
}
/** An AJV validate function: true when `data` is valid; otherwise the reasons are in `errors`. */
export interface ValidateFunction {
  (data: unknown): boolean;
  /** The last call's errors (the first 1,000 at most), `null` when the value was valid. */
  errors?: AjvError[] | null;
}
/**
 * A component schema's validate function (`schemas.Thread`): a `ValidateFunction` that narrows a
 * value not yet typed as `T` (`unknown`, a wider union) to `T` where it returns true, as AJV's own
 * types do. A value already typed `T`, `T | null | undefined` or `any` is left as it is either way,
 * so the false branch of re-checking a typed value is not `never` (nor `undefined`).
 */
export interface SchemaValidateFunction<T> {
  (data: T | null | undefined): boolean;
  (data: unknown): data is T;
  /** The last call's errors (the first 1,000 at most), `null` when the value was valid. */
  errors?: AjvError[] | null;
}
/** One reason a value was rejected: `path` is a JSON Pointer to the offending value. */
export interface Issue {
  path: string;
  keyword: string;
  message: string;
}
/**
 * An operation's validate function: true when `data` is valid; otherwise the reasons are in
 * `errors`, as issues (before duplicates are merged), their paths relative to `data`.
 */
export interface IssueFunction {
  (data: unknown): boolean;
  errors?: Issue[] | null;
}
export interface RequestField {
  readonly validate: IssueFunction;
  readonly transform: "lowercase" | null;
}
/** The API's documented leniency for a request body (`x-puffle-normalize`). */
export interface NormalizeRule {
  readonly unknownProperties: "drop" | "reject";
  readonly invalidProperties: "drop" | "reject";
  readonly minValidProperties: number;
  readonly emptyStatus: number;
  /** At most this many errors in a 400 (`x-puffle-normalize.maxErrors`). */
  readonly maxErrors: number;
  /** The deepest nesting the API reads (`x-puffle-behaviour.maxBodyDepth`; the body is level 1): a deeper body is its 400 `maxDepth`. */
  readonly maxDepth: number | null;
}
/** Validates a `Channel` (components/schemas/Channel). */
export declare const validateChannel: ValidateFunction;
/** Validates a `Conversation` (components/schemas/Conversation). */
export declare const validateConversation: ValidateFunction;
/** Validates a `ConversationRow` (components/schemas/ConversationRow). */
export declare const validateConversationRow: ValidateFunction;
/** Validates a `ConversationStatus` (components/schemas/ConversationStatus). */
export declare const validateConversationStatus: ValidateFunction;
/** Validates a `DraftAttachment` (components/schemas/DraftAttachment). */
export declare const validateDraftAttachment: ValidateFunction;
/** Validates a `DuplicateThreadProblem` (components/schemas/DuplicateThreadProblem). */
export declare const validateDuplicateThreadProblem: ValidateFunction;
/** Validates a `Problem` (components/schemas/Problem). */
export declare const validateProblem: ValidateFunction;
/** Validates a `StatusUpdate` (components/schemas/StatusUpdate). */
export declare const validateStatusUpdate: ValidateFunction;
/** Validates a `Thread` (components/schemas/Thread). */
export declare const validateThread: ValidateFunction;
/** Validates a `ThreadDraft` (components/schemas/ThreadDraft). */
export declare const validateThreadDraft: ValidateFunction;
/** Validates a `UnreadCount` (components/schemas/UnreadCount). */
export declare const validateUnreadCount: ValidateFunction;
/** Validates a `UpdateConversationRequest` (components/schemas/UpdateConversationRequest). */
export declare const validateUpdateConversationRequest: ValidateFunction;
/** Validates a `UpdateConversationResponse` (components/schemas/UpdateConversationResponse). */
export declare const validateUpdateConversationResponse: ValidateFunction;
/** Validates a `UpdateThreadRequest` (components/schemas/UpdateThreadRequest). */
export declare const validateUpdateThreadRequest: ValidateFunction;
/** Validates a `UpdateThreadResponse` (components/schemas/UpdateThreadResponse). */
export declare const validateUpdateThreadResponse: ValidateFunction;
/** Validates a `Uuid` (components/schemas/Uuid). */
export declare const validateUuid: ValidateFunction;
/** Validates a `ValidationError` (components/schemas/ValidationError). */
export declare const validateValidationError: ValidateFunction;
/** One AJV validate function per component schema, by its name: `schemas.Conversation(value)` is true (and `value` a `Conversation`) or sets `schemas.Conversation.errors`. */
export declare const schemas: {
  readonly "Channel": SchemaValidateFunction<components["schemas"]["Channel"]>;
  readonly "Conversation": SchemaValidateFunction<components["schemas"]["Conversation"]>;
  readonly "ConversationRow": SchemaValidateFunction<components["schemas"]["ConversationRow"]>;
  readonly "ConversationStatus": SchemaValidateFunction<components["schemas"]["ConversationStatus"]>;
  readonly "DraftAttachment": SchemaValidateFunction<components["schemas"]["DraftAttachment"]>;
  readonly "DuplicateThreadProblem": SchemaValidateFunction<components["schemas"]["DuplicateThreadProblem"]>;
  readonly "Problem": SchemaValidateFunction<components["schemas"]["Problem"]>;
  readonly "StatusUpdate": SchemaValidateFunction<components["schemas"]["StatusUpdate"]>;
  readonly "Thread": SchemaValidateFunction<components["schemas"]["Thread"]>;
  readonly "ThreadDraft": SchemaValidateFunction<components["schemas"]["ThreadDraft"]>;
  readonly "UnreadCount": SchemaValidateFunction<components["schemas"]["UnreadCount"]>;
  readonly "UpdateConversationRequest": SchemaValidateFunction<components["schemas"]["UpdateConversationRequest"]>;
  readonly "UpdateConversationResponse": SchemaValidateFunction<components["schemas"]["UpdateConversationResponse"]>;
  readonly "UpdateThreadRequest": SchemaValidateFunction<components["schemas"]["UpdateThreadRequest"]>;
  readonly "UpdateThreadResponse": SchemaValidateFunction<components["schemas"]["UpdateThreadResponse"]>;
  readonly "Uuid": SchemaValidateFunction<components["schemas"]["Uuid"]>;
  readonly "ValidationError": SchemaValidateFunction<components["schemas"]["ValidationError"]>;
};
/** The outcome of a check* entry: the value when valid, otherwise its issues (duplicates not yet merged). */
export type CheckResult = { valid: true; value: unknown } | { valid: false; errors: Issue[] };
export declare function checkRequestBody(operationId: string, body: unknown): CheckResult | null | undefined;
export declare function checkPathParams(operationId: string, params: unknown): CheckResult | undefined;
export declare function checkResponseBody(operationId: string, status: string, body: unknown): CheckResult | null | undefined;
/** UpdateConversation's request body. */
export declare function checkUpdateConversationRequest(body: unknown): CheckResult;
/** UpdateConversation's path parameters. */
export declare function checkUpdateConversationParams(params: unknown): CheckResult;
/** The body of updateConversation's 200 response. */
export declare function checkUpdateConversationResponse200(body: unknown): CheckResult;
/** The body of updateConversation's 400 response. */
export declare function checkUpdateConversationResponse400(body: unknown): CheckResult;
/** The body of updateConversation's 401 response. */
export declare function checkUpdateConversationResponse401(body: unknown): CheckResult;
/** The body of updateConversation's 404 response. */
export declare function checkUpdateConversationResponse404(body: unknown): CheckResult;
/** The body of updateConversation's 413 response. */
export declare function checkUpdateConversationResponse413(body: unknown): CheckResult;
/** The body of updateConversation's 415 response. */
export declare function checkUpdateConversationResponse415(body: unknown): CheckResult;
/** UpdateThread's request body. */
export declare function checkUpdateThreadRequest(body: unknown): CheckResult;
/** UpdateThread's path parameters. */
export declare function checkUpdateThreadParams(params: unknown): CheckResult;
/** The body of updateThread's 200 response. */
export declare function checkUpdateThreadResponse200(body: unknown): CheckResult;
/** The body of updateThread's 400 response. */
export declare function checkUpdateThreadResponse400(body: unknown): CheckResult;
/** The body of updateThread's 401 response. */
export declare function checkUpdateThreadResponse401(body: unknown): CheckResult;
/** The body of updateThread's 404 response. */
export declare function checkUpdateThreadResponse404(body: unknown): CheckResult;
/** The body of updateThread's 409 response. */
export declare function checkUpdateThreadResponse409(body: unknown): CheckResult;
/** The body of updateThread's 413 response. */
export declare function checkUpdateThreadResponse413(body: unknown): CheckResult;
/** The body of updateThread's 415 response. */
export declare function checkUpdateThreadResponse415(body: unknown): CheckResult;
export declare const operationIds: readonly ["updateConversation", "updateThread"];
/** Each operation's documented response statuses (the keys of its `responses`). */
export declare const responseStatuses: {
  readonly "updateConversation": readonly ["200", "400", "401", "404", "413", "415"];
  readonly "updateThread": readonly ["200", "400", "401", "404", "409", "413", "415"];
};
/** The spec's patterns the validators check, each with its rule in words: what a `pattern` issue says in place of `must match pattern "…"`. */
export declare const patternRules: { readonly [pattern: string]: string };
/** Each operation's body limits (`x-puffle-behaviour.maxBodyBytes`, `maxBodyDepth`; null when it declares none), without the validators. */
export declare const bodyLimits: {
  readonly "updateConversation": { readonly maxBodyBytes: number; readonly maxBodyDepth: number };
  readonly "updateThread": { readonly maxBodyBytes: number; readonly maxBodyDepth: number };
};
export declare const operations: {
  readonly "updateConversation": {
    readonly pathParams: IssueFunction;
    readonly requestBody: IssueFunction;
    readonly requestFields: {
      readonly "status": RequestField;
      readonly "unread_count": RequestField;
    };
    readonly normalize: NormalizeRule;
    readonly responses: {
      readonly "200": IssueFunction;
      readonly "400": IssueFunction;
      readonly "401": IssueFunction;
      readonly "404": IssueFunction;
      readonly "413": IssueFunction;
      readonly "415": IssueFunction;
    };
  };
  readonly "updateThread": {
    readonly pathParams: IssueFunction;
    readonly requestBody: IssueFunction;
    readonly requestFields: {
      readonly "account_id": RequestField;
      readonly "draft_attachments": RequestField;
      readonly "draft_bcc": RequestField;
      readonly "draft_body_html": RequestField;
      readonly "draft_body_text": RequestField;
      readonly "draft_cc": RequestField;
      readonly "draft_subject": RequestField;
      readonly "participant_email": RequestField;
      readonly "participant_name": RequestField;
      readonly "status": RequestField;
      readonly "unread_count": RequestField;
    };
    readonly normalize: NormalizeRule;
    readonly responses: {
      readonly "200": IssueFunction;
      readonly "400": IssueFunction;
      readonly "401": IssueFunction;
      readonly "404": IssueFunction;
      readonly "409": IssueFunction;
      readonly "413": IssueFunction;
      readonly "415": IssueFunction;
    };
  };
};
