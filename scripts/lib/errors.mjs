// One error type for everything the pipeline rejects: it names the file, the line (when known),
// the rule and what is wrong, and is printed as one line by scripts/generate.mjs.
import path from "node:path";

export class PipelineError extends Error {
  /**
   * @param {{ file?: string, line?: number, col?: number, rule: string, message: string }} where
   */
  constructor({ file, line, col, rule, message }) {
    super(message);
    this.name = "PipelineError";
    this.file = file;
    this.line = line;
    this.col = col;
    this.rule = rule;
  }

  /** `openapi/components/schemas/X.yaml:12:5 [rule] message`, paths relative to `cwd`. */
  format(cwd = process.cwd()) {
    let where = this.file ? path.relative(cwd, this.file) || this.file : "(spec)";
    if (this.line) where += `:${this.line}${this.col ? `:${this.col}` : ""}`;
    return `${where} [${this.rule}] ${this.message}`;
  }
}
