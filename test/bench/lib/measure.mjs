// Timing helpers for `npm run bench`. Every figure is a median over rounds after warm-up rounds,
// with its spread; every comparison is a ratio taken inside a round (peers interleaved, the order
// rotated each round), then the median of those per-round ratios — so a burst of load from another
// process on this shared machine moves both sides of a ratio at once.
import os from "node:os";
import { performance } from "node:perf_hooks";

export let sink = 0;

// The timing loop, compiled afresh for each contender (as Benchmark.js and mitata do): V8 keeps
// type feedback per compiled function, so one loop shared by every contender makes its call of `fn`
// and its read of the verdict megamorphic — a cost no real call site pays, and a larger one for
// contenders returning result objects (`r.valid`, `r.success`) than for those returning a boolean.
// Each contender's own loop is monomorphic: `fn` can be inlined into it, as into a caller's code.
// The source differs per timer (a numbered comment): V8 caches what `new Function` compiles by its
// source, and functions made from one cached source share one feedback vector — every loop after
// the first would then be one shared, megamorphic loop again (seen with %DebugPrint: same
// SharedFunctionInfo, same FeedbackVector).
const LOOP_SOURCE = `
  const n = inputs.length;
  let calls = 0;
  let acc = 0;
  const start = now();
  let t = start;
  const stop = start + ms;
  do {
    for (let i = 0; i < 256; i++) {
      const r = fn(inputs[i % n]);
      acc += r === true || (r && r.valid) || (r && r.success) ? 1 : 0;
    }
    calls += 256;
    t = now();
  } while (t < stop);
  return [((t - start) * 1e6) / calls, acc];`;

let timers = 0;

/**
 * A timer for `fn` over `inputs` (called in turn) with a loop of its own: `timer(ms)` is the
 * nanoseconds per call over about `ms` milliseconds. The verdict (`true`, `.valid` or `.success`)
 * is read on every call, so no result is dead code.
 */
export function batchTimer(fn, inputs) {
  const loop = new Function("fn", "inputs", "ms", "now", `${LOOP_SOURCE}\n// timer ${++timers}`);
  const now = () => performance.now();
  return (ms) => {
    const [ns, acc] = loop(fn, inputs, ms, now);
    sink += acc;
    return ns;
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/** `{ median, p25, p75, min, max, n }` of a list of numbers. */
export function stats(xs) {
  return { median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/**
 * Runs every contender of `contenders` ({ name: () => number }, each returning a time) once per round,
 * rotating the order, `warmup` rounds discarded. Returns per contender the time stats, and per pair
 * (each contender against `base`) the stats of the per-round ratios time(other)/time(base): a value
 * above 1 means `base` is faster.
 */
/** The order of round `r`: rotated by one each round, reversed every other round. */
function roundOrder(names, r) {
  const order = names.map((_, i) => names[(i + r) % names.length]);
  if (r % 2) order.reverse();
  return order;
}

/** Each contender's time statistics, and its per-round ratio to `base`. */
function summarize(names, times, base) {
  const out = {};
  for (const name of names) {
    out[name] = { time: stats(times[name]) };
    if (base && name !== base) out[name].ratio = stats(times[name].map((t, i) => t / times[base][i]));
  }
  return out;
}

export function interleave(contenders, { rounds, warmup, base }) {
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds + warmup; r++) {
    const order = roundOrder(names, r);
    const round = {};
    for (const name of order) round[name] = contenders[name]();
    if (r >= warmup) for (const name of names) times[name].push(round[name]);
  }
  return summarize(names, times, base);
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadavg: os.loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

export const fmt = {
  ns: (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} ms` : x >= 1e3 ? `${(x / 1e3).toFixed(2)} µs` : `${x.toFixed(0)} ns`),
  ratio: (x) => `${x.toFixed(2)}×`,
  spread: (s, f) => `${f(s.p25)}–${f(s.p75)}`,
};

/** Nanoseconds per awaited call of `fn()`, calls one after the other, over about `ms` milliseconds. */
export async function timeAsyncBatch(fn, ms) {
  let calls = 0;
  const start = performance.now();
  let now = start;
  const stop = start + ms;
  do {
    for (let i = 0; i < 32; i++) {
      const r = await fn();
      if (r) sink++;
    }
    calls += 32;
    now = performance.now();
  } while (now < stop);
  return ((now - start) * 1e6) / calls;
}

/** As `interleave`, for contenders that return a promise of a time. */
export async function interleaveAsync(contenders, { rounds, warmup, base }) {
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds + warmup; r++) {
    const order = roundOrder(names, r);
    const round = {};
    for (const name of order) round[name] = await contenders[name]();
    if (r >= warmup) for (const name of names) times[name].push(round[name]);
  }
  return summarize(names, times, base);
}
