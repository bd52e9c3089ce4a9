// Global setup of `npm run test:runtimes`: builds dist/ (as the main suite's setup does), packs it and
// installs the tarball and the pinned runtimes into node_modules/.cache/puffle-runtimes (install.ts).
import build from "../setup/build.js";
import { install } from "./install.js";

export default function setup(): void {
  build();
  install();
}
