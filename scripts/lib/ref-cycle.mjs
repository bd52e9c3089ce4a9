// Redocly stops on a `$ref` that leads back to itself (`A.yaml` is `$ref: B.yaml`, `B.yaml` is
// `$ref: A.yaml`) with a bare "Self-referencing circular pointer": no file, no line. This finds the
// cycle in the files its resolver loaded, so the pipeline can name the first `$ref` of it.
import path from "node:path";

/** The keys of a JSON Pointer fragment ("", "/a/b"; percent- and ~-escaped), or undefined if malformed. */
function segments(fragment) {
  if (fragment !== "" && !fragment.startsWith("/")) return undefined; // an $anchor: not a hop Redocly chains
  try {
    return fragment
      .split("/")
      .slice(1)
      .map((raw) => decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~"));
  } catch {
    return undefined;
  }
}

const escape = (k) => k.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The `$ref`s of a cycle of `$ref`-only hops among the documents `resolver` (Redocly's BaseResolver)
 * has loaded, as `[{ document, pointer }]` in the order they lead to each other, starting at the one
 * whose file and pointer sort first; undefined when there is none. `pointer` is Redocly's
 * ("#/components/x/$ref"), for getLineColLocation with reportOnKey.
 */
export async function findRefCycle(resolver) {
  const documents = new Map();
  for (const [ref, pending] of resolver.cache) {
    try {
      const document = await pending;
      if (document?.parsed !== undefined) documents.set(ref, document);
    } catch {
      // not loaded: not part of a cycle Redocly saw
    }
  }
  const key = (file, keys) => `${file}\u0000${JSON.stringify(keys)}`;
  const refs = new Map(); // key of a node holding a $ref → the hop
  for (const [file, document] of documents) {
    const seen = new Set();
    const visit = (node, keys) => {
      if (!node || typeof node !== "object" || seen.has(node)) return;
      seen.add(node);
      if (typeof node.$ref === "string") {
        const hash = node.$ref.indexOf("#");
        const uri = hash === -1 ? node.$ref : node.$ref.slice(0, hash);
        const target = segments(hash === -1 ? "" : node.$ref.slice(hash + 1));
        const targetFile = uri === "" ? file : path.resolve(path.dirname(file), uri);
        const pointer = `#${keys.map((k) => `/${escape(k)}`).join("")}/$ref`;
        refs.set(key(file, keys), { document, pointer, to: target && key(targetFile, target) });
      }
      for (const [k, v] of Object.entries(node)) visit(v, [...keys, k]);
    };
    visit(document.parsed, []);
  }
  // Each $ref has one target: follow the hops from every $ref (in a stable order) until one repeats.
  const order = [...refs.keys()].sort();
  for (const start of order) {
    const chain = [];
    const onChain = new Map();
    let current = start;
    while (current !== undefined && !onChain.has(current)) {
      onChain.set(current, chain.length);
      chain.push(current);
      const next = refs.get(current).to;
      current = next !== undefined && refs.has(next) ? next : undefined;
    }
    if (current === undefined) continue;
    const cycle = chain.slice(onChain.get(current));
    const first = cycle.indexOf([...cycle].sort()[0]);
    return [...cycle.slice(first), ...cycle.slice(0, first)].map((k) => refs.get(k));
  }
  return undefined;
}
