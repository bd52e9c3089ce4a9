// The fixture format: the default seed's documented contract, seed validation with clear errors,
// --data files, and the `npm run mock` entry (dist/server/main.js).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { operationExamples } from "../../generated/examples.js";
import { patternRules } from "../../generated/validators.js";
import { validatePathParams } from "../../src/validators.js";
import { createServer, defaultSeed, loadSeed, SeedError, startServer, validateSeed } from "../../src/server/index.js";
import type { Seed } from "../../src/server/index.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS, MAX_SEED_BYTES, MAX_SEED_ISSUES } from "../../src/server/seed.js";
import { ALICE, BOB, DOCS_CONVERSATION, DOCS_THREAD, SENDERS, rowOf, send, start } from "./http.js";
import { scratchDir } from "../scratch.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const conversationRequired: string[] = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8")).components.schemas.Conversation.required;
const mainJs = path.join(root, "dist/server/main.js");
const tmp = scratchDir("puffle-seed-");
/**
 * A date-time column's rule as a seed's issue words it (its pattern's issue quoted the regex): the
 * generated validators' words for the pattern (`patternRules`), as the 400 and `toIssues` say it.
 * It said "a T between date and time" of a pattern that takes a t too.
 */
const DATE_TIME_RULE = "must be an RFC 3339 date-time: YYYY-MM-DDThh:mm:ss, an optional fraction, then Z or an offset with its colon (+05:30)";
/** The path id's rule in words, as validatePathParams words it (a seed's conversation id must pass it). */
const PATH_ID_RULE = "must be a UUID as 8-4-4-4-12 hex digits, its 13th digit (the version) 1 to 8 and its 17th (the variant) 8, 9, a or b, or the nil UUID (all 0) or the max UUID in lower case (all f)";

/** The SeedError `load` throws (the test fails when it throws none, or something else). */
function seedErrorOf(load: () => unknown): SeedError {
  let caught: unknown;
  try {
    load();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SeedError);
  return caught as SeedError;
}

function writeSeed(name: string, data: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
}

const userOf = (token: string) => {
  const user = defaultSeed.users.find((u) => u.token === token);
  if (user === undefined) throw new Error(`no user with ${token}`);
  return user;
};

describe("the default seed (documented contract)", () => {
  it("is a valid seed", () => {
    expect(() => validateSeed(defaultSeed)).not.toThrow();
  });

  it("alice owns the docs' conversation with the docs' response values", () => {
    const alice = userOf(ALICE);
    const docs = operationExamples.updateConversation.responses["200"].docs.conversation;
    const { warmup: _w, ...row } = rowOf(defaultSeed, DOCS_CONVERSATION);
    expect(row).toMatchObject(docs);
    // The docs' example is Puffle's page verbatim and shows every column `Conversation` requires;
    // the seed may hold more only as columns the page does not show ("the server may add more").
    const required = new Set(conversationRequired);
    expect(Object.keys(row).filter((column) => !Object.hasOwn(docs, column) && required.has(column))).toEqual([]);
    expect(Object.keys(row).sort()).toEqual([...CONVERSATION_COLUMNS].sort());
    expect(row.user_id).toBe(alice.id);
    expect(row.channel).toBe("linkedin");
  });

  it("alice owns the docs' thread, an email draft with the docs' values", () => {
    const docs = operationExamples.updateThread.responses["200"].docs.thread;
    const row = rowOf(defaultSeed, DOCS_THREAD);
    expect(row).toMatchObject(docs);
    expect(row).toMatchObject({ user_id: userOf(ALICE).id, channel: "email", status: "draft", draft_body_text: "Hi Alex, I had a quick question." });
  });

  it("the docs' sender is a ready email sender of alice's workspace; bob has his own records and workspace", () => {
    const alice = userOf(ALICE);
    const bob = userOf(BOB);
    expect(defaultSeed.accounts.find((a) => a.id === SENDERS.docs)).toMatchObject({ channel: "email", status: "ready", workspace_id: alice.workspace_id });
    expect(bob.workspace_id).not.toBe(alice.workspace_id);
    const bobs = defaultSeed.conversations.filter((c) => c.user_id === bob.id);
    expect(bobs.map((c) => c.channel).sort()).toEqual(["email", "email", "linkedin"]);
    const statuses = new Set(defaultSeed.accounts.filter((a) => a.workspace_id === alice.workspace_id && a.channel === "email").map((a) => a.status));
    expect([...statuses].sort()).toEqual(["disconnected", "pending", "ready"]);
    expect(defaultSeed.conversations.some((c) => c.warmup === true)).toBe(true);
    expect(defaultSeed.conversations.some((c) => c.status === "archived" && c.channel === "email")).toBe(true);
  });
});

describe("seed validation names the field and the rule", () => {
  const base = (): Seed => structuredClone(defaultSeed);
  const table: { name: string; make: () => unknown; message: string }[] = [
    { name: "not an object", make: () => [], message: "(root): must be a JSON object" },
    { name: "an unknown top-level field", make: () => ({ ...base(), tokens: [] }), message: "tokens: is not a known field" },
    { name: "users not an array", make: () => ({ ...base(), users: {} }), message: "users: must be an array" },
    { name: "a bad user id", make: () => { const s = base(); s.users[0]!.id = "alice"; return s; }, message: 'users[0].id: must be a UUID (got "alice")' },
    { name: "a token with spaces", make: () => { const s = base(); s.users[1]!.token = "my token"; return s; }, message: 'users[1].token: must be a bearer token: letters, digits and -._~+/ (got a token holding " "; its text is not quoted)' },
    { name: "a duplicate token", make: () => { const s = base(); s.users[1]!.token = ALICE; return s; }, message: "users[1].token: duplicate token: users[0] has the same one (its text is not quoted)" },
    { name: "an unknown workspace", make: () => { const s = base(); s.accounts[0]!.workspace_id = "0f0f0f0f-0000-4000-8000-000000000000"; return s; }, message: "accounts[0].workspace_id: must name a workspace of this seed" },
    { name: "an account status", make: () => { const s = base(); (s.accounts[2] as { status: string }).status = "warming"; return s; }, message: 'accounts[2].status: must be one of "ready", "pending", "disconnected" (got "warming")' },
    { name: "a conversation status", make: () => { const s = base(); (s.conversations[1] as { status: string }).status = "sent"; return s; }, message: 'conversations[1].status: must be one of "active", "archived", "draft"' },
    { name: "a missing column", make: () => { const s = base(); delete (s.conversations[0] as Partial<Seed["conversations"][number]>).unread_count; return s; }, message: "conversations[0].unread_count: is required" },
    { name: "a misspelt column", make: () => { const s = base(); (s.conversations[0] as Record<string, unknown>).unread_cout = 1; return s; }, message: "conversations[0].unread_cout: is not a known field" },
    { name: "an upper-case email", make: () => { const s = base(); s.conversations[1]!.participant_email = "Founder@example.com"; return s; }, message: 'conversations[1].participant_email: must be stored lowercase (got "Founder@example.com")' },
    { name: "an id the API could never reach", make: () => { const s = base(); s.conversations[2]!.id = "11111111-1111-1111-1111-111111111111"; return s; }, message: `conversations[2].id: ${PATH_ID_RULE}; otherwise the record could never be updated (got "11111111-1111-1111-1111-111111111111")` },
    { name: "the max UUID in upper case as an id", make: () => { const s = base(); s.conversations[2]!.id = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"; return s; }, message: `conversations[2].id: ${PATH_ID_RULE}; otherwise the record could never be updated (got "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")` },
    { name: "a duplicate conversation id", make: () => { const s = base(); s.conversations[2]!.id = DOCS_CONVERSATION; return s; }, message: `conversations[2].id: duplicate conversation id "${DOCS_CONVERSATION}"` },
    { name: "an unknown owner", make: () => { const s = base(); s.conversations[0]!.user_id = "0f0f0f0f-0000-4000-8000-000000000000"; return s; }, message: "conversations[0].user_id: must name a user of this seed" },
    { name: "a sender of another workspace", make: () => { const s = base(); s.conversations[1]!.account_id = SENDERS.bobs; return s; }, message: "conversations[1].account_id: must name an account in the workspace of the owner" },
    { name: "a nullable column of another type", make: () => { const s = base(); (s.conversations[0] as Record<string, unknown>).external_id = 5; return s; }, message: "conversations[0].external_id: must be string or null" },
    { name: "draft attachments that are not an array", make: () => { const s = base(); (s.conversations[1] as Record<string, unknown>).draft_attachments = "deck.pdf"; return s; }, message: "conversations[1].draft_attachments: must be array or null" },
    { name: "a draft attachment that is not an object", make: () => { const s = base(); (s.conversations[1] as Record<string, unknown>).draft_attachments = ["deck.pdf"]; return s; }, message: "conversations[1].draft_attachments[0]: must be object" },
    // Ids compare case-insensitively everywhere (the store looks them up lowercased): a duplicate in other case is a duplicate.
    { name: "a duplicate conversation id in other case", make: () => { const s = base(); s.conversations[2]!.id = DOCS_CONVERSATION.toUpperCase(); return s; }, message: `conversations[2].id: duplicate conversation id "${DOCS_CONVERSATION.toUpperCase()}"` },
    { name: "a duplicate workspace id", make: () => { const s = base(); s.workspaces[1]!.id = s.workspaces[0]!.id; return s; }, message: `workspaces[1].id: duplicate workspace id "${defaultSeed.workspaces[0]!.id}"` },
    { name: "a duplicate user id in other case", make: () => { const s = base(); s.users[1]!.id = s.users[0]!.id.toUpperCase(); return s; }, message: "users[1].id: duplicate user id" },
    { name: "a duplicate account id in other case", make: () => { const s = base(); s.accounts[1]!.id = s.accounts[0]!.id.toUpperCase(); return s; }, message: "accounts[1].id: duplicate account id" },
    { name: "an unknown workspace field", make: () => { const s = base(); (s.workspaces[0] as unknown as Record<string, unknown>).owner = "alice"; return s; }, message: "workspaces[0].owner: is not a known field" },
    { name: "a blank workspace name", make: () => { const s = base(); s.workspaces[0]!.name = "  "; return s; }, message: 'workspaces[0].name: must be a non-empty string (got " " (spaces collapsed; 2 characters in all))' },
    { name: "an account email that is not a string", make: () => { const s = base(); (s.accounts[0] as unknown as Record<string, unknown>).email = 42; return s; }, message: "accounts[0].email: must be a string or null" },
    { name: "a description that is not a string", make: () => ({ ...base(), description: ["demo"] }), message: "description: must be a string" },
    { name: "warmup not a boolean", make: () => { const s = base(); (s.conversations[5] as Record<string, unknown>).warmup = "yes"; return s; }, message: "conversations[5].warmup: must be a boolean" },
    // Users and accounts are checked as workspaces are: every field, and an id that is no string is
    // a problem listed (not a TypeError when it is compared or looked up).
    { name: "a workspace id that is no string", make: () => { const s = base(); (s.workspaces[0] as unknown as Record<string, unknown>).id = 5; return s; }, message: "workspaces[0].id: must be a UUID (got 5)" },
    { name: "an unknown user field", make: () => { const s = base(); (s.users[0] as unknown as Record<string, unknown>).email = "a@example.com"; return s; }, message: "users[0].email: is not a known field" },
    { name: "a user id that is no string", make: () => { const s = base(); (s.users[0] as unknown as Record<string, unknown>).id = 7; return s; }, message: "users[0].id: must be a UUID (got 7)" },
    { name: "a blank user name", make: () => { const s = base(); s.users[0]!.name = ""; return s; }, message: 'users[0].name: must be a non-empty string (got "")' },
    { name: "a user workspace_id that is no string", make: () => { const s = base(); (s.users[0] as unknown as Record<string, unknown>).workspace_id = 1; return s; }, message: "users[0].workspace_id: must be a UUID (got 1)" },
    { name: "a user of an unknown workspace", make: () => { const s = base(); s.users[0]!.workspace_id = "0f0f0f0f-0000-4000-8000-000000000000"; return s; }, message: 'users[0].workspace_id: must name a workspace of this seed (got "0f0f0f0f-0000-4000-8000-000000000000")' },
    { name: "an unknown account field", make: () => { const s = base(); (s.accounts[0] as unknown as Record<string, unknown>).token = "x"; return s; }, message: "accounts[0].token: is not a known field" },
    { name: "an account id that is no string", make: () => { const s = base(); (s.accounts[0] as unknown as Record<string, unknown>).id = 8; return s; }, message: "accounts[0].id: must be a UUID (got 8)" },
    { name: "an account workspace_id that is no string", make: () => { const s = base(); (s.accounts[0] as unknown as Record<string, unknown>).workspace_id = 3; return s; }, message: "accounts[0].workspace_id: must be a UUID (got 3)" },
    { name: "a conversation id that is no string", make: () => { const s = base(); (s.conversations[0] as Record<string, unknown>).id = 9; return s; }, message: "conversations[0].id: must be string" },
    { name: "a conversation user_id that is no string", make: () => { const s = base(); (s.conversations[0] as Record<string, unknown>).user_id = 4; return s; }, message: "conversations[0].user_id: must be string" },
    { name: "a conversation account_id that is no string", make: () => { const s = base(); (s.conversations[0] as Record<string, unknown>).account_id = 6; return s; }, message: "conversations[0].account_id: must be string or null" },
    { name: "a conversation sender the seed does not have", make: () => { const s = base(); s.conversations[1]!.account_id = SENDERS.unknown; return s; }, message: `conversations[1].account_id: must name an account of this seed, or be null (got "${SENDERS.unknown}")` },
    { name: "a draft attachment nested deeper than a request body may be", make: () => { const s = base(); let deep: unknown = 1; for (let i = 0; i < 70; i++) deep = [deep]; (s.conversations[1] as Record<string, unknown>).draft_attachments = [{ id: "a1", filename: "a.pdf", content_type: "application/pdf", size: 1, meta: deep }]; return s; }, message: "conversations[1].draft_attachments: nested more than 64 levels deep" },
    // The date-time columns carry RFC 3339's grammar as a pattern besides the format (8b9c75f): a seed
    // with an offset without its colon or a space for the T, which loaded before, is refused, so the
    // server never answers with a date-time another implementation refuses.
    { name: "a date-time offset without its colon", make: () => { const s = base(); s.conversations[0]!.created_at = "2026-04-22T10:00:00+0530"; return s; }, message: `conversations[0].created_at: ${DATE_TIME_RULE} (got "2026-04-22T10:00:00+0530")` },
    { name: "a space for a date-time's T", make: () => { const s = base(); s.conversations[1]!.updated_at = "2026-04-22 10:00:00Z"; return s; }, message: `conversations[1].updated_at: ${DATE_TIME_RULE} (got "2026-04-22 10:00:00Z")` },
    { name: "a date-time in month 13 (the pattern's grammar, the format's range)", make: () => { const s = base(); s.conversations[0]!.last_message_at = "2026-13-01T00:00:00Z"; return s; }, message: `conversations[0].last_message_at: ${DATE_TIME_RULE} (got "2026-13-01T00:00:00Z")` },
    { name: "an account channel", make: () => { const s = base(); (s.accounts[0] as unknown as Record<string, unknown>).channel = "sms"; return s; }, message: 'accounts[0].channel: must be one of "linkedin", "email" (got "sms")' },
  ];
  for (const { name, make, message } of table) {
    it(`${name} → ${message}`, () => {
      const file = writeSeed(`bad-${name.replace(/\W+/g, "-")}.json`, make());
      const caught = seedErrorOf(() => loadSeed(file));
      expect(caught.message).toContain(file);
      expect(caught.issues.some((issue) => issue.startsWith(message))).toBe(true);
      expect(() => validateSeed(make())).toThrow(SeedError);
    });
  }

  // `(got …)` showed the value whole, however long (a megabyte-long id made a megabyte-long issue),
  // and a value JSON cannot write (given to validateSeed) threw a TypeError, not a SeedError. It is
  // cut as the client's and the launchers' messages cut a value (errors.ts: quoted, shown).
  it("the value an issue got is shown on one line and cut, and one JSON cannot write is named", () => {
    const issuesOf = (edit: (s: Record<string, Record<string, unknown>[]>) => void) => {
      const s = structuredClone(defaultSeed) as unknown as Record<string, Record<string, unknown>[]>;
      edit(s);
      return seedErrorOf(() => validateSeed(s)).issues[0];
    };
    expect(issuesOf((s) => { s.workspaces![0]!.id = "x".repeat(100_000); })).toBe(`workspaces[0].id: must be a UUID (got "${"x".repeat(197)}…" (cut; 100000 characters in all))`);
    expect(issuesOf((s) => { s.accounts![0]!.status = `warming\u202e${"z".repeat(300)}`; })).toBe(`accounts[0].status: must be one of "ready", "pending", "disconnected" (got "warming\\u202e${"z".repeat(184)}…" (cut; 308 characters in all))`);
    const object = { a: "y".repeat(1000) };
    expect(issuesOf((s) => { s.users![0]!.name = object; })).toBe(`users[0].name: must be a non-empty string (got ${JSON.stringify(object).slice(0, 199)}…)`);
    expect(issuesOf((s) => { s.users![0]!.name = [1, 2]; })).toBe("users[0].name: must be a non-empty string (got [1,2])");
    expect(issuesOf((s) => { s.workspaces![0]!.id = 10n; })).toBe("workspaces[0].id: must be a UUID (got 10n)");
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(issuesOf((s) => { s.workspaces![0]!.name = cycle; })).toBe("workspaces[0].name: must be a non-empty string (got an object that is not JSON)");
    expect(issuesOf((s) => { s.workspaces![0]!.id = Number.NaN; })).toBe("workspaces[0].id: must be a UUID (got NaN)");
  });

  // JSON.stringify runs out of stack on a value nested 200,000 levels deep, which a seed file can
  // hold (JSON.parse reads it): `(got …)` called that file's array "an array that is not JSON".
  it("a value nested too deep to show, read from a seed file, is not called \"not JSON\"", () => {
    const file = path.join(tmp, "deep.json");
    const deep = `${"[".repeat(200_000)}1${"]".repeat(200_000)}`;
    fs.writeFileSync(file, JSON.stringify(defaultSeed).replace(`"name":${JSON.stringify(defaultSeed.users[0]!.name)}`, `"name":${deep}`));
    expect(seedErrorOf(() => loadSeed(file)).issues).toEqual(["users[0].name: must be a non-empty string (got an array nested too deep to show)"]);
  });

  it("a refused or duplicate token is not quoted (a credential pasted into a seed stays off stderr): its type or its bad characters, the user that has it", () => {
    const secret = "sk_live_51Hs3cr3tValue";
    const cases: [unknown, string][] = [
      [`Bearer ${secret}`, 'got a token holding " "; its text is not quoted'],
      [`${secret}!\n${secret}?\u0000`, 'got a token holding "!", "\\n", "?", "\\u0000"; its text is not quoted'],
      [`${secret}=${secret}`, 'got a token holding "="; its text is not quoted'],
      ["", "got an empty string"],
      ["==", "got only ="],
      [42, "got a number"],
      [null, "got null"],
      [[secret], "got an array"],
      [{ value: secret }, "got an object"],
      [true, "got a boolean"],
      [undefined, "got nothing"],
    ];
    for (const [token, got] of cases) {
      const seed = base();
      (seed.users[1] as unknown as Record<string, unknown>).token = token;
      const error = seedErrorOf(() => validateSeed(seed));
      expect(error.issues, JSON.stringify(token)).toEqual([`users[1].token: must be a bearer token: letters, digits and -._~+/ (${got})`]);
      expect(error.message).not.toContain(secret);
    }
    const twice = base();
    twice.users[1]!.token = secret;
    twice.users.push({ ...twice.users[1]!, id: "0f0f0f0f-0000-4000-8000-0000000000aa", name: "Copy" });
    const error = seedErrorOf(() => validateSeed(twice));
    expect(error.issues).toEqual([`users[${twice.users.length - 1}].token: duplicate token: users[1] has the same one (its text is not quoted)`]);
    expect(error.message).not.toContain(secret);
  });

  it("the seed words the date-time and path id rules as the generated validators do (one wording), and takes a lower-case t and z", () => {
    const DATE_TIME = Object.keys(patternRules).find((pattern) => pattern.startsWith("^[0-9]{4}-"))!;
    expect(patternRules[DATE_TIME]).toBe(DATE_TIME_RULE);
    const refused = validatePathParams("updateThread", { id: "11111111-1111-1111-1111-111111111111" });
    expect(!refused.valid && refused.errors.find((e) => e.keyword === "pattern")?.message).toBe(PATH_ID_RULE);
    const seed = base();
    seed.conversations[0]!.created_at = "2026-04-22t10:00:00z";
    expect(() => validateSeed(seed)).not.toThrow();
  });

  it("every date-time column of the spec is named by its rule in words, whether its pattern or its format refuses it: no regex", () => {
    const row = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8")).components.schemas.ConversationRow.properties as Record<string, { format?: string }>;
    const columns = Object.keys(row).filter((column) => row[column]?.format === "date-time");
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) {
      for (const value of ["2026-04-22T10:00:00+05", "2026-04-22T25:00:00Z", "yesterday"]) {
        const seed = base();
        (seed.conversations[0] as Record<string, unknown>)[column] = value;
        const error = seedErrorOf(() => validateSeed(seed));
        expect(error.issues, `${column} = ${value}`).toEqual([`conversations[0].${column}: ${DATE_TIME_RULE} (got ${JSON.stringify(value)})`]);
        expect(error.message).not.toContain("[0-9]");
      }
    }
  });

  it("every UUID column of a conversation is named by its rule in words, as the seed's other ids are, whether its pattern or its format refuses it: no regex", () => {
    // A `urn:uuid:` id passes the format and was refused by the pattern, quoted whole
    // (`must match pattern "^[0-9a-fA-F]{8}-…$"`); "nope" by the format (`must match format "uuid"`).
    const row = JSON.parse(fs.readFileSync(path.join(root, "generated/openapi.json"), "utf8")).components.schemas.ConversationRow.properties as Record<string, { format?: string; $ref?: string }>;
    const columns = Object.keys(row).filter((column) => row[column]?.format === "uuid" || row[column]?.$ref?.endsWith("/Uuid") === true);
    expect(columns).toEqual(expect.arrayContaining(["id", "user_id", "account_id"]));
    for (const column of columns) {
      for (const value of ["urn:uuid:f11e8a2c-1234-4567-89ab-cdef01234567", "nope"]) {
        const seed = base();
        (seed.conversations[0] as Record<string, unknown>)[column] = value;
        const error = seedErrorOf(() => validateSeed(seed));
        expect(error.issues[0], `${column} = ${value}`).toBe(`conversations[0].${column}: must be a UUID (got ${JSON.stringify(value)})`);
        expect(error.message).not.toContain("[0-9a-fA-F]");
        expect(error.message).not.toContain('format "uuid"');
      }
    }
  });

  it("a seed given as a value is \"the seed\" in the message (was \"seed is not a valid seed:\"); a file is named", async () => {
    const bad = base();
    bad.conversations[0]!.status = "gone" as never;
    const heading = "the seed is not valid:\n  - conversations[0].status: ";
    expect(seedErrorOf(() => validateSeed(bad)).message).toMatch(new RegExp(`^${heading.replace(/[.[\]]/g, "\\$&")}`));
    expect(seedErrorOf(() => createServer({ seed: bad })).message).toMatch(/^the seed is not valid:\n/);
    const app = createServer();
    try {
      expect(seedErrorOf(() => app.puffle.store.restore(bad)).message).toMatch(/^the seed is not valid:\n/);
    } finally {
      await app.close();
    }
    const file = writeSeed("bad-status.json", bad);
    expect(seedErrorOf(() => loadSeed(file)).message).toMatch(new RegExp(`^${file.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")} is not a valid seed:\n`));
  });

  it("a user's or an account's bad workspace_id is its one problem: its conversations are not told it is not in the seed", () => {
    const issuesOf = (seed: Seed): readonly string[] => {
      try {
        validateSeed(seed);
      } catch (error) {
        return (error as SeedError).issues;
      }
      return [];
    };
    const user = base();
    user.users[0]!.workspace_id = "0f0f0f0f-0000-4000-8000-000000000000";
    expect(issuesOf(user)).toEqual(['users[0].workspace_id: must name a workspace of this seed (got "0f0f0f0f-0000-4000-8000-000000000000")']);
    const notUuid = base();
    notUuid.users[0]!.workspace_id = "alice-ws";
    expect(issuesOf(notUuid)).toEqual(['users[0].workspace_id: must be a UUID (got "alice-ws")']);
    const account = base();
    account.accounts[0]!.workspace_id = "0f0f0f0f-0000-4000-8000-000000000000";
    expect(issuesOf(account)).toEqual(['accounts[0].workspace_id: must name a workspace of this seed (got "0f0f0f0f-0000-4000-8000-000000000000")']);
  });

  it("an account without an email reads as null, and warmup defaults to false", () => {
    const s = base() as unknown as { accounts: Record<string, unknown>[]; conversations: Record<string, unknown>[] };
    delete s.accounts[0]!.email;
    delete s.conversations[0]!.warmup;
    const seed = validateSeed(s);
    expect(seed.accounts[0]!.email).toBeNull();
    expect(seed.conversations[0]!.warmup).toBe(false);
  });

  it("a missing file and invalid JSON are SeedErrors too", () => {
    expect(() => loadSeed(path.join(tmp, "nope.json"))).toThrow(/cannot be read \(ENOENT\)/);
    expect(() => loadSeed(writeSeed("broken.json", "{ users: "))).toThrow(/is not valid JSON/);
  });

  // An empty seed file (`> seed.json` that failed) said `is not valid JSON (Unexpected end of JSON input)`.
  it.each([
    ["empty.json", "", "is empty"],
    ["bom.json", "\uFEFF", "is empty"],
    ["blank.json", " \r\n\t", "holds only whitespace"],
  ])("an empty seed file (%s) is said to be so, naming the file", async (name, content, what) => {
    const file = writeSeed(name, content);
    const caught = seedErrorOf(() => loadSeed(file));
    expect(caught.message).toBe(`${file} is not a valid seed:\n  - (file): ${what}; it must hold a seed (a JSON object with workspaces, users, accounts and conversations)`);
    await expect(startServer({ dataFile: file, port: 0 })).rejects.toThrow(caught.message);
  });

  it("invalid JSON names the line and column (Node 20's JSON.parse gave the offset alone), on every Node alike", () => {
    // A trailing comma at the end of a printed seed, the mistake of a hand edit.
    const printed = JSON.stringify(defaultSeed, null, 2).replace(/(\S)(\n {4}\}\n {2}\]\n\}\s*)$/, "$1,$2");
    const lines = printed.split("\n");
    const caught = seedErrorOf(() => loadSeed(writeSeed("trailing-comma.json", printed)));
    expect(caught.issues).toEqual([`(file): is not valid JSON: unexpected character at line ${lines.length - 2} column 5 (its text is not quoted)`]);
  });

  // V8's message quoted the file (`Unexpected token 'A', "API_KEY=se"... is not valid JSON`, the
  // whole of a short one): a .env given as --data by mistake put its secret on stderr, in a CI log.
  it.each([
    [".env", "API_KEY=secret\nDB_PASSWORD=hunter2\n", "unexpected character at line 1 column 1"],
    ["short.env", "TOKEN=s3\n", "unexpected character at line 1 column 1"],
    ["secret-later.json", '{\n  "description": "x",\n  API_KEY=secret\n}\n', "unexpected character at line 3 column 3"],
    ["cut.json", '{"description": "secret', "it ends at line 1 column 24 before the JSON is complete"],
  ])("a seed file that is not JSON (%s) is named with the line and column, none of its text quoted (loadSeed, startServer)", async (name, content, where) => {
    const file = writeSeed(name, content);
    const caught = seedErrorOf(() => loadSeed(file));
    expect(caught.message).toBe(`${file} is not a valid seed:\n  - (file): is not valid JSON: ${where} (its text is not quoted)`);
    for (const secret of ["secret", "s3", "API_KEY", "TOKEN", "hunter2"]) expect(caught.message.replace(file, "")).not.toContain(secret);
    await expect(startServer({ dataFile: file, port: 0 })).rejects.toThrow(caught.message);
  });

  // Lines end as V8 ends them (Node 22's own line and column): at \n, \r\n or a lone \r; a byte
  // order mark (skipped) is no column. A file saved with CR line ends was all on line 1.
  it.each([
    ["\\n", "\n", ""],
    ["\\r\\n", "\r\n", ""],
    ["a lone \\r", "\r", ""],
    ["\\r\\n, after a byte order mark", "\r\n", "\ufeff"],
  ])("invalid JSON in a file whose lines end with %s: the line and column are the editor's", (_name, end, bom) => {
    // A comma missing at the end of line 2: the error is at the start of line 3's key, column 3.
    const text = `${bom}{${end}  "description": "x"${end}  "workspaces": []${end}}${end}`;
    const caught = seedErrorOf(() => loadSeed(writeSeed("line-ends.json", text)));
    expect(caught.issues).toEqual(["(file): is not valid JSON: unexpected character at line 3 column 3 (its text is not quoted)"]);
  });

  it("a file is read to a bound: past MAX_SEED_BYTES (or /dev/zero, which never ends) a SeedError, not a hang; a directory cannot be read", () => {
    const sparse = path.join(tmp, "huge.json");
    // Sparse: the size without the disk space. One byte over the bound is refused as too big…
    fs.writeFileSync(sparse, "");
    fs.truncateSync(sparse, MAX_SEED_BYTES + 1);
    expect(() => loadSeed(sparse)).toThrow(/huge\.json[\s\S]*\(file\): holds more than 67108864 bytes \(64 MiB\), the most a seed file may have/);
    // …at the bound it is read, and refused for what it holds (NUL bytes are no JSON).
    fs.truncateSync(sparse, MAX_SEED_BYTES);
    expect(() => loadSeed(sparse)).toThrow(/\(file\): is not valid JSON/);
    fs.rmSync(sparse);
    if (fs.existsSync("/dev/zero")) expect(() => loadSeed("/dev/zero")).toThrow(/\/dev\/zero[\s\S]*holds more than/);
    expect(() => loadSeed(tmp)).toThrow(/cannot be read \(EISDIR\)/);
  });

  it(`a seed with 200,000 bad records lists the first MAX_SEED_ISSUES (${MAX_SEED_ISSUES}) problems and counts the rest`, () => {
    // Each line was kept: a 64 MiB file of `"conversations":[1,1,…]` (32 million) exhausted the heap.
    const text = JSON.stringify({ ...defaultSeed, conversations: [] }).replace('"conversations":[]', `"conversations":[${"1,".repeat(199_999)}1]`);
    const error = seedErrorOf(() => loadSeed(writeSeed("many-bad.json", text)));
    expect(error.issues).toHaveLength(MAX_SEED_ISSUES);
    expect(error.issues[0]).toBe("conversations[0]: must be an object");
    expect(error.issues[MAX_SEED_ISSUES - 1]).toBe(`conversations[${MAX_SEED_ISSUES - 1}]: must be an object`);
    expect(error.more).toBe(200_000 - MAX_SEED_ISSUES);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(MAX_SEED_ISSUES + 2);
    expect(lines.at(-1)).toBe(`  - and ${200_000 - MAX_SEED_ISSUES} more`);
    // At most that many: all listed, none counted.
    const few = { ...defaultSeed, conversations: Array.from({ length: MAX_SEED_ISSUES }, () => 1) };
    expect(() => validateSeed(few)).toThrow(SeedError);
    try {
      validateSeed(few);
    } catch (error) {
      expect([(error as SeedError).issues.length, (error as SeedError).more]).toEqual([MAX_SEED_ISSUES, 0]);
    }
  });

  // A record's check against the spec's schema stops at its first 1,000 problems (MAX_ISSUES): a
  // draft_attachments of 3,000 non-objects was "and 900 more" (1,000 in all), said as an exact count.
  it("a record with more problems than its schema check lists: more counts what was found, and says at least", () => {
    const seed = structuredClone(defaultSeed);
    (seed.conversations[0] as { draft_attachments: unknown }).draft_attachments = Array.from({ length: 3000 }, () => 1);
    const error = seedErrorOf(() => validateSeed(seed));
    expect([error.issues.length, error.more, error.moreAtLeast]).toEqual([MAX_SEED_ISSUES, 1000 - MAX_SEED_ISSUES, true]);
    expect(error.message.split("\n").at(-1)).toBe(`  - and at least ${1000 - MAX_SEED_ISSUES} more`);
    const file = writeSeed("cli-capped-record.json", seed);
    const main = spawnSync(process.execPath, [mainJs, "--data", file], { encoding: "utf8" });
    expect(main.status).toBe(2);
    expect(main.stderr.trimEnd().split("\n").at(-1)).toBe("  - and at least 990 more");
    const cli = spawnSync(process.execPath, [path.join(root, "dist/cli/main.js"), "mock", "--quiet", "--data", file], { encoding: "utf8" });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/draft_attachments\[9\]: must be object; and at least 990 more\n$/);
    // docs/server.md ("The fixture (seed) format") quotes both: the message's count after its 100, the launchers' after their ten.
    const docs = fs.readFileSync(path.join(root, "docs/server.md"), "utf8").replace(/\s+/g, " ");
    expect(docs).toContain(`the message ends \`and at least ${1000 - MAX_SEED_ISSUES} more\` after its ${MAX_SEED_ISSUES} lines and both launchers say \`and at least 990 more\` after their ten`);
    // Exactly counted otherwise (one problem per record, far below the cap): no "at least".
    const few = { ...defaultSeed, conversations: Array.from({ length: 300 }, () => 1) };
    expect(() => validateSeed(few)).toThrow(/\n {2}- and 200 more$/);
  });

  it("a file that is not UTF-8 is a SeedError naming the file (its bytes were read as U+FFFD and served so)", () => {
    const json = JSON.stringify(defaultSeed);
    // A workspace name saved in Latin-1 ("Café": 0xE9), as an editor on another locale may.
    const latin1 = Buffer.from(json.replace("Alice's workspace", "Caf\u00e9"), "latin1");
    const file = path.join(tmp, "latin1.json");
    fs.writeFileSync(file, latin1);
    expect(() => loadSeed(file)).toThrow(SeedError);
    expect(() => loadSeed(file)).toThrow(/latin1\.json[\s\S]*\(file\): is not UTF-8 text/);
    // The same text in UTF-8 (with or without a byte order mark) loads.
    fs.writeFileSync(file, Buffer.from(json.replace("Alice's workspace", "Caf\u00e9"), "utf8"));
    expect(loadSeed(file).workspaces[0]!.name).toBe("Caf\u00e9");
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    expect(loadSeed(file).users).toHaveLength(defaultSeed.users.length);
  });

  it("createServer starts each server from a deep copy of the seed (its JSDoc): an update changes neither the seed passed nor another server's data, and a change to the seed afterwards no server", async () => {
    const seed = structuredClone(defaultSeed);
    const seedThread = () => seed.conversations.find((c) => c.id === DOCS_THREAD)!;
    seedThread().draft_attachments = [{ name: "deck.pdf", tags: ["q3"] }];
    const [one, two] = [createServer({ seed }), createServer({ seed })];
    const rowIn = (server: typeof one) => server.puffle.store.snapshot().conversations.find((c) => c.id === DOCS_THREAD);
    const before = structuredClone(rowIn(two));
    const res = await one.inject({ method: "PATCH", url: `/api/threads/${DOCS_THREAD}`, headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json" }, payload: { unread_count: 77 } });
    expect(res.statusCode).toBe(200);
    expect(rowIn(one)?.unread_count).toBe(77);
    expect(rowIn(two)).toEqual(before);
    expect(seedThread().unread_count).toBe(defaultSeed.conversations.find((c) => c.id === DOCS_THREAD)!.unread_count);
    // Nested values too: the seed's array, changed afterwards, is in no server.
    (seedThread().draft_attachments![0] as { tags: string[] }).tags.push("changed");
    seedThread().draft_attachments!.push({ name: "late.pdf" });
    for (const server of [one, two]) expect(rowIn(server)?.draft_attachments).toEqual([{ name: "deck.pdf", tags: ["q3"] }]);
    await Promise.all([one.close(), two.close()]);
  });

  it("createServer validates a seed passed in code", async () => {
    await expect(start({ seed: { ...structuredClone(defaultSeed), users: "x" } as unknown as Seed })).rejects.toThrow(/users: must be an array/);
  });
});

describe("--data files", () => {
  const custom = (): Seed => {
    const s = structuredClone(defaultSeed);
    s.users[0]!.token = "custom_token_1";
    return s;
  };

  it("startServer({ dataFile }) starts from the file", async () => {
    const server = await startServer({ port: 0, dataFile: writeSeed("custom.json", custom()) });
    try {
      expect((await send(server, "updateConversation", DOCS_CONVERSATION, { token: "custom_token_1", body: { status: "active" } })).status).toBe(200);
      expect((await send(server, "updateConversation", DOCS_CONVERSATION, { token: ALICE, body: { status: "active" } })).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  // `""` made a SeedError whose message began with an empty name (` is not a valid seed: …`), and a
  // number was read as a file descriptor.
  it.each([
    ["an empty name", "", '""'],
    ["a number (read as a file descriptor)", 9999, "9999"],
    ["null", null, "null"],
  ] as const)("a dataFile that is no path (%s) is a TypeError naming dataFile, nothing read", async (_name, dataFile, shown) => {
    const outcome = await startServer({ port: 0, dataFile: dataFile as never }).then(
      async (server) => {
        await server.close();
        return "listened";
      },
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(TypeError);
    expect((outcome as TypeError).message).toBe(`startServer: dataFile must be the path of a seed file (a non-empty string; or left out: the default seed); got ${shown}`);
  });

  it("seed: null is checked as a seed (it started from the default seed): a SeedError", async () => {
    expect(seedErrorOf(() => createServer({ seed: null as never })).issues).toEqual(["(root): must be a JSON object with workspaces, users, accounts and conversations"]);
    await expect(startServer({ port: 0, seed: null as never })).rejects.toThrow(SeedError);
  });

  it("seed and dataFile together are refused", async () => {
    await expect(startServer({ port: 0, seed: defaultSeed, dataFile: "x.json" })).rejects.toThrow("either seed or dataFile");
  });

  it.each([[70000], [65536], [-1], [1.5], [Number.NaN]])("an invalid port (%s) is refused", async (port) => {
    await expect(startServer({ port })).rejects.toThrow("port must be an integer from 0 to 65535");
  });

  it("port 65535, the highest, is not refused by the range check (it listens, or the address is in use)", async () => {
    const outcome = await startServer({ port: 65535, host: "127.0.0.1" }).then(
      async (server) => {
        await server.close();
        return "listened";
      },
      (error: NodeJS.ErrnoException) => error.code ?? String(error),
    );
    expect(["listened", "EADDRINUSE"]).toContain(outcome);
  });
});

describe("npm run mock (dist/server/main.js)", () => {
  it("prints the URL, the endpoints and the demo tokens, serves, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [mainJs, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      // Bounded, so a launcher that never prints its banner fails here and `finally` stops it.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner within 15 s: ${out}`)), 15_000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("Try:") && out.trimEnd().endsWith("'")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code}: ${out}`));
        });
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(out).toContain(`PATCH ${url}/api/conversations/{id}`);
      expect(out).toContain(`PATCH ${url}/api/threads/{id}`);
      expect(out).toContain(ALICE);
      expect(out).toContain(BOB);
      expect(out).toContain(`${url}/api/conversations/${DOCS_CONVERSATION}`);
      expect(out).toContain(`${url}/api/threads/${DOCS_THREAD}`);
      // A warmup row is marked so.
      const warmup = defaultSeed.conversations.find((c) => c.warmup === true)!;
      expect(out).toContain(`${url}/api/${warmup.channel === "email" ? "threads" : "conversations"}/${warmup.id}   ${warmup.channel} ${warmup.status} warmup\n`);
      const port = Number(new URL(url ?? "").port);
      const server = { url: url ?? "", port, close: async () => undefined, app: undefined as never };
      const res = await send(server, "updateThread", DOCS_THREAD, { body: { draft_subject: "From the mock" } });
      expect(res.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  // Without --port and --host: 127.0.0.1:4010, as --help says. The port may be taken (another
  // server on this machine): then the one-line error names the same address.
  it("without --port or --host it listens on 127.0.0.1:4010 (or says that address is in use)", async () => {
    const child = spawn(process.execPath, [mainJs, "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let out = "";
      let err = "";
      child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      const outcome = await new Promise<"banner" | "exited">((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner within 15 s: ${out}${err}`)), 15_000);
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString("utf8");
          if (out.includes("\n")) {
            clearTimeout(timer);
            resolve("banner");
          }
        });
        void exited.then(() => {
          clearTimeout(timer);
          resolve("exited");
        });
      });
      if (outcome === "banner") {
        expect(out.split("\n")[0]).toMatch(/^Puffle reference server listening on http:\/\/127\.0\.0\.1:4010 \(/);
        child.kill("SIGTERM");
        expect(await exited).toBe(0);
      } else {
        expect(await exited).toBe(1);
        expect(err).toBe("puffle mock: cannot listen on 127.0.0.1:4010: the address is already in use\n");
      }
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("--help prints the usage and exits 0, starting nothing", () => {
    const result = spawnSync(process.execPath, [mainJs, "--help"], { encoding: "utf8", timeout: 20_000 });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
    expect(result.stdout).toMatch(/^Usage: node dist\/server\/main\.js \[options\]/);
    expect(result.stdout).toMatch(/ {2}-h, --help {6}show this help\n$/);
  });

  it("only runs as the program: importing it (for banner) starts no server and prints nothing", () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(mainJs).href)}); console.log(typeof m.banner);`;
    // Without arguments (process.argv[1] undefined), and with some whose first is no file (node -e's
    // process.argv[1]: not main.js, though it cannot be resolved; --help would print the usage).
    for (const args of [[], ["no-such-file", "--help"]]) {
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", script, ...args], { encoding: "utf8", timeout: 20_000 });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(0);
      expect(run.stdout).toBe("function\n");
      expect(run.stderr).toBe("");
    }
  });

  const runs: { name: string; args: string[]; code: number; stderr: RegExp }[] = [
    { name: "a bad port", args: ["--port", "http"], code: 2, stderr: /--port must be an integer from 0 to 65535 \(got "http"\)/ },
    { name: "a port past 65535", args: ["--port", "65536"], code: 2, stderr: /^puffle mock: --port must be an integer from 0 to 65535 \(got "65536"\)\n/ },
    { name: "an empty port", args: ["--port", ""], code: 2, stderr: /^puffle mock: --port must be an integer from 0 to 65535 \(got ""\)\n/ },
    { name: "an unknown option", args: ["--prot", "1"], code: 2, stderr: /^puffle mock: Unknown option "--prot"\n/ },
    // Quoted as the CLI quotes a value: on one line and cut to 200 characters, not 100 KiB of it.
    { name: "a 100 KiB port", args: ["--port", "9".repeat(102_400)], code: 2, stderr: /^puffle mock: --port must be an integer from 0 to 65535 \(got "9{197}…" \(cut; 102400 characters in all\)\)\n/ },
    { name: "a missing seed file", args: ["--data", "/nonexistent/seed.json"], code: 2, stderr: /^puffle mock: --data: "\/nonexistent\/seed\.json" is not a valid seed:\n {2}- \(file\): cannot be read \(ENOENT\)\n$/ },
    // `-` read a file named `-`, where a user meant stdin: no option but a JSON one's `@-` reads stdin.
    { name: "--data - (no stdin)", args: ["--data", "-"], code: 2, stderr: /^puffle mock: --data takes a seed file's path and does not read stdin: "-" is refused \(a file named - is \.\/-\)\nUsage: / },
    // parseArgs's own errors echoed what was typed as it was: an escape sequence reached the terminal,
    // a line break split the error, 100 KiB was 100 KiB of line. Quoted as the CLI quotes one.
    { name: "an unknown option holding an escape sequence", args: ["--a\u001b[2Jb"], code: 2, stderr: /^puffle mock: Unknown option "--a\\u001b\[2Jb"\nUsage: / },
    { name: "a 100 KiB unknown option", args: [`--${"x".repeat(102_400)}`], code: 2, stderr: /^puffle mock: Unknown option "--x{195}…" \(cut; 102402 characters in all\)\nUsage: / },
    { name: "an argument holding a line break", args: ["a\nb"], code: 2, stderr: /^puffle mock: Unexpected argument "a\\nb"\. This command does not take positional arguments\nUsage: / },
    { name: "an unknown short option", args: ["-h\u001b"], code: 2, stderr: /^puffle mock: Unknown option "-\\u001b"\nUsage: / },
  ];
  for (const { name, args, code, stderr } of runs) {
    it(`${name} → exit ${code}, one clear message, no stack trace`, () => {
      // A timeout: a value let through would start a server that never exits.
      const result = spawnSync(process.execPath, [mainJs, ...args], { encoding: "utf8", timeout: 20_000 });
      expect(result.status).toBe(code);
      expect(result.stderr).toMatch(stderr);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe("");
    });
  }

  it("an invalid --data file lists each bad field", () => {
    const s = structuredClone(defaultSeed) as unknown as { conversations: Record<string, unknown>[] };
    s.conversations[0]!.status = "gone";
    const result = spawnSync(process.execPath, [mainJs, "--data", writeSeed("cli-bad.json", s)], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('conversations[0].status: must be one of "active", "archived", "draft"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it(`a --data file with more bad fields than a SeedError lists (${MAX_SEED_ISSUES}): the first ten, then how many more in all, the unlisted counted`, () => {
    const s = { ...defaultSeed, conversations: Array.from({ length: 5000 }, () => 1) };
    const result = spawnSync(process.execPath, [mainJs, "--data", writeSeed("cli-too-many-bad.json", s)], { encoding: "utf8" });
    expect(result.status).toBe(2);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(10 + 2);
    expect(lines.at(-2)).toBe("  - conversations[9]: must be an object");
    expect(lines.at(-1)).toBe(`  - and ${5000 - 10} more`);
  });

  // npm run mock listed every problem, each whole (a file may have thousands, or a field name a
  // megabyte long), while puffle mock listed the first ten, each cut, then "and N more": both now
  // list the same (src/server/launch.ts's seedProblem), npm run mock a line each.
  it("an invalid --data file: the file quoted, its first ten problems (each cut), then how many more, as puffle mock lists them", () => {
    const extra = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x${String(i).padStart(2, "0")}`, 1]));
    const long = "y".repeat(1000);
    const file = writeSeed("cli-many-bad.json", { [long]: 1, ...defaultSeed, ...extra });
    const result = spawnSync(process.execPath, [mainJs, "--data", file], { encoding: "utf8" });
    expect(result.status).toBe(2);
    const known = "is not a known field (known: description, workspaces, users, accounts, conversations)";
    const first = `${long}: ${known}`;
    const listed = [`${first.slice(0, 199)}…`, ...Array.from({ length: 9 }, (_, i) => `x${String(i).padStart(2, "0")}: ${known}`), "and 3 more"];
    expect(result.stderr).toBe(`puffle mock: --data: ${JSON.stringify(file)} is not a valid seed:\n${listed.map((line) => `  - ${line}\n`).join("")}`);
    const cli = spawnSync(process.execPath, [path.join(root, "dist/cli/main.js"), "mock", "--quiet", "--data", file], { encoding: "utf8" });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toBe(`puffle error: --data: ${JSON.stringify(file)} is not a valid seed: ${listed.join("; ")}\n`);
  });

  it("an invalid --data file with exactly ten problems: all ten listed, no 'and 0 more'", () => {
    const extra = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`x${String(i).padStart(2, "0")}`, 1]));
    const file = writeSeed("cli-ten-bad.json", { ...defaultSeed, ...extra });
    const result = spawnSync(process.execPath, [mainJs, "--data", file], { encoding: "utf8" });
    expect(result.status).toBe(2);
    const known = "is not a known field (known: description, workspaces, users, accounts, conversations)";
    const listed = Array.from({ length: 10 }, (_, i) => `x${String(i).padStart(2, "0")}: ${known}`);
    expect(result.stderr).toBe(`puffle mock: --data: ${JSON.stringify(file)} is not a valid seed:\n${listed.map((line) => `  - ${line}\n`).join("")}`);
  });

  it("--print-seed prints the default seed with every column of every record, the same each run", () => {
    const result = spawnSync(process.execPath, [mainJs, "--print-seed"], { encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const printed = JSON.parse(result.stdout) as Seed;
    expect(printed).toEqual(validateSeed(defaultSeed));
    const keys = (records: object[]) => records.map((record) => Object.keys(record).sort());
    const all = (columns: readonly string[], count: number) => Array.from({ length: count }, () => [...columns].sort());
    expect(keys(printed.workspaces)).toEqual(all(["id", "name"], defaultSeed.workspaces.length));
    expect(keys(printed.users)).toEqual(all(["id", "name", "token", "workspace_id"], defaultSeed.users.length));
    expect(keys(printed.accounts)).toEqual(all(["id", "workspace_id", "channel", "status", "email"], defaultSeed.accounts.length));
    expect(keys(printed.conversations)).toEqual(all([...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS, "warmup"], defaultSeed.conversations.length));
    // The optional columns the default seed leaves out are there with their defaults.
    expect(rowOf(printed, DOCS_CONVERSATION)).toMatchObject({ draft_subject: null, draft_attachments: null, warmup: false });
    expect(rowOf(printed, "a7c1e000-0000-4000-8000-000000000012").warmup).toBe(true);
    const again = spawnSync(process.execPath, [mainJs, "--print-seed"], { encoding: "utf8", timeout: 20_000 });
    expect(again.stdout).toBe(result.stdout);
  });

  it.skipIf(!fs.existsSync("/dev/full"))("--print-seed to a stdout that cannot be written (/dev/full): one line on stderr, exit 1, no stack trace", () => {
    const full = fs.openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [mainJs, "--print-seed"], { encoding: "utf8", timeout: 20_000, stdio: ["ignore", full, "pipe"] });
      expect(result.stderr).toBe("puffle mock: cannot write the output: ENOSPC\n");
      expect(result.status).toBe(1);
    } finally {
      fs.closeSync(full);
    }
  });

  it("--print-seed's output round-trips through --data", async () => {
    const result = spawnSync(process.execPath, [mainJs, "--print-seed"], { encoding: "utf8", timeout: 20_000 });
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Seed;
    const file = writeSeed("printed.json", result.stdout);
    expect(loadSeed(file)).toEqual(printed);
    const server = await startServer({ port: 0, host: "127.0.0.1", dataFile: file });
    try {
      expect(server.app.puffle.store.snapshot()).toEqual(printed);
    } finally {
      await server.close();
    }
  });
});
