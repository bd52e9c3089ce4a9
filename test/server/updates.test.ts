// Updates: normalizeRequestBody's leniency, the docs' examples, updated_at, the sender rule and the
// duplicate-recipient rule, over HTTP on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultSeed } from "../../src/server/index.js";
import { DRAFT_COLUMNS } from "../../src/server/seed.js";
import type { RunningServer, Seed, SeedConversation } from "../../src/server/index.js";
import type { OperationId } from "../../src/validators.js";
import { ALICE_EMAIL_CONVERSATION, BOB, BOB_THREAD, DOCS_CONVERSATION, DOCS_THREAD, SENDERS, rowOf, send, snapshot, start } from "./http.js";

let server: RunningServer;
beforeEach(async () => {
  server = await start();
});
afterEach(async () => {
  await server.close();
});

type Rec = Record<string, unknown>;
const recordOf = (body: unknown): Rec => {
  const b = body as { conversation?: Rec; thread?: Rec };
  const record = b.conversation ?? b.thread;
  if (record === undefined) throw new Error(`no record in ${JSON.stringify(body)}`);
  return record;
};

/** The seed row as the operation returns it (without the internal `warmup` flag). */
function seeded(op: OperationId, id: string): Rec {
  const { warmup: _warmup, ...row } = rowOf(defaultSeed, id) as SeedConversation;
  const out: Rec = { ...row };
  if (op === "updateConversation") for (const column of DRAFT_COLUMNS) delete out[column];
  else for (const column of DRAFT_COLUMNS) out[column] ??= null;
  return out;
}

/** Asserts the record differs from its seed exactly in `changed` and in a later updated_at. */
function expectOnly(op: OperationId, id: string, record: Rec, changed: Rec): void {
  const before = seeded(op, id);
  expect(Date.parse(String(record.updated_at))).toBeGreaterThan(Date.parse(String(before.updated_at)));
  expect(record).toEqual({ ...before, ...changed, updated_at: record.updated_at });
}

describe("the default seed's documented records", () => {
  it("the docs' conversation example request returns the conversation with only those fields changed", async () => {
    const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "active", unread_count: 4503599627370495 } });
    expect(res.status).toBe(200);
    expectOnly("updateConversation", DOCS_CONVERSATION, recordOf(res.body), { status: "active", unread_count: 4503599627370495 });
  });

  it("the docs' thread example request returns the docs' response values", async () => {
    const res = await send(server, "updateThread", DOCS_THREAD, {
      body: {
        account_id: SENDERS.docs,
        participant_email: "founder@example.com",
        draft_subject: "Quick question",
        draft_body_text: "Hi Alex, I had a quick question.",
      },
    });
    expect(res.status).toBe(200);
    expect(recordOf(res.body)).toMatchObject({
      id: DOCS_THREAD,
      status: "draft",
      account_id: SENDERS.docs,
      participant_email: "founder@example.com",
      draft_subject: "Quick question",
    });
    expectOnly("updateThread", DOCS_THREAD, recordOf(res.body), {});
  });

  it("updateConversation returns every conversation column and no draft column; updateThread returns both", async () => {
    const c = recordOf((await send(server, "updateConversation", DOCS_THREAD, { body: { unread_count: 1 } })).body);
    expect(Object.keys(c).sort()).toEqual(Object.keys(seeded("updateConversation", DOCS_THREAD)).sort());
    const t = recordOf((await send(server, "updateThread", DOCS_THREAD, { body: { unread_count: 1 } })).body);
    expect(Object.keys(t).sort()).toEqual(Object.keys(seeded("updateThread", DOCS_THREAD)).sort());
  });
});

describe("request bodies go through normalizeRequestBody", () => {
  const ok: { name: string; op: OperationId; id: string; body: unknown; changed: Rec }[] = [
    { name: "archive", op: "updateConversation", id: ALICE_EMAIL_CONVERSATION, body: { status: "archived" }, changed: { status: "archived" } },
    { name: "an invalid status is dropped, the valid field applied", op: "updateConversation", id: DOCS_CONVERSATION, body: { status: "deleted", unread_count: 7 }, changed: { unread_count: 7 } },
    { name: "status draft is not accepted and dropped", op: "updateThread", id: ALICE_EMAIL_CONVERSATION, body: { status: "draft", unread_count: 0 }, changed: { unread_count: 0 } },
    { name: "unknown fields are dropped", op: "updateConversation", id: DOCS_CONVERSATION, body: { status: "active", user_id: "22222222-2222-2222-2222-222222222222", channel: "email", updated_at: "2000-01-01T00:00:00Z" }, changed: { status: "active" } },
    { name: "a conversation body cannot set thread fields", op: "updateConversation", id: DOCS_THREAD, body: { draft_subject: "x", account_id: null, unread_count: 9 }, changed: { unread_count: 9 } },
    { name: "participant_email is stored lowercase", op: "updateThread", id: DOCS_THREAD, body: { participant_email: "Founder.Two@Example.COM" }, changed: { participant_email: "founder.two@example.com" } },
    { name: "account_id null clears the sender", op: "updateThread", id: DOCS_THREAD, body: { account_id: null }, changed: { account_id: null } },
    { name: "draft fields set", op: "updateThread", id: DOCS_THREAD, body: { draft_subject: "Following up", draft_cc: "cofounder@example.com", draft_bcc: "crm@example.com", draft_body_html: "<p>Hi</p>", participant_name: "Alex Founder" }, changed: { draft_subject: "Following up", draft_cc: "cofounder@example.com", draft_bcc: "crm@example.com", draft_body_html: "<p>Hi</p>", participant_name: "Alex Founder" } },
    { name: "draft fields cleared with null", op: "updateThread", id: DOCS_THREAD, body: { draft_subject: null, draft_body_text: null, draft_attachments: null }, changed: { draft_subject: null, draft_body_text: null } },
    { name: "draft attachments kept as they are", op: "updateThread", id: DOCS_THREAD, body: { draft_attachments: [{ id: "0b7e4f2a-5c1d-4e8f-9a3b-2c6d7e8f9a01", filename: "deck.pdf", size: 482113, meta: { pages: [1, 2] } }] }, changed: { draft_attachments: [{ id: "0b7e4f2a-5c1d-4e8f-9a3b-2c6d7e8f9a01", filename: "deck.pdf", size: 482113, meta: { pages: [1, 2] } }] } },
    { name: "an invalid email is dropped", op: "updateThread", id: DOCS_THREAD, body: { participant_email: "not an email", unread_count: 3 }, changed: { unread_count: 3 } },
    { name: "unread_count at 2^53-1", op: "updateThread", id: DOCS_THREAD, body: { unread_count: 9007199254740991 }, changed: { unread_count: 9007199254740991 } },
    { name: "a status change on an email thread", op: "updateThread", id: DOCS_THREAD, body: { status: "archived" }, changed: { status: "archived" } },
  ];
  for (const c of ok) {
    it(`${c.op}: ${c.name} → 200`, async () => {
      const res = await send(server, c.op, c.id, { body: c.body });
      expect(res.status).toBe(200);
      expectOnly(c.op, c.id, recordOf(res.body), c.changed);
      // The store holds what was returned.
      const stored = rowOf(snapshot(server), c.id) as Rec;
      for (const [key, value] of Object.entries(recordOf(res.body))) expect(stored[key]).toEqual(value);
    });
  }

  const bad: { name: string; op: OperationId; body: unknown; paths: string[] }[] = [
    { name: "{}", op: "updateConversation", body: {}, paths: [""] },
    { name: "{} (thread)", op: "updateThread", body: {}, paths: [""] },
    { name: "all invalid", op: "updateConversation", body: { status: "deleted", unread_count: -1 }, paths: ["/status", "/unread_count", ""] },
    { name: "only unknown fields", op: "updateThread", body: { colour: "red" }, paths: ["/colour", ""] },
    { name: "a fraction", op: "updateConversation", body: { unread_count: 1.5 }, paths: ["/unread_count", ""] },
    { name: "over 2^53-1", op: "updateConversation", body: { unread_count: 9007199254740992 }, paths: ["/unread_count", ""] },
    { name: "account_id not a uuid", op: "updateThread", body: { account_id: "sender-1" }, paths: ["/account_id", ""] },
    { name: "participant_email null", op: "updateThread", body: { participant_email: null }, paths: ["/participant_email", ""] },
    { name: "an array body", op: "updateThread", body: [{ status: "active" }], paths: [""] },
    { name: "a JSON string", op: "updateConversation", body: JSON.stringify("active"), paths: [""] },
    { name: "JSON null", op: "updateConversation", body: "null", paths: [""] },
  ];
  for (const c of bad) {
    it(`${c.op}: ${c.name} → 400, errors at ${c.paths.map((p) => JSON.stringify(p)).join(", ")}, nothing changed`, async () => {
      const before = snapshot(server);
      const res = await send(server, c.op, DOCS_THREAD, { body: c.body });
      expect(res.status).toBe(400);
      const problem = res.body as { type: string; errors: { path: string }[] };
      expect(problem.type).toBe("https://app.puffle.ai/problems/invalid-request");
      expect(problem.errors.map((e) => e.path)).toEqual(c.paths);
      expect(snapshot(server)).toEqual(before);
    });
  }
});

describe("a 400's issue messages", () => {
  it("a nullable field's type issue reads `must be string or null` (not AJV's `must be string,null`)", async () => {
    const before = snapshot(server);
    const res = await send(server, "updateThread", DOCS_THREAD, { body: { account_id: 5 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      type: "https://app.puffle.ai/problems/invalid-request",
      status: 400,
      errors: [
        { path: "/account_id", keyword: "type", message: "must be string or null" },
        { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
      ],
    });
    expect((res.body as { errors: unknown[] }).errors).toHaveLength(2);
    expect(snapshot(server)).toEqual(before);
  });

  it("an array's: `must be array or null`; a field of one type keeps `must be integer`", async () => {
    const res = await send(server, "updateThread", DOCS_THREAD, { body: { draft_attachments: "a.pdf", unread_count: "1" } });
    expect(res.status).toBe(400);
    expect((res.body as { errors: unknown[] }).errors).toEqual([
      { path: "/draft_attachments", keyword: "type", message: "must be array or null" },
      { path: "/unread_count", keyword: "type", message: "must be integer" },
      { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
    ]);
  });

  // `1e400` in draft_attachments was parsed as Infinity, stored, and answered 200 with `"size": null`
  // (JSON.stringify's Infinity): the value sent was replaced without a word. It is an invalid value now.
  it("a number past ±1.7976931348623157e308 in draft_attachments: a 400 naming it, or dropped beside a valid field", async () => {
    const before = snapshot(server);
    const message = "is not a JSON value (Infinity: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)";
    const alone = await send(server, "updateThread", DOCS_THREAD, { body: '{"draft_attachments":[{"name":"a.pdf","size":1e400}]}' });
    expect(alone.status).toBe(400);
    expect((alone.body as { errors: unknown[] }).errors).toEqual([
      { path: "/draft_attachments/0/size", keyword: "type", message },
      { path: "", keyword: "minProperties", message: "must have at least 1 valid field" },
    ]);
    expect(snapshot(server)).toEqual(before);
    const beside = await send(server, "updateThread", DOCS_THREAD, { body: '{"status":"archived","draft_attachments":[{"size":-1e400}]}' });
    expect(beside.status).toBe(200);
    expect(recordOf(beside.body)).toMatchObject({ status: "archived", draft_attachments: seeded("updateThread", DOCS_THREAD).draft_attachments });
    // Finite numbers at the edges are kept as JSON reads them.
    const edges = await send(server, "updateThread", DOCS_THREAD, { body: '{"draft_attachments":[{"a":1e308,"b":-0,"c":1e-400}]}' });
    expect(edges.status).toBe(200);
    expect(recordOf(edges.body).draft_attachments).toEqual([{ a: 1e308, b: 0, c: 0 }]);
  });
});

describe("updated_at", () => {
  it("advances on every update, even when the values are the same", async () => {
    const stamps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "archived" } });
      expect(res.status).toBe(200);
      stamps.push(Date.parse(String(recordOf(res.body).updated_at)));
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1] ?? Infinity);
  });

  it("only the updated record changes in the store", async () => {
    const before = snapshot(server);
    await send(server, "updateThread", DOCS_THREAD, { body: { unread_count: 4 } });
    const after = snapshot(server);
    expect(after.conversations.filter((c) => c.id !== DOCS_THREAD)).toEqual(before.conversations.filter((c) => c.id !== DOCS_THREAD));
    expect({ ...after, conversations: [] }).toEqual({ ...before, conversations: [] });
  });
});

describe("account_id must be a ready email sender in the caller's workspace", () => {
  const table: { name: string; account: string; status: number }[] = [
    { name: "a ready email sender of the workspace (the docs' sender)", account: SENDERS.docs, status: 200 },
    { name: "a ready sender with only archived and warmup threads to this recipient", account: SENDERS.growth, status: 200 },
    { name: "the same sender in upper case", account: SENDERS.growth.toUpperCase(), status: 200 },
    { name: "a pending email sender", account: SENDERS.pending, status: 400 },
    { name: "a disconnected email sender", account: SENDERS.disconnected, status: 400 },
    { name: "a ready LinkedIn account", account: SENDERS.linkedin, status: 400 },
    { name: "a ready email sender of another workspace", account: SENDERS.bobs, status: 400 },
    { name: "an account that does not exist", account: SENDERS.unknown, status: 400 },
  ];
  for (const { name, account, status } of table) {
    it(`${name} → ${status}`, async () => {
      const before = snapshot(server);
      const res = await send(server, "updateThread", DOCS_THREAD, { body: { account_id: account, draft_subject: "New subject" } });
      expect(res.status).toBe(status);
      if (status === 200) {
        expectOnly("updateThread", DOCS_THREAD, recordOf(res.body), { account_id: account.toLowerCase(), draft_subject: "New subject" });
      } else {
        expect(res.body).toEqual({
          type: "https://app.puffle.ai/problems/invalid-sender-account",
          title: "Invalid sender account",
          status: 400,
          detail: "account_id must refer to a ready email sender in your workspace.",
          errors: [{ path: "/account_id", keyword: "x-puffle-ready-email-sender", message: "must refer to a ready email sender in the workspace" }],
        });
        expect(snapshot(server)).toEqual(before);
      }
    });
  }

  it("bob may use his own sender", async () => {
    const res = await send(server, "updateThread", BOB_THREAD, { token: BOB, body: { account_id: null } });
    expect(res.status).toBe(200);
    const again = await send(server, "updateThread", BOB_THREAD, { token: BOB, body: { account_id: SENDERS.bobs } });
    expect(again.status).toBe(200);
    const alices = await send(server, "updateThread", BOB_THREAD, { token: BOB, body: { account_id: SENDERS.docs } });
    expect(alices.status).toBe(400);
  });
});

describe("duplicate recipient → 409 with existing_thread", () => {
  it("moving the docs' draft to a sender that already writes to founder@example.com", async () => {
    const before = snapshot(server);
    const res = await send(server, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales } });
    expect(res.status).toBe(409);
    const problem = res.body as { type: string; title: string; existing_thread: Rec };
    expect(problem.type).toBe("https://app.puffle.ai/problems/duplicate-thread");
    expect(problem.title).toBe("Duplicate thread");
    expect(problem.existing_thread).toEqual(seeded("updateThread", "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b"));
    expect(snapshot(server)).toEqual(before);
  });

  it("compares with the recipient the thread will have after the update", async () => {
    // sales@ writes to founder@example.com, not to someone@else.com: no conflict.
    const res = await send(server, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales, participant_email: "Someone@Else.com" } });
    expect(res.status).toBe(200);
    // growth@ has only an archived and a warmup thread with founder@: moving there is fine …
    const growth = await send(server, "updateThread", ALICE_EMAIL_CONVERSATION, { body: { account_id: SENDERS.growth, participant_email: "FOUNDER@example.com" } });
    expect(growth.status).toBe(200);
    // … and from then on growth@ does have an active thread with founder@example.com.
    const back = await send(server, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.growth, participant_email: "founder@example.com" } });
    expect(back.status).toBe(409);
    expect((back.body as { existing_thread: Rec }).existing_thread.id).toBe(ALICE_EMAIL_CONVERSATION);
  });

  it("whatever the status of the thread being changed (an archived thread moved to that sender)", async () => {
    const seed: Seed = structuredClone(defaultSeed);
    rowOf(seed, DOCS_THREAD).status = "archived";
    const custom = await start({ seed });
    try {
      const before = snapshot(custom);
      const res = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales } });
      expect(res.status).toBe(409);
      expect((res.body as { existing_thread: Rec }).existing_thread.id).toBe("9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b");
      expect(snapshot(custom)).toEqual(before);
    } finally {
      await custom.close();
    }
  });

  it("is checked only when account_id changes", async () => {
    // Setting the sender the thread already has is not a change, whatever other threads exist.
    const seed: Seed = structuredClone(defaultSeed);
    rowOf(seed, "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b").account_id = SENDERS.docs;
    const custom = await start({ seed });
    try {
      const same = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.docs, draft_subject: "Same sender" } });
      expect(same.status).toBe(200);
      const changeEmailOnly = await send(custom, "updateThread", DOCS_THREAD, { body: { participant_email: "founder@example.com" } });
      expect(changeEmailOnly.status).toBe(200);
      const cleared = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: null } });
      expect(cleared.status).toBe(200);
      const back = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.docs } });
      expect(back.status).toBe(409);
    } finally {
      await custom.close();
    }
  });

  it("applies only to email threads, and not when the thread has no recipient", async () => {
    const seed: Seed = structuredClone(defaultSeed);
    // A LinkedIn conversation of alice with founder@example.com as its participant.
    const linkedin = rowOf(seed, DOCS_CONVERSATION);
    linkedin.participant_email = "founder@example.com";
    linkedin.account_id = SENDERS.linkedin;
    // An email draft without a recipient.
    const draft = rowOf(seed, DOCS_THREAD);
    draft.participant_email = null;
    draft.account_id = null;
    // sales@ has an active email thread without a recipient too: two threads without one are no duplicates.
    const other = rowOf(seed, ALICE_EMAIL_CONVERSATION);
    other.participant_email = null;
    other.account_id = SENDERS.sales;
    const custom = await start({ seed });
    try {
      const res = await send(custom, "updateThread", DOCS_CONVERSATION, { body: { account_id: SENDERS.sales } });
      expect(res.status).toBe(200);
      const noRecipient = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales } });
      expect(noRecipient.status).toBe(200);
      const withRecipient = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: null } });
      expect(withRecipient.status).toBe(200);
      const conflict = await send(custom, "updateThread", DOCS_THREAD, { body: { account_id: SENDERS.sales, participant_email: "founder@example.com" } });
      expect(conflict.status).toBe(409);
    } finally {
      await custom.close();
    }
  });
});

describe("each start begins from the seed", () => {
  it("a second server does not see the first one's changes, and the default seed is untouched", async () => {
    const original = structuredClone(defaultSeed);
    await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "active", unread_count: 99 } });
    const second = await start();
    try {
      expect(rowOf(snapshot(second), DOCS_CONVERSATION)).toEqual({ ...rowOf(defaultSeed, DOCS_CONVERSATION), ...Object.fromEntries(DRAFT_COLUMNS.map((column) => [column, null])), warmup: false });
    } finally {
      await second.close();
    }
    expect(defaultSeed).toEqual(original);
  });
});
