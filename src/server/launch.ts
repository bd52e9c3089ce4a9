// What both launchers of the reference server share — `puffle mock` (src/cli/program.ts) and
// `npm run mock` (src/server/main.ts): the --host and --cors checks, the banner's CORS line, the
// request log held until the banner is out, and the shutdown on SIGINT/SIGTERM. Types only from
// ./index.js, so importing this does not load Fastify.
import { isIP } from "node:net";
import { constants as osConstants } from "node:os";
import { domainToASCII } from "node:url";
import { quoted, shown } from "../errors.js";
import type { RunningServer } from "./index.js";

// `--cors [origin]`: parseCorsArgument checks the value (`*` when the option is given alone) and
// names --cors and the rule when it is not one; corsBannerLine is the banner's line when CORS is on.
export { corsBannerLine, parseCorsArgument } from "./cors.js";
export type { CorsOrigins } from "./cors.js";

/**
 * The wildcard addresses (`--host 0.0.0.0`, `--host ::`, or a spelling of them such as "0"), by the
 * address the server is bound to: the loopback address (as a URL's host) the listener answers on,
 * which startServer's `url` names, and what the banner says is served.
 */
export const WILDCARD_ADDRESSES: Readonly<Record<string, { loopback: string; serves: string } | undefined>> = {
  "0.0.0.0": { loopback: "127.0.0.1", serves: "every IPv4 address" },
  "::": { loopback: "[::1]", serves: "every address" },
};

/**
 * What the banner adds to its URL when the server listens on a wildcard address: the URL is then a
 * loopback address (startServer's `url`), which alone would read as if only loopback were served.
 * Undefined otherwise.
 */
export function wildcardNote(running: RunningServer): string | undefined {
  const address = running.app.server.address();
  if (typeof address !== "object" || address === null) return undefined;
  return WILDCARD_ADDRESSES[address.address]?.serves;
}

/**
 * Why the reference server cannot start where code generation from strings is disallowed (node
 * --disallow-code-generation-from-strings): Fastify's router (find-my-way) compiles every route, its
 * own 404 route included, with `new Function`, so no Fastify app can run there. createServer throws
 * an EvalError saying so; the client and `puffle-api/validators` compile nothing
 * (test/unit/no-code-generation.test.ts).
 */
export const CODE_GENERATION_DISALLOWED =
  "code generation from strings is disallowed (as under node --disallow-code-generation-from-strings), and Fastify, which the reference server runs on, compiles its routes with new Function: run it without that flag";

/**
 * The usage error (after the launcher's prefix) for a value given to an option that takes none:
 * `--allow-reset=yes`, `--quiet=1`. `npm run mock` (parseArgs: "Option '--allow-reset' does not
 * take an argument") and `puffle` (commander: "unknown option '--allow-reset=yes'", as if there were
 * no such option) worded it apart; both say this. The value is not echoed (as for an unknown option
 * given one: it may be a token tried on the command line).
 */
export function flagValueProblem(option: string): string {
  return `${option} takes no value: give ${option} alone (on) or leave it out (off)`;
}

/** The launchers' line (after their prefix) when startServer fails: the address in use, another listen error, or code generation disallowed. */
export function startProblem(host: string, port: number, error: unknown): string {
  if (error instanceof EvalError) return `cannot start the reference server: ${CODE_GENERATION_DISALLOWED}`;
  const code = (error as { code?: unknown } | null)?.code;
  return `cannot listen on ${host}:${port}: ${code === "EADDRINUSE" ? "the address is already in use" : error instanceof Error ? error.message : String(error)}`;
}

/**
 * The path of the reset endpoint (`allowReset`, `--allow-reset`): outside `/api/`, so never one of
 * the spec's paths. `POST` there puts the store back to the seed the server started from.
 */
export const RESET_PATH = "/__puffle/reset";

/** The banner's line when the reset endpoint is on (both launchers). */
export function resetBannerLine(url: string): string {
  return `Reset: POST ${url}${RESET_PATH} puts the data back to its seed (from this machine only)`;
}

/** How long open requests may finish once startServer's `close()` is called (SIGINT/SIGTERM) before their connections are cut. */
export const CLOSE_GRACE_MS = 1000;

/** An RFC 1123 host name: dot-separated labels of 1 to 63 letters, digits and hyphens, none first or last in a label; one final dot allowed. */
const HOST_NAME = /^(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

/**
 * Why `text` is not a --host value (undefined when it is one; the message names the option `name`,
 * `host` for startServer's): an IP address, v4 or v6 (`net.isIP`;
 * an IPv6 zone such as `fe80::1%eth0` too), or a host name by RFC 1123 (`localhost`,
 * `my-host.internal`) that is not numbers and dots (NUMERIC_LABELS: `127.1` is IPv4 shorthand to
 * the resolver). An internationalized name is refused naming its punycode form (`punycodeHint`).
 * Anything else is refused before anything is bound: an empty host would make
 * Node listen on every interface (and the banner print `http://:4010`); a URL is not a host; an IPv6
 * address is given without the brackets a URL puts around it (`[::1]` failed to resolve, exit 1);
 * and text holding spaces, control characters (`a\x01b`), underscores or empty labels (`a..b`) went
 * to getaddrinfo and failed there, exit 1 "cannot listen" instead of a usage error.
 */
export function hostProblem(text: string, name = "--host"): string | undefined {
  if (isIP(text) !== 0) return undefined;
  if (HOST_NAME.test(text)) {
    if (text === "0") return undefined; // 0.0.0.0 in its shortest spelling, as the docs allow
    if (NUMERIC_LABELS.test(text)) {
      return `${name} must be an IPv4 address in full (four decimal numbers from 0 to 255, such as 127.0.0.1) when it is numbers and dots: shorthand such as 127.1, 10.1.2 or 2130706433 is no host name, and the resolver reads it as another address; got ${quoted(text)}`;
    }
    if (/(?:^|\.)\d+\.?$/.test(text)) {
      return `${name}'s last label must not be all digits (no top-level domain is: such a name is never found, and a URL reads it as an IPv4 address): give an IP address in full or a name such as my-host.internal; got ${quoted(text)}`;
    }
    return undefined;
  }
  return `${name} must be an IP address such as 127.0.0.1 or ::1 (IPv6 without brackets) or a host name such as localhost (dot-separated labels of letters, digits and hyphens, at most 63 characters each, not starting or ending with a hyphen; 253 in all), got ${quoted(text)}${punycodeHint(text)}`;
}

/**
 * Numbers and dots, each number decimal (octal with a leading 0) or hexadecimal (`0x7f`): what the
 * resolver (getaddrinfo, by inet_aton's rules) reads as an IPv4 address in shorthand, as a URL does
 * (WHATWG: a host whose last label is a number is IPv4). RFC 1123 names in form, but `--host 127.1`
 * listened on 127.0.0.1, `1.2.3` tried 1.2.0.3 and `300.1` was looked up as a name (exit 1 both).
 * Only a full dotted quad (`net.isIP`) is taken, and `0` (0.0.0.0's shortest spelling, documented);
 * another number alone is refused too (`4294967295` listened on 255.255.255.255, `1` failed at
 * listen), and so is a name whose last label is all digits (`a.1`: looked up, never found).
 */
const NUMERIC_LABELS = /^(?:\d+|0x[0-9a-f]*)(?:\.(?:\d+|0x[0-9a-f]*))*\.?$/i;

/**
 * For a --host with letters beyond ASCII (`bücher.example`, no RFC 1123 name): the hint that its
 * ASCII form (`xn--bcher-kva.example`, url.domainToASCII's, as a URL's host is written) is taken,
 * when that is a --host value; "" otherwise (`a_ü`, `ü..x`: no name either way).
 */
function punycodeHint(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text) || text.length > 1024) return "";
  const ascii = domainToASCII(text);
  if (ascii === "" || ascii === text || hostProblem(ascii) !== undefined) return "";
  return `; an internationalized name is given in its ASCII (punycode) form, here ${quoted(ascii)}`;
}

/**
 * The usage error (after the launcher's prefix) for a `--data` value the launchers refuse before
 * reading: `-`, which read a file named `-` where a user meant stdin. `--data` takes a path, as
 * every option but a JSON one's `@-` does (docs/cli.md): a file named `-` is `./-`.
 */
export function dataFileProblem(file: string): string | undefined {
  if (file === "-") return '--data takes a seed file\'s path and does not read stdin: "-" is refused (a file named - is ./-)';
  return undefined;
}

/** How many problems of an invalid `--data` file the launchers list; the rest are counted (`and 3 more`). */
const SEED_ISSUES_SHOWN = 10;

/**
 * An invalid `--data` file (loadSeed's SeedError) as both launchers report it: `heading`,
 * `--data: "<file>" is not a valid seed` (the name quoted), and `listed`, its first
 * SEED_ISSUES_SHOWN problems each on one line and cut (`shown`: a field name the file got wrong may
 * hold a line break or be a megabyte long), then `and N more` when there are more (a file may have
 * thousands: `more` counts those SeedError did not list; `and at least N more` when its
 * `moreAtLeast` says a record's problems were counted to 1,000 only). `puffle mock` joins them on
 * one line, `npm run mock` lists them a line each.
 */
export function seedProblem(file: string, issues: readonly string[], more = 0, moreAtLeast = false): { heading: string; listed: string[] } {
  const listed = issues.slice(0, SEED_ISSUES_SHOWN).map(shown);
  const found = issues.length + more;
  if (found > SEED_ISSUES_SHOWN) listed.push(`and ${moreAtLeast ? "at least " : ""}${found - SEED_ISSUES_SHOWN} more`);
  return { heading: `--data: ${quoted(file)} is not a valid seed`, listed };
}

/**
 * The request log's stream while a launcher starts (`logStream` of startServer): Fastify logs
 * "Server listening at …" as it starts listening, before the launcher knows the URL its banner
 * shows. Lines are held until `release()`, called once the banner is out, and then written with
 * `write`, as every later line is: the banner comes first.
 */
export function logHeldUntilBanner(write: (text: string) => void): { stream: { write(line: string): void }; release(): void } {
  let held: string[] | undefined = [];
  return {
    stream: {
      write: (line) => {
        if (held === undefined) write(line);
        else held.push(line);
      },
    },
    release: () => {
      const lines = held ?? [];
      held = undefined;
      for (const line of lines) write(line);
    },
  };
}

/**
 * Stops `running` (startServer's) on the first SIGINT or SIGTERM and exits 0 (1 if closing fails).
 * A client that sent half a request (or holds a slow upload) does not keep the server alive:
 * startServer's `close()` cuts such connections after CLOSE_GRACE_MS. Install it before printing the
 * banner, so that whoever waits for the banner may stop the server at once.
 *
 * A second SIGINT or SIGTERM (either, after either) while it closes ends the process at once, by
 * that signal: the handlers are removed and the signal sent again, to its default action. As PID 1
 * (a container's entry point without an init), the kernel ignores a signal the process has no
 * handler for, so the process then exits 128 + the signal's number (130, 143), as a shell reports a
 * process killed by it. (It relied on `process.once`: a SIGINT after a SIGTERM started a second
 * close and waited for it, and as PID 1 a second signal did nothing.)
 */
export function stopOnSignals(running: RunningServer): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      stopping = true;
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
      return;
    }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.kill(process.pid, signal);
    process.exit(128 + (osConstants.signals[signal] ?? 0));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

/** Whether a launcher's server is serving (its banner out), and whether stdout has failed since. */
const output = { serving: false, lost: false };

/**
 * Called by a launcher once its server serves (before its banner): from then on an error writing
 * stdout (the log shipper reading the request log exits: EPIPE; a full disk: ENOSPC) no longer ends
 * the process (exitOnOutputErrors ended it with exit 0 on EPIPE: a supervisor restarting on failure
 * did not, and every client lost the server). One line on stderr says so, the request log is
 * dropped from then on (`writeLog`), and the server goes on until SIGINT/SIGTERM.
 */
export function serveDespiteOutputErrors(): void {
  output.serving = true;
}

/** `write`, unless stdout has failed while serving (see serveDespiteOutputErrors): the launchers' request log. */
export function unlessOutputLost(write: (text: string) => void): (text: string) => void {
  return (text) => {
    if (!output.lost) write(text);
  };
}

/**
 * For a program's entry point (the puffle binary, `npm run mock`): a reader gone before the output
 * is written (EPIPE: `… | head -1`) ends the process quietly with the exit code so far, and stderr
 * is let go (the exit code still tells); another error writing stdout (a full disk) is one line on
 * stderr, `<prefix>: cannot write the output: ENOSPC`, exit 1 — instead of Node's unhandled-error
 * stack trace.
 */
export function exitOnOutputErrors(prefix: string): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (output.serving) {
      if (output.lost) return;
      output.lost = true;
      process.stderr.write(`${prefix}: the request log is no longer written: stdout failed (${error.code ?? error.message}); the server goes on\n`);
      return;
    }
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`${prefix}: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(1);
  });
  process.stderr.on("error", () => {});
}
