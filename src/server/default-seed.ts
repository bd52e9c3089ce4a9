// The default seed of the reference server: a documented contract (docs/server.md) that users' tests
// can rely on. Every server start begins from a deep copy of it (or of the seed passed in).
//
// - Token `puffle_test_alice` owns the docs' conversation f11e8a2c-… (LinkedIn, with the field values
//   of the "Update a conversation" response example) and the docs' thread 3d986dd1-… (an email draft
//   with the values of the "Update Thread" example), plus the records that exercise the sender and
//   duplicate-recipient rules.
// - Token `puffle_test_bob` owns records of his own in another workspace.
import { validateSeed } from "./seed.js";
import type { Seed } from "./seed.js";

/** `puffle_test_alice`: the bearer token of the default seed's Alice, who owns the docs' conversation (`f11e8a2c-…`) and thread (`3d986dd1-…`). */
export const ALICE_TOKEN = "puffle_test_alice";
/** `puffle_test_bob`: the bearer token of the default seed's Bob, in a workspace of his own: Alice's records are a 404 to him. */
export const BOB_TOKEN = "puffle_test_bob";

/**
 * The default seed, a documented contract (docs/server.md, "The default seed"): Alice
 * (`ALICE_TOKEN`) and Bob (`BOB_TOKEN`) in workspaces of their own, their sender accounts, the docs'
 * conversation and thread and the records of the sender and duplicate-recipient rules. What
 * createServer and startServer start from when given no seed; each server works on a deep copy, so
 * none changes this object.
 */
export const defaultSeed: Seed = {
  description: "puffle-api reference server default seed (see docs/server.md).",
  workspaces: [
    { id: "0a11ce00-0000-4000-8000-000000000001", name: "Alice's workspace" },
    { id: "0b0b0000-0000-4000-8000-000000000002", name: "Bob's workspace" },
  ],
  users: [
    { id: "11111111-1111-1111-1111-111111111111", name: "Alice", token: ALICE_TOKEN, workspace_id: "0a11ce00-0000-4000-8000-000000000001" },
    { id: "22222222-2222-2222-2222-222222222222", name: "Bob", token: BOB_TOKEN, workspace_id: "0b0b0000-0000-4000-8000-000000000002" },
  ],
  accounts: [
    // Alice's workspace.
    { id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", workspace_id: "0a11ce00-0000-4000-8000-000000000001", channel: "email", status: "ready", email: "alice@acme.example.com" },
    { id: "5a1e5000-0000-4000-8000-000000000003", workspace_id: "0a11ce00-0000-4000-8000-000000000001", channel: "email", status: "ready", email: "sales@acme.example.com" },
    { id: "96a0e000-0000-4000-8000-000000000004", workspace_id: "0a11ce00-0000-4000-8000-000000000001", channel: "email", status: "ready", email: "growth@acme.example.com" },
    { id: "9e4d1000-0000-4000-8000-000000000005", workspace_id: "0a11ce00-0000-4000-8000-000000000001", channel: "email", status: "pending", email: "new@acme.example.com" },
    { id: "d15c0000-0000-4000-8000-000000000006", workspace_id: "0a11ce00-0000-4000-8000-000000000001", channel: "email", status: "disconnected", email: "old@acme.example.com" },
    { id: "aaaa1111-1111-1111-1111-111111111111", workspace_id: "0a11ce00-0000-4000-8000-000000000001", channel: "linkedin", status: "ready", email: null },
    // Bob's workspace.
    { id: "b0b5e000-0000-4000-8000-000000000007", workspace_id: "0b0b0000-0000-4000-8000-000000000002", channel: "email", status: "ready", email: "bob@bobco.example.com" },
    { id: "b0b11000-0000-4000-8000-000000000008", workspace_id: "0b0b0000-0000-4000-8000-000000000002", channel: "linkedin", status: "ready", email: null },
  ],
  conversations: [
    // --- Alice ---
    // The "Update a conversation" docs' response example, verbatim.
    {
      id: "f11e8a2c-1234-4567-89ab-cdef01234567",
      user_id: "11111111-1111-1111-1111-111111111111",
      account_id: "aaaa1111-1111-1111-1111-111111111111",
      channel: "linkedin",
      status: "archived",
      external_id: "unipile_chat_abc123",
      participant_name: "Jane Doe",
      participant_email: null,
      participant_linkedin_url: "https://linkedin.com/in/jane",
      last_message_at: "2026-04-22T09:12:00Z",
      unread_count: 0,
      created_at: "2026-04-20T15:00:00Z",
      updated_at: "2026-04-22T10:00:00Z",
    },
    // The "Update Thread" docs' thread: an email draft with the docs' values (the docs' example
    // request applied), so that the docs' request returns the docs' response.
    {
      id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337",
      user_id: "11111111-1111-1111-1111-111111111111",
      account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
      channel: "email",
      status: "draft",
      external_id: null,
      participant_name: "Alex",
      participant_email: "founder@example.com",
      participant_linkedin_url: null,
      last_message_at: null,
      unread_count: 0,
      created_at: "2026-04-22T09:00:00Z",
      updated_at: "2026-04-22T09:30:00Z",
      draft_subject: "Quick question",
      draft_body_text: "Hi Alex, I had a quick question.",
      draft_body_html: null,
      draft_cc: null,
      draft_bcc: null,
      draft_attachments: null,
    },
    // An active email conversation (the spec's archivedEmail example, before archiving).
    {
      id: "5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091",
      user_id: "11111111-1111-1111-1111-111111111111",
      account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
      channel: "email",
      status: "active",
      external_id: "agentmail_msg_7c1d",
      participant_name: "Sam Rivera",
      participant_email: "sam@example.com",
      participant_linkedin_url: null,
      last_message_at: "2026-04-21T08:30:00Z",
      unread_count: 2,
      created_at: "2026-04-18T12:00:00Z",
      updated_at: "2026-04-21T08:30:00Z",
    },
    // sales@ already writes to founder@example.com: moving the docs' draft to sales@ is a 409.
    {
      id: "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b",
      user_id: "11111111-1111-1111-1111-111111111111",
      account_id: "5a1e5000-0000-4000-8000-000000000003",
      channel: "email",
      status: "active",
      external_id: "agentmail_thread_51aa",
      participant_name: "Alex",
      participant_email: "founder@example.com",
      participant_linkedin_url: null,
      last_message_at: "2026-04-19T16:45:00Z",
      unread_count: 1,
      created_at: "2026-04-15T10:00:00Z",
      updated_at: "2026-04-19T16:45:00Z",
    },
    // growth@ has only an archived and a warmup thread with founder@example.com: no conflict.
    {
      id: "a7c1e000-0000-4000-8000-000000000011",
      user_id: "11111111-1111-1111-1111-111111111111",
      account_id: "96a0e000-0000-4000-8000-000000000004",
      channel: "email",
      status: "archived",
      external_id: "agentmail_thread_0a11",
      participant_name: "Alex",
      participant_email: "founder@example.com",
      participant_linkedin_url: null,
      last_message_at: "2026-03-02T11:00:00Z",
      unread_count: 0,
      created_at: "2026-03-01T09:00:00Z",
      updated_at: "2026-03-05T09:00:00Z",
    },
    {
      id: "a7c1e000-0000-4000-8000-000000000012",
      user_id: "11111111-1111-1111-1111-111111111111",
      account_id: "96a0e000-0000-4000-8000-000000000004",
      channel: "email",
      status: "active",
      external_id: "agentmail_warmup_77f0",
      participant_name: "Alex",
      participant_email: "founder@example.com",
      participant_linkedin_url: null,
      last_message_at: "2026-04-10T07:00:00Z",
      unread_count: 0,
      created_at: "2026-04-01T07:00:00Z",
      updated_at: "2026-04-10T07:00:00Z",
      warmup: true,
    },
    // --- Bob ---
    {
      id: "b0b0c000-0000-4000-8000-000000000021",
      user_id: "22222222-2222-2222-2222-222222222222",
      account_id: "b0b11000-0000-4000-8000-000000000008",
      channel: "linkedin",
      status: "active",
      external_id: "unipile_chat_b0b001",
      participant_name: "Priya Shah",
      participant_email: null,
      participant_linkedin_url: "https://linkedin.com/in/priya",
      last_message_at: "2026-04-23T14:00:00Z",
      unread_count: 3,
      created_at: "2026-04-23T13:00:00Z",
      updated_at: "2026-04-23T14:00:00Z",
    },
    {
      id: "b0b0c000-0000-4000-8000-000000000022",
      user_id: "22222222-2222-2222-2222-222222222222",
      account_id: "b0b5e000-0000-4000-8000-000000000007",
      channel: "email",
      status: "draft",
      external_id: null,
      participant_name: "Alex",
      participant_email: "founder@example.com",
      participant_linkedin_url: null,
      last_message_at: null,
      unread_count: 0,
      created_at: "2026-04-24T08:00:00Z",
      updated_at: "2026-04-24T08:00:00Z",
      draft_subject: "Intro from Bob",
      draft_body_text: "Hi Alex, Bob here.",
    },
    {
      id: "b0b0c000-0000-4000-8000-000000000023",
      user_id: "22222222-2222-2222-2222-222222222222",
      account_id: "b0b5e000-0000-4000-8000-000000000007",
      channel: "email",
      status: "archived",
      external_id: "agentmail_thread_b0b3",
      participant_name: "Lee Chen",
      participant_email: "lee@example.com",
      participant_linkedin_url: null,
      last_message_at: "2026-04-02T10:00:00Z",
      unread_count: 0,
      created_at: "2026-04-01T10:00:00Z",
      updated_at: "2026-04-02T10:00:00Z",
    },
  ],
};

/**
 * The default seed as `--print-seed` prints it (both launchers: `puffle mock`, `npm run mock`): JSON
 * with every column of every record (validateSeed fills the optional ones: draft_* null, warmup
 * false, email null), a valid `--data` file and the same on every run.
 */
export function defaultSeedText(): string {
  return `${JSON.stringify(validateSeed(defaultSeed, "default seed"), null, 2)}\n`;
}
