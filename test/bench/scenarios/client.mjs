// Scenario 3 — client overhead with a stubbed `fetch` (as openapi-fetch's own benchmark does): one
// PATCH /api/threads/{id} with a path id, a JSON body and a parsed JSON 200 response, awaited one
// after the other. The stub builds a fresh Response each call, the same for every contender, so
// what differs is the client's own work. Ratios: "ours ×" = speed of ours (no validation) ÷ that
// contender's. Prints one JSON document.
import axios from "axios";
import ky from "ky";
import { createPuffleClient } from "../../../dist/client.js";
import { interleaveAsync, timeAsyncBatch } from "../lib/measure.mjs";
import { versionOf } from "../lib/peers.mjs";

const quick = process.env.BENCH_QUICK === "1";
const { default: createClient } = await import(new URL("../../../node_modules/openapi-fetch/dist/index.mjs", import.meta.url).href);

const baseUrl = "https://api.example.test";
const id = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const body = { status: "archived", draft_subject: "Intro" };
const payload = JSON.stringify({ thread: { id, status: "archived", account_id: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11", participant_email: "sam@example.com", draft_subject: "Intro", updated_at: "2026-04-22T10:05:00Z" } });
const headers = { "content-type": "application/json" };
const stub = async () => new Response(payload, { status: 200, headers });

const ours = createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", fetch: stub, timeoutMs: 0 });
const oursValidated = createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", fetch: stub, validate: "both", timeoutMs: 0 });
const oursDefaultTimeout = createPuffleClient({ baseUrl, apiKey: "puffle_test_alice", fetch: stub });
const ofetch = createClient({ baseUrl, fetch: stub, headers: { Authorization: "Bearer puffle_test_alice" } });
const kyClient = ky.create({ fetch: stub, headers: { Authorization: "Bearer puffle_test_alice" }, retry: 0 });
const axiosClient = axios.create({ adapter: "fetch", env: { fetch: stub, Request, Response }, baseURL: baseUrl, headers: { Authorization: "Bearer puffle_test_alice" } });

const contenders = {
  "puffle-api client, no validation (timeoutMs: 0)": async () => (await ours.updateThread(id, body)).id === id,
  "puffle-api client, no validation (default 30 s timeout)": async () => (await oursDefaultTimeout.updateThread(id, body)).id === id,
  "puffle-api client, validate: both": async () => (await oursValidated.updateThread(id, body)).id === id,
  "raw fetch": async () => {
    const res = await stub(`${baseUrl}/api/threads/${encodeURIComponent(id)}`, { method: "PATCH", headers: { Authorization: "Bearer puffle_test_alice", "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return (await res.json()).thread.id === id;
  },
  "openapi-fetch": async () => (await ofetch.PATCH("/api/threads/{id}", { params: { path: { id } }, body })).data.thread.id === id,
  ky: async () => (await kyClient.patch(`${baseUrl}/api/threads/${encodeURIComponent(id)}`, { json: body }).json()).thread.id === id,
  "axios (fetch adapter)": async () => (await axiosClient.patch(`/api/threads/${encodeURIComponent(id)}`, body)).data.thread.id === id,
};

const failures = {};
for (const [name, fn] of Object.entries(contenders)) {
  try {
    if ((await fn()) !== true) failures[name] = "wrong result";
  } catch (err) {
    failures[name] = String(err?.message ?? err).slice(0, 200);
  }
}
const runnable = Object.fromEntries(Object.entries(contenders).filter(([n]) => !failures[n]).map(([n, fn]) => [n, () => timeAsyncBatch(fn, quick ? 15 : 40)]));
const measured = await interleaveAsync(runnable, { rounds: quick ? 4 : 12, warmup: 3, base: "puffle-api client, no validation (timeoutMs: 0)" });
process.stdout.write(JSON.stringify({
  scenario: "client",
  versions: { "openapi-fetch": versionOf("openapi-fetch", new URL("../../../node_modules/", import.meta.url)), ky: versionOf("ky"), axios: versionOf("axios") },
  failures,
  notMeasured: { "@hey-api/openapi-ts generated client": "not built in this harness yet", "orval generated client": "not built in this harness yet" },
  measured,
}));
