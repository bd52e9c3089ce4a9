// Types of write-files.mjs, for the tests in test/.
import type fs from "node:fs";
export const partialName: (file: string) => string;
export function writeFilesAtomically(entries: readonly (readonly [file: string, text: string])[], options?: { fs?: Pick<typeof fs, "statSync" | "lstatSync" | "realpathSync" | "readdirSync" | "writeFileSync" | "chmodSync" | "rmSync" | "linkSync" | "copyFileSync" | "symlinkSync" | "readlinkSync" | "renameSync" | "readFileSync">; lockWait?: number }): void;
export const writeTarget: (file: string) => string;
export function notAFile(stats: fs.Stats): string | undefined;
export function writeFailure(err: unknown, cwd?: string, untouched?: string): string;
export const lockName: (file: string) => string;
export function shown(file: string, cwd?: string): string;
export const signalExitCode: (signal: string | null | undefined) => number | undefined;
export function exitOnSignals(): void;
export function runStep(
  command: string,
  args: readonly string[],
  options?: import("node:child_process").SpawnOptions,
): Promise<{ status: number | null; signal: NodeJS.Signals | null; error: Error | undefined; stdout: string; stderr: string }>;
