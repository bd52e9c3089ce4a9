// The embedded in-memory store: one server's copy of a seed, and the update rules of both
// endpoints. Every rule that the spec states as data (`x-puffle-behaviour` in generated/meta.js) is
// read from there. Updates are checked in full before anything is written, so a rejected request
// never changes the store.
import { operations as meta } from "../../generated/meta.js";
import type { Conversation, Thread } from "../../generated/schema.js";
import type { OperationId, RequestBody } from "../validators.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS, validateSeed } from "./seed.js";
import type { Seed, SeedAccount, SeedConversation, SeedUser } from "./seed.js";

export type Row = SeedConversation & { warmup: boolean };

/**
 * What `Store#update` (and `updateShared`) answers: `updated` with the record (the operation's view
 * of the row); `not-found`, no row of that id owned by the user (the 404); `invalid-sender`, `field`
 * names no ready email account of the user's workspace (the 400); `duplicate`, another thread
 * already writes to `participantEmail` from that account (the 409, whose body holds `existing` as
 * its `member`).
 */
export type UpdateOutcome =
  | { kind: "updated"; record: Conversation | Thread }
  | { kind: "not-found" }
  | { kind: "invalid-sender"; field: string }
  | { kind: "duplicate"; member: string; existing: Thread; participantEmail: string };

const key = (id: string) => id.toLowerCase();
/** Whether two ids name the same record (ids compare case-insensitively; equal text is the usual case). */
const sameId = (a: string, b: string) => a === b || key(a) === key(b);

/** Every column a normalized body may set. */
const COLUMNS: ReadonlySet<string> = new Set<string>([...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]);

/**
 * The reference server's in-memory data and both endpoints' update rules (`app.puffle.store`):
 * `reset()`, `restore()` and `snapshot()` for tests (docs/server.md, "State between tests").
 */
export class Store {
  #users = new Map<string, SeedUser>();
  #accounts = new Map<string, SeedAccount>();
  #rows = new Map<string, Row>();
  /** The description and workspaces of the data held now (the seed's, or the last restore's). */
  #description: string | undefined;
  #workspaces: Seed["workspaces"] = [];
  /** The seed the store started from, which reset() goes back to (a deep copy of its own). */
  readonly #seed: Seed;
  #generation = 0;

  /** `seed` must already be validated (validateSeed); it is deep-copied. */
  constructor(seed: Seed) {
    this.#seed = structuredClone(seed);
    this.#load(seed);
  }

  /** Replaces everything the store holds with a deep copy of `seed` (already validated), in one synchronous step. */
  #load(seed: Seed): void {
    const copy = structuredClone(seed);
    const users = new Map<string, SeedUser>();
    const accounts = new Map<string, SeedAccount>();
    const rows = new Map<string, Row>();
    for (const user of copy.users) users.set(user.token, user);
    for (const account of copy.accounts) accounts.set(key(account.id), account);
    for (const row of copy.conversations) rows.set(key(row.id), { ...row, warmup: row.warmup === true });
    this.#users = users;
    this.#accounts = accounts;
    this.#rows = rows;
    this.#description = copy.description;
    this.#workspaces = copy.workspaces;
    this.#generation += 1;
  }

  /**
   * Puts the store back to the seed it started from (the server's `seed` option, `--data`, or the
   * default seed): every update since is gone, as on a freshly started server. Synchronous: a request
   * is answered from the data before the reset or after it, never a mix.
   */
  reset(): void {
    this.#load(this.#seed);
  }

  /**
   * Replaces the store's data with `seed` (a snapshot() taken earlier, or any seed), checked as
   * validateSeed / `createServer({ seed })` check theirs: an invalid one throws the same SeedError
   * (each issue naming the field and the rule) and leaves the store as it was. The store keeps a
   * deep copy, so changing `seed` afterwards changes nothing here; reset() still goes back to the
   * seed the store started from.
   */
  restore(seed: Seed): void {
    this.#load(validateSeed(seed));
  }

  /**
   * Counts the loads (the constructor, each reset and restore): a request authenticated before a
   * reset or restore is authenticated again after it (the server's handler), so that a token the
   * restored seed no longer has cannot update its rows.
   */
  get generation(): number {
    return this.#generation;
  }

  /**
   * The user a bearer token authenticates, if any: a copy (as `snapshot()` gives), so changing it
   * (`request.puffleUser` in a hook of your own) changes neither the store nor which token it knows.
   */
  authenticate(token: string): SeedUser | undefined {
    const user = this.#users.get(token);
    // A seed's user is four strings (validateSeed), so a shallow copy is a whole one.
    return user === undefined ? undefined : { ...user };
  }

  /** The whole store in the seed format (a deep copy), for tests and inspection. */
  snapshot(): Seed {
    return structuredClone({
      ...(this.#description !== undefined ? { description: this.#description } : {}),
      workspaces: this.#workspaces,
      users: [...this.#users.values()],
      accounts: [...this.#accounts.values()],
      conversations: [...this.#rows.values()],
    });
  }

  /**
   * Applies a normalized body (normalizeRequestBody's output) for `user`, or says why it cannot be
   * applied. The store keeps a deep copy of the patch's values (`draft_attachments`), so changing
   * `patch` afterwards changes nothing here.
   */
  update<Op extends OperationId>(op: Op, user: SeedUser, id: string, patch: RequestBody<Op>): UpdateOutcome {
    const outcome = this.updateShared(op, user, id, structuredClone(patch));
    switch (outcome.kind) {
      case "updated":
        return { kind: "updated", record: structuredClone(outcome.record) };
      case "duplicate":
        return { ...outcome, existing: structuredClone(outcome.existing) };
      default:
        return outcome;
    }
  }

  /**
   * `update`, except that nothing is copied: the records in the outcome share their arrays
   * (`draft_attachments`) with the store, and the store keeps the patch's own values. For a caller
   * that serializes the outcome at once, keeps no reference to it and hands over a patch it no
   * longer uses (normalizeRequestBody's output: a copy of the request body) — the reference server's
   * responses. Never modify what it returns, nor the patch afterwards.
   */
  updateShared<Op extends OperationId>(op: Op, user: SeedUser, id: string, patch: RequestBody<Op>): UpdateOutcome {
    const behaviour: OperationBehaviour = meta[op].behaviour;
    const row = this.#rows.get(key(id));
    if (row === undefined || !sameId(row[behaviour.ownership.owner], user.id)) return { kind: "not-found" };

    // Everything is checked against the row as the patch would leave it (`after`) before anything is
    // written; only then is the patch written into the row itself (no copy of the row per update).
    const fields = patch as Record<string, unknown>;
    const names = Object.keys(fields);
    for (const field of names) {
      if (!COLUMNS.has(field)) throw new Error(`normalized body of ${op} holds ${JSON.stringify(field)}, which is not a column`);
    }
    const after = <C extends keyof Row>(column: C): Row[C] => (Object.hasOwn(fields, column) ? fields[column] as Row[C] : row[column]);

    let accountId = after("account_id");
    const sender = behaviour.senderAccount;
    if (sender !== undefined && Object.hasOwn(fields, sender.field) && fields[sender.field] !== null) {
      const account = this.#accounts.get(key(String(fields[sender.field])));
      if (account === undefined || !this.#isReadyEmailSenderFor(account, user)) return { kind: "invalid-sender", field: sender.field };
      accountId = account.id;
    }

    const duplicate = behaviour.duplicateRecipient;
    const email = after("participant_email");
    if (duplicate !== undefined && after("channel") === "email" && accountId !== null && email !== null
      && (row.account_id === null || !sameId(accountId, row.account_id))) {
      const rule = duplicate.conflictsWith;
      for (const other of this.#rows.values()) {
        if (other === row) continue;
        if (rule.sameAccount && (other.account_id === null || !sameId(other.account_id, accountId))) continue;
        if (rule.sameParticipantEmail && other.participant_email !== email) continue;
        if ((rule.excludeStatuses as readonly string[]).includes(other.status)) continue;
        if (rule.excludeWarmup && other.warmup) continue;
        return { kind: "duplicate", member: duplicate.member, existing: threadView(other), participantEmail: email };
      }
    }

    const target = row as Record<string, unknown>;
    for (const field of names) target[field] = fields[field];
    row.account_id = accountId;
    row.updated_at = nextTimestamp(row.updated_at);
    return { kind: "updated", record: op === "updateThread" ? threadView(row) : conversationView(row) };
  }

  #isReadyEmailSenderFor(account: SeedAccount, user: SeedUser): boolean {
    return account.channel === "email" && account.status === "ready" && sameId(account.workspace_id, user.workspace_id);
  }
}

/** What the store reads from `x-puffle-behaviour`; the members only one operation has are optional. */
interface OperationBehaviour {
  readonly ownership: { readonly owner: "user_id" };
  readonly senderAccount?: { readonly field: "account_id" };
  readonly duplicateRecipient?: {
    readonly member: string;
    readonly conflictsWith: {
      readonly sameAccount: boolean;
      readonly sameParticipantEmail: boolean;
      readonly excludeStatuses: readonly string[];
      readonly excludeWarmup: boolean;
    };
  };
}

/** The last timestamp nextTimestamp made, parsed: the `previous` of the next update of that row. */
let lastIso = "";
let lastMs = Number.NaN;
/** The second of the last timestamp made (ms at its start), and its ISO text up to the milliseconds. */
let secondStart = Number.NaN;
let secondPrefix = "";

/** `new Date(ms).toISOString()`, reusing the text of the second when only the milliseconds differ. */
function isoString(ms: number): string {
  const millis = ms - secondStart;
  if (millis >= 0 && millis < 1000) return `${secondPrefix}${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}Z`;
  const iso = new Date(ms).toISOString(); // …THH:MM:SS.mmmZ
  secondStart = ms - (ms % 1000 + 1000) % 1000;
  secondPrefix = iso.slice(0, -4);
  return iso;
}

/**
 * An RFC 3339 date-time as the spec's `date-time` format alone accepts it: `T`, `t` or any
 * whitespace between date and time, any number of fraction digits, `Z`, `z` or an offset as ±HH,
 * ±HHMM or ±HH:MM, and a leap second (`:60`). A seed's `updated_at` also matches the columns'
 * pattern now (8b9c75f: `T`/`t`, `Z`/`z` or ±HH:MM), a narrower set; the wider one is still read.
 */
const RFC3339 = /^(\d{4}-\d\d-\d\d)[Tt\s](\d\d:\d\d):(\d\d)(?:\.(\d+))?(?:[Zz]|([+-]\d\d)(?::?(\d\d))?)$/;

/**
 * `text` as a time value (NaN when unreadable). An RFC 3339 date-time is rewritten in the one form
 * ECMAScript defines (`YYYY-MM-DDTHH:mm:ss.sssZ` or `±HH:mm`), since Date.parse reads the others by
 * its own rules: NaN for `+05`, a leap second or a U+2028 separator. A leap second is read as the
 * last millisecond before it (the next timestamp is then the second after it). Anything else
 * (`toISOString`'s ±YYYYYY years) goes to Date.parse.
 */
function timeOf(text: string): number {
  const m = RFC3339.exec(text);
  if (m === null) return Date.parse(text);
  const [, date, hourMinute, second, fraction = "", zoneHours, zoneMinutes = "00"] = m;
  const ms = second === "60" ? "59.999" : `${second}.${fraction.slice(0, 3).padEnd(3, "0")}`;
  return Date.parse(`${date}T${hourMinute}:${ms}${zoneHours === undefined ? "Z" : `${zoneHours}:${zoneMinutes}`}`);
}

/** The last instant RFC 3339 writes in UTC (its years have four digits): 9999-12-31T23:59:59.999Z. */
const LAST_UTC_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The most negative offset RFC 3339 writes, -23:59, in ms: the later instants it can write at all. */
const LATEST_OFFSET_MS = (23 * 60 + 59) * 60_000;

/**
 * An ISO timestamp strictly after `previous` (now, or previous + 1 ms when the clock has not moved on).
 * Past 9999-12-31T23:59:59.999Z (a seed's far-future `updated_at`, maybe with a negative offset),
 * where toISOString writes `+010000-…`, which the spec's `date-time` refuses, it is written at the
 * offset -23:59; the last instant that can write (`9999-12-31T23:59:59.999-23:59`) is repeated
 * rather than left: no later date-time exists.
 */
export function nextTimestamp(previous: string): string {
  const before = previous === lastIso ? lastMs : timeOf(previous);
  const now = Date.now();
  let ms = Number.isNaN(before) || now > before ? now : before + 1;
  let iso: string;
  if (ms <= LAST_UTC_MS) iso = isoString(ms);
  else {
    ms = Math.min(ms, LAST_UTC_MS + LATEST_OFFSET_MS);
    iso = `${new Date(ms - LATEST_OFFSET_MS).toISOString().slice(0, -1)}-23:59`;
  }
  lastIso = iso;
  lastMs = ms;
  return iso;
}

/**
 * The row as `updateConversation` returns it: every conversation column, in CONVERSATION_COLUMNS'
 * order (sharing the row's arrays). Written as one object literal rather than a loop over the
 * column names: every view then has one shape, built in one step (the loop of keyed stores took
 * ~450 ns per thread view in a micro-benchmark, the literal ~15), and
 * test/server/record-json.test.ts checks its keys against the column lists.
 */
export function conversationView(row: Row): Conversation {
  return {
    id: row.id,
    user_id: row.user_id,
    account_id: row.account_id,
    channel: row.channel,
    status: row.status,
    external_id: row.external_id,
    participant_name: row.participant_name,
    participant_email: row.participant_email,
    participant_linkedin_url: row.participant_linkedin_url,
    last_message_at: row.last_message_at,
    unread_count: row.unread_count,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/**
 * The row as `updateThread` returns it: every conversation column and every draft column, in
 * CONVERSATION_COLUMNS' then DRAFT_COLUMNS' order (sharing the row's arrays; see conversationView).
 * The conversation columns are spelled out again rather than spread from conversationView(row):
 * the spread and the six members added after it took ~6 µs per view in the same micro-benchmark.
 */
export function threadView(row: Row): Thread {
  return {
    id: row.id,
    user_id: row.user_id,
    account_id: row.account_id,
    channel: row.channel,
    status: row.status,
    external_id: row.external_id,
    participant_name: row.participant_name,
    participant_email: row.participant_email,
    participant_linkedin_url: row.participant_linkedin_url,
    last_message_at: row.last_message_at,
    unread_count: row.unread_count,
    created_at: row.created_at,
    updated_at: row.updated_at,
    draft_subject: row.draft_subject ?? null,
    draft_body_text: row.draft_body_text ?? null,
    draft_body_html: row.draft_body_html ?? null,
    draft_cc: row.draft_cc ?? null,
    draft_bcc: row.draft_bcc ?? null,
    draft_attachments: row.draft_attachments ?? null,
  };
}
