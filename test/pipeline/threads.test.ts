// The pipeline's two threads (scripts/lib/pipeline.mjs typesStep, scripts/lib/types-worker.mjs):
// the types on the worker, and openapi.yaml on whichever thread claims it first (a shared Int32) —
// the worker once its types are done, else the main thread once it is done with meta. Either way the same bytes as the
// committed generated/ files. And runPipeline's lintProblems option, which the benchmark uses to
// run the whole pipeline on a spec our lint rules would stop.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without declarations
import { NOTICE, runPipeline, typesStep } from "../../scripts/lib/pipeline.mjs";
import { repoRoot } from "../property/spec.js";
import { removeWorkspace, workspace } from "./harness.js";

const SLOW = 120_000;
const committed = (name: string) => fs.readFileSync(path.join(repoRoot, "generated", name), "utf8");
const doc = JSON.parse(committed("openapi.json"));

interface Step {
  build(doc: unknown): Promise<{ text: string; ms: number }>;
  yaml(doc: unknown): Promise<{ text: string; ms: number; thread: "worker" | "main" }>;
  stop(): void;
}

const threadsBefore = process.env.PUFFLE_GENERATE_THREADS;
afterEach(() => {
  if (threadsBefore === undefined) delete process.env.PUFFLE_GENERATE_THREADS;
  else process.env.PUFFLE_GENERATE_THREADS = threadsBefore;
});

describe("openapi.yaml on the thread free first", () => {
  it.each([
    // yaml(doc) after the types are back: the worker claimed the YAML right after posting them.
    ["the worker's types done first: the worker writes it", { threads: undefined, typesFirst: true, want: "worker" }],
    // yaml(doc) before the document was even sent: this thread claims it first.
    ["this thread done first: it writes it here", { threads: undefined, typesFirst: false, want: "main" }],
    ["PUFFLE_GENERATE_THREADS=0: everything here", { threads: "0", typesFirst: true, want: "main" }],
  ] as const)("%s, the committed bytes either way", async (_name, { threads, typesFirst, want }) => {
    if (threads === undefined) delete process.env.PUFFLE_GENERATE_THREADS;
    else process.env.PUFFLE_GENERATE_THREADS = threads;
    const step: Step = typesStep();
    try {
      let types;
      let yaml;
      if (typesFirst) {
        types = await step.build(doc);
        yaml = await step.yaml(doc);
      } else {
        yaml = await step.yaml(doc);
        types = await step.build(doc);
      }
      expect(yaml.thread).toBe(want);
      expect(yaml.text).toBe(committed("openapi.yaml"));
      expect(types.text).toBe(committed("schema.d.ts"));
      expect(yaml.ms).toBeGreaterThanOrEqual(0);
    } finally {
      step.stop();
    }
  }, SLOW);
});

describe("the worker writes openapi.yaml only when it claims it", () => {
  /** Every message the worker posts for one document, until it exits (its one listener is gone then). */
  const messagesOf = (yamlClaim: Int32Array) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const worker = new Worker(new URL("../../scripts/lib/types-worker.mjs", import.meta.url));
      const messages: Record<string, unknown>[] = [];
      worker.on("message", (m: Record<string, unknown>) => messages.push(m));
      worker.once("error", reject);
      worker.once("exit", () => resolve(messages.filter((m) => !m.ready)));
      worker.postMessage({ doc, notice: NOTICE, yamlClaim });
    });

  it.each([
    ["unclaimed: it claims it and writes it", { claim: 0, want: 1, yaml: true }],
    ["claimed by the main thread: types only", { claim: 2, want: 2, yaml: false }],
  ] as const)("%s", async (_name, { claim, want, yaml }) => {
    const yamlClaim = new Int32Array(new SharedArrayBuffer(4));
    yamlClaim[0] = claim;
    const messages = await messagesOf(yamlClaim);
    expect(messages[0]?.text).toBe(committed("schema.d.ts"));
    expect(messages.filter((m) => "yaml" in m).map((m) => (m.yaml as { text: string }).text)).toEqual(yaml ? [committed("openapi.yaml")] : []);
    expect(yamlClaim[0]).toBe(want);
  }, SLOW);
});

describe("runPipeline's lintProblems", () => {
  const withLintProblem = () => {
    const ws = workspace();
    ws.edit("openapi.yaml", (t) => t.replace("  contact:\n    name: Puffle\n    url: https://app.puffle.ai\n", ""));
    return ws;
  };

  it("fails on lint's first problem by default, naming the file, line and rule", async () => {
    const ws = withLintProblem();
    try {
      await expect(runPipeline({ spec: ws.spec, config: ws.config })).rejects.toMatchObject({ name: "PipelineError", rule: "info-contact", file: ws.spec, line: 2 });
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it('"count" logs how many and goes on to every file', async () => {
    const ws = withLintProblem();
    try {
      const lines: string[] = [];
      const files: Map<string, string> = await runPipeline({ spec: ws.spec, config: ws.config, lintProblems: "count", log: (line: string) => lines.push(line) });
      expect(lines).toContain('  lint: 1 problem counted, not failed on (lintProblems: "count")');
      for (const step of ["lint", "bundle", "types", "yaml", "validators", "meta"]) expect(lines.some((l) => new RegExp(`^✔ ${step} +\\d+ ms$`).test(l)), step).toBe(true);
      expect([...files.keys()]).toEqual([...fs.readdirSync(path.join(repoRoot, "generated"))].sort());
      // The same output but for the contact the edit removed.
      expect(files.get("validators.js")).toBe(committed("validators.js"));
      expect(files.get("openapi.yaml")).toBe(committed("openapi.yaml").replace("  contact:\n    name: Puffle\n    url: https://app.puffle.ai\n", ""));
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it("any other value is refused, naming the option", async () => {
    await expect(runPipeline({ spec: "openapi/openapi.yaml", config: "redocly.yaml", lintProblems: "warn" })).rejects.toThrow('runPipeline: lintProblems must be "fail" or "count", not "warn"');
  });
});
