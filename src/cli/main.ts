#!/usr/bin/env node
// The `puffle` binary (package.json `bin`). See docs/cli.md.
import { runCli } from "./program.js";

process.exitCode = await runCli(process.argv.slice(2));
