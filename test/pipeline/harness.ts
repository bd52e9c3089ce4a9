// Runs scripts/generate.mjs the way a release job would, on a throw-away copy of openapi/ and
// redocly.yaml, into a throw-away copy of generated/, and takes byte-for-byte snapshots.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../property/spec.js";

export interface Workspace {
  dir: string;
  spec: string;
  config: string;
  out: string;
  /** Path of a file inside the spec copy, e.g. `components/schemas/Uuid.yaml`. */
  file(relative: string): string;
  edit(relative: string, change: (text: string) => string): void;
}

export function workspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-pipeline-"));
  fs.cpSync(path.join(repoRoot, "openapi"), path.join(dir, "openapi"), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, "redocly.yaml"), path.join(dir, "redocly.yaml"));
  // The Redocly plugin redocly.yaml lists, at the same place relative to it, with the modules it imports.
  fs.cpSync(path.join(repoRoot, "scripts/lib"), path.join(dir, "scripts/lib"), { recursive: true });
  fs.mkdirSync(path.join(dir, "out"));
  fs.cpSync(path.join(repoRoot, "generated"), path.join(dir, "out", "generated"), { recursive: true });
  const file = (relative: string) => path.join(dir, "openapi", relative);
  return {
    dir,
    spec: path.join(dir, "openapi", "openapi.yaml"),
    config: path.join(dir, "redocly.yaml"),
    out: path.join(dir, "out", "generated"),
    file,
    edit(relative, change) {
      const before = fs.readFileSync(file(relative), "utf8");
      const after = change(before);
      if (after === before) throw new Error(`edit of ${relative} changed nothing`);
      fs.writeFileSync(file(relative), after);
    },
  };
}

export function removeWorkspace(ws: Workspace): void {
  fs.rmSync(ws.dir, { recursive: true, force: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function generate(ws: Workspace, { out = ws.out, env = {} }: { out?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [path.join(repoRoot, "scripts/generate.mjs"), "--spec", ws.spec, "--config", ws.config, "--out", out], {
    cwd: ws.dir,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` (relative path → bytes), plus the names next to it (to catch leftovers). */
export function snapshot(dir: string): { files: Map<string, Buffer>; siblings: string[] } {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { files, siblings: fs.readdirSync(path.dirname(dir)).sort() };
}

/** The names of files whose bytes differ between two snapshots (missing or extra included). */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i + 1;
}
