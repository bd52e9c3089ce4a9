#!/usr/bin/env node
// `npm run mock`: starts the reference server and prints its demo tokens and URLs.
//   node dist/server/main.js [--port 4010] [--host 127.0.0.1] [--data FILE] [--cors [ORIGIN]] [--allow-reset] [--quiet] [--print-seed]
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { operations as meta } from "../../generated/meta.js";
import { operationIds } from "../validators.js";
import { defaultSeedText } from "./default-seed.js";
import { defaultSeed, loadSeed, SeedError, startServer } from "./index.js";
import type { RunningServer, Seed } from "./index.js";
import { corsBannerLine, dataFileProblem, exitOnOutputErrors, flagValueProblem, hostProblem, logHeldUntilBanner, parseCorsArgument, resetBannerLine, seedProblem, serveDespiteOutputErrors, startProblem, stopOnSignals, unlessOutputLost, wildcardNote } from "./launch.js";
import { oneLine } from "../unsafe-text.js";
import { quoted, shown } from "../errors.js";
import type { CorsOrigins } from "./launch.js";

const USAGE = `Usage: node dist/server/main.js [options]   (npm run mock -- [options])

Starts the Puffle reference server (PATCH /api/conversations/{id}, PATCH /api/threads/{id}).

Options:
  --port N        port to listen on (default 4010; 0 = any free port)
  --host HOST     address to listen on (default 127.0.0.1; ::1 for IPv6 loopback)
  --data FILE     start from this seed file instead of the default seed (JSON; --print-seed prints
                  the default seed in that format)
  --cors [ORIGIN] let web pages on other origins call the server from a browser (CORS): alone,
                  any origin; with ORIGIN (http://localhost:5173; several: comma-separated), only
                  those. Off by default
  --allow-reset   answer POST /__puffle/reset (from this machine only, not from web pages): puts
                  the data back to the seed it started from, for tests that share one server.
                  Off by default
  --quiet         do not log requests
  --print-seed    print the default seed as JSON, every column of every record (a starting point
                  for --data), and exit
  -h, --help      show this help`;

function usageError(message: string): never {
  process.stderr.write(`puffle mock: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/**
 * parseArgs's error as one line: its "Unknown option '<text>'" and "Unexpected argument '<text>'. …"
 * echo what was typed as it was (an escape sequence, a line break, 100 KiB of it); the text is
 * quoted as any value is (`quoted`: JSON-quoted, one line, cut to 200 characters), as the CLI's
 * errors quote it. Its other messages name only this program's options.
 */
function parseArgsProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const echoed = /^(Unknown option|Unexpected argument) '([\s\S]*)'(\. This command does not take positional arguments)?$/.exec(message);
  if (echoed) return `${echoed[1]} ${quoted(echoed[2] ?? "")}${echoed[3] ?? ""}`;
  // `--allow-reset=yes`: worded as `puffle mock` words it (flagValueProblem).
  const flag = /^Option '(?:-\w, )?(--[\w-]+)' does not take an argument$/.exec(message);
  if (flag?.[1] !== undefined) return flagValueProblem(flag[1]);
  return shown(message);
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 4010;
  if (!/^\d+$/.test(value) || Number(value) > 65_535) usageError(`--port must be an integer from 0 to 65535 (got ${quoted(value)})`);
  return Number(value);
}

export function banner(server: RunningServer, seed: Seed, source: string, cors?: CorsOrigins, allowReset = false): string {
  const note = wildcardNote(server);
  const lines = [`Puffle reference server listening on ${server.url} (${note !== undefined ? `${note}; ` : ""}data: ${source})`];
  if (cors !== undefined) lines.push(corsBannerLine(cors));
  if (allowReset) lines.push(resetBannerLine(server.url));
  lines.push("", "Endpoints:");
  for (const op of operationIds) lines.push(`  ${meta[op].method} ${server.url}${meta[op].path}   (${op})`);
  lines.push("", "Demo tokens (Authorization: Bearer <token>):");
  for (const user of seed.users) {
    // A seed file's text, shown safe to print (src/unsafe-text.ts), as the CLI shows a server's.
    lines.push(`  ${user.token}   ${oneLine(user.name)}`);
    for (const row of seed.conversations.filter((c) => c.user_id === user.id)) {
      const op = row.channel === "email" ? "threads" : "conversations";
      lines.push(`    ${server.url}/api/${op}/${row.id}   ${row.channel} ${row.status}${row.warmup ? " warmup" : ""}`);
    }
  }
  const first = seed.users[0];
  const row = first && seed.conversations.find((c) => c.user_id === first.id);
  if (first && row) {
    lines.push("", "Try:", `  curl -X PATCH ${server.url}/api/conversations/${row.id} \\`,
      `    -H "Authorization: Bearer ${first.token}" -H "Content-Type: application/json" -d '{"status":"active"}'`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `--cors` given without a value (last, or before another option) as `--cors=*`: parseArgs has no
 * options whose value is optional. An origin never starts with "-".
 */
function withCorsDefault(argv: readonly string[]): string[] {
  return argv.map((arg, i) => (arg === "--cors" && (i + 1 === argv.length || argv[i + 1]!.startsWith("-")) ? "--cors=*" : arg));
}

async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: withCorsDefault(argv),
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        cors: { type: "string" },
        "allow-reset": { type: "boolean" },
        quiet: { type: "boolean" },
        "print-seed": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(parseArgsProblem(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values["print-seed"]) {
    process.stdout.write(defaultSeedText());
    return;
  }
  const port = parsePort(values.port);
  const host = values.host ?? "127.0.0.1";
  const hostError = hostProblem(host);
  if (hostError !== undefined) usageError(hostError);
  let cors: CorsOrigins | undefined;
  if (values.cors !== undefined) {
    const parsed = parseCorsArgument(values.cors);
    if ("problem" in parsed) usageError(parsed.problem);
    cors = parsed.origins;
  }
  let seed: Seed = defaultSeed;
  if (values.data !== undefined) {
    const dataError = dataFileProblem(values.data);
    if (dataError !== undefined) usageError(dataError);
    try {
      seed = loadSeed(values.data);
    } catch (error) {
      // A usage error (exit 2), as a bad --port or --cors is, and as `puffle mock --data` exits, with
      // the same problems (seedProblem: the file quoted, the first ten, each cut, then how many more),
      // a line each. Each line safe to print (a field name the file got wrong is quoted as it is, a
      // line break in it included: built from the issues, not by splitting the message at its line breaks).
      let lines: string[];
      if (error instanceof SeedError) {
        const { heading, listed } = seedProblem(values.data, error.issues, error.more, error.moreAtLeast);
        lines = [`${heading}:`, ...listed.map((line) => `  - ${line}`)];
      } else {
        lines = [`--data: ${shown(error instanceof Error ? error.message : String(error))}`];
      }
      process.stderr.write(`puffle mock: ${lines.join("\n")}\n`);
      process.exit(2);
    }
  }
  let server: RunningServer;
  const log = values.quiet ? undefined : logHeldUntilBanner(unlessOutputLost((text) => void process.stdout.write(text)));
  try {
    server = await startServer({ port, host, seed, logger: !values.quiet, logStream: log?.stream, cors, allowReset: values["allow-reset"] === true });
  } catch (error) {
    process.stderr.write(`puffle mock: ${startProblem(host, port, error)}\n`);
    process.exit(1);
  }
  stopOnSignals(server);
  serveDespiteOutputErrors();
  process.stdout.write(banner(server, seed, values.data ?? "default seed", cors, values["allow-reset"] === true));
  log?.release();
}

/** Whether this module is the program node was started with (not imported, e.g. for `banner`). */
function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  exitOnOutputErrors("puffle mock");
  await main(process.argv.slice(2));
}
