// Other generators read the bundled spec with no error and no warning, as a user would run them
// (their CLIs, default settings; orval is asked for its fetch client so the output needs no
// axios), and the code they generate typechecks under strict TypeScript together with a small
// consumer file that calls both operations and misspells a field (which must not compile).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../scratch.js";

const root = path.resolve(import.meta.dirname, "../..");
const specPath = path.join(root, "generated/openapi.json");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const dir = scratchDir("puffle-interop-");
// The tools' own temporary files (orval's config loader, jiti, caches its transpiled config in
// $TMPDIR/jiti) go under `dir` too, and are removed with it: nothing is left in the machine's /tmp.
// Not `dir` itself: jiti ignores a TMPDIR that is its working directory.
const toolTmp = path.join(dir, "tmp");
mkdirSync(toolTmp);

function run(cmd: string, args: string[], cwd = dir) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true", TMPDIR: toolTmp }, timeout: 170_000 });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** Lines a tool prints that are warnings or errors (✅/🎉 success lines are not). */
function complaints(out: string): string[] {
  return out.split("\n").filter((l) => /warn|error|⚠|✖|❌|invalid|deprecat|unsupported|not supported/i.test(l));
}

function typecheck(project: string, files: string[]) {
  writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, lib: ["ES2023", "DOM", "DOM.Iterable"], types: [] },
      include: files,
    }),
  );
  return run(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(project, "tsconfig.json")], project);
}

describe("@hey-api/openapi-ts", () => {
  it("generates a fetch client from the bundled spec with no warning, and it typechecks with a consumer", () => {
    const project = path.join(dir, "hey-api");
    const gen = run(bin("openapi-ts"), ["-i", specPath, "-o", path.join(project, "client"), "-c", "@hey-api/client-fetch"]);
    expect(gen.status, gen.out).toBe(0);
    expect(gen.out).toMatch(/Done!/);
    expect(complaints(gen.out)).toEqual([]);
    writeFileSync(
      path.join(project, "consumer.ts"),
      `import { updateConversation, updateThread } from "./client/sdk.gen.js";
import type { Conversation, Thread } from "./client/types.gen.js";
export async function demo(): Promise<[Conversation | undefined, Thread | undefined]> {
  const c = await updateConversation({ path: { id: "f11e8a2c-1234-4567-89ab-cdef01234567" }, body: { status: "archived", unread_count: 0 } });
  const t = await updateThread({ path: { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337" }, body: { account_id: null, draft_subject: "Hi" } });
  // @ts-expect-error a misspelled field is not part of UpdateConversationRequest
  await updateConversation({ path: { id: "x" }, body: { unread_cont: 1 } });
  // @ts-expect-error "deleted" is not a status the request accepts
  await updateThread({ path: { id: "x" }, body: { status: "deleted" } });
  return [c.data?.conversation, t.data?.thread];
}
`,
    );
    const tsc = typecheck(project, ["client/**/*.ts", "consumer.ts"]);
    expect(tsc.out).toBe("");
    expect(tsc.status).toBe(0);
  });
});

describe("orval", () => {
  it("generates a fetch client from the bundled spec with no warning, and it typechecks with a consumer", () => {
    const project = path.join(dir, "orval");
    const gen = run(bin("orval"), ["--input", specPath, "--output", path.join(project, "api.ts"), "--client", "fetch"]);
    expect(gen.status, gen.out).toBe(0);
    expect(gen.out).toMatch(/converted into ready to use orval/);
    expect(complaints(gen.out)).toEqual([]);
    writeFileSync(
      path.join(project, "consumer.ts"),
      `import { updateConversation, updateThread } from "./api.js";
import type { Conversation, Thread } from "./api.js";
export async function demo(): Promise<unknown[]> {
  const c = await updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived", unread_count: 0 });
  const t = await updateThread("3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", { account_id: null, draft_subject: "Hi" });
  // @ts-expect-error a misspelled field is not part of UpdateConversationRequest
  await updateConversation("x", { unread_cont: 1 });
  // @ts-expect-error "deleted" is not a status the request accepts
  await updateThread("x", { status: "deleted" });
  const conversation: Conversation | undefined = c.status === 200 ? c.data.conversation : undefined;
  const thread: Thread | undefined = t.status === 200 ? t.data.thread : undefined;
  return [conversation, thread];
}
`,
    );
    const tsc = typecheck(project, ["api.ts", "consumer.ts"]);
    expect(tsc.out).toBe("");
    expect(tsc.status).toBe(0);
  });
});
