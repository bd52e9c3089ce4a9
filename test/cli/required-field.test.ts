// A request field the spec makes required (openapi/README.md, "making a request field required"):
// `npm run generate` carries it into meta.js (`requiredFields`), the CLI's --help marks its option
// "(required)", and a call without it is refused with one line naming the option, before the body's
// validator (which would say "nothing to update" for a call without any field, or name a required
// field only among its other issues). Before, meta.js had no `required`, so none of this could be
// seen. Runs the generator on a throw-away copy of the spec (test/pipeline/harness.ts) and the CLI
// in-process with that copy's meta.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { operations as realMeta } from "../../generated/meta.js";
import type { MetaOperations } from "../../src/cli/options.js";
import { EXIT, runCli } from "../../src/cli/program.js";
import type { CliDeps, SendRequest } from "../../src/cli/program.js";
import { generate, removeWorkspace, workspace } from "../pipeline/harness.js";
import type { Workspace } from "../pipeline/harness.js";

const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

/** Generous: a pipeline run on a loaded 2-core machine. Not a timing assertion. */
const SLOW = 180_000;

async function run(argv: string[], deps: CliDeps) {
  let stdout = "";
  let stderr = "";
  const send = vi.fn(async (request: SendRequest) => ({ sent: request.body }));
  const code = await runCli(argv, { env: { PUFFLE_API_KEY: "k" }, send, ...deps, io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) } });
  return { code, stdout, stderr, send };
}

let ws: Workspace | undefined;
let meta: MetaOperations;

beforeAll(async () => {
  ws = workspace();
  // As openapi/README.md describes the edit (and test/pipeline/spec-edit-typecheck.test.ts makes it):
  // updateConversation's status required, and its markRead example (unread_count alone), which lint
  // would then refuse, dropped.
  ws.edit("components/schemas/UpdateConversationRequest.yaml", (t) => t.replace("minProperties: 1\n", "minProperties: 1\nrequired:\n  - status\n"));
  ws.edit("paths/api_conversations_{id}.yaml", (t) => t.replace("          markRead:\n            $ref: ../components/examples/MarkReadRequest.yaml\n", ""));
  const r = generate(ws);
  if (r.status !== 0) throw new Error(`generate failed: ${r.stdout}${r.stderr}`);
  const generated = (await import(pathToFileURL(path.join(ws.out, "meta.js")).href)) as { operations: MetaOperations };
  meta = generated.operations;
}, SLOW);

afterAll(() => {
  if (ws) removeWorkspace(ws);
});

describe("a request field made required in the spec", () => {
  it("is listed in the generated meta's requiredFields of its operation only", () => {
    expect(meta.updateConversation?.requiredFields).toEqual(["status"]);
    expect(meta.updateThread).not.toHaveProperty("requiredFields");
    expect(fs.readFileSync(path.join(ws!.out, "meta.d.ts"), "utf8")).toContain('readonly "requiredFields": readonly [\n      "status"\n    ];');
  });

  it("is marked (required) in the command's --help, and no other option is", async () => {
    const { code, stdout } = await run(["conversation", "update", "--help"], { meta });
    expect(code).toBe(EXIT.ok);
    const help = stdout.replace(/\s+/g, " ");
    expect(help).toContain("--status <value> (required) Archive or un-archive the thread.");
    expect(help).toContain("--unread-count <n> Override the unread counter directly.");
    expect(help.match(/\(required\) /g)).toHaveLength(1);
    const thread = await run(["thread", "update", "--help"], { meta });
    expect(thread.stdout).not.toContain("(required)");
  });

  it.each([
    ["with another field", ["--unread-count", "3"]],
    ["with no field at all", []],
    ["in a dry run", ["--unread-count", "3", "--dry-run"]],
  ])("a call without it is refused with one line naming the option (%s), before the body's validator", async (_name, fields) => {
    const validateBody = vi.fn((_op: string, body: unknown) => ({ valid: true as const, value: body }));
    const { code, stdout, stderr, send } = await run(["conversation", "update", "--id", CONVERSATION_ID, ...fields], { meta, validateBody });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe("puffle error: --status (status) is required\n");
    expect(stdout).toBe("");
    expect(send).not.toHaveBeenCalled();
    expect(validateBody).not.toHaveBeenCalled();
  });

  it("a call with it is sent as before", async () => {
    const { code, send } = await run(["conversation", "update", "--id", CONVERSATION_ID, "--status", "archived"], { meta });
    expect(code).toBe(EXIT.ok);
    expect(send.mock.calls[0]?.[0]).toMatchObject({ operationId: "updateConversation", body: { status: "archived" } });
  });
});

describe("a nullable field made required (meta edited as the generator writes it)", () => {
  const withAccount: MetaOperations = { ...realMeta, updateThread: { ...realMeta.updateThread, requiredFields: ["account_id"] } };

  it("is satisfied by its --clear-… flag, and a call with neither names both", async () => {
    const cleared = await run(["thread", "update", "--id", THREAD_ID, "--clear-account-id"], { meta: withAccount });
    expect(cleared.code).toBe(EXIT.ok);
    expect(cleared.send.mock.calls[0]?.[0]).toMatchObject({ body: { account_id: null } });
    const missing = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { meta: withAccount });
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toBe("puffle error: --account-id (account_id) is required (or --clear-account-id to send null)\n");
  });
});

describe("the spec as it is", () => {
  it("makes no request field required: meta.js has no requiredFields, and --help marks nothing", async () => {
    for (const operation of Object.values(realMeta)) expect(operation).not.toHaveProperty("requiredFields");
    for (const noun of ["conversation", "thread"]) expect((await run([noun, "update", "--help"], {})).stdout).not.toContain("(required)");
  });
});
