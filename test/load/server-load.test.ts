// A bounded load test of the reference server (issue 6, section 4): PUFFLE_LOAD_CONNECTIONS
// concurrent clients (default 16) send a seeded random mix of valid, lenient, invalid, malformed
// and cross-user requests, and JSON bodies declared with a UTF-8 label (valid), in another charset
// or with a content coding (a real gzip body, or just the header; both 415), to both operations
// for PUFFLE_LOAD_SECONDS (default 12; the issue's bound is 60), or until PUFFLE_LOAD_REQUESTS
// (default: no cap) have been sent. The server runs in a child process (test/load/server-child.mjs,
// --expose-gc) so that its heap is measured on its own. PUFFLE_LOAD_SEED replays a mix.
//
// Afterwards:
// - no 5xx, and every response has the status its kind allows, an X-Request-Id, the documented
//   content type and a body valid against the spec for that status (validateResponseBody; the
//   Problem schema for the undocumented 405); a 415 for a charset or a content coding is the spec's
//   415 `unsupported-media-type` naming what was sent, and `Accept-Encoding: identity` (the header
//   the spec's 415 declares) is on the content coding's 415 and on no other response;
// - a 404 for another user's record is byte-for-byte the 404 of a missing id; no response to one
//   user contains the id of another user's record or user; a 200 is always the caller's record;
// - the store is consistent: per record, the successful updates, in `updated_at` order (strictly
//   increasing), each change exactly the fields their request set, starting from the seed, and the
//   final store equals the last of them — so no request that got an error changed anything; every
//   409's `existing_thread` is one of the states that thread went through and is the caller's;
// - the server's heap after GC at the end is within MEMORY_RATIO of the heap after the warm-up, and
//   grew by less than 1 MiB + 1 KiB per request served since (a leak of a few KB per request fails;
//   one of a hundred bytes per request would not).
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { operations as meta } from "../../generated/meta.js";
import { defaultSeed } from "../../src/server/index.js";
import type { Seed } from "../../src/server/index.js";
import { schemas, validateResponseBody } from "../../src/validators.js";
import type { OperationId } from "../../src/validators.js";
import { bump, writeReport } from "./report.js";
// The columns as the spec lists them (Conversation.required, ThreadDraft), not a copy that a new column would leave behind.
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS } from "../model/model.js";
import { seededRandom } from "../helpers.js";

const SECONDS = Number(process.env.PUFFLE_LOAD_SECONDS ?? 12);
const MAX_REQUESTS = Number(process.env.PUFFLE_LOAD_REQUESTS ?? Number.POSITIVE_INFINITY);
const CONNECTIONS = Number(process.env.PUFFLE_LOAD_CONNECTIONS ?? 16);
const SEED = Number(process.env.PUFFLE_LOAD_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Heap after GC at the end may be at most this multiple of the heap after GC once warmed up. */
const MEMORY_RATIO = 1.5;
/** ... and may have grown by at most this much, plus LEAK_BYTES_PER_REQUEST per request served after the warm-up. */
const MEMORY_SLACK_BYTES = 1024 * 1024;
const LEAK_BYTES_PER_REQUEST = 1024;
const WARMUP_FRACTION = 0.2;
if (!(SECONDS > 0 && SECONDS <= 60)) throw new Error("PUFFLE_LOAD_SECONDS must be in (0, 60]");

const here = path.dirname(fileURLToPath(import.meta.url));
const MISSING_ID = "0f0f0f0f-0000-4000-8000-0000000000ff";

// ---- the world, from the documented default seed ---------------------------------------------

interface LoadUser {
  name: string;
  id: string;
  token: string;
  own: string[];
  senders: string[];
  badSenders: string[];
}
const users: LoadUser[] = defaultSeed.users.map((u) => {
  const workspaceAccounts = defaultSeed.accounts.filter((a) => a.workspace_id === u.workspace_id);
  const senders = workspaceAccounts.filter((a) => a.channel === "email" && a.status === "ready").map((a) => a.id);
  return {
    name: u.name,
    id: u.id,
    token: u.token,
    own: defaultSeed.conversations.filter((c) => c.user_id === u.id).map((c) => c.id),
    senders,
    badSenders: [...defaultSeed.accounts.map((a) => a.id).filter((id) => !senders.includes(id)), "0e0e0e0e-0000-4000-8000-0000000000ee"],
  };
});
const ownerOf = new Map(defaultSeed.conversations.map((c) => [c.id, c.user_id]));

// ---- a seeded random mix ---------------------------------------------------------------------


type Kind =
  | "valid" | "lenient" | "cross-user" | "missing-id" | "all-invalid" | "invalid-sender" | "malformed-json"
  | "not-an-object" | "too-deep" | "bad-id" | "unauthorized" | "wrong-content-type" | "wrong-method" | "too-large"
  | "utf8-label" | "unsupported-charset" | "content-coding";

const WEIGHTS: Array<[Kind, number]> = [
  ["valid", 40], ["lenient", 10], ["cross-user", 15], ["missing-id", 3], ["all-invalid", 6], ["invalid-sender", 5],
  ["malformed-json", 3], ["not-an-object", 3], ["too-deep", 2], ["bad-id", 3], ["unauthorized", 4],
  ["wrong-content-type", 3], ["wrong-method", 2], ["too-large", 0.1], ["utf8-label", 4], ["unsupported-charset", 2], ["content-coding", 2],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/** Statuses each kind may get (200-or-409 for thread updates that change the sender). */
const ALLOWED: Record<Kind, number[]> = {
  "valid": [200, 409], "lenient": [200, 409], "cross-user": [404], "missing-id": [404], "all-invalid": [400], "invalid-sender": [400],
  "malformed-json": [400], "not-an-object": [400], "too-deep": [400], "bad-id": [400], "unauthorized": [401],
  "wrong-content-type": [415], "wrong-method": [405], "too-large": [413],
  "utf8-label": [200, 409], "unsupported-charset": [415], "content-coding": [415],
};
/** Kinds whose 200s are updates (their `patch` is what the update sets). */
const UPDATING: ReadonlySet<Kind> = new Set(["valid", "lenient", "utf8-label"]);

interface Planned {
  kind: Kind;
  op: OperationId;
  user: LoadUser;
  id: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** For requests that may succeed: the fields the update must set, after normalization. */
  patch?: Record<string, unknown>;
  /** For a 415 for a charset or a content coding: what its detail must name, as sent (each JSON-quoted there). */
  named?: string[];
}

/**
 * Check 4 of docs/server.md: Content-Type headers whose charset is a UTF-8 label (any case, quoted
 * or not), ones naming another charset (with the charset the 415 names), and Content-Encoding
 * headers (with the codings other than `identity` the 415 names).
 */
const UTF8_CONTENT_TYPES = ["application/json; charset=utf8", "application/json; charset=UTF-8", 'application/json; charset="utf-8"', "application/json;charset=UTF8", "application/json; charset=unicode-1-1-utf-8"];
const NON_UTF8_CHARSETS: Array<[header: string, named: string]> = [
  ["utf-16", "utf-16"], ["iso-8859-1", "iso-8859-1"], ['"UTF-16"', "UTF-16"], ["latin1", "latin1"], ["windows-1252", "windows-1252"], ["utf-32", "utf-32"],
];
const CODINGS: Array<[header: string, named: string[]]> = [["gzip", ["gzip"]], ["br", ["br"]], ["gzip, identity", ["gzip"]], ["deflate, br", ["deflate", "br"]], ["x-gzip", ["x-gzip"]]];
/** The `Accept-Encoding` a content coding's 415 carries (docs/server.md, check 4). */
const ACCEPT_ENCODING = "identity";

const TOO_LARGE_BODY = JSON.stringify({ status: "active", draft_body_text: "x".repeat(meta.updateThread.behaviour.maxBodyBytes) });

function planner(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  };
  const chance = (p: number) => random() < p;

  function validPatch(op: OperationId, user: LoadUser): Record<string, unknown> {
    const patch: Record<string, unknown> = {};
    const candidates: Array<() => void> = [
      () => (patch.status = pick(["active", "archived"])),
      () => (patch.unread_count = pick([0, 1, 2, 42, 9_007_199_254_740_991])),
    ];
    if (op === "updateThread") {
      candidates.push(
        () => (patch.account_id = chance(0.2) ? null : pick(user.senders)),
        () => (patch.participant_email = pick(["founder@example.com", "Sam@Example.com", "LEE@EXAMPLE.COM", `${user.name.toLowerCase()}.${Math.floor(random() * 50)}@example.org`])),
        () => (patch.participant_name = pick(["Alex", "Sam Rivera", "", "Zoë"])),
        () => (patch[pick(["draft_subject", "draft_body_text", "draft_body_html", "draft_cc", "draft_bcc"])] = chance(0.3) ? null : `text ${Math.floor(random() * 1000)}`),
        () => (patch.draft_attachments = pick([null, [], [{ id: "a1", filename: "deck.pdf", size: 482113 }], [{}]])),
      );
    }
    const n = 1 + Math.floor(random() * (op === "updateThread" ? 4 : 2));
    for (let i = 0; i < n; i++) pick(candidates)();
    return patch;
  }

  const normalized = (patch: Record<string, unknown>) => {
    const out = structuredClone(patch);
    if (typeof out.participant_email === "string") out.participant_email = out.participant_email.toLowerCase();
    return out;
  };

  const jsonHeaders = (user: LoadUser) => ({ authorization: `Bearer ${user.token}`, "content-type": "application/json" });

  return function next(): Planned {
    let roll = random() * TOTAL_WEIGHT;
    let kind: Kind = "valid";
    for (const [k, w] of WEIGHTS) {
      roll -= w;
      if (roll < 0) {
        kind = k;
        break;
      }
    }
    const op: OperationId = pick(["updateConversation", "updateThread"] as const);
    const user = pick(users);
    const other = pick(users.filter((u) => u !== user));
    const ownId = pick(user.own);
    const base = { kind, op, user, id: ownId, method: "PATCH", headers: jsonHeaders(user) };
    switch (kind) {
      case "utf8-label": {
        // Plain JSON: a valid update, its charset a UTF-8 label, sometimes with `Content-Encoding: identity` (no coding).
        const patch = validPatch(op, user);
        const headers: Record<string, string> = { ...jsonHeaders(user), "content-type": pick(UTF8_CONTENT_TYPES) };
        if (chance(0.3)) headers["content-encoding"] = "identity";
        return { ...base, headers, body: JSON.stringify(patch), patch: normalized(patch) };
      }
      case "unsupported-charset": {
        // A valid update but for its charset: a 200 would mean the body was read as UTF-8 after all.
        const [charset, named] = pick(NON_UTF8_CHARSETS);
        return { ...base, headers: { ...jsonHeaders(user), "content-type": `application/json; charset=${charset}` }, body: JSON.stringify(validPatch(op, user)), named: [named] };
      }
      case "content-coding": {
        // A valid update sent with a content coding: for gzip, really compressed; otherwise the header alone.
        const [coding, named] = pick(CODINGS);
        const json = JSON.stringify(validPatch(op, user));
        const headers = { ...jsonHeaders(user), "content-type": chance(0.7) ? "application/json" : pick(UTF8_CONTENT_TYPES), "content-encoding": coding };
        return { ...base, headers, body: coding.startsWith("gzip") ? new Uint8Array(gzipSync(json)) : json, named };
      }
      case "valid": {
        const patch = validPatch(op, user);
        return { ...base, id: chance(0.1) ? ownId.toUpperCase() : ownId, body: JSON.stringify(patch), patch: normalized(patch) };
      }
      case "lenient": {
        const patch = validPatch(op, user);
        const junk: Record<string, unknown> = { foo: "bar", user_id: other.id, id: pick(other.own), updated_at: "2000-01-01T00:00:00Z", warmup: true, status: "deleted", unread_count: -1 };
        if (op === "updateConversation") Object.assign(junk, { account_id: pick(user.senders), participant_email: "x@example.com", draft_subject: "ignored" });
        else Object.assign(junk, { participant_email: "not an email", participant_name: null, draft_attachments: "deck.pdf" });
        // Valid fields override the junk of the same name.
        return { ...base, body: JSON.stringify({ ...junk, ...patch }), patch: normalized(patch) };
      }
      case "cross-user": {
        const patch = validPatch(op, user);
        return { ...base, id: pick(other.own), body: JSON.stringify(patch) };
      }
      case "missing-id":
        return { ...base, id: MISSING_ID, body: JSON.stringify(validPatch(op, user)) };
      case "all-invalid":
        return { ...base, id: chance(0.5) ? ownId : pick(other.own), body: pick(["{}", '{"status":"deleted","unread_count":-1}', '{"foo":1}', '{"__proto__":{"status":"archived"}}', '{"status":"draft"}']) };
      case "invalid-sender":
        return { ...base, op: "updateThread", body: JSON.stringify({ account_id: pick(user.badSenders), draft_subject: "should not be saved" }) };
      case "malformed-json":
        return { ...base, body: pick(['{"status":"active"', "{status: active}", "", '{"status":"active"}}', "\u0000"]) };
      case "not-an-object":
        return { ...base, body: pick(["[]", "null", '"active"', "42", "true", '[{"status":"active"}]']) };
      case "too-deep":
        return { ...base, body: `{"status":"active","draft_attachments":[{"a":${"[".repeat(80)}${"]".repeat(80)}}]}` };
      case "bad-id":
        return { ...base, id: pick(["not-a-uuid", "12345", "3d986dd1-9d70-45b7-8e36-5d5b8b1c933", "3d986dd1-9d70-05b7-8e36-5d5b8b1c9337"]), body: '{"status":"active"}' };
      case "unauthorized": {
        const authorization = pick(["", "Bearer puffle_test_mallory", "Basic YWxpY2U6c2VjcmV0", "Bearer", `Token ${user.token}`]);
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (authorization !== "") headers.authorization = authorization; // "": no header at all
        return { ...base, id: chance(0.5) ? ownId : pick(other.own), headers, body: '{"status":"archived"}' };
      }
      case "wrong-content-type":
        return { ...base, headers: { ...jsonHeaders(user), "content-type": pick(["text/plain", "application/x-www-form-urlencoded", "application/xml"]) }, body: '{"status":"archived"}' };
      case "wrong-method": {
        const method = pick(["PUT", "POST", "DELETE", "GET"]);
        return { ...base, method, ...(method === "GET" || method === "DELETE" ? {} : { body: '{"status":"archived"}' }) };
      }
      case "too-large":
        return { ...base, body: TOO_LARGE_BODY };
    }
  };
}

// ---- the server in a child process -------------------------------------------------------------

interface Memory {
  heapUsed: number;
  rss: number;
  gc: boolean;
}

class Child {
  readonly process: ChildProcess;
  #waiting = new Map<string, Array<(message: Record<string, unknown>) => void>>();
  constructor() {
    this.process = fork(path.join(here, "server-child.mjs"), [], { execArgv: ["--expose-gc"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    this.process.on("message", (message: Record<string, unknown>) => {
      const queue = this.#waiting.get(String(message.type));
      queue?.shift()?.(message);
    });
  }
  #next(type: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      // One exit listener per wait, removed once the answer came (else they pile up on the child).
      const onExit = (code: number | null) => reject(new Error(`server child exited (${code}) while waiting for ${type}`));
      const queue = this.#waiting.get(type) ?? [];
      queue.push((message) => {
        this.process.off("exit", onExit);
        resolve(message);
      });
      this.#waiting.set(type, queue);
      this.process.once("exit", onExit);
    });
  }
  async ready(): Promise<string> {
    return String((await this.#next("ready")).url);
  }
  async memory(): Promise<Memory> {
    const answer = this.#next("memory");
    this.process.send({ type: "memory" });
    return (await answer) as unknown as Memory;
  }
  async snapshot(): Promise<Seed> {
    const answer = this.#next("snapshot");
    this.process.send({ type: "snapshot" });
    return (await answer).snapshot as Seed;
  }
  async close(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once("exit", resolve));
    this.process.send({ type: "close" });
    await exited;
  }
}

// ---- the run -----------------------------------------------------------------------------------

interface Outcome {
  planned: Planned;
  status: number;
  body: unknown;
}

const stats = {
  sent: 0,
  statuses: {} as Record<string, number>,
  byKind: {} as Record<string, number>,
  byOperation: {} as Record<string, number>,
  held: {} as Record<string, number>,
  memory: { baseline: 0, final: 0, peak: 0, samples: 0 },
  durationMs: 0,
};

describe("reference server under load", () => {
  let child: Child | undefined;
  afterAll(async () => {
    await child?.close();
    child?.process.kill();
    const prefix = (counter: Record<string, number>, label: string) => Object.fromEntries(Object.entries(counter).map(([k, n]) => [`${label}${k}`, n]));
    writeReport("server-load", {
      "server load: requests": {
        "requests sent": stats.sent,
        ...prefix(stats.byOperation, "requests "),
        "concurrent clients": CONNECTIONS,
        "seconds (bound)": SECONDS,
        "ms (actual)": stats.durationMs,
        "mix seed": SEED,
      },
      "server load: statuses": {
        ...prefix(stats.statuses, "status "),
        "5xx": Object.entries(stats.statuses).filter(([s]) => Number(s) >= 500).reduce((sum, [, n]) => sum + n, 0),
      },
      "server load: request kinds": stats.byKind,
      "server load: memory": {
        "heap after GC after warm-up (bytes)": stats.memory.baseline,
        "heap after GC at the end (bytes)": stats.memory.final,
        "largest heap sample (bytes)": stats.memory.peak,
        "memory samples": stats.memory.samples,
      },
      "server load: checks": stats.held,
    });
  });

  it(`mixed valid, invalid and cross-user requests from ${CONNECTIONS} clients for ${SECONDS}s (seed ${SEED})`, async () => {
    child = new Child();
    const url = await child.ready();
    const next = planner(SEED);
    const outcomes: Outcome[] = [];
    const violations: string[] = [];
    const violate = (message: string) => {
      if (violations.length < 50) violations.push(message);
    };

    // The header checked on a content coding's 415 is one the spec's 415 declares, for both operations.
    for (const op of ["updateConversation", "updateThread"] as const) {
      expect(acceptEncodingDeclared(op), `the spec's 415 for ${op} declares Accept-Encoding`).toBe(true);
    }

    const notFoundText: Record<string, string> = {};
    for (const op of ["updateConversation", "updateThread"] as const) {
      const response = await fetch(url + meta[op].path.replace("{id}", MISSING_ID), {
        method: "PATCH", headers: { authorization: "Bearer puffle_test_alice", "content-type": "application/json" }, body: '{"status":"active"}',
      });
      notFoundText[op] = await response.text();
    }

    const start = Date.now();
    const deadline = start + SECONDS * 1000;
    const warmupEnd = start + SECONDS * 1000 * WARMUP_FRACTION;
    const running = () => Date.now() < deadline && stats.sent < MAX_REQUESTS;

    async function client(): Promise<void> {
      while (running()) {
        const planned = next();
        stats.sent += 1;
        bump(stats.byKind, planned.kind);
        bump(stats.byOperation, planned.op);
        const sentBody = typeof planned.body === "string" || planned.body === undefined ? String(planned.body).slice(0, 120) : `<${planned.body.length} bytes>`;
        const where = () => `${planned.kind} ${planned.method} ${planned.op} ${planned.id} as ${planned.user.name} [${planned.headers["content-type"] ?? "-"}${planned.headers["content-encoding"] === undefined ? "" : `, Content-Encoding: ${planned.headers["content-encoding"]}`}] ${sentBody}`;
        let response: Response;
        try {
          response = await fetch(url + meta[planned.op].path.replace("{id}", planned.id), {
            method: planned.method, headers: planned.headers, ...(planned.body !== undefined ? { body: planned.body } : {}),
          });
        } catch (error) {
          violate(`${where()}: request failed: ${String(error)}`);
          bump(stats.statuses, "network-error");
          continue;
        }
        const text = await response.text();
        bump(stats.statuses, response.status);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          violate(`${where()}: ${response.status} body is not JSON: ${text.slice(0, 200)}`);
          continue;
        }
        const status = response.status;
        if (status >= 500) violate(`${where()}: ${status} ${text.slice(0, 300)}`);
        if (!ALLOWED[planned.kind].includes(status)) violate(`${where()}: status ${status} not in ${ALLOWED[planned.kind].join("/")}: ${text.slice(0, 300)}`);
        if (!/^[A-Za-z0-9._:-]{1,200}$/.test(response.headers.get("x-request-id") ?? "")) violate(`${where()}: no X-Request-Id`);
        const contentType = response.headers.get("content-type") ?? "";
        if (!(status === 200 ? /^application\/json(;|$)/ : /^application\/problem\+json(;|$)/).test(contentType)) violate(`${where()}: content type ${contentType}`);
        if ((meta[planned.op].statuses as readonly string[]).includes(String(status))) {
          const result = validateResponseBody(planned.op, status, body);
          if (!result.valid) violate(`${where()}: ${status} body invalid against the spec: ${JSON.stringify(result.errors)}`);
        } else if (!schemas.Problem(body)) {
          violate(`${where()}: ${status} is not a Problem: ${text.slice(0, 200)}`);
        }
        if (status === 405 && response.headers.get("allow") !== "PATCH") violate(`${where()}: 405 without Allow: PATCH`);
        // Accept-Encoding: identity on the content coding's 415, and on no other response.
        const acceptEncoding = response.headers.get("accept-encoding");
        const wantedAcceptEncoding = status === 415 && planned.kind === "content-coding" ? ACCEPT_ENCODING : null;
        if (acceptEncoding !== wantedAcceptEncoding) violate(`${where()}: ${status} with Accept-Encoding ${String(acceptEncoding)} (expected ${String(wantedAcceptEncoding)})`);
        if (status === 415 && planned.named !== undefined) {
          const problem = body as { type?: unknown; detail?: unknown };
          const detail = String(problem.detail);
          if (problem.type !== UNSUPPORTED_MEDIA_TYPE) violate(`${where()}: 415 of type ${String(problem.type)}`);
          const unnamed = planned.named.filter((name) => !detail.includes(JSON.stringify(name)));
          if (unnamed.length > 0 || (planned.kind === "content-coding" && detail.includes('"identity"'))) violate(`${where()}: 415 detail does not name ${JSON.stringify(planned.named)} (alone): ${detail}`);
          else bump(stats.held, `415 ${planned.kind === "content-coding" ? "content coding named, Accept-Encoding: identity" : "charset named, no Accept-Encoding"}`);
        }
        if (status === 404 && text !== notFoundText[planned.op]) violate(`${where()}: this 404 differs from a missing id's: ${text}`);
        for (const otherUser of users) {
          if (otherUser === planned.user) continue;
          for (const foreign of [otherUser.id, ...otherUser.own]) {
            if (text.toLowerCase().includes(foreign.toLowerCase())) violate(`${where()}: reveals ${otherUser.name}'s ${foreign}: ${text.slice(0, 300)}`);
          }
        }
        if (status === 200 || status === 409) outcomes.push({ planned, status, body });
        else if (status < 500) bump(stats.held, `${status} response checked`);
      }
    }

    const memorySamples: Memory[] = [];
    let baseline: Memory | undefined;
    let sentAtBaseline = 0;
    async function sampler(): Promise<void> {
      while (running()) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, SECONDS * 100)));
        if (!running()) break;
        const sample = await child!.memory();
        if (baseline === undefined && Date.now() >= warmupEnd) {
          baseline = sample;
          sentAtBaseline = stats.sent;
        }
        else if (baseline !== undefined) memorySamples.push(sample);
      }
    }

    await Promise.all([sampler(), ...Array.from({ length: CONNECTIONS }, () => client())]);
    stats.durationMs = Date.now() - start;
    const final = await child.memory();
    expect(final.gc, "the server child runs with --expose-gc").toBe(true);

    // 1. Every response as documented.
    expect(violations, violations.slice(0, 5).join("\n")).toEqual([]);
    bump(stats.held, "no 5xx, status allowed for its kind, valid against the spec, Accept-Encoding only on a content coding's 415, no foreign ids", stats.sent);
    for (const kind of WEIGHTS.map(([k]) => k).filter((k) => k !== "too-large")) expect(stats.byKind, `kind ${kind} never sent`).toHaveProperty(kind);

    // 2. The store: per record, the 200s in updated_at order explain every change, from the seed to the end.
    const snapshot = await child.snapshot();
    const seedRows = new Map(defaultSeed.conversations.map((c) => [c.id, fullRow(c as unknown as Record<string, unknown>)]));
    const finalRows = new Map(snapshot.conversations.map((c) => [c.id, fullRow(c as unknown as Record<string, unknown>)]));
    expect([...finalRows.keys()].sort()).toEqual([...seedRows.keys()].sort());
    expect({ ...snapshot, conversations: [] }, "users, accounts and workspaces never change").toEqual({ ...structuredClone(defaultSeed), conversations: [] });

    const successes = new Map<string, Outcome[]>();
    for (const outcome of outcomes) {
      if (outcome.status !== 200) continue;
      const record = (outcome.body as Record<string, Record<string, unknown>>)[outcome.planned.op === "updateThread" ? "thread" : "conversation"];
      const id = String(record?.id);
      expect(UPDATING.has(outcome.planned.kind), `a 200 for a ${outcome.planned.kind} request`).toBe(true);
      expect(ownerOf.get(id), `a 200 for ${outcome.planned.user.name} with someone else's record`).toBe(outcome.planned.user.id);
      expect(id.toLowerCase()).toBe(outcome.planned.id.toLowerCase());
      const list = successes.get(id) ?? [];
      list.push(outcome);
      successes.set(id, list);
    }
    const statesOf = new Map<string, Array<Record<string, unknown>>>();
    for (const [id, seedRow] of seedRows) {
      const list = (successes.get(id) ?? []).map((o) => ({ o, record: recordOf(o) }));
      list.sort((a, b) => Date.parse(String(a.record.updated_at)) - Date.parse(String(b.record.updated_at)));
      let state = seedRow;
      const states = [state];
      for (const { o, record } of list) {
        expect(Date.parse(String(record.updated_at)), `${id}: updated_at must strictly increase`).toBeGreaterThan(Date.parse(String(state.updated_at)));
        const expected = { ...state, ...o.planned.patch, updated_at: record.updated_at };
        const columns = o.planned.op === "updateThread" ? [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS] : CONVERSATION_COLUMNS;
        expect(record, `${id}: ${o.planned.op} ${o.planned.body} must change only what it sets`).toEqual(pickColumns(expected, columns));
        state = expected;
        states.push(state);
      }
      expect(finalRows.get(id), `${id}: the final store is the last successful update`).toEqual(state);
      statesOf.set(id, states);
      bump(stats.held, "record explained by its successful updates", 1);
      bump(stats.held, "successful updates chained", list.length);
    }

    // 3. Every 409 names a state its thread really had, owned by the caller.
    for (const outcome of outcomes) {
      if (outcome.status !== 409) continue;
      const existing = (outcome.body as { existing_thread: Record<string, unknown> }).existing_thread;
      expect(existing.user_id, "409 existing_thread is the caller's").toBe(outcome.planned.user.id);
      const states = (statesOf.get(String(existing.id)) ?? []).map((s) => pickColumns(s, [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]));
      expect(states, `409 existing_thread ${String(existing.id)} is a state that thread had`).toContainEqual(existing);
      bump(stats.held, "409 existing_thread a real state of the caller's thread");
    }

    // 4. Memory: the server's heap after GC does not grow with the requests served.
    expect(baseline, "a memory sample after the warm-up").toBeDefined();
    const peak = Math.max(...memorySamples.map((m) => m.heapUsed), final.heapUsed);
    stats.memory = { baseline: baseline!.heapUsed, final: final.heapUsed, peak, samples: memorySamples.length + 2 };
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
    console.log(`load: ${stats.sent} requests in ${stats.durationMs} ms over ${CONNECTIONS} connections (seed ${SEED}); statuses ${JSON.stringify(stats.statuses)}; heap after GC ${mb(baseline!.heapUsed)} after warm-up → ${mb(final.heapUsed)} at the end (peak sample ${mb(peak)})`);
    expect(final.heapUsed, `heap after GC ${mb(final.heapUsed)} vs ${mb(baseline!.heapUsed)} after warm-up`).toBeLessThan(baseline!.heapUsed * MEMORY_RATIO);
    const servedAfter = stats.sent - sentAtBaseline;
    const allowed = MEMORY_SLACK_BYTES + LEAK_BYTES_PER_REQUEST * servedAfter;
    expect(final.heapUsed - baseline!.heapUsed, `heap grew ${mb(final.heapUsed - baseline!.heapUsed)} over ${servedAfter} requests (allowed ${mb(allowed)})`).toBeLessThan(allowed);
    bump(stats.held, "heap after GC within ratio of warm-up");
    bump(stats.held, "heap growth under 1 MiB + 1 KiB per request");
  }, (SECONDS + 90) * 1000);
});

const UNSUPPORTED_MEDIA_TYPE = "https://app.puffle.ai/problems/unsupported-media-type";
const spec: unknown = JSON.parse(fs.readFileSync(path.join(here, "../../generated/openapi.json"), "utf8"));

/** Whether `op`'s 415 response in the spec (generated/openapi.json, refs followed) declares an Accept-Encoding header. */
function acceptEncodingDeclared(op: OperationId): boolean {
  const resolve = (value: unknown): Record<string, unknown> | undefined => {
    let node = value as Record<string, unknown> | undefined;
    for (let hops = 0; typeof node?.$ref === "string" && hops < 10; hops++) {
      node = String(node.$ref).replace(/^#\//, "").split("/").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], spec) as Record<string, unknown> | undefined;
    }
    return node;
  };
  const paths = (spec as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> }).paths;
  const response = resolve(paths[meta[op].path]?.[meta[op].method.toLowerCase()]?.responses?.["415"]);
  const headers = response?.headers as Record<string, unknown> | undefined;
  const header = resolve(headers?.["Accept-Encoding"]);
  return (header?.schema as { type?: unknown } | undefined)?.type === "string";
}

function fullRow(c: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]) row[column] = structuredClone(c[column] ?? null);
  row.warmup = c.warmup === true;
  return row;
}

function pickColumns(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column, row[column]]));
}

function recordOf(outcome: Outcome): Record<string, unknown> {
  const body = outcome.body as Record<string, Record<string, unknown>>;
  const record = body[outcome.planned.op === "updateThread" ? "thread" : "conversation"];
  if (record === undefined) throw new Error("200 without its record");
  return record;
}
