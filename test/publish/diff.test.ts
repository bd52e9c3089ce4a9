// `npm run diff`: a table of spec mutations, each classified breaking or not, run through the real
// command (Optic + scripts/publish/breaking-rules.mjs) against the bundled spec of the work tree.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const base = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const dir = mkdtempSync(path.join(os.tmpdir(), "puffle-diff-test-"));
const basePath = path.join(dir, "base.json");
writeFileSync(basePath, JSON.stringify(base));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Spec = typeof base;
const schemas = (s: Spec) => s.components.schemas;
const conversationOp = (s: Spec) => s.paths["/api/conversations/{id}"].patch;

// `npm run diff` is `node scripts/diff.mjs`: the table runs the script directly (saving an npm start
// per case, Optic already takes seconds), the git-ref test goes through npm itself.
function runDiff(args: string[], viaNpm = false): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const [cmd, pre] = viaNpm ? [npm, ["run", "-s", "diff", "--"]] : [process.execPath, [path.join(root, "scripts/diff.mjs")]];
    const child = spawn(cmd, [...pre, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
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
}

const cases: Case[] = [
  // Breaking: the classes Optic lets through, caught by our rules.
  { name: "request maximum narrowed (unread_count ≤ 1000)", breaking: true, by: "narrowed-bound", mutate: (s) => { schemas(s).UnreadCount.maximum = 1000; } },
  { name: "request minimum raised (unread_count ≥ 1)", breaking: true, by: "narrowed-bound", mutate: (s) => { schemas(s).UnreadCount.minimum = 1; } },
  { name: "request maxLength newly set (draft_subject ≤ 10)", breaking: true, by: "narrowed-bound", mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_subject.maxLength = 10; } },
  { name: "response enum value removed (status draft)", breaking: true, by: "removed-enum-value", mutate: (s) => { schemas(s).ConversationStatus.enum = ["active", "archived"]; } },
  { name: "response field no longer required (conversation.channel)", breaking: true, by: "response-field-optional", mutate: (s) => { schemas(s).Conversation.required = schemas(s).Conversation.required.filter((r: string) => r !== "channel"); } },
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
  { name: "request enum value removed (status archived)", breaking: true, by: "removed-enum-value", mutate: (s) => { schemas(s).StatusUpdate.enum = ["active"]; } },
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
  // Not breaking.
  { name: "description changed", breaking: false, mutate: (s) => { s.info.description = "Reworded."; conversationOp(s).description = "Reworded."; } },
  { name: "new optional request field", breaking: false, mutate: (s) => { schemas(s).UpdateThreadRequest.properties.draft_note = { type: "string", description: "A note." }; } },
  { name: "new optional response field", breaking: false, mutate: (s) => { schemas(s).ConversationRow.properties.pinned = { type: "boolean", description: "Pinned." }; } },
  { name: "request enum value added (status deleted)", breaking: false, mutate: (s) => { schemas(s).StatusUpdate.enum = ["active", "archived", "deleted"]; } },
  { name: "request bound relaxed (minProperties removed)", breaking: false, mutate: (s) => { delete schemas(s).UpdateConversationRequest.minProperties; } },
  { name: "new request example", breaking: false, mutate: (s) => { conversationOp(s).requestBody.content["application/json"].examples.zero = { summary: "Zero", value: { unread_count: 0 } }; } },
];

// One case at a time (each runs Optic, seconds of CPU), each with a generous timeout for a busy machine.
const SLOW = 240_000;

describe("npm run diff classifies spec mutations", () => {
  it("package.json runs scripts/diff.mjs as `npm run diff`", () => {
    expect(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.diff).toBe("node scripts/diff.mjs");
  });

  it("an unchanged spec is not breaking", async () => {
    const r = await runDiff(["--base", basePath, "--head", basePath]);
    expect(r.out).toContain("OK: no breaking change.");
    expect(r.status).toBe(0);
  }, SLOW);

  for (const c of cases) {
    it(`${c.breaking ? "breaking" : "not breaking"}: ${c.name}`, async () => {
      const head = structuredClone(base);
      c.mutate(head);
      expect(JSON.stringify(head)).not.toBe(JSON.stringify(base));
      const file = path.join(dir, `${c.name.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, JSON.stringify(head));
      const r = await runDiff(["--base", basePath, "--head", file]);
      expect(r.status, r.out).toBe(c.breaking ? 1 : 0);
      if (c.breaking) {
        expect(r.out).toContain("BREAKING");
        expect(r.out).toContain("needs a new major info.version");
        if (c.by === "optic") expect(r.out).toMatch(/BREAKING: optic/);
        else if (c.by) expect(r.out).toContain(`[${c.by}]`);
      } else {
        expect(r.out).toContain("OK: no breaking change.");
      }
    }, SLOW);
  }

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
