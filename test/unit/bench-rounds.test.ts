// Scenario 4 on GitHub's spec runs every tool in rounds (test/bench/lib/large-rounds.mjs): each
// table row is a tool's median run, and the "ours ×" figures — the goal's — are the medians of the
// per-round ratios, not the ratio of two medians taken at different times. And the report says so.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without declarations
import { largeRatios, largeTime, medianRun, OT_STEP, OURS_LARGE, OURS_STEP, STEP_RATIO, withOurFlags } from "../bench/lib/large-rounds.mjs";
// @ts-expect-error -- plain ESM without declarations
import { nearGoal, render } from "../bench/lib/report.mjs";

type Run = Record<string, unknown>;
const HEY = "@hey-api/openapi-ts CLI";
const ORVAL = "orval CLI (fetch client)";
const ours = (wall: number, validators = wall / 2): Run => ({ wall, times: { "ours: validators step": validators }, errors: {} });
const cli = (ms: number): Run => ({ ms });
const steps = (ot: number, mine: number) => ({
  [OT_STEP]: { wall: ot + 500, times: { "openapi-typescript alone": ot }, errors: {} },
  [OURS_STEP]: { wall: mine + 500, times: { "ours: types + validators (concurrent, as the pipeline runs them)": mine }, errors: {} },
});
// Three rounds: the machine slow in the first (every tool), ours the slowest of its runs in the second.
const rounds: Record<string, Run>[] = [
  { [OURS_LARGE]: ours(30_000), [HEY]: cli(60_000), [ORVAL]: cli(9_000), "openapi-typescript CLI": cli(6_000), ...steps(5_000, 16_000) },
  { [OURS_LARGE]: ours(32_000), [HEY]: cli(48_000), [ORVAL]: cli(8_000), "openapi-typescript CLI": cli(5_000), ...steps(4_000, 13_000) },
  { [OURS_LARGE]: ours(22_000), [HEY]: cli(46_000), [ORVAL]: cli(7_000), "openapi-typescript CLI": cli(5_000), ...steps(4_000, 12_000) },
];

describe("large-rounds: the median run", () => {
  it.each([
    ["ours: the middle wall time", OURS_LARGE, rounds, 30_000],
    ["a CLI: the middle time", HEY, rounds, 48_000],
    ["an even number: the lower middle", HEY, rounds.slice(0, 2), 48_000],
    ["a failed run is left out", HEY, [...rounds.slice(0, 2), { [HEY]: { failed: "exit 1" } }], 48_000],
    ["a run with step errors is not finished", OURS_LARGE, [rounds[0]!, { [OURS_LARGE]: { wall: 1, times: {}, errors: { "ours: validators step": "boom" } } }], 30_000],
  ] as const)("%s", (_name, job, given, want) => {
    expect(largeTime(job, medianRun(given, job))).toBe(want);
  });

  it("when no run finished, the first run (its error is what the table shows)", () => {
    const failed = [{ [HEY]: { timedOut: 300 } }, { [HEY]: { failed: "exit 1" } }];
    expect(medianRun(failed, HEY)).toEqual({ timedOut: 300 });
  });
});

describe("large-rounds: ratios per round", () => {
  it("each peer's time over ours in the same round, then the median", () => {
    const r = largeRatios(rounds);
    // per round 2.00, 1.50, 2.09: median 2.00 — the ratio of the medians (48 / 30) would be 1.60
    expect(r[`${HEY} ÷ ours`].median).toBeCloseTo(2, 6);
    expect(r[`${HEY} ÷ ours`].min).toBeCloseTo(1.5, 6);
    expect(r[`${HEY} ÷ ours`].max).toBeCloseTo(46 / 22, 6);
    expect(r[`${ORVAL} ÷ ours`].median).toBeCloseTo(0.3, 6);
    expect(r[STEP_RATIO].median).toBeCloseTo(3.2, 6); // 3.2, 3.25, 3.0
  });

  it("the reference rows (a goal peer with our Node flags) get their per-round ratios too", () => {
    const flagged = rounds.map((round, i) => ({ ...round, [withOurFlags(HEY)]: cli([45_000, 40_000, 44_000][i]!) }));
    const r = largeRatios(flagged);
    // per round 1.50, 1.25, 2.00: median 1.50
    expect(r[`${withOurFlags(HEY)} ÷ ours`]).toMatchObject({ median: 1.5, min: 1.25, max: 2, n: 3 });
    expect(r[`${HEY} ÷ ours`].median).toBeCloseTo(2, 6);
    expect(largeRatios(rounds)[`${withOurFlags(HEY)} ÷ ours`]).toBeNull(); // an older run without them
  });

  it("a round where either side did not finish counts for no ratio; none at all is null", () => {
    const partial = [rounds[0]!, { ...rounds[1]!, [HEY]: { timedOut: 300 } }, { ...rounds[2]!, [OURS_LARGE]: { error: "timed out" } }];
    expect(largeRatios(partial)[`${HEY} ÷ ours`]).toMatchObject({ median: 2, n: 1 });
    expect(largeRatios([{ [OURS_LARGE]: { error: "x" }, [HEY]: cli(1) }])[`${HEY} ÷ ours`]).toBeNull();
  });
});

describe("report: GitHub's spec in rounds", () => {
  const stat = (ns: number) => ({ median: ns, p25: ns, p75: ns, min: ns, max: ns, n: 1 });
  const tools = [OURS_LARGE, HEY, ORVAL, "openapi-typescript CLI"];
  const pipeline = (extra: Record<string, unknown>) => ({
    versions: {},
    specs: { ours: { bytes: 47_000 }, github: { file: "api.github.com.json", bytes: 13e6, bytes31: 13.2e6, paths: 811, as31: {} } },
    rounds: 5,
    small: { "node scripts/generate.mjs --force (cold)": stat(1.4e9), [HEY]: stat(1.4e9), [ORVAL]: stat(1.2e9), "openapi-typescript CLI": stat(0.9e9) },
    steps: {},
    failures: {},
    smallCold: { rounds: 5, processWall: {}, step: {} },
    largeSteps: { [OT_STEP]: medianRun(rounds, OT_STEP), [OURS_STEP]: medianRun(rounds, OURS_STEP) },
    largeRuns: Object.fromEntries(tools.map((t) => [t, medianRun(rounds, t)])),
    growth: [{ every: 2, label: "every 2nd path", bytes: 7e6, paths: 406, runs: { [OURS_LARGE]: ours(14_000), [HEY]: cli(9_000), [ORVAL]: cli(4_000), "openapi-typescript CLI": cli(3_000) } }],
    largeTimeoutS: 300,
    seconds: 1,
    ...extra,
  });
  const env = { date: "2026-11-28T00:00:00Z", machine: { cpu: "x", cores: 2, memoryGiB: 24, loadavg: [0, 0, 0], node: "v20", v8: "11", platform: "linux" }, quick: false, puffle: "1.0.0", commit: "abc", totalSeconds: 1 };
  /** The first line starting with `start` in the section under the heading starting with `heading`. */
  const line = (md: string, start: string, heading = "### GitHub's REST description") => {
    const lines = md.split("\n");
    const from = lines.findIndex((l) => l.startsWith(heading));
    const to = lines.findIndex((l, i) => i > from && l.startsWith("### "));
    return lines.slice(from, to === -1 ? undefined : to).find((l) => l.startsWith(start)) ?? "";
  };

  it("in rounds: median runs, the median per-round ratio with its range, the goal read from it", () => {
    const md: string = render(env, { pipeline: pipeline({ largeRounds: 3, largeRatios: largeRatios(rounds) }) });
    expect(md).toContain("### GitHub's REST description: median of 3 rounds");
    expect(md).toContain("the order reversed every other round");
    expect(line(md, `| ${HEY} |`)).toBe(`| ${HEY} | 48.00 s | 2.00× (1.50×–2.09×) ✅ |`);
    expect(line(md, `| ${ORVAL} |`)).toBe(`| ${ORVAL} | 8.00 s | 0.30× (0.25×–0.32×) ❌ |`);
    expect(line(md, `| ${OURS_LARGE} |`)).toMatch(/^\| .* \| 30\.00 s \(validators step 15\.0 s\) \| \|$/);
    expect(line(md, "| GitHub (median of 3 rounds, its 3.1 rendering) |", "### Cold steps")).toContain("3.20× ❌ (3.00×–3.25× over 3 rounds)");
    // The size table's whole-spec column: the same per-round median, not 48 / 30.
    expect(line(md, "| ours × @hey-api/openapi-ts |", "### Time against spec size")).toBe("| ours × @hey-api/openapi-ts | 1.00× | 0.64× | 2.00× | |");
    expect(md).toContain("on the whole spec, each tool's median run of 3 (above)");
  });

  it("a reference row with our Node flags: its ratio, no goal mark, and the flags named", () => {
    const flaggedName = withOurFlags(HEY);
    const flagged = rounds.map((round, i) => ({ ...round, [flaggedName]: cli([45_000, 40_000, 44_000][i]!) }));
    const md: string = render(env, { pipeline: pipeline({ largeRounds: 3, largeRatios: largeRatios(flagged), largeRuns: Object.fromEntries([...tools, flaggedName].map((t) => [t, medianRun(flagged, t)])), generateFlags: ["--max-semi-space-size=64", "--v8-pool-size=0"] }) });
    expect(line(md, `| ${flaggedName} |`)).toBe(`| ${flaggedName} | 44.00 s | 1.50× (1.25×–2.00×) |`);
    expect(line(md, `| ${HEY} |`)).toBe(`| ${HEY} | 48.00 s | 2.00× (1.50×–2.09×) ✅ |`);
    expect(md).toContain("set to the flags package.json's `generate` script starts ours with (`--max-semi-space-size=64` `--v8-pool-size=0`)");
    expect(render(env, { pipeline: pipeline({ largeRounds: 3, largeRatios: largeRatios(rounds) }) })).not.toContain("with our generate script's Node flags");
  });

  it("a run of one round (--quick, or an older last-run.json) reads as before", () => {
    const one = rounds.slice(0, 1);
    const md: string = render(env, { pipeline: pipeline({ largeRuns: Object.fromEntries(tools.map((t) => [t, medianRun(one, t)])) }) });
    expect(md).toContain("### GitHub's REST description: one run each");
    expect(line(md, `| ${HEY} |`)).toBe(`| ${HEY} | 60.00 s | 2.00× ✅ |`);
    expect(md).toContain("One run per tool and size.");
  });
});

describe("a goal line's ratio near its goal", () => {
  it.each([
    ["just under the goal: three decimals, so that the miss shows", 0.6966, 0.7, "0.697"],
    ["just over the goal", 0.7021, 0.7, "0.702"],
    ["on it", 0.7, 0.7, "0.700"],
    ["far under: two decimals", 0.66, 0.7, "0.66"],
    ["far over: two decimals", 0.75, 0.7, "0.75"],
  ])("%s", (_name, ratio, goal, shown) => {
    expect(nearGoal(ratio, goal)).toBe(shown);
  });
});
