// Scenario 5 — end to end over loopback: a server on core 0 (taskset), autocannon on core 1, for
// PATCH /api/threads/{id} with a bearer token and a JSON body. Ours is the reference server
// (dist/server/main.js: auth, validation, the in-memory store); against it a bare Fastify route
// returning a constant, and Prism's mock serving generated/openapi.yaml. Bounded: the three runs
// last 50 s together (quick: 15 s). Our server's RSS is sampled every second during its run.
// Only 127.0.0.1 is ever addressed. Prints one JSON document.
import { spawn, spawnSync, execFileSync } from "node:child_process";
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
const durations = quick ? { ours: 5, bare: 5, prism: 5 } : { ours: 30, bare: 10, prism: 10 };

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

function rssKiB(pid) {
  try {
    return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
  } catch {
    return null;
  }
}

async function load(name, port, seconds, { sampleRss } = {}) {
  const url = `http://127.0.0.1:${port}/api/threads/${id}`;
  const [cmd, args] = pin(1, process.execPath, [path.join(benchDir, "node_modules/autocannon/autocannon.js"), "--json", "-c", "10", "-d", String(seconds), "-m", "PATCH", "-H", "Authorization=Bearer puffle_test_alice", "-H", "Content-Type=application/json", "-b", body, url]);
  const rss = [];
  const timer = sampleRss ? setInterval(() => rss.push(rssKiB(sampleRss)), 1000) : null;
  const out = await new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ["ignore", "pipe", "ignore"] });
    let s = "";
    p.stdout.on("data", (d) => (s += d));
    p.on("exit", (code) => (code === 0 ? resolve(s) : reject(new Error(`autocannon exit ${code}`))));
  });
  if (timer) clearInterval(timer);
  const r = JSON.parse(out);
  return {
    name, seconds,
    requestsPerSecond: { mean: r.requests.average, p50: r.requests.p50, min: r.requests.min, max: r.requests.max, stddev: r.requests.stddev },
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    total: r.requests.total, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
    rssKiB: rss.filter((x) => x !== null),
  };
}

async function withServer(cmd, args, port, fn) {
  const [c, a] = pin(0, cmd, args);
  const child = spawn(c, a, { cwd: repo, stdio: ["ignore", "ignore", "pipe"], detached: false });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  try {
    await waitForPort(port);
    // warm-up: a short burst before the measured run
    await load("warm-up", port, 2);
    return await fn(child.pid);
  } catch (err) {
    throw new Error(`${err.message}${stderr ? `: ${stderr.slice(-300)}` : ""}`);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
  }
}

const results = {};
const failures = {};
const runs = {
  "puffle-api reference server": async () => {
    const port = await freePort();
    return withServer(process.execPath, [path.join(repo, "dist/server/main.js"), "--port", String(port), "--quiet"], port, (pid) => load("ours", port, durations.ours, { sampleRss: pid }));
  },
  "bare Fastify route (constant)": async () => {
    const port = await freePort();
    return withServer(process.execPath, [path.join(benchDir, "scenarios/e2e-bare.mjs"), String(port)], port, () => load("bare", port, durations.bare));
  },
  "Prism mock (@stoplight/prism-cli)": async () => {
    const prism = path.join(benchDir, "node_modules/@stoplight/prism-cli/dist/index.js");
    if (!fs.existsSync(prism)) throw new Error("@stoplight/prism-cli is not installed in test/bench");
    const port = await freePort();
    return withServer(process.execPath, [prism, "mock", "-h", "127.0.0.1", "-p", String(port), path.join(repo, "generated/openapi.yaml")], port, () => load("prism", port, durations.prism));
  },
};
for (const [name, run] of Object.entries(runs)) {
  try {
    results[name] = await run();
  } catch (err) {
    failures[name] = String(err.message).slice(0, 300);
  }
  process.stderr.write(`  e2e: ${name} done\n`);
}
process.stdout.write(JSON.stringify({ scenario: "e2e", pinned: hasTaskset, durations, results, failures }));
