// The reference server's fixture format (docs/server.md), its validation and loading.
// Conversation records are checked with the generated validators of the spec's own schemas, so a
// seed can only hold rows the API could return.
import { schemas, toIssues, validatePathParams } from "../validators.js";
import type { OperationId, RequestBody } from "../validators.js";
import type { Channel, Conversation, ConversationRow, ThreadDraft } from "../../generated/schema.js";
import { blankness, readAtMost, utf8Text } from "../utf8.js";
import { MAX_ISSUES, quoted, shown } from "../errors.js";
import { jsonSyntaxProblem } from "../json-syntax.js";
import { sanitizeJson } from "./json.js";

/** A sender account's state: only a `ready` one may be chosen as a thread's sender (the others are a 400). */
export type AccountStatus = "ready" | "pending" | "disconnected";
const ACCOUNT_STATUSES: readonly AccountStatus[] = ["ready", "pending", "disconnected"];

/** A workspace: each user and account belongs to one. */
export interface SeedWorkspace {
  /** A UUID, unique in the seed. */
  id: string;
  /** Non-empty text. */
  name: string;
}

/** A user: its bearer `token` authenticates as it, and it owns the conversations whose `user_id` is its `id`. */
export interface SeedUser {
  /** A UUID, unique in the seed. */
  id: string;
  /** Non-empty text (`"Alice"`). */
  name: string;
  /** The bearer token that authenticates as this user. */
  token: string;
  /** The id of a workspace of the seed: the ready email accounts of that workspace are the senders this user may choose. */
  workspace_id: string;
}

/** A sender account of a workspace. Only `channel: "email"` with `status: "ready"` may be chosen as a thread's sender. */
export interface SeedAccount {
  /** A UUID, unique in the seed: what a conversation's `account_id` names. */
  id: string;
  /** The id of a workspace of the seed. */
  workspace_id: string;
  /** `"email"` or `"linkedin"`. */
  channel: Channel;
  /** `"ready"`, `"pending"` or `"disconnected"`. */
  status: AccountStatus;
  /** The sender's address (informational). */
  email?: string | null | undefined;
}

/** One `conversations` row: every conversation column, the draft columns (default null) and `warmup` (default false). */
export type SeedConversation = Required<{ [K in keyof Conversation]: Conversation[K] }> & ThreadDraft & {
  /** A warmup thread never counts as a duplicate recipient. Not returned by the API. */
  warmup?: boolean | undefined;
};

/**
 * The reference server's data, in the `--data FILE` format (docs/server.md, "The fixture (seed)
 * format"): validateSeed checks one, loadSeed reads one from a file.
 */
export interface Seed {
  /** Free text about the data. */
  description?: string | undefined;
  /** The workspaces the users and accounts belong to. */
  workspaces: SeedWorkspace[];
  /** The users, each with a bearer token of its own. */
  users: SeedUser[];
  /** The sender accounts. */
  accounts: SeedAccount[];
  /** The rows both endpoints update: a conversation and the thread of the same id are one row. */
  conversations: SeedConversation[];
}

/** The most problems a `SeedError` lists; the others are counted (`more`). */
export const MAX_SEED_ISSUES = 100;

/**
 * A seed that cannot be used; `issues` lists the problems (the first `MAX_SEED_ISSUES`), each naming
 * the field and the rule, and `more` counts those found beyond them.
 */
export class SeedError extends Error {
  /** The problems, each naming the field and the rule (`conversations[1].status: must be one of …`): the first 100. */
  readonly issues: readonly string[];
  /** How many problems were found beyond `issues` (0 when it lists them all); at least that many when `moreAtLeast`. */
  readonly more: number;
  /**
   * Whether there may be more problems than `issues` and `more` count: a record's check against the
   * spec's schema stops at its first 1,000 problems (a `draft_attachments` of 3,000 non-objects is
   * counted as 1,000). The message then says `and at least N more`.
   */
  readonly moreAtLeast: boolean;
  /**
   * `source` names where the seed came from: a file (`my-seed.json is not a valid seed:`), or
   * undefined for a value (`the seed is not valid:`).
   */
  constructor(source: string | undefined, issues: readonly string[], more = 0, moreAtLeast = false) {
    super(`${source === undefined ? "the seed is not valid" : `${source} is not a valid seed`}:\n${issues.map((issue) => `  - ${issue}`).join("\n")}${more > 0 ? `\n  - and ${moreAtLeast ? "at least " : ""}${more} more` : ""}`);
    this.name = "SeedError";
    this.issues = issues;
    this.more = more;
    this.moreAtLeast = more > 0 && moreAtLeast;
  }
}

export const CONVERSATION_COLUMNS = [
  "id", "user_id", "account_id", "channel", "status", "external_id", "participant_name", "participant_email",
  "participant_linkedin_url", "last_message_at", "unread_count", "created_at", "updated_at",
] as const satisfies readonly (keyof Conversation)[];

export const DRAFT_COLUMNS = [
  "draft_subject", "draft_body_text", "draft_body_html", "draft_cc", "draft_bcc", "draft_attachments",
] as const satisfies readonly (keyof ThreadDraft)[];

// The column lists, the views (store.ts) and the JSON writer (record-json.ts) are written by hand,
// not generated. A property of the spec's `ConversationRow` or `ThreadDraft`, or a request field of
// an operation, that they do not list is a type error here naming it (a property missing from this
// object), instead of a field the seed refuses and, for a request field, a 500 for every request
// that sends it. What to edit: openapi/README.md, "Adding a field".
type NotAColumn =
  | Exclude<keyof ConversationRow, (typeof CONVERSATION_COLUMNS)[number]>
  | Exclude<keyof ThreadDraft, (typeof DRAFT_COLUMNS)[number]>
  | Exclude<RequestFieldOf<OperationId>, (typeof CONVERSATION_COLUMNS)[number] | (typeof DRAFT_COLUMNS)[number]>;
type RequestFieldOf<Op> = Op extends OperationId ? keyof RequestBody<Op> : never;
const everySpecFieldIsAColumn: { readonly [K in NotAColumn]: "add it to CONVERSATION_COLUMNS or DRAFT_COLUMNS (src/server/seed.ts), see openapi/README.md" } = {};
void everySpecFieldIsAColumn;

const TOP_LEVEL = ["description", "workspaces", "users", "accounts", "conversations"];
const TOKEN_PATTERN = /^[A-Za-z0-9\-._~+/]+=*$/;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A value as an issue's `(got …)` shows it, on one line and cut as the client's and the launchers'
 * messages cut a value (`quoted`, `shown`: at most 200 characters): a string quoted (`"xxx…" (cut;
 * 100000 characters in all)`), a number or boolean as written, an array or object as its JSON, cut.
 * Shown whole, a megabyte-long id was a megabyte-long issue; a value JSON cannot write (a bigint, an
 * object holding itself, given to validateSeed) threw a TypeError in place of the SeedError.
 */
function show(value: unknown): string {
  if (typeof value === "string") return quoted(value);
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? `${value}n` : typeof value === "function" ? "a function" : typeof value === "symbol" ? "a symbol" : String(value);
  const what = Array.isArray(value) ? "an array" : "an object";
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // A cycle, a bigint inside, a throwing getter or toJSON: not JSON. Or JSON.stringify ran out of
    // stack (a RangeError): a value nested some thousands of levels deep, which a seed file can hold
    // (JSON.parse reads it), so "not JSON" would be untrue of it.
    return error instanceof RangeError ? `${what} nested too deep to show` : `${what} that is not JSON`;
  }
  return json === undefined ? `${what} that is not JSON` : shown(json);
}

/**
 * What a refused token is, without its text: a bearer token is a credential, and a real one pasted
 * into a seed (`"Bearer sk_live_…"`) was quoted whole on stderr and into a CI log. Its type, or the
 * characters no token may hold (the first five), which is what to fix.
 */
function gotToken(token: unknown): string {
  if (typeof token !== "string") {
    return `got ${token === undefined ? "nothing" : token === null ? "null" : Array.isArray(token) ? "an array" : typeof token === "object" ? "an object" : `a ${typeof token}`}`;
  }
  const text = token.replace(/=+$/, "");
  if (text === "") return token === "" ? "got an empty string" : "got only =";
  const bad: string[] = [];
  for (const char of text) {
    if (/[A-Za-z0-9\-._~+/]/.test(char) || bad.includes(char)) continue;
    bad.push(char);
    if (bad.length === 5) break;
  }
  return `got a token holding ${bad.map(show).join(", ")}; its text is not quoted`;
}

/**
 * A column's rule in words, by the spec's `format` for it: a date-time's `pattern` issue quoted the
 * regex (`must match pattern "^[0-9]{4}-…$"`) and its format's said `must match format
 * "date-time"`; a UUID column's the same (`must match pattern "^[0-9a-fA-F]{8}-…$"` for a
 * `urn:uuid:` one, which the format takes). A UUID column says `must be a UUID`, as the seed's other
 * ids do; any other format (date-time) says its pattern's rule as the generated validators word it
 * (`patternRules`, through toIssues), so that the seed, the 400 and `toIssues` say it alike.
 */
const FORMAT_RULES: Readonly<Record<string, string>> = { uuid: "must be a UUID" };

/**
 * The conversation columns the spec gives a `format` with a worded rule (FORMAT_RULES, or the
 * `pattern` the column carries beside it, in words), and that rule, as the generated validator
 * finds them: the columns whose text "not a date" it refuses by their format. A column the spec
 * adds with such a format is one here with no edit.
 */
let columnRules: ReadonlyMap<string, string> | undefined;

function columnRule(path: string): string | undefined {
  if (columnRules === undefined) {
    const probe = Object.fromEntries(CONVERSATION_COLUMNS.map((column) => [column, "not a date"]));
    const errors = schemas.Conversation(probe) ? [] : (schemas.Conversation.errors ?? []);
    const rules = new Map<string, string>();
    for (const e of errors) {
      if (e.keyword !== "format" || typeof e.params.format !== "string") continue;
      const pattern = errors.find((p) => p.keyword === "pattern" && p.instancePath === e.instancePath);
      const worded = pattern === undefined ? undefined : toIssues([pattern])[0];
      const rule = Object.hasOwn(FORMAT_RULES, e.params.format) ? FORMAT_RULES[e.params.format] : worded?.message;
      if (rule !== undefined && !rule.startsWith("must match pattern")) rules.set(e.instancePath, rule);
    }
    columnRules = rules;
  }
  return columnRules.get(path);
}

/**
 * Checks a seed and returns a normalized deep copy (draft columns filled with null, `warmup` with
 * false). Throws SeedError listing every problem, e.g. `conversations[2].status: must be one of …`.
 * `source` names the seed's file in the message (loadSeed); left out, the message says "the seed".
 */
export function validateSeed(input: unknown, source?: string): Seed {
  // The first MAX_SEED_ISSUES problems, then a count: a 64 MiB file of `"conversations":[1,1,…]`
  // has 32 million, whose lines (1.4 GB) exhausted the heap.
  const issues: string[] = [];
  let more = 0;
  // A generated validator lists a record's first MAX_ISSUES problems: one that listed that many may have found more.
  let atLeast = false;
  const fail = (field: string, message: string) => {
    if (issues.length < MAX_SEED_ISSUES) issues.push(`${field}: ${message}`);
    else more++;
  };
  const schemaIssues = (errors: Parameters<typeof toIssues>[0]) => {
    if ((errors?.length ?? 0) >= MAX_ISSUES) atLeast = true;
    return toIssues(errors);
  };
  if (!isObject(input)) throw new SeedError(source, [`(root): must be a JSON object with workspaces, users, accounts and conversations`]);
  for (const key of Object.keys(input)) {
    if (!TOP_LEVEL.includes(key)) fail(key, `is not a known field (known: ${TOP_LEVEL.join(", ")})`);
  }
  if (input.description !== undefined && typeof input.description !== "string") fail("description", "must be a string");

  const list = (name: string): Obj[] => {
    const value = input[name];
    if (!Array.isArray(value)) {
      fail(name, "must be an array");
      return [];
    }
    return value.flatMap((item, i) => {
      if (isObject(item)) return [item];
      fail(`${name}[${i}]`, "must be an object");
      return [];
    });
  };
  const checkKeys = (where: string, record: Obj, known: readonly string[]) => {
    for (const key of Object.keys(record)) if (!known.includes(key)) fail(`${where}.${key}`, `is not a known field (known: ${known.join(", ")})`);
  };
  const uuid = (where: string, value: unknown): value is string => {
    if (typeof value === "string" && schemas.Uuid(value)) return true;
    fail(where, `must be a UUID (got ${show(value)})`);
    return false;
  };
  const nonEmptyString = (where: string, value: unknown): value is string => {
    if (typeof value === "string" && value.trim() !== "") return true;
    fail(where, `must be a non-empty string (got ${show(value)})`);
    return false;
  };
  const unique = (where: string, seen: Set<string>, value: string, what: string) => {
    const key = value.toLowerCase();
    if (seen.has(key)) fail(where, `duplicate ${what} ${show(value)}`);
    seen.add(key);
  };

  const workspaces = list("workspaces");
  const users = list("users");
  const accounts = list("accounts");
  const conversations = list("conversations");

  const workspaceIds = new Set<string>();
  workspaces.forEach((w, i) => {
    const at = `workspaces[${i}]`;
    checkKeys(at, w, ["id", "name"]);
    if (uuid(`${at}.id`, w.id)) unique(`${at}.id`, workspaceIds, w.id, "workspace id");
    nonEmptyString(`${at}.name`, w.name);
  });

  // A user's (and an account's) workspace by its id: `null` when the record's own workspace_id is
  // the problem (listed there), so that its conversations are not also told the user or the account
  // is not in the seed, which it is.
  const userWorkspace = new Map<string, string | null>();
  // Each token and the user that has it: a duplicate names that user, not the token.
  const tokens = new Map<string, number>();
  const userIds = new Set<string>();
  users.forEach((u, i) => {
    const at = `users[${i}]`;
    checkKeys(at, u, ["id", "name", "token", "workspace_id"]);
    const idOk = uuid(`${at}.id`, u.id);
    if (idOk) unique(`${at}.id`, userIds, u.id as string, "user id");
    nonEmptyString(`${at}.name`, u.name);
    if (typeof u.token !== "string" || !TOKEN_PATTERN.test(u.token)) {
      fail(`${at}.token`, `must be a bearer token: letters, digits and -._~+/ (${gotToken(u.token)})`);
    } else if (tokens.has(u.token)) {
      fail(`${at}.token`, `duplicate token: users[${tokens.get(u.token)}] has the same one (its text is not quoted)`);
    } else {
      tokens.set(u.token, i);
    }
    let workspace: string | null = null;
    if (uuid(`${at}.workspace_id`, u.workspace_id)) {
      if (!workspaceIds.has(u.workspace_id.toLowerCase())) fail(`${at}.workspace_id`, `must name a workspace of this seed (got ${show(u.workspace_id)})`);
      else workspace = u.workspace_id.toLowerCase();
    }
    if (idOk) userWorkspace.set((u.id as string).toLowerCase(), workspace);
  });

  const accountWorkspace = new Map<string, string | null>();
  const accountIds = new Set<string>();
  accounts.forEach((a, i) => {
    const at = `accounts[${i}]`;
    checkKeys(at, a, ["id", "workspace_id", "channel", "status", "email"]);
    const idOk = uuid(`${at}.id`, a.id);
    if (idOk) unique(`${at}.id`, accountIds, a.id as string, "account id");
    if (!schemas.Channel(a.channel)) fail(`${at}.channel`, `must be one of "linkedin", "email" (got ${show(a.channel)})`);
    if (!ACCOUNT_STATUSES.includes(a.status as AccountStatus)) {
      fail(`${at}.status`, `must be one of ${ACCOUNT_STATUSES.map(show).join(", ")} (got ${show(a.status)})`);
    }
    if (a.email !== undefined && a.email !== null && typeof a.email !== "string") fail(`${at}.email`, "must be a string or null");
    let workspace: string | null = null;
    if (uuid(`${at}.workspace_id`, a.workspace_id)) {
      if (!workspaceIds.has(a.workspace_id.toLowerCase())) fail(`${at}.workspace_id`, `must name a workspace of this seed (got ${show(a.workspace_id)})`);
      else workspace = a.workspace_id.toLowerCase();
    }
    if (idOk) accountWorkspace.set((a.id as string).toLowerCase(), workspace);
  });

  const conversationIds = new Set<string>();
  const drafts: Obj[] = [];
  const known = [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS, "warmup"];
  conversations.forEach((c, i) => {
    const at = `conversations[${i}]`;
    checkKeys(at, c, known);
    const row: Obj = {};
    for (const column of CONVERSATION_COLUMNS) if (Object.hasOwn(c, column)) row[column] = c[column];
    for (const issue of schemaIssues(schemas.Conversation(row) ? [] : schemas.Conversation.errors)) {
      const rule = issue.keyword === "pattern" || issue.keyword === "format" ? columnRule(issue.path) : undefined;
      fail(`${at}${issue.path.replace(/^\//, ".")}`, rule !== undefined ? `${rule} (got ${show(row[issue.path.slice(1)])})` : issue.message);
    }
    const draft: Obj = {};
    for (const column of DRAFT_COLUMNS) if (Object.hasOwn(c, column)) draft[column] = c[column];
    for (const issue of schemaIssues(schemas.ThreadDraft(draft) ? [] : schemas.ThreadDraft.errors)) {
      fail(`${at}${issue.path.replace(/^\//, ".").replace(/\/(\d+)/g, "[$1]").replace(/\//g, ".")}`, issue.message);
    }
    const copy: Obj = {};
    for (const column of DRAFT_COLUMNS) {
      try {
        copy[column] = Object.hasOwn(c, column) ? sanitizeJson(c[column]) : null;
      } catch (error) {
        fail(`${at}.${column}`, error instanceof Error ? error.message : String(error));
      }
    }
    drafts.push(copy);
    if (c.warmup !== undefined && typeof c.warmup !== "boolean") fail(`${at}.warmup`, "must be a boolean");
    if (typeof c.id === "string") {
      const idCheck = validatePathParams("updateThread", { id: c.id });
      if (!idCheck.valid) fail(`${at}.id`, `${idCheck.errors.find((e) => e.keyword === "pattern")?.message ?? "must match the API's id pattern"}; otherwise the record could never be updated (got ${show(c.id)})`);
      unique(`${at}.id`, conversationIds, c.id, "conversation id");
    }
    if (typeof c.participant_email === "string" && c.participant_email !== c.participant_email.toLowerCase()) {
      fail(`${at}.participant_email`, `must be stored lowercase (got ${show(c.participant_email)})`);
    }
    const owner = typeof c.user_id === "string" ? userWorkspace.get(c.user_id.toLowerCase()) : undefined;
    if (typeof c.user_id === "string" && owner === undefined) fail(`${at}.user_id`, `must name a user of this seed (got ${show(c.user_id)})`);
    if (typeof c.account_id === "string") {
      const accountWs = accountWorkspace.get(c.account_id.toLowerCase());
      if (accountWs === undefined) fail(`${at}.account_id`, `must name an account of this seed, or be null (got ${show(c.account_id)})`);
      else if (owner !== undefined && owner !== null && accountWs !== null && accountWs !== owner) fail(`${at}.account_id`, `must name an account in the workspace of the owner ${show(c.user_id)}`);
    }
  });

  if (issues.length > 0) throw new SeedError(source, issues, more, atLeast);

  return {
    ...(typeof input.description === "string" ? { description: input.description } : {}),
    workspaces: workspaces.map((w) => ({ id: w.id as string, name: w.name as string })),
    users: users.map((u) => ({ id: u.id as string, name: u.name as string, token: u.token as string, workspace_id: u.workspace_id as string })),
    accounts: accounts.map((a) => ({
      id: a.id as string,
      workspace_id: a.workspace_id as string,
      channel: a.channel as Channel,
      status: a.status as AccountStatus,
      email: (a.email as string | null | undefined) ?? null,
    })),
    conversations: conversations.map((c, i) => {
      const row: Obj = {};
      for (const column of CONVERSATION_COLUMNS) row[column] = c[column];
      Object.assign(row, drafts[i]);
      row.warmup = c.warmup === true;
      return row as SeedConversation;
    }),
  };
}

/** The most bytes a seed file may hold: far beyond any fixture, well below what would exhaust the server's memory. */
export const MAX_SEED_BYTES = 64 * 1024 * 1024;

/** Reads and validates a seed file (the `--data FILE` format). Throws SeedError naming the file and each bad field. */
export function loadSeed(file: string): Seed {
  let bytes: Buffer;
  try {
    bytes = readAtMost(file, MAX_SEED_BYTES + 1);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SeedError(file, [`(file): cannot be read (${code ?? (error as Error).message})`]);
  }
  // Read to a bound: `--data /dev/zero` (or a file far beyond any fixture) read whole never ended,
  // or ended the process out of memory.
  if (bytes.length > MAX_SEED_BYTES) throw new SeedError(file, [`(file): holds more than ${MAX_SEED_BYTES} bytes (64 MiB), the most a seed file may have`]);
  // JSON is UTF-8 (a byte order mark skipped): bytes that are not would be served as U+FFFD.
  const text = utf8Text(bytes);
  if (text === undefined) throw new SeedError(file, ["(file): is not UTF-8 text (save it as UTF-8)"]);
  const blank = blankness(text);
  if (blank !== undefined) throw new SeedError(file, [`(file): ${blank}; it must hold a seed (a JSON object with workspaces, users, accounts and conversations)`]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // Not JSON.parse's message: V8 quotes a piece of the text in it (`Unexpected token 'A',
    // "API_KEY=se"... is not valid JSON`), and a file given by mistake (a .env) would put its
    // secrets on stderr and into a CI log. Where it stops being JSON, by line and column, instead.
    throw new SeedError(file, [`(file): is not valid JSON: ${jsonSyntaxProblem(text)} (its text is not quoted)`]);
  }
  return validateSeed(data, file);
}
