#!/usr/bin/env node
// Measures how long the public validators (dist/validators.js, as users get them) take on hostile
// input: 1 MB strings in every string field kind, 100k-element arrays, 10k-deep nesting and 100k
// unknown keys. A measurement, not a test: these machines are noisy, so nothing here asserts a
// time. Each case is timed at three sizes, so that growth faster than linear stands out.
// Usage: node test/reliability/hostile.mjs [--json FILE]   (run `npm run build` first)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { validateRequestBody, validateResponseBody, normalizeRequestBody } = await import(path.join(root, "dist/validators.js"));

const thread = (extra) => ({ thread: { id: "f11e8a2c-1234-4567-89ab-cdef01234567", status: "active", ...extra } });
const problem = (extra) => ({ type: "about:blank", title: "Bad Request", status: 400, ...extra });
const deep = (n) => {
  let v = {};
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};
const manyKeys = (n) => {
  const o = { status: "active" };
  for (let i = 0; i < n; i++) o[`k${i}`] = i;
  return o;
};

// [name, size unit, make(size) → [function, input]]
const CASES = [
  ["request participant_email (email): n × 'a', no @", "chars", (n) => () => validateRequestBody("updateThread", { participant_email: "a".repeat(n) })],
  ["request participant_email (email): 'a@' + n × 'a.'", "chars", (n) => () => validateRequestBody("updateThread", { participant_email: `a@${"a.".repeat(n / 2)}` })],
  ["request participant_email (email): 'a@' + n × 'a-' + '!'", "chars", (n) => () => validateRequestBody("updateThread", { participant_email: `a@${"a-".repeat(n / 2)}!` })],
  ["request participant_email (email): n × 'a.' + '@a.b'", "chars", (n) => () => validateRequestBody("updateThread", { participant_email: `${"a.".repeat(n / 2)}a@a.b` })],
  ["request account_id (uuid): n chars", "chars", (n) => () => validateRequestBody("updateThread", { account_id: "f".repeat(n) })],
  ["request draft_body_html (string): n chars", "chars", (n) => () => validateRequestBody("updateThread", { draft_body_html: "<p>".repeat(n / 3) })],
  ["normalize participant_email: n chars, uppercase", "chars", (n) => () => normalizeRequestBody("updateThread", { participant_email: `${"A".repeat(n)}@EXAMPLE.COM` })],
  ["response participant_linkedin_url (uri): 'http://' + n × 'a' + ' '", "chars", (n) => () => validateResponseBody("updateThread", 200, thread({ participant_linkedin_url: `http://${"a".repeat(n)} ` }))],
  ["response participant_linkedin_url (uri): 'a:' + n × '%2' ", "chars", (n) => () => validateResponseBody("updateThread", 200, thread({ participant_linkedin_url: `a:${"%2".repeat(n / 2)}` }))],
  ["response participant_linkedin_url (uri): 'http://' + n × '[::' ", "chars", (n) => () => validateResponseBody("updateThread", 200, thread({ participant_linkedin_url: `http://${"[::".repeat(n / 3)}` }))],
  ["response last_message_at (date-time): date + n × '0'", "chars", (n) => () => validateResponseBody("updateThread", 200, thread({ last_message_at: `2020-01-01T00:00:0${"0".repeat(n)}Z` }))],
  ["response Problem.type (uri-reference): n × '/a'", "chars", (n) => () => validateResponseBody("updateThread", 400, problem({ type: "/a".repeat(n / 2) }))],
  ["response Problem.type (uri-reference): n × 'a' + ' '", "chars", (n) => () => validateResponseBody("updateThread", 400, problem({ type: `${"a".repeat(n)} ` }))],
  ["request draft_attachments: n × {}", "items", (n) => () => validateRequestBody("updateThread", { draft_attachments: Array.from({ length: n }, () => ({})) })],
  ["request draft_attachments: n × 1 (every item invalid)", "items", (n) => () => validateRequestBody("updateThread", { draft_attachments: Array.from({ length: n }, () => 1) })],
  ["normalize draft_attachments: n × 1 (every item invalid)", "items", (n) => () => normalizeRequestBody("updateThread", { draft_attachments: Array.from({ length: n }, () => 1) })],
  ["response Problem.errors: n × ValidationError", "items", (n) => () => validateResponseBody("updateThread", 400, problem({ errors: Array.from({ length: n }, () => ({ path: "/a", keyword: "type", message: "m" })) }))],
  ["request body: an array of n items", "items", (n) => () => validateRequestBody("updateThread", Array.from({ length: n }, () => 0))],
  ["request draft_attachments: [object n deep]", "depth", (n) => () => validateRequestBody("updateThread", { draft_attachments: [deep(n)] })],
  ["request status: object n deep", "depth", (n) => () => validateRequestBody("updateThread", { status: deep(n) })],
  ["normalize status: object n deep", "depth", (n) => () => normalizeRequestBody("updateThread", { status: deep(n) })],
  ["response thread.draft_attachments: [object n deep]", "depth", (n) => () => validateResponseBody("updateThread", 200, thread({ draft_attachments: [deep(n)] }))],
  ["request: n unknown keys + status", "keys", (n) => () => validateRequestBody("updateThread", manyKeys(n))],
  ["normalize: n unknown keys + status", "keys", (n) => () => normalizeRequestBody("updateThread", manyKeys(n))],
  ["response thread: n extra members", "keys", (n) => () => validateResponseBody("updateThread", 200, { thread: { ...manyKeys(n), id: "f11e8a2c-1234-4567-89ab-cdef01234567" } })],
];

const SIZES = { chars: [10_000, 100_000, 1_000_000], items: [1_000, 10_000, 100_000], depth: [100, 1_000, 10_000], keys: [1_000, 10_000, 100_000] };

function time(fn) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return runs.sort((a, b) => a - b)[1];
}

const results = [];
for (const [name, unit, make] of CASES) {
  const row = { name, unit, sizes: SIZES[unit], ms: [], threw: null, verdict: null };
  for (const n of SIZES[unit]) {
    const call = make(n);
    try {
      const r = call();
      row.verdict = "valid" in r ? (r.valid ? "valid" : `invalid (${r.errors.length} errors)`) : r.ok ? "ok" : `400 (${r.errors.length} errors)`;
      row.ms.push(time(call));
    } catch (err) {
      row.threw = String(err?.message ?? err);
      row.ms.push(null);
    }
  }
  const [a, , c] = row.ms;
  // Growth from the smallest to the largest size (100x more input): about 100 is linear.
  row.growth = a && c ? Math.round(c / Math.max(a, 0.05)) : null;
  results.push(row);
  process.stdout.write(`${name.padEnd(72)} ${row.ms.map((m) => (m === null ? "threw" : `${m.toFixed(1)} ms`).padStart(10)).join(" ")}  ${row.verdict ?? ""}${row.threw ? ` THREW ${row.threw}` : ""}\n`);
}

const i = process.argv.indexOf("--json");
if (i > 0) fs.writeFileSync(process.argv[i + 1], `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
