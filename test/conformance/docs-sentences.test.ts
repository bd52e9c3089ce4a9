// Every sentence of Puffle's two pages (../shared/reference) that describes the API is in the
// bundled spec, in the description of the thing it is about. The summaries and the 200 descriptions
// are checked by examples.test.ts, the fields' types and bounds by boundaries.test.ts and the server
// tests; this is the prose: an edit that drops or rewords "Ownership is enforced — …" or "Stored
// lowercase." fails here. Each row is checked twice: the sentence is on the page (so the table
// cannot drift from Puffle's words), and it is in the description at the JSON Pointer.
//
// Compared after folding what renders the same: typographic quotes to straight ones, Markdown code
// marks (`status`) and double quotes ("Upload thread attachment") dropped, runs of white space to
// one space. A sentence's final period is not required in the spec (the spec may go on: "Draft email
// subject, or null to clear it.").
//
// Left out on purpose: "See the sibling page for related operations on the same resource." (a link
// on Puffle's site to pages this spec does not describe: the operation says "only `PATCH` is
// described here" instead), the thread page's short parameter table ("Thread ID.", given in full
// below as "Thread (conversations.id) UUID."), and the curl and CLI lines (examples.test.ts,
// client-request.test.ts, test/cli/).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root, spec, type Json } from "../helpers.js";

const C = "update-conversation.txt";
const T = "update-thread.txt";
const CONVERSATION = "/paths/~1api~1conversations~1{id}/patch";
const THREAD = "/paths/~1api~1threads~1{id}/patch";
const CONVERSATION_BODY = "/components/schemas/UpdateConversationRequest";
const THREAD_BODY = "/components/schemas/UpdateThreadRequest";

/** [page, the page's sentence, JSON Pointer of the description in generated/openapi.json that holds it] */
const SENTENCES: [page: string, sentence: string, pointer: string][] = [
  // Update a conversation: Overview.
  [C, "Archive/un-archive a thread or override its unread counter.", `${CONVERSATION}/description`],
  [C, "Ownership is enforced — updating a conversation that isn’t owned by the caller returns 404 (same as a missing id).", `${CONVERSATION}/description`],
  [C, "This operation shares the URL path /api/conversations/{id} with other verbs.", `${CONVERSATION}/description`],
  // Authorizations (both pages).
  [C, "Bearer authentication header of the form Bearer <token>, where <token> is your auth token.", "/components/securitySchemes/bearerAuth/description"],
  [T, "Bearer authentication header of the form Bearer <token>, where <token> is your auth token.", "/components/securitySchemes/bearerAuth/description"],
  // Path parameters.
  [C, "Conversation UUID.", "/components/parameters/Id/description"],
  [C, "Must be owned by the authenticated user — other callers get 404.", "/components/parameters/Id/description"],
  [T, "Thread (conversations.id) UUID.", "/components/parameters/ThreadId/description"],
  // Body.
  [C, "At least one valid field (status or unread_count) must be present.", `${CONVERSATION}/requestBody/description`],
  [C, "An empty or all-invalid body returns 400.", `${CONVERSATION}/requestBody/description`],
  [C, "At least one valid field (status or unread_count) must be present.", `${CONVERSATION_BODY}/description`],
  [C, "Archive or un-archive the thread.", `${CONVERSATION_BODY}/properties/status/description`],
  [C, "Only active and archived are accepted; other values are silently dropped.", `${CONVERSATION_BODY}/properties/status/description`],
  [C, "Override the unread counter directly.", `${CONVERSATION_BODY}/properties/unread_count/description`],
  [C, "Most callers don't need this — opening the conversation via getConversation already resets it to 0.", `${CONVERSATION_BODY}/properties/unread_count/description`],
  // Response.
  [C, "A single inbox thread — a conversation between one sender account and one prospect on one channel.", "/components/schemas/Conversation/description"],
  [C, "Conversations are created by inbound webhooks (Unipile message_received, AgentMail message.received) or when the user sends a reply via sendConversationMessage.", "/components/schemas/Conversation/description"],
  // Update Thread: Overview.
  [T, "Updates a Unibox thread.", `${THREAD}/description`],
  [T, "Use it to archive or reactivate a thread, update unread count, choose a sender for an email draft, or edit one-off draft fields before sending.", `${THREAD}/description`],
  // Request Body table, one row per field.
  [T, "Set to active or archived.", `${THREAD_BODY}/properties/status/description`],
  [T, "Other values are ignored.", `${THREAD_BODY}/properties/status/description`],
  [T, "Sets the stored unread count.", `${THREAD_BODY}/properties/unread_count/description`],
  [T, "Email sender account ID, or null to clear it.", `${THREAD_BODY}/properties/account_id/description`],
  [T, "Non-null values must refer to a ready email sender in the workspace.", `${THREAD_BODY}/properties/account_id/description`],
  [T, "Recipient email for a draft one-off email.", `${THREAD_BODY}/properties/participant_email/description`],
  [T, "Stored lowercase.", `${THREAD_BODY}/properties/participant_email/description`],
  [T, "Recipient display name for a draft.", `${THREAD_BODY}/properties/participant_name/description`],
  [T, "Draft email subject.", `${THREAD_BODY}/properties/draft_subject/description`],
  [T, "Draft plain-text body.", `${THREAD_BODY}/properties/draft_body_text/description`],
  [T, "Draft HTML body.", `${THREAD_BODY}/properties/draft_body_html/description`],
  [T, "Draft CC recipients.", `${THREAD_BODY}/properties/draft_cc/description`],
  [T, "Draft BCC recipients.", `${THREAD_BODY}/properties/draft_bcc/description`],
  [T, "Draft attachment metadata from Upload thread attachment.", `${THREAD_BODY}/properties/draft_attachments/description`],
  [T, "At least one valid field is required.", `${THREAD}/requestBody/description`],
  [T, "At least one valid field is required.", `${THREAD_BODY}/description`],
  // Duplicate Recipient Handling.
  [T, "When changing account_id on an email thread, the API checks whether that sender already has a non-archived, non-warmup thread with the same participant_email.", `${THREAD}/description`],
  [T, "If one exists, the response is 409 with existing_thread.", `${THREAD}/description`],
  // AI agent notes.
  [T, "Use this endpoint for draft edits and thread state changes.", `${THREAD}/description`],
  [T, "Do not use it to send a message; call Send message after the draft is ready.", `${THREAD}/description`],
];

/** Folds what renders the same: quotes, code marks, white space. */
export function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D"`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `description` holds `sentence` (folded; the sentence's final period optional). */
export function holds(description: string, sentence: string): boolean {
  return fold(description).includes(fold(sentence).replace(/\.$/, ""));
}

const at = (pointer: string, document: Json = spec): Json | undefined =>
  pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json | undefined>((node, key) => (node !== null && typeof node === "object" && !Array.isArray(node) ? node[key] : undefined), document);

/** The request fields of `body` in `document` that no row of SENTENCES points at. */
function missingRows(body: string, document: Json = spec): string[] {
  const rows = new Set(SENTENCES.map(([, , pointer]) => pointer));
  return Object.keys((at(`${body}/properties`, document) as Record<string, Json>) ?? {}).filter((field) => !rows.has(`${body}/properties/${field}/description`));
}

/** What a request field without a row in SENTENCES needs, in one line (the field, the file, the rule). */
export function missingRowsMessage(body: string, fields: readonly string[]): string {
  const name = body.slice(body.lastIndexOf("/") + 1);
  return `${fields.map((field) => `${name}.${field}`).join(", ")}: no row in SENTENCES (test/conformance/docs-sentences.test.ts): every request field needs the sentence of Puffle's page that describes it, with the JSON Pointer of its description (openapi/README.md, "Adding a field")`;
}

const referenceDir = path.resolve(root, "../shared/reference");
const page = (name: string) => fold(fs.readFileSync(path.join(referenceDir, name), "utf8"));

describe("every sentence of the pages is in the spec, where it belongs", () => {
  it.runIf(fs.existsSync(referenceDir)).each(SENTENCES)("%s: %s → %s (the sentence is on the page)", (file, sentence) => {
    expect(page(file)).toContain(fold(sentence));
  });

  it.each(SENTENCES)("%s: %s → %s", (_file, sentence, pointer) => {
    const description = at(pointer);
    expect(typeof description, `${pointer} has no description`).toBe("string");
    expect(holds(description as string, sentence), `${pointer} does not say ${JSON.stringify(sentence)}:\n${description as string}`).toBe(true);
  });

  it("each field of both request bodies has its row", () => {
    for (const body of [CONVERSATION_BODY, THREAD_BODY]) {
      const missing = missingRows(body);
      expect(missing, missingRowsMessage(body, missing)).toEqual([]);
    }
  });

  // A field added to the spec without a row failed with "UpdateThreadRequest draft_reply_to:
  // expected false to be true", saying neither where the row goes nor what it holds.
  it("the check can fail: a request field added without a row, named with the file and the rule", () => {
    const edited = structuredClone(spec) as Json;
    const properties = at(`${THREAD_BODY}/properties`, edited) as Record<string, Json>;
    properties.draft_reply_to = { type: ["string", "null"], description: "Draft Reply-To address." };
    const missing = missingRows(THREAD_BODY, edited);
    expect(missing).toEqual(["draft_reply_to"]);
    expect(missingRowsMessage(THREAD_BODY, missing)).toBe(
      "UpdateThreadRequest.draft_reply_to: no row in SENTENCES (test/conformance/docs-sentences.test.ts): every request field needs the sentence of Puffle's page that describes it, with the JSON Pointer of its description (openapi/README.md, \"Adding a field\")",
    );
  });

  it.each([
    ["a reworded sentence", "Ownership is checked: another user's conversation returns 404.", "Ownership is enforced — updating a conversation that isn’t owned by the caller returns 404 (same as a missing id).", false],
    ["a dropped one", "Archive/un-archive a thread or override its unread counter.", "Most callers don't need this — opening the conversation via getConversation already resets it to 0.", false],
    ["code marks and straight quotes", "Ownership is enforced — updating a conversation that isn't owned by the caller returns 404 (same as a missing id).", "Ownership is enforced — updating a conversation that isn’t owned by the caller returns 404 (same as a missing id).", true],
    ["a sentence the spec goes on from", "Draft email subject, or null to clear it.", "Draft email subject.", true],
  ])("the check can fail: %s", (_name, description, sentence, want) => {
    expect(holds(description, sentence)).toBe(want);
  });
});
