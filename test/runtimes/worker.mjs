// The Worker run by workerd (bundled by rolldown with the package): GET /?base=…&fault=… answers probe()'s JSON.
import { probe } from "./probe.mjs";

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    try {
      return Response.json(await probe({ baseUrl: query.get("base"), faultUrl: query.get("fault") }));
    } catch (error) {
      return Response.json({ thrown: `${error?.name}: ${error?.message}`, stack: String(error?.stack) });
    }
  },
};
