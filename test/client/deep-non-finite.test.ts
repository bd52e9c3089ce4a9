// A NaN or Infinity as deep as JSON.stringify writes a body. The client's walk for them (JSON.stringify
// writes them as null, without an error) recursed, two frames a level with a try each: run cold (its
// code not yet optimised, as on a process's first deep body) it ran out of its own stack hundreds of
// levels before JSON.stringify does, passed what it could not read over, and the NaN went as null,
// where CHANGELOG says a NaN past level 1,000 is refused. This file runs alone, so the walk is cold.
import { expect, it, vi } from "vitest";
import { createPuffleClient, PuffleValidationError } from "../../src/index.js";
import type { UpdateThreadRequest } from "../../src/index.js";
import { rejection } from "../helpers.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

const nested = (levels: number, leaf: unknown): UpdateThreadRequest => {
  let body: unknown = leaf;
  for (let i = 0; i < levels; i++) body = { draft_subject: body };
  return body as UpdateThreadRequest;
};

it("a NaN nearly as deep as JSON.stringify can write is refused with the depth issue, nothing sent", async () => {
  // The deepest body JSON.stringify writes from here, less a margin for the client's own frames.
  let levels = 1000;
  for (;;) {
    try {
      JSON.stringify(nested(levels + 100, null));
    } catch {
      break;
    }
    levels += 100;
  }
  levels -= 300;
  expect(levels).toBeGreaterThan(1500);
  const fetch = vi.fn(async () => new Response(JSON.stringify({ thread: { id: THREAD_ID } }), { status: 200, headers: { "content-type": "application/json" } }));
  const client = createPuffleClient({ baseUrl: "http://127.0.0.1:9", apiKey: "k", fetch });
  for (const [name, send] of [
    ["method", () => client.updateThread(THREAD_ID, nested(levels, NaN))],
    ["PATCH", () => client.PATCH("/api/threads/{id}", { params: { path: { id: THREAD_ID } }, body: nested(levels, Infinity) })],
  ] as const) {
    const error = (await rejection(send())) as PuffleValidationError;
    expect(error, `${name}, ${levels} levels`).toBeInstanceOf(PuffleValidationError);
    expect(error.issues, name).toEqual([{ path: "/draft_subject", keyword: "type", message: "cannot be sent as JSON (nested more than 1000 levels deep; the body is level 1)" }]);
  }
  expect(fetch).not.toHaveBeenCalled();
});
