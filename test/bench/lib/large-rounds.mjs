// Scenario 4 on GitHub's spec, run in rounds (test/bench/scenarios/pipeline.mjs): per job its
// median run, and per round the ratios the goals read. Pure functions of the rounds' results, so
// that test/unit/bench-rounds.test.ts can hold them.
import { stats } from "./measure.mjs";

/** Our row on GitHub's spec: the pipeline itself, lint to meta, all but writing the files (pipeline-steps.mjs pipeline). */
export const OURS_LARGE = "ours: the pipeline, lint to meta (pipeline-steps.mjs pipeline)";
/** The cold steps, a fresh process each (pipeline-steps.mjs cold-ot / cold-ours). */
export const OT_STEP = "openapi-typescript alone (cold process)";
export const OURS_STEP = "ours: types + validators (cold process)";
/** The peers the "≥ 2× faster" goal names. */
export const GOAL_PEERS = ["@hey-api/openapi-ts CLI", "orval CLI (fetch client)"];
/**
 * A goal peer's row run with the Node flags our generate script starts ours with (NODE_OPTIONS):
 * for reference, since they would speed the peer up too. The goal reads the peers as they ship.
 */
export const withOurFlags = (peer) => `${peer}, with our generate script's Node flags`;
export const STEP_RATIO = "ours ÷ openapi-typescript alone (cold steps)";

const finite = (x) => (Number.isFinite(x) ? x : undefined);

/** A job's time in ms in one run, undefined when it did not finish (failed, timed out, errors). */
export function largeTime(name, run) {
  if (!run) return undefined;
  if (name === OT_STEP) return finite(run.times?.["openapi-typescript alone"]);
  if (name === OURS_STEP) return finite(run.times?.["ours: types + validators (concurrent, as the pipeline runs them)"]);
  if (name === OURS_LARGE) return !run.error && !Object.keys(run.errors ?? {}).length ? finite(run.wall) : undefined;
  return finite(run.ms);
}

/**
 * A job's median run over the rounds (each round: { name: run }): of the runs that finished, the
 * middle one by time — of an even number, the lower middle; when none finished, the first run (its
 * error is what the table shows).
 */
export function medianRun(rounds, name) {
  const runs = rounds.map((round) => round[name]);
  const done = runs.filter((run) => largeTime(name, run) !== undefined).sort((a, b) => largeTime(name, a) - largeTime(name, b));
  return done.length ? done[Math.floor((done.length - 1) / 2)] : runs[0];
}

/**
 * The per-round ratios, as stats over the rounds where both sides finished (null when none did):
 * each goal peer's time ÷ ours ("ours is N× faster"), and our cold steps ÷ openapi-typescript's.
 */
export function largeRatios(rounds) {
  const over = (a, b) => rounds.map((round) => largeTime(a, round[a]) / largeTime(b, round[b])).filter(Number.isFinite);
  const st = (xs) => (xs.length ? stats(xs) : null);
  return {
    ...Object.fromEntries(GOAL_PEERS.flatMap((peer) => [peer, withOurFlags(peer)]).map((peer) => [`${peer} ÷ ours`, st(over(peer, OURS_LARGE))])),
    [STEP_RATIO]: st(over(OURS_STEP, OT_STEP)),
  };
}
