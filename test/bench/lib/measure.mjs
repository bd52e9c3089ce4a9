// Timing helpers for `npm run bench`. Every figure is a median over rounds after warm-up rounds,
// with its spread; every comparison is a ratio taken inside a round (peers interleaved, the order
// rotated each round), then the median of those per-round ratios — so a burst of load from another
// process on this shared machine moves both sides of a ratio at once.
import os from "node:os";
import { performance } from "node:perf_hooks";

export let sink = 0;

/** Nanoseconds per call of `fn(input)`, over about `ms` milliseconds. */
export function timeBatch(fn, inputs, ms) {
  const n = inputs.length;
  let calls = 0;
  let acc = 0;
  const start = performance.now();
  let now = start;
  const stop = start + ms;
  do {
    for (let i = 0; i < 256; i++) {
      const r = fn(inputs[i % n]);
      acc += r === true || (r && r.valid) || (r && r.success) ? 1 : 0;
    }
    calls += 256;
    now = performance.now();
  } while (now < stop);
  sink += acc;
  return ((now - start) * 1e6) / calls;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function quantile(xs, q) {
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
