// Renders BENCHMARKS.md from the scenarios' JSON. Ratios are "speed of ours ÷ speed of the peer"
// (above 1: ours is faster), each the median of per-round ratios, with the interquartile range.
import { writeFilesAtomically } from "../../../scripts/publish/write-files.mjs";
import { fmt } from "./measure.mjs";
import { GOAL_PEERS, largeTime, OT_STEP, OURS_LARGE, OURS_STEP, STEP_RATIO, withOurFlags } from "./large-rounds.mjs";

const OURS = "puffle-api (validate*Body)";
const mark = (ok) => (ok ? "✅ met" : "❌ missed");
const iqr = (s, f) => `${f(s.median)} (${f(s.p25)}–${f(s.p75)})`;
/** Our speed relative to a peer's, from the per-round ratio time(peer)/time(ours). */
const speedup = (r) => iqr(r, (x) => `${x.toFixed(2)}×`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

function header(env) {
  const m = env.machine;
  return [
    "# Benchmarks",
    "",
    `<!-- written by \`npm run bench\` (test/bench/run.mjs) — do not edit; docs/benchmarks.md explains the figures -->`,
    "",
    `Run ${env.date} on commit ${env.commit}${env.quick ? " — **quick run (fewer rounds)**" : ""}, in ${env.totalSeconds.toFixed(0)} s.`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node} (V8 ${m.v8}); load average at the end ${m.loadavg.join(" / ")} — the cores are shared with other test runs, so every comparison is a ratio taken within one round, peers interleaved.`,
    "",
  ];
}

function versionsTable(versions) {
  return ["| package | version |", "| --- | --- |", ...Object.entries(versions).map(([n, v]) => `| ${n} | ${v} |`), ""];
}

function validators(r) {
  const out = [`## 1. Validator throughput`, "", `Median time per call over ${r.rounds} rounds of ${r.msPerSample} ms after ${r.warmup} warm-up rounds (interquartile range in brackets); "ours ×" is how many times faster ours is than that peer (per-round ratio, median and IQR). Each contender is timed in a loop compiled for it alone (V8's type feedback is per function: a loop shared by every contender would make its call and its read of the verdict megamorphic, a cost no real call site pays), reading the verdict of every call. Ours is the public API (\`validateRequestBody\`/\`validateResponseBody\`, result object with every error located).`, ""];
  out.push("Peers and versions:", "", ...versionsTable(r.versions));
  if (r.disagreements.length) out.push("Peers whose verdict differed from ours (left out of that case):", "", ...r.disagreements.map((d) => `- ${d}`), "");
  const goals = ["| target | input | verdict | ours | vs fastest peer (goal ≥ 1.0×) | vs hand-written guard (goal ≥ 0.8×) | vs fastest error-locating peer (goal ≥ 1.0×) | vs fastest boolean-only peer (goal ≥ 0.5×) |", "| --- | --- | --- | --- | --- | --- | --- | --- |"];
  const missed = [];
  const targets = [...new Set(r.results.map((c) => c.target))];
  for (const target of targets) {
    const cases = r.results.filter((c) => c.target === target);
    out.push(`### ${target}`, "", `| contender | kind | ${cases.map((c) => `${c.input} (${c.valid ? "valid" : "invalid"}) | ours ×`).join(" | ")} |`, `| --- | --- | ${cases.map(() => "--- | ---").join(" | ")} |`);
    for (const [name, kind] of Object.entries(r.kinds)) {
      const cells = cases.map((c) => {
        const m = c.measured[name];
        if (!m) return "— | —";
        return `${iqr(m.time, fmt.ns)} | ${m.ratio ? speedup(m.ratio) : ""}`;
      });
      out.push(`| ${name === OURS ? `**${name}**` : name} | ${kind} | ${cells.join(" | ")} |`);
    }
    out.push("");
    for (const c of cases) {
      const peers = Object.entries(c.measured).filter(([n]) => n !== OURS && r.kinds[n] !== "info");
      const best = (pred) => peers.filter(([n]) => pred(r.kinds[n])).sort((a, b) => a[1].ratio.median - b[1].ratio.median)[0];
      const cell = (entry, goal) => {
        if (!entry) return "—";
        const ok = entry[1].ratio.median >= goal;
        // Two decimals, or three where two would round a miss up to the goal (0.996× is not 1.00×).
        const shown = entry[1].ratio.median.toFixed(!ok && +entry[1].ratio.median.toFixed(2) >= goal ? 3 : 2);
        if (!ok) missed.push(`${target} / ${c.input}: ${shown}× ${entry[0]} (goal ${goal}×)`);
        return `${shown}× ${entry[0]} ${ok ? "✅" : "❌"}`;
      };
      const ours = fmt.ns(c.measured[OURS].time.median);
      if (c.valid) goals.push(`| ${target} | ${c.input} | valid | ${ours} | ${cell(best((k) => k !== "guard"), 1.0)} | ${cell(best((k) => k === "guard"), 0.8)} | | |`);
      else goals.push(`| ${target} | ${c.input} | invalid | ${ours} | | | ${cell(best((k) => k === "located"), 1.0)} | ${cell(best((k) => k === "boolean"), 0.5)} |`);
    }
  }
  // What the valid rows' guard comparison becomes when the caller keeps the result object.
  const KEPT = "puffle-api (validate*Body), result kept";
  const keptVsGuard = r.results.filter((c) => c.valid && c.measured[KEPT]?.ratio && c.measured["hand-written guard"]?.ratio)
    .map((c) => `${c.target}${c.input === "valid" ? "" : ` (${c.input})`} ${(c.measured["hand-written guard"].ratio.median / c.measured[KEPT].ratio.median).toFixed(2)}×`);
  const keptNote = keptVsGuard.length ? `The goals are measured with the verdict read where the call is made, which lets V8 drop our result object. A caller that keeps the result (the "${KEPT}" row) pays for that object: on valid input, ours with the result kept vs the hand-written guard is then about ${keptVsGuard.join(", ")} (ratio of the two rows' medians).\n` : "";
  out.splice(3, 0, "### Goals", "", ...goals, "", ...(keptNote ? [keptNote] : []), missed.length ? `Missed: ${missed.length} of ${2 * r.results.length} comparisons:\n\n${missed.map((m) => `- ${m}`).join("\n")}\n` : "Every goal of this scenario met.\n", "");
  return out;
}

function coldStart(r) {
  const out = ["## 2a. Cold start", "", "Fresh Node process per sample; time from the first import to the first validation result (Node's own start-up left out). Median over rounds with the IQR; \"ours ×\" = how many times faster ours starts.", "", "| contender | import + build + first validation | ours × |", "| --- | --- | --- |"];
  for (const [name, m] of Object.entries(r.measured)) out.push(`| ${name} | ${iqr(m.time, fmt.ns)} | ${m.ratio ? speedup(m.ratio) : ""} |`);
  const ajv = Object.entries(r.measured).find(([n]) => n.startsWith("ajv"))[1].ratio.median;
  out.push("", `Goal ≥ 10× faster than runtime AJV: ${ajv.toFixed(1)}× — ${mark(ajv >= 10)}.`, "");
  return out;
}

function size(r) {
  const out = ["## 2b. Size (esbuild bundle, minified, gzip -9)", ""];
  const withLegal = Object.values(r).some((group) => group && typeof group === "object" && Object.values(group).some((s) => s && typeof s.legal === "number"));
  if (withLegal) out.push("Sizes are of code: every contender's licence comments (`/*! … */`, `@license`) are extracted alike (esbuild `legalComments: \"external\"`, as webpack's terser moves them to a LICENSE.txt) and sized in their own column. Left in the bundle, they count in full.", "");
  const groups = [
    ["validators", "Validators with their runtime imports"],
    ["clients", r.validatedClients ? "Clients without validation: what loads up front" : "Clients with their runtime imports"],
    ["validatedClients", "Clients with validation: the client and its validators"],
  ].filter(([group]) => r[group]);
  for (const [group, title] of groups) {
    const ours = Object.entries(r[group])[0];
    if (group === "clients" && r.validatedClients) out.push(`### ${title}`, "", "Ours loads its validators (a separate chunk under code splitting, a dynamic \`import()\` in Node) only when \`validate\` is set, an id is not a canonical UUID, or an error body is read; this is the rest. The generated clients keep only the two operations.", "");
    else if (group === "validatedClients") out.push(`### ${title}`, "", "Ours: the up-front part and the validators chunk (gzipped one file each). Peers: openapi-fetch and the library with the four schemas of scenario 1.", "");
    else if (group === "validators" && Object.keys(r[group]).filter((n) => n.startsWith("puffle-api")).length > 1) out.push(`### ${title}`, "", "Ours twice: the four body validators, like for like with a peer's four schemas (the goal's row), and the generic functions, which reach every operation, documented status and request field (what `import { validateRequestBody, … }` bundles).", "");
    else out.push(`### ${title}`, "");
    for (const [name, why] of Object.entries(group === "clients" ? r.failures ?? {} : {})) out.push(`Not measured: ${name} (${why}).`, "");
    if (withLegal) out.push("| contender | minified | gzipped | ours ÷ this (gzipped) | licence comments, extracted (gzipped) |", "| --- | --- | --- | --- | --- |");
    else out.push("| contender | minified | gzipped | ours ÷ this (gzipped) |", "| --- | --- | --- | --- |");
    for (const [name, s] of Object.entries(r[group])) out.push(`| ${name === ours[0] ? `**${name}**` : name} | ${kb(s.minified)} | ${kb(s.gzip)} | ${(ours[1].gzip / s.gzip).toFixed(2)} |${withLegal ? ` ${s.legal ? kb(s.legal) : "none"} |` : ""}`);
    const peers = Object.entries(r[group]).filter(([n]) => !n.startsWith("puffle-api"));
    const notSmaller = (size) => peers.filter(([, s]) => s.gzip <= size).map(([n]) => n);
    const bigger = notSmaller(ours[1].gzip);
    out.push("", `Goal smaller than every peer's equivalent: ${mark(bigger.length === 0)}${bigger.length ? ` — not smaller than ${bigger.join(", ")}` : ""}.`);
    for (const [name, s] of Object.entries(r[group]).slice(1).filter(([n]) => n.startsWith("puffle-api"))) {
      const also = notSmaller(s.gzip);
      out.push(`${name.replace(/^puffle-api\/validators: /, "Ours, ")}: ${kb(s.gzip)} gzipped — ${also.length ? `not smaller than ${also.join(", ")}` : "smaller than every peer too"}.`);
    }
    out.push("");
  }
  return out;
}

const sec = (ns) => `${(ns / 1e9).toFixed(2)} s`;

function pipeline(r) {
  if (!r.smallCold) return pipelineV1(r);
  const ms = (ns) => `${(ns / 1e6).toFixed(0)} ms`;
  const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const med = (s) => s?.median;
  const out = ["## 4. Pipeline time and how it grows", "", `Wall time of a whole process (Node start-up included), median over ${r.rounds} rounds after one warm-up round, IQR in brackets, every row of a table measured in the same rounds. Specs: ours (${kb(r.specs.ours.bytes)} bundled JSON) and GitHub's REST description (${mib(r.specs.github.bytes)}, ${r.specs.github.file}).`, "", ...versionsTable(r.versions)];
  out.push("### Our spec", "", "| run | wall time |", "| --- | --- |");
  for (const [name, s] of Object.entries(r.small)) out.push(`| ${name} | ${s ? iqr(s, sec) : "failed"}${r.failures[name] ? ` (${r.failures[name]})` : ""} |`);
  out.push("", "Steps of the cold `node scripts/generate.mjs --force`, as it prints them (lint on its own line; types runs on a worker thread while validators and meta run on the main thread, so its time overlaps theirs; yaml is openapi.yaml, written by whichever thread is free first):", "", "| step | time |", "| --- | --- |");
  for (const [name, s] of Object.entries(r.steps)) out.push(`| ${name} | ${iqr(s, (x) => `${(x / 1e6).toFixed(0)} ms`)} |`);
  const row = (k) => med(r.small[k]);
  const nodeStats = row("node scripts/generate.mjs (nothing changed: file stats)");
  const nodeHash = row("node scripts/generate.mjs (nothing changed, just written: content hash)");
  const npmStats = row("npm run generate (nothing changed: file stats)");
  const npmHash = row("npm run generate (nothing changed, just written: content hash)");
  const nodeE = row("node -e '' (Node's own start-up, for scale)");
  const npmNoop = row("npm run noop (npm running a script that only starts Node, for scale)");
  const fmtS = (x) => (x ? sec(x) : "—");
  // A difference of two medians: under 1 ms (or below zero, by noise) it is no measurable time.
  const overNode = (d) => (d < 1e6 ? "under 1 ms" : ms(d));
  out.push("", `Goal: with nothing changed, a regenerate costs ≤ 0.3 s. \`npm run generate\`: ${fmtS(npmStats)} (file stats), ${fmtS(npmHash)} (just written, content hash) — ${mark(npmStats && npmStats <= 0.3e9)}; npm's own start-up is most of it: \`npm run\` of a script that only starts Node costs ${fmtS(npmNoop)}. \`node scripts/generate.mjs\`: ${fmtS(nodeStats)} (file stats), ${fmtS(nodeHash)} (content hash) — ${mark(nodeStats && nodeStats <= 0.3e9)}; Node's own start-up ${fmtS(nodeE)}, so the skip itself adds ${nodeStats && nodeE ? overNode(nodeStats - nodeE) : "—"} (file stats) / ${nodeHash && nodeE ? overNode(nodeHash - nodeE) : "—"} (content hash).`, "");

  const c = r.smallCold;
  const otStep = med(c.step["openapi-typescript alone"]);
  const ourStep = med(c.step["ours: types + validators"]);
  const otProc = med(c.processWall["openapi-typescript alone"]);
  const ourProc = med(c.processWall.ours);
  const ratio = (a, b) => (a && b ? a / b : null);
  const goal13 = (x) => (x ? `${x.toFixed(2)}× ${x <= 1.3 ? "✅" : "❌"}` : "—");
  out.push("### Cold steps: ours against openapi-typescript alone", "", `A fresh process per run (${c.rounds} rounds, interleaved, medians): openapi-typescript's programmatic API alone (import, one call) against our types + validators steps as the pipeline runs them (scripts/lib/types-worker.mjs on a worker thread started first, scripts/lib/validators.mjs on the main thread; import, one call). "step" is from the parsed document to the output, after the imports (ours waits for the worker to have loaded openapi-typescript first: in the pipeline that load overlaps lint and bundle); "process" is the whole process, Node start-up and imports included (no goal: for scale).`, "", "| spec | openapi-typescript alone: step | ours: types + validators: step | ours ÷ openapi-typescript, step (goal ≤ 1.3×) | openapi-typescript alone: process | ours: process | ours ÷ openapi-typescript, process |", "| --- | --- | --- | --- | --- | --- | --- |");
  out.push(`| ours | ${fmtS(otStep)} | ${fmtS(ourStep)} (validators alone ${fmtS(med(c.step["ours: validators step"]))}) | ${goal13(ratio(ourStep, otStep))} | ${fmtS(otProc)} | ${fmtS(ourProc)} | ${ratio(ourProc, otProc)?.toFixed(2) ?? "—"}× |`);
  const gs = r.largeSteps;
  const gOt = gs[OT_STEP];
  const gOurs = gs[OURS_STEP];
  const gOtStep = largeTime(OT_STEP, gOt) * 1e6;
  const gOurStep = largeTime(OURS_STEP, gOurs) * 1e6;
  const why = (x, key) => x.errors?.[key] ?? x.error ?? "?";
  // Since the large spec runs in rounds: the median run of each, and the median of the per-round ratios.
  const rounds = r.largeRounds ?? 1;
  const perRound = (key) => r.largeRatios?.[key] ?? null;
  const ratioCell = (s, fallback, goal) => (s ? `${goal(s.median)}${s.n > 1 ? ` (${s.min.toFixed(2)}×–${s.max.toFixed(2)}× over ${s.n} rounds)` : ""}` : goal(fallback));
  const largeLabel = rounds > 1 ? `median of ${rounds} rounds` : "one run each";
  out.push(`| GitHub (${largeLabel}, its 3.1 rendering) | ${gOt.times?.["openapi-typescript alone"] ? sec(gOtStep) : `failed: ${why(gOt, "openapi-typescript alone")}`} | ${gOurStep ? sec(gOurStep) : `not run: ${Object.entries(gOurs.errors ?? {}).map(([k, v]) => `${k}: ${v}`).join("; ") || gOurs.error}`} | ${ratioCell(perRound(STEP_RATIO), ratio(gOurStep, gOtStep), goal13)} | ${gOt.wall ? sec(gOt.wall * 1e6) : "—"} | ${gOurs.wall ? sec(gOurs.wall * 1e6) : "—"} | ${gOurStep ? `${ratio(gOurs.wall, gOt.wall).toFixed(2)}×` : "—"} |`);
  if (r.smallWarm?.times) {
    const w = r.smallWarm.times;
    out.push("", `Warm, for reference (our spec, one process, rounds interleaved, each step run in turn on this thread — the first round is discarded by the median only): openapi-typescript alone ${fmtS(med(w["openapi-typescript alone"]))}, our types step ${fmtS(med(w["ours: types step"]))}, our validators step ${fmtS(med(w["ours: validators step"]))}${Object.keys(r.smallWarm.errors ?? {}).length ? ` (errors: ${JSON.stringify(r.smallWarm.errors)})` : ""}.`);
  }

  const flagged = GOAL_PEERS.map(withOurFlags).filter((name) => r.largeRuns[name]);
  const flaggedSentence = flagged.length ? ` The rows "…, with our generate script's Node flags" run that peer with \`NODE_OPTIONS\` set to the flags package.json's \`generate\` script starts ours with (${r.generateFlags?.length ? r.generateFlags.map((f) => `\`${f}\``).join(" ") : "see package.json"}): those flags would speed the peers up too, so their ratio is given for reference; the goal reads the peers' CLIs as they ship.` : "";
  const roundsSentence = rounds > 1 ? ` ${rounds} rounds, the order reversed every other round; each row is a tool's median run (ours with that run's step times), and "ours ×" is the median of the per-round ratios (their time ÷ ours in the same round), with their range.` : "";
  out.push("", `### GitHub's REST description: ${largeLabel}`, "", `Every tool on the same OpenAPI 3.1 rendering of the original 3.0 file, which our pipeline needs (test/bench/scenarios/github-spec.mjs): ${Object.entries(r.specs.github.as31 ?? {}).map(([k, n]) => `${k} ×${n}`).join(", ")}. Like with like: our row is the pipeline as \`npm run generate\` runs it (scripts/lib/pipeline.mjs \`runPipeline\`: lint, with Redocly's minimal rules — GitHub's spec does not pass ours — its problems counted, not failed on; bundle; types; openapi.json and openapi.yaml; validators; meta), all but writing the files, Node started with the generate script's flags; theirs generate types (openapi-typescript) or a client (hey-api, orval). Each run is stopped after ${r.largeTimeoutS} s.${roundsSentence}${flaggedSentence}`, "", "| tool | wall time | ours × (goal ≥ 2× for hey-api and orval) |", "| --- | --- | --- |");
  const oursLarge = r.largeRuns[OURS_LARGE];
  const oursLargeMs = largeTime(OURS_LARGE, oursLarge) ?? null;
  for (const [name, x] of Object.entries(r.largeRuns)) {
    if (x === oursLarge) {
      const parts = Object.entries(x.times ?? {}).filter(([k]) => k.startsWith("ours:")).map(([k, v]) => `${k.replace("ours: ", "")} ${(v / 1000).toFixed(1)} s`).join(", ");
      const errs = Object.entries(x.errors ?? {}).map(([k, v]) => `${k}: ${v}`).join("; ") || x.error;
      out.push(`| ${name} | ${x.wall ? sec(x.wall * 1e6) : "—"}${parts ? ` (${parts})` : ""}${errs ? ` — failed: ${errs}` : ""} | |`);
      continue;
    }
    const t = x.ms ?? null;
    const rounded = perRound(`${name} ÷ ours`);
    const speed = rounded ? rounded.median : t && oursLargeMs ? t / oursLargeMs : null;
    const goal = GOAL_PEERS.includes(name) ? (speed ? ` ${speed >= 2 ? "✅" : "❌"}` : " ❌ (ours did not finish)") : "";
    const range = rounded && rounded.n > 1 ? ` (${rounded.min.toFixed(2)}×–${rounded.max.toFixed(2)}×)` : "";
    out.push(`| ${name} | ${t ? sec(t * 1e6) : x.timedOut ? `> ${x.timedOut} s (stopped)` : `failed: ${x.failed}`} | ${speed ? `${speed.toFixed(2)}×${range}` : "—"}${goal} |`);
  }

  if (r.growth?.length) return [...out, ...growthTable(r, { oursLargeMs, oursSmall: row("node scripts/generate.mjs --force (cold)") }), ""];
  out.push("", "### Time against spec size", "", `| tool | ours (${kb(r.specs.ours.bytes)}) | GitHub (${mib(r.specs.github.bytes)}) | growth |`, "| --- | --- | --- | --- |");
  const sizeRows = [["ours: node scripts/generate.mjs --force (cold) / ours: the pipeline, lint to meta", row("node scripts/generate.mjs --force (cold)"), oursLargeMs ? oursLargeMs * 1e6 : null, oursLarge?.wall && !oursLargeMs ? "did not finish" : null]];
  for (const name of Object.keys(r.largeRuns).filter((n) => !n.startsWith("ours") && r.small[n] !== undefined)) sizeRows.push([name, row(name), r.largeRuns[name].ms ? r.largeRuns[name].ms * 1e6 : null, r.largeRuns[name].timedOut ? `> ${r.largeRuns[name].timedOut} s` : r.largeRuns[name].failed ? "failed" : null]);
  for (const [name, a, b, note] of sizeRows) out.push(`| ${name} | ${a ? sec(a) : "—"} | ${b ? sec(b) : note ?? "—"} | ${a && b ? `${(b / a).toFixed(1)}×` : "—"} |`);
  out.push("");
  return out;
}

/**
 * Time against spec size: our spec, slices of GitHub's (r.growth) and the whole of it, a column
 * each; a row per tool, then how many times faster ours is than hey-api and orval at each size.
 */
function growthTable(r, { oursLargeMs, oursSmall }) {
  const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const tools = ["openapi-typescript CLI", "@hey-api/openapi-ts CLI", "orval CLI (fetch client)"];
  // Each column: its label and, per tool, a time in ns or why there is none.
  const finished = (x) => {
    const ms = largeTime(OURS_LARGE, x);
    return ms === undefined ? null : ms * 1e6;
  };
  const cliTime = (x) => (x?.ms ? x.ms * 1e6 : x?.timedOut ? `> ${x.timedOut} s` : x?.failed ? "failed" : null);
  const columns = [
    { label: `ours (${kb(r.specs.ours.bytes)})`, ours: oursSmall, tools: Object.fromEntries(tools.map((t) => [t, r.small[t]?.median ?? null])) },
    ...r.growth.map((g) => ({
      label: `GitHub, ${g.label} (${g.paths} paths, ${mib(g.bytes)})`,
      ours: finished(g.runs[OURS_LARGE]) ?? (g.runs[OURS_LARGE] ? "did not finish" : null),
      tools: Object.fromEntries(tools.map((t) => [t, cliTime(g.runs[t])])),
    })),
    {
      label: `GitHub, whole (${r.specs.github.paths ?? "all"} paths, ${mib(r.specs.github.bytes31 ?? r.specs.github.bytes)})`,
      ours: oursLargeMs ? oursLargeMs * 1e6 : "did not finish",
      tools: Object.fromEntries(tools.map((t) => [t, cliTime(r.largeRuns[t])])),
      // in rounds: the median of the per-round ratios, as in the table above
      ratios: Object.fromEntries(tools.map((t) => [t, r.largeRatios?.[`${t} ÷ ours`]?.median])),
    },
  ];
  const cell = (v) => (typeof v === "number" ? sec(v) : v ?? "—");
  const wholeRuns = r.largeRounds > 1 ? `One run per tool and slice; on the whole spec, each tool's median run of ${r.largeRounds} (above).` : "One run per tool and size.";
  const out = ["", "### Time against spec size", "", `${wholeRuns} GitHub's slices (${r.growth.map((g) => g.label).join(", ")}) keep those paths and webhooks of the same 3.1 rendering (key order), with the components they reach (test/bench/scenarios/github-spec.mjs, sliceSpec); our row on them is the same pipeline, lint (minimal rules) to meta, as on the whole. The last rows are how many times faster ours is (their time ÷ ours; the goal, ≥ 2×, is for the whole of GitHub's spec).`, ""];
  out.push(`| tool | ${columns.map((c) => c.label).join(" | ")} | growth, ours → GitHub whole |`, `| --- | ${columns.map(() => "---").join(" | ")} | --- |`);
  const growthOf = (a, b) => (typeof a === "number" && typeof b === "number" ? `${(b / a).toFixed(1)}×` : "—");
  out.push(`| ours: node scripts/generate.mjs --force (cold) on our spec; the pipeline, lint to meta, on GitHub's | ${columns.map((c) => cell(c.ours)).join(" | ")} | ${growthOf(columns[0].ours, columns.at(-1).ours)} |`);
  for (const t of tools) out.push(`| ${t} | ${columns.map((c) => cell(c.tools[t])).join(" | ")} | ${growthOf(columns[0].tools[t], columns.at(-1).tools[t])} |`);
  for (const t of tools.slice(1)) {
    const times = (c) => (c.ratios?.[t] ?? (typeof c.ours === "number" && typeof c.tools[t] === "number" ? c.tools[t] / c.ours : null));
    out.push(`| ours × ${t.replace(/ CLI.*$/, "")} | ${columns.map((c) => (times(c) ? `${times(c).toFixed(2)}×` : "—")).join(" | ")} | |`);
  }
  return out;
}

/** The layout of runs before the cold-step and file-stat rows (kept to render an older last-run.json). */
function pipelineV1(r) {
  const out = ["## 4. Pipeline time and how it grows", "", `Wall time of a whole process (Node start-up included), median over ${r.rounds} rounds after one warm-up round, IQR in brackets. Specs: ours (${kb(r.specs.ours.bytes)} bundled JSON) and GitHub's REST description (${(r.specs.github.bytes / 2 ** 20).toFixed(1)} MiB, ${r.specs.github.file}).`, "", ...versionsTable(r.versions)];
  out.push("### Our spec", "", "| run | wall time |", "| --- | --- |");
  for (const [name, s] of Object.entries(r.small)) out.push(`| ${name} | ${s ? iqr(s, sec) : "failed"}${r.failures[name] ? ` (${r.failures[name]})` : ""} |`);
  out.push("", "Steps of the cold `npm run generate`, as it prints them (lint on its own line):", "", "| step | time |", "| --- | --- |");
  for (const [name, s] of Object.entries(r.steps)) out.push(`| ${name} | ${iqr(s, (x) => `${(x / 1e6).toFixed(0)} ms`)} |`);
  const skip = r.small["npm run generate (nothing changed)"];
  out.push("", `Goal: with nothing changed, a regenerate costs ≤ 0.3 s: ${skip ? sec(skip.median) : "—"} — ${mark(skip && skip.median <= 0.3e9)}.`, "");
  out.push("### Steps in process: ours against openapi-typescript alone", "", "Same process, same parsed spec, rounds interleaved (our types step is openapi-typescript with `rootTypes`; our validators step compiles every schema once with AJV, allErrors, and emits standalone code twice: the components with AJV's error objects for `schemas`, the operations post-processed to build our issues).", "", "| spec | openapi-typescript alone | ours: types step | ours: validators step | ours: types + validators ÷ openapi-typescript (goal ≤ 1.3×) |", "| --- | --- | --- | --- | --- |");
  for (const [label, st] of [["ours", r.smallSteps], ["GitHub", r.largeSteps]]) {
    const t = st.times ?? {};
    const ot = t["openapi-typescript alone"]?.median;
    const ty = t["ours: types step"]?.median;
    const va = t["ours: validators step"]?.median;
    const ratio = ot && ty && va ? (ty + va) / ot : null;
    out.push(`| ${label} | ${ot ? sec(ot) : "—"} | ${ty ? sec(ty) : "—"} | ${va ? sec(va) : `not run: ${st.errors?.["ours: validators step"] ?? st.error ?? "?"}`} | ${ratio ? `${ratio.toFixed(2)}× ${ratio <= 1.3 ? "✅" : "❌"}` : "—"} |`);
  }
  out.push("", "### GitHub's REST description: one run each", "", "| tool | wall time |", "| --- | --- |");
  for (const [name, x] of Object.entries(r.largeRuns)) out.push(`| ${name} | ${x.ms ? sec(x.ms * 1e6) : x.timedOut ? `> ${x.timedOut} s (stopped)` : `failed: ${x.failed}`} |`);
  out.push("", "### Time against spec size", "", `| tool | ours (${kb(r.specs.ours.bytes)}) | GitHub (${(r.specs.github.bytes / 2 ** 20).toFixed(1)} MiB) | growth |`, "| --- | --- | --- | --- |");
  for (const name of Object.keys(r.largeRuns)) {
    const a = r.small[name]?.median;
    const b = r.largeRuns[name].ms ? r.largeRuns[name].ms * 1e6 : null;
    out.push(`| ${name} | ${a ? sec(a) : "—"} | ${b ? sec(b) : r.largeRuns[name].timedOut ? `> ${r.largeRuns[name].timedOut} s` : "failed"} | ${a && b ? `${(b / a).toFixed(1)}×` : "—"} |`);
  }
  out.push("");
  return out;
}

function client(r) {
  // Older runs (before the generated peers) had no roles: their base was ours with timeoutMs: 0.
  const roles = r.roles ?? { noValidation: "puffle-api client, no validation (timeoutMs: 0)", validated: "puffle-api client, validate: both", rawFetch: "raw fetch", generated: [] };
  const base = r.base ?? roles.noValidation;
  const out = ["## 3. Client overhead (stubbed fetch)", "", `One \`PATCH /api/threads/{id}\` with a path id, a JSON body and a parsed JSON 200 response per call, awaited one after the other; the stub \`fetch\` builds a fresh \`Response\` each call, the same for every contender. Median time per call with the IQR; "ours ×" = how many times faster ours (**${base}**) is than that contender (below 1: ours is slower); "× raw fetch" = that contender's speed ÷ raw fetch's (the goals' measure); both are medians of per-round ratios, IQR in brackets. The generated clients are built from generated/openapi.json at bench time (test/bench/lib/generated-clients.mjs).`, "", ...versionsTable(r.versions), "| contender | time per call | ours × |", "| --- | --- | --- |"];
  const hasRaw = r.vsRawFetch && Object.keys(r.vsRawFetch).length > 0;
  if (hasRaw) {
    out[out.length - 2] = "| contender | time per call | ours × | × raw fetch |";
    out[out.length - 1] = "| --- | --- | --- | --- |";
  }
  for (const [name, m] of Object.entries(r.measured)) out.push(`| ${name === base ? `**${name}**` : name} | ${iqr(m.time, fmt.ns)} | ${m.ratio ? speedup(m.ratio) : ""} |${hasRaw ? ` ${r.vsRawFetch[name] ? speedup(r.vsRawFetch[name]) : ""} |` : ""}`);
  for (const [name, why] of Object.entries({ ...r.failures, ...r.notMeasured })) out.push(`| ${name} | not measured: ${why} | |${hasRaw ? " |" : ""}`);
  // "x× raw fetch": speed of ours ÷ speed of raw fetch, from the medians.
  // Per-round ratios when the run kept them (vsRawFetch), else the ratio of the medians.
  const vsRaw = (name) => r.vsRawFetch?.[name]?.median ?? (r.measured[name] && r.measured[roles.rawFetch] ? r.measured[roles.rawFetch].time.median / r.measured[name].time.median : null);
  const raw = vsRaw(roles.noValidation);
  const both = vsRaw(roles.validated);
  const noTimeout = roles.noTimeout ? vsRaw(roles.noTimeout) : null;
  const gens = roles.generated.map((n) => [n, r.measured[n]?.ratio?.median]);
  const genMissing = gens.filter(([, x]) => x === undefined).map(([n]) => n);
  const genBehind = gens.filter(([, x]) => x !== undefined && x < 1);
  const genText = gens.length === 0 ? "not measured" : `${gens.map(([n, x]) => `${x === undefined ? "not measured" : `${x.toFixed(2)}×`} ${n}`).join(", ")} — ${mark(genMissing.length === 0 && genBehind.length === 0)}`;
  out.push("", `Goal ≥ 0.9× raw fetch without validation (default options): ${raw ? raw.toFixed(2) : "—"}× — ${mark(raw >= 0.9)}${noTimeout ? ` (with \`timeoutMs: 0\`: ${noTimeout.toFixed(2)}×)` : ""}. Goal ≥ 0.8× raw fetch with both validations: ${both ? both.toFixed(2) : "—"}× — ${mark(both >= 0.8)}. Goal ahead of every generated-client peer: ${genText}.`, "");
  return out;
}

function e2e(r) {
  if (r.version !== 2) return e2eV1(r);
  const d = r.durations;
  const out = ["## 5. End to end over loopback", "", `Servers ${r.pinned ? "pinned to core 0 and autocannon to core 1 (taskset)" : "and autocannon unpinned (no taskset)"}; ${r.connections} connections; \`PATCH /api/threads/{id}\` with a bearer token and a JSON body. The three servers are up together and take turns: ${d.rounds} rounds of ${d.round} s each, the order rotated every round, after a ${d.warmUp} s warm-up each; "ours ×" is ours' requests/s over the peer's in the same round (median and IQR of the per-round ratios). The server's CPU time per request (user + system, from /proc) is a second view of the same runs: "ours × by CPU" is the peer's CPU per request over ours in the same round.`, "", "| server | requests/s (median, IQR over rounds) | ours × | server CPU per request (median) | ours × by CPU | p50 / p99 latency (median over rounds) | requests | non-2xx | errors |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"];
  for (const [name, x] of Object.entries(r.results)) {
    const rps = x.requestsPerSecond;
    const cpu = x.serverCpuUsPerRequest;
    out.push(`| ${name} | ${rps.median.toFixed(0)} (${rps.p25.toFixed(0)}–${rps.p75.toFixed(0)}) | ${x.oursOver ? speedup(x.oursOver) : ""} | ${cpu ? `${cpu.median.toFixed(0)} µs` : "—"} | ${x.oursOverByCpu ? speedup(x.oursOverByCpu) : ""} | ${x.latencyMs.p50} ms / ${x.latencyMs.p99} ms | ${x.total} | ${x.non2xx} | ${x.errors + x.timeouts} |`);
  }
  for (const [name, why] of Object.entries(r.failures)) out.push(`| ${name} | not measured: ${why} | | | | | | | |`);
  const over = (name) => r.results[name]?.oursOver?.median;
  const prism = over("Prism mock (@stoplight/prism-cli)");
  const bare = over("bare Fastify route (constant)");
  out.push("", `Goal ≥ 5× Prism's requests/s: ${prism ? prism.toFixed(1) : "—"}× — ${mark(prism >= 5)}. Goal ≥ 0.7× the bare route: ${bare ? nearGoal(bare, 0.7) : "—"}× — ${mark(bare >= 0.7)}.`, "");

  const soak = r.soak;
  if (soak?.run && soak.samples.length >= 4) {
    const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
    const xs = soak.samples;
    const half = Math.floor(xs.length / 2);
    const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
    const growth = (key) => (avg(xs.slice(half).map((x) => x[key])) - avg(xs.slice(0, half).map((x) => x[key]))) / avg(xs.slice(0, half).map((x) => x[key]));
    // Least-squares slope, bytes per second.
    const slope = (key) => {
      const mx = avg(xs.map((x) => x.s));
      const my = avg(xs.map((x) => x[key]));
      const num = xs.reduce((s, x) => s + (x.s - mx) * (x[key] - my), 0);
      const den = xs.reduce((s, x) => s + (x.s - mx) ** 2, 0);
      return den ? num / den : 0;
    };
    const pct = (g) => `${g >= 0 ? "+" : ""}${(g * 100).toFixed(1)}%`;
    const kibs = (b) => `${b >= 0 ? "+" : ""}${(b / 1024).toFixed(1)} KiB/s`;
    const rss = xs.map((x) => x.rss);
    const { before, after } = soak.heapAfterGc;
    const retained = before !== null && after !== null ? after - before : null;
    const rssFlat = Math.abs(growth("rss")) < 0.05;
    const heapFlat = retained !== null && retained < 2 ** 20;
    const run = soak.run;
    out.push(
      `Memory: ours alone${soak.nodeFlags?.length ? ` (a fresh process, \`node ${soak.nodeFlags.join(" ")}\`: V8's young generation at its default maximum from the start, so its growth in steps under load is not read as growth)` : ""} under the same load for ${soak.seconds} s without a pause${soak.warmUpSeconds ? `, after ${soak.warmUpSeconds} s of warm-up under that load` : ""} — ${run.requestsPerSecond.mean.toFixed(0)} ± ${run.requestsPerSecond.stddev.toFixed(0)} requests/s (per-second sd), p50 / p99 ${run.latencyMs.p50} ms / ${run.latencyMs.p99} ms, ${run.total} requests, ${run.non2xx} non-2xx, ${run.errors + run.timeouts} errors; \`process.memoryUsage()\` sampled each second in the server (${xs.length} samples):`,
      "",
      "| | first | last | max | second half vs first half | trend |",
      "| --- | --- | --- | --- | --- | --- |",
      `| RSS | ${mib(rss[0])} | ${mib(rss.at(-1))} | ${mib(Math.max(...rss))} | ${pct(growth("rss"))} | ${kibs(slope("rss"))} |`,
      `| heap used | ${mib(xs[0].heapUsed)} | ${mib(xs.at(-1).heapUsed)} | ${mib(Math.max(...xs.map((x) => x.heapUsed)))} | ${pct(growth("heapUsed"))} | ${kibs(slope("heapUsed"))} |`,
      `| heap total (V8's reservation) | ${mib(xs[0].heapTotal)} | ${mib(xs.at(-1).heapTotal)} | ${mib(Math.max(...xs.map((x) => x.heapTotal)))} | ${pct(growth("heapTotal"))} | ${kibs(slope("heapTotal"))} |`,
      "",
      `Heap used after a full GC: ${before !== null ? mib(before) : "—"} before the run, ${after !== null ? mib(after) : "—"} after it (${retained !== null ? `${retained >= 0 ? "+" : ""}${(retained / 1024).toFixed(0)} KiB` : "—"}) — what the run left behind.`,
      "",
      `Goal flat memory over a ${soak.seconds < 60 ? `${soak.seconds} s (quick; the goal is 60 s)` : `${soak.seconds} s`} run (RSS second half within ±5% of the first, heap retained after a full GC grown by less than 1 MiB): ${soak.seconds < 60 ? "not shown by a quick run" : mark(rssFlat && heapFlat)}.`,
      "",
    );
  } else {
    out.push(`Memory: not measured${soak ? " (the run failed or was too short)" : ""}.`, "");
  }
  return out;
}

/** Scenario 5 as written before rounds and the 60 s memory run (an old test/bench/last-run.json). */
function e2eV1(r) {
  const out = ["## 5. End to end over loopback", "", `Server ${r.pinned ? "pinned to core 0 and autocannon to core 1 (taskset)" : "and autocannon unpinned (no taskset)"}; 10 connections; \`PATCH /api/threads/{id}\` with a bearer token and a JSON body; a 2 s warm-up burst before each measured run (ours ${r.durations.ours} s, the bare route ${r.durations.bare} s, Prism ${r.durations.prism} s).`, "", "| server | requests/s (mean ± sd) | p50 / p99 latency | non-2xx | errors |", "| --- | --- | --- | --- | --- |"];
  for (const [name, x] of Object.entries(r.results)) out.push(`| ${name} | ${x.requestsPerSecond.mean.toFixed(0)} ± ${x.requestsPerSecond.stddev.toFixed(0)} | ${x.latencyMs.p50} ms / ${x.latencyMs.p99} ms | ${x.non2xx} | ${x.errors + x.timeouts} |`);
  for (const [name, why] of Object.entries(r.failures)) out.push(`| ${name} | not measured: ${why} | | | |`);
  const rps = (n) => r.results[n]?.requestsPerSecond.mean;
  const ours = rps("puffle-api reference server");
  const prism = rps("Prism mock (@stoplight/prism-cli)");
  const bare = rps("bare Fastify route (constant)");
  const rss = r.results["puffle-api reference server"]?.rssKiB ?? [];
  const half = Math.floor(rss.length / 2);
  const firstHalf = rss.slice(0, half);
  const secondHalf = rss.slice(half);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const growth = firstHalf.length && secondHalf.length ? (avg(secondHalf) - avg(firstHalf)) / avg(firstHalf) : null;
  out.push("", `Goal ≥ 5× Prism's requests/s: ${ours && prism ? (ours / prism).toFixed(1) : "—"}× — ${mark(ours && prism && ours / prism >= 5)}. Goal ≥ 0.7× the bare route: ${ours && bare ? (ours / bare).toFixed(2) : "—"}× — ${mark(ours && bare && ours / bare >= 0.7)}.`, "");
  if (rss.length) out.push(`Our server's RSS, sampled each second of its ${r.durations.ours} s run: ${(rss[0] / 1024).toFixed(1)} MiB first, ${(rss[rss.length - 1] / 1024).toFixed(1)} MiB last, ${(Math.max(...rss) / 1024).toFixed(1)} MiB max; second half vs first half ${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}% (flat memory over a 60 s run: ${r.durations.ours < 60 ? `not shown — the run is ${r.durations.ours} s, to keep the bench bounded` : mark(Math.abs(growth) < 0.05)}).`, "");
  return out;
}

const renderers = { validators, "cold-start": coldStart, size, pipeline, client, e2e };

/** A ratio as a goal line shows it: two decimals, three within half a hundredth of the goal ("0.70× — missed" read as a contradiction). */
export const nearGoal = (x, goal) => x.toFixed(Math.abs(x - goal) < 0.005 ? 3 : 2);

export function render(env, results) {
  const out = header(env);
  for (const [name, r] of Object.entries(results)) {
    if (r.skipped || r.failed) {
      out.push(`## ${name}`, "", `Not measured in this run: ${r.skipped ?? r.failed}.`, "");
      continue;
    }
    const lines = (renderers[name] ?? ((x) => [`## ${name}`, "", "```json", JSON.stringify(x, null, 1), "```", ""]))(r);
    out.push(...lines, `_(${name}: ${r.seconds.toFixed(0)} s${r.earlierRun ? `, figures from the run of ${r.earlierRun}${r.earlierCommit ? ` on ${r.earlierCommit}` : ""}` : r.date ? `, measured ${r.date}` : ""})_`, "");
  }
  return `${out.join("\n")}\n`;
}

/**
 * Writes the report (`out`) and the run's record (`lastRun`, whose figures the next `--only` run
 * carries over) both or neither: each through a temporary name and a rename, so a run stopped or
 * failing while it writes leaves the previous pair as it was, never a truncated report nor a report
 * of one run beside the record of another. `options.fs` is for the tests.
 */
export function writeReport(out, lastRun, env, results, options) {
  writeFilesAtomically([[out, render(env, results)], [lastRun, `${JSON.stringify({ env, results }, null, 1)}\n`]], options);
}
