// Redocly plugin `puffle` (listed in redocly.yaml, so `npm run lint:openapi` and the generate
// pipeline's lint both run it). Rule `puffle/known-extensions`: every `x-puffle-*` key is one the
// pipeline reads, where it reads it. Its readers look an extension up by its exact name, so a
// misspelt or misplaced one (`x-puffle-normalise`, `x-puffle-behavior`, `x-puffle-behaviour` on a
// path item) would otherwise be ignored without a word — and with it the behaviour it describes.
//
// Rule `puffle/supported-shape`: the spec describes only what the hand-written code implements.
// Parameters go on the operations, not the path item (Swagger UI cannot fill a path item's `$ref`'d
// one when an operation is opened from a link). The pipeline would carry a third operation, a query or header parameter, another request media
// type, another success status or a property named like a member of every JavaScript object
// (`__proto__`, `toString`) into generated/ without a word, but the typed client, the `puffle`
// CLI and the reference server are written for the two PATCH operations with the path `id`, a JSON
// body and a 200 record: each would be half-supported (typed, but never sent, checked or served).
// So would an `x-puffle-behaviour` value the code implements rather than reads (a 403 for another
// user's record, another status for the duplicate recipient): the server answered as before.
// openapi/README.md, "What the code supports".

import { HTTP_METHODS } from "./spec.mjs";

/** Each extension the pipeline reads → the node types it is read on (openapi/README.md lists them). */
const PUFFLE_EXTENSIONS = Object.freeze({
  "x-puffle-behaviour": Object.freeze(["Operation"]), // scripts/lib/meta.mjs
  "x-puffle-normalize": Object.freeze(["Schema"]), // scripts/lib/validators.mjs (request body schemas)
  "x-puffle-transform": Object.freeze(["Schema"]), // scripts/lib/validators.mjs (request properties)
});

const KNOWN = Object.keys(PUFFLE_EXTENSIONS);

/** A YAML mapping (a JSON object): not null, not a sequence. */
const isMapping = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function KnownExtensions() {
  return {
    any: {
      enter(node, ctx) {
        if (!isMapping(node)) return;
        for (const key of Object.keys(node)) {
          if (!key.startsWith("x-puffle-")) continue;
          const on = PUFFLE_EXTENSIONS[key];
          if (on === undefined) {
            ctx.report({ message: `unknown extension ${key}: the pipeline reads only ${KNOWN.join(", ")}`, location: ctx.location.child([key]).key() });
          } else if (!on.includes(ctx.type.name)) {
            ctx.report({ message: `${key} is read on ${on.join(" or ")} objects, not on ${ctx.type.name}: here it would be ignored`, location: ctx.location.child([key]).key() });
          }
        }
      },
    },
  };
}

/** Each operation the typed client, the CLI and the reference server implement → its method (src/client.ts sends PATCH). */
const SUPPORTED_OPERATIONS = Object.freeze({ updateConversation: "patch", updateThread: "patch" });

const SEE = "(openapi/README.md, \"What the code supports\")";

/**
 * The `x-puffle-behaviour` members the reference server reads for every operation, at start-up or
 * on each request, → what it reads them for. One left out generated without a word: without
 * `allowedMethods` the server and the `puffle` CLI (which loads the server's launcher) ended at
 * start-up with a TypeError and a stack trace, without `maxBodyDepth` no body was too deep (its
 * limit NaN), without `ownership` each request threw in the store, without `maxBodyBytes` Fastify's
 * default limit applied.
 */
const SERVER_READS = Object.freeze({
  allowedMethods: "the methods a path answers (any other: 405 with Allow; CORS's Access-Control-Allow-Methods), src/server/cors.ts, src/server/index.ts",
  maxBodyBytes: "the body limit, src/server/index.ts",
  maxBodyDepth: "the deepest body it parses, src/server/json.ts",
  ownership: "whose records an id reaches (ownership.owner), src/server/store.ts",
});

/**
 * The `x-puffle-behaviour` members the reference server's store reads for one operation only, each
 * a path of mapping members → what it reads it for. The store takes a missing `senderAccount` or
 * `duplicateRecipient` for an operation without that rule (updateConversation, whose body has no
 * account_id), so one left out of updateThread generated and turned Puffle's sender check (any
 * account_id was stored) or the 409 off without a word; one without `senderAccount.field` did the
 * same, one without `duplicateRecipient.member` sent the 409's thread under "undefined" (the client
 * reads existing_thread), and one without a member of `conflictsWith` (or with it not a mapping)
 * made every thread update that changes an email thread's sender throw in the store (a missing
 * `excludeStatuses`: undefined.includes) or compare less than the docs say.
 */
const OPERATION_READS = Object.freeze({
  updateThread: Object.freeze([
    { at: ["senderAccount", "field"], why: "the request field that must name a ready email sender of the caller's workspace (else 400), src/server/store.ts" },
    { at: ["duplicateRecipient", "member"], why: "the 409's member that holds the existing thread, src/server/store.ts, src/server/problems.ts" },
    ...["sameAccount", "sameParticipantEmail", "excludeStatuses", "excludeWarmup"].map((rule) => ({
      at: ["duplicateRecipient", "conflictsWith", rule],
      why: "which other thread makes a duplicate recipient (409), src/server/store.ts",
    })),
  ]),
});

/** The column of a record the reference server's store compares with the caller's id (src/server/store.ts). */
const OWNER_COLUMN = "user_id";

/**
 * The `x-puffle-behaviour` members whose value the hand-written code implements rather than reads
 * (the statuses, the problem bodies, the store's checks, the client's 409 handling) → that value
 * and where the code has it. The server never read them: an edited one generated, and the server
 * (and the client, for the 409) went on answering as before, the spec saying otherwise. Puffle's
 * pages state each (404 same as a missing id; a ready email sender in the workspace; 409 with
 * `existing_thread` when account_id changes on an email thread): another value is a code change
 * first (openapi/README.md, "What the code supports").
 */
const CODE_VALUES = Object.freeze([
  { at: ["ownership", "notOwnedStatus"], value: 404, where: "the store answers another user's record as not found and the server sends 404 (src/server/store.ts, src/server/problems.ts)" },
  { at: ["ownership", "sameAsMissing"], value: true, where: "the server sends another user's record the 404 of a missing id, byte for byte (src/server/store.ts)" },
  { at: ["senderAccount", "field"], value: "account_id", where: "the store writes the sender it checked to account_id (src/server/store.ts)" },
  { at: ["senderAccount", "mustBe"], value: "ready-email-sender-in-workspace", where: "the store's check: an email account, ready, in the caller's workspace (src/server/store.ts)" },
  { at: ["senderAccount", "status"], value: 400, where: "the server's invalid-sender-account problem (src/server/problems.ts)" },
  { at: ["duplicateRecipient", "when"], value: "account_id changes on a thread whose channel is email", where: "the store's condition (src/server/store.ts)" },
  { at: ["duplicateRecipient", "status"], value: 409, where: "the server's duplicate-thread problem (src/server/problems.ts), and the client's existingThread and isDuplicateThreadError (src/client.ts, src/errors.ts)" },
  { at: ["duplicateRecipient", "member"], value: "existing_thread", where: "the client reads the existing thread from existing_thread (src/client.ts, src/errors.ts)" },
  // Also written as a list of one (the meta step takes a name or a list).
  { at: ["touches"], value: "updated_at", also: ["updated_at"], where: "the store sets updated_at on every update, and nothing else (src/server/store.ts)" },
]);

/**
 * Names every JavaScript object has (Object.prototype's: `__proto__`, `constructor`, `toString`, …).
 * As a property name, AJV's code reads the inherited member (every object then fails that
 * property's schema), or for `__proto__` checks nothing; and in meta.js's and validators.js's
 * object literals a `"__proto__":` member is the object's prototype, not a field.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

function SupportedShape() {
  return {
    PathItem: {
      enter(item, ctx) {
        // Valid OpenAPI, but Swagger UI 5 shows a path item's `$ref`'d parameter as an empty "any ()"
        // row when an operation is opened from a link (or with docExpansion "full"), and its "Try it
        // out" then sends `{id}` unfilled: each operation declares its parameters itself.
        if (Array.isArray(item?.parameters) && item.parameters.length > 0) {
          ctx.report({
            message: `parameters on a path item are not supported: declare them on each operation (Swagger UI shows a path item's $ref'd parameter as an empty row when an operation is opened from a link, and cannot send it) ${SEE}`,
            location: ctx.location.child(["parameters"]).key(),
          });
        }
        for (const method of HTTP_METHODS) {
          const op = item?.[method];
          if (op === null || typeof op !== "object") continue;
          const id = op.operationId;
          if (typeof id !== "string") continue; // operation-operationId reports it
          if (!Object.hasOwn(SUPPORTED_OPERATIONS, id)) {
            ctx.report({
              message: `operation ${id} is not supported: the typed client, the puffle CLI and the reference server implement only ${Object.keys(SUPPORTED_OPERATIONS).join(" and ")} ${SEE}`,
              location: ctx.location.child([method, "operationId"]),
            });
          } else if (SUPPORTED_OPERATIONS[id] !== method) {
            ctx.report({
              message: `${id} must be ${SUPPORTED_OPERATIONS[id].toUpperCase()}, not ${method.toUpperCase()}: the typed client sends it as ${SUPPORTED_OPERATIONS[id].toUpperCase()} ${SEE}`,
              location: ctx.location.child([method]).key(),
            });
          }
          // Its members' values are checked by the meta step (puffle/x-puffle-behaviour), which reads
          // any spec; that the server's are there is this code's need.
          const behaviour = op["x-puffle-behaviour"];
          if (!isMapping(behaviour)) {
            // A misspelt one (x-puffle-behavior) is puffle/known-extensions' to name: the typo is
            // the cause, and generate shows one problem.
            const misspelt = Object.keys(op).some((key) => key.startsWith("x-puffle-") && PUFFLE_EXTENSIONS[key] === undefined);
            if (behaviour === undefined && !misspelt) {
              ctx.report({
                message: `operation ${id} has no x-puffle-behaviour: the reference server reads ${Object.keys(SERVER_READS).join(", ")} from it for every operation ${SEE}`,
                location: ctx.location.child([method, "operationId"]),
              });
            }
            continue; // a value that is not a mapping: the meta step names it
          }
          for (const [member, why] of Object.entries(SERVER_READS)) {
            if (Object.hasOwn(behaviour, member)) continue;
            ctx.report({
              message: `x-puffle-behaviour of ${id} has no ${member}: the reference server reads it for every operation (${why}) ${SEE}`,
              location: ctx.location.child([method, "x-puffle-behaviour"]).key(),
            });
          }
          // The members only this operation's rules read: each holder on the way a mapping, each member there.
          const reported = new Set();
          for (const { at, why } of OPERATION_READS[id] ?? []) {
            let holder = behaviour;
            for (let i = 0; i < at.length; i++) {
              const where = at.slice(0, i);
              const name = where.length === 0 ? "x-puffle-behaviour" : `x-puffle-behaviour.${where.join(".")}`;
              if (!isMapping(holder)) {
                if (!reported.has(name)) {
                  reported.add(name);
                  ctx.report({
                    message: `${name} of ${id} is not a mapping: the reference server's store reads ${at.join(".")} and the like: ${why} ${SEE}`,
                    location: ctx.location.child([method, "x-puffle-behaviour", ...where]).key(),
                  });
                }
                break;
              }
              if (!Object.hasOwn(holder, at[i])) {
                const missing = `${name}.${at[i]}`;
                if (!reported.has(missing)) {
                  reported.add(missing);
                  ctx.report({
                    message: `${name} of ${id} has no ${at[i]}: the reference server's store reads ${at.join(".")}: ${why} ${SEE}`,
                    location: ctx.location.child([method, "x-puffle-behaviour", ...where]).key(),
                  });
                }
                break;
              }
              holder = holder[at[i]];
            }
          }
          // The store finds a record's owner in the column ownership.owner names, and it has one:
          // any other value (a string for the mapping, no owner, another column) generated, and each
          // request threw a TypeError in the store (no such column: undefined.toLowerCase()) or
          // found no record (404).
          const { ownership } = behaviour;
          if (ownership !== undefined && (!isMapping(ownership) || ownership.owner !== OWNER_COLUMN)) {
            const mapping = isMapping(ownership);
            const at = mapping && Object.hasOwn(ownership, "owner") ? ["ownership", "owner"] : ["ownership"];
            ctx.report({
              message: `x-puffle-behaviour.ownership of ${id} ${mapping ? (Object.hasOwn(ownership, "owner") ? `has owner ${JSON.stringify(ownership.owner)}` : "has no owner") : "is not a mapping"}: ownership.owner must be ${OWNER_COLUMN}, the only column the reference server's store finds a record's owner in (src/server/store.ts; with any other, each request threw a TypeError in the store, or found no record: 404) ${SEE}`,
              location: ctx.location.child([method, "x-puffle-behaviour", ...at]).key(),
            });
          }
          // The values the code implements, not reads: any other generated, and the server answered as before.
          for (const { at, value, also, where } of CODE_VALUES) {
            const member = at[at.length - 1];
            const holder = at.length === 1 ? behaviour : behaviour[at[0]];
            if (!isMapping(holder) || !Object.hasOwn(holder, member)) continue;
            const given = holder[member];
            if (given === value || (also !== undefined && JSON.stringify(given) === JSON.stringify(also))) continue;
            ctx.report({
              message: `x-puffle-behaviour.${at.join(".")} of ${id} is ${JSON.stringify(given)}: the code supports only ${JSON.stringify(value)}, ${where} ${SEE}`,
              location: ctx.location.child([method, "x-puffle-behaviour", ...at]).key(),
            });
          }
        }
      },
    },
    Schema: {
      enter(schema, ctx) {
        const properties = schema?.properties;
        if (properties === null || typeof properties !== "object") return;
        for (const name of Object.keys(properties)) {
          if (!INHERITED.has(name)) continue;
          ctx.report({
            message: `property name ${name} is not supported: every JavaScript object has it (Object.prototype), so the generated code would read the inherited member, not the field ${SEE}`,
            location: ctx.location.child(["properties", name]).key(),
          });
        }
      },
    },
    Parameter: {
      enter(parameter, ctx) {
        if (parameter?.in === "path" && parameter?.name === "id") return;
        ctx.report({
          message: `parameter ${parameter?.name} (in: ${parameter?.in}) is not supported: only the path parameter id is — the typed client and the puffle CLI cannot send another, the validators do not check it and the reference server ignores it ${SEE}`,
          location: ctx.location.child(["name"]),
        });
      },
    },
    RequestBody: {
      enter(body, ctx) {
        for (const mediaType of Object.keys(body?.content ?? {})) {
          if (mediaType === "application/json") continue;
          ctx.report({
            message: `request media type ${mediaType} is not supported: the typed client sends application/json, the validators check only it and the reference server answers any other with 415 ${SEE}`,
            location: ctx.location.child(["content", mediaType]).key(),
          });
        }
      },
    },
    Responses: {
      enter(responses, ctx) {
        for (const status of Object.keys(responses ?? {})) {
          if (!/^2/.test(status) || status === "200") continue;
          ctx.report({
            message: `response ${status} is not supported: 200 is the one success status — the typed client and the puffle CLI return the 200 body's record and would report a ${status} as an invalid response ${SEE}`,
            location: ctx.location.child([status]).key(),
          });
        }
      },
    },
  };
}

export default function puffleRedoclyPlugin() {
  return { id: "puffle", rules: { oas3: { "known-extensions": KnownExtensions, "supported-shape": SupportedShape } } };
}
