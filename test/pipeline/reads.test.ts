// The pipeline reads each spec file once: lint and bundle share one resolver, so the bundle step
// reuses the files lint read and parsed (on GitHub's 12 MiB spec that halves the bundle step). The
// bundle stays the same bytes: the files it returns are those committed in generated/.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
// @ts-expect-error -- plain ESM without declarations
import { runPipeline } from "../../scripts/lib/pipeline.mjs";
import { repoRoot } from "../property/spec.js";

const SLOW = 120_000;
const specDir = path.join(repoRoot, "openapi");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the pipeline reads each spec file once", () => {
  it("lint and bundle share what was read, and the bundle is unchanged", async () => {
    const reads = new Map<string, number>();
    const readFile = fs.promises.readFile.bind(fs.promises);
    vi.spyOn(fs.promises, "readFile").mockImplementation(((file: fs.PathLike | fs.promises.FileHandle, ...rest: unknown[]) => {
      const name = String(file);
      if (name.startsWith(specDir + path.sep)) {
        const key = path.relative(specDir, name);
        reads.set(key, (reads.get(key) ?? 0) + 1);
      }
      return (readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest);
    }) as typeof fs.promises.readFile);

    const files: Map<string, string> = await runPipeline({
      spec: path.join(specDir, "openapi.yaml"),
      config: path.join(repoRoot, "redocly.yaml"),
    });

    // The root and every file it references (paths, components, examples) were read.
    expect(reads.get("openapi.yaml")).toBe(1);
    expect([...reads.keys()].filter((f) => f.startsWith(`components${path.sep}`)).length).toBeGreaterThan(10);
    const readTwice = [...reads].filter(([, n]) => n !== 1).map(([f, n]) => `${f}: ${n} reads`);
    expect(readTwice).toEqual([]);
    for (const name of ["openapi.json", "openapi.yaml"]) {
      expect(files.get(name), name).toBe(fs.readFileSync(path.join(repoRoot, "generated", name), "utf8"));
    }
  }, SLOW);
});
