// Types of package-surface.mjs, for test/publish/diff-package.test.ts.
export type Severity = "breaking" | "review" | "notable";
export interface Finding {
  /** breaking (✖) and review (?): exit 1; notable (•): printed, exit 0. */
  severity: Severity;
  /** The heading it is printed under: "package.json", "files", `TypeScript: "name"`, `CLI: bin`. */
  group: string;
  rule: string;
  where: string;
  message: string;
}
/** A packed package, extracted: its folder, package.json and the tarball's file list. */
export interface PackedPackage {
  dir: string;
  pkg: Record<string, any>;
  files: Set<string>;
}
export interface ParsedHelp {
  usage: string;
  options: Map<string, { flags: string[]; arg: string | null; choices: string[] | null; default: string | null }>;
  commands: Map<string, string[]>;
}
export type HelpTree = Map<string, ParsedHelp | { error: string }>;
export declare function packageJson(base: PackedPackage, head: PackedPackage): Finding[];
export declare function files(base: PackedPackage, head: PackedPackage): Finding[];
export declare function typeSurface(base: PackedPackage, head: PackedPackage): Finding[];
export declare function parseHelp(text: string): ParsedHelp;
export declare function helpTree(file: string, cwd: string): HelpTree;
export declare function cliSurface(bin: string, base: HelpTree, head: HelpTree): Finding[];
