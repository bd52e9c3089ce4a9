// Scenario 1 — validator throughput: both request bodies and both 200 responses; inputs valid,
// wrong type, unknown key, bad enum. Ours is the public API (`validateRequestBody`,
// `validateResponseBody` from dist/validators.js: result objects, every error located). Each
// contender and input gets a timing loop of its own (lib/measure.mjs, batchTimer).
// Prints one JSON document on stdout.
import {
  validateRequestBody,
  validateResponseBody,
  validateUpdateConversationRequest,
  validateUpdateConversationResponse,
  validateUpdateThreadRequest,
  validateUpdateThreadResponse,
} from "../../../dist/validators.js";
import { operations } from "../../../generated/validators.js";
import { batchTimer, interleave } from "../lib/measure.mjs";
import * as peers from "../lib/peers.mjs";

const quick = process.env.BENCH_QUICK === "1";
const ROUNDS = quick ? 5 : 15;
const WARMUP = quick ? 2 : 4;
const MS = quick ? 8 : 20;

const conversation = {
  account_id: "aaaa1111-1111-1111-1111-111111111111", channel: "linkedin", created_at: "2026-04-20T15:00:00Z",
  external_id: "unipile_chat_abc123", id: "f11e8a2c-1234-4567-89ab-cdef01234567", last_message_at: "2026-04-22T09:12:00Z",
  participant_email: null, participant_linkedin_url: "https://linkedin.com/in/jane", participant_name: "Jane Doe",
  status: "archived", unread_count: 0, updated_at: "2026-04-22T10:00:00Z", user_id: "11111111-1111-1111-1111-111111111111",
};
const thread = {
  id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", status: "draft", account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
  participant_email: "sam@example.com", draft_subject: "Intro", draft_body_text: "Hi Sam", draft_attachments: [{ id: "att_1", name: "deck.pdf" }],
  updated_at: "2026-04-22T10:05:00Z",
};
const inputs = {
  conversationRequest: {
    valid: { status: "archived", unread_count: 0 },
    "wrong type": { unread_count: "3" },
    "unknown key": { status: "archived", archived: true },
    "bad enum": { status: "deleted" },
  },
  threadRequest: {
    valid: { account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", participant_email: "sam@example.com", draft_subject: "Intro", draft_body_text: "Hi Sam", status: "active" },
    "wrong type": { account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", draft_subject: 42, status: "active" },
    "unknown key": { draft_subject: "Intro", draft_to: "sam@example.com" },
    "bad enum": { draft_subject: "Intro", status: "draft" },
  },
  conversationResponse: {
    valid: { conversation },
    "wrong type": { conversation: { ...conversation, unread_count: "0" } },
    "unknown key": { conversation: { ...conversation, labels: ["vip"] } },
    "bad enum": { conversation: { ...conversation, channel: "fax" } },
  },
  threadResponse: {
    valid: { thread },
    "wrong type": { thread: { ...thread, draft_subject: 42 } },
    "unknown key": { thread: { ...thread, labels: ["vip"] } },
    "bad enum": { thread: { ...thread, status: "deleted" } },
  },
};

const ours = {
  conversationRequest: (x) => validateRequestBody("updateConversation", x),
  threadRequest: (x) => validateRequestBody("updateThread", x),
  conversationResponse: (x) => validateResponseBody("updateConversation", 200, x),
  threadResponse: (x) => validateResponseBody("updateThread", 200, x),
};
// The same calls with the result kept (stored where the loop cannot see it): the result object must
// then be allocated, while a result read in place (as the timing loop reads the verdict) lets V8
// drop it — what a caller keeping results pays.
export let kept;
const oursKept = {
  conversationRequest: (x) => (kept = validateRequestBody("updateConversation", x)),
  threadRequest: (x) => (kept = validateRequestBody("updateThread", x)),
  conversationResponse: (x) => (kept = validateResponseBody("updateConversation", 200, x)),
  threadResponse: (x) => (kept = validateResponseBody("updateThread", 200, x)),
};
// The operations' own public functions (same results as the generic ones): no operation id to
// dispatch on, a function per body.
const oursPerOperation = {
  conversationRequest: validateUpdateConversationRequest,
  threadRequest: validateUpdateThreadRequest,
  conversationResponse: validateUpdateConversationResponse,
  threadResponse: validateUpdateThreadResponse,
};
// The generated validator the public API calls, alone (a boolean; its issues left in `.errors`):
// what the API's lookup and result object cost on top.
const oursGenerated = {
  conversationRequest: operations.updateConversation.requestBody,
  threadRequest: operations.updateThread.requestBody,
  conversationResponse: operations.updateConversation.responses["200"],
  threadResponse: operations.updateThread.responses["200"],
};

/** name → { kind: "ours" | "located" | "boolean" | "guard", fns } */
const contenders = {
  "puffle-api (validate*Body)": { kind: "ours", fns: ours },
  "puffle-api (validate*Body), result kept": { kind: "info", fns: oursKept },
  "puffle-api (validateUpdate*Request/Response)": { kind: "info", fns: oursPerOperation },
  "puffle-api generated validator": { kind: "info", fns: oursGenerated },
  "ajv.compile, allErrors": { kind: "located", fns: peers.ajvPeer({ allErrors: true }) },
  "ajv.compile": { kind: "boolean", fns: peers.ajvPeer({ allErrors: false }) },
  "schemasafe, includeErrors": { kind: "located", fns: peers.schemasafePeer({ includeErrors: true }) },
  schemasafe: { kind: "boolean", fns: peers.schemasafePeer({ includeErrors: false }) },
  "TypeBox Check+Errors()": { kind: "located", fns: peers.typeboxPeer({ errors: true }) },
  "TypeBox Check": { kind: "boolean", fns: peers.typeboxPeer({ errors: false }) },
  "zod safeParse": { kind: "located", fns: peers.zodPeer() },
  "valibot safeParse": { kind: "located", fns: peers.valibotPeer({ boolean: false }) },
  "valibot is": { kind: "boolean", fns: peers.valibotPeer({ boolean: true }) },
  "arktype": { kind: "located", fns: peers.arktypePeer({ boolean: false }) },
  "arktype allows": { kind: "boolean", fns: peers.arktypePeer({ boolean: true }) },
  "@cfworker/json-schema": { kind: "located", fns: peers.cfworkerPeer({ shortCircuit: false }) },
  "@cfworker/json-schema, shortCircuit": { kind: "boolean", fns: peers.cfworkerPeer({ shortCircuit: true }) },
  "hand-written guard": { kind: "guard", fns: peers.handPeer() },
};

const verdictOf = (r) => r === true || r === false ? r : r && typeof r === "object" && ("valid" in r ? r.valid : "success" in r ? r.success : null);

const cases = [];
const disagreements = [];
for (const [target, byKind] of Object.entries(inputs)) {
  for (const [input, value] of Object.entries(byKind)) {
    const expected = verdictOf(ours[target](value));
    for (const [name, { fns }] of Object.entries(contenders)) {
      const got = verdictOf(fns[target](value));
      if (got !== expected) disagreements.push(`${name} on ${target}/${input}: ${got}, ours ${expected}`);
    }
    cases.push({ target, input, valid: expected });
  }
}

const results = [];
for (const c of cases) {
  const value = inputs[c.target][c.input];
  const runners = Object.fromEntries(Object.entries(contenders)
    .filter(([name]) => !disagreements.some((d) => d.startsWith(`${name} on ${c.target}/${c.input}:`)))
    .map(([name, { fns }]) => {
      const timer = batchTimer(fns[c.target], [value]);
      return [name, () => timer(MS)];
    }));
  const measured = interleave(runners, { rounds: ROUNDS, warmup: WARMUP, base: "puffle-api (validate*Body)" });
  results.push({ ...c, measured });
  process.stderr.write(`  ${c.target} / ${c.input}: done\n`);
}

process.stdout.write(JSON.stringify({
  scenario: "validators",
  rounds: ROUNDS, warmup: WARMUP, msPerSample: MS,
  kinds: Object.fromEntries(Object.entries(contenders).map(([n, { kind }]) => [n, kind])),
  versions: peers.versions,
  disagreements,
  results,
}));
