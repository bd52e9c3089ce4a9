// `bun main.mjs <baseUrl> <faultUrl>`, `deno run --allow-net=127.0.0.1 main.mjs …`: prints probe()'s JSON.
import { probe } from "./probe.mjs";

const [baseUrl, faultUrl] = globalThis.Deno?.args ?? process.argv.slice(2);
try {
  console.log(JSON.stringify(await probe({ baseUrl, faultUrl })));
} catch (error) {
  console.log(JSON.stringify({ thrown: `${error?.name}: ${error?.message}`, stack: String(error?.stack) }));
}
