// Minified, tree-shaken rolldown bundles of `export { …names } from file`, as an app's bundler
// would make of an import of the package (test/unit/tree-shaking.test.ts, test/pipeline/notices.test.ts).
import { rolldown } from "rolldown";
import type { OutputChunk } from "rolldown";
import { root } from "./helpers.js";

/** The chunks of a bundle of `export { …names } from file`. */
export async function bundledChunks(names: string[], file: string): Promise<OutputChunk[]> {
  const build = await rolldown({
    input: "entry",
    cwd: root,
    logLevel: "silent",
    treeshake: true,
    plugins: [{
      name: "entry",
      resolveId: (id) => (id === "entry" ? id : null),
      load: (id) => (id === "entry" ? `export { ${names.join(", ")} } from ${JSON.stringify(file)};` : null),
    }],
  });
  const { output } = await build.generate({ format: "esm", minify: true });
  await build.close();
  return output.flatMap((chunk) => (chunk.type === "chunk" ? [chunk] : []));
}

/** The code of every chunk of that bundle, joined. */
export async function bundledCode(names: string[], file: string): Promise<string> {
  return (await bundledChunks(names, file)).map((chunk) => chunk.code).join("\n");
}
