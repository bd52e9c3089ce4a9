// Scenario 3 — client overhead with a stubbed `fetch` (as openapi-fetch's own benchmark does): one
// PATCH /api/threads/{id} with a path id, a JSON body and a parsed JSON 200 response, awaited one
// after the other. The stub builds a fresh Response each call, the same for every contender, so
// what differs is the client's own work. Contenders: ours as a user gets it by default (30 s
// timeout, retries on, no validation) — the headline — and with `timeoutMs: 0`, with
// `validate: "both"`, and through `client.PATCH` (the openapi-fetch path); raw fetch; openapi-fetch;
// ky; axios; and the fetch clients @hey-api/openapi-ts and orval generate from our spec (built by
// lib/generated-clients.mjs). Ratios: "ours ×" = speed of ours (default options) ÷ that
// contender's. Prints one JSON document.
import axios from "axios";
import ky from "ky";
import { createPuffleClient } from "../../../dist/client.js";
import { interleaveAsync, stats, timeAsyncBatch } from "../lib/measure.mjs";
import { versionOf } from "../lib/peers.mjs";
import { buildGeneratedClients, ORVAL_BASE_URL, versions as generatedVersions } from "../lib/generated-clients.mjs";

const quick = process.env.BENCH_QUICK === "1";
const { default: createClient } = await import(new URL("../../../node_modules/openapi-fetch/dist/index.mjs", import.meta.url).href);

const baseUrl = "https://api.example.test";
const id = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const body = { status: "archived", draft_subject: "Intro" };
const payload = JSON.stringify({ thread: { id, status: "archived", account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", participant_email: "sam@example.com", draft_subject: "Intro", updated_at: "2026-04-22T10:05:00Z" } });
const headers = { "content-type": "application/json" };
const stub = async () => new Response(payload, { status: 200, headers });

const ours = createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", fetch: stub });
const oursNoTimeout = createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", fetch: stub, timeoutMs: 0 });
const oursValidated = createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", fetch: stub, validate: "both" });
const ofetch = createClient({ baseUrl, fetch: stub, headers: { Authorization: "Bearer puffle_test_alice" } });
const kyClient = ky.create({ fetch: stub, headers: { Authorization: "Bearer puffle_test_alice" }, retry: 0 });
const axiosClient = axios.create({ adapter: "fetch", env: { fetch: stub, Request, Response }, baseURL: baseUrl, headers: { Authorization: "Bearer puffle_test_alice" } });

const generated = await buildGeneratedClients();
const hey = generated.modules.heyApi ? await import(generated.modules.heyApi) : undefined;
hey?.client.setConfig({ baseUrl, fetch: stub, auth: "puffle_test_alice" });
const orval = generated.modules.orval ? await import(generated.modules.orval) : undefined;
globalThis.__benchOrvalFetch = stub;
if (ORVAL_BASE_URL !== baseUrl) throw new Error("the orval client is generated for another base URL");

const BASE = "puffle-api updateThread, default options (30 s timeout, retries, no validation)";
const contenders = {
  [BASE]: async () => (await ours.updateThread(id, body)).id === id,
  "puffle-api updateThread, timeoutMs: 0 (no deadline)": async () => (await oursNoTimeout.updateThread(id, body)).id === id,
  "puffle-api updateThread, validate: \"both\" (default timeout)": async () => (await oursValidated.updateThread(id, body)).id === id,
  "puffle-api client.PATCH (openapi-fetch path, default timeout)": async () => (await ours.PATCH("/api/threads/{id}", { params: { path: { id } }, body })).data.thread.id === id,
  "raw fetch": async () => {
    const res = await stub(`${baseUrl}/api/threads/${encodeURIComponent(id)}`, { method: "PATCH", headers: { Authorization: "Bearer puffle_test_alice", "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return (await res.json()).thread.id === id;
  },
  "openapi-fetch": async () => (await ofetch.PATCH("/api/threads/{id}", { params: { path: { id } }, body })).data.thread.id === id,
  ky: async () => (await kyClient.patch(`${baseUrl}/api/threads/${encodeURIComponent(id)}`, { json: body }).json()).thread.id === id,
  "axios (fetch adapter)": async () => (await axiosClient.patch(`/api/threads/${encodeURIComponent(id)}`, body)).data.thread.id === id,
};
const notMeasured = {};
if (hey) contenders["@hey-api/openapi-ts generated client (client-fetch)"] = async () => (await hey.updateThread({ path: { id }, body })).data.thread.id === id;
else notMeasured["@hey-api/openapi-ts generated client (client-fetch)"] = generated.failures.heyApi;
if (orval) contenders["orval generated client (fetch)"] = async () => (await orval.updateThread(id, body, { headers: { Authorization: "Bearer puffle_test_alice" } })).data.thread.id === id;
else notMeasured["orval generated client (fetch)"] = generated.failures.orval;

const failures = {};
for (const [name, fn] of Object.entries(contenders)) {
  try {
    if ((await fn()) !== true) failures[name] = "wrong result";
  } catch (err) {
    failures[name] = String(err?.message ?? err).slice(0, 200);
  }
}
// Every round's time per contender is kept too, for per-round ratios against raw fetch (the goals).
const samples = {};
const runnable = Object.fromEntries(Object.entries(contenders).filter(([n]) => !failures[n]).map(([n, fn]) => [n, async () => {
  const t = await timeAsyncBatch(fn, quick ? 15 : 40);
  (samples[n] ??= []).push(t);
  return t;
}]));
const warmup = 3;
const measured = await interleaveAsync(runnable, { rounds: quick ? 4 : 12, warmup, base: BASE });
const raw = samples["raw fetch"]?.slice(warmup);
/** Speed of each contender ÷ speed of raw fetch, per round (above 1: faster than raw fetch). */
const vsRawFetch = raw ? Object.fromEntries(Object.entries(samples).map(([n, ts]) => [n, stats(ts.slice(warmup).map((t, i) => raw[i] / t))])) : {};
process.stdout.write(JSON.stringify({
  scenario: "client",
  versions: { "openapi-fetch": versionOf("openapi-fetch", new URL("../../../node_modules/", import.meta.url)), ky: versionOf("ky"), axios: versionOf("axios"), ...generatedVersions },
  base: BASE,
  roles: {
    noValidation: BASE,
    noTimeout: "puffle-api updateThread, timeoutMs: 0 (no deadline)",
    validated: "puffle-api updateThread, validate: \"both\" (default timeout)",
    rawFetch: "raw fetch",
    generated: ["@hey-api/openapi-ts generated client (client-fetch)", "orval generated client (fetch)"],
  },
  failures,
  notMeasured,
  measured,
  vsRawFetch,
}));
