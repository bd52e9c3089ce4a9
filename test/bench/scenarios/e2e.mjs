// Scenario 5 — end to end over loopback: servers on core 0 (taskset), autocannon on core 1, for
// PATCH /api/threads/{id} with a bearer token and a JSON body. Ours is the reference server exactly as
// `npm run mock -- --quiet` starts it (dist/server/main.js: auth, validation, the in-memory store);
// against it a bare Fastify route returning a constant (e2e-bare.mjs), and Prism's mock serving
// generated/openapi.yaml.
//
// Two parts, one run:
// 1. Throughput: the three servers are up together (an idle one costs nothing) and take turns, a
//    short autocannon run each per round, the order rotated every round, so that a burst of load from
//    another process on this shared machine moves both sides of a ratio. Ratios are per round, then
//    the median. (Measuring ours for a minute and then the bare route for ten seconds compared two
//    different machines whenever the load of the machine changed in between.)
// 2. Memory: ours alone under load for 60 s without a pause, in a fresh process whose young
//    generation starts at V8's default maximum (`--min-semi-space-size=16`; 16 MiB is the most it
//    grows to by default): with the default start V8 doubles it in steps under sustained load —
//    +8 MiB, then +16 MiB after a minute or more, wherever the run happens to be — which is sizing,
//    not growth. A preloaded probe (a data: URL module, answering over the IPC channel, once a
//    second) reports process.memoryUsage(); right before and right after the run the probe first
//    forces a full GC, so the retained heap is compared too.
//
// Each run also reads the server's CPU time (/proc/PID/stat) before and after: CPU per request is a
// second view of the same comparison, less moved by how much of core 0 the server got.
//
// Bounded: about 2 min in all (quick: about 30 s). Only 127.0.0.1 is ever addressed. Prints one JSON
// document.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const quick = process.env.BENCH_QUICK === "1";
const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repo = path.resolve(benchDir, "../..");
const hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const pin = (core, cmd, args) => (hasTaskset ? ["taskset", ["-c", String(core), cmd, ...args]] : [cmd, args]);
const id = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const body = JSON.stringify({ status: "archived", draft_subject: "Intro" });
const connections = 10;
const durations = quick
  ? { warmUp: 1, round: 2, rounds: 2, soakWarmUp: 2, soak: 10 }
  : { warmUp: 2, round: 2, rounds: 8, soakWarmUp: 10, soak: 60 };

const OURS = "puffle-api reference server";
const BARE = "bare Fastify route (constant)";
const PRISM = "Prism mock (@stoplight/prism-cli)";

// The memory probe, preloaded into our server: process.memoryUsage() on request over IPC, after a
// full GC when asked ("gc"). It adds nothing to a request; the channel does not keep the process up.
const PROBE = `
if (process.send) {
  process.channel?.unref();
  process.on("message", (m) => {
    if (m !== "sample" && m !== "gc") return;
    if (m === "gc" && typeof globalThis.gc === "function") globalThis.gc();
    const u = process.memoryUsage();
    process.send({ t: Date.now(), rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, afterGc: m === "gc" });
  });
}`;

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const sock = net.connect(port, "127.0.0.1", () => { sock.end(); resolve(true); });
      sock.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

/** CPU time (user + system) a process has used so far, in ms; null without /proc. */
const TICK_MS = (() => {
  const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const hz = Number(r.stdout?.trim());
  return Number.isFinite(hz) && hz > 0 ? 1000 / hz : 10;
})();
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** One autocannon run of `seconds` against `port`, pinned to core 1; with `pid`, the server's CPU time per request too. */
async function load(port, seconds, pid) {
  const cpu0 = pid === undefined ? null : cpuMs(pid);
  const url = `http://127.0.0.1:${port}/api/threads/${id}`;
  const [cmd, args] = pin(1, process.execPath, [path.join(benchDir, "node_modules/autocannon/autocannon.js"), "--json", "-c", String(connections), "-d", String(seconds), "-m", "PATCH", "-H", "Authorization=Bearer puffle_test_alice", "-H", "Content-Type=application/json", "-b", body, url]);
  const out = await new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "ignore"] });
    let s = "";
    p.stdout.on("data", (d) => (s += d));
    p.on("exit", (code) => (code === 0 ? resolve(s) : reject(new Error(`autocannon exit ${code}`))));
  });
  const cpu1 = pid === undefined ? null : cpuMs(pid);
  const r = JSON.parse(out);
  return {
    seconds,
    serverCpuUsPerRequest: cpu0 !== null && cpu1 !== null && r.requests.total > 0 ? ((cpu1 - cpu0) * 1000) / r.requests.total : null,
    requestsPerSecond: { mean: r.requests.average, p50: r.requests.p50, min: r.requests.min, max: r.requests.max, stddev: r.requests.stddev },
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    total: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
  };
}

/** Starts a server pinned to core 0 and waits for its port. `ipc` opens the probe's channel. */
async function startServer(name, cmd, args, port, { ipc = false } = {}) {
  const [c, a] = pin(0, cmd, args);
  const child = spawn(c, a, { cwd: repo, stdio: ["ignore", "ignore", "pipe", ...(ipc ? ["ipc"] : [])] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await Promise.race([waitForPort(port), exited.then((code) => { throw new Error(`exited with ${code}`); })]);
  } catch (err) {
    child.kill("SIGTERM");
    throw new Error(`${name}: ${err.message}${stderr ? `: ${stderr.slice(-300)}` : ""}`);
  }
  return {
    name, port, child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Asks the probe for one memory sample (after a full GC when `gc`). */
function memory(server, gc = false) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { server.child.off("message", onMessage); resolve(null); }, 5000);
    const onMessage = (m) => { clearTimeout(timer); server.child.off("message", onMessage); resolve(m); };
    server.child.on("message", onMessage);
    server.child.send(gc ? "gc" : "sample");
  });
}

/** The order of round `r`: rotated by one each round, reversed every other round (as lib/measure.mjs). */
function roundOrder(names, r) {
  const order = names.map((_, i) => names[(i + r) % names.length]);
  if (r % 2) order.reverse();
  return order;
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
const stats = (xs) => (xs.length ? { median: median(xs), p25: quantile(xs, 0.25), p75: quantile(xs, 0.75), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null);

const servers = {};
const failures = {};
/** Our server as `npm run mock -- --quiet` starts it, with the memory probe (and Node flags `flags`). */
async function startOurs(flags = []) {
  const port = await freePort();
  return startServer(OURS, process.execPath, [...flags, "--expose-gc", "--import", `data:text/javascript,${encodeURIComponent(PROBE)}`, path.join(repo, "dist/server/main.js"), "--port", String(port), "--quiet"], port, { ipc: true });
}
/** The memory run's young generation: V8's default maximum semi-space, from the start (see above). */
const SOAK_FLAGS = ["--min-semi-space-size=16"];

const starters = {
  [OURS]: () => startOurs(),
  [BARE]: async () => {
    const port = await freePort();
    return startServer(BARE, process.execPath, [path.join(benchDir, "scenarios/e2e-bare.mjs"), String(port)], port);
  },
  [PRISM]: async () => {
    const prism = path.join(benchDir, "node_modules/@stoplight/prism-cli/dist/index.js");
    if (!fs.existsSync(prism)) throw new Error("@stoplight/prism-cli is not installed in test/bench");
    const port = await freePort();
    return startServer(PRISM, process.execPath, [prism, "mock", "-h", "127.0.0.1", "-p", String(port), path.join(repo, "generated/openapi.yaml")], port);
  },
};

const results = {};
let soak = null;
try {
  for (const [name, start] of Object.entries(starters)) {
    try {
      servers[name] = await start();
      await load(servers[name].port, durations.warmUp);
    } catch (err) {
      failures[name] = String(err.message).slice(0, 300);
      await servers[name]?.stop();
      delete servers[name];
    }
  }

  // 1. Throughput, interleaved rounds.
  const names = Object.keys(servers);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < durations.rounds; r++) {
    for (const name of roundOrder(names, r)) {
      try {
        runs[name][r] = await load(servers[name].port, durations.round, servers[name].child.pid);
      } catch (err) {
        runs[name][r] = null; // kept in place, so that round r of every server stays round r
        failures[name] = String(err.message).slice(0, 300);
      }
    }
    process.stderr.write(`  e2e: round ${r + 1}/${durations.rounds} done\n`);
  }
  for (const name of names) {
    const rs = runs[name].filter((x) => x !== null);
    if (rs.length === 0) continue;
    const perRound = (f) => rs.map(f);
    results[name] = {
      rounds: rs.length,
      requestsPerSecond: stats(perRound((x) => x.requestsPerSecond.mean)),
      serverCpuUsPerRequest: stats(perRound((x) => x.serverCpuUsPerRequest).filter((x) => x !== null)),
      latencyMs: { p50: median(perRound((x) => x.latencyMs.p50)), p99: median(perRound((x) => x.latencyMs.p99)), max: Math.max(...perRound((x) => x.latencyMs.max)) },
      total: rs.reduce((a, x) => a + x.total, 0),
      non2xx: rs.reduce((a, x) => a + x.non2xx, 0),
      errors: rs.reduce((a, x) => a + x.errors, 0),
      timeouts: rs.reduce((a, x) => a + x.timeouts, 0),
      runs: rs,
    };
  }
  // Per-round ratios, ours against each peer (> 1: ours served more requests per second).
  if (runs[OURS]?.some((x) => x !== null)) {
    for (const name of names.filter((n) => n !== OURS)) {
      const ratios = runs[OURS].map((o, i) => (o && runs[name][i] ? o.requestsPerSecond.mean / runs[name][i].requestsPerSecond.mean : null)).filter((x) => x !== null && Number.isFinite(x));
      if (results[name]) results[name].oursOver = stats(ratios);
      // The same comparison by the servers' own CPU time per request (peer's ÷ ours: > 1, ours costs less).
      const cpu = runs[OURS].map((o, i) => (runs[name][i]?.serverCpuUsPerRequest && o?.serverCpuUsPerRequest ? runs[name][i].serverCpuUsPerRequest / o.serverCpuUsPerRequest : null)).filter((x) => x !== null && Number.isFinite(x));
      if (results[name] && cpu.length) results[name].oursOverByCpu = stats(cpu);
    }
  }

  // 2. Memory: ours alone for durations.soak seconds, sampled each second, in a fresh process.
  for (const name of Object.keys(servers)) {
    await servers[name].stop();
    delete servers[name];
  }
  try {
    servers[OURS] = await startOurs(SOAK_FLAGS);
  } catch (err) {
    failures[`${OURS} (memory run)`] = String(err.message).slice(0, 300);
  }
  if (servers[OURS]) {
    const ours = servers[OURS];
    // A warm-up under the same sustained load first (the JIT, the store's rows, the sockets).
    try {
      await load(ours.port, durations.soakWarmUp);
    } catch (err) {
      failures[`${OURS} (${durations.soakWarmUp} s warm-up)`] = String(err.message).slice(0, 300);
    }
    const before = await memory(ours, true);
    const samples = [];
    const t0 = Date.now();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await new Promise((r) => setTimeout(r, 1000));
        if (!sampling) break;
        const m = await memory(ours);
        if (m) samples.push({ s: (m.t - t0) / 1000, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
      }
    })();
    let run = null;
    try {
      run = await load(ours.port, durations.soak);
    } catch (err) {
      failures[`${OURS} (${durations.soak} s run)`] = String(err.message).slice(0, 300);
    }
    sampling = false;
    await sampler;
    const after = await memory(ours, true);
    soak = { seconds: durations.soak, warmUpSeconds: durations.soakWarmUp, nodeFlags: SOAK_FLAGS, run, samples, heapAfterGc: { before: before?.heapUsed ?? null, after: after?.heapUsed ?? null }, rssAfterGc: { before: before?.rss ?? null, after: after?.rss ?? null } };
  }
} finally {
  for (const server of Object.values(servers)) await server.stop();
}

process.stdout.write(JSON.stringify({ scenario: "e2e", version: 2, pinned: hasTaskset, connections, durations, results, soak, failures }));
