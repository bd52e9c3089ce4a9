// What the spec says beyond Puffle's published pages (../shared/reference) is marked as ours in the
// spec itself, not only in openapi/README.md's "Assumptions": a reader of the bundled spec or the
// HTML reference must not take an invented status, limit, format or rule for documented behaviour.
// The convention is the one the text-field bounds already use, "(a bound we chose)": each
// description below names what is ours with "we chose". The list is the audit of the two pages
// against the spec (statement by statement); a new assumption belongs in it.
import { describe, expect, it } from "vitest";
import { spec, type Json, type JsonObject } from "../helpers.js";

/** JSON Pointer into the bundled spec → what it says that the pages do not, and the words that mark it ours. */
const ASSUMED: Record<string, [what: string, marked: RegExp]> = {
  // Statuses and bodies the pages never mention.
  "/components/responses/Unauthorized": ["the 401 status and its body (the pages say only that the header is required)", /401 and its body are ones we chose/],
  "/components/responses/PayloadTooLarge": ["the 1 MiB body limit and its 413", /the limit and this 413 are ones we chose/],
  "/components/responses/UnsupportedMediaType": ["the 415 for another media type, charset or content coding", /this 415 is a status we chose/],
  "/components/responses/BadRequest": ["a 400 for a malformed id, a non-object or too deep body", /malformed\s+id.*nesting limit.*status we chose/s],
  "/components/responses/ThreadBadRequest": ["the 400 for an empty or all-invalid body (the conversation page's: the thread page gives no status), the same, and a sender that is not ready", /thread page says only that at least one valid field is required.*conversation page's.*malformed id.*nesting limit.*not ready.*status we chose/s],
  "/components/schemas/Problem": ["RFC 9457 problem details as the error shape (the thread page names only a 409's existing_thread)", /docs show no error body \(the thread\s+page names only a 409's `existing_thread`\).*we chose/s],
  // Rules carried over from the conversation page, or read into the thread page.
  "/components/parameters/Id": ["a malformed id is a 400 before any lookup", /400 before any lookup \(a status we chose/],
  "/components/parameters/ThreadId": ["the conversation page's pattern, ownership and 404 for a thread id (the thread page says only a conversations.id UUID)", /only as a `conversations\.id` UUID.*pattern.*ownership.*404.*rules we chose/s],
  "/components/schemas/UpdateThreadRequest/properties/unread_count": ["the page says number: the conversation page's integer and range", /as a number.*integer.*\(a type we chose\)/s],
  "/components/schemas/UpdateThreadRequest/properties/account_id": ["a UUID (the page says string)", /otherwise 400, a status we chose.*UUIDs \(a format we chose\)/s],
  "/components/schemas/UpdateThreadRequest/properties/participant_email": ["an email address by ajv-formats' full rules (the page says string)", /`format: email`, a format we chose/],
  "/components/schemas/ConversationRow/properties/external_id": ["null in a response (the docs' example shows a string)", /The docs show a\s+string: null is a type we chose/],
  "/components/schemas/ConversationRow/properties/participant_name": ["null in a response (the docs' example shows a string)", /The docs show a\s+string: null is a type we chose/],
  "/components/schemas/ConversationRow/properties/participant_linkedin_url": ["null in a response (the docs' example shows a string)", /The docs show a\s+string: null is a type we chose/],
  "/components/schemas/ConversationRow/properties/last_message_at": ["null in a response (the docs' example shows a string)", /The docs show a\s+string: null is a type we chose/],
  "/components/schemas/Channel": ["linkedin or email (the pages show linkedin and speak of email), and which webhook gives which (the page names Unipile's and AgentMail's webhooks, not their channels)", /only `linkedin`.*a list we chose.*Which channel each source gives is\s+our reading.*names the webhooks, not their\s+channels/s],
  "/components/schemas/ConversationStatus": ["draft's meaning, and no status beyond active, archived and draft (the pages show draft, never say what it means)", /do not say what `draft` means.*our reading.*a list we chose/s],
  "/components/schemas/Conversation": ["every column always present, and more may be added (the page shows one conversation)", /server may add more \(rules we chose/],
  "/components/schemas/Thread": ["id and status always present, the rest optional (the page's example shows five columns)", /only `id` and `status` are guaranteed \(a rule we chose/],
  "/components/schemas/ConversationRow/properties/updated_at": ["updated_at advances on every update", /advances it \(a rule we\s+chose/],
  "/components/schemas/ConversationRow/properties/account_id": ["a UUID in a response (the docs' values are UUIDs)", /\(a format we\s+chose/],
  "/components/schemas/ConversationRow/properties/participant_email": ["lowercase in every row, a webhook's too (the thread page says it only of the update's participant_email); an email address in a response", /Stored lowercase \(a rule we chose for every row: the thread page says it only\s+of the update's `participant_email`.*`format: email`, a format we chose/s],
  "/components/schemas/UpdateThreadRequest/properties/draft_attachments": ["the list is replaced whole, not merged (the page does not say)", /Replaces the\s+whole list \(a rule we chose/],
  "/components/schemas/UpdateConversationRequest": ["unknown fields are dropped, not refused (the page names only status's other values)", /unknown fields \(a rule we chose/],
  "/components/schemas/UpdateThreadRequest": ["unknown fields, and invalid values of fields other than status, are dropped; the 400 (the page gives no status)", /unknown fields and the invalid values of fields other\s+than `status`, a rule we chose.*returns 400\s+\(a status we chose/s],
  "/components/schemas/DraftAttachment": ["any JSON object as an attachment (the page shows none)", /docs do not show its members/],
  // Behaviour both operation descriptions state.
  "/paths/~1api~1conversations~1{id}/patch": ["unknown fields are dropped (the page names only status's other values); updated_at advances on every update; a retry is safe", /unknown fields \(a rule we chose.*advances `updated_at` \(a rule we chose.*safe to retry \(a rule we chose/s],
  "/paths/~1api~1threads~1{id}/patch/requestBody": ["the 400 for an empty or all-invalid body (the thread page gives no status)", /returns 400 \(a status we chose, as the conversation page gives it\)/],
  "/paths/~1api~1threads~1{id}/patch": ["unknown fields and invalid values other than status's are dropped (the page says only that other status values are ignored); thread ownership and 404, updated_at advances, a retry is safe", /unknown fields and the invalid values of fields other than `status`, a rule we chose.*same as a missing id \(a rule we chose.*advances `updated_at` \(a rule we chose.*safe to retry \(a rule we chose/s],
  "/info": ["repeating a request has the same effect as sending it once (the pages do not say)", /same effect as sending it once \(a rule we chose/],
};

const at = (pointer: string): JsonObject | undefined =>
  pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json | undefined>((node, key) => (node !== null && typeof node === "object" && !Array.isArray(node) ? node[key] : undefined), spec) as JsonObject | undefined;

describe("what the spec says beyond Puffle's pages is marked as ours in its description", () => {
  it.each(Object.entries(ASSUMED).map(([pointer, [what, marked]]) => [pointer, what, marked] as const))("%s: %s", (pointer, _what, marked) => {
    const node = at(pointer);
    expect(node, `${pointer} is not in generated/openapi.json`).toBeDefined();
    const description = node!.description;
    expect(typeof description, `${pointer} has no description`).toBe("string");
    expect(description as string, `${pointer}: its description does not say what is our choice ("… we chose")`).toMatch(marked);
  });
});
