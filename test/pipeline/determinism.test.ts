// The pipeline is deterministic: two runs on the same spec write identical bytes, and so does a run
// on an equivalent spec whose YAML source files list every mapping's keys in a different order
// (but for example data and the names of named examples, which the bundle keeps as authored).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isMap, isSeq, parseDocument, type Node } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { flushCounts, tally } from "../reliability/counts.js";
import { differences, generate, removeWorkspace, snapshot, workspace } from "./harness.js";
import { seededRandom } from "../helpers.js";
import { repoRoot } from "../property/spec.js";

afterAll(() => flushCounts(import.meta.url));

/** Generous: two pipeline runs on a loaded 2-core machine. Not a timing assertion. */
const SLOW = 240_000;


/**
 * Shuffles the keys of every YAML mapping (sequences keep their order: it carries meaning), except
 * where the authored order is kept in the bundle (scripts/lib/canonical.mjs): example data (an
 * Example Object's `value`, an `example`, the items of a schema's `examples`) is left as it is, and
 * a named `examples` map keeps the order of its names (each Example Object in it is shuffled).
 */
function shuffleKeys(node: unknown, random: () => number, key?: string): void {
  if (key === "value" || key === "example") return;
  if (isMap(node)) {
    const items = node.items;
    if (key !== "examples") {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
    }
    const inMap = key === "examples";
    for (const pair of items) shuffleKeys(pair.value as Node, random, inMap ? undefined : String((pair.key as { value?: unknown })?.value ?? pair.key));
  } else if (isSeq(node)) {
    if (key === "examples") return;
    for (const item of node.items) shuffleKeys(item, random);
  }
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml")).map((f) => path.join(dir, f));
}

describe("the pipeline is deterministic", () => {
  it("two runs on the same spec write identical bytes", () => {
    const ws = workspace();
    try {
      const second = path.join(ws.dir, "out", "second");
      const a = generate(ws);
      const b = generate(ws, { out: second });
      tally("pipeline: deterministic output", "runs", 2);
      expect(a.status, a.stderr).toBe(0);
      expect(b.status, b.stderr).toBe(0);
      const first = snapshot(ws.out).files;
      expect(first.size).toBeGreaterThan(5);
      expect(differences(first, snapshot(second).files)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it("the types step on its worker thread writes the same bytes as in the main thread (PUFFLE_GENERATE_THREADS=0)", () => {
    const ws = workspace();
    try {
      const serial = path.join(ws.dir, "out", "serial");
      const a = generate(ws);
      const b = generate(ws, { out: serial, env: { PUFFLE_GENERATE_THREADS: "0" } });
      tally("pipeline: deterministic output", "runs", 2);
      expect(a.status, a.stderr).toBe(0);
      expect(b.status, b.stderr).toBe(0);
      for (const run of [a, b]) for (const step of ["lint", "bundle", "types", "yaml", "validators", "meta"]) expect(run.stdout).toMatch(new RegExp(`^✔ ${step} +\\d+ ms$`, "m"));
      expect(differences(snapshot(ws.out).files, snapshot(serial).files)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  // Nothing in the pipeline reads the machine's time zone or locale (keys are sorted by code unit,
  // never by localeCompare; no dates, no toLocaleString). Node's ICU takes its default locale from
  // LC_ALL/LANG even where the OS has no such locale installed. Hawaiian collation puts vowels
  // first and Welsh "th" after every other "t" (sorting the bundle's keys with localeCompare changes
  // 7 and 5 of the files there, none under en-US); Turkish writes 1234.5 as "1.234,5"; the zones
  // are off UTC by +12:45/+13:45, -3:30/-2:30 and +5:45.
  it.each([
    { TZ: "Pacific/Chatham", locale: "haw_US.UTF-8", collator: "haw" },
    { TZ: "America/St_Johns", locale: "cy_GB.UTF-8", collator: "cy" },
    { TZ: "Asia/Kathmandu", locale: "tr_TR.UTF-8", collator: "tr" },
  ])("writes the committed generated/ byte for byte under TZ=$TZ LC_ALL=$locale", ({ TZ, locale, collator }) => {
    const ws = workspace();
    try {
      const env = { TZ, LC_ALL: locale, LANG: locale, LANGUAGE: "" };
      // The child really runs in that zone and locale (else this test would prove nothing).
      const probe = spawnSync(process.execPath, ["-e", "process.stdout.write(JSON.stringify([new Intl.Collator().resolvedOptions().locale, new Date(0).getTimezoneOffset()]))"], {
        env: { ...process.env, ...env },
        encoding: "utf8",
      });
      const [seen, offset] = JSON.parse(probe.stdout) as [string, number];
      expect(seen.split("-")[0]).toBe(collator);
      expect(offset).not.toBe(0);
      const fresh = path.join(ws.dir, "out", "fresh");
      const run = generate(ws, { out: fresh, env });
      tally("pipeline: deterministic output", "runs", 1);
      expect(run.status, run.stderr).toBe(0);
      const committed = snapshot(path.join(repoRoot, "generated")).files;
      expect(committed.size).toBeGreaterThan(5);
      expect(differences(committed, snapshot(fresh).files)).toEqual([]);
    } finally {
      removeWorkspace(ws);
    }
  }, SLOW);

  it("a spec with every mapping's keys reordered writes identical bytes", () => {
    const seed = Number(process.env.PUFFLE_SHUFFLE_SEED ?? Date.now() % 2 ** 31);
    const plain = workspace();
    const shuffled = workspace();
    try {
      const random = seededRandom(seed);
      let changed = 0;
      for (const file of yamlFiles(path.join(shuffled.dir, "openapi"))) {
        const before = fs.readFileSync(file, "utf8");
        const docu = parseDocument(before);
        shuffleKeys(docu.contents, random);
        const after = docu.toString({ lineWidth: 0 });
        if (after !== before) changed++;
        fs.writeFileSync(file, after);
      }
      expect(changed, `seed ${seed}`).toBeGreaterThan(10);
      const a = generate(plain);
      const b = generate(shuffled);
      tally("pipeline: deterministic output", "runs", 2);
      tally("pipeline: deterministic output", "YAML files reordered", changed);
      expect(a.status, a.stderr).toBe(0);
      expect(b.status, `seed ${seed}: ${b.stderr}`).toBe(0);
      expect(differences(snapshot(plain.out).files, snapshot(shuffled.out).files), `PUFFLE_SHUFFLE_SEED=${seed}`).toEqual([]);
    } finally {
      removeWorkspace(plain);
      removeWorkspace(shuffled);
    }
  }, SLOW);
});
