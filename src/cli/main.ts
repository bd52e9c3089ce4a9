#!/usr/bin/env node
// The `puffle` binary (package.json `bin`). See docs/cli.md.
import { runCli } from "./program.js";

// A reader that goes away before the output is written (`puffle thread update --help | head -1`, a
// closed pipe) is not a failure of the command: stdout stops quietly with the exit code so far, and
// stderr is let go (the exit code still tells), instead of Node's unhandled EPIPE stack trace.
// Another error writing stdout is one line on stderr, exit 1.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(`puffle error: cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(1);
});
process.stderr.on("error", () => {});

process.exitCode = await runCli(process.argv.slice(2));
