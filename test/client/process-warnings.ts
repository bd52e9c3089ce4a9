// The process warnings (MaxListenersExceededWarning, TimeoutOverflowWarning, …) emitted during each
// test of the file that calls this: listened to from beforeEach to afterEach. Node emits a warning
// on the next tick, so let one pass (setImmediate) before reading them.
import { afterEach, beforeEach } from "vitest";

/** Registers the hooks; the function returned gives the current test's warnings as "Name: message". */
export function warningsOfEachTest(): () => string[] {
  let warnings: string[] = [];
  const onWarning = (warning: Error) => void warnings.push(`${warning.name}: ${warning.message}`);
  beforeEach(() => {
    warnings = [];
    process.on("warning", onWarning);
  });
  afterEach(() => {
    process.off("warning", onWarning);
  });
  return () => warnings;
}
