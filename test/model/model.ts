// A simple model of the documented rules of both update endpoints, written from the docs
// (../shared/reference, docs/server.md) and the spec (generated/openapi.json: descriptions,
// `x-puffle-normalize`, `x-puffle-behaviour`), NOT from the server's store or the generated
// normalizer: the model-based test compares the reference server with it, so it must be able to
// disagree. Only the column lists and the 415 examples' wording are read from the spec.
//
// Rules modelled (in the order of the behaviour table of docs/server.md):
//   405 for another method (before anything else, whatever the body and its headers); 401 without
//   a known bearer token; 400 for an id that is not a UUID; 415 for a body not sent as JSON (even
//   with a content coding: the media type's 415, no `Accept-Encoding`), for a JSON body whose
//   `charset` is not UTF-8 (`utf-8` and the other WHATWG labels for UTF-8, any case, quoted or not,
//   are plain JSON) and for a JSON body with a content coding (a `Content-Encoding` other than
//   `identity`; `identity` alone is plain JSON) — `unsupported-media-type`, the `detail` worded as
//   the spec's 415 examples and naming the charset or the codings as sent, `Accept-Encoding:
//   identity` on the coding's 415 and on no other response; 400 for a body that is not a JSON
//   object or nests too deep; unknown fields and invalid values dropped, `participant_email`
//   lowercased, 400 when nothing valid remains; 404 for a missing id and another user's record
//   alike; (threads) a non-null `account_id` must be a ready email sender of the caller's workspace
//   (400), `null` clears it; (threads) changing `account_id` on an email thread to a sender that
//   already has a non-archived, non-warmup thread with the thread's (new) `participant_email` is a
//   409 naming such a thread; otherwise 200 with the whole record, only the fields sent changed and
//   `updated_at` strictly later. Errors change nothing.
//   Not modelled: which of the two 415s answers a body with both an unsupported charset and a
//   content coding (the docs do not order them; the test never sends both).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const spec = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8")) as {
  components: {
    schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    examples: Record<string, { value?: { detail?: unknown } }>;
  };
};

/**
 * Every column `updateConversation` returns: the spec's `ConversationRow.properties`, which
 * `Conversation` is made of (it requires those the docs show; a column added beside them is
 * returned all the same).
 */
export const CONVERSATION_COLUMNS: readonly string[] = Object.keys(spec.components.schemas.ConversationRow?.properties ?? {});
/** The draft columns a thread adds (the spec's `ThreadDraft.properties`). */
export const DRAFT_COLUMNS: readonly string[] = Object.keys(spec.components.schemas.ThreadDraft?.properties ?? {});
// Read from the spec, not counted: a column added to the spec is no reason for the model to refuse to load.
if (CONVERSATION_COLUMNS.length === 0 || DRAFT_COLUMNS.length === 0) throw new Error("model: no ConversationRow.properties or ThreadDraft.properties in generated/openapi.json");

export type Op = "updateConversation" | "updateThread";

/** The fields each operation accepts (the request schemas' properties). */
export const FIELDS: Record<Op, readonly string[]> = {
  updateConversation: Object.keys(spec.components.schemas.UpdateConversationRequest?.properties ?? {}),
  updateThread: Object.keys(spec.components.schemas.UpdateThreadRequest?.properties ?? {}),
};

const PROBLEM = (slug: string) => `https://app.puffle.ai/problems/${slug}`;

/** The `detail` of one of the spec's 415 examples (`components.examples`). */
function exampleDetail(name: string): string {
  const detail = spec.components.examples[name]?.value?.detail;
  if (typeof detail !== "string") throw new Error(`model: no ${name} example with a detail in generated/openapi.json`);
  return detail;
}
/**
 * A detail worded as a spec example that names something in quotes (`charset "utf-16"`,
 * `Content-Encoding "gzip"`), naming `names` instead: each JSON-quoted, several joined by ", " as
 * a Content-Encoding list is.
 */
function namingDetail(name: string): (names: readonly string[]) => string {
  const detail = exampleDetail(name);
  const quoted = /"[^"]*"/.exec(detail);
  if (quoted === null) throw new Error(`model: the ${name} example's detail names nothing in quotes: ${detail}`);
  return (names) => detail.slice(0, quoted.index) + names.map((n) => JSON.stringify(n)).join(", ") + detail.slice(quoted.index + quoted[0].length);
}
/** The 415 details, as the spec's examples word them. */
const DETAIL_415 = {
  notJson: exampleDetail("UnsupportedMediaTypeProblem"),
  charset: namingDetail("UnsupportedCharsetProblem"),
  contentEncoding: namingDetail("UnsupportedContentEncodingProblem"),
};

export type Row = Record<string, unknown> & {
  id: string;
  user_id: string;
  account_id: string | null;
  channel: string;
  status: string;
  participant_email: string | null;
  updated_at: string;
  warmup: boolean;
};

export interface ModelUser {
  id: string;
  token: string;
  workspace_id: string;
}

export interface ModelAccount {
  id: string;
  workspace_id: string;
  channel: string;
  status: string;
}

export interface Model {
  users: ModelUser[];
  accounts: ModelAccount[];
  /** Keyed by the lowercased id: UUIDs compare case-insensitively. */
  rows: Map<string, Row>;
}

/** A value sent for one member of a JSON body, and whether the request schema accepts it. */
export interface SentValue {
  value: unknown;
  valid: boolean;
}

/**
 * How a body is declared, when not plainly (`PATCH`, `Content-Type: application/json`, no
 * `Content-Encoding`): labelled by construction with what the docs say of it (check 4 of
 * docs/server.md), not worked out from the headers by the model.
 */
export interface Wire {
  /** The command kind, for the counts: which variant of check 4 it is. */
  label: WireKind;
  method: string;
  contentType: string;
  /** Whether `contentType` names `application/json`. */
  json: boolean;
  /** The charset `contentType` names that is not UTF-8, as sent (unquoted); null when every charset it names is UTF-8, or it names none. */
  badCharset: string | null;
  /** The Content-Encoding header, or null for none. */
  contentEncoding: string | null;
  /** The content codings in it other than `identity`, as sent, in order: empty when the body has none. */
  codings: readonly string[];
}

/** Variants of check 4 sent with a JSON object body. */
export type WireKind = "non-utf8-charset" | "utf8-label" | "content-coding" | "identity-coding" | "not-json-coded";

/** A request as the model sees it. */
export type Request =
  | { kind: "json"; op: Op; token: string | null; id: string; fields: ReadonlyArray<readonly [string, SentValue]>; wire?: Wire }
  | { kind: "raw"; op: Op; token: string | null; id: string; raw: RawKind };

/** Requests that never reach the update rules. */
export type RawKind =
  | "invalid-json" | "array-body" | "null-body" | "string-body" | "empty-body" | "too-deep"
  | "text-plain" | "no-token" | "unknown-token" | "malformed-authorization" | "bad-id" | "other-method";

export type Prediction =
  | { status: 200; record: Record<string, unknown>; next: Row }
  | { status: 400 | 401 | 404 | 405; type: string }
  /** `cause`: what check 4 refused; `acceptEncoding`: the `Accept-Encoding` header the 415 carries (null: none). */
  | { status: 415; type: string; cause: "media type" | "charset" | "content coding"; detail: string; acceptEncoding: string | null }
  | { status: 409; candidates: Row[] };

const ID_PATTERN = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
const lower = (s: string | null) => (s === null ? null : s.toLowerCase());

export function initialModel(seed: {
  users: ModelUser[];
  accounts: ModelAccount[];
  conversations: Array<Record<string, unknown>>;
}): Model {
  const rows = new Map<string, Row>();
  for (const c of seed.conversations) {
    const row: Record<string, unknown> = {};
    for (const column of CONVERSATION_COLUMNS) row[column] = structuredClone(c[column]);
    for (const column of DRAFT_COLUMNS) row[column] = structuredClone(c[column] ?? null);
    row.warmup = c.warmup === true;
    rows.set(String(c.id).toLowerCase(), row as Row);
  }
  return {
    users: seed.users.map((u) => ({ id: u.id, token: u.token, workspace_id: u.workspace_id })),
    accounts: seed.accounts.map((a) => ({ id: a.id, workspace_id: a.workspace_id, channel: a.channel, status: a.status })),
    rows,
  };
}

/** The record as an operation returns it: every conversation column, plus every draft column for threads. */
export function view(op: Op, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of CONVERSATION_COLUMNS) out[column] = row[column];
  if (op === "updateThread") for (const column of DRAFT_COLUMNS) out[column] = row[column];
  return structuredClone(out);
}

function unsupported(cause: "media type" | "charset" | "content coding", detail: string, acceptEncoding: string | null): Prediction {
  return { status: 415, type: PROBLEM("unsupported-media-type"), cause, detail, acceptEncoding };
}

/** What the server must answer to `request` in state `model` (for 200, `updated_at` is left as it was). */
export function predict(model: Model, request: Request): Prediction {
  // Another method is answered first, whatever the token, id and body (405 with Allow: PATCH).
  if (request.kind === "raw" && request.raw === "other-method") return { status: 405, type: PROBLEM("method-not-allowed") };
  if (request.kind === "json" && request.wire !== undefined && request.wire.method !== "PATCH") return { status: 405, type: PROBLEM("method-not-allowed") };
  const user = model.users.find((u) => u.token === request.token);
  if (request.kind === "raw" && (request.raw === "no-token" || request.raw === "unknown-token" || request.raw === "malformed-authorization")) {
    return { status: 401, type: PROBLEM("unauthorized") };
  }
  if (user === undefined) return { status: 401, type: PROBLEM("unauthorized") };
  if (!ID_PATTERN.test(request.id)) return { status: 400, type: PROBLEM("invalid-request") };
  if (request.kind === "raw") {
    if (request.raw === "text-plain") return unsupported("media type", DETAIL_415.notJson, null);
    return { status: 400, type: PROBLEM("invalid-request") };
  }
  // Check 4: the body is read only when it is JSON in UTF-8 without a content coding.
  const wire = request.wire;
  if (wire !== undefined) {
    if (!wire.json) return unsupported("media type", DETAIL_415.notJson, null);
    if (wire.badCharset !== null) return unsupported("charset", DETAIL_415.charset([wire.badCharset]), null);
    if (wire.codings.length > 0) return unsupported("content coding", DETAIL_415.contentEncoding(wire.codings), "identity");
  }

  // Normalization: only the operation's fields, only valid values; later duplicates win (JSON.parse).
  const patch: Record<string, unknown> = {};
  for (const [key, sent] of request.fields) {
    if (!FIELDS[request.op].includes(key)) continue;
    if (!sent.valid) {
      delete patch[key];
      continue;
    }
    patch[key] = key === "participant_email" ? String(sent.value).toLowerCase() : structuredClone(sent.value);
  }
  if (Object.keys(patch).length === 0) return { status: 400, type: PROBLEM("invalid-request") };

  const row = model.rows.get(request.id.toLowerCase());
  if (row === undefined || row.user_id !== user.id) return { status: 404, type: PROBLEM("not-found") };

  const next: Row = { ...row, ...patch } as Row;
  if (request.op === "updateThread" && Object.hasOwn(patch, "account_id") && patch.account_id !== null) {
    const account = model.accounts.find((a) => a.id.toLowerCase() === String(patch.account_id).toLowerCase());
    if (account === undefined || account.channel !== "email" || account.status !== "ready" || account.workspace_id !== user.workspace_id) {
      return { status: 400, type: PROBLEM("invalid-sender-account") };
    }
    next.account_id = account.id; // the account the id names
  }
  if (request.op === "updateThread" && Object.hasOwn(patch, "account_id") && next.account_id !== null
    && lower(next.account_id) !== lower(row.account_id) && next.channel === "email" && next.participant_email !== null) {
    const candidates = [...model.rows.values()].filter((other) => other.id !== row.id
      && other.account_id !== null && lower(other.account_id) === lower(next.account_id)
      && other.participant_email === next.participant_email
      && other.status !== "archived" && !other.warmup);
    if (candidates.length > 0) return { status: 409, candidates };
  }
  return { status: 200, record: view(request.op, next), next };
}
