// Model-based test of the reference server (issue 6, section 4): random interleavings of
// `updateConversation` and `updateThread` by three users (two sharing a workspace), with valid,
// lenient, invalid and malformed requests, and JSON bodies declared in another charset, with a
// UTF-8 label, or with a content coding (check 4 of docs/server.md: sent with any token, id and
// method, so the 405/401/400 before it are reached too), against a fresh server per sequence. After
// every command the server's answer (status, problem type, the returned record, a 409's
// `existing_thread`, a 415's `detail` and `Accept-Encoding`, which no other response has) must be
// the model's prediction (test/model/model.ts), 404s must be byte-for-byte the 404 of a missing id,
// and the server's whole store must equal the model's state (so no request changed anything it
// should not have, including the hidden `warmup` flag and other users' records).
//
// PUFFLE_MODEL_RUNS (default 150) sequences of up to PUFFLE_MODEL_MAX_COMMANDS (default 30)
// commands; PUFFLE_MODEL_SEED replays a run (fast-check prints the seed and path on failure).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { operations as meta } from "../../generated/meta.js";
import { defaultSeed } from "../../src/server/index.js";
import type { RunningServer, Seed } from "../../src/server/index.js";
import { send, start } from "../server/http.js";
import type { Sent } from "../server/http.js";
import { bump, writeReport } from "../load/report.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS, FIELDS, initialModel, predict, view } from "./model.js";
import type { Model, Op, RawKind, Request, Row, SentValue, Wire, WireKind } from "./model.js";

const RUNS = Number(process.env.PUFFLE_MODEL_RUNS ?? 150);
const MAX_COMMANDS = Number(process.env.PUFFLE_MODEL_MAX_COMMANDS ?? 30);
const SEED_OVERRIDE = process.env.PUFFLE_MODEL_SEED === undefined ? undefined : Number(process.env.PUFFLE_MODEL_SEED);

const ALICE_WS = "0a11ce00-0000-4000-8000-000000000001";
const CAROL = { id: "33333333-3333-4333-8333-333333333333", name: "Carol", token: "puffle_test_carol", workspace_id: ALICE_WS };

/** The default seed plus Carol, a second user in Alice's workspace (so she may use Alice's senders). */
const SEED: Seed = structuredClone({
  ...defaultSeed,
  users: [...defaultSeed.users, CAROL],
  conversations: [
    ...defaultSeed.conversations,
    {
      id: "ca201000-0000-4000-8000-000000000031", user_id: CAROL.id, account_id: null, channel: "email", status: "draft",
      external_id: null, participant_name: "Sam", participant_email: "sam@example.com", participant_linkedin_url: null,
      last_message_at: null, unread_count: 0, created_at: "2026-05-01T09:00:00Z", updated_at: "2026-05-01T09:00:00Z",
      draft_subject: "Hi Sam", draft_body_text: null, draft_body_html: null, draft_cc: null, draft_bcc: null, draft_attachments: null,
    },
    {
      id: "ca201000-0000-4000-8000-000000000032", user_id: CAROL.id, account_id: "aaaa1111-1111-1111-1111-111111111111", channel: "linkedin",
      status: "active", external_id: "unipile_chat_ca2", participant_name: "Kim", participant_email: null,
      participant_linkedin_url: "https://linkedin.com/in/kim", last_message_at: "2026-05-02T09:00:00Z", unread_count: 5,
      created_at: "2026-05-02T08:00:00Z", updated_at: "2026-05-02T09:00:00Z",
    },
    {
      id: "ca201000-0000-4000-8000-000000000033", user_id: CAROL.id, account_id: "96a0e000-0000-4000-8000-000000000004", channel: "email",
      status: "active", external_id: "agentmail_ca3", participant_name: null, participant_email: null, participant_linkedin_url: null,
      last_message_at: "2026-05-03T09:00:00Z", unread_count: 1, created_at: "2026-05-03T08:00:00Z", updated_at: "2026-05-03T09:00:00Z",
    },
  ],
} satisfies Seed);

const TOKENS = SEED.users.map((u) => u.token);
const ROW_IDS = SEED.conversations.map((c) => c.id);
const OWNED: Record<string, string[]> = Object.fromEntries(
  SEED.users.map((u) => [u.token, SEED.conversations.filter((c) => c.user_id === u.id).map((c) => c.id)]),
);
const MISSING_ID = "0f0f0f0f-0000-4000-8000-0000000000ff";
const ACCOUNT_IDS = SEED.accounts.map((a) => a.id);

// ---- arbitraries ---------------------------------------------------------------------------

const ok = (...values: unknown[]) => values.map((value): SentValue => ({ value, valid: true }));
const bad = (...values: unknown[]) => values.map((value): SentValue => ({ value, valid: false }));

/** Per field, values the request schema accepts and values it rejects (by construction). */
const POOLS: Record<string, { valid: SentValue[]; invalid: SentValue[] }> = {
  status: { valid: ok("active", "archived"), invalid: bad("draft", "deleted", "ACTIVE", null, 1) },
  unread_count: { valid: ok(0, 1, 7, 9_007_199_254_740_991), invalid: bad(-1, 1.5, "3", null, 9_007_199_254_740_992) },
  account_id: {
    // Every account of the seed (ready, pending, disconnected, LinkedIn, another workspace's), the
    // senders that can conflict more often, an upper-cased id, an unknown UUID, and null (clear).
    valid: ok(...ACCOUNT_IDS, "5a1e5000-0000-4000-8000-000000000003", "96a0e000-0000-4000-8000-000000000004", "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
      "b0b5e000-0000-4000-8000-000000000007", "8A2F0C7A-9D1E-4D8F-9D7D-6A8B8E8F4A11", "0e0e0e0e-0000-4000-8000-0000000000ee", null, null),
    invalid: bad("not-a-uuid", "", 5),
  },
  participant_email: {
    valid: ok("founder@example.com", "Founder@Example.COM", "FOUNDER@EXAMPLE.COM", "sam@example.com", "LEE@example.com", "new.person@example.org"),
    invalid: bad("not an email", null, 7),
  },
  participant_name: { valid: ok("Alex", "", "Zoë Ünïcode"), invalid: bad(null, 3) },
  draft_subject: { valid: ok("Hello", "", null), invalid: bad(1, true) },
  draft_body_text: { valid: ok("Hi there.", null), invalid: bad(false, ["x"]) },
  draft_body_html: { valid: ok("<p>Hi</p>", null), invalid: bad(2) },
  draft_cc: { valid: ok("cc@example.com", null), invalid: bad({}) },
  draft_bcc: { valid: ok("bcc@example.com", null), invalid: bad(0) },
  draft_attachments: {
    valid: ok(null, [], [{ id: "0b7e4f2a-5c1d-4e8f-9a3b-2c6d7e8f9a01", filename: "deck.pdf", size: 482113 }], [{}]),
    invalid: bad("deck.pdf", [1], {}),
  },
};
const UNKNOWN: Array<readonly [string, SentValue]> = [
  ["foo", { value: "bar", valid: true }],
  ["user_id", { value: "22222222-2222-2222-2222-222222222222", valid: true }],
  ["id", { value: MISSING_ID, valid: true }],
  ["updated_at", { value: "2000-01-01T00:00:00Z", valid: true }],
  ["channel", { value: "email", valid: true }],
  ["warmup", { value: true, valid: true }],
  ["__proto__", { value: { status: "archived" }, valid: true }],
];

/** Body members for `op`: mostly its own fields, sometimes the other operation's or unknown ones. */
function entryArb(op: Op): fc.Arbitrary<readonly [string, SentValue]> {
  const weightOf = (key: string) => {
    if (!FIELDS[op].includes(key)) return 1;
    if (op === "updateConversation") return 12;
    return key === "account_id" ? 8 : key === "participant_email" ? 4 : key === "status" || key === "unread_count" ? 3 : 2;
  };
  return fc.oneof(
    ...Object.entries(POOLS).map(([key, pool]) => ({
      weight: weightOf(key),
      arbitrary: fc.tuple(
        fc.constant(key),
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool.valid) }, { weight: 1, arbitrary: fc.constantFrom(...pool.invalid) }),
      ),
    })),
    { weight: 2, arbitrary: fc.constantFrom(...UNKNOWN) },
  );
}
const fieldsArb = (op: Op) => fc.oneof(
  { weight: 20, arbitrary: fc.uniqueArray(entryArb(op), { selector: ([key]) => key, minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant([]) },
);

const opArb = fc.constantFrom<Op>("updateConversation", "updateThread");

/** Mostly the caller's own records, sometimes anyone's, an upper-cased id, a missing or a malformed one. */
function targetArb(token: string): fc.Arbitrary<string> {
  const own = OWNED[token] ?? [];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...own) },
    { weight: 3, arbitrary: fc.constantFrom(...ROW_IDS) },
    { weight: 1, arbitrary: fc.constantFrom(...own).map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(MISSING_ID, "not-a-uuid", "3d986dd1-9d70-45b7-8e36") },
  );
}

const jsonRequestArb: fc.Arbitrary<Request> = fc.tuple(fc.constantFrom(...TOKENS), opArb).chain(([token, op]) =>
  fc.record({ id: targetArb(token), fields: fieldsArb(op) }).map(({ id, fields }): Request => ({ kind: "json", op, token, id, fields })),
);

/** Steered at the duplicate-recipient rule: a user's own thread moved to a sender that may already write to its recipient. */
const conflictRequestArb: fc.Arbitrary<Request> = fc.constantFrom(...TOKENS).chain((token) =>
  fc.record({
    id: fc.constantFrom(...(OWNED[token] ?? [])),
    account: fc.constantFrom("8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", "5a1e5000-0000-4000-8000-000000000003",
      "96a0e000-0000-4000-8000-000000000004", "b0b5e000-0000-4000-8000-000000000007"),
    email: fc.option(fc.constantFrom("founder@example.com", "Sam@Example.com", "lee@example.com"), { nil: undefined }),
  }).map(({ id, account, email }): Request => ({
    kind: "json", op: "updateThread", token, id,
    fields: [["account_id", { value: account, valid: true }], ...(email === undefined ? [] : [["participant_email", { value: email, valid: true }] as const])],
  })),
);

const RAW_KINDS: RawKind[] = ["invalid-json", "array-body", "null-body", "string-body", "empty-body", "too-deep", "text-plain",
  "no-token", "unknown-token", "malformed-authorization", "bad-id", "other-method"];
const rawRequestArb: fc.Arbitrary<Request> = fc.constantFrom(...TOKENS).chain((token) =>
  fc.record({ op: opArb, id: targetArb(token), raw: fc.constantFrom(...RAW_KINDS) }).map(({ op, id, raw }): Request => ({
    kind: "raw", op, raw, id: raw === "bad-id" ? "12345" : id,
    token: raw === "no-token" || raw === "malformed-authorization" ? null : raw === "unknown-token" ? "puffle_test_mallory" : token,
  })),
);

/**
 * Check 4's variants, each header labelled with what docs/server.md says of it: Content-Type
 * headers whose charset is a UTF-8 label (any case, quoted or not: plain JSON), ones naming another
 * charset (the 415 names it as sent, unquoted), and Content-Encoding headers with the codings other
 * than `identity` they list.
 */
const UTF8_CONTENT_TYPES = [
  "application/json; charset=utf8", "application/json; charset=UTF-8", 'application/json; charset="utf-8"', "application/json;charset=UTF8",
  'Application/JSON; Charset="Utf8"', "application/json; charset=unicode-1-1-utf-8", "application/json; charset=utf-8; version=1",
];
const NON_UTF8_CONTENT_TYPES: Array<readonly [contentType: string, charset: string]> = [
  ["application/json; charset=utf-16", "utf-16"], ["application/json; charset=iso-8859-1", "iso-8859-1"], ['application/json; charset="UTF-16"', "UTF-16"],
  ["application/json; charset=latin1", "latin1"], ["application/json; charset=us-ascii", "us-ascii"], ["application/json;charset=utf-16le", "utf-16le"],
  ['application/json; charset="UTF-32"; version=1', "UTF-32"],
];
const CODED: Array<readonly [contentEncoding: string, codings: string[]]> = [
  ["gzip", ["gzip"]], ["br", ["br"]], ["gzip, identity", ["gzip"]], ["identity, br", ["br"]], ["deflate, gzip", ["deflate", "gzip"]], ["GZIP", ["GZIP"]], ["zstd", ["zstd"]],
];

const methodArb = fc.oneof({ weight: 12, arbitrary: fc.constant("PATCH") }, { weight: 1, arbitrary: fc.constantFrom("PUT", "POST", "DELETE") });
/** No Content-Encoding, or `identity` (which is none). */
const noCodingArb = fc.constantFrom<string | null>(null, null, "identity");

const wireArb: fc.Arbitrary<Wire> = fc.oneof(
  fc.record({ method: methodArb, contentType: fc.constantFrom(...UTF8_CONTENT_TYPES), contentEncoding: noCodingArb })
    .map(({ method, contentType, contentEncoding }): Wire => ({ label: "utf8-label", method, contentType, json: true, badCharset: null, contentEncoding, codings: [] })),
  fc.record({ method: methodArb, charset: fc.constantFrom(...NON_UTF8_CONTENT_TYPES), contentEncoding: noCodingArb })
    .map(({ method, charset: [contentType, badCharset], contentEncoding }): Wire => ({ label: "non-utf8-charset", method, contentType, json: true, badCharset, contentEncoding, codings: [] })),
  fc.record({ method: methodArb, contentType: fc.constantFrom("application/json", ...UTF8_CONTENT_TYPES), coded: fc.constantFrom(...CODED) })
    .map(({ method, contentType, coded: [contentEncoding, codings] }): Wire => ({ label: "content-coding", method, contentType, json: true, badCharset: null, contentEncoding, codings })),
  methodArb.map((method): Wire => ({ label: "identity-coding", method, contentType: "application/json", json: true, badCharset: null, contentEncoding: "identity", codings: [] })),
  // Not JSON and compressed: the media type's 415, without Accept-Encoding (docs/server.md).
  fc.record({ method: methodArb, contentType: fc.constantFrom("text/plain", "application/x-www-form-urlencoded"), coded: fc.constantFrom(...CODED) })
    .map(({ method, contentType, coded: [contentEncoding, codings] }): Wire => ({ label: "not-json-coded", method, contentType, json: false, badCharset: null, contentEncoding, codings })),
);
const WIRE_KINDS: WireKind[] = ["non-utf8-charset", "utf8-label", "content-coding", "identity-coding", "not-json-coded"];

/** A JSON object body declared as `wire`: mostly the caller's token, sometimes none or an unknown one. */
const wireRequestArb: fc.Arbitrary<Request> = fc.tuple(fc.constantFrom(...TOKENS), opArb, wireArb).chain(([token, op, wire]) =>
  fc.record({
    // More malformed ids than elsewhere, so that check 3's 400 before check 4 is reached often.
    id: fc.oneof({ weight: 9, arbitrary: targetArb(token) }, { weight: 1, arbitrary: fc.constantFrom("not-a-uuid", "12345") }),
    fields: fieldsArb(op),
    sentToken: fc.oneof({ weight: 8, arbitrary: fc.constant<string | null>(token) }, { weight: 1, arbitrary: fc.constantFrom<string | null>(null, "puffle_test_mallory") }),
  }).map(({ id, fields, sentToken }): Request => ({ kind: "json", op, token: sentToken, id, fields, wire })),
);

// ---- the real system -------------------------------------------------------------------------

interface Real {
  server: RunningServer;
}

const stats = {
  sequences: 0,
  commands: 0,
  statuses: {} as Record<string, number>,
  byKind: {} as Record<string, number>,
  held: {} as Record<string, number>,
};

function bodyOf(fields: ReadonlyArray<readonly [string, SentValue]>): string {
  return JSON.stringify(Object.fromEntries(fields.map(([key, sent]) => [key, sent.value])));
}

async function perform(server: RunningServer, request: Request): Promise<Sent> {
  const token = request.token;
  if (request.kind === "json") {
    const wire = request.wire;
    if (wire === undefined) return send(server, request.op, request.id, { token, body: bodyOf(request.fields) });
    return send(server, request.op, request.id, {
      token, body: bodyOf(request.fields), method: wire.method, contentType: wire.contentType,
      headers: wire.contentEncoding === null ? {} : { "content-encoding": wire.contentEncoding },
    });
  }
  const valid = '{"status":"active"}';
  switch (request.raw) {
    case "invalid-json": return send(server, request.op, request.id, { token, body: '{"status": "active",' });
    case "array-body": return send(server, request.op, request.id, { token, body: `[${valid}]` });
    case "null-body": return send(server, request.op, request.id, { token, body: "null" });
    case "string-body": return send(server, request.op, request.id, { token, body: '"active"' });
    case "empty-body": return send(server, request.op, request.id, { token, body: "" });
    case "too-deep": return send(server, request.op, request.id, { token, body: `{"status":"active","draft_attachments":[{"a":${"[".repeat(100)}${"]".repeat(100)}}]}` });
    case "text-plain": return send(server, request.op, request.id, { token, body: valid, contentType: "text/plain" });
    case "malformed-authorization": return send(server, request.op, request.id, { token: null, body: valid, headers: { authorization: "Basic YWxpY2U6c2VjcmV0" } });
    case "other-method": return send(server, request.op, request.id, { token, method: "DELETE", body: "" });
    case "no-token": case "unknown-token": case "bad-id": return send(server, request.op, request.id, { token, body: valid });
  }
}

function describeRequest(request: Request): string {
  const who = request.token ?? "-";
  const what = request.kind === "json" ? bodyOf(request.fields) : `<${request.raw}>`;
  const wire = request.kind === "json" ? request.wire : undefined;
  const how = wire === undefined ? ""
    : ` [${wire.method}, Content-Type: ${wire.contentType}${wire.contentEncoding === null ? "" : `, Content-Encoding: ${wire.contentEncoding}`}]`;
  return `${request.op}(${who}, ${request.id}, ${what})${how}`;
}

/** The server's store, as rows keyed by lowercased id, in the model's shape. */
function storeRows(server: RunningServer): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of server.app.puffle.store.snapshot().conversations) {
    const row: Record<string, unknown> = {};
    for (const column of [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]) row[column] = (c as Record<string, unknown>)[column] ?? null;
    row.warmup = c.warmup === true;
    out[c.id.toLowerCase()] = row;
  }
  return out;
}

function modelRows(model: Model): Record<string, Record<string, unknown>> {
  return Object.fromEntries([...model.rows].map(([id, row]) => [id, { ...row }]));
}

const withoutUpdatedAt = (record: Record<string, unknown>) => {
  const { updated_at: _ignored, ...rest } = record;
  return rest;
};

let notFoundText: Record<Op, string> | undefined;

class RequestCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly request: Request) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const request = this.request;
    const where = describeRequest(request);
    const prediction = predict(model, request);
    const sent = await perform(real.server, request); // also checks the response against the spec
    stats.commands += 1;
    bump(stats.statuses, sent.status);
    const wire = request.kind === "json" ? request.wire : undefined;
    bump(stats.byKind, request.kind === "raw" ? `${request.op} ${request.raw}` : wire === undefined ? `${request.op} json` : `${request.op} json ${wire.label}`);
    expect(sent.status, `${where} → ${sent.text.slice(0, 300)}`).toBe(prediction.status);
    // A body check 4 refuses, sent with another method, no known token or a malformed id, gets that answer instead (checks 1–3 come first).
    if (wire !== undefined && (!wire.json || wire.badCharset !== null || wire.codings.length > 0) && prediction.status !== 415) {
      bump(stats.held, `${prediction.status} before check 4's 415 (documented order)`);
    }
    // Accept-Encoding is the content coding's 415's alone (docs/server.md, check 4).
    expect(sent.headers.get("accept-encoding"), `${where}: Accept-Encoding`).toBe(prediction.status === 415 ? prediction.acceptEncoding : null);
    const body = sent.body as Record<string, unknown>;
    if (prediction.status === 200) {
      const member = request.op === "updateThread" ? "thread" : "conversation";
      const record = body[member] as Record<string, unknown>;
      expect(withoutUpdatedAt(record), where).toEqual(withoutUpdatedAt(prediction.record));
      const key = request.id.toLowerCase();
      const before = model.rows.get(key);
      if (before === undefined) throw new Error("model: 200 predicted for a missing row");
      const updatedAt = String(record.updated_at);
      expect(Date.parse(updatedAt), `${where}: updated_at ${updatedAt} after ${before.updated_at}`).toBeGreaterThan(Date.parse(before.updated_at));
      model.rows.set(key, { ...prediction.next, updated_at: updatedAt } as Row);
      bump(stats.held, "200 record equals the model's");
      if (wire !== undefined) bump(stats.held, `200 for a JSON body with ${wire.label}`);
    } else if (prediction.status === 409) {
      const existing = body.existing_thread;
      expect(prediction.candidates.map((row) => view("updateThread", row)), where).toContainEqual(existing);
      bump(stats.held, "409 existing_thread is a conflicting thread");
    } else if (prediction.status === 404) {
      expect(sent.text, `${where}: a 404 must not differ from a missing id's`).toBe(notFoundText?.[request.op]);
      bump(stats.held, "404 identical to a missing id's");
    } else if (prediction.status === 415) {
      expect({ type: body.type, detail: body.detail }, where).toEqual({ type: prediction.type, detail: prediction.detail });
      bump(stats.held, `415 ${prediction.cause}: type, detail${prediction.acceptEncoding === null ? ", no Accept-Encoding" : ` and Accept-Encoding: ${prediction.acceptEncoding}`}`);
    } else {
      expect(body.type, where).toBe(prediction.type);
      bump(stats.held, `${prediction.status} problem type ${String(body.type).replace(/.*\//, "")}`);
    }
    expect(storeRows(real.server), `store after ${where}`).toEqual(modelRows(model));
    bump(stats.held, "whole store equals the model");
    bump(stats.held, "Accept-Encoding only on a content coding's 415");
  }
  toString(): string {
    return describeRequest(this.request);
  }
}

const commandsArb = fc.commands(
  [
    fc.oneof({ weight: 8, arbitrary: jsonRequestArb }, { weight: 2, arbitrary: conflictRequestArb }, { weight: 1, arbitrary: rawRequestArb },
      { weight: 2, arbitrary: wireRequestArb })
      .map((r) => new RequestCommand(r)),
  ],
  { maxCommands: MAX_COMMANDS, size: "+1" },
);

describe("reference server vs a model of the documented rules", () => {
  afterAll(() => {
    const prefix = (counter: Record<string, number>, label: string) => Object.fromEntries(Object.entries(counter).map(([k, n]) => [`${label}${k}`, n]));
    writeReport("server-model", {
      "server model: sequences": { "sequences run": stats.sequences, "commands executed": stats.commands, "max commands per sequence": MAX_COMMANDS, users: SEED.users.length, records: SEED.conversations.length },
      "server model: statuses": prefix(stats.statuses, "status "),
      "server model: commands": stats.byKind,
      "server model: checks": stats.held,
    });
  });

  it("the model sees fields of both operations", () => {
    // Every request field of the spec (generated/meta.js) is one the model reads and has values for:
    // a field added to the spec fails here naming it (give it a pool in POOLS), not by a count.
    for (const op of ["updateConversation", "updateThread"] as const) {
      expect([...FIELDS[op]].sort()).toEqual(Object.keys(meta[op].requestFields).sort());
      for (const field of FIELDS[op]) expect(POOLS, `${op}: no value pool for the request field ${field}`).toHaveProperty(field);
    }
  });

  it(`random interleavings of both operations by ${SEED.users.length} users equal the model (${RUNS} sequences)`, async () => {
    const reference = await start({ seed: SEED });
    try {
      notFoundText = {
        updateConversation: (await send(reference, "updateConversation", MISSING_ID, { body: { status: "active" } })).text,
        updateThread: (await send(reference, "updateThread", MISSING_ID, { body: { status: "active" } })).text,
      };
    } finally {
      await reference.close();
    }
    await fc.assert(
      fc.asyncProperty(commandsArb, async (commands) => {
        stats.sequences += 1;
        const server = await start({ seed: SEED });
        try {
          await fc.asyncModelRun(() => ({ model: initialModel(SEED), real: { server } }), commands);
        } finally {
          await server.close();
        }
      }),
      { numRuns: RUNS, ...(SEED_OVERRIDE !== undefined ? { seed: SEED_OVERRIDE } : {}) },
    );
    // The mix must actually reach every outcome, or the test proves little.
    for (const status of ["200", "400", "401", "404", "405", "409", "415"]) expect(stats.statuses, `status ${status} never seen`).toHaveProperty(status);
    const kinds = Object.keys(stats.byKind);
    for (const kind of WIRE_KINDS) expect(kinds.some((k) => k.endsWith(` json ${kind}`)), `no JSON body with ${kind} sent`).toBe(true);
    for (const reached of ["415 media type: type, detail, no Accept-Encoding", "415 charset: type, detail, no Accept-Encoding",
      "415 content coding: type, detail and Accept-Encoding: identity", "200 for a JSON body with utf8-label", "200 for a JSON body with identity-coding",
      "405 before check 4's 415 (documented order)", "401 before check 4's 415 (documented order)", "400 before check 4's 415 (documented order)"]) {
      expect(stats.held, `never reached: ${reached}`).toHaveProperty([reached]);
    }
  }, 300_000);
});
