// The 200 records' JSON (src/server/record-json.ts) is JSON.stringify's text exactly, for every value
// a row can hold, and the views it reads have every column in the documented order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Conversation, Thread } from "../../generated/schema.js";
import { defaultSeed } from "../../src/server/index.js";
import { conversationJson, threadJson } from "../../src/server/record-json.js";
import { conversationView, threadView } from "../../src/server/store.js";
import type { Row } from "../../src/server/store.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS } from "../../src/server/seed.js";
import { ALICE, DOCS_CONVERSATION, DOCS_THREAD, send, start } from "./http.js";

/** Strings JSON.stringify escapes or passes through on a boundary: controls, quotes, backslashes, surrogates (paired and lone), U+2028, long text. */
const SPECIAL = ["", "\"", "\\", "\u0000", "\u001f", " ", "\u007f", "\u2028", "\u2029", "\ud800", "\udfff", "\udc00\ud800", "😀", "é", "a".repeat(41), "a".repeat(42), `${"b".repeat(60)}"`, "</script>"];

const text = fc.oneof(fc.string({ unit: "binary", maxLength: 50 }), fc.constantFrom(...SPECIAL), fc.string({ unit: "grapheme", maxLength: 80 }));
const nullableText = fc.option(text, { nil: null });
const json = fc.jsonValue({ maxDepth: 3 });

/** Values for the columns whose shape the record JSON special-cases; any other column (one a spec edit adds) gets any JSON value. */
const SHAPED: Record<string, fc.Arbitrary<unknown>> = {
  id: text,
  user_id: text,
  channel: text,
  status: text,
  unread_count: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 1e21, 1e-7, Number.MAX_SAFE_INTEGER + 2)),
  created_at: text,
  updated_at: text,
  draft_cc: fc.option(fc.oneof(text, fc.array(text, { maxLength: 3 })), { nil: null }),
  draft_bcc: fc.option(text, { nil: null }),
  draft_attachments: fc.option(fc.array(fc.dictionary(text, json, { maxKeys: 4 }), { maxLength: 3 }), { nil: null }),
};
// Every column of the lists src/server/seed.ts holds, not a copy of them: a column added there
// (openapi/README.md, "Adding a field") is generated here too instead of missing from every row.
const row: fc.Arbitrary<Row> = fc.record({
  ...Object.fromEntries([...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS].map((column) => [column, SHAPED[column] ?? fc.oneof(nullableText, json)])),
  warmup: fc.boolean(),
}) as unknown as fc.Arbitrary<Row>;

/**
 * What a view (or a 200 record) has that the column lists do not, or lacks, one line each naming the
 * function to edit: a column added to src/server/seed.ts failed with "expected [ Array(19) ] to
 * deeply equal [ Array(20) ]", saying neither which column nor where it goes.
 */
function columnProblems(view: "conversationView" | "threadView", keys: string[]): string[] {
  const want: string[] = view === "conversationView" ? [...CONVERSATION_COLUMNS] : [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS];
  // A conversation column's member is written in conversationMembers, which threadJson starts with.
  const json = (c: string) => ((CONVERSATION_COLUMNS as readonly string[]).includes(c) ? "conversationMembers" : "threadJson");
  const problems = [
    ...want.filter((c) => !keys.includes(c)).map((c) => `${view} (src/server/store.ts) lacks the column ${c}: add it there and to ${json(c)} (src/server/record-json.ts), in the column lists' order (openapi/README.md, "Adding a field", step 2)`),
    ...keys.filter((k) => !want.includes(k)).map((k) => `${view} (src/server/store.ts) returns ${k}, which src/server/seed.ts's column lists do not hold`),
  ];
  if (problems.length === 0 && keys.join() !== want.join()) problems.push(`${view} (src/server/store.ts) returns the columns in another order than the column lists: ${keys.join(", ")}`);
  return problems;
}

describe("record JSON", () => {
  it("views hold every column, in the order of the column lists", () => {
    for (const seedRow of defaultSeed.conversations) {
      const r = { ...seedRow, warmup: seedRow.warmup === true } as Row;
      expect(columnProblems("conversationView", Object.keys(conversationView(r)))).toEqual([]);
      expect(columnProblems("threadView", Object.keys(threadView(r)))).toEqual([]);
    }
  });

  it("the check can fail: a column the view lacks, one it adds, another order", () => {
    const keys = [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS].filter((c) => c !== "draft_cc");
    expect(columnProblems("threadView", keys)).toEqual([
      'threadView (src/server/store.ts) lacks the column draft_cc: add it there and to threadJson (src/server/record-json.ts), in the column lists\' order (openapi/README.md, "Adding a field", step 2)',
    ]);
    // Two columns missing from threadView, a conversation one and a draft one: a line each, each naming its function.
    expect(columnProblems("threadView", [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS].filter((c) => c !== "unread_count" && c !== "draft_bcc"))).toEqual([
      'threadView (src/server/store.ts) lacks the column unread_count: add it there and to conversationMembers (src/server/record-json.ts), in the column lists\' order (openapi/README.md, "Adding a field", step 2)',
      'threadView (src/server/store.ts) lacks the column draft_bcc: add it there and to threadJson (src/server/record-json.ts), in the column lists\' order (openapi/README.md, "Adding a field", step 2)',
    ]);
    expect(columnProblems("conversationView", [...CONVERSATION_COLUMNS, "warmup"])).toEqual(["conversationView (src/server/store.ts) returns warmup, which src/server/seed.ts's column lists do not hold"]);
    expect(columnProblems("conversationView", [...CONVERSATION_COLUMNS].reverse())[0]).toMatch(/^conversationView \(src\/server\/store\.ts\) returns the columns in another order/);
  });

  it("equals JSON.stringify of the view for the default seed's rows", () => {
    for (const seedRow of defaultSeed.conversations) {
      const r = { ...seedRow, warmup: seedRow.warmup === true } as Row;
      expect(conversationJson(conversationView(r))).toBe(JSON.stringify(conversationView(r)));
      expect(threadJson(threadView(r))).toBe(JSON.stringify(threadView(r)));
    }
  });

  it("equals JSON.stringify of the view for any strings, numbers, arrays and attachments (3,000 rows)", () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(conversationJson(conversationView(r))).toBe(JSON.stringify(conversationView(r)));
        expect(threadJson(threadView(r))).toBe(JSON.stringify(threadView(r)));
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it("a draft column missing from a row is null in the thread's JSON, as in its view", () => {
    const r = { ...defaultSeed.conversations[0]!, warmup: false } as Partial<Row>;
    for (const column of DRAFT_COLUMNS) delete r[column];
    const view = threadView(r as Row);
    expect(threadJson(view)).toBe(JSON.stringify(view));
    expect(JSON.parse(threadJson(view))).toMatchObject({ draft_subject: null, draft_attachments: null });
  });

  it("throws naming the member rather than write invalid JSON or drop it", () => {
    const view = conversationView({ ...defaultSeed.conversations[0]!, warmup: false } as Row);
    expect(() => conversationJson({ ...view, external_id: undefined } as unknown as Conversation)).toThrow(
      "record-json: the record's external_id is undefined, which JSON cannot hold",
    );
    const thread = threadView({ ...defaultSeed.conversations[0]!, warmup: false } as Row);
    expect(() => threadJson({ ...thread, draft_cc: () => 1 } as unknown as Thread)).toThrow(/the record's draft_cc is function/);
  });

  it("the server's 200 bodies are the member name and the record's JSON.stringify text", async () => {
    const server = await start();
    try {
      const title = "Quote \" backslash \\ line\u2028sep tab\t emoji 😀";
      const thread = await send(server, "updateThread", DOCS_THREAD, { token: ALICE, body: { draft_subject: title, draft_cc: "a@example.com" } });
      expect(thread.status).toBe(200);
      const threadRecord = (thread.body as { thread: Thread }).thread;
      expect(threadRecord.draft_subject).toBe(title);
      expect(thread.text).toBe(JSON.stringify({ thread: threadRecord }));
      expect(columnProblems("threadView", Object.keys(threadRecord))).toEqual([]);

      const conversation = await send(server, "updateConversation", DOCS_CONVERSATION, { token: ALICE, body: { unread_count: 7 } });
      expect(conversation.status).toBe(200);
      const conversationRecord = (conversation.body as { conversation: Conversation }).conversation;
      expect(conversationRecord.unread_count).toBe(7);
      expect(conversation.text).toBe(JSON.stringify({ conversation: conversationRecord }));
      expect(columnProblems("conversationView", Object.keys(conversationRecord))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
