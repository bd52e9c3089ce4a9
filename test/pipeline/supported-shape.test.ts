// Spec edits the pipeline could carry into generated/ but the hand-written code does not implement
// (the typed client, the `puffle` CLI and the reference server are written for the two PATCH
// operations, the path `id`, a JSON body and a 200 record) are refused at generate time with one
// line naming the file, the line and what is unsupported (`puffle/supported-shape`,
// scripts/lib/redocly-plugin.mjs; openapi/README.md, "What the code supports"). They used to
// generate without a word: a query parameter the client never sent, a third operation that only
// `npm run typecheck` noticed, in src/server/index.ts. An edit the code does support still generates.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, lineOf, removeWorkspace, workspace } from "./harness.js";

/** Generous: a pipeline run on a loaded 2-core machine. Not a timing assertion. */
const SLOW = 180_000;

const LINE = /^generate: (?<file>[^\s:]+):(?<line>\d+)(?::(?<col>\d+))? \[(?<rule>[^\]\s]+)\] (?<message>\S.*)$/;

const THREADS = "paths/api_threads_{id}.yaml";
const THREAD_ID_PARAMETER = "  parameters:\n    - $ref: ../components/parameters/ThreadId.yaml\n";
/** Adds parameters (`text`: a `  parameters:` list) to updateThread's own, after its path id. */
const onUpdateThread = (text: string) => (t: string) => {
  if (!t.includes(THREAD_ID_PARAMETER)) throw new Error("updateThread's parameters are not where the test expects them");
  return t.replace(THREAD_ID_PARAMETER, THREAD_ID_PARAMETER + text.replace(/^  parameters:\n/, ""));
};
/** updateThread's request body offered as application/merge-patch+json too, listed first or after application/json. */
const withMergePatch = (where: "first" | "after") => (t: string) => {
  const media = (type: string) => `      ${type}:\n        schema:\n          $ref: ../components/schemas/UpdateThreadRequest.yaml\n`;
  const both = where === "first" ? media("application/merge-patch+json") + media("application/json") : media("application/json") + media("application/merge-patch+json");
  return t.replace(`    content:\n${media("application/json")}`, `    content:\n${both}`);
};

const MESSAGES = `patch:
  tags:
    - Conversations
  summary: Update a message
  operationId: updateMessage
  parameters:
    - $ref: ../components/parameters/Id.yaml
  description: Updates a message.
  requestBody:
    required: true
    content:
      application/json:
        schema:
          $ref: ../components/schemas/UpdateConversationRequest.yaml
  responses:
    '200':
      description: Message updated.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/UpdateConversationResponse.yaml
    '400':
      $ref: ../components/responses/BadRequest.yaml
`;

const TOO_MANY = `description: Too many requests.
content:
  application/problem+json:
    schema:
      $ref: ../schemas/Problem.yaml
    examples:
      rateLimited:
        value:
          type: https://app.puffle.ai/problems/rate-limited
          title: Too many requests
          status: 429
`;

interface Row {
  name: string;
  /** Edits of existing spec files (relative to openapi/). */
  edits: Record<string, (text: string) => string>;
  /** New spec files. */
  files?: Record<string, string>;
  /** null: the edit is supported and generates. Otherwise the file and the text on the line the error names, and words of its message. */
  want: null | { file: string; at: string; message: RegExp };
}

const ROWS: Row[] = [
  {
    name: "a third PATCH operation, in its own paths file",
    files: { "paths/api_messages_{id}.yaml": MESSAGES },
    edits: { "openapi.yaml": (t) => t.replace("    $ref: paths/api_threads_{id}.yaml\n", "    $ref: paths/api_threads_{id}.yaml\n  /api/messages/{id}:\n    $ref: paths/api_messages_{id}.yaml\n") },
    want: { file: "paths/api_messages_{id}.yaml", at: "operationId: updateMessage", message: /operation updateMessage is not supported: .* implement only updateConversation and updateThread/ },
  },
  {
    name: "updateThread as PUT",
    edits: { [THREADS]: (t) => t.replace(/^patch:$/m, "put:") },
    want: { file: THREADS, at: "put:", message: /updateThread must be PATCH, not PUT/ },
  },
  {
    name: "a query parameter",
    edits: { [THREADS]: onUpdateThread("  parameters:\n    - name: notify\n      in: query\n      description: Notify the participant.\n      schema:\n        type: boolean\n") },
    want: { file: THREADS, at: "- name: notify", message: /parameter notify \(in: query\) is not supported: only the path parameter id is/ },
  },
  {
    name: "a header parameter, a component of its own",
    files: { "components/parameters/IdempotencyKey.yaml": "name: Idempotency-Key\nin: header\ndescription: A key.\nschema:\n  type: string\n" },
    edits: { [THREADS]: onUpdateThread("  parameters:\n    - $ref: ../components/parameters/IdempotencyKey.yaml\n") },
    want: { file: "components/parameters/IdempotencyKey.yaml", at: "name: Idempotency-Key", message: /parameter Idempotency-Key \(in: header\) is not supported/ },
  },
  {
    name: "the path id on the path item, not on the operation (Swagger UI cannot fill it from a link)",
    edits: { [THREADS]: (t) => `parameters:\n  - $ref: ../components/parameters/ThreadId.yaml\n${t.replace(THREAD_ID_PARAMETER, "")}` },
    want: { file: THREADS, at: "parameters:", message: /parameters on a path item are not supported: declare them on each operation/ },
  },
  {
    name: "a second request media type",
    edits: { [THREADS]: withMergePatch("first") },
    want: { file: THREADS, at: "application/merge-patch+json:", message: /request media type application\/merge-patch\+json is not supported/ },
  },
  {
    name: "a success status other than 200 (204)",
    edits: { [THREADS]: (t) => t.replace("  responses:\n    '200':\n", "  responses:\n    '204':\n      description: Nothing changed.\n    '200':\n") },
    want: { file: THREADS, at: "'204':", message: /response 204 is not supported: 200 is the one success status/ },
  },
  {
    name: "a query parameter named id (only the path one is supported)",
    edits: { [THREADS]: onUpdateThread("  parameters:\n    - name: id\n      in: query\n      description: An id.\n      schema:\n        type: string\n") },
    want: { file: THREADS, at: "- name: id", message: /parameter id \(in: query\) is not supported: only the path parameter id is/ },
  },
  {
    name: "a second path parameter",
    edits: {
      "openapi.yaml": (t) => t.replace("  /api/threads/{id}:\n", "  /api/threads/{id}/{part}:\n"),
      [THREADS]: onUpdateThread("  parameters:\n    - name: part\n      in: path\n      required: true\n      description: A part.\n      schema:\n        type: string\n"),
    },
    want: { file: THREADS, at: "- name: part", message: /parameter part \(in: path\) is not supported: only the path parameter id is/ },
  },
  {
    name: "a second request media type, after application/json",
    edits: { [THREADS]: withMergePatch("after") },
    want: { file: THREADS, at: "application/merge-patch+json:", message: /request media type application\/merge-patch\+json is not supported/ },
  },
  {
    name: "a success status range (2XX)",
    edits: { [THREADS]: (t) => t.replace("  responses:\n    '200':\n", "  responses:\n    2XX:\n      description: Some success.\n    '200':\n") },
    want: { file: THREADS, at: "2XX:", message: /response 2XX is not supported: 200 is the one success status/ },
  },
  // Every JavaScript object has these names (Object.prototype): AJV's code reads `data.toString`
  // and found the inherited function (every body invalid), skipped `__proto__` altogether (its type
  // and `required` unchecked), and meta.js's and validators.js's object literals turned a
  // `"__proto__":` field into their prototype (gone from Object.keys, its members read as fields').
  {
    name: "a request property named __proto__ (generated, unchecked, and lost from meta.js)",
    edits: { "components/schemas/UpdateThreadRequest.yaml": (t) => t.replace("properties:\n  status:\n", "properties:\n  __proto__:\n    type: string\n    description: A field.\n  status:\n") },
    want: { file: "components/schemas/UpdateThreadRequest.yaml", at: "  __proto__:", message: /property name __proto__ is not supported: every JavaScript object has it/ },
  },
  {
    name: "a nested request property named toString (an example failed first, saying toString must be a string)",
    edits: { "components/schemas/DraftAttachment.yaml": (t) => `${t}properties:\n  toString:\n    type: string\n    description: A name.\n` },
    want: { file: "components/schemas/DraftAttachment.yaml", at: "  toString:", message: /property name toString is not supported/ },
  },
  // The members the reference server reads for every operation: without allowedMethods it (and the
  // `puffle` CLI, even --help) ended at start-up with a TypeError's stack trace; without
  // maxBodyDepth no body was too deep (its limit NaN); without ownership each request threw in the store.
  {
    name: "updateThread's x-puffle-behaviour without allowedMethods",
    edits: { [THREADS]: (t) => t.replace("    allowedMethods:\n      - PATCH\n", "") },
    want: { file: THREADS, at: "  x-puffle-behaviour:", message: /x-puffle-behaviour of updateThread has no allowedMethods: the reference server reads it for every operation/ },
  },
  {
    name: "updateConversation's x-puffle-behaviour without maxBodyDepth",
    edits: { "paths/api_conversations_{id}.yaml": (t) => t.replace("    maxBodyDepth: 64\n", "") },
    want: { file: "paths/api_conversations_{id}.yaml", at: "  x-puffle-behaviour:", message: /x-puffle-behaviour of updateConversation has no maxBodyDepth/ },
  },
  {
    name: "updateConversation's x-puffle-behaviour without ownership",
    edits: { "paths/api_conversations_{id}.yaml": (t) => t.replace("    ownership:\n      owner: user_id\n      notOwnedStatus: 404\n      sameAsMissing: true\n", "") },
    want: { file: "paths/api_conversations_{id}.yaml", at: "  x-puffle-behaviour:", message: /x-puffle-behaviour of updateConversation has no ownership/ },
  },
  // The members the store reads for updateThread alone: it takes a missing senderAccount or
  // duplicateRecipient for an operation without the rule, so one dropped turned the sender check or
  // the 409 off without a word, and a duplicateRecipient without excludeStatuses threw in the store.
  {
    name: "updateThread's duplicateRecipient.conflictsWith without excludeStatuses (every sender change of an email thread threw in the store)",
    edits: { [THREADS]: (t) => t.replace("        excludeStatuses:\n          - archived\n", "") },
    want: { file: THREADS, at: "      conflictsWith:", message: /x-puffle-behaviour\.duplicateRecipient\.conflictsWith of updateThread has no excludeStatuses: the reference server's store reads duplicateRecipient\.conflictsWith\.excludeStatuses/ },
  },
  {
    name: "updateThread's x-puffle-behaviour without senderAccount (any account_id was stored)",
    edits: { [THREADS]: (t) => t.replace(/    senderAccount:\n(?:      .*\n)*/, "") },
    want: { file: THREADS, at: "  x-puffle-behaviour:", message: /x-puffle-behaviour of updateThread has no senderAccount: the reference server's store reads senderAccount\.field/ },
  },
  {
    name: "updateThread's x-puffle-behaviour without duplicateRecipient (no 409)",
    edits: { [THREADS]: (t) => t.replace(/    duplicateRecipient:\n(?:      .*\n)*/, "") },
    want: { file: THREADS, at: "  x-puffle-behaviour:", message: /x-puffle-behaviour of updateThread has no duplicateRecipient: the reference server's store reads duplicateRecipient\.member/ },
  },
  {
    name: "updateThread's senderAccount without field",
    edits: { [THREADS]: (t) => t.replace("      field: account_id\n", "") },
    want: { file: THREADS, at: "    senderAccount:", message: /x-puffle-behaviour\.senderAccount of updateThread has no field/ },
  },
  {
    name: "updateThread's duplicateRecipient.conflictsWith not a mapping",
    edits: { [THREADS]: (t) => t.replace(/      conflictsWith:\n(?:        .*\n)*/, "      conflictsWith: any-thread\n") },
    want: { file: THREADS, at: "      conflictsWith: any-thread", message: /x-puffle-behaviour\.duplicateRecipient\.conflictsWith of updateThread is not a mapping/ },
  },
  // ownership.owner is the column the store compares with the caller's id: another value (or a
  // string for the mapping) generated, and the server answered every request 404.
  {
    name: "updateConversation's ownership.owner another column",
    edits: { "paths/api_conversations_{id}.yaml": (t) => t.replace("      owner: user_id\n", "      owner: account_id\n") },
    want: { file: "paths/api_conversations_{id}.yaml", at: "      owner: account_id", message: /x-puffle-behaviour\.ownership of updateConversation has owner "account_id": ownership\.owner must be user_id/ },
  },
  {
    name: "updateThread's ownership a string",
    edits: { [THREADS]: (t) => t.replace(/    ownership:\n      owner: user_id\n(?:      .*\n)*/, "    ownership: user_id\n") },
    want: { file: THREADS, at: "    ownership: user_id", message: /x-puffle-behaviour\.ownership of updateThread is not a mapping: ownership\.owner must be user_id/ },
  },
  // Values the code implements rather than reads (statuses, the store's checks, the client's 409):
  // the server never read them, so an edited one generated and the server answered as before.
  {
    name: "updateConversation's ownership.notOwnedStatus 403 (the server sends 404)",
    edits: { "paths/api_conversations_{id}.yaml": (t) => t.replace("      notOwnedStatus: 404\n", "      notOwnedStatus: 403\n") },
    want: { file: "paths/api_conversations_{id}.yaml", at: "      notOwnedStatus: 403", message: /x-puffle-behaviour\.ownership\.notOwnedStatus of updateConversation is 403: the code supports only 404, the store answers another user's record as not found and the server sends 404 \(src\/server\/store\.ts, src\/server\/problems\.ts\)/ },
  },
  {
    name: "updateThread's ownership.sameAsMissing false",
    edits: { [THREADS]: (t) => t.replace("      sameAsMissing: true\n", "      sameAsMissing: false\n") },
    want: { file: THREADS, at: "      sameAsMissing: false", message: /x-puffle-behaviour\.ownership\.sameAsMissing of updateThread is false: the code supports only true/ },
  },
  {
    name: "updateThread's duplicateRecipient.status 404, a documented status (it generated, the server still sent 409)",
    edits: { [THREADS]: (t) => t.replace("      status: 409\n", "      status: 404\n") },
    want: { file: THREADS, at: "      status: 404", message: /x-puffle-behaviour\.duplicateRecipient\.status of updateThread is 404: the code supports only 409, .*src\/client\.ts, src\/errors\.ts/ },
  },
  {
    name: "updateThread's senderAccount.mustBe another rule",
    edits: { [THREADS]: (t) => t.replace("      mustBe: ready-email-sender-in-workspace\n", "      mustBe: any-sender\n") },
    want: { file: THREADS, at: "      mustBe: any-sender", message: /x-puffle-behaviour\.senderAccount\.mustBe of updateThread is "any-sender": the code supports only "ready-email-sender-in-workspace"/ },
  },
  {
    name: "updateThread's duplicateRecipient.member another name (the client reads existing_thread)",
    edits: { [THREADS]: (t) => t.replace("      member: existing_thread\n", "      member: thread\n") },
    want: { file: THREADS, at: "      member: thread", message: /x-puffle-behaviour\.duplicateRecipient\.member of updateThread is "thread": the code supports only "existing_thread"/ },
  },
  {
    name: "updateConversation's touches another column (the store sets updated_at)",
    edits: { "paths/api_conversations_{id}.yaml": (t) => t.replace("    touches: updated_at\n", "    touches: last_message_at\n") },
    want: { file: "paths/api_conversations_{id}.yaml", at: "    touches: last_message_at", message: /x-puffle-behaviour\.touches of updateConversation is "last_message_at": the code supports only "updated_at", the store sets updated_at on every update/ },
  },
  {
    name: "supported: touches as a list of one, [updated_at]",
    edits: { [THREADS]: (t) => t.replace("    touches: updated_at\n", "    touches:\n      - updated_at\n") },
    want: null,
  },
  {
    name: "an operation without x-puffle-behaviour",
    edits: { [THREADS]: (t) => t.slice(0, t.indexOf("  x-puffle-behaviour:")) + t.slice(t.indexOf("  requestBody:")) },
    want: { file: THREADS, at: "operationId: updateThread", message: /operation updateThread has no x-puffle-behaviour: the reference server reads allowedMethods, maxBodyBytes, maxBodyDepth, ownership from it/ },
  },
  {
    name: "supported: property names that only contain those words (proto, constructor_id)",
    edits: { "components/schemas/DraftAttachment.yaml": (t) => `${t}properties:\n  proto:\n    type: string\n    description: A name.\n  constructor_id:\n    type: string\n    description: An id.\n` },
    want: null,
  },
  {
    name: "supported: a 429 problem response with an example",
    files: { "components/responses/TooManyRequests.yaml": TOO_MANY },
    edits: { [THREADS]: (t) => t.replace("    '409':\n", "    '429':\n      $ref: ../components/responses/TooManyRequests.yaml\n    '409':\n") },
    want: null,
  },
];

describe("an edit the code does not implement is refused at generate time, naming file, line and what", () => {
  // Sequential on purpose: each row spawns the whole pipeline, and CI has 2 cores.
  it.each(ROWS)("$name", (row) => {
    const ws = workspace();
    try {
      for (const [file, text] of Object.entries(row.files ?? {})) fs.writeFileSync(ws.file(file), text);
      for (const [file, change] of Object.entries(row.edits)) ws.edit(file, change);
      const run = generate(ws);
      expect(run.stderr).not.toMatch(/^\s+at\s/m);
      if (row.want === null) {
        expect(run.status, run.stderr).toBe(0);
        return;
      }
      expect(run.status).toBe(1);
      const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines, run.stderr).toHaveLength(1);
      const m = LINE.exec(lines[0]!);
      expect(m, lines[0]).not.toBeNull();
      expect(m!.groups!.rule, lines[0]).toBe("puffle/supported-shape");
      expect(m!.groups!.file).toBe(path.join("openapi", row.want.file));
      expect(Number(m!.groups!.line), lines[0]).toBe(lineOf(fs.readFileSync(ws.file(row.want.file), "utf8"), row.want.at));
      expect(m!.groups!.message).toMatch(row.want.message);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);
});
