#!/usr/bin/env node
// The `puffle` binary (package.json `bin`). See docs/cli.md.
import { exitOnOutputErrors } from "../server/launch.js";
import { runCli } from "./program.js";

// A reader gone (`puffle thread update --help | head -1`) ends quietly with the exit code so far;
// another error writing stdout is one line on stderr, exit 1 (not Node's EPIPE stack trace).
exitOnOutputErrors("puffle error");

process.exitCode = await runCli(process.argv.slice(2));
