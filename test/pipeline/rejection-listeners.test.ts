// runPipeline listens for Redocly's unhandled "Self-referencing circular pointer" rejections while
// lint runs. A lint that failed otherwise (a YAML error) left its listeners installed, one pair per
// run: in a process that ran the pipeline twice (a test runner, a watcher), a later unhandled
// rejection of the caller's own then met two listeners, neither of which re-threw it (each saw
// another listener), and it was swallowed instead of ending the process.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without declarations
import { runPipeline } from "../../scripts/lib/pipeline.mjs";
import { removeWorkspace, workspace } from "./harness.js";

const SLOW = 120_000;
const ws = workspace();
afterAll(() => removeWorkspace(ws));

const counts = () => [process.listenerCount("unhandledRejection"), process.listenerCount("rejectionHandled")];

async function failing(spec: string): Promise<string> {
  const error = await (runPipeline({ spec, config: ws.config }) as Promise<unknown>).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe("the pipeline's rejection listeners", () => {
  it("a YAML error leaves none installed, run after run", async () => {
    const broken = ws.file("broken.yaml");
    fs.writeFileSync(broken, "openapi: 3.1.0\ninfo: [unclosed\n");
    const before = counts();
    for (let i = 0; i < 2; i++) await failing(broken);
    expect(counts()).toEqual(before);
  }, SLOW);

  it("a $ref cycle leaves one pair at most (its late repeats are expected), not one per run", async () => {
    fs.writeFileSync(ws.file("components/schemas/Uuid.yaml"), "$ref: Uuid.yaml\n");
    const before = counts();
    for (let i = 0; i < 2; i++) expect(await failing(ws.spec)).toMatch(/leads back to itself/);
    const after = counts();
    expect(after[0]! - before[0]!).toBeLessThanOrEqual(1);
    expect(after[1]! - before[1]!).toBeLessThanOrEqual(1);
  }, SLOW);
});
