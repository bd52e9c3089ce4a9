// The embedded in-memory store: one server's copy of a seed, and the update rules of both
// endpoints. Every rule that the spec states as data (`x-puffle-behaviour` in generated/meta.js) is
// read from there. Updates are checked in full before anything is written, so a rejected request
// never changes the store.
import { operations as meta } from "../../generated/meta.js";
import type { Conversation, Thread } from "../../generated/schema.js";
import type { OperationId, RequestBody } from "../validators.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS } from "./seed.js";
import type { Seed, SeedAccount, SeedConversation, SeedUser } from "./seed.js";

export type Row = SeedConversation & { warmup: boolean };

export type UpdateOutcome =
  | { kind: "updated"; record: Conversation | Thread }
  | { kind: "not-found" }
  | { kind: "invalid-sender"; field: string }
  | { kind: "duplicate"; member: string; existing: Thread; participantEmail: string };

const key = (id: string) => id.toLowerCase();

/** Every column a normalized body may set. */
const COLUMNS: ReadonlySet<string> = new Set<string>([...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]);

export class Store {
  readonly #users = new Map<string, SeedUser>();
  readonly #accounts = new Map<string, SeedAccount>();
  readonly #rows = new Map<string, Row>();
  readonly #seed: Seed;

  /** `seed` must already be validated (validateSeed); it is deep-copied. */
  constructor(seed: Seed) {
    this.#seed = structuredClone(seed);
    const copy = structuredClone(seed);
    for (const user of copy.users) this.#users.set(user.token, user);
    for (const account of copy.accounts) this.#accounts.set(key(account.id), account);
    for (const row of copy.conversations) this.#rows.set(key(row.id), { ...row, warmup: row.warmup === true });
  }

  /** The user a bearer token authenticates, if any. */
  authenticate(token: string): SeedUser | undefined {
    return this.#users.get(token);
  }

  /** The whole store in the seed format (a deep copy), for tests and inspection. */
  snapshot(): Seed {
    return structuredClone({
      ...(this.#seed.description !== undefined ? { description: this.#seed.description } : {}),
      workspaces: this.#seed.workspaces,
      users: [...this.#users.values()],
      accounts: [...this.#accounts.values()],
      conversations: [...this.#rows.values()],
    });
  }

  /** Applies a normalized body (normalizeRequestBody's output) for `user`, or says why it cannot be applied. */
  update<Op extends OperationId>(op: Op, user: SeedUser, id: string, patch: RequestBody<Op>): UpdateOutcome {
    const outcome = this.updateShared(op, user, id, patch);
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
   * `update`, except that the records in the outcome are not deep copies: their arrays (`draft_cc`,
   * `draft_attachments`, …) are the store's own. For a caller that serializes the outcome at once
   * and keeps no reference to it — the reference server's responses. Never modify what it returns.
   */
  updateShared<Op extends OperationId>(op: Op, user: SeedUser, id: string, patch: RequestBody<Op>): UpdateOutcome {
    const behaviour: OperationBehaviour = meta[op].behaviour;
    const rowKey = key(id);
    const row = this.#rows.get(rowKey);
    const owner = behaviour.ownership.owner;
    if (row === undefined || key(row[owner]) !== key(user.id)) return { kind: "not-found" };

    const fields = patch as Record<string, unknown>;
    const next: Row = { ...row };
    for (const field of Object.keys(fields)) {
      if (!COLUMNS.has(field)) throw new Error(`normalized body of ${op} holds ${JSON.stringify(field)}, which is not a column`);
      (next as Record<string, unknown>)[field] = fields[field];
    }

    const sender = behaviour.senderAccount;
    if (sender !== undefined && Object.hasOwn(fields, sender.field) && fields[sender.field] !== null) {
      const account = this.#accounts.get(key(String(fields[sender.field])));
      if (account === undefined || !this.#isReadyEmailSenderFor(account, user)) return { kind: "invalid-sender", field: sender.field };
      next.account_id = account.id;
    }

    const duplicate = behaviour.duplicateRecipient;
    if (duplicate !== undefined && next.channel === "email" && next.account_id !== null && next.participant_email !== null
      && key(next.account_id) !== (row.account_id === null ? null : key(row.account_id))) {
      const rule = duplicate.conflictsWith;
      const email = next.participant_email;
      for (const other of this.#rows.values()) {
        if (other.id === row.id) continue;
        if (rule.sameAccount && (other.account_id === null || key(other.account_id) !== key(next.account_id))) continue;
        if (rule.sameParticipantEmail && other.participant_email !== email) continue;
        if ((rule.excludeStatuses as readonly string[]).includes(other.status)) continue;
        if (rule.excludeWarmup && other.warmup) continue;
        return { kind: "duplicate", member: duplicate.member, existing: threadView(other), participantEmail: email };
      }
    }

    next.updated_at = nextTimestamp(row.updated_at);
    this.#rows.set(rowKey, next);
    return { kind: "updated", record: op === "updateThread" ? threadView(next) : conversationView(next) };
  }

  #isReadyEmailSenderFor(account: SeedAccount, user: SeedUser): boolean {
    return account.channel === "email" && account.status === "ready" && key(account.workspace_id) === key(user.workspace_id);
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

/** An ISO timestamp strictly after `previous` (now, or previous + 1 ms when the clock has not moved on). */
export function nextTimestamp(previous: string): string {
  const before = previous === lastIso ? lastMs : Date.parse(previous);
  const now = Date.now();
  const ms = Number.isNaN(before) || now > before ? now : before + 1;
  const iso = isoString(ms);
  lastIso = iso;
  lastMs = ms;
  return iso;
}

/** The row as `updateConversation` returns it: every conversation column (sharing the row's arrays). */
export function conversationView(row: Row): Conversation {
  const out: Record<string, unknown> = {};
  for (const column of CONVERSATION_COLUMNS) out[column] = row[column];
  return out as Conversation;
}

/** The row as `updateThread` returns it: every conversation column and every draft column (sharing the row's arrays). */
export function threadView(row: Row): Thread {
  const out: Record<string, unknown> = {};
  for (const column of CONVERSATION_COLUMNS) out[column] = row[column];
  for (const column of DRAFT_COLUMNS) out[column] = row[column] ?? null;
  return out as Thread;
}
