// Redocly plugin `puffle` (listed in redocly.yaml, so `npm run lint:openapi` and the generate
// pipeline's lint both run it). Rule `puffle/known-extensions`: every `x-puffle-*` key is one the
// pipeline reads, where it reads it. Its readers look an extension up by its exact name, so a
// misspelt or misplaced one (`x-puffle-normalise`, `x-puffle-behavior`, `x-puffle-behaviour` on a
// path item) would otherwise be ignored without a word — and with it the behaviour it describes.

/** Each extension the pipeline reads → the node types it is read on (openapi/README.md lists them). */
export const PUFFLE_EXTENSIONS = Object.freeze({
  "x-puffle-behaviour": Object.freeze(["Operation"]), // scripts/lib/meta.mjs
  "x-puffle-normalize": Object.freeze(["Schema"]), // scripts/lib/validators.mjs (request body schemas)
  "x-puffle-transform": Object.freeze(["Schema"]), // scripts/lib/validators.mjs (request properties)
});

const KNOWN = Object.keys(PUFFLE_EXTENSIONS);

function KnownExtensions() {
  return {
    any: {
      enter(node, ctx) {
        if (node === null || typeof node !== "object" || Array.isArray(node)) return;
        for (const key of Object.keys(node)) {
          if (!key.startsWith("x-puffle-")) continue;
          const on = PUFFLE_EXTENSIONS[key];
          if (on === undefined) {
            ctx.report({ message: `unknown extension ${key}: the pipeline reads only ${KNOWN.join(", ")}`, location: ctx.location.child([key]).key() });
          } else if (!on.includes(ctx.type.name)) {
            ctx.report({ message: `${key} is read on ${on.join(" or ")} objects, not on ${ctx.type.name}: here it would be ignored`, location: ctx.location.child([key]).key() });
          }
        }
      },
    },
  };
}

export default function puffleRedoclyPlugin() {
  return { id: "puffle", rules: { oas3: { "known-extensions": KnownExtensions } } };
}
