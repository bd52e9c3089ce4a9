// The `puffle` commands come from meta.js's operations, but its default send has a case for the two
// updates only. Here meta.js's operations with a third one (a GET beside the PATCH on
// /api/threads/{id}, as `npm run generate` writes it for a spec with `getThread`; one with a
// request field too), and one whose command would be `mock`: the CLI starts, `--help` lists it, and
// its command refuses at once with one line, exit 2, nothing sent.
import { describe, expect, it, vi } from "vitest";
import { operations } from "../../generated/meta.js";
import { DEFAULT_SEND_OPERATIONS, EXIT, runCli } from "../../src/cli/program.js";
import type { CliDeps } from "../../src/cli/program.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const getThread = {
  method: "GET",
  path: "/api/threads/{id}",
  summary: "Get Thread",
  pathParameters: { id: { example: THREAD_ID } },
  requestFields: {},
  behaviour: operations.updateThread.behaviour,
};
/** A third operation that takes a field: it went through --id and the body's checks, then `--dry-run` printed it, exit 0. */
const archiveThread = { ...getThread, method: "POST", path: "/api/threads/{id}/archive", summary: "Archive Thread", requestFields: { reason: { type: "string", description: "Why." } } };
const META = { ...operations, getThread, archiveThread };

async function run(argv: string[], deps: CliDeps = {}) {
  let stdout = "";
  let stderr = "";
  const fetch = vi.spyOn(globalThis, "fetch");
  try {
    const code = await runCli(argv, { meta: META, env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: "http://127.0.0.1:9" }, ...deps, io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) } });
    return { code, stdout, stderr, fetched: fetch.mock.calls.length };
  } finally {
    fetch.mockRestore();
  }
}

describe("puffle with a third operation in meta", () => {
  it("the default send's operations are the two updates", () => {
    expect([...DEFAULT_SEND_OPERATIONS]).toEqual(["updateConversation", "updateThread"]);
  });

  it("starts; --help lists the command, saying it is not supported", async () => {
    const top = await run(["--help"]);
    expect(top.code).toBe(EXIT.ok);
    const help = await run(["thread", "--help"]);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout.replace(/\s+/g, " ")).toContain("get Get Thread: getThread (GET /api/threads/{id}) is not supported by this version of puffle");
    const own = await run(["thread", "get", "--help"]);
    expect(own.code).toBe(EXIT.ok);
    expect(own.stdout.replace(/\s+/g, " ")).toContain("Get Thread: getThread (GET /api/threads/{id}) is not supported by this version of puffle: it sends updateConversation and updateThread only.");
  });

  it.each([
    ["thread get --id", ["thread", "get", "--id", THREAD_ID], "thread get: getThread (GET /api/threads/{id})"],
    ["thread get (nothing)", ["thread", "get"], "thread get: getThread (GET /api/threads/{id})"],
    ["thread get --dry-run", ["thread", "get", "--id", THREAD_ID, "--dry-run"], "thread get: getThread (GET /api/threads/{id})"],
    ["thread archive --reason x --dry-run", ["thread", "archive", "--id", THREAD_ID, "--reason", "x", "--dry-run"], "thread archive: archiveThread (POST /api/threads/{id}/archive)"],
    ["thread archive --reason x", ["thread", "archive", "--id", THREAD_ID, "--reason", "x"], "thread archive: archiveThread (POST /api/threads/{id}/archive)"],
  ])("%s: one line, exit 2, nothing sent", async (_name, argv, start) => {
    const r = await run(argv);
    // Was, for getThread: `nothing to update: give at least one of ` (an empty list), its --help
    // saying "Give --id and at least one field". An operation with a field went on to --id's and the
    // body's checks (here the validators, which do not know it, refuse --id; with generated ones a
    // dry run printed a request puffle cannot send, exit 0, and a real call ended in "… is not
    // supported by this client" after PUFFLE_API_KEY was checked).
    expect(r).toEqual({
      code: EXIT.usage,
      stdout: "",
      stderr: `puffle error: ${start} is not supported by this version of puffle: it sends updateConversation and updateThread only; nothing was sent\n`,
      fetched: 0,
    });
  });

  it("the two updates still run (a dry run)", async () => {
    const r = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived", "--dry-run"]);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.stdout)).toEqual({ method: "PATCH", url: `http://127.0.0.1:9/api/threads/${THREAD_ID}`, body: { status: "archived" } });
  });

  it("with a send of the caller's, which may send it, the command is the full one", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const r = await run(["thread", "archive", "--help"], { send });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain("--id <uuid>");
    expect(r.stdout).toContain("--reason <text>");
    expect(r.stdout).not.toContain("not supported");
  });

  it("an operation whose command is `mock` is one line, exit 1, not a throw", async () => {
    const r = await run(["--help"], { meta: { ...operations, mock: getThread } });
    expect(r.code).toBe(EXIT.internal);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("puffle error: internal error: the commands cannot be built from the spec: cannot add command 'mock' as already have command 'mock'\n");
  });
});
