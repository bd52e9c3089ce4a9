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
//
// The other way round, every word of the pages is accounted for: PAGES lists, in the page's order,
// what is not a sentence of SENTENCES (headings, field names and types, the range, the pattern, the
// enum's options, the curl lines), each with where the spec holds it and, for a fact, a check that
// the spec says the same. A statement Puffle adds (a field, a status, a bound) is text no row
// accounts for, and fails here naming the page, the words and what precedes them; one Puffle
// changes or removes fails naming the old words and the spec place that holds them. White space and
// line breaks are folded, so re-wrapping a page changes nothing; any change of words fails, since
// the spec quotes the pages (openapi/README.md, "When Puffle's pages change"). A SENTENCES row may
// come anywhere on its page: a sentence moved from one field to another is not seen.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pointerTokens } from "../../src/json-pointer.js";
import { referenceDirFrom, spec, unusedName, type Json } from "../helpers.js";

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
  pointerTokens(pointer).reduce<Json | undefined>((node, key) => (Array.isArray(node) ? node[Number(key)] : node !== null && typeof node === "object" ? node[key] : undefined), document);

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

const referenceDir = referenceDirFrom(process.env);
const readPage = (name: string) => fs.readFileSync(path.join(referenceDir!, name), "utf8");

/** What of a page is not a SENTENCES row: its words (folded), what it is and where the spec holds it, and for a fact, what the spec must say. */
interface Piece {
  text: string;
  about: string;
  /** The page's next words follow with no space (a table row's type, then its description). */
  glued?: boolean;
  /** Undefined when the spec says what the page says, else what it says instead. */
  check?: (document: Json) => string | undefined;
}

const same = (pointer: string, want: Json) => (document: Json) => {
  const got = at(pointer, document);
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `${pointer} is ${JSON.stringify(got)}, the page says ${JSON.stringify(want)}`;
};
const keys = (pointer: string, want: string[]) => (document: Json) => {
  const got = Object.keys((at(pointer, document) as Record<string, Json> | undefined) ?? {});
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `${pointer} has ${JSON.stringify(got)}, the page says ${JSON.stringify(want)}`;
};
const all =
  (...checks: ((document: Json) => string | undefined)[]) =>
  (document: Json) =>
    checks.map((c) => c(document)).find((x) => x !== undefined);
const layout = (text: string, about: string): Piece => ({ text, about });
/** A request field's name and the page's type for it ("string or null", "enum<string>", "number"). */
const field = (body: string, name: string, type: string, glued: boolean): Piece => ({
  text: glued ? `${name}${type}` : `${name} ${type}`,
  glued,
  about: `the request field ${name} (${type}): ${body}/properties/${name}`,
  check: (document) => {
    let schema = at(`${body}/properties/${name}`, document) as Record<string, Json> | undefined;
    if (!schema) return `${body}/properties/${name} does not exist`;
    if (typeof schema.$ref === "string") schema = { ...(at(schema.$ref.slice(1), document) as Record<string, Json>), ...schema };
    // The thread page's "number" is the conversation page's integer (assumption A8): a page's
    // "number" takes an integer, but a page's "integer" is not met by "number" (1.5 would pass).
    const types = new Set([schema.type].flat().map((t) => (t === "integer" && /\bnumber\b/.test(type) ? "number" : t)));
    const said = type.replace(/^enum<(\w+)>$/, "$1").split(" or ");
    if (type.startsWith("enum<") && !Array.isArray(schema.enum)) return `${body}/properties/${name} has no enum, the page says ${type}`;
    return said.length === types.size && said.every((t) => types.has(t)) ? undefined : `${body}/properties/${name} has type ${JSON.stringify(schema.type)}, the page says ${type}`;
  },
});

const ID = "/components/parameters/Id";
const THREAD_ID = "/components/parameters/ThreadId";
const bearer = same("/components/securitySchemes/bearerAuth/scheme", "bearer");

/** Each page, in its order, but for its SENTENCES rows (they may come anywhere) and the JSON of its examples (examples.test.ts). */
const PAGES: Record<string, Piece[]> = {
  [C]: [
    layout("Skip to main content PATCH / api / conversations / {id} Update a conversation", "the method, path and title: the operation's path and summary (examples.test.ts)"),
    {
      text: "curl --request PATCH \\ --url https://app.puffle.ai/api/conversations/{id} \\ --header 'Authorization: Bearer <token>' \\ --header 'Content-Type: application/json' \\ --data ' '",
      about: "the curl sample: servers, bearerAuth, the request's media type (its JSON: the docs example, examples.test.ts)",
      check: all(same("/servers/0/url", "https://app.puffle.ai"), bearer),
    },
    layout("Overview", "a heading"),
    layout("See the sibling page for related operations on the same resource.", "left out on purpose: a link to pages this spec does not describe"),
    { text: "Authorizations Authorization string header required", about: "bearerAuth, required by the root security", check: all(bearer, same("/security", [{ bearerAuth: [] }])) },
    layout("Path Parameters", "a heading"),
    { text: "id string<uuid> required", about: `the path id: ${ID}`, check: all(same(`${ID}/required`, true), same(`${ID}/schema/type`, "string"), same(`${ID}/schema/format`, "uuid")) },
    {
      text: "Pattern: ^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$",
      about: `the path id's pattern: ${ID}/schema/pattern`,
      check: same(`${ID}/schema/pattern`, "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$"),
    },
    { text: "Body application/json", about: `the request body's media type: ${CONVERSATION}/requestBody/content`, check: keys(`${CONVERSATION}/requestBody/content`, ["application/json"]) },
    field(CONVERSATION_BODY, "status", "enum<string>", false),
    { text: "Available options: active, archived", about: "status's values: /components/schemas/StatusUpdate/enum", check: same("/components/schemas/StatusUpdate/enum", ["active", "archived"]) },
    field(CONVERSATION_BODY, "unread_count", "integer", false),
    {
      text: "Required range: 0 <= x <= 9007199254740991",
      about: "unread_count's range: /components/schemas/UnreadCount minimum and maximum",
      check: all(same("/components/schemas/UnreadCount/minimum", 0), same("/components/schemas/UnreadCount/maximum", 9007199254740991)),
    },
    layout("Response Conversation updated.", "the 200 response's description (examples.test.ts)"),
    { text: "conversation object required", about: "the 200 body's conversation: /components/schemas/UpdateConversationResponse/required", check: same("/components/schemas/UpdateConversationResponse/required", ["conversation"]) },
  ],
  [T]: [
    layout("Skip to main content PATCH / api / threads / {id} Update Thread", "the method, path and title: the operation's path and summary (examples.test.ts)"),
    { text: "curl --request PATCH \\ --url https://app.puffle.ai/api/threads/{id} \\ --header 'Authorization: Bearer <token>'", about: "the curl sample: servers, bearerAuth", check: all(same("/servers/0/url", "https://app.puffle.ai"), bearer) },
    layout("CLI: puffle thread update --id <id>", "the puffle CLI's command (test/cli/)"),
    layout("Overview", "a heading"),
    layout("Path Parameters ParameterTypeDescription idstringThread ID.", "left out on purpose: the short table, given in full below"),
    layout("Request Body FieldTypeDescription", "the Request Body table: its rows are UpdateThreadRequest's properties"),
    field(THREAD_BODY, "status", "string", true),
    field(THREAD_BODY, "unread_count", "number", true),
    field(THREAD_BODY, "account_id", "string or null", true),
    field(THREAD_BODY, "participant_email", "string", true),
    field(THREAD_BODY, "participant_name", "string", true),
    field(THREAD_BODY, "draft_subject", "string or null", true),
    field(THREAD_BODY, "draft_body_text", "string or null", true),
    field(THREAD_BODY, "draft_body_html", "string or null", true),
    field(THREAD_BODY, "draft_cc", "string or null", true),
    field(THREAD_BODY, "draft_bcc", "string or null", true),
    field(THREAD_BODY, "draft_attachments", "array or null", true),
    {
      text: "Example curl -X PATCH https://app.puffle.ai/api/threads/3d986dd1-9d70-45b7-8e36-5d5b8b1c9337 \\ -H Authorization: Bearer $PUFFLE_API_KEY \\ -H Content-Type: application/json \\ -d ' '",
      about: "the curl sample: servers, the docs thread id (its JSON: the docs example, examples.test.ts)",
      check: same("/servers/0/url", "https://app.puffle.ai"),
    },
    layout("Duplicate Recipient Handling", "a heading"),
    layout("AI agent notes", "a heading"),
    { text: "Authorizations Authorization string header required", about: "bearerAuth, required by the root security", check: all(bearer, same("/security", [{ bearerAuth: [] }])) },
    { text: "Path Parameters id string required", about: `the path id: ${THREAD_ID}`, check: all(same(`${THREAD_ID}/required`, true), same(`${THREAD_ID}/schema/type`, "string")) },
    layout("Response Successful response.", "the 200 response's description (examples.test.ts)"),
  ],
};

/** The `required` names of a schema (its `$ref`s followed) and of its `allOf` members. */
function requiredOf(node: Json | undefined, document: Json): string[] {
  for (let i = 0; i < 20 && node !== null && typeof node === "object" && !Array.isArray(node) && typeof node.$ref === "string"; i++) node = at(node.$ref.slice(1), document);
  if (node === null || typeof node !== "object" || Array.isArray(node)) return [];
  const own = Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === "string") : [];
  return [...own, ...(Array.isArray(node.allOf) ? node.allOf.flatMap((member) => requiredOf(member, document)) : [])];
}
/** The node at `pointer`, each `$ref` on the way followed (a response given by `$ref`). */
function atResolved(pointer: string, document: Json): Json | undefined {
  const follow = (node: Json | undefined): Json | undefined => {
    for (let i = 0; i < 20 && node !== null && typeof node === "object" && !Array.isArray(node) && typeof node.$ref === "string"; i++) node = at(node.$ref.slice(1), document);
    return node;
  };
  return pointerTokens(pointer).reduce<Json | undefined>((node, key) => {
    const here = follow(node);
    return here !== null && typeof here === "object" && !Array.isArray(here) ? here[key] : undefined;
  }, document);
}
const requires = (pointer: string, name: string) => (document: Json) =>
  requiredOf(atResolved(pointer, document), document).includes(name) ? undefined : `${pointer} does not require ${name}`;

const CONVERSATION_RULES = `${CONVERSATION}/x-puffle-behaviour`;
const THREAD_RULES = `${THREAD}/x-puffle-behaviour`;
const DUPLICATE = `${THREAD_RULES}/duplicateRecipient`;

/**
 * The rules SENTENCES rows state, as the spec's keywords and `x-puffle-*` extensions hold them (the
 * validators and the reference server read those: a value changed there changes what they do, or,
 * for the extensions' descriptive members, what tools are told). The values are the pages', written
 * here, not read from the spec: a spec edit that turns "non-warmup" off or makes existing_thread
 * optional passed every test before this table.
 */
const RULES: [page: string, sentence: string, check: (document: Json) => string | undefined][] = [
  [C, "Ownership is enforced — updating a conversation that isn’t owned by the caller returns 404 (same as a missing id).", all(same(`${CONVERSATION_RULES}/ownership/notOwnedStatus`, 404), same(`${CONVERSATION_RULES}/ownership/sameAsMissing`, true))],
  // An absent body is an empty one.
  [C, "An empty or all-invalid body returns 400.", all(same(`${CONVERSATION}/requestBody/required`, true), same(`${CONVERSATION_BODY}/x-puffle-normalize/emptyStatus`, 400))],
  [C, "At least one valid field (status or unread_count) must be present.", all(same(`${CONVERSATION}/requestBody/required`, true), same(`${CONVERSATION_BODY}/x-puffle-normalize/minValidProperties`, 1))],
  [C, "Only active and archived are accepted; other values are silently dropped.", same(`${CONVERSATION_BODY}/x-puffle-normalize/invalidProperties`, "drop")],
  [T, "Other values are ignored.", same(`${THREAD_BODY}/x-puffle-normalize/invalidProperties`, "drop")],
  [T, "At least one valid field is required.", all(same(`${THREAD}/requestBody/required`, true), same(`${THREAD_BODY}/x-puffle-normalize/minValidProperties`, 1))],
  [T, "Stored lowercase.", (document) => {
    const got = transformOf(at(`${THREAD_BODY}/properties/participant_email`, document), document);
    return got === "lowercase" ? undefined : `${THREAD_BODY}/properties/participant_email/x-puffle-transform is ${JSON.stringify(got)}, the page says "lowercase"`;
  }],
  [T, "Non-null values must refer to a ready email sender in the workspace.", all(same(`${THREAD_RULES}/senderAccount/field`, "account_id"), same(`${THREAD_RULES}/senderAccount/mustBe`, "ready-email-sender-in-workspace"))],
  [
    T,
    "When changing account_id on an email thread, the API checks whether that sender already has a non-archived, non-warmup thread with the same participant_email.",
    all(
      same(`${DUPLICATE}/when`, "account_id changes on a thread whose channel is email"),
      same(`${DUPLICATE}/conflictsWith/sameAccount`, true),
      same(`${DUPLICATE}/conflictsWith/excludeStatuses`, ["archived"]),
      same(`${DUPLICATE}/conflictsWith/excludeWarmup`, true),
      same(`${DUPLICATE}/conflictsWith/sameParticipantEmail`, true),
    ),
  ],
  [
    T,
    "If one exists, the response is 409 with existing_thread.",
    all(same(`${DUPLICATE}/status`, 409), same(`${DUPLICATE}/member`, "existing_thread"), requires(`${THREAD}/responses/409/content/application~1problem+json/schema`, "existing_thread")),
  ],
];

/**
 * A request property's `x-puffle-transform` as the validators step reads it (scripts/lib/spec.mjs
 * `resolve`): its own, else its `$ref` target's, along the chain. The property's own member alone
 * missed a transform on a shared component (`$ref: '#/components/schemas/LowercaseEmail'`): such a
 * field, lowercased by the API, was said to be stored as sent, and one no page says it of passed.
 */
function transformOf(schema: Json | undefined, document: Json): Json | undefined {
  let node = schema;
  for (let i = 0; i < 32 && node !== null && typeof node === "object" && !Array.isArray(node); i++) {
    if (node["x-puffle-transform"] !== undefined) return node["x-puffle-transform"];
    if (typeof node.$ref !== "string" || !node.$ref.startsWith("#/")) return undefined;
    node = at(node.$ref.slice(1), document);
  }
  return undefined;
}

/** The request fields whose SENTENCES row says "Stored lowercase." and the ones whose schema lowercases, where they differ: one line each. */
function lowercaseProblems(document: Json): string[] {
  const problems: string[] = [];
  for (const body of [CONVERSATION_BODY, THREAD_BODY]) {
    const name = body.slice(body.lastIndexOf("/") + 1);
    const properties = (at(`${body}/properties`, document) as Record<string, Record<string, Json>> | undefined) ?? {};
    for (const [field, schema] of Object.entries(properties)) {
      const row = SENTENCES.find(([, sentence, pointer]) => sentence === "Stored lowercase." && pointer === `${body}/properties/${field}/description`);
      const lowercased = transformOf(schema, document) === "lowercase";
      if (row !== undefined && !lowercased) {
        problems.push(`${name}.${field}: ${row[0]} says "Stored lowercase." of it (a row of SENTENCES), but it has no x-puffle-transform: lowercase (openapi/components/schemas/${name}.yaml; openapi/README.md, "Vendor extensions"), so the API would store it as sent`);
      } else if (row === undefined && lowercased) {
        problems.push(`${name}.${field}: x-puffle-transform: lowercase, but no row of SENTENCES says "Stored lowercase." of it: the pages do not say so (openapi/README.md, "Adding a field", step 5)`);
      }
    }
  }
  return problems;
}

/** A page's text as compared: its examples' JSON taken out (examples.test.ts holds them), folded. */
function pageText(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === "{") {
      let depth = 0;
      let inString = false;
      let j = i;
      for (; j < raw.length; j++) {
        const c = raw[j];
        if (inString) {
          if (c === "\\") j++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === "{") depth++;
        else if (c === "}" && --depth === 0) break;
      }
      try {
        JSON.parse(raw.slice(i, j + 1));
        out += " ";
        i = j + 1;
        continue;
      } catch {
        // not JSON ({id})
      }
    }
    out += raw[i++];
  }
  return fold(out);
}

/** What of a page no row accounts for, and what rows the page no longer holds: one line each, naming the page, the words and the spec place. */
export function unaccounted(file: string, raw: string): string[] {
  const text = pageText(raw);
  const pieces = PAGES[file]!;
  const sentences = [...new Set(SENTENCES.filter(([f]) => f === file).map(([, s]) => fold(s)))];
  const problems: string[] = [];
  /** Whether `words` are at `pos`, ending where a word ends (or `glued` to the next). */
  const here = (words: string, pos: number, glued = false) => text.startsWith(words, pos) && (glued || pos + words.length === text.length || text[pos + words.length] === " ");
  let pending = "";
  let last = "the start of the page";
  const flush = () => {
    if (pending.trim()) problems.push(`${file}: after ${JSON.stringify(last)}, the page says ${JSON.stringify(pending.trim())}, which no row accounts for (new or changed words)`);
    pending = "";
  };
  let k = 0;
  for (let pos = 0; pos < text.length; ) {
    const piece = k < pieces.length ? fold(pieces[k]!.text) : undefined;
    if (piece && here(piece, pos, pieces[k]!.glued)) {
      flush();
      last = piece;
      pos += piece.length;
      k++;
      continue;
    }
    const sentence = sentences.find((s) => here(s, pos));
    if (sentence) {
      flush();
      last = sentence;
      pos += sentence.length;
      continue;
    }
    // A later piece here: the ones between are gone from the page.
    const later = pieces.findIndex((p, j) => j > k && (pos === 0 || text[pos - 1] === " ") && here(fold(p.text), pos, p.glued));
    if (later !== -1) {
      flush();
      for (; k < later; k++) problems.push(`${file}: no longer says ${JSON.stringify(pieces[k]!.text)} (${pieces[k]!.about})`);
      continue;
    }
    pending += text[pos++];
  }
  flush();
  for (; k < pieces.length; k++) problems.push(`${file}: no longer says ${JSON.stringify(pieces[k]!.text)} (${pieces[k]!.about})`);
  for (const sentence of sentences.filter((s) => !text.includes(s))) {
    const pointers = SENTENCES.filter(([f, s]) => f === file && fold(s) === sentence).map(([, , pointer]) => pointer);
    problems.push(`${file}: no longer says ${JSON.stringify(sentence)} (a row of SENTENCES: the description at ${pointers.join(" and ")} quotes it)`);
  }
  return problems;
}

/** The one-line advice after a list of unaccounted or gone statements. */
const UPDATE =
  "Puffle changed the page: update the spec where each statement belongs (the description the row names, and the schema or behaviour it states), then the row in SENTENCES or PAGES (test/conformance/docs-sentences.test.ts); never the page. openapi/README.md, \"When Puffle's pages change\".";

/** Why a SENTENCES row is off its page, with what the page says instead. */
function sentenceGoneMessage(file: string, sentence: string, pointer: string, raw: string): string {
  const instead = unaccounted(file, raw).filter((p) => p.includes("which no row accounts for"));
  return [`${file} no longer says ${JSON.stringify(sentence)}, which the description at ${pointer} quotes.`, ...(instead.length ? ["What the page says instead:", ...instead] : []), UPDATE].join("\n");
}

describe("every sentence of the pages is in the spec, where it belongs", () => {
  it.runIf(referenceDir !== undefined).each(SENTENCES)("%s: %s → %s (the sentence is on the page)", (file, sentence, pointer) => {
    expect(pageText(readPage(file)).includes(fold(sentence)), sentenceGoneMessage(file, sentence, pointer, readPage(file))).toBe(true);
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
    // A name the spec does not have: a real draft_reply_to (with its row) left this plant nothing to add.
    const planted = unusedName("draft_reply_to", Object.keys(properties));
    properties[planted] = { type: ["string", "null"], description: "Draft Reply-To address." };
    // Only what the planted field adds: a real field without a row fails the test above, not this one too.
    const real = missingRows(THREAD_BODY);
    const missing = missingRows(THREAD_BODY, edited).filter((field) => !real.includes(field));
    expect(missing).toEqual([planted]);
    expect(missingRowsMessage(THREAD_BODY, missing)).toBe(
      `UpdateThreadRequest.${planted}: no row in SENTENCES (test/conformance/docs-sentences.test.ts): every request field needs the sentence of Puffle's page that describes it, with the JSON Pointer of its description (openapi/README.md, "Adding a field")`,
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

describe("every statement of the pages is accounted for, and each fact the pages state is what the spec says", () => {
  it.runIf(referenceDir !== undefined).each(Object.keys(PAGES))("%s: every word is a SENTENCES row, a piece of PAGES or an example's JSON", (file) => {
    const problems = unaccounted(file, readPage(file));
    expect(problems, [...problems, UPDATE].join("\n")).toEqual([]);
  });

  const facts = Object.entries(PAGES).flatMap(([file, pieces]) => pieces.filter((p) => p.check).map((p) => [file, p.text, p] as const));
  it.each(facts)("%s: %s (the spec says so)", (file, _text, piece) => {
    const wrong = piece.check!(spec);
    expect(wrong, `${file} says ${JSON.stringify(piece.text)}, but ${wrong}: the spec must say what the page says (openapi/README.md, "When Puffle's pages change")`).toBeUndefined();
  });

  // Each planted change of a page passed every test before PAGES: a bound, a field, a status, an
  // option added to or changed on a page, with the spec left as it was.
  // A field the spec does not have, with words no page says (a real draft_reply_to, on the page and
  // in PAGES, made the plant a second copy of it, failing as words out of order).
  const PLANTED_FIELD = unusedName("draft_reply_to", Object.keys(at(`${THREAD_BODY}/properties`) as Record<string, Json>));
  const plants: [name: string, file: string, from: string, to: string, want: string[]][] = [
    ["a bound changed", C, "Required range: 0 <= x <= 9007199254740991", "Required range: 0 <= x <= 1000", [
      `${C}: after "Most callers don't need this — opening the conversation via getConversation already resets it to 0.", the page says "Required range: 0 <= x <= 1000", which no row accounts for (new or changed words)`,
      `${C}: no longer says "Required range: 0 <= x <= 9007199254740991" (unread_count's range: /components/schemas/UnreadCount minimum and maximum)`,
    ]],
    ["a bound added in a sentence", T, "Recipient display name for a draft.", "Recipient display name for a draft. At most 200 characters.", [
      `${T}: after "Recipient display name for a draft.", the page says "At most 200 characters.", which no row accounts for (new or changed words)`,
    ]],
    ["a field added", T, "draft_bccstring or nullDraft BCC recipients.\n", `draft_bccstring or nullDraft BCC recipients.\n${PLANTED_FIELD}string or nullA field planted by this test.\n`, [
      `${T}: after "Draft BCC recipients.", the page says "${PLANTED_FIELD}string or nullA field planted by this test.", which no row accounts for (new or changed words)`,
    ]],
    ["a field removed", T, "draft_bccstring or nullDraft BCC recipients.\n", "", [
      `${T}: no longer says "draft_bccstring or null" (the request field draft_bcc (string or null): ${THREAD_BODY}/properties/draft_bcc)`,
      `${T}: no longer says "Draft BCC recipients." (a row of SENTENCES: the description at ${THREAD_BODY}/properties/draft_bcc/description quotes it)`,
    ]],
    ["a status added", T, "the response is 409 with existing_thread.", "the response is 409 with existing_thread. More than 60 updates a minute return 429.", [
      `${T}: after "If one exists, the response is 409 with existing_thread.", the page says "More than 60 updates a minute return 429.", which no row accounts for (new or changed words)`,
    ]],
    ["an option added", C, "Available options:\nactive,\narchived", "Available options:\nactive,\narchived,\nsnoozed", [
      `${C}: after "Only active and archived are accepted; other values are silently dropped.", the page says "Available options: active, archived, snoozed", which no row accounts for (new or changed words)`,
      `${C}: no longer says "Available options: active, archived" (status's values: /components/schemas/StatusUpdate/enum)`,
    ]],
    ["a behaviour changed", C, "other values are silently dropped.", "other values return 400.", [
      `${C}: after "Archive or un-archive the thread.", the page says "Only active and archived are accepted; other values return 400.", which no row accounts for (new or changed words)`,
      `${C}: no longer says "Only active and archived are accepted; other values are silently dropped." (a row of SENTENCES: the description at ${CONVERSATION_BODY}/properties/status/description quotes it)`,
    ]],
    ["lines re-wrapped (no change)", C, "updating a conversation that isn’t owned", "updating a\nconversation  that isn’t owned", []],
  ];
  // Planted in the page as it is: once Puffle has changed it (the test above fails), a plant whose
  // words are gone cannot be planted, and is skipped rather than failing beside the real change.
  // While every word is accounted for, a plant is never skipped: its words match across any white
  // space (a re-wrapped page, which the check accepts, skipped three of them when they had to be
  // found as written), and words no longer on the page fail, naming the plant to update.
  const accounted = (file: string) => referenceDir !== undefined && unaccounted(file, readPage(file)).length === 0;
  const planted = (file: string, from: string, to: string): string => {
    const words = new RegExp(from.split(/(\s+)/).map((part) => (/^\s+$/.test(part) ? "\\s+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join(""));
    const raw = readPage(file);
    expect(words.test(raw), `${file}: the plant's words ${JSON.stringify(from)} are not on the page (whose every word is accounted for): write the plant as the page is now`).toBe(true);
    return raw.replace(words, () => to);
  };
  it.for(plants)("the check can fail: %s", ([, file, from, to, want], context) => {
    if (!accounted(file)) return context.skip();
    expect(unaccounted(file, planted(file, from, to))).toEqual(want);
  });

  it.each(RULES)("%s: %s (the spec's keywords and extensions say so)", (file, sentence, check) => {
    expect(SENTENCES.some(([f, s]) => f === file && s === sentence), `RULES: ${JSON.stringify(sentence)} is not a SENTENCES row of ${file}`).toBe(true);
    const wrong = check(spec);
    expect(wrong, `${file} says ${JSON.stringify(sentence)}, but ${wrong}: the spec must say what the page says (openapi/README.md, "When Puffle's pages change")`).toBeUndefined();
  });

  it("the check can fail: the duplicate rule's non-warmup turned off, existing_thread optional, participant_email no longer lowercased", () => {
    const edited = structuredClone(spec) as Json;
    const rule = (sentence: string) => RULES.find(([, s]) => s === sentence)![2](edited);
    ((at(`${DUPLICATE}/conflictsWith`, edited) as Record<string, Json>).excludeWarmup) = false;
    delete (at("/components/schemas/DuplicateThreadProblem/allOf/1", edited) as Record<string, Json>).required;
    delete (at(`${THREAD_BODY}/properties/participant_email`, edited) as Record<string, Json>)["x-puffle-transform"];
    expect(rule("When changing account_id on an email thread, the API checks whether that sender already has a non-archived, non-warmup thread with the same participant_email.")).toBe(`${DUPLICATE}/conflictsWith/excludeWarmup is false, the page says true`);
    expect(rule("If one exists, the response is 409 with existing_thread.")).toBe(`${THREAD}/responses/409/content/application~1problem+json/schema does not require existing_thread`);
    expect(rule("Stored lowercase.")).toBe(`${THREAD_BODY}/properties/participant_email/x-puffle-transform is undefined, the page says "lowercase"`);
  });

  it("every request field whose row says \"Stored lowercase.\" has x-puffle-transform: lowercase, and only those", () => {
    expect(lowercaseProblems(spec)).toEqual([]);
  });

  // RULES checked "Stored lowercase." for participant_email only: a second field the page says it of
  // (draft_reply_to, with its SENTENCES row) passed every test here without the extension, and was
  // stored as sent.
  it("the check can fail: a field stored lowercase without the extension, one with it the page does not say so of", () => {
    const edited = structuredClone(spec) as Json;
    const properties = at(`${THREAD_BODY}/properties`, edited) as Record<string, Record<string, Json>>;
    delete properties.participant_email!["x-puffle-transform"];
    properties.participant_name!["x-puffle-transform"] = "lowercase";
    // Only what the plants add: a real field's problem fails the test above, not this one too.
    const real = lowercaseProblems(spec);
    expect(lowercaseProblems(edited).filter((line) => !real.includes(line))).toEqual([
      `UpdateThreadRequest.participant_email: update-thread.txt says "Stored lowercase." of it (a row of SENTENCES), but it has no x-puffle-transform: lowercase (openapi/components/schemas/UpdateThreadRequest.yaml; openapi/README.md, "Vendor extensions"), so the API would store it as sent`,
      `UpdateThreadRequest.participant_name: x-puffle-transform: lowercase, but no row of SENTENCES says "Stored lowercase." of it: the pages do not say so (openapi/README.md, "Adding a field", step 5)`,
    ]);
  });

  // The validators step reads x-puffle-transform along a property's $refs: a field given the transform
  // by a shared component is lowercased like one that carries it itself.
  it("the check can fail: the transform on a $ref's target counts, as the validators step reads it", () => {
    const edited = structuredClone(spec) as Json;
    const schemas = at("/components/schemas", edited) as Record<string, Record<string, Json>>;
    const planted = unusedName("PlantedLowercase", Object.keys(schemas));
    schemas[planted] = { type: "string", "x-puffle-transform": "lowercase" };
    const properties = at(`${THREAD_BODY}/properties`, edited) as Record<string, Record<string, Json>>;
    const { "x-puffle-transform": _moved, ...email } = properties.participant_email!;
    properties.participant_email = { ...email, $ref: `#/components/schemas/${planted}` };
    properties.participant_name = { ...properties.participant_name!, $ref: `#/components/schemas/${planted}` };
    expect(RULES.find(([, sentence]) => sentence === "Stored lowercase.")![2](edited)).toBeUndefined();
    const real = lowercaseProblems(spec);
    expect(lowercaseProblems(edited).filter((line) => !real.includes(line))).toEqual([
      `UpdateThreadRequest.participant_name: x-puffle-transform: lowercase, but no row of SENTENCES says "Stored lowercase." of it: the pages do not say so (openapi/README.md, "Adding a field", step 5)`,
    ]);
  });

  it("the check can fail: a fact the spec no longer says (unread_count's maximum lowered)", () => {
    const edited = structuredClone(spec) as Json;
    ((at("/components/schemas", edited) as Record<string, Record<string, Json>>).UnreadCount!).maximum = 1000;
    const range = PAGES[C]!.find((p) => p.text.startsWith("Required range"))!;
    expect(range.check!(edited)).toBe("/components/schemas/UnreadCount/maximum is 1000, the page says 9007199254740991");
    expect(PAGES[T]!.find((p) => p.text === "draft_bccstring or null")!.check!(edited)).toBeUndefined();
  });

  it("the check can fail: a field's type changed or removed in the spec", () => {
    const edited = structuredClone(spec) as Json;
    const properties = at(`${THREAD_BODY}/properties`, edited) as Record<string, Record<string, Json>>;
    properties.draft_cc!.type = "string";
    delete properties.draft_bcc;
    const check = (text: string) => PAGES[T]!.find((p) => p.text === text)!.check!(edited);
    expect(check("draft_ccstring or null")).toBe(`${THREAD_BODY}/properties/draft_cc has type "string", the page says string or null`);
    expect(check("draft_bccstring or null")).toBe(`${THREAD_BODY}/properties/draft_bcc does not exist`);
  });

  it("a changed SENTENCES row names its page, its pointer and what the page says instead", (context) => {
    if (!accounted(C)) return context.skip();
    const raw = planted(C, "other values are silently dropped.", "other values return 400.");
    expect(sentenceGoneMessage(C, "Only active and archived are accepted; other values are silently dropped.", `${CONVERSATION_BODY}/properties/status/description`, raw)).toBe(
      [
        `${C} no longer says "Only active and archived are accepted; other values are silently dropped.", which the description at ${CONVERSATION_BODY}/properties/status/description quotes.`,
        "What the page says instead:",
        `${C}: after "Archive or un-archive the thread.", the page says "Only active and archived are accepted; other values return 400.", which no row accounts for (new or changed words)`,
        UPDATE,
      ].join("\n"),
    );
  });
});
