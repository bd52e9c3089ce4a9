// `npm run diff`: a table of spec mutations, each classified breaking or not, run through the real
// command (Optic + scripts/publish/breaking-rules.mjs) against the bundled spec of the work tree;
// then a table of `allOf` merges run through breakingChanges() alone (no Optic, milliseconds).
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../scratch.js";
import { breakingChanges, SpecShapeError } from "../../scripts/publish/breaking-rules.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const base = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const dir = scratchDir("puffle-diff-test-");
const basePath = path.join(dir, "base.json");
writeFileSync(basePath, JSON.stringify(base));

type Spec = typeof base;
const schemas = (s: Spec) => s.components.schemas;
const conversationOp = (s: Spec) => s.paths["/api/conversations/{id}"].patch;
const participantName = (s: Spec) => schemas(s).UpdateThreadRequest.properties.participant_name;
/** `s` with components/`kind`/`from` renamed `to`, every `$ref` to it following (in place). */
const renameComponent = (s: Spec, kind: string, from: string, to: string) => {
  const renamed = JSON.parse(JSON.stringify(s).replaceAll(`"#/components/${kind}/${from}"`, `"#/components/${kind}/${to}"`));
  renamed.components[kind] = Object.fromEntries(Object.entries(renamed.components[kind]).map(([k, v]) => [k === from ? to : k, v]));
  Object.assign(s, renamed);
};

// `npm run diff` is `node scripts/diff.mjs`: the table runs the script directly (saving an npm start
// per case, Optic already takes seconds), the git-ref test goes through npm itself.
function runDiff(args: string[], viaNpm = false, env: Record<string, string> = {}): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const [cmd, pre] = viaNpm ? [npm, ["run", "-s", "diff", "--"]] : [process.execPath, [path.join(root, "scripts/diff.mjs")]];
    const child = spawn(cmd, [...pre, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, out }));
  });
}

interface Case {
  name: string;
  mutate: (s: Spec) => void;
  breaking: boolean;
  /** A puffle rule that must fire (the classes Optic misses), or "optic" when Optic alone must flag it. */
  by?: string;
  /** The finding's text, when it matters (which bound, from what to what). */
  says?: string;
  /** A change to the base too (default: the work tree's bundled spec as it is). */
  base?: (s: Spec) => void;
  /** A rule printed as notable (•), which leaves the exit code alone. */
  notable?: string;
  /** A rule printed as to review by hand (?), which exits 1 with a REVIEW line. */
  review?: string;
}

const cases: Case[] = [
  // Breaking: the classes Optic lets through, caught by our rules.
  { name: "request maximum narrowed (unread_count ≤ 1000)", breaking: true, by: "narrowed-bound", mutate: (s) => { schemas(s).UnreadCount.maximum = 1000; } },
  { name: "request minimum raised (unread_count ≥ 1)", breaking: true, by: "narrowed-bound", mutate: (s) => { schemas(s).UnreadCount.minimum = 1; } },
  { name: "request maxLength newly set (draft_subject ≤ 10)", breaking: true, by: "narrowed-bound", mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_subject.maxLength = 10; } },
  { name: "response enum value removed (status draft)", breaking: true, by: "removed-enum-value", mutate: (s) => { schemas(s).ConversationStatus.enum = ["active", "archived"]; } },
  { name: "response enum removed (status: any string may come back)", breaking: true, by: "response-enum-removed", says: 'enum removed (was ["active","archived","draft"]): any value may come back', mutate: (s) => { delete schemas(s).ConversationStatus.enum; } },
  { name: "response field no longer required (conversation.channel)", breaking: true, by: "response-field-optional", mutate: (s) => { schemas(s).Conversation.required = schemas(s).Conversation.required.filter((r: string) => r !== "channel"); } },
  // Breaking: a request value that was accepted may now be refused (Optic lets these through).
  { name: "request pattern added (participant_name)", breaking: true, by: "changed-pattern", says: 'pattern changed from none to "^[a-z ]+$"', mutate: (s) => { participantName(s).pattern = "^[a-z ]+$"; } },
  {
    name: "request pattern changed (account_id: lower-case hex only)",
    breaking: true,
    by: "changed-pattern",
    mutate: (s) => { schemas(s).UpdateThreadRequest.properties.account_id.pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"; },
  },
  { name: "request path parameter pattern changed (thread id)", breaking: true, by: "changed-pattern", mutate: (s) => { s.components.parameters.ThreadId.schema.pattern = "^[0-9a-f-]{36}$"; } },
  { name: "request format added (participant_name: email)", breaking: true, by: "changed-format", says: 'format changed from none to "email"', mutate: (s) => { participantName(s).format = "email"; } },
  { name: "request format changed (participant_email: idn-email)", breaking: true, by: "changed-format", says: 'format changed from "email" to "idn-email"', mutate: (s) => { schemas(s).UpdateThreadRequest.properties.participant_email.format = "idn-email"; } },
  {
    name: "request object closed (DraftAttachment: additionalProperties true → false)",
    breaking: true,
    by: "closed-object",
    says: "additionalProperties changed from true to false (a property not listed is refused)",
    mutate: (s) => { schemas(s).DraftAttachment.additionalProperties = false; },
  },
  { name: "request multipleOf added (unread_count: multiple of 5)", breaking: true, by: "new-constraint", says: "multipleOf changed from none to 5", mutate: (s) => { schemas(s).UnreadCount.multipleOf = 5; } },
  { name: "request uniqueItems added (draft_attachments)", breaking: true, by: "new-constraint", says: "uniqueItems changed from none to true", mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_attachments.uniqueItems = true; } },
  { name: "request minItems newly set (draft_attachments ≥ 1)", breaking: true, by: "narrowed-bound", says: "minItems raised from none to 1", mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_attachments.minItems = 1; } },
  { name: "request exclusiveMinimum newly set (unread_count > 0)", breaking: true, by: "narrowed-bound", says: "exclusiveMinimum raised from none to 0", mutate: (s) => { schemas(s).UnreadCount.exclusiveMinimum = 0; } },
  { name: "request const added (participant_name)", breaking: true, by: "new-enum", mutate: (s) => { participantName(s).const = "x"; } },
  { name: "request type narrowed (draft_subject: [string, null] → string)", breaking: true, by: "optic", mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_subject.type = "string"; } },
  // Breaking: caught by Optic and by our rules.
  { name: "new required request field (status)", breaking: true, by: "new-required-field", mutate: (s) => { schemas(s).UpdateConversationRequest.required = ["status"]; } },
  {
    name: "response field removed (conversation.external_id)",
    breaking: true,
    by: "removed-response-field",
    mutate: (s) => {
      delete schemas(s).ConversationRow.properties.external_id;
      schemas(s).Conversation.required = schemas(s).Conversation.required.filter((r: string) => r !== "external_id");
    },
  },
  { name: "request field removed (draft_subject)", breaking: true, by: "removed-request-field", says: '"draft_subject" was removed (code passing it no longer compiles against the generated types; the object is closed, so a body sending it is refused)', mutate: (s) => { delete schemas(s).UpdateThreadRequest.properties.draft_subject; } },
  { name: "request enum value removed (status archived)", breaking: true, by: "removed-enum-value", mutate: (s) => { schemas(s).StatusUpdate.enum = ["active"]; } },
  // Breaking: a bound or enum narrowed inside `allOf`, which applies together with the schema's own.
  { name: "request maxLength narrowed in allOf (participant_name: 256, allOf ≤ 100)", breaking: true, by: "narrowed-bound", says: "maxLength lowered from 256 to 100", mutate: (s) => { participantName(s).allOf = [{ maxLength: 100 }]; } },
  { name: "request maximum narrowed in allOf (unread_count: 2^53 − 1, allOf ≤ 1000)", breaking: true, by: "narrowed-bound", says: "maximum lowered from 9007199254740991 to 1000", mutate: (s) => { schemas(s).UnreadCount.allOf = [{ maximum: 1000 }]; } },
  { name: "request enum narrowed in allOf (status: allOf [active])", breaking: true, by: "removed-enum-value", says: 'enum value "archived" was removed', mutate: (s) => { schemas(s).StatusUpdate.allOf = [{ enum: ["active"] }]; } },
  {
    name: "request minLength raised in allOf (participant_name: ≥ 1, allOf ≥ 5)",
    breaking: true,
    by: "narrowed-bound",
    says: "minLength raised from 1 to 5",
    base: (s) => { participantName(s).minLength = 1; },
    mutate: (s) => { participantName(s).minLength = 1; participantName(s).allOf = [{ minLength: 5 }]; },
  },
  {
    name: "request maxLength narrowed by the second allOf member (participant_name: allOf ≤ 256, ≤ 100)",
    breaking: true,
    by: "narrowed-bound",
    says: "maxLength lowered from 256 to 100",
    mutate: (s) => { delete participantName(s).maxLength; participantName(s).allOf = [{ maxLength: 256 }, { maxLength: 100 }]; },
  },
  // Breaking: Optic's own checks.
  { name: "operation removed (updateThread)", breaking: true, by: "optic", mutate: (s) => { delete s.paths["/api/threads/{id}"]; } },
  { name: "documented status removed (409)", breaking: true, by: "optic", mutate: (s) => { delete s.paths["/api/threads/{id}"].patch.responses["409"]; } },
  {
    name: "request field type changed (unread_count: string)",
    breaking: true,
    by: "optic",
    mutate: (s) => {
      schemas(s).UnreadCount = { type: "string", description: "now a string" };
    },
  },
  // Response widened where the generated types change: breaking (puffle rules; Optic too for some).
  { name: "response enum value added (status deleted)", breaking: true, by: "response-enum-value-added", mutate: (s) => { schemas(s).ConversationStatus.enum = ["active", "archived", "draft", "deleted"]; } },
  { name: "response field made nullable (conversation.created_at)", breaking: true, by: "response-type-widened", says: "type widened from string to null | string (may now be null)", mutate: (s) => { schemas(s).ConversationRow.properties.created_at.type = ["string", "null"]; } },
  { name: "response media type removed (200 application/json)", breaking: true, by: "removed-media-type", mutate: (s) => { const c = s.paths["/api/threads/{id}"].patch.responses["200"].content; c["application/problem+json"] = c["application/json"]; delete c["application/json"]; } },
  { name: "operationId renamed (updateThread → patchThread)", breaking: true, by: "changed-operation-id", mutate: (s) => { s.paths["/api/threads/{id}"].patch.operationId = "patchThread"; } },
  // The wire is the same, but the package's exported type StatusUpdate (and schemas.StatusUpdate) is gone.
  { name: "schema component renamed (StatusUpdate → StatusChange)", breaking: true, by: "removed-component", says: "component removed or renamed: the type and the validator (schemas.StatusUpdate) the package exports for it are gone (code naming them no longer compiles)", mutate: (s) => { renameComponent(s, "schemas", "StatusUpdate", "StatusChange"); } },
  {
    name: "query parameter's style changed (tags: form → pipeDelimited)",
    breaking: true,
    by: "changed-serialization",
    says: "style changed from form to pipeDelimited and explode from true to false (a client serialises the parameter differently)",
    base: (s) => { s.paths["/api/threads/{id}"].patch.parameters = [{ name: "tags", in: "query", schema: { type: "array", items: { type: "string" } } }]; },
    mutate: (s) => { s.paths["/api/threads/{id}"].patch.parameters = [{ name: "tags", in: "query", style: "pipeDelimited", schema: { type: "array", items: { type: "string" } } }]; },
  },
  // A change the rules cannot classify: exit 1, to review by hand.
  { name: "request anyOf added (participant_name)", breaking: false, review: "unexamined-keyword", mutate: (s) => { participantName(s).anyOf = [{ minLength: 3 }, { const: "" }]; } },
  {
    name: "query parameter described with content changed (filter)",
    breaking: false,
    review: "unexamined-content",
    base: (s) => { s.paths["/api/threads/{id}"].patch.parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object" } } } }]; },
    mutate: (s) => { s.paths["/api/threads/{id}"].patch.parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object", maxProperties: 2 } } } }]; },
  },
  {
    name: "required header parameter renamed in case only (X-Request-Id → x-request-id)",
    breaking: false,
    base: (s) => { s.paths["/api/threads/{id}"].patch.parameters = [{ name: "X-Request-Id", in: "header", required: true, schema: { type: "string" } }]; },
    mutate: (s) => { s.paths["/api/threads/{id}"].patch.parameters = [{ name: "x-request-id", in: "header", required: true, schema: { type: "string" } }]; },
  },
  // Notable: printed, exit 0 (a wider response that no generated type shows; a new status).
  { name: "response pattern removed (conversation.account_id)", breaking: false, notable: "response-changed-pattern", mutate: (s) => { delete schemas(s).ConversationRow.properties.account_id.pattern; } },
  { name: "response header removed (200 X-Request-Id)", breaking: true, by: "removed-response-header", says: "response header X-Request-Id removed (a client reading it gets nothing)", mutate: (s) => { delete s.paths["/api/threads/{id}"].patch.responses["200"].headers["X-Request-Id"]; } },
  { name: "response header widened (X-Request-Id: maxLength removed)", breaking: false, notable: "response-header-widened", mutate: (s) => { delete s.components.headers.XRequestId.schema.maxLength; } },
  { name: "new status (429)", breaking: false, notable: "new-response-status", mutate: (s) => { s.paths["/api/threads/{id}"].patch.responses["429"] = { description: "Too many requests." }; } },
  // Not breaking.
  { name: "description changed", breaking: false, mutate: (s) => { s.info.description = "Reworded."; conversationOp(s).description = "Reworded."; } },
  { name: "new optional request field", breaking: false, notable: "new-request-field", mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_note = { type: "string", description: "A note." }; } },
  { name: "new optional response field", breaking: false, notable: "new-response-field", mutate: (s) => { schemas(s).ConversationRow.properties.pinned = { type: "boolean", description: "Pinned." }; } },
  // DraftAttachment takes any member: a value sent as size_bytes was kept whatever it was, and is now refused unless an integer.
  { name: "property declared in an object that took any member (DraftAttachment)", breaking: true, by: "new-constraint", mutate: (s) => { schemas(s).DraftAttachment.properties = { size_bytes: { type: "integer", description: "Size." } }; } },
  { name: "request enum value added (status deleted)", breaking: false, notable: "request-enum-value-added", mutate: (s) => { schemas(s).StatusUpdate.enum = ["active", "archived", "deleted"]; } },
  { name: "request pattern removed (account_id)", breaking: false, mutate: (s) => { delete schemas(s).UpdateThreadRequest.properties.account_id.pattern; } },
  { name: "request format removed (participant_email)", breaking: false, mutate: (s) => { delete schemas(s).UpdateThreadRequest.properties.participant_email.format; } },
  { name: "request object opened (UpdateThreadRequest: additionalProperties false removed)", breaking: false, mutate: (s) => { delete schemas(s).UpdateThreadRequest.additionalProperties; } },
  { name: "request bound relaxed (minProperties removed)", breaking: false, mutate: (s) => { delete schemas(s).UpdateConversationRequest.minProperties; } },
  { name: "new request example", breaking: false, mutate: (s) => { conversationOp(s).requestBody.content["application/json"].examples.zero = { summary: "Zero", value: { unread_count: 0 } }; } },
  {
    name: "allOf members reordered (participant_name: allOf ≤ 1000, ≤ 256 → ≤ 256, ≤ 1000)",
    breaking: false,
    base: (s) => { delete participantName(s).maxLength; participantName(s).allOf = [{ maxLength: 1000 }, { maxLength: 256 }]; },
    mutate: (s) => { delete participantName(s).maxLength; participantName(s).allOf = [{ maxLength: 256 }, { maxLength: 1000 }]; },
  },
];

// One case at a time (each runs Optic, seconds of CPU), each with a generous timeout for a busy machine.
const SLOW = 240_000;

describe("npm run diff classifies spec mutations", () => {
  it("package.json runs scripts/diff.mjs as `npm run diff`", () => {
    expect(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.diff).toBe("node scripts/diff.mjs");
  });

  it("an unchanged spec is not breaking", async () => {
    const r = await runDiff(["--base", basePath, "--head", basePath]);
    expect(r.out).toContain("OK: no breaking change.\nThis compares the API description only: a change to the package's own exports, types or behaviour that breaks code written for the base still needs a new major (CHANGELOG.md, \"The rule\"): `npm run diff:package` compares those.\n");
    expect(r.status).toBe(0);
  }, SLOW);

  for (const c of cases) {
    it(`${c.breaking ? "breaking" : c.review ? "to review" : "not breaking"}: ${c.name}`, async () => {
      const from = structuredClone(base);
      c.base?.(from);
      const head = structuredClone(base);
      c.mutate(head);
      expect(JSON.stringify(head)).not.toBe(JSON.stringify(from));
      const file = path.join(dir, `${c.name.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, JSON.stringify(head));
      let fromPath = basePath;
      if (c.base) {
        fromPath = path.join(dir, `${c.name.replace(/\W+/g, "-")}.base.json`);
        writeFileSync(fromPath, JSON.stringify(from));
      }
      const r = await runDiff(["--base", fromPath, "--head", file]);
      expect(r.status, r.out).toBe(c.breaking || c.review ? 1 : 0);
      if (c.notable) expect(r.out).toContain(`• [${c.notable}] `);
      if (c.review) {
        expect(r.out).toContain(`? [${c.review}] `);
        expect(r.out).toContain("REVIEW: 1 change(s) the puffle rules do not classify");
        expect(r.out).not.toContain("BREAKING");
      } else if (c.breaking) {
        expect(r.out).toContain("BREAKING");
        expect(r.out).toContain("needs a new major info.version");
        if (c.by === "optic") expect(r.out).toMatch(/BREAKING: optic/);
        else if (c.by) {
          expect(r.out).toContain(`[${c.by}]`);
          if (c.says) expect(r.out.split("\n").some((l) => l.startsWith(`✖ [${c.by}] `) && l.endsWith(`: ${c.says}`)), r.out).toBe(true);
        }
      } else {
        expect(r.out).toContain("OK: no breaking change.");
      }
    }, SLOW);
  }

  // Optic ended each finding with "at head.json:1175:47948" (or a bare "at"): a place in its copy of
  // the spec, a temporary file already removed, and no line of generated/openapi.json.
  it("Optic's findings name no place in its temporary copies (an enum value renamed, a response field made optional)", async () => {
    const head = structuredClone(base);
    for (const name of ["StatusUpdate", "ConversationStatus"]) schemas(head)[name].enum = schemas(head)[name].enum.map((v: string) => (v === "archived" ? "closed" : v));
    schemas(head).Conversation.required = schemas(head).Conversation.required.filter((n: string) => n !== "last_message_at");
    const file = path.join(dir, "optic-locations.json");
    writeFileSync(file, JSON.stringify(head));
    const r = await runDiff(["--base", basePath, "--head", file]);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain("cannot remove enum option 'archived'");
    expect(r.out).toContain("cannot make required response property 'last_message_at' optional");
    expect(r.out).not.toMatch(/(?:base|head)\.json:\d/);
    expect(r.out.split("\n").filter((l) => /^\s*at\b/.test(l))).toEqual([]);
  }, SLOW);

  it("a breaking change released with a new major says so (and still exits 1)", async () => {
    const head = structuredClone(base);
    schemas(head).UnreadCount.maximum = 10;
    head.info.version = `${Number.parseInt(base.info.version, 10) + 1}.0.0`;
    const file = path.join(dir, "major.json");
    writeFileSync(file, JSON.stringify(head));
    const r = await runDiff(["--base", basePath, "--head", file]);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`info.version has a new major (${base.info.version} → ${head.info.version})`);
  }, SLOW);

  // Optic's breaking-change ruleset skips itself when info.version's major changes: an operation removed
  // with the new major said "OK: no breaking change" (exit 0).
  it.each([
    ["operation removed (updateThread)", (s: Spec) => { delete s.paths["/api/threads/{id}"]; }],
    ["documented status removed (409)", (s: Spec) => { delete s.paths["/api/threads/{id}"].patch.responses["409"]; }],
  ])("a breaking change only Optic finds, released with a new major: still breaking (%s)", async (_name, mutate) => {
    const head = structuredClone(base);
    mutate(head);
    head.info.version = `${Number.parseInt(base.info.version, 10) + 1}.0.0`;
    const file = path.join(dir, `major-${_name.replace(/\W+/g, "-")}.json`);
    writeFileSync(file, JSON.stringify(head));
    const r = await runDiff(["--base", basePath, "--head", file]);
    expect(r.out).toMatch(/BREAKING: optic/);
    expect(r.out).toContain(`info.version has a new major (${base.info.version} → ${head.info.version})`);
    expect(r.status, r.out).toBe(1);
  }, SLOW);

  it("reads the base from a git ref, and fails cleanly on an unknown ref", async () => {
    const atHead = path.join(dir, "at-head.json");
    writeFileSync(atHead, execFileSync("git", ["show", "HEAD:generated/openapi.json"], { cwd: root }));
    const r = await runDiff(["HEAD", "--head", atHead], true);
    expect(r.out).toContain("generated/openapi.json at HEAD");
    expect(r.status, r.out).toBe(0);
    const bad = await runDiff(["no-such-ref-xyz"], true);
    expect(bad.status).toBe(2);
    expect(bad.out).toContain("cannot read generated/openapi.json at no-such-ref-xyz");
  }, SLOW);
});

/** git in a scratch repository of the tests (no signing, a test identity): its trimmed output. */
const gitIn = (repo: string) => (...args: string[]) =>
  execFileSync("git", ["-C", repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", ...args], { stdio: "pipe", encoding: "utf8" }).trim();

// A spec that cannot be read or parsed, at a git ref or as --base/--head FILE: exit 2 (could not run,
// not "breaking") with one line naming it and what is wrong, no stack trace, before Optic runs.
// The refs are in a scratch repository under `dir`, which the script's git reads through GIT_DIR.
describe("npm run diff: a spec it cannot read", () => {
  const repo = path.join(dir, "refs-repo");
  const git = gitIn(repo);
  const commit = (text: string, message: string) => {
    writeFileSync(path.join(repo, "generated/openapi.json"), text);
    git("add", "generated/openapi.json");
    git("commit", "-q", "-m", message);
  };
  const files = {
    missing: path.join(dir, "missing.json"),
    "not JSON": path.join(dir, "not-json.json"),
    "JSON null": path.join(dir, "null.json"),
    "JSON array": path.join(dir, "array.json"),
  };
  const gitDir = { GIT_DIR: path.join(repo, ".git") };

  beforeAll(() => {
    mkdirSync(path.join(repo, "generated"), { recursive: true });
    execFileSync("git", ["init", "-q", repo], { stdio: "pipe" });
    commit("null\n", "a spec that is JSON null");
    git("tag", "v1.0.0");
    commit("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n", "a spec with merge conflict markers");
    git("branch", "conflicted");
    // A tag that is not a release's (vX.Y.Z) on a later commit: the default ref is still v1.0.0.
    git("tag", "bench-2026-12-01");
    writeFileSync(files["not JSON"], "not\njson\n");
    writeFileSync(files["JSON null"], "null\n");
    writeFileSync(files["JSON array"], "[]\n");
  });

  it.each([
    ["a git ref whose spec is not JSON (a merge conflict)", ["conflicted"], gitDir, `cannot parse generated/openapi.json at conflicted: Unexpected token '<', "<<<<<<< HE"... is not valid JSON`],
    ["the default ref (last tag) whose spec is JSON null", [], gitDir, "cannot use generated/openapi.json at v1.0.0: not a JSON object"],
    ["--base FILE missing", ["--base", files.missing], {}, `cannot read the base spec ${files.missing}: ENOENT: no such file or directory, open '${files.missing}'`],
    ["--base FILE not JSON", ["--base", files["not JSON"]], {}, `cannot parse the base spec ${files["not JSON"]}: Unexpected token 'o', "not json " is not valid JSON`],
    ["--base FILE JSON null", ["--base", files["JSON null"]], {}, `cannot use the base spec ${files["JSON null"]}: not a JSON object`],
    ["--head FILE missing", ["--base", basePath, "--head", files.missing], {}, `cannot read the head spec ${files.missing}: ENOENT: no such file or directory, open '${files.missing}'`],
    ["--head FILE not JSON", ["--base", basePath, "--head", files["not JSON"]], {}, `cannot parse the head spec ${files["not JSON"]}: Unexpected token 'o', "not json " is not valid JSON`],
    ["--head FILE JSON null", ["--base", basePath, "--head", files["JSON null"]], {}, `cannot use the head spec ${files["JSON null"]}: not a JSON object`],
    ["--base FILE a JSON array", ["--base", files["JSON array"]], {}, `cannot use the base spec ${files["JSON array"]}: not a JSON object`],
  ])("%s: exit 2 with one line naming it", async (_name, args, env, want) => {
    const r = await runDiff(args, false, env);
    expect(r.out).toBe(`diff: ${want}\n`);
    expect(r.status).toBe(2);
  });
});

// No release tag: the default base is the first commit, whose version may read like the release's (this
// repository's first commit says 1.0.0; 1.0.0 was released from a later one). The line says how to
// compare with the release instead.
describe("npm run diff: no release tag yet", () => {
  it("names the first commit as the base and says to tag the last release or give its commit", async () => {
    const repo = path.join(dir, "untagged-repo");
    mkdirSync(path.join(repo, "generated"), { recursive: true });
    const git = gitIn(repo);
    git("init", "-q");
    writeFileSync(path.join(repo, "generated/openapi.json"), JSON.stringify(base));
    git("add", "generated/openapi.json");
    git("commit", "-q", "-m", "first");
    const first = git("rev-parse", "HEAD");
    git("commit", "-q", "--allow-empty", "-m", "the release, untagged");
    const r = await runDiff(["--head", basePath], false, { GIT_DIR: path.join(repo, ".git") });
    expect(r.out.split("\n")[0]).toBe(`diff: base generated/openapi.json at ${first} (first commit (no tag yet): if a release was made since, tag it, \`git tag vX.Y.Z <commit>\`, or give its commit) (version ${base.info.version})`);
    expect(r.status, r.out).toBe(0);
  }, SLOW);
});

// A bad argument: exit 2 (could not run) with one line naming it, before any spec is read or Optic runs.
describe("npm run diff: arguments", () => {
  it.each([
    ["--base without a file", ["--base"], "--base needs a file"],
    ["--head without a file", ["--base", basePath, "--head"], "--head needs a file"],
    ["an unknown option", ["--bogus"], "unknown option --bogus"],
    ["two git refs", ["HEAD", "HEAD~1"], "unexpected argument HEAD~1"],
    ["a git ref and --base FILE", ["HEAD", "--base", basePath], "give a git ref or --base FILE, not both"],
  ])("%s: exit 2 with one line naming it", async (_name, args, want) => {
    const r = await runDiff(args);
    expect(r.out).toBe(`diff: ${want}\n`);
    expect(r.status).toBe(2);
  });

  it("--help: the usage, exit 0", async () => {
    const r = await runDiff(["--help"]);
    expect(r.out).toBe("usage: npm run diff -- [git-ref] [--base FILE] [--head FILE]\n");
    expect(r.status).toBe(0);
  });
});

// Without --head, the head is the work tree's generated/openapi.json, which must be what openapi/
// generates: a spec edited without `npm run generate` was compared as it was before the edit (and
// generated/ edited by hand as if it had been generated). A scratch work tree (openapi/, scripts/,
// redocly.yaml, generated/openapi.json, node_modules linked) under `dir`, edited per case.
describe("npm run diff: a generated/openapi.json that is not what openapi/ generates", () => {
  const tree = path.join(dir, "work-tree");
  const threadPath = path.join(tree, "openapi/paths/api_threads_{id}.yaml");
  const generated = path.join(tree, "generated/openapi.json");
  const STALE = "diff: generated/openapi.json is not what openapi/ generates (openapi/ changed since `npm run generate`, or generated/openapi.json was edited): run `npm run generate` first, then `npm run diff` (or compare a file of your own with --head FILE)\n";
  function diffInTree(args: string[]): Promise<{ status: number | null; out: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(tree, "scripts/diff.mjs"), ...args], { cwd: tree, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, out }));
    });
  }
  /** Runs `body` with `file` holding `edit(its text)`, then puts the file back. */
  async function withEdit(file: string, edit: (text: string) => string, body: () => Promise<void>) {
    const before = readFileSync(file, "utf8");
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    try {
      await body();
    } finally {
      writeFileSync(file, before);
    }
  }

  beforeAll(() => {
    for (const part of ["openapi", "scripts", "redocly.yaml", "generated/openapi.json"]) cpSync(path.join(root, part), path.join(tree, part), { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"), "dir");
  });

  it("openapi/ edited, not regenerated: exit 2 in one line saying to run npm run generate, nothing compared", async () => {
    await withEdit(threadPath, (text) => text.replace("summary: Update Thread", "summary: Update a thread"), async () => {
      const r = await diffInTree(["--base", basePath]);
      expect(r.out).toBe(STALE);
      expect(r.status).toBe(2);
    });
  }, SLOW);

  it("generated/openapi.json edited by hand: the same", async () => {
    await withEdit(generated, (text) => text.replace('"summary": "Update Thread"', '"summary": "Update a thread"'), async () => {
      const r = await diffInTree(["--base", basePath]);
      expect(r.out).toBe(STALE);
      expect(r.status).toBe(2);
    });
  }, SLOW);

  it("openapi/ that does not generate: exit 2 in one line naming the file and the problem", async () => {
    await withEdit(threadPath, (text) => text.replace("summary: Update Thread", "summary: ["), async () => {
      const r = await diffInTree(["--base", basePath]);
      expect(r.out).toMatch(/^diff: openapi\/ does not generate \(openapi\/paths\/api_threads_\{id\}\.yaml:\d+:\d+ \[yaml\] [^\n]*\): fix it and run `npm run generate`, then `npm run diff`\n$/);
      expect(r.status).toBe(2);
    });
  }, SLOW);

  it("generated/ up to date (CRLF line endings too), or --head FILE given: compared as before", async () => {
    const fresh = await diffInTree(["--base", basePath]);
    expect(fresh.out).toContain("diff: head generated/openapi.json");
    expect(fresh.out).toContain("OK: no breaking change.");
    expect(fresh.status, fresh.out).toBe(0);
    await withEdit(generated, (text) => text.replaceAll("\n", "\r\n"), async () => {
      const crlf = await diffInTree(["--base", basePath]);
      expect(crlf.out).toContain("OK: no breaking change.");
      expect(crlf.status, crlf.out).toBe(0);
    });
    await withEdit(threadPath, (text) => text.replace("summary: Update Thread", "summary: Update a thread"), async () => {
      const given = await diffInTree(["--base", basePath, "--head", basePath]);
      expect(given.out).toContain("OK: no breaking change.");
      expect(given.status, given.out).toBe(0);
    });
  }, SLOW);
});

describe("npm run diff: a spec Optic reads but the puffle rules cannot", () => {
  it("a $ref to another file (Optic resolves it beside the copy): exit 2 in one line naming the spec and the place", async () => {
    const head = structuredClone(base);
    head.components.schemas.UpdateThreadRequest.properties.draft_subject = { $ref: "head.json#/components/schemas/UpdateThreadRequest/properties/draft_body_text" };
    const file = path.join(dir, "other-file-ref.json");
    writeFileSync(file, JSON.stringify(head));
    const r = await runDiff(["--base", basePath, "--head", file]);
    expect(r.out.trimEnd().split("\n").at(-1)).toBe(
      'diff: puffle rules cannot read the head spec, PATCH /api/threads/{id} request application/json/draft_subject: cannot follow $ref "head.json#/components/schemas/UpdateThreadRequest/properties/draft_body_text": only references inside the spec ("#/…" or "#anchor") are followed',
    );
    expect(r.out).not.toMatch(/\n\s+at /);
    expect(r.status).toBe(2);
  }, SLOW);
});

describe("npm run diff: when Optic fails", () => {
  it("a spec Optic rejects ({}): exit 2 naming Optic, and its temp dir removed", async () => {
    const tmp = path.join(dir, "tmp-optic-fails");
    mkdirSync(tmp);
    const empty = path.join(dir, "empty-object.json");
    writeFileSync(empty, "{}\n");
    const r = await runDiff(["--base", basePath, "--head", empty], false, { TMPDIR: tmp });
    expect(r.out).toMatch(/^diff: optic diff did not run \(exit 1\)$/m);
    expect(r.status).toBe(2);
    expect(readdirSync(tmp)).toEqual([]);
  }, SLOW);
});

// breakingChanges() on a one-operation spec: `allOf` members apply together with the schema's own
// keywords (and a `$ref`'s siblings with its target), so what counts is the strictest of each bound,
// the values every enum allows (a `const` is a one-value enum), and a property or `items` given
// twice is both schemas at once. The order of the members never matters.
describe("breaking-rules.mjs merges allOf into the strictest schema", () => {
  type Schema = Record<string, unknown> | boolean;
  const spec = (side: "request" | "response", schema: Schema, defs: Record<string, Schema> = {}) => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1.0.0" },
    paths: {
      "/x": {
        patch: {
          requestBody: { content: { "application/json": { schema: side === "request" ? schema : {} } } },
          responses: { "200": { description: "OK", content: { "application/json": { schema: side === "response" ? schema : {} } } } },
        },
      },
    },
    components: { schemas: defs },
  });
  const at = { request: "PATCH /x request application/json", response: "PATCH /x 200 application/json", operation: "PATCH /x" };
  interface Merge {
    side?: "request" | "response";
    base: Schema;
    head: Schema;
    baseDefs?: Record<string, Schema>;
    headDefs?: Record<string, Schema>;
    /** `[rule] where: message`, where relative to the operation's body or 200 response. */
    want: string[];
  }
  // [keyword, looser value, stricter value]: lower bounds raised, upper bounds lowered.
  const bounds: [string, number, number][] = [
    ["minimum", 0, 1],
    ["exclusiveMinimum", 0, 1],
    ["minLength", 1, 5],
    ["minItems", 1, 2],
    ["minProperties", 1, 2],
    ["maximum", 1000, 10],
    ["exclusiveMaximum", 1000, 10],
    ["maxLength", 256, 100],
    ["maxItems", 20, 5],
    ["maxProperties", 9, 3],
  ];
  const cases: [string, Merge][] = [];
  for (const [k, loose, strict] of bounds) {
    const said = `${k} ${k.startsWith("min") || k === "exclusiveMinimum" ? "raised" : "lowered"} from ${loose} to ${strict}`;
    cases.push(
      [`${k} narrowed in allOf under the schema's own`, { base: { [k]: loose }, head: { [k]: loose, allOf: [{ [k]: strict }] }, want: [`[narrowed-bound] request: ${said}`] }],
      [`${k} narrowed by the second allOf member`, { base: { [k]: loose }, head: { allOf: [{ [k]: loose }, { [k]: strict }] }, want: [`[narrowed-bound] request: ${said}`] }],
      [`${k} in allOf members swapped`, { base: { allOf: [{ [k]: loose }, { [k]: strict }] }, head: { allOf: [{ [k]: strict }, { [k]: loose }] }, want: [] }],
    );
  }
  cases.push(
    ["request enum narrowed in allOf", { base: { enum: ["a", "b", "c"] }, head: { enum: ["a", "b", "c"], allOf: [{ enum: ["a", "b"] }] }, want: ['[removed-enum-value] request: enum value "c" was removed'] }],
    ["request enum: two allOf members allow only their common values", { base: { enum: ["a", "b", "c"] }, head: { allOf: [{ enum: ["a", "b", "c"] }, { enum: ["b", "c", "d"] }] }, want: ['[removed-enum-value] request: enum value "a" was removed'] }],
    ["response enum narrowed by the second allOf member", { side: "response", base: { enum: ["a", "b", "c"] }, head: { allOf: [{ enum: ["a", "b", "c", "d"] }, { enum: ["a", "b"] }] }, want: ['[removed-enum-value] response: enum value "c" was removed'] }],
    ["enum in allOf members swapped", { base: { allOf: [{ enum: ["a", "b", "c"] }, { enum: ["a", "b"] }] }, head: { allOf: [{ enum: ["a", "b"] }, { enum: ["a", "b", "c"] }] }, want: [] }],
    ["a const in allOf narrows an enum", { base: { enum: ["a", "b"] }, head: { enum: ["a", "b"], allOf: [{ const: "a" }] }, want: ['[removed-enum-value] request: enum value "b" was removed'] }],
    ["an enum replaced by a const", { side: "response", base: { enum: ["a", "b"] }, head: { const: "b" }, want: ['[removed-enum-value] response: enum value "a" was removed'] }],
    [
      "a property in the schema and in an allOf member: both apply",
      { base: { properties: { n: { maxLength: 10 } } }, head: { properties: { n: { maxLength: 10 } }, allOf: [{ properties: { n: { maxLength: 5 } } }] }, want: ["[narrowed-bound] request/n: maxLength lowered from 10 to 5"] },
    ],
    [
      "a property in two allOf members, swapped",
      { base: { allOf: [{ properties: { n: { maxLength: 10 } } }, { properties: { n: { maxLength: 5 } } }] }, head: { allOf: [{ properties: { n: { maxLength: 5 } } }, { properties: { n: { maxLength: 10 } } }] }, want: [] },
    ],
    [
      "a response property's enum narrowed by an allOf member",
      {
        side: "response",
        base: { required: ["s"], properties: { s: { enum: ["a", "b"] } } },
        head: { required: ["s"], properties: { s: { enum: ["a", "b"] } }, allOf: [{ properties: { s: { enum: ["a"] } } }] },
        want: ['[removed-enum-value] response/s: enum value "b" was removed'],
      },
    ],
    ["items in the schema and in an allOf member: both apply", { base: { items: { maxLength: 10 } }, head: { items: { maxLength: 10 }, allOf: [{ items: { maxLength: 5 } }] }, want: ["[narrowed-bound] request/[]: maxLength lowered from 10 to 5"] }],
    [
      "a $ref's sibling bound does not loosen its target's",
      { base: { $ref: "#/components/schemas/Name", maxLength: 100 }, baseDefs: { Name: { maxLength: 100 } }, head: { $ref: "#/components/schemas/Name", maxLength: 100 }, headDefs: { Name: { maxLength: 10 } }, want: ["[narrowed-bound] request: maxLength lowered from 100 to 10"] },
    ],
    ["boolean schemas (a property that is `true`) are walked, not a crash", { base: { properties: { x: true } }, head: { properties: { x: true }, allOf: [true] }, want: [] }],
    // A bound where there was none narrows too; one removed widens.
    ["a maxLength added where there was none", { base: {}, head: { maxLength: 100 }, want: ["[narrowed-bound] request: maxLength lowered from none to 100"] }],
    ["a minimum added where there was none", { base: {}, head: { minimum: 0 }, want: ["[narrowed-bound] request: minimum raised from none to 0"] }],
    ["a maxLength removed", { base: { maxLength: 100 }, head: {}, want: [] }],
    // A `$ref` inside the spec may name an `$anchor` (JSON Schema 2020-12) or percent-encode its pointer.
    [
      "a bound narrowed behind a $ref to an $anchor",
      { base: { $ref: "#name" }, baseDefs: { Name: { $anchor: "name", maxLength: 100 } }, head: { $ref: "#name" }, headDefs: { Name: { $anchor: "name", maxLength: 10 } }, want: ["[narrowed-bound] request: maxLength lowered from 100 to 10"] },
    ],
    [
      "a bound narrowed behind a percent-encoded $ref",
      { base: { $ref: "#/components/schemas/A%20Name" }, baseDefs: { "A Name": { maxLength: 100 } }, head: { $ref: "#/components/schemas/A%20Name" }, headDefs: { "A Name": { maxLength: 10 } }, want: ["[narrowed-bound] request: maxLength lowered from 100 to 10"] },
    ],
    // A request value that was accepted may be refused: a pattern or format added or changed (whether
    // two patterns accept the same strings cannot be decided, so any change counts), an object
    // closed, a multipleOf or uniqueItems added, an enum where there was none. Each applies from an
    // allOf member as from the schema itself; removing one widens.
    ["a pattern added", { base: {}, head: { pattern: "^a" }, want: ['[changed-pattern] request: pattern changed from none to "^a"'] }],
    ["a pattern changed", { base: { pattern: "^a" }, head: { pattern: "^b" }, want: ['[changed-pattern] request: pattern changed from "^a" to "^b"'] }],
    ["a pattern added in an allOf member", { base: { pattern: "^a" }, head: { pattern: "^a", allOf: [{ pattern: "b$" }] }, want: ['[changed-pattern] request: pattern changed from none to "b$"'] }],
    ["a pattern moved into an allOf member", { base: { pattern: "^a" }, head: { allOf: [{ pattern: "^a" }] }, want: [] }],
    ["two patterns in allOf members swapped", { base: { allOf: [{ pattern: "^a" }, { pattern: "b$" }] }, head: { allOf: [{ pattern: "b$" }, { pattern: "^a" }] }, want: [] }],
    ["a pattern removed", { base: { pattern: "^a" }, head: {}, want: [] }],
    ["a format added", { base: {}, head: { format: "uuid" }, want: ['[changed-format] request: format changed from none to "uuid"'] }],
    ["a format changed", { base: { format: "email" }, head: { format: "idn-email" }, want: ['[changed-format] request: format changed from "email" to "idn-email"'] }],
    ["a format added in an allOf member", { base: {}, head: { allOf: [{ format: "date" }] }, want: ['[changed-format] request: format changed from none to "date"'] }],
    ["a format removed", { base: { format: "email" }, head: {}, want: [] }],
    ["additionalProperties: false added", { base: {}, head: { additionalProperties: false }, want: ["[closed-object] request: additionalProperties changed from none to false (a property not listed is refused)"] }],
    ["additionalProperties: a schema → false", { base: { additionalProperties: { type: "string" } }, head: { additionalProperties: false }, want: ["[closed-object] request: additionalProperties changed from a schema to false (a property not listed is refused)"] }],
    ["additionalProperties: false in an allOf member", { base: {}, head: { allOf: [{ additionalProperties: false }] }, want: ["[closed-object] request: additionalProperties changed from none to false (a property not listed is refused)"] }],
    ["unevaluatedProperties: false added", { base: { additionalProperties: true }, head: { unevaluatedProperties: false }, want: ["[closed-object] request: unevaluatedProperties changed from none to false (a property not listed is refused)"] }],
    ["additionalProperties: false → unevaluatedProperties: false", { base: { additionalProperties: false }, head: { unevaluatedProperties: false }, want: [] }],
    ["additionalProperties: true → a schema", { base: { additionalProperties: true }, head: { additionalProperties: { type: "string" } }, want: ["[closed-object] request: additionalProperties changed from true to a schema (a property not listed must match it)"] }],
    ["additionalProperties: a schema narrowed", { base: { additionalProperties: { maxLength: 10 } }, head: { additionalProperties: { maxLength: 5 } }, want: ["[narrowed-bound] request/*: maxLength lowered from 10 to 5"] }],
    ["additionalProperties: false removed", { base: { additionalProperties: false }, head: {}, want: [] }],
    ["additionalProperties: {} is true", { base: { additionalProperties: true }, head: { additionalProperties: {} }, want: [] }],
    ["a multipleOf added", { base: {}, head: { multipleOf: 5 }, want: ["[new-constraint] request: multipleOf changed from none to 5"] }],
    ["a multipleOf changed to one the old does not divide", { base: { multipleOf: 2 }, head: { multipleOf: 3 }, want: ["[new-constraint] request: multipleOf changed from 2 to 3"] }],
    ["a multipleOf changed to a divisor of the old (wider)", { base: { multipleOf: 4 }, head: { multipleOf: 2 }, want: [] }],
    ["a multipleOf changed to a multiple of the old (narrower)", { base: { multipleOf: 2 }, head: { multipleOf: 4 }, want: ["[new-constraint] request: multipleOf changed from 2 to 4"] }],
    ["uniqueItems: true added", { base: { uniqueItems: false }, head: { uniqueItems: true }, want: ["[new-constraint] request: uniqueItems changed from false to true"] }],
    ["uniqueItems: true in an allOf member", { base: {}, head: { allOf: [{ uniqueItems: true }] }, want: ["[new-constraint] request: uniqueItems changed from none to true"] }],
    ["an enum where there was none", { base: {}, head: { enum: ["a", "b"] }, want: ['[new-enum] request: enum changed from none to ["a","b"]'] }],
    ["a const where there was none", { base: {}, head: { const: 1 }, want: ["[new-enum] request: enum changed from none to [1]"] }],
    ["an enum removed (request: wider)", { base: { enum: ["a"] }, head: {}, want: [] }],
    ["exclusiveMaximum newly set", { base: { maximum: 10 }, head: { maximum: 10, exclusiveMaximum: 10 }, want: ["[narrowed-bound] request: exclusiveMaximum lowered from none to 10"] }],
    // Response side: these rules are the request's; a response pattern or format added narrows what
    // comes back, and one removed is not flagged, as a response bound removed is not.
    ["response: a pattern, format and additionalProperties: false added", { side: "response", base: {}, head: { pattern: "^a", format: "uuid", additionalProperties: false, multipleOf: 2 }, want: [] }],
    // A wider response (a constraint removed or loosened): what came back still does, but more may. A
    // client that validates responses with the old schema refuses the new values, while no generated
    // type changes, so these are notable (printed, exit 0), as the same changes on the request are
    // not breaking at all.
    ["response: a pattern and format removed", { side: "response", base: { pattern: "^a", format: "uuid" }, head: {}, want: ['[response-changed-pattern] response: pattern changed from "^a" to none', '[response-changed-format] response: format changed from "uuid" to none'] }],
    ["response: a pattern changed", { side: "response", base: { pattern: "^a" }, head: { pattern: "^b" }, want: ['[response-changed-pattern] response: pattern changed from "^a" to "^b"'] }],
    ["response: a pattern moved into an allOf member", { side: "response", base: { pattern: "^a" }, head: { allOf: [{ pattern: "^a" }] }, want: [] }],
    ["response: a format changed", { side: "response", base: { format: "email" }, head: { format: "idn-email" }, want: ['[response-changed-format] response: format changed from "email" to "idn-email"'] }],
    ["response: minLength lowered", { side: "response", base: { minLength: 5 }, head: { minLength: 1 }, want: ["[response-widened-bound] response: minLength lowered from 5 to 1"] }],
    ["response: maxLength removed", { side: "response", base: { maxLength: 100 }, head: {}, want: ["[response-widened-bound] response: maxLength raised from 100 to none"] }],
    ["response: minimum removed", { side: "response", base: { minimum: 0 }, head: {}, want: ["[response-widened-bound] response: minimum lowered from 0 to none"] }],
    ["response: maximum raised", { side: "response", base: { maximum: 10 }, head: { maximum: 20 }, want: ["[response-widened-bound] response: maximum raised from 10 to 20"] }],
    ["response: maxItems raised", { side: "response", base: { maxItems: 5 }, head: { maxItems: 6 }, want: ["[response-widened-bound] response: maxItems raised from 5 to 6"] }],
    ["response: maxLength lowered (narrower: not flagged)", { side: "response", base: { maxLength: 100 }, head: { maxLength: 10 }, want: [] }],
    ["response: a bound moved into an allOf member", { side: "response", base: { maximum: 10 }, head: { allOf: [{ maximum: 10 }] }, want: [] }],
    ["response: multipleOf removed", { side: "response", base: { multipleOf: 2 }, head: {}, want: ["[response-removed-constraint] response: multipleOf changed from 2 to none"] }],
    ["response: multipleOf changed to a multiple of the old (narrower)", { side: "response", base: { multipleOf: 2 }, head: { multipleOf: 4 }, want: [] }],
    ["response: uniqueItems removed", { side: "response", base: { uniqueItems: true }, head: {}, want: ["[response-removed-constraint] response: uniqueItems changed from true to none"] }],
    ["response: object opened (additionalProperties false removed)", { side: "response", base: { additionalProperties: false }, head: {}, want: ["[response-opened-object] response: additionalProperties changed from false to none (a property not listed may come back)"] }],
    ["response: object opened (additionalProperties false → true)", { side: "response", base: { additionalProperties: false }, head: { additionalProperties: true }, want: ["[response-opened-object] response: additionalProperties changed from false to true (a property not listed may come back)"] }],
    ["response: additionalProperties a schema → true", { side: "response", base: { additionalProperties: { type: "string" } }, head: { additionalProperties: true }, want: ["[response-opened-object] response: additionalProperties changed from a schema to true (a property not listed may come back unchecked)"] }],
    ["response: additionalProperties false → unevaluatedProperties false", { side: "response", base: { additionalProperties: false }, head: { unevaluatedProperties: false }, want: [] }],
    // A response enum value added or a type widened changes the generated types: breaking.
    ["response: an enum value added", { side: "response", base: { enum: ["a", "b"] }, head: { enum: ["a", "b", "c"] }, want: ['[response-enum-value-added] response: enum value "c" was added (a client\'s exhaustive handling of the old values misses it)'] }],
    ["response: an enum value added behind a $ref", { side: "response", base: { $ref: "#/components/schemas/S" }, baseDefs: { S: { enum: ["a"] } }, head: { $ref: "#/components/schemas/S" }, headDefs: { S: { enum: ["a", "b"] } }, want: ['[response-enum-value-added] response: enum value "b" was added (a client\'s exhaustive handling of the old values misses it)'] }],
    ["response: a const widened to an enum", { side: "response", base: { const: "a" }, head: { enum: ["a", "b"] }, want: ['[response-enum-value-added] response: enum value "b" was added (a client\'s exhaustive handling of the old values misses it)'] }],
    ["response: enum values reordered", { side: "response", base: { enum: ["a", "b"] }, head: { enum: ["b", "a"] }, want: [] }],
    ["response: a property made nullable", { side: "response", base: { properties: { n: { type: "string" } } }, head: { properties: { n: { type: ["string", "null"] } } }, want: ["[response-type-widened] response/n: type widened from string to null | string (may now be null)"] }],
    ["response: a property made nullable (3.0 nullable: true)", { side: "response", base: { properties: { n: { type: "string" } } }, head: { properties: { n: { type: "string", nullable: true } } }, want: ["[response-type-widened] response/n: type widened from string to null | string (may now be null)"] }],
    ["response: integer widened to number", { side: "response", base: { type: "integer" }, head: { type: "number" }, want: ["[response-type-widened] response: type widened from integer to number"] }],
    ["response: number narrowed to integer", { side: "response", base: { type: "number" }, head: { type: "integer" }, want: [] }],
    ["response: a type removed (any value)", { side: "response", base: { type: "string" }, head: {}, want: ["[response-type-widened] response: type widened from string to any"] }],
    ["response: a type moved into an allOf member", { side: "response", base: { type: "string" }, head: { allOf: [{ type: "string" }] }, want: [] }],
    ["response: a nullable type narrowed by an allOf member", { side: "response", base: { type: "string" }, head: { type: ["string", "null"], allOf: [{ type: "string" }] }, want: [] }],
    ["response: a property made optional and nullable", { side: "response", base: { required: ["n"], properties: { n: { type: "string" } } }, head: { properties: { n: { type: ["string", "null"] } } }, want: ['[response-field-optional] response: "n" is no longer required (may be missing)', "[response-type-widened] response/n: type widened from string to null | string (may now be null)"] }],
    // An enum (or const) allows only its values' types: a `type` beside it left out widens nothing.
    ["response: the type beside an enum left out", { side: "response", base: { type: "string", enum: ["a", "b"] }, head: { enum: ["a", "b"] }, want: [] }],
    ["response: the type beside a nullable enum left out", { side: "response", base: { type: ["string", "null"], enum: ["a", null] }, head: { enum: ["a", null] }, want: [] }],
    ["response: a typed enum narrowed to a const", { side: "response", base: { type: "string", enum: ["a", "b"] }, head: { const: "a" }, want: ['[removed-enum-value] response: enum value "b" was removed'] }],
    [
      "response: the type beside an enum left out, and a number added",
      { side: "response", base: { type: "string", enum: ["a"] }, head: { enum: ["a", 1] }, want: ['[response-enum-value-added] response: enum value 1 was added (a client\'s exhaustive handling of the old values misses it)', "[response-type-widened] response: type widened from string to integer | string"] },
    ],
    ["request: a type widened (not flagged: a client's value is still accepted)", { base: { type: "string" }, head: { type: ["string", "null"] }, want: [] }],
    // Keywords the rules do not read: any change (behind $refs too) is for a person to review.
    ["oneOf: a branch added", { side: "response", base: { oneOf: [{ type: "string" }] }, head: { oneOf: [{ type: "string" }, { type: "integer" }] }, want: ["[unexamined-keyword] response: oneOf changed (these rules do not examine oneOf; review by hand whether it breaks a client)"] }],
    ["anyOf added", { base: {}, head: { anyOf: [{ type: "string" }, { type: "null" }] }, want: ["[unexamined-keyword] request: anyOf added (these rules do not examine anyOf; review by hand whether it breaks a client)"] }],
    ["not removed", { base: { not: { const: 0 } }, head: {}, want: ["[unexamined-keyword] request: not removed (these rules do not examine not; review by hand whether it breaks a client)"] }],
    ["prefixItems changed", { side: "response", base: { prefixItems: [{ type: "string" }] }, head: { prefixItems: [{ type: "integer" }] }, want: ["[unexamined-keyword] response: prefixItems changed (these rules do not examine prefixItems; review by hand whether it breaks a client)"] }],
    ["contains added", { base: {}, head: { contains: { const: 1 } }, want: ["[unexamined-keyword] request: contains added (these rules do not examine contains; review by hand whether it breaks a client)"] }],
    ["propertyNames changed", { base: { propertyNames: { maxLength: 10 } }, head: { propertyNames: { maxLength: 5 } }, want: ["[unexamined-keyword] request: propertyNames changed (these rules do not examine propertyNames; review by hand whether it breaks a client)"] }],
    ["dependentRequired changed", { base: { dependentRequired: { a: ["b"] } }, head: { dependentRequired: { a: ["b", "c"] } }, want: ["[unexamined-keyword] request: dependentRequired changed (these rules do not examine dependentRequired; review by hand whether it breaks a client)"] }],
    [
      "if/then/else added",
      { base: {}, head: { if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } }, want: ["if", "then", "else"].map((k) => `[unexamined-keyword] request: ${k} added (these rules do not examine ${k}; review by hand whether it breaks a client)`) },
    ],
    ["oneOf in an allOf member changed", { side: "response", base: { allOf: [{ oneOf: [{ type: "string" }] }] }, head: { allOf: [{ oneOf: [{ type: "number" }] }] }, want: ["[unexamined-keyword] response: oneOf changed (these rules do not examine oneOf; review by hand whether it breaks a client)"] }],
    [
      "a schema behind a $ref inside oneOf changed",
      { side: "response", base: { oneOf: [{ $ref: "#/components/schemas/A" }] }, baseDefs: { A: { enum: ["x"] } }, head: { oneOf: [{ $ref: "#/components/schemas/A" }] }, headDefs: { A: { enum: ["x", "y"] } }, want: ["[unexamined-keyword] response: oneOf changed (these rules do not examine oneOf; review by hand whether it breaks a client)"] },
    ],
    ["oneOf: only descriptions changed", { base: { oneOf: [{ type: "string", description: "a" }] }, head: { oneOf: [{ type: "string", description: "b" }] }, want: [] }],
    ["oneOf: a property named description kept apart from the annotation", { base: { oneOf: [{ properties: { description: { type: "string" } } }] }, head: { oneOf: [{ properties: { description: { type: "integer" } } }] }, want: ["[unexamined-keyword] request: oneOf changed (these rules do not examine oneOf; review by hand whether it breaks a client)"] }],
    // A recursive component renamed (T → Tree) is the same schema: the cycle is compared by where it
    // leads back to, not by the component's name. The name is the package's export, though: gone.
    ["oneOf: a recursive component renamed", { base: { oneOf: [{ $ref: "#/components/schemas/T" }] }, baseDefs: { T: { properties: { c: { $ref: "#/components/schemas/T" } } } }, head: { oneOf: [{ $ref: "#/components/schemas/Tree" }] }, headDefs: { Tree: { properties: { c: { $ref: "#/components/schemas/Tree" } } } }, want: ["[removed-component] components/schemas/T: component removed or renamed: the type and the validator (schemas.T) the package exports for it are gone (code naming them no longer compiles)"] }],
    [
      "oneOf: a recursive $ref pointed one level further up",
      {
        base: { oneOf: [{ $ref: "#/components/schemas/T" }] },
        baseDefs: { T: { properties: { c: { $ref: "#/components/schemas/U" } } }, U: { properties: { d: { $ref: "#/components/schemas/U" } } } },
        head: { oneOf: [{ $ref: "#/components/schemas/T" }] },
        headDefs: { T: { properties: { c: { $ref: "#/components/schemas/U" } } }, U: { properties: { d: { $ref: "#/components/schemas/T" } } } },
        want: ["[unexamined-keyword] request: oneOf changed (these rules do not examine oneOf; review by hand whether it breaks a client)"],
      },
    ],
    ["oneOf: a recursive $ref unchanged", { base: { oneOf: [{ $ref: "#/components/schemas/T" }] }, baseDefs: { T: { properties: { c: { $ref: "#/components/schemas/T" } } } }, head: { oneOf: [{ $ref: "#/components/schemas/T" }] }, headDefs: { T: { properties: { c: { $ref: "#/components/schemas/T" } } } }, want: [] }],
    // Reordering what is a set (enum values, required names, a type list, oneOf/anyOf branches) changes no
    // constraint: nothing to review.
    ["oneOf: enum values reordered", { side: "response", base: { oneOf: [{ enum: ["a", "b"] }, { type: "null" }] }, head: { oneOf: [{ enum: ["b", "a"] }, { type: "null" }] }, want: [] }],
    [
      "oneOf: enum values reordered behind a $ref",
      { side: "response", base: { oneOf: [{ $ref: "#/components/schemas/S" }] }, baseDefs: { S: { type: "string", enum: ["a", "b"] } }, head: { oneOf: [{ $ref: "#/components/schemas/S" }] }, headDefs: { S: { type: "string", enum: ["b", "a"] } }, want: [] },
    ],
    ["anyOf: required names reordered", { base: { anyOf: [{ required: ["a", "b"] }] }, head: { anyOf: [{ required: ["b", "a"] }] }, want: [] }],
    ["anyOf: a type list reordered", { side: "response", base: { anyOf: [{ type: ["string", "null"] }] }, head: { anyOf: [{ type: ["null", "string"] }] }, want: [] }],
    ["oneOf: branches reordered", { side: "response", base: { oneOf: [{ type: "string" }, { type: "null" }] }, head: { oneOf: [{ type: "null" }, { type: "string" }] }, want: [] }],
    ["dependentRequired: names reordered", { base: { dependentRequired: { a: ["b", "c"] } }, head: { dependentRequired: { a: ["c", "b"] } }, want: [] }],
    ["prefixItems reordered (order matters there)", { side: "response", base: { prefixItems: [{ type: "string" }, { type: "null" }] }, head: { prefixItems: [{ type: "null" }, { type: "string" }] }, want: ["[unexamined-keyword] response: prefixItems changed (these rules do not examine prefixItems; review by hand whether it breaks a client)"] }],
    ["oneOf: an enum value added is still a change", { side: "response", base: { oneOf: [{ enum: ["a", "b"] }] }, head: { oneOf: [{ enum: ["b", "a", "c"] }] }, want: ["[unexamined-keyword] response: oneOf changed (these rules do not examine oneOf; review by hand whether it breaks a client)"] }],
    // A response enum removed is every value added at once (Optic flags one value added).
    ["response: an enum removed", { side: "response", base: { enum: ["a", "b"] }, head: {}, want: ['[response-enum-removed] response: enum removed (was ["a","b"]): any value may come back'] }],
    ["response: a const removed", { side: "response", base: { const: "a" }, head: { type: "string" }, want: ['[response-enum-removed] response: enum removed (was ["a"]): any value may come back'] }],
    // A request property removed: code passing it no longer compiles against the generated types, and a
    // closed object (additionalProperties or unevaluatedProperties false) refuses a body that sends it.
    ["request: a property removed from a closed object", { base: { additionalProperties: false, properties: { a: {}, b: {} } }, head: { additionalProperties: false, properties: { a: {} } }, want: ['[removed-request-field] request: "b" was removed (code passing it no longer compiles against the generated types; the object is closed, so a body sending it is refused)'] }],
    ["request: a property removed from an open object", { base: { properties: { a: {}, b: {} } }, head: { properties: { a: {} } }, want: ['[removed-request-field] request: "b" was removed (code passing it no longer compiles against the generated types)'] }],
    ["request: a required property removed (closed by unevaluatedProperties)", { base: { unevaluatedProperties: false, required: ["b"], properties: { b: {} } }, head: { unevaluatedProperties: false, properties: {} }, want: ['[removed-request-field] request: "b" was removed (code passing it no longer compiles against the generated types; the object is closed, so a body sending it is refused)'] }],
    // additionalProperties: true generates an index signature ([key: string]: unknown), so code passing
    // the removed property still compiles; the server no longer reads it.
    ["request: a property removed from an object taking any property (additionalProperties true)", { base: { additionalProperties: true, properties: { a: {}, b: {} } }, head: { additionalProperties: true, properties: { a: {} } }, want: ['[removed-request-field] request: "b" was removed (the server no longer reads it; code passing it still compiles, as the object takes any property)'] }],
    ["request: a nested property removed", { base: { properties: { o: { properties: { a: {}, b: {} } } } }, head: { properties: { o: { properties: { a: {} } } } }, want: ['[removed-request-field] request/o: "b" was removed (code passing it no longer compiles against the generated types)'] }],
    ["request: a property moved into an allOf member", { base: { properties: { a: {}, b: {} } }, head: { properties: { a: {} }, allOf: [{ properties: { b: {} } }] }, want: [] }],
    // additionalProperties sees only the properties of its own schema: one moved into an allOf member
    // beside additionalProperties: false is refused (unevaluatedProperties sees into allOf).
    [
      "request: a property moved into an allOf member of an object closed by additionalProperties",
      { base: { additionalProperties: false, properties: { a: {}, b: {} } }, head: { additionalProperties: false, properties: { a: {} }, allOf: [{ properties: { b: {} } }] }, want: ['[closed-object] request: "b" is refused: additionalProperties is false where it is not listed (it is listed only in another allOf member or $ref target, which additionalProperties does not see)'] },
    ],
    [
      "response: a property moved into an allOf member of an object closed by additionalProperties",
      { side: "response", base: { additionalProperties: false, properties: { a: {}, b: {} } }, head: { additionalProperties: false, properties: { a: {} }, allOf: [{ properties: { b: {} } }] }, want: ['[removed-response-field] response: "b" can no longer come back: additionalProperties is false where it is not listed (it is listed only in another allOf member or $ref target, which additionalProperties does not see)'] },
    ],
    ["request: a property moved into an allOf member of an object closed by unevaluatedProperties", { base: { unevaluatedProperties: false, properties: { a: {}, b: {} } }, head: { unevaluatedProperties: false, properties: { a: {} }, allOf: [{ properties: { b: {} } }] }, want: [] }],
    ["request: a property moved between allOf members, additionalProperties false beside neither", { base: { allOf: [{ properties: { a: {}, b: {} } }, { additionalProperties: false, properties: { a: {}, b: {} } }] }, head: { allOf: [{ properties: { a: {} } }, { additionalProperties: false, properties: { a: {}, b: {} } }, { properties: { b: {} } }] }, want: [] }],
    ["request: a closed object's property already only in an allOf member (refused before too)", { base: { additionalProperties: false, properties: { a: {} }, allOf: [{ properties: { b: {} } }] }, head: { additionalProperties: false, properties: { a: {} }, allOf: [{ properties: { b: { type: "string" } } }] }, want: [] }],
    ["request: a property added (notable: a minor)", { base: { additionalProperties: false, properties: { a: {} } }, head: { additionalProperties: false, properties: { a: {}, b: {} } }, want: ['[new-request-field] request: "b" was added, optional (the API can do more: a minor, by the CHANGELOG rule)'] }],
    ["request: a required property added (breaking only)", { base: { properties: { a: {} } }, head: { properties: { a: {}, b: {} }, required: ["b"] }, want: ['[new-required-field] request: "b" is now required'] }],
    ["response: a property added (notable: a minor)", { side: "response", base: { properties: { a: {} } }, head: { properties: { a: {}, b: {} } }, want: ['[new-response-field] response: "b" was added (the API can do more: a minor, by the CHANGELOG rule)'] }],
    // An object that took any member took any value under the new name: the property's schema now checks it.
    ["request: a typed property added to an object that took any member", { base: { additionalProperties: true, properties: { a: {} } }, head: { additionalProperties: true, properties: { a: {}, b: { type: "integer" } } }, want: ['[new-constraint] request: "b" was added to an object that took it before (any value): a value sent under that name is now checked against its schema'] }],
    ["request: a typed property added to an object with no additionalProperties", { base: { properties: { o: { properties: { a: {} } } } }, head: { properties: { o: { properties: { a: {}, b: { type: "integer" } } } } }, want: ['[new-constraint] request/o: "b" was added to an object that took it before (any value): a value sent under that name is now checked against its schema'] }],
    ["request: a property added with the additionalProperties schema it was held to", { base: { additionalProperties: { type: "string" } }, head: { additionalProperties: { type: "string" }, properties: { b: { type: "string", description: "B." } } }, want: ['[new-request-field] request: "b" was added, optional (the API can do more: a minor, by the CHANGELOG rule)'] }],
    ["request: a property added, stricter than the additionalProperties schema", { base: { additionalProperties: { type: "string" } }, head: { additionalProperties: { type: "string" }, properties: { b: { type: "string", maxLength: 3 } } }, want: ['[new-constraint] request: "b" was added to an object that took it before (a value its additionalProperties schema allowed): a value sent under that name is now checked against its schema'] }],
    // A name a patternProperties pattern matches was held to that pattern's schema (additionalProperties
    // does not apply to it); additionalProperties written evaluates every other name, so an
    // unevaluatedProperties: false beside it refused none of them.
    ["request: a property added with the patternProperties schema its name matched (no narrowing)", { base: { additionalProperties: false, patternProperties: { "^x-": { type: "string" } } }, head: { additionalProperties: false, patternProperties: { "^x-": { type: "string" } }, properties: { "x-a": { type: "string" } } }, want: ['[new-request-field] request: "x-a" was added, optional (the API can do more: a minor, by the CHANGELOG rule)'] }],
    ["request: a property added with the additionalProperties schema, its name matched by a pattern of another", { base: { additionalProperties: { type: "string" }, patternProperties: { "^x-": { type: "integer" } } }, head: { additionalProperties: { type: "string" }, patternProperties: { "^x-": { type: "integer" } }, properties: { "x-a": { type: "string" } } }, want: ['[new-constraint] request: "x-a" was added to an object that took it before (a value its patternProperties schema allowed): a value sent under that name is now checked against its schema'] }],
    ["request: a property added beside an additionalProperties schema and unevaluatedProperties: false", { base: { additionalProperties: { type: "string" }, unevaluatedProperties: false }, head: { additionalProperties: { type: "string" }, unevaluatedProperties: false, properties: { a: { type: "integer" } } }, want: ['[new-constraint] request: "a" was added to an object that took it before (a value its additionalProperties schema allowed): a value sent under that name is now checked against its schema'] }],
    ["request: a property added to an object closed by unevaluatedProperties: false alone (refused before)", { base: { unevaluatedProperties: false }, head: { unevaluatedProperties: false, properties: { a: { type: "integer" } } }, want: ['[new-request-field] request: "a" was added, optional (the API can do more: a minor, by the CHANGELOG rule)'] }],
    ["request: an enum value added (notable: a minor)", { base: { enum: ["a", "b"] }, head: { enum: ["a", "b", "c"] }, want: ['[request-enum-value-added] request: enum value "c" was added (the API can do more: a minor, by the CHANGELOG rule)'] }],
    // A constraint kept is no change; a $ref's siblings, a property, `items` or additionalProperties given
    // more than once all apply, whichever is the stricter (and wherever it is written).
    ["uniqueItems: true kept", { base: { uniqueItems: true }, head: { uniqueItems: true }, want: [] }],
    ["response: uniqueItems: true kept", { side: "response", base: { uniqueItems: true }, head: { uniqueItems: true }, want: [] }],
    ["a bound added as a $ref's sibling", { base: { $ref: "#/components/schemas/Name" }, baseDefs: { Name: { maxLength: 100 } }, head: { $ref: "#/components/schemas/Name", maxLength: 10 }, headDefs: { Name: { maxLength: 100 } }, want: ["[narrowed-bound] request: maxLength lowered from 100 to 10"] }],
    ["items in the schema stricter than in an allOf member", { base: { items: { maxLength: 10 } }, head: { items: { maxLength: 5 }, allOf: [{ items: { maxLength: 10 } }] }, want: ["[narrowed-bound] request/[]: maxLength lowered from 10 to 5"] }],
    ["a property in the schema stricter than in an allOf member", { base: { properties: { n: { maxLength: 10 } } }, head: { properties: { n: { maxLength: 5 } }, allOf: [{ properties: { n: { maxLength: 10 } } }] }, want: ["[narrowed-bound] request/n: maxLength lowered from 10 to 5"] }],
    [
      "additionalProperties schemas in two allOf members: the stricter applies",
      { base: { allOf: [{ additionalProperties: { maxLength: 10 } }] }, head: { allOf: [{ additionalProperties: { maxLength: 20 } }, { additionalProperties: { maxLength: 5 } }] }, want: ["[narrowed-bound] request/*: maxLength lowered from 10 to 5"] },
    ],
    ["additionalProperties: false and a schema in allOf members: false", { base: {}, head: { allOf: [{ additionalProperties: { type: "string" } }, { additionalProperties: false }] }, want: ["[closed-object] request: additionalProperties changed from none to false (a property not listed is refused)"] }],
    ["additionalProperties: a schema of only an extension is true", { base: { additionalProperties: true }, head: { additionalProperties: { "x-note": "any" } }, want: [] }],
    ["request: a property removed from an object taking any property (additionalProperties {})", { base: { additionalProperties: {}, properties: { a: {}, b: {} } }, head: { additionalProperties: {}, properties: { a: {} } }, want: ['[removed-request-field] request: "b" was removed (the server no longer reads it; code passing it still compiles, as the object takes any property)'] }],
    ["patternProperties changed", { base: { patternProperties: { "^x-": { type: "string" } } }, head: { patternProperties: { "^x-": { type: "integer" } } }, want: ["[unexamined-keyword] request: patternProperties changed (these rules do not examine patternProperties; review by hand whether it breaks a client)"] }],
    [
      "discriminator changed",
      { side: "response", base: { oneOf: [{ type: "object" }], discriminator: { propertyName: "kind" } }, head: { oneOf: [{ type: "object" }], discriminator: { propertyName: "type" } }, want: ["[unexamined-keyword] response: discriminator changed (these rules do not examine discriminator; review by hand whether it breaks a client)"] },
    ],
    // A property matched by a patternProperties pattern beside additionalProperties: false is not refused by it.
    [
      "request: a property moved into an allOf member, still matched by the closed object's patternProperties",
      { base: { additionalProperties: false, patternProperties: { "^x-": {} }, properties: { a: {}, "x-b": {} } }, head: { additionalProperties: false, patternProperties: { "^x-": {} }, properties: { a: {} }, allOf: [{ properties: { "x-b": {} } }] }, want: [] },
    ],
  );

  it.each(cases)("%s", (_name, c) => {
    const side = c.side ?? "request";
    const found = breakingChanges(spec(side, c.base, c.baseDefs), spec(side, c.head, c.headDefs)).map((f) => `[${f.rule}] ${(f.side === "package" ? f.where : f.where.replace(at[f.side], f.side))}: ${f.message}`);
    expect(found).toEqual(c.want);
  });

  // Each rule's severity, as the CHANGELOG rule and docs/publishing.md classify it: breaking (exit 1),
  // notable (printed, exit 0) or review (exit 1 until a person says otherwise).
  it.each([
    ["narrowed-bound", "breaking", "request", { maxLength: 10 }, { maxLength: 5 }],
    ["new-required-field", "breaking", "request", { properties: { a: {} } }, { properties: { a: {} }, required: ["a"] }],
    ["removed-request-field", "breaking", "request", { properties: { a: {} } }, {}],
    ["changed-pattern", "breaking", "request", {}, { pattern: "^a" }],
    ["changed-format", "breaking", "request", {}, { format: "uuid" }],
    ["closed-object", "breaking", "request", {}, { additionalProperties: false }],
    ["new-constraint", "breaking", "request", {}, { multipleOf: 2 }],
    ["new-enum", "breaking", "request", {}, { enum: ["a"] }],
    ["removed-enum-value", "breaking", "response", { enum: ["a", "b"] }, { enum: ["a"] }],
    ["removed-response-field", "breaking", "response", { properties: { a: {} } }, {}],
    ["response-field-optional", "breaking", "response", { properties: { a: {} }, required: ["a"] }, { properties: { a: {} } }],
    ["response-enum-removed", "breaking", "response", { enum: ["a"] }, {}],
    ["response-enum-value-added", "breaking", "response", { enum: ["a"] }, { enum: ["a", "b"] }],
    ["response-type-widened", "breaking", "response", { type: "integer" }, { type: "number" }],
    ["response-widened-bound", "notable", "response", { maxLength: 5 }, { maxLength: 10 }],
    ["response-changed-pattern", "notable", "response", { pattern: "^a" }, {}],
    ["response-changed-format", "notable", "response", { format: "uuid" }, {}],
    ["response-removed-constraint", "notable", "response", { multipleOf: 2 }, {}],
    ["response-opened-object", "notable", "response", { additionalProperties: false }, {}],
    ["new-request-field", "notable", "request", { additionalProperties: false }, { additionalProperties: false, properties: { a: {} } }],
    ["new-response-field", "notable", "response", {}, { properties: { a: {} } }],
    ["request-enum-value-added", "notable", "request", { enum: ["a"] }, { enum: ["a", "b"] }],
    ["unexamined-keyword", "review", "response", {}, { not: { const: 1 } }],
  ] as const)("[%s] is %s", (rule, severity, side, from, to) => {
    expect(breakingChanges(spec(side, from), spec(side, to)).map((f) => `(${f.severity}) [${f.rule}]`)).toEqual([`(${severity}) [${rule}]`]);
  });

  it.each([
    ["a $ref to another file", { properties: { n: { $ref: "other.json#/N" } } }, 'head spec, PATCH /x request application/json/n: cannot follow $ref "other.json#/N": only references inside the spec ("#/…" or "#anchor") are followed'],
    ["a $ref that is not a valid URI fragment", { properties: { n: { $ref: "#/components/schemas/%zz" } } }, 'head spec, PATCH /x request application/json/n: cannot follow $ref "#/components/schemas/%zz": not a valid URI fragment'],
    // A $ref to nothing was read as no schema: every change behind it went unseen ("no breaking change").
    ["a $ref to an $anchor nothing has", { properties: { n: { $ref: "#nane" } } }, 'head spec, PATCH /x request application/json/n: cannot follow $ref "#nane": nothing in the spec has that $anchor'],
    ["a $ref to a pointer nothing has", { properties: { n: { $ref: "#/components/schemas/Nane" } } }, 'head spec, PATCH /x request application/json/n: cannot follow $ref "#/components/schemas/Nane": nothing in the spec has that pointer'],
  ])("%s: a SpecShapeError naming the spec and the place", (_name, head, want) => {
    expect(() => breakingChanges(spec("request", { properties: { n: {} } }), spec("request", head))).toThrow(new SpecShapeError(want));
  });

  it("a malformed path item: a SpecShapeError naming the spec, not a TypeError", () => {
    const broken = { ...spec("request", {}), paths: { "/x": null } };
    expect(() => breakingChanges(spec("request", {}), broken)).toThrow(new SpecShapeError("head spec, paths: Cannot read properties of null (reading 'get')"));
  });

  it("a new parameter is breaking only when it is required", () => {
    const withParameter = (required: boolean) => {
      const s = spec("request", {});
      (s.paths["/x"].patch as Record<string, unknown>).parameters = [{ name: "dry_run", in: "query", required, schema: { type: "boolean" } }];
      return s;
    };
    expect(breakingChanges(spec("request", {}), withParameter(false))).toEqual([]);
    expect(breakingChanges(spec("request", {}), withParameter(true)).map((f) => `[${f.rule}] ${f.message}`)).toEqual(["[new-required-field] new required parameter"]);
  });
});

// Operation-level rules, on the work tree's bundled spec: before (the spec, with `base` applied), after
// (the spec, with `head` applied), and every finding breakingChanges() must give, as `(severity) [rule] where:
// message`.
describe("breaking-rules.mjs: operations, parameters, media types, statuses, security", () => {
  const threads = "PATCH /api/threads/{id}";
  const threadOp = (s: Spec) => s.paths["/api/threads/{id}"].patch;
  const query = (required: boolean) => ({ name: "dry_run", in: "query", required, schema: { type: "boolean" } });
  const apiKey = { type: "apiKey", in: "header", name: "X-Api-Key" };
  const tags = (more: Record<string, unknown> = {}) => ({ name: "tags", in: "query", ...more, schema: { type: "array", items: { type: "string" } } });
  /** `s` with the /api/threads/{id} path item moved into components.pathItems[name], given by `$ref`. */
  const asPathItemComponent = (s: Spec, name: string) => {
    (s.components as Record<string, unknown>).pathItems = { [name]: s.paths["/api/threads/{id}"] };
    (s.paths as Record<string, unknown>)["/api/threads/{id}"] = { $ref: `#/components/pathItems/${name}` };
  };
  const rows: [string, { base?: (s: Spec) => void; head: (s: Spec) => void; want: string[] }][] = [
    ["operationId renamed", { head: (s) => { threadOp(s).operationId = "patchThread"; }, want: [`(breaking) [changed-operation-id] ${threads}: operationId changed from "updateThread" to "patchThread" (names generated from it change)`] }],
    ["operationId unchanged, summary reworded", { head: (s) => { threadOp(s).summary = "Reworded."; }, want: [] }],
    // Each component of these kinds is a type the package exports by name (a schema also a validator).
    [
      "a schema component renamed, every $ref following",
      { head: (s) => { renameComponent(s, "schemas", "StatusUpdate", "StatusChange"); }, want: ["(breaking) [removed-component] components/schemas/StatusUpdate: component removed or renamed: the type and the validator (schemas.StatusUpdate) the package exports for it are gone (code naming them no longer compiles)"] },
    ],
    [
      "a header component renamed",
      { head: (s) => { renameComponent(s, "headers", "XRequestId", "RequestId"); }, want: ["(breaking) [removed-component] components/headers/XRequestId: component removed or renamed: the type the package exports for it is gone (code naming it no longer compiles)"] },
    ],
    // openapi-typescript's root types cover these two kinds too: `RequestBodyThreadUpdate`, `PathItemThread`.
    [
      "a requestBodies component renamed, every $ref following",
      {
        base: (s) => { s.components.requestBodies = { ThreadUpdate: threadOp(s).requestBody }; threadOp(s).requestBody = { $ref: "#/components/requestBodies/ThreadUpdate" }; },
        head: (s) => { s.components.requestBodies = { ThreadUpdate: threadOp(s).requestBody }; threadOp(s).requestBody = { $ref: "#/components/requestBodies/ThreadUpdate" }; renameComponent(s, "requestBodies", "ThreadUpdate", "ThreadChange"); },
        want: ["(breaking) [removed-component] components/requestBodies/ThreadUpdate: component removed or renamed: the type the package exports for it is gone (code naming it no longer compiles)"],
      },
    ],
    [
      "a pathItems component removed",
      { base: (s) => { s.components.pathItems = { Thread: s.paths["/api/threads/{id}"] }; }, head: () => {}, want: ["(breaking) [removed-component] components/pathItems/Thread: component removed or renamed: the type the package exports for it is gone (code naming it no longer compiles)"] },
    ],
    // A path item given by `$ref` (components.pathItems, which the bundle keeps as a $ref) is followed.
    [
      "a path item given by $ref: its operation's request narrowed",
      {
        base: (s) => { asPathItemComponent(s, "Threads"); },
        head: (s) => { schemas(s).UpdateThreadRequest.properties.draft_subject.maxLength = 10; asPathItemComponent(s, "Threads"); },
        want: [`(breaking) [narrowed-bound] ${threads} request application/json/draft_subject: maxLength lowered from 998 to 10`],
      },
    ],
    ["a path item moved into components.pathItems: nothing", { head: (s) => { asPathItemComponent(s, "Threads"); }, want: [] }],
    ["a component added: nothing", { head: (s) => { s.components.schemas.Extra = { type: "string", description: "not used" }; }, want: [] }],
    [
      "security required where the operation was anonymous",
      { base: (s) => { threadOp(s).security = []; }, head: () => {}, want: [`(breaking) [removed-security] ${threads}: security requirement none (anonymous access) no longer accepted (now {"bearerAuth":[]}): a client using it is refused`] },
    ],
    [
      "security scheme swapped for another",
      { head: (s) => { s.components.securitySchemes.apiKey = apiKey; threadOp(s).security = [{ apiKey: [] }]; }, want: [`(breaking) [removed-security] ${threads}: security requirement {"bearerAuth":[]} no longer accepted (now {"apiKey":[]}): a client using it is refused`] },
    ],
    ["security: an alternative added", { head: (s) => { s.components.securitySchemes.apiKey = apiKey; threadOp(s).security = [{ bearerAuth: [] }, { apiKey: [] }]; }, want: [] }],
    ["security: scopes reordered", { base: (s) => { threadOp(s).security = [{ bearerAuth: ["read", "write"] }]; }, head: (s) => { threadOp(s).security = [{ bearerAuth: ["write", "read"] }]; }, want: [] }],
    ["security: dropped (anonymous access now)", { head: (s) => { threadOp(s).security = []; }, want: [] }],
    ["security: made optional ({} added)", { head: (s) => { threadOp(s).security = [{ bearerAuth: [] }, {}]; }, want: [] }],
    ["security: the global requirement moved onto each operation", { head: (s) => { const g = s.security; delete s.security; for (const p of Object.values(s.paths) as { patch: { security?: unknown } }[]) p.patch.security = g; }, want: [] }],
    [
      "security scheme changed (bearer → apiKey header)",
      { head: (s) => { s.components.securitySchemes.bearerAuth = apiKey; }, want: ['(review) [changed-security-scheme] components/securitySchemes/bearerAuth: security scheme "bearerAuth" changed from {"scheme":"bearer","type":"http"} to {"in":"header","name":"X-Api-Key","type":"apiKey"}: review by hand'] },
    ],
    ["security scheme: description reworded", { head: (s) => { s.components.securitySchemes.bearerAuth.description = "Reworded."; }, want: [] }],
    [
      "request media type removed",
      { head: (s) => { const c = threadOp(s).requestBody.content; c["application/merge-patch+json"] = c["application/json"]; delete c["application/json"]; }, want: [`(breaking) [removed-media-type] ${threads} request application/json: request media type application/json removed (a client sending it is refused)`] },
    ],
    [
      "response media type removed",
      { head: (s) => { const c = threadOp(s).responses["200"].content; c["application/problem+json"] = c["application/json"]; delete c["application/json"]; }, want: [`(breaking) [removed-media-type] ${threads} 200 application/json: response media type application/json removed (a client reading it gets another)`] },
    ],
    ["response media type added", { head: (s) => { const c = threadOp(s).responses["200"].content; c["application/xml"] = c["application/json"]; }, want: [] }],
    ["status added (429)", { head: (s) => { threadOp(s).responses["429"] = { description: "Too many requests." }; }, want: [`(notable) [new-response-status] ${threads} 429: status 429 added (a client's handling of the documented statuses may not cover it)`] }],
    ["status removed (409): Optic's check, not these rules", { head: (s) => { delete threadOp(s).responses["409"]; }, want: [] }],
    ["query parameter made required", { base: (s) => { threadOp(s).parameters = [query(false)]; }, head: (s) => { threadOp(s).parameters = [query(true)]; }, want: [`(breaking) [new-required-field] ${threads} query:dry_run: parameter is now required`] }],
    // The base has the path id too (declared on the operation), so that only the query parameter goes.
    ["query parameter removed", { base: (s) => { threadOp(s).parameters = [...(threadOp(s).parameters ?? []), query(false)]; }, head: () => {}, want: [`(notable) [removed-parameter] ${threads} query:dry_run: parameter removed (the server no longer reads it; a client's generated types no longer take it)`] }],
    [
      "query parameter moved to a header (removed, and a new required one)",
      {
        base: (s) => { threadOp(s).parameters = [query(true)]; },
        head: (s) => { threadOp(s).parameters = [{ ...query(true), in: "header" }]; },
        want: [`(notable) [removed-parameter] ${threads} query:dry_run: parameter removed (the server no longer reads it; a client's generated types no longer take it)`, `(breaking) [new-required-field] ${threads} header:dry_run: new required parameter`],
      },
    ],
    ["path parameter's schema narrowed", { head: (s) => { s.components.parameters.ThreadId.schema.maxLength = 10; }, want: [`(breaking) [narrowed-bound] ${threads} path:id: maxLength lowered from none to 10`] }],
    [
      "request body property removed (draft_subject: the body is closed)",
      { head: (s) => { delete schemas(s).UpdateThreadRequest.properties.draft_subject; }, want: [`(breaking) [removed-request-field] ${threads} request application/json: "draft_subject" was removed (code passing it no longer compiles against the generated types; the object is closed, so a body sending it is refused)`] },
    ],
    // Response headers (Optic does not examine them). Names compare case-insensitively, as HTTP's do.
    ["response header removed (200 X-Request-Id)", { head: (s) => { delete threadOp(s).responses["200"].headers["X-Request-Id"]; }, want: [`(breaking) [removed-response-header] ${threads} 200 header:X-Request-Id: response header X-Request-Id removed (a client reading it gets nothing)`] }],
    [
      "response header made optional (WWW-Authenticate, shared by both 401s)",
      {
        head: (s) => { s.components.headers.WwwAuthenticate.required = false; },
        want: ["PATCH /api/conversations/{id}", threads].map((op) => `(breaking) [response-header-optional] ${op} 401 header:WWW-Authenticate: response header WWW-Authenticate is no longer required (may be missing)`),
      },
    ],
    [
      "response header's schema widened (maxLength removed): notable",
      { base: (s) => { threadOp(s).responses["200"].headers["X-Request-Id"] = { schema: { type: "string", maxLength: 200 } }; }, head: (s) => { threadOp(s).responses["200"].headers["X-Request-Id"] = { schema: { type: "string" } }; }, want: [`(notable) [response-header-widened] ${threads} 200 header:X-Request-Id: maxLength raised from 200 to none`] },
    ],
    [
      "response header's enum value added and type widened: notable",
      {
        // The type list grows on a header without an enum: beside an enum, the enum's values decide the types (null is none of them).
        base: (s) => {
          threadOp(s).responses["200"].headers["X-Content-Type-Options"] = { schema: { type: "string", enum: ["nosniff"] } };
          threadOp(s).responses["200"].headers["X-Request-Id"] = { schema: { type: "string" } };
        },
        head: (s) => {
          threadOp(s).responses["200"].headers["X-Content-Type-Options"] = { schema: { type: ["string", "null"], enum: ["nosniff", "other"] } };
          threadOp(s).responses["200"].headers["X-Request-Id"] = { schema: { type: ["string", "null"] } };
        },
        want: [`(notable) [response-header-widened] ${threads} 200 header:X-Content-Type-Options: enum value "other" was added (a client's exhaustive handling of the old values misses it)`, `(notable) [response-header-widened] ${threads} 200 header:X-Request-Id: type widened from string to null | string (may now be null)`],
      },
    ],
    [
      "response header's schema narrowed (maxLength lowered, enum value removed): nothing",
      {
        base: (s) => { threadOp(s).responses["200"].headers["X-Request-Id"] = { schema: { type: "string", maxLength: 200, enum: ["a", "b"] } }; },
        head: (s) => { threadOp(s).responses["200"].headers["X-Request-Id"] = { schema: { type: "string", maxLength: 20, enum: ["a"] } }; },
        want: [],
      },
    ],
    ["response header added", { head: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { schema: { type: "string" } }; }, want: [] }],
    ["response header made required", { head: (s) => { s.components.headers.XRequestId.required = true; }, want: [] }],
    ["response header renamed in case only (X-Request-Id → x-request-id)", { head: (s) => { const h = threadOp(s).responses["200"].headers; h["x-request-id"] = h["X-Request-Id"]; delete h["X-Request-Id"]; }, want: [] }],
    // Request header parameters are parameters: the same rules as query and path ones.
    [
      "header parameter's schema narrowed",
      { base: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", schema: { type: "string" } }]; }, head: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", schema: { type: "string", maxLength: 64 } }]; }, want: [`(breaking) [narrowed-bound] ${threads} header:X-Trace: maxLength lowered from none to 64`] },
    ],
    [
      "header parameter removed, or made required",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", schema: { type: "string" } }, { name: "X-Span", in: "header", schema: { type: "string" } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "X-Span", in: "header", required: true, schema: { type: "string" } }]; },
        want: [`(notable) [removed-parameter] ${threads} header:X-Trace: parameter removed (the server no longer reads it; a client's generated types no longer take it)`, `(breaking) [new-required-field] ${threads} header:X-Span: parameter is now required`],
      },
    ],
    // HTTP header names are case-insensitive: a header parameter renamed in case only is the same one
    // (compared by its base name); path and query names stay case-sensitive.
    [
      "header parameter renamed in case only (X-Request-Id → x-request-id)",
      { base: (s) => { threadOp(s).parameters = [{ name: "X-Request-Id", in: "header", required: true, schema: { type: "string" } }]; }, head: (s) => { threadOp(s).parameters = [{ name: "x-request-id", in: "header", required: true, schema: { type: "string" } }]; }, want: [] },
    ],
    [
      "header parameter renamed in case and narrowed",
      { base: (s) => { threadOp(s).parameters = [{ name: "X-Request-Id", in: "header", schema: { type: "string" } }]; }, head: (s) => { threadOp(s).parameters = [{ name: "x-request-id", in: "header", schema: { type: "string", maxLength: 8 } }]; }, want: [`(breaking) [narrowed-bound] ${threads} header:X-Request-Id: maxLength lowered from none to 8`] },
    ],
    [
      "query parameter renamed in case only (Filter → filter): removed, and a new required one",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "Filter", in: "query", required: true, schema: { type: "string" } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", required: true, schema: { type: "string" } }]; },
        want: [`(notable) [removed-parameter] ${threads} query:Filter: parameter removed (the server no longer reads it; a client's generated types no longer take it)`, `(breaking) [new-required-field] ${threads} query:filter: new required parameter`],
      },
    ],
    // A parameter or response header described with `content` instead of `schema`: not examined, so any
    // change is for a person to review, naming it.
    [
      "query parameter described with content: its schema narrowed",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object", properties: { a: { type: "string" } } } } } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object", properties: { a: { type: "string", maxLength: 5 } } } } } }]; },
        want: [`(review) [unexamined-content] ${threads} query:filter: content changed (these rules do not examine a parameter described with content; review by hand whether it breaks a client)`],
      },
    ],
    [
      "query parameter described with content: only an example changed",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object" }, example: { a: 1 } } } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object" }, example: { a: 2 } } } }]; },
        want: [],
      },
    ],
    [
      "query parameter moved from schema to content",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", schema: { type: "string" } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "string" } } } }]; },
        want: [`(review) [unexamined-content] ${threads} query:filter: content added (these rules do not examine a parameter described with content; review by hand whether it breaks a client)`],
      },
    ],
    [
      "response header described with content: changed",
      {
        base: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { content: { "text/plain": { schema: { type: "string" } } } }; },
        head: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { content: { "text/plain": { schema: { type: "integer" } } } }; },
        want: [`(review) [unexamined-content] ${threads} 200 header:X-Trace: content changed (these rules do not examine a header described with content; review by hand whether it breaks a client)`],
      },
    ],
    // Parameter serialisation: style and explode (after the defaults by `in`: query and cookie form
    // with explode true, path and header simple with explode false) say how a client writes the value;
    // allowReserved and allowEmptyValue (query only) what the server accepts.
    [
      "query parameter's style changed (form → pipeDelimited, explode kept true)",
      { base: (s) => { threadOp(s).parameters = [tags()]; }, head: (s) => { threadOp(s).parameters = [tags({ style: "pipeDelimited", explode: true })]; }, want: [`(breaking) [changed-serialization] ${threads} query:tags: style changed from form to pipeDelimited (explode true; a client serialises the parameter differently)`] },
    ],
    [
      "query parameter's explode turned off (array)",
      { base: (s) => { threadOp(s).parameters = [tags()]; }, head: (s) => { threadOp(s).parameters = [tags({ explode: false })]; }, want: [`(breaking) [changed-serialization] ${threads} query:tags: explode changed from true to false (style form; a client serialises an array or object differently)`] },
    ],
    [
      "query parameter's style changed (form → deepObject, object: explode not compared)",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", schema: { type: "object" } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", style: "deepObject", schema: { type: "object" } }]; },
        want: [`(breaking) [changed-serialization] ${threads} query:filter: style changed from form to deepObject (a client serialises the parameter differently)`],
      },
    ],
    [
      "deepObject's explode: true spelt out (deepObject has one serialisation): nothing",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", style: "deepObject", schema: { type: "object" } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "filter", in: "query", style: "deepObject", explode: true, schema: { type: "object" } }]; },
        want: [],
      },
    ],
    ["path parameter's style changed (simple → label)", { head: (s) => { s.components.parameters.ThreadId.style = "label"; }, want: [`(breaking) [changed-serialization] ${threads} path:id: style changed from simple to label (explode false; a client serialises the parameter differently)`] }],
    [
      "header parameter's explode turned on (object)",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", schema: { type: "object" } }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", explode: true, schema: { type: "object" } }]; },
        want: [`(breaking) [changed-serialization] ${threads} header:X-Trace: explode changed from false to true (style simple; a client serialises an array or object differently)`],
      },
    ],
    [
      "the defaults spelt out (query and cookie form/true, path and header simple/false): nothing",
      {
        base: (s) => { threadOp(s).parameters = [tags(), { name: "sid", in: "cookie", schema: { type: "array", items: { type: "string" } } }, { name: "X-Trace", in: "header", schema: { type: "array", items: { type: "string" } } }]; },
        head: (s) => {
          s.components.parameters.ThreadId.style = "simple";
          s.components.parameters.ThreadId.explode = false;
          threadOp(s).parameters = [tags({ style: "form", explode: true, allowReserved: false, allowEmptyValue: false }), { name: "sid", in: "cookie", style: "form", explode: true, schema: { type: "array", items: { type: "string" } } }, { name: "X-Trace", in: "header", style: "simple", explode: false, schema: { type: "array", items: { type: "string" } } }];
        },
        want: [],
      },
    ],
    ["explode changed on a string parameter (no array or object to spread): nothing", { base: (s) => { threadOp(s).parameters = [query(false)]; }, head: (s) => { threadOp(s).parameters = [{ ...query(false), explode: false }]; }, want: [] }],
    [
      "query parameter's allowReserved true → false",
      { base: (s) => { threadOp(s).parameters = [tags({ allowReserved: true })]; }, head: (s) => { threadOp(s).parameters = [tags()]; }, want: [`(breaking) [changed-serialization] ${threads} query:tags: allowReserved changed from true to false (reserved characters a client sent as they are are now read as delimiters or must be percent-encoded)`] },
    ],
    ["query parameter's allowReserved false → true (accepts more): nothing", { base: (s) => { threadOp(s).parameters = [tags()]; }, head: (s) => { threadOp(s).parameters = [tags({ allowReserved: true })]; }, want: [] }],
    [
      "query parameter's allowEmptyValue true → false",
      { base: (s) => { threadOp(s).parameters = [{ ...query(false), allowEmptyValue: true }]; }, head: (s) => { threadOp(s).parameters = [query(false)]; }, want: [`(breaking) [new-constraint] ${threads} query:dry_run: allowEmptyValue changed from true to false (an empty value is refused)`] },
    ],
    ["query parameter's allowEmptyValue false → true (accepts more): nothing", { base: (s) => { threadOp(s).parameters = [query(false)]; }, head: (s) => { threadOp(s).parameters = [{ ...query(false), allowEmptyValue: true }]; }, want: [] }],
    ["request body made required", { base: (s) => { threadOp(s).requestBody.required = false; }, head: () => {}, want: [`(breaking) [new-required-field] ${threads} request: the request body is now required`] }],
    ["operationId removed", { head: (s) => { delete (threadOp(s) as { operationId?: string }).operationId; }, want: [`(breaking) [changed-operation-id] ${threads}: operationId changed from "updateThread" to "none" (names generated from it change)`] }],
    [
      "a parameter component renamed",
      { head: (s) => { renameComponent(s, "parameters", "ThreadId", "ThreadPathId"); }, want: ["(breaking) [removed-component] components/parameters/ThreadId: component removed or renamed: the type the package exports for it is gone (code naming it no longer compiles)"] },
    ],
    [
      "a response component renamed",
      { head: (s) => { renameComponent(s, "responses", "ThreadNotFound", "ThreadMissing"); }, want: ["(breaking) [removed-component] components/responses/ThreadNotFound: component removed or renamed: the type the package exports for it is gone (code naming it no longer compiles)"] },
    ],
    // Content-Type is not a response header as OpenAPI says (the media type says it): ignored.
    ["a Content-Type response header removed: nothing", { base: (s) => { threadOp(s).responses["200"].headers["Content-Type"] = { schema: { type: "string" } }; }, head: () => {}, want: [] }],
    [
      "response header's schema: anyOf changed (to review)",
      {
        base: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { schema: { anyOf: [{ type: "string" }] } }; },
        head: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { schema: { anyOf: [{ type: "string" }, { type: "integer" }] } }; },
        want: [`(review) [unexamined-keyword] ${threads} 200 header:X-Trace: anyOf changed (these rules do not examine anyOf; review by hand whether it breaks a client)`],
      },
    ],
    [
      "response header's object opened (additionalProperties false removed): notable",
      {
        base: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { schema: { type: "object", additionalProperties: false } }; },
        head: (s) => { threadOp(s).responses["200"].headers["X-Trace"] = { schema: { type: "object" } }; },
        want: [`(notable) [response-header-widened] ${threads} 200 header:X-Trace: additionalProperties changed from false to none (a property not listed may come back)`],
      },
    ],
    [
      "header parameter without a type: explode turned on (the value may be an object)",
      {
        base: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", schema: {} }]; },
        head: (s) => { threadOp(s).parameters = [{ name: "X-Trace", in: "header", explode: true, schema: {} }]; },
        want: [`(breaking) [changed-serialization] ${threads} header:X-Trace: explode changed from false to true (style simple; a client serialises an array or object differently)`],
      },
    ],
    [
      "query parameter from array to string, explode turned off (the base's array was spread)",
      { base: (s) => { threadOp(s).parameters = [tags()]; }, head: (s) => { threadOp(s).parameters = [{ name: "tags", in: "query", explode: false, schema: { type: "string" } }]; }, want: [`(breaking) [changed-serialization] ${threads} query:tags: explode changed from true to false (style form; a client serialises an array or object differently)`] },
    ],
    ["path parameter's allowReserved true → false (it applies to query parameters only): nothing", { base: (s) => { s.components.parameters.ThreadId.allowReserved = true; }, head: () => {}, want: [] }],
  ];
  it.each(rows)("%s", (_name, r) => {
    const from = structuredClone(base);
    r.base?.(from);
    const to = structuredClone(base);
    r.head(to);
    expect(breakingChanges(from, to).map((f) => `(${f.severity}) [${f.rule}] ${f.where}: ${f.message}`)).toEqual(r.want);
  });
});
